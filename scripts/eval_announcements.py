"""Shareholder events of Chinese exchange announcements (`corpus/announcements/`: pledges and releases,
freezes and unfreezes, holdings raised and cut, buybacks, in prose and in tables flattened into text,
all written for this project), scored the way a structured-data desk records them: one event per
transaction, with its holder and its number of shares.

A gold event is found when the document has an event of its type and subtype whose holder names the
gold holder (the argument's words, or the full name the announcement defined for them) and whose shares
are the gold number. For a buyback the holder is the company, which an announcement calls 公司 or 本公司
as often as by name: a reference to the document's own company counts. Prints recall (with the holder
and shares right, and of the type with the shares right), precision (the extractor's events of these
types that match a gold event), and each gold event missed.

    python scripts/eval_announcements.py [dev|test ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eval_newswire import report_splits  # scripts/ is on the path when a script runs

from extractor import extract_documents
from extractor.inputs import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "announcements"
TYPES = {"equity_pledge", "equity_freeze", "shareholding_change", "share_repurchase"}
SUBTYPES = {"repurchase": {"execution", "plan"}}  # a buyback's subtype: done or planned, both a buyback
HOLDER_ROLE = {"share_repurchase": "company"}
OWN_COMPANY = {"公司", "本公司"}


def _names(argument: dict) -> set[str]:
    normalized = argument.get("normalized") or {}
    return {argument["text"], normalized.get("name_zh") or "", normalized.get("name") or ""} - {""}


def _holder_right(gold: dict, event: dict) -> bool:
    role = HOLDER_ROLE.get(gold["type"], "holder")
    for argument in event["arguments"]:
        if argument["role"] == role:
            names = _names(argument)
            if gold["holder"] in names or role == "company" and argument["text"] in OWN_COMPANY:
                return True
    return False


def _shares_right(gold: dict, event: dict) -> bool:
    return any(a["role"] == "shares" and (a.get("normalized") or {}).get("value") is not None
               and round(float(a["normalized"]["value"])) == gold["shares"] for a in event["arguments"])


def _same_kind(gold: dict, event: dict) -> bool:
    return event["type"] == gold["type"] and event["subtype"] in SUBTYPES.get(gold["subtype"], {gold["subtype"]})


def score(split: str) -> dict[str, float]:
    rows = [json.loads(line) for line in (CORPUS / f"{split}.jsonl").open(encoding="utf-8")]
    documents = [Document(id=row["id"], text=row["text"], input_name=f"{split}:{row['id']}", lang="zh",
                          published_at=row["published_at"]) for row in rows]
    gold_count = right = kind_and_shares = predicted = matched_predictions = 0
    for row, (_, record) in zip(rows, extract_documents(documents), strict=True):
        events = [e for e in record["events"] if e["type"] in TYPES and e["modality"] == "asserted"]
        used = set()
        for gold in row["events"]:
            gold_count += 1
            found = next((i for i, e in enumerate(events) if _same_kind(gold, e) and _shares_right(gold, e)
                          and _holder_right(gold, e)), None)
            if found is not None:
                right += 1
                used.add(found)
            if any(_same_kind(gold, e) and _shares_right(gold, e) for e in events):
                kind_and_shares += 1
            if found is None:
                seen = [(e["type"], e["subtype"], [(a["role"], a["text"]) for a in e["arguments"]
                                                   if a["role"] in ("holder", "company", "shares")]) for e in events]
                print(f"  {row['id']} missed {gold['type']}/{gold['subtype']} {gold['holder']} {gold['shares']}"
                      f"  found {seen}")
        predicted += len(events)
        matched_predictions += sum(1 for i, e in enumerate(events) if i in used or any(
            _same_kind(g, e) and _shares_right(g, e) and _holder_right(g, e) for g in row["events"]))
    return {"gold events": gold_count, "recall (holder and shares right)": round(right / gold_count, 3),
            "recall (type and shares right)": round(kind_and_shares / gold_count, 3),
            "precision": round(matched_predictions / predicted, 3) if predicted else 0.0,
            "events found": predicted}


def main(splits: list[str]) -> int:
    return report_splits(CORPUS, splits, lambda split: {"": score(split)})


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
