"""The labelled sentences the sentiment models are trained on, read the same way by
scripts/train_sentiment.py and scripts/compare_sentiment_encoders.py (which runs without the extractor
package, so this module imports nothing of it)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "sentiment"
CHECK = ROOT / "corpus" / "sentiment-check"  # measured on, never trained on
GOLD_TRAINING = (ROOT / "corpus" / "gold" / "dev.jsonl", ROOT / "corpus" / "gold" / "train.jsonl")
GOLD_TEST = ROOT / "corpus" / "gold" / "test.jsonl"
Sentence = tuple[str, str, str]  # text, lang, label


def gold_sentences(path: Path) -> list[tuple[str, Sentence]]:
    """(id, sentence) for every sentence of a gold split, by its sentence label."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text, lang = record["text"], record["lang"]
        out += [(f"{record['id']}:{i}", (text[s["start"]:s["end"]], lang, s["sentiment"]["label"]))
                for i, s in enumerate(record["sentences"])]
    return out


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _items(folder: Path) -> list[dict]:
    return [item for path in sorted(folder.glob("*.jsonl")) for item in _read(path)]


def corpus_items() -> list[dict]:
    """Every labelled sentence of corpus/sentiment, as written (the articles' also list event types)."""
    return _items(CORPUS)


def check_sets() -> dict[str, list[Sentence]]:
    """The sets of corpus/sentiment-check by name, each written apart from the training sets to measure on."""
    return {path.stem: [(item["text"], item["lang"], item["label"]) for item in _read(path)]
            for path in sorted(CHECK.glob("*.jsonl"))}


def training_sentences() -> list[tuple[str, Sentence]]:
    """(id, sentence) for every sentence of corpus/sentiment and of the gold dev and train splits."""
    out = [(item["id"], (item["text"], item["lang"], item["label"])) for item in corpus_items()]
    for path in GOLD_TRAINING:
        out += gold_sentences(path)
    return out


def split(sentences: list[tuple[str, Sentence]]) -> tuple[list[Sentence], list[Sentence]]:
    """(training, held out): a fifth held out, by a hash of each id."""
    train, held = [], []
    for key, sentence in sentences:
        (held if int(hashlib.sha256(key.encode()).hexdigest(), 16) % 5 == 0 else train).append(sentence)
    return train, held
