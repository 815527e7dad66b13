"""Financial sentiment of sentences and clauses, and how a document's sentiment is built from them.

The default model is a multinomial logistic regression over the features of
:mod:`extractor.nlp.sentiment_features`, trained by ``scripts/train_sentiment.py`` on the sentences
the project wrote and labelled (``corpus/sentiment/``) and stored in ``models/sentiment.json`` (its
card: ``models/SENTIMENT.md``). It needs nothing but the standard library and scores tens of thousands
of sentences a second. ``sentiment_model`` names a Hugging Face model instead
(:mod:`extractor.nlp.sentiment_transformer`); both give, per text, the probabilities of negative,
neutral and positive.

A text's label is its most probable class; its score, in [-1, 1], is P(positive) - P(negative).
A document's score is the mean of its sentences' scores, each weighted by the news it carries (1 +
its events and linked companies): a sentence that tells two events about a company weighs five times
a line of boilerplate, whose score is near 0 anyway (a neutral sentence's P(positive) and
P(negative) are both small), so procedure does not drown the news. Beyond ±0.15 the document is
positive or negative (chosen on the gold dev split against other thresholds and against leaving
neutral sentences out).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

from ..errors import Errors, ModelError
from .sentiment_features import features

LABELS = ("negative", "neutral", "positive")
MODEL_FILE = "sentiment.json"
DEFAULT_MODEL = "default"
THRESHOLD = 0.15  # an aggregated score (document, company) beyond ±THRESHOLD is positive or negative


class Sentiment(NamedTuple):
    label: str
    score: float


PolarityAt = Callable[[int], Sentiment]  # the sentiment at a position of the text (its clause's)


class SentimentModel(Protocol):
    def probabilities(self, texts: list[str], lang: str) -> list[tuple[float, float, float]]:
        """Per text, the probabilities of (negative, neutral, positive)."""


def label_of(score: float) -> str:
    return "positive" if score > THRESHOLD else "negative" if score < -THRESHOLD else "neutral"


def sentiment_of(probabilities: tuple[float, float, float]) -> Sentiment:
    best = max(range(3), key=probabilities.__getitem__)
    return Sentiment(LABELS[best], round(probabilities[2] - probabilities[0], 4))


def softmax(values: list[float]) -> tuple[float, float, float]:
    top = max(values)
    exps = [math.exp(v - top) for v in values]
    total = sum(exps)
    return exps[0] / total, exps[1] / total, exps[2] / total


class LinearSentiment:
    """Weights per feature for (negative, neutral, positive), and a bias per class."""

    def __init__(self, weights: dict[str, list[float]], bias: list[float]) -> None:
        self.weights, self.bias = weights, bias

    def probabilities(self, texts: list[str], lang: str) -> list[tuple[float, float, float]]:
        out = []
        for text in texts:
            matched = [weight for feature in features(text, lang) if (weight := self.weights.get(feature)) is not None]
            # fsum: the same total whatever order the set of features comes in (it varies with the hash seed)
            out.append(softmax([bias + math.fsum(weight[k] for weight in matched) for k, bias in enumerate(self.bias)]))
        return out


def save_linear(path: Path, model: LinearSentiment, meta: dict) -> None:
    path.write_text(json.dumps({"labels": LABELS, "meta": meta, "bias": model.bias, "weights": model.weights},
                               ensure_ascii=False, sort_keys=True), encoding="utf-8")


@lru_cache(maxsize=4)
def load_linear(models_dir: Path) -> LinearSentiment:
    path = models_dir / MODEL_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(Errors.E033.format(path=path)) from None
    return LinearSentiment(data["weights"], data["bias"])


def load_sentiment(models_dir: Path, model: str, labels: str, batch_size: int, max_tokens: int) -> SentimentModel:
    """The default model, or the Hugging Face model that ``model`` names."""
    if model == DEFAULT_MODEL:
        return load_linear(models_dir)
    from .sentiment_transformer import load_transformer

    return load_transformer(model, labels, batch_size, max_tokens)


def weighted_score(parts: list[tuple[Sentiment, float]]) -> float:
    """The weighted mean of the parts' scores (0 when there are none)."""
    total = sum(weight for _, weight in parts)
    return round(sum(sentiment.score * weight for sentiment, weight in parts) / total, 4) if total else 0.0
