"""Check the 8-K item -> event mapping on the real EDGAR filings of ../shared/eval/sec-edgar-8k.

For every filing and primary document of its manifest: the manifest's items, the events found (type,
subtype, key arguments) and whether every item that has an event type got its event; then the totals
(items mapped / items with an event type) and the items that have none by design (9.01 exhibits,
4.01 auditors, 5.03 bylaws, ...).

    python scripts/check_8k.py [EVAL_DIR]
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from extractor import extract_documents, read_documents
from extractor.nlp.filings import modern_item
from extractor.parse.sec import item_sections

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "sec-edgar-8k"
# The event type each item gives; 8.01 / 7.01: whatever the rules find in the item's text (any type).
EXPECTED = {"5.02": {"personnel_change"}, "2.02": {"financial_report"}, "1.01": {"deal"},
            "2.01": {"merger_acquisition"}, "5.07": {"personnel_change"}, "8.01": None, "7.01": None}
KEY_ROLES = ("person", "role", "company", "acquirer", "target", "counterparty", "amount", "change", "period")


def manifest_items(row: dict[str, str]) -> list[str]:
    """Items the manifest lists: present numbers ("5.02;9.01"), legacy ones ("legacy Item 2 (...)"), and
    those its notes name from the body ("body: legacy Item 5 other events")."""
    items: list[str] = []
    for text in (row["items"], row["item_text"]):
        for match in re.finditer(r"\b(\d\.\d{2})\b|legacy Item (\d{1,2})\b", text):
            code = match.group(1) or match.group(2)
            if code not in items:
                items.append(code)
    return items


def describe(event: dict, text: str) -> str:
    args = ", ".join(f"{a['role']}={a['text'][:40]!r}" for a in event["arguments"] if a["role"] in KEY_ROLES)
    return f"{event['type']}/{event['subtype']} [{event['trigger']['text']}] {args}"


def main(folder: Path = EVAL) -> int:
    manifest = folder / "manifest.csv"
    if not manifest.exists():
        print(f"{manifest} is absent: nothing to check", file=sys.stderr)
        return 1
    rows = list(csv.DictReader(manifest.open(encoding="utf-8")))
    documents = list(read_documents([folder / r["file"] for r in rows], max_document_chars=2_000_000))
    mapped = listed = 0
    no_type: dict[str, int] = {}
    for row, (document, record) in zip(rows, extract_documents(documents, include_text=True), strict=True):
        text = record.get("text", "")
        print(f"\n== {row['file']}  {row['company']}  ({document.title})")
        if record["errors"]:
            print(f"   errors: {record['errors']}")
        items = manifest_items(row)
        sections = item_sections(text)
        print(f"   items: {', '.join(items) or '-'}   events: {len(record['events'])}")
        for item in items:
            modern = modern_item(item)
            if modern not in EXPECTED:
                no_type[modern] = no_type.get(modern, 0) + 1
                print(f"   {item:>5} -> {modern}: no event type for this item")
                continue
            listed += 1
            spans = [(start, stop) for code, start, _, stop in sections if modern_item(code) == modern]
            refers = any(re.search(r"Exhibit\s+99", text[s:e], re.I) for s, e in spans)
            exhibit = re.search(r"^EX-99", text, re.M)
            if refers and exhibit and modern in ("8.01", "7.01", "2.02"):
                spans.append((exhibit.start(), len(text)))
            wanted = EXPECTED[modern]
            got = [e for e in record["events"] if any(s <= e["trigger"]["start"] < t for s, t in spans)
                   and (wanted is None or e["type"] in wanted)]
            ok = bool(got)
            mapped += ok
            print(f"   {item:>5} -> {modern}: {'OK ' if ok else 'MISSING'}"
                  f"{'' if spans else ' (no heading found in the text)'}")
            for event in got[:6]:
                print(f"          {describe(event, text)}")
            if len(got) > 6:
                print(f"          ... {len(got) - 6} more")
    print(f"\nitems mapped to their event: {mapped} / {listed} (items with an event type)")
    print("items without an event type (by design): "
          + ", ".join(f"{k} x{v}" for k, v in sorted(no_type.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else EVAL))
