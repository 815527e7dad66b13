"""Sentiment from any Hugging Face sequence-classification model (a FinBERT checkpoint, say).

``sentiment_model`` names the model (a name in the local Hugging Face cache, or the path of a folder
saved with ``save_pretrained``); its labels are mapped to negative, neutral and positive by their names
(``positive``, ``Negative``, ``NEU`` ...) or by the setting ``sentiment_labels``
(``LABEL_0=negative,LABEL_1=neutral,LABEL_2=positive``; a label left out counts as neutral). Texts go
through the model in batches of ``sentiment_batch_size``, longest first, each cut at
``sentiment_max_tokens`` tokens. The output is the same as the default model's. PyTorch and
transformers are optional: ``pip install 'extractor[transformers]'``.
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import ConfigError, Errors, ModelError
from .sentiment import LABELS

_BY_PREFIX = {"neg": "negative", "neu": "neutral", "pos": "positive"}


def label_map(model_labels: list[str], given: str, name: str) -> list[int]:
    """For each of the model's labels (in id order), the index of ours in LABELS it stands for."""
    if given:
        pairs = dict(item.split("=", 1) for item in given.split(",") if "=" in item)
        wrong = {k: v for k, v in pairs.items() if v.strip() not in LABELS or k.strip() not in model_labels}
        if wrong or not pairs:
            raise ConfigError(Errors.E036.format(name=name, labels=model_labels))
        ours = {k.strip(): v.strip() for k, v in pairs.items()}
        return [LABELS.index(ours.get(label, "neutral")) for label in model_labels]
    found = [_BY_PREFIX.get(label.strip().lower()[:3]) for label in model_labels]
    if None in found:
        raise ConfigError(Errors.E036.format(name=name, labels=model_labels))
    return [LABELS.index(label) for label in found]


class TransformerSentiment:
    def __init__(self, name: str, labels: str, batch_size: int, max_tokens: int) -> None:
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError:
            raise ModelError(Errors.E034.format(name=name)) from None
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(name)
            self.model = AutoModelForSequenceClassification.from_pretrained(name).eval()
        except (OSError, ValueError) as e:
            raise ModelError(Errors.E035.format(name=name, detail=e)) from e
        config = self.model.config
        self.map = label_map([config.id2label[i] for i in range(config.num_labels)], labels, name)
        self.torch, self.batch_size, self.max_tokens = torch, batch_size, max_tokens

    def probabilities(self, texts: list[str], lang: str) -> list[tuple[float, float, float]]:
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))  # similar lengths pad less
        out: list[tuple[float, float, float]] = [(0.0, 1.0, 0.0)] * len(texts)
        for first in range(0, len(order), self.batch_size):
            batch = order[first:first + self.batch_size]
            inputs = self.tokenizer([texts[i] for i in batch], truncation=True, max_length=self.max_tokens,
                                    padding=True, return_tensors="pt")
            with self.torch.inference_mode():
                probabilities = self.model(**inputs).logits.softmax(dim=-1).tolist()
            for i, row in zip(batch, probabilities, strict=True):
                ours = [0.0, 0.0, 0.0]
                for label, p in enumerate(row):
                    ours[self.map[label]] += p
                out[i] = (ours[0], ours[1], ours[2])
        return out


@lru_cache(maxsize=2)
def load_transformer(name: str, labels: str, batch_size: int, max_tokens: int) -> TransformerSentiment:
    return TransformerSentiment(name, labels, batch_size, max_tokens)
