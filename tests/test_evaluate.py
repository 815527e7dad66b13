"""The scorer, on small hand-made gold and predictions whose scores are known."""

import copy
import json

import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.evaluate import evaluate, headline
from extractor.evaluate_main_text import scores, shingle_match

TEXT = "Copper rose 2 % on Monday. Zijin Mining fell."
GOLD = {
    "id": "g", "lang": "en", "published_at": "2026-03-02T00:00:00+00:00", "title": None, "text": TEXT,
    "sentiment": {"label": "positive"},
    "sentences": [{"start": 0, "end": 26, "sentiment": {"label": "positive"}},
                  {"start": 27, "end": 45, "sentiment": {"label": "negative"}}],
    "entities": [
        {"start": 0, "end": 6, "text": "Copper", "label": "COMMODITY", "normalized": {}},
        {"start": 12, "end": 15, "text": "2 %", "label": "PERCENT", "normalized": {"value": 0.02}},
        {"start": 19, "end": 25, "text": "Monday", "label": "DATE", "normalized": {"value": "2026-03-02"}},
        {"start": 27, "end": 39, "text": "Zijin Mining", "label": "COMPANY",
         "normalized": {"ticker": "601899", "exchange": "SSE"}},
    ],
    "events": [
        {"type": "commodity_price", "subtype": "increase", "trigger": {"start": 7, "end": 11, "text": "rose"},
         "sentence": 0, "arguments": [{"role": "commodity", "text": "Copper", "start": 0, "end": 6},
                                      {"role": "change", "text": "2 %", "start": 12, "end": 15}],
         "date": "2026-03-02", "polarity": "positive", "modality": "asserted", "confidence": 1.0},
        {"type": "security_value", "subtype": "decrease", "trigger": {"start": 40, "end": 44, "text": "fell"},
         "sentence": 1, "arguments": [{"role": "security", "text": "Zijin Mining", "start": 27, "end": 39}],
         "date": None, "polarity": "negative", "modality": "asserted", "confidence": 1.0},
    ],
    "companies": [{"text": "Zijin Mining", "ticker": "601899", "exchange": "SSE", "mentions": [[27, 39]],
                   "sentiment": {"label": "negative"}}],
    "errors": [],
}


def _prediction():
    predicted = copy.deepcopy(GOLD)
    predicted["sentences"] = [{"start": 0, "end": 45, "sentiment": {"label": "positive"}}]  # cut differently
    predicted["companies"] = [{"name": "Zijin Mining Group Co., Ltd.", "ticker": "601899", "exchange": "SSE",
                               "id": None, "mentions": 1, "sentiment": {"label": "negative", "score": -0.4}}]
    return predicted


def test_company_sentiment_is_read_from_the_company_its_mentions_are_linked_to():
    wrong = _prediction()
    wrong["companies"][0]["sentiment"]["label"] = "positive"
    assert headline(evaluate([GOLD], [wrong]))["sentiment.company.accuracy"] == 0.0
    unlinked = _prediction()
    unlinked["entities"] = [e for e in unlinked["entities"] if e["label"] != "COMPANY"]
    scores = evaluate([GOLD], [unlinked])["sentiment"]["company"]
    assert scores["accuracy"] == 0.0 and scores["confusion"] == {"negative->none": 1}


def test_evaluate_perfect_prediction_scores_one():
    result = headline(evaluate([GOLD], [_prediction()]))
    assert {k: v for k, v in result.items() if not k.startswith("sentiment.sentence")} == {
        k: 1.0 for k in result if not k.startswith("sentiment.sentence")}
    assert result["sentiment.sentence.accuracy"] == 0.5  # one predicted sentence covers both


def test_evaluate_misses_spurious_confusions_and_values():
    predicted = _prediction()
    predicted["entities"] = [
        {"start": 0, "end": 6, "text": "Copper", "label": "ORG", "normalized": {}},
        {"start": 12, "end": 15, "text": "2 %", "label": "PERCENT", "normalized": {"value": 0.2}},
        {"start": 16, "end": 25, "text": "on Monday", "label": "DATE", "normalized": {"value": "2026-03-02"}},
    ]
    predicted["events"] = predicted["events"][:1] + [
        {**predicted["events"][1], "type": "bankruptcy", "arguments": []}]
    result = evaluate([GOLD], [predicted])
    exact, overlap = result["entities"]["exact"], result["entities"]["overlap"]
    assert exact["micro"] == {"precision": 0.3333, "recall": 0.25, "f1": 0.2857, "support": 4}
    assert overlap["DATE"]["f1"] == 1.0 and overlap["COMPANY"]["recall"] == 0.0
    assert result["errors"]["label_confusions"] == {"COMMODITY->ORG": 1}
    assert result["values"]["numbers"] == {"accuracy": 0.0, "found": 1, "gold": 1}
    assert result["values"]["dates"]["accuracy"] == 1.0
    sentence_events = result["events"]["sentence"]
    assert sentence_events["commodity_price"]["f1"] == 1.0 and sentence_events["security_value"]["recall"] == 0.0
    assert sentence_events["bankruptcy"]["precision"] == 0.0
    assert result["arguments"]["security"]["recall"] == 0.0 and result["arguments"]["commodity"]["f1"] == 1.0
    assert {e["label"] for e in result["errors"]["missed"] if e["kind"] == "event"} == {"security_value"}


@pytest.mark.parametrize("true,predicted,expected", [
    ("a b c d e", "a b c d e", (1.0, 0.0, 0.0)),
    ("a b c d e", "", (0.0, 0.0, 1.0)),
    ("a b c d e", "a b c d x", (1 / 3, 1 / 3, 1 / 3)),
])
def test_evaluate_shingle_match(true, predicted, expected):
    assert shingle_match(true, predicted) == pytest.approx(expected)


def test_evaluate_main_text_scores():
    assert scores([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)]) == {"precision": 0.75, "recall": 1.0, "f1": 0.8571}


def test_evaluate_cli_scores_predictions(tmp_path):
    gold, predicted = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    predicted.write_text(json.dumps(_prediction()) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--predictions", str(predicted), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["headline"]["events.sentence.micro_f1"] == 1.0
    text = CliRunner().invoke(cli, ["evaluate", str(gold), "--predictions", str(predicted)])
    assert "Events, sentence level" in text.stdout and "commodity_price" in text.stdout


def test_evaluate_cli_needs_gold_or_benchmark():
    result = CliRunner().invoke(cli, ["evaluate"])
    assert result.exit_code == 2 and "[E051]" in result.output
