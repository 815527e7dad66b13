"""The event-type model: features, its choices, and its place behind the rules in the pipeline."""

import os
import subprocess
import sys
from pathlib import Path

from extractor import extract
from extractor.nlp.event_types import MODEL_FILE, EventTypeModel, features, load, save
from extractor.nlp.pipeline import load_pipeline
from extractor.settings import DEFAULT_CONFIG


def test_features_words_pairs_numbers_and_percent():
    found = features("Copper rose 2.1 % to $9,850")
    assert {"copper", "rose", "copper_rose", "<num>", "<pct>"} <= found
    assert {"碳", "酸", "碳_酸"} <= features("碳酸锂价格上涨")


def test_sure_types_and_trigger_are_words_or_two_chinese_characters():
    model = EventTypeModel({"equity_pledge": {"质_押": 6.0, "质": 1.0}, "deal": {"signed": 3.0}},
                           {"equity_pledge": -1.0, "deal": -1.0}, 2.0)
    text = "股东张伟质押了800万股。"
    assert model.sure(text) == ["equity_pledge"]
    start, end = model.trigger("equity_pledge", text)
    assert text[start:end] == "质押"
    assert model.trigger("deal", text) is None


def test_the_model_adds_an_event_no_rule_found_and_the_setting_turns_it_off(tmp_path, write_jsonl):
    for path in (DEFAULT_CONFIG.models_path).iterdir():
        if path.name != MODEL_FILE:
            (tmp_path / path.name).symlink_to(path)
    save(tmp_path / MODEL_FILE, {"csr_brand": {"zzfoo": 9.0}}, {"csr_brand": -1.0}, 5.0)
    load.cache_clear()
    load_pipeline.cache_clear()
    document = write_jsonl([{"text": "Acme Corp faced a zzfoo over its stores.", "published_at": "2026-01-21"}])
    [record] = extract([document], config=DEFAULT_CONFIG.with_overrides(models_dir=str(tmp_path)))
    [event] = [e for e in record["events"] if e["type"] == "csr_brand"]
    assert event["trigger"]["text"] == "zzfoo" and event["confidence"] == 0.4
    [alone] = extract([document], config=DEFAULT_CONFIG.with_overrides(models_dir=str(tmp_path),
                                                                       event_type_model=False))
    assert not [e for e in alone["events"] if e["type"] == "csr_brand"]
    load.cache_clear()
    load_pipeline.cache_clear()



def test_scores_are_the_same_in_every_process():
    """A sentence's features are a set, iterated in an order that changes with the hash seed of each
    process; the sums must not change with it (a score near the threshold once flipped an event between
    two runs). Weights that cancel out expose the order: added one by one, 0.7 and 0.1 vanish next to 1e16."""
    module = Path(__file__).parent.parent / "extractor" / "nlp" / "event_types.py"  # alone: no spaCy to load
    script = ("import importlib.util, sys\n"
              f"spec = importlib.util.spec_from_file_location('event_types', {str(module)!r})\n"
              "event_types = importlib.util.module_from_spec(spec); spec.loader.exec_module(event_types)\n"
              "EventTypeModel = event_types.EventTypeModel\n"
              "words = 'alpha beta gamma delta epsilon zeta eta theta'.split()\n"
              "weights = dict(zip(words, [0.1, 0.2, 0.3, 1e16, -1e16, 0.7, 1e16, -1e16]))\n"
              "print(repr(EventTypeModel({'deal': weights}, {'deal': 0.0}, 0.0).scores(' '.join(words))['deal']))")
    found = {subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                            capture_output=True, text=True, check=True).stdout.strip() for seed in range(8)}
    assert found == {"1.3"}
