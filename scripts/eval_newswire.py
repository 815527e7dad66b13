"""Document-level detection of acquisition and earnings stories in wire stories of the 1980s format
(`corpus/newswire/`: results tables, dividend notices, 13D stake filings, tender offers, all written
for this project).

A document is an acquisition story to the extractor when it has a merger_acquisition or
shareholding_change event, and an earnings story when it has one of EARNINGS_TYPES (any modality:
"merger talks ended" is still about a merger). Prints precision, recall and F1 per topic, and each
document the extractor got wrong.

    python scripts/eval_newswire.py [dev|test ...]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from extractor import extract_documents
from extractor.inputs import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "newswire"
EARNINGS_TYPES = {"financial_report", "profit_loss", "revenue", "earnings_forecast", "dividend"}
# Wire desks file a holder's stake filing (13D: "group has 6.8 pct of Northstar") with acquisitions; the
# extractor calls it a shareholding_change, as Contract 1 does.
TOPIC_TYPES = {"acq": {"merger_acquisition", "shareholding_change"}, "earn": EARNINGS_TYPES}


def topics_found(record: dict) -> set[str]:
    types = {event["type"] for event in record["events"]}
    return {topic for topic, wanted in TOPIC_TYPES.items() if types & wanted}


def score(split: str) -> dict[str, dict[str, float]]:
    rows = [json.loads(line) for line in (CORPUS / f"{split}.jsonl").open(encoding="utf-8")]
    documents = [Document(id=row["id"], text=row["text"], input_name=f"{split}:{row['id']}", lang="en",
                          title=row["title"], published_at=row["published_at"]) for row in rows]
    counts = {topic: {"tp": 0, "fp": 0, "fn": 0} for topic in TOPIC_TYPES}
    for row, (_, record) in zip(rows, extract_documents(documents), strict=True):
        gold, found = set(row["topics"]), topics_found(record)
        for topic in TOPIC_TYPES:
            key = "tp" if topic in gold and topic in found else "fn" if topic in gold else \
                "fp" if topic in found else None
            if key:
                counts[topic][key] += 1
        if gold != found:
            types = sorted({e["type"] for e in record["events"]})
            print(f"  {row['id']}: gold {sorted(gold)} found {sorted(found)}  {row['title'][:60]!r}  {types}")
    scores = {}
    for topic, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[topic] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                         "documents": c["tp"] + c["fn"]}
    return scores


def report_splits(corpus: Path, splits: list[str], scores: Callable[[str], dict[str, dict]]) -> int:
    """Print the figures ``scores`` gives for each split of ``corpus`` (dev and test unless named), one
    line per named group of figures ("" names none); 1 when a split's file is absent."""
    for split in splits or ["dev", "test"]:
        if not (corpus / f"{split}.jsonl").exists():
            print(f"{corpus / split}.jsonl is absent", file=sys.stderr)
            return 1
        print(f"== {split}")
        for name, figures in scores(split).items():
            label = f"{split} {name}" if name else split
            print(f"{label}: " + "  ".join(f"{k} {v}" for k, v in figures.items()))
    return 0


def main(splits: list[str]) -> int:
    return report_splits(CORPUS, splits, score)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
