"""The project's labelled sentences (corpus/sentiment) are well formed: the training scripts read them as
they are, so a wrong label, an unknown event type or a target not in its sentence would train silently."""

import json
from collections import Counter

import pytest

from extractor.nlp.sentiment import LABELS

from .conftest import ROOT

FILES = sorted((ROOT / "corpus" / "sentiment").glob("*.jsonl"))
EVENT_TYPES = set(json.loads((ROOT / "extractor" / "nlp" / "event_schema.json").read_text(encoding="utf-8")))


def _items(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_sentiment_file_is_well_formed(path):
    items = _items(path)
    assert len(items) >= 250
    for item in items:
        assert item["id"].startswith(f"sent-{path.stem}-") and item["lang"] in ("en", "zh")
        assert item["label"] in LABELS and item["text"] == item["text"].strip() and item["text"]
        for target in item.get("targets", []):
            assert target["text"] in item["text"] and target["label"] in LABELS, (item["id"], target)
        if "events" in item:  # an article's sentence
            assert set(item["events"]) <= EVENT_TYPES, item["id"]
            assert item["article_label"] in LABELS
    assert len({item["id"] for item in items}) == len(items)
    articles = {}
    for item in items:
        if "article" in item:
            assert articles.setdefault(item["article"], item["article_label"]) == item["article_label"], item["id"]


def test_corpus_sentiment_ids_and_texts_are_unique_across_files():
    items = [item for path in FILES for item in _items(path)]
    assert len({item["id"] for item in items}) == len(items)
    repeated = [text for text, n in Counter(item["text"] for item in items).items() if n > 1]
    assert len(repeated) <= len(items) // 200, repeated[:5]  # a headline-like phrase may recur, rarely


def test_corpus_sentiment_check_set_is_well_formed_and_apart_from_training():
    """corpus/sentiment-check measures the model: no sentence of it may be trained on."""
    items = [item for path in sorted((ROOT / "corpus" / "sentiment-check").glob("*.jsonl")) for item in _items(path)]
    assert len(items) >= 490
    assert all(item["id"].startswith("check-") and item["label"] in LABELS and item["text"] for item in items)
    assert len({item["id"] for item in items}) == len(items)
    training = {item["text"] for path in FILES for item in _items(path)}
    shared = [item["text"] for item in items if item["text"] in training]
    assert not shared, shared
