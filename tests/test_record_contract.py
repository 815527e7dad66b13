"""Every record of the sample corpus follows Contract 1 exactly."""

import pytest

from extractor import extract
from extractor.record import RECORD_KEYS

from .conftest import SAMPLE

LABELS = {"COMPANY", "ORG", "PERSON", "ROLE", "GPE", "DATE", "MONEY", "PERCENT", "PRICE", "QUANTITY",
          "COMMODITY", "INDEX", "POLICY"}
EVENT_TYPES = {
    "merger_acquisition", "dividend", "share_repurchase", "stock_split", "financing", "investment",
    "deal", "product_service", "facility", "legal", "personnel_change", "financial_report", "revenue",
    "profit_loss", "earnings_forecast", "sales_volume", "expense", "rating", "security_value",
    "csr_brand", "bankruptcy", "listing_status", "shareholding_change", "equity_pledge",
    "equity_freeze", "commodity_price", "price_adjustment", "regulation", "macroeconomics",
}
SENTIMENT_LABELS = {"positive", "negative", "neutral"}


@pytest.fixture(scope="module")
def records():
    return list(extract([SAMPLE], include_text=True))


def _check_sentiment(sentiment):
    assert sentiment["label"] in SENTIMENT_LABELS and -1 <= sentiment["score"] <= 1


def test_record_contract_sample_corpus_has_both_languages(records):
    assert len(records) >= 30
    assert {r["lang"] for r in records} == {"en", "zh"}
    assert all(r["errors"] == [] for r in records)


def test_record_contract_keys_and_offsets(records):
    for record in records:
        text = record.pop("text")
        assert tuple(record) == RECORD_KEYS
        _check_sentiment(record["sentiment"])
        for sentence in record["sentences"]:
            assert 0 <= sentence["start"] < sentence["end"] <= len(text)
            _check_sentiment(sentence["sentiment"])
        for entity in record["entities"]:
            assert text[entity["start"]:entity["end"]] == entity["text"]
            assert entity["label"] in LABELS and isinstance(entity["normalized"], dict)
        for event in record["events"]:
            assert event["type"] in EVENT_TYPES
            trigger = event["trigger"]
            assert text[trigger["start"]:trigger["end"]] == trigger["text"]
            assert 0 <= event["sentence"] < len(record["sentences"])
            assert event["modality"] in {"asserted", "expected", "negated", "hypothetical"}
            assert event["polarity"] in SENTIMENT_LABELS and 0 <= event["confidence"] <= 1
            for argument in event["arguments"]:
                assert text[argument["start"]:argument["end"]] == argument["text"] and argument["role"]


def test_record_contract_required_event_types_occur_in_both_languages(records):
    for lang in ("en", "zh"):
        found = {e["type"] for r in records if r["lang"] == lang for e in r["events"]}
        assert {"personnel_change", "commodity_price", "financing"} <= found, lang


def test_record_contract_chinese_announcement_links_the_company(records):
    [record] = [r for r in records if r["title"] and r["title"].startswith("中国北方稀土")]
    linked = {e["normalized"].get("ticker") for e in record["entities"] if e["label"] == "COMPANY"}
    assert "600111" in linked
    changes = [e for e in record["events"] if e["type"] == "personnel_change"]
    assert {"resignation", "election"} <= {e["subtype"] for e in changes}


def test_record_contract_events_follow_the_schema(records):
    from extractor.nlp.rules import EVENT_SCHEMA

    events = [e for r in records for e in r["events"]]
    assert len({e["type"] for e in events}) >= 20
    for event in events:
        spec = EVENT_SCHEMA[event["type"]]
        assert event["subtype"] in spec["subtypes"], (event["type"], event["subtype"])
        assert event["modality"] in {"asserted", "expected", "negated", "hypothetical"}
        assert event["mentions"][0]["trigger"] == event["trigger"]
        for mention in event["mentions"]:
            assert {a["role"] for a in mention["arguments"]} <= spec["roles"].keys()
