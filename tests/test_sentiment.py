"""Sentiment through the real pipeline: finance meaning, companies, documents and events."""

import pytest

from extractor import extract_documents
from extractor.inputs import Document
from extractor.nlp.sentiment import Sentiment, weighted_score
from extractor.nlp.sentiment_features import features
from extractor.nlp.targeted_sentiment import split_clauses


def _record(text: str, lang: str = "en") -> dict:
    document = Document(id="t", text=text, input_name="test", lang=lang, published_at="2026-03-02T09:00:00+00:00")
    [(_, record)] = list(extract_documents([document]))
    return record


def _sentence_label(text: str, lang: str = "en") -> str:
    [sentence] = _record(text, lang)["sentences"]
    return sentence["sentiment"]["label"]


@pytest.mark.parametrize("text,label", [
    ("Shares slumped 8% after the company cut its profit guidance.", "negative"),
    ("The company said operating costs fell 12% in the quarter.", "positive"),
    ("The carmaker narrowed its net loss to $120 million from $310 million a year earlier.", "positive"),
    ("Revenue fell 9% to $2.1 billion.", "negative"),
    ("The annual general meeting will be held on May 14.", "neutral"),
    ("The bank did not meet analysts' profit estimates.", "negative"),
    # figures compared, with no direction word
    ("Net sales totalled EUR 83.5 mn, compared with EUR 62.7 mn in 2010.", "positive"),
])
def test_sentences_carry_their_finance_meaning_in_english(text, label):
    assert _sentence_label(text) == label


@pytest.mark.parametrize("text,label", [
    ("公司2025年净利润同比增长35%，营业收入创历史新高。", "positive"),
    ("受原材料价格上涨影响，公司毛利率同比下滑4.2个百分点。", "negative"),
    ("报告期内公司亏损收窄，管理费用同比下降18%。", "positive"),
    ("公司将于2026年5月14日召开年度股东大会。", "neutral"),
])
def test_sentences_carry_their_finance_meaning_in_chinese(text, label):
    assert _sentence_label(text, "zh") == label


@pytest.mark.parametrize("text,feature", [
    ("net sales totalled eur 83.5 mn, compared with eur 62.7 mn in 2010.", "cmp:dir:up|good"),
    ("operating loss was eur 2.1 mn (eur 3.4 mn).", "cmp:dir:down|bad"),
    ("eps rose to eur 0.52 (0.39).", "cmp:dir:up|good"),
    ("net sales grew from eur 5.1 mn in 2008 to eur 8.4 mn.", "cmp:dir:up|good"),
    ("operating profit was sek 212 mln vs sek 1.6 bln.", "cmp:dir:down|good"),
])
def test_figures_compared_give_a_direction(text, feature):
    assert feature in features(text, "en")
    assert not [f for f in features("the contract runs from 2010 to 2012.", "en") if f.startswith("cmp:")]


def test_each_company_gets_the_news_of_its_own_clause():
    record = _record("Microsoft beat quarterly profit estimates while Intel missed them.")
    labels = {c["ticker"]: c["sentiment"]["label"] for c in record["companies"]}
    assert labels == {"MSFT": "positive", "INTC": "negative"}


def test_a_company_named_before_a_comma_takes_the_news_after_it_in_chinese():
    record = _record("比亚迪发布公告，公司上半年净利润同比下降30%。", "zh")
    [company] = [c for c in record["companies"] if c["ticker"] == "002594"]
    assert company["sentiment"]["label"] == "negative"


def test_partners_customers_and_brokers_beside_the_news_are_neutral():
    record = _record("Tesla beat quarterly profit estimates and signed a battery supply agreement with Panasonic. "
                     "Tesla shares jumped 9 % after Goldman Sachs raised its price target.")
    labels = {c["name"]: c["sentiment"]["label"] for c in record["companies"]}
    assert [label for name, label in labels.items() if "Panasonic" in name] == ["neutral"]
    assert [label for name, label in labels.items() if "Goldman" in name] == ["neutral"]
    record = _record("宁德时代与某能源公司签署储能电池供货协议，公司股价大涨8%。", "zh")
    assert {c["sentiment"]["label"] for c in record["companies"] if "300750" != c["ticker"]} <= {"neutral"}


def test_an_unlisted_holder_whose_shares_are_frozen_stands_beside_the_news():
    record = _record("比亚迪公告，控股股东深圳市恒泰投资有限公司所持公司股份3,000万股被深圳市中级人民法院司法冻结，"
                     "冻结期限为三年。", "zh")
    labels = {c["name"]: c["sentiment"]["label"] for c in record["companies"]}
    assert labels["深圳市恒泰投资有限公司"] == "neutral"  # the news is the listed company's
    assert labels["BYD Company Limited"] == "negative"


def test_the_document_is_its_news_not_the_count_of_its_sentences():
    text = ("Zijin Mining said on Monday it would cut its full-year gold output target by 15% after a mine "
            "accident, and warned that first-half profit would fall sharply. "
            "The company's headquarters are in Xiamen. "
            "The meeting was held in Shanghai. "
            "The statement was published on the exchange's website.")
    record = _record(text)
    assert [s["sentiment"]["label"] for s in record["sentences"]][1:] == ["neutral"] * 3
    assert record["sentiment"]["label"] == "negative"


def test_an_events_polarity_is_its_clauses():
    record = _record("Copper rose 2% to $9,850 a tonne on Monday, but aluminium fell 3% to $2,400 a tonne.")
    polarity = {e["arguments"][0]["text"].lower(): e["polarity"] for e in record["events"]
                if e["type"] == "commodity_price"}
    assert polarity == {"copper": "positive", "aluminium": "negative"}


def test_clauses_split_where_the_news_may_turn_and_nowhere_else():
    text = "Shell rose 2% while BP fell; Total was flat."
    assert [text[s:e] for s, e in split_clauses(text, 0, len(text), "en")] == [
        "Shell rose 2%", "BP fell", "Total was flat."]
    assert split_clauses("Apple and Microsoft rose.", 0, 25, "en") == [(0, 25)]


def test_weighted_score_is_the_weighted_mean_of_the_parts():
    parts = [(Sentiment("negative", -0.8), 5.0), (Sentiment("neutral", 0.05), 1.0), (Sentiment("neutral", 0.0), 1.0)]
    assert weighted_score(parts) == pytest.approx((-4.0 + 0.05) / 7, abs=1e-4)
    assert weighted_score([]) == 0.0
