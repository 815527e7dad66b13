"""The quality gate: scores on the gold test split stay at or above the pinned floors."""

import importlib.util
import json

import pytest

from extractor.evaluate_main_text import evaluate_main_text

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("eval_gate", ROOT / "scripts" / "eval_gate.py")
gate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gate)


@pytest.fixture(scope="module")
def baseline():
    return json.loads(gate.BASELINE.read_text(encoding="utf-8"))


def test_quality_gate_corpus_is_the_pinned_one(baseline):
    assert gate.corpus_hash() == baseline["corpus_sha256"], (
        "corpus/gold/test.jsonl changed: re-pin with python scripts/eval_gate.py --update")


def test_quality_gate_scores_stay_above_floors(baseline):
    scores = gate.current_scores(main_text=False)
    assert set(scores) == set(baseline["floors"]) - {gate.MAIN_TEXT_F1}
    assert gate.below_floors(scores, baseline["floors"]) == {}


@pytest.mark.parametrize("scores,floors,failed", [
    ({"a": 0.5}, {"a": 0.5}, {}),
    ({"a": 0.49}, {"a": 0.5}, {"a": (0.49, 0.5)}),
    ({"a": 0.2, "b": 0.1}, {"a": 0.3}, {"a": (0.2, 0.3)}),
])
def test_quality_gate_below_floors(scores, floors, failed):
    assert gate.below_floors(scores, floors) == failed


def test_quality_gate_main_text_next_to_trafilatura(baseline):
    if not gate.MAIN_TEXT.exists():
        pytest.skip(f"{gate.MAIN_TEXT} is absent")
    result = evaluate_main_text(gate.MAIN_TEXT)
    assert result["pages"] == 181
    assert result["extractor"]["f1"] >= baseline["floors"][gate.MAIN_TEXT_F1]
    assert result["trafilatura"]["f1"] > 0.9  # the baseline ran, scoring what the benchmark reports


def test_quality_gate_lowering_a_floor_needs_the_flag_and_a_changelog_line(tmp_path, monkeypatch):
    baseline, changelog = tmp_path / "baseline.json", tmp_path / "CHANGELOG.md"
    baseline.write_text(json.dumps({"floors": {"events.sentence.micro_f1": 0.9}}), encoding="utf-8")
    changelog.write_text("# Changelog\n\n## [Unreleased]\n\n- Nothing yet.\n\n## [0.0.1]\n", encoding="utf-8")
    monkeypatch.setattr(gate, "BASELINE", baseline)
    monkeypatch.setattr(gate, "CHANGELOG", changelog)
    scores = {"events.sentence.micro_f1": 0.5}
    with pytest.raises(SystemExit, match="would go down"):
        gate.update(scores, allow_regression=False)
    with pytest.raises(SystemExit, match="not named in CHANGELOG"):
        gate.update(scores, allow_regression=True)
    changelog.write_text("# Changelog\n\n## [Unreleased]\n\n"
                         "- Lower `events.sentence.micro_f1` (0.900 → 0.498): new corpus.\n", encoding="utf-8")
    pinned = gate.update(scores, allow_regression=True)
    assert pinned["floors"]["events.sentence.micro_f1"] == 0.498
    assert gate.update({"events.sentence.micro_f1": 0.6}, allow_regression=False)["floors"][
        "events.sentence.micro_f1"] == 0.598
