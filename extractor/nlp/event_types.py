"""Which event types a sentence tells, by a linear model over its words: the rules' safety net.

An averaged perceptron per event type over lower-cased words, word pairs and a percentage sign,
trained on the gold corpus's dev split by ``scripts/train_event_types.py`` and stored in
``models/event_types.json`` (its card: ``models/EVENT_TYPES.md``). ``events.py`` asks it about every
sentence and adds an event of a type the model is sure of where no rule found one, with the word that
weighs most for that type as its trigger.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+(?:\.\d+)?|[\u4e00-\u9fff]")
MODEL_FILE = "event_types.json"
_CJK = re.compile(r"[\u4e00-\u9fff]")


def features(text: str) -> set[str]:
    """Words (numbers as <num>), adjacent pairs, and <pct> where a percentage is written."""
    tokens = ["<num>" if t[0].isdigit() else t.lower() for t in TOKEN.findall(text)]
    found = set(tokens) | {f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)}
    if "%" in text or "％" in text:
        found.add("<pct>")
    return found


class EventTypeModel:
    def __init__(self, weights: dict[str, dict[str, float]], bias: dict[str, float], threshold: float) -> None:
        self.weights, self.bias, self.threshold = weights, bias, threshold
        # feature -> (type, weight): a sentence's score reads only the features it has
        self._by_feature: dict[str, list[tuple[str, float]]] = {}
        for event_type, type_weights in weights.items():
            for feature, weight in type_weights.items():
                self._by_feature.setdefault(feature, []).append((event_type, weight))

    def scores(self, text: str) -> dict[str, float]:
        weights: dict[str, list[float]] = {event_type: [] for event_type in self.weights}
        for feature in features(text):
            for event_type, weight in self._by_feature.get(feature, ()):
                weights[event_type].append(weight)
        # fsum: the same score whatever order the set of features comes in (it varies with the hash seed)
        return {event_type: self.bias[event_type] + math.fsum(found) for event_type, found in weights.items()}

    def sure(self, text: str) -> list[str]:
        """The types whose score passes the model's threshold, best first."""
        scores = self.scores(text)
        return sorted((t for t, s in scores.items() if s > self.threshold), key=lambda t: -scores[t])

    def trigger(self, event_type: str, text: str) -> tuple[int, int] | None:
        """Where in ``text`` the word that weighs most for ``event_type`` is: an English word, or two
        Chinese characters written together ("质押"), never a single character."""
        weights = self.weights[event_type]
        tokens = [m for m in TOKEN.finditer(text) if not m.group()[0].isdigit()]
        spans = [(weights.get(m.group().lower(), 0.0), m.start(), m.end()) for m in tokens if not _CJK.match(m.group())]
        spans += [(weights.get(f"{a.group()}_{b.group()}", 0.0), a.start(), b.end())
                  for a, b in zip(tokens, tokens[1:], strict=False)
                  if _CJK.match(a.group()) and _CJK.match(b.group()) and a.end() == b.start()]
        best = max(spans, default=None)
        return (best[1], best[2]) if best is not None and best[0] > 0 else None


def save(path: Path, weights: dict[str, dict[str, float]], bias: dict[str, float], threshold: float) -> None:
    path.write_text(json.dumps({"threshold": threshold, "bias": bias, "weights": weights}, ensure_ascii=False,
                               sort_keys=True), encoding="utf-8")


@lru_cache(maxsize=4)
def load(models_dir: Path) -> EventTypeModel | None:
    """The model in ``models_dir``, or None where there is none (the rules then work alone)."""
    path = models_dir / MODEL_FILE
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return EventTypeModel(data["weights"], data["bias"], data["threshold"])
