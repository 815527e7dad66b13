"""Scores: predicted records against gold records (Contract 1 format, gold with its ``text``).

- Entities: precision, recall and F1 per label, by exact span and by overlap; accuracy of the
  normalised values (numbers, dates, companies) on the entities found.
- Events: detection per type at sentence level (type and gold sentence of the trigger) and at
  document level (type in the document); arguments per role (type, sentence, role and an
  overlapping span); modality agreement on detected events.
- Sentiment: accuracy and macro-F1 for documents and for sentences (each gold sentence takes the
  label of the predicted sentence that overlaps it most).
- A listing of the errors: label confusions, missed and spurious entities and events.

Predicted sentences may be cut differently from gold ones: a predicted event or argument is placed
in the gold sentence that holds its trigger.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .extract import extract_documents
from .inputs import Document
from .nlp.targeted_sentiment import identity
from .settings import DEFAULT_CONFIG, Config

SENTIMENTS = ("positive", "negative", "neutral")
VALUE_GROUPS = {"MONEY": "numbers", "PRICE": "numbers", "PERCENT": "numbers", "QUANTITY": "numbers",
                "DATE": "dates", "COMPANY": "companies"}
VALUE_KEYS = ("value", "high", "currency", "per_unit", "unit", "ticker", "exchange")


def read_records(path: str | Path) -> list[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_documents(gold: Iterable[dict[str, Any]]) -> list[Document]:
    """The gold texts as documents, to run the extractor on."""
    return [Document(id=r["id"], text=r["text"], input_name=f"gold:{r['id']}", lang=r["lang"],
                     published_at=r["published_at"], title=r.get("title")) for r in gold]


def prf(tp: float, predicted: float, expected: float) -> dict[str, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "support": int(expected)}


def _per_key(tp: Counter, predicted: Counter, expected: Counter) -> dict[str, dict[str, float]]:
    table = {key: prf(tp[key], predicted[key], expected[key]) for key in sorted(set(predicted) | set(expected))}
    table["micro"] = prf(sum(tp.values()), sum(predicted.values()), sum(expected.values()))
    scored = [v["f1"] for k, v in table.items() if k != "micro" and v["support"]]
    table["macro"] = {"f1": round(sum(scored) / len(scored), 4) if scored else 0.0, "support": len(scored)}
    return table


def _same_value(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    for key in VALUE_KEYS:
        if key not in gold:
            continue
        want, got = gold[key], predicted.get(key)
        if isinstance(want, (int, float)) and isinstance(got, (int, float)):
            if not math.isclose(want, got, rel_tol=1e-6, abs_tol=1e-9):
                return False
        elif str(want) != str(got):
            return False
    return True


def _sentence_of(starts: list[int], position: int) -> int:
    return max(0, bisect_right(starts, position) - 1)


def mentioned_in(event: dict[str, Any], starts: list[int]) -> list[int]:
    """The sentences of a predicted event's mentions (an event told in three sentences is found in
    each of them), by offset, so that predictions split into sentences differently still score."""
    triggers = [m["trigger"] for m in event.get("mentions") or []] or [event["trigger"]]
    return sorted({_sentence_of(starts, trigger["start"]) for trigger in triggers})  # told twice in one: once


class _Scorer:
    def __init__(self) -> None:
        self.entity = {kind: (Counter(), Counter(), Counter()) for kind in ("exact", "overlap")}
        self.values = {group: Counter() for group in ("numbers", "dates", "companies")}
        self.events = {level: (Counter(), Counter(), Counter()) for level in ("sentence", "document")}
        self.arguments = (Counter(), Counter(), Counter())
        self.modality = Counter()
        self.sentiment = {level: [] for level in ("document", "sentence", "company")}
        self.confusions: Counter = Counter()
        self.missed: list[dict[str, Any]] = []
        self.spurious: list[dict[str, Any]] = []

    def document(self, gold: dict[str, Any], predicted: dict[str, Any]) -> None:
        starts = [s["start"] for s in gold["sentences"]]
        self._entities(gold, predicted)
        self._events(gold, predicted, starts)
        self._sentiment(gold, predicted)

    def _entities(self, gold: dict[str, Any], predicted: dict[str, Any]) -> None:
        tp, pred, exp = self.entity["exact"]
        gold_spans = {(e["start"], e["end"], e["label"]): e for e in gold["entities"]}
        pred_spans = {(e["start"], e["end"], e["label"]): e for e in predicted["entities"]}
        exp.update(label for _, _, label in gold_spans)
        pred.update(label for _, _, label in pred_spans)
        tp.update(label for key in gold_spans.keys() & pred_spans.keys() for label in [key[2]])
        by_span = {(e["start"], e["end"]): e["label"] for e in predicted["entities"]}
        for (start, end, label) in gold_spans.keys() - pred_spans.keys():
            if (start, end) in by_span:
                self.confusions[(label, by_span[(start, end)])] += 1
        o_tp, o_pred, o_exp = self.entity["overlap"]
        o_exp.update(e["label"] for e in gold["entities"])
        o_pred.update(e["label"] for e in predicted["entities"])
        unused = list(predicted["entities"])
        for entity in gold["entities"]:
            match = next((p for p in unused if p["label"] == entity["label"]
                          and p["start"] < entity["end"] and entity["start"] < p["end"]), None)
            group = VALUE_GROUPS.get(entity["label"])
            has_value = group and any(k in entity["normalized"] for k in VALUE_KEYS)
            if has_value:
                self.values[group]["gold"] += 1
            if match is None:
                self.missed.append({"doc": gold["id"], "kind": "entity", "label": entity["label"],
                                    "text": entity["text"]})
                continue
            unused.remove(match)
            o_tp[entity["label"]] += 1
            if has_value:
                self.values[group]["found"] += 1
                self.values[group]["correct"] += _same_value(entity["normalized"], match["normalized"])
        self.spurious += [{"doc": gold["id"], "kind": "entity", "label": p["label"], "text": p["text"]}
                          for p in unused]

    def _events(self, gold: dict[str, Any], predicted: dict[str, Any], starts: list[int]) -> None:
        gold_sent = Counter((e["sentence"], e["type"]) for e in gold["events"])
        placed = [(e, mentioned_in(e, starts)) for e in predicted["events"]]
        pred_sent = Counter((sentence, e["type"]) for e, sentences in placed for sentence in sentences)
        tp, pred, exp = self.events["sentence"]
        exp.update(Counter(t for (_, t), n in gold_sent.items() for _ in range(n)))
        pred.update(Counter(t for (_, t), n in pred_sent.items() for _ in range(n)))
        matched = gold_sent & pred_sent
        tp.update(Counter(t for (_, t), n in matched.items() for _ in range(n)))
        for listing, unmatched in ((self.missed, gold_sent - pred_sent), (self.spurious, pred_sent - gold_sent)):
            for (sentence, event_type), n in unmatched.items():
                span = gold["sentences"][sentence]
                listing += [{"doc": gold["id"], "kind": "event", "label": event_type,
                             "text": gold["text"][span["start"]:span["end"]]}] * n
        d_tp, d_pred, d_exp = self.events["document"]
        gold_types, pred_types = {e["type"] for e in gold["events"]}, {e["type"] for e in predicted["events"]}
        d_exp.update(gold_types)
        d_pred.update(pred_types)
        d_tp.update(gold_types & pred_types)
        self._arguments(gold, predicted, starts)
        self._modality(gold, placed, matched)

    def _arguments(self, gold: dict[str, Any], predicted: dict[str, Any], starts: list[int]) -> None:
        a_tp, a_pred, a_exp = self.arguments
        gold_args = [(e["sentence"], e["type"], a["role"], a["start"], a["end"])
                     for e in gold["events"] for a in e["arguments"]]
        pred_args = [(_sentence_of(starts, mention["trigger"]["start"]), e["type"], a["role"], a["start"], a["end"])
                     for e in predicted["events"] for mention in e.get("mentions") or [e]
                     for a in mention["arguments"] if "start" in a and "end" in a]
        a_exp.update(arg[2] for arg in gold_args)
        a_pred.update(arg[2] for arg in set(pred_args))
        unused = sorted(set(pred_args))  # in a fixed order: the same score in every process
        for sentence, event_type, role, start, end in gold_args:
            match = next((p for p in unused if p[:3] == (sentence, event_type, role)
                          and p[3] < end and start < p[4]), None)
            if match:
                unused.remove(match)
                a_tp[role] += 1

    def _modality(self, gold: dict[str, Any], placed: list[tuple[dict[str, Any], list[int]]],
                  matched: Counter) -> None:
        pred_modality = defaultdict(list)
        for event, sentences in placed:
            for sentence in sentences:
                pred_modality[(sentence, event["type"])].append(event["modality"])
        for event in gold["events"]:
            key = (event["sentence"], event["type"])
            if key in matched and pred_modality.get(key):
                self.modality["matched"] += 1
                self.modality["same"] += event["modality"] in pred_modality[key]

    def _sentiment(self, gold: dict[str, Any], predicted: dict[str, Any]) -> None:
        label = (predicted.get("sentiment") or {}).get("label", "none")  # no prediction counts as wrong
        self.sentiment["document"].append((gold["sentiment"]["label"], label))
        for sentence in gold["sentences"]:
            overlaps = [(min(sentence["end"], p["end"]) - max(sentence["start"], p["start"]), p)
                        for p in predicted["sentences"]]
            best = max(overlaps, key=lambda o: o[0], default=(0, None))
            found = best[1]["sentiment"]["label"] if best[1] is not None and best[0] > 0 else "none"
            self.sentiment["sentence"].append((sentence["sentiment"]["label"], found))  # none counts as wrong
        self._company_sentiment(gold, predicted)

    def _company_sentiment(self, gold: dict[str, Any], predicted: dict[str, Any]) -> None:
        """Each gold company against the predicted company that its mentions were linked to (the
        predicted COMPANY entity overlapping most of them); a company not found counts as wrong."""
        labels = {identity(c, c["name"]): c["sentiment"]["label"] for c in predicted.get("companies") or []}
        entities = [e for e in predicted["entities"] if e["label"] == "COMPANY"]
        for company in gold.get("companies") or []:
            linked = Counter(identity(e["normalized"], e["text"]) for start, end in company["mentions"]
                             for e in entities if e["start"] < end and start < e["end"])
            found = labels.get(linked.most_common(1)[0][0], "none") if linked else "none"
            self.sentiment["company"].append((company["sentiment"]["label"], found))


def _sentiment_scores(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    if not pairs:
        return {"accuracy": 0.0, "macro_f1": 0.0, "support": 0}
    per_label = {}
    for label in SENTIMENTS:
        tp = sum(g == p == label for g, p in pairs)
        per_label[label] = prf(tp, sum(p == label for _, p in pairs), sum(g == label for g, _ in pairs))
    present = [v["f1"] for v in per_label.values() if v["support"]]
    return {"accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 4),
            "macro_f1": round(sum(present) / len(present), 4), "support": len(pairs), "per_label": per_label,
            "confusion": {f"{g}->{p}": n for (g, p), n in sorted(Counter(pairs).items()) if g != p}}


def _empty(document_id: str) -> dict[str, Any]:
    return {"id": document_id, "sentiment": None, "sentences": [], "entities": [], "events": [], "errors": []}


def evaluate(gold: Iterable[dict[str, Any]], predicted: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Every score of the module docstring, as one JSON-ready dict."""
    predictions = {r["id"]: r for r in predicted}
    scorer = _Scorer()
    gold = list(gold)
    missing = [g["id"] for g in gold if g["id"] not in predictions]
    for record in gold:  # a document without prediction is scored as an empty one
        scorer.document(record, predictions.get(record["id"]) or _empty(record["id"]))
    values = {group: {"accuracy": round(c["correct"] / c["found"], 4) if c["found"] else 0.0,
                      "found": c["found"], "gold": c["gold"]} for group, c in scorer.values.items()}
    modality = scorer.modality
    return {
        "documents": len(gold), "missing_predictions": missing,
        "entities": {kind: _per_key(*counters) for kind, counters in scorer.entity.items()},
        "values": values,
        "events": {level: _per_key(*counters) for level, counters in scorer.events.items()},
        "arguments": _per_key(*scorer.arguments),
        "modality": {"accuracy": round(modality["same"] / modality["matched"], 4) if modality["matched"] else 0.0,
                     "support": modality["matched"]},
        "sentiment": {level: _sentiment_scores(pairs) for level, pairs in scorer.sentiment.items()},
        "errors": {"label_confusions": {f"{g}->{p}": n for (g, p), n in scorer.confusions.most_common()},
                   "missed": scorer.missed, "spurious": scorer.spurious},
    }


def evaluate_files(gold_paths: Iterable[str | Path], *, predictions: str | Path | None = None,
                   config: Config = DEFAULT_CONFIG) -> dict[str, Any]:
    """Score ``predictions`` (a JSONL of records) against the gold files; without predictions, run
    the extractor on the gold texts first."""
    gold = [record for path in gold_paths for record in read_records(path)]
    if predictions is not None:
        predicted = read_records(predictions)
    else:
        predicted = [record for _, record in extract_documents(gold_documents(gold), config=config)]
    return evaluate(gold, predicted)


def headline(scores: dict[str, Any]) -> dict[str, float]:
    """The figures the quality gate pins and the README shows."""
    return {
        "entities.exact.micro_f1": scores["entities"]["exact"]["micro"]["f1"],
        "entities.overlap.micro_f1": scores["entities"]["overlap"]["micro"]["f1"],
        "values.numbers.accuracy": scores["values"]["numbers"]["accuracy"],
        "values.dates.accuracy": scores["values"]["dates"]["accuracy"],
        "values.companies.accuracy": scores["values"]["companies"]["accuracy"],
        "events.sentence.micro_f1": scores["events"]["sentence"]["micro"]["f1"],
        "events.document.micro_f1": scores["events"]["document"]["micro"]["f1"],
        "arguments.micro_f1": scores["arguments"]["micro"]["f1"],
        "modality.accuracy": scores["modality"]["accuracy"],
        "sentiment.document.accuracy": scores["sentiment"]["document"]["accuracy"],
        "sentiment.document.macro_f1": scores["sentiment"]["document"]["macro_f1"],
        "sentiment.sentence.accuracy": scores["sentiment"]["sentence"]["accuracy"],
        "sentiment.sentence.macro_f1": scores["sentiment"]["sentence"]["macro_f1"],
        "sentiment.company.accuracy": scores["sentiment"]["company"]["accuracy"],
        "sentiment.company.macro_f1": scores["sentiment"]["company"]["macro_f1"],
    }


def _table(title: str, rows: dict[str, dict[str, float]]) -> list[str]:
    lines = [f"{title}", f"  {'':<22} {'P':>6} {'R':>6} {'F1':>6} {'n':>6}"]
    for key, row in rows.items():
        if key == "macro":
            lines.append(f"  {'macro':<22} {'':>6} {'':>6} {row['f1']:>6.3f} {row['support']:>6}")
        else:
            lines.append(f"  {key:<22} {row['precision']:>6.3f} {row['recall']:>6.3f} {row['f1']:>6.3f} "
                         f"{row['support']:>6}")
    return lines


def format_report(scores: dict[str, Any], *, errors: int = 15) -> str:
    """A plain-text report: the tables, then the most frequent errors."""
    lines = [f"{scores['documents']} gold documents"]
    lines += _table("Entities, exact span", scores["entities"]["exact"])
    lines += _table("Entities, overlapping span", scores["entities"]["overlap"])
    lines.append("Normalised values (on entities found)")
    for group, row in scores["values"].items():
        lines.append(f"  {group:<22} accuracy {row['accuracy']:.3f} ({row['found']} found of {row['gold']})")
    lines += _table("Events, sentence level", scores["events"]["sentence"])
    lines += _table("Events, document level", scores["events"]["document"])
    lines += _table("Arguments, per role", scores["arguments"])
    lines.append(f"Modality agreement on detected events: {scores['modality']['accuracy']:.3f} "
                 f"({scores['modality']['support']})")
    for level, row in scores["sentiment"].items():
        lines.append(f"Sentiment, {level}: accuracy {row['accuracy']:.3f}, macro-F1 {row['macro_f1']:.3f} "
                     f"({row['support']}); confusions {row.get('confusion', {})}")
    lines.append("Label confusions (gold->predicted, same span): " +
                 ", ".join(f"{k} {v}" for k, v in list(scores["errors"]["label_confusions"].items())[:errors]))
    for kind in ("missed", "spurious"):
        counted = Counter((e["kind"], e["label"], e["text"][:70]) for e in scores["errors"][kind])
        lines.append(f"Most frequent {kind}:")
        lines += [f"  {n:>3} x {k} {label}: {text!r}" for (k, label, text), n in counted.most_common(errors)]
    return "\n".join(lines)
