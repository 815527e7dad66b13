"""SEC 8-K filings: the full submission and the 8-K HTML are read into one document, and each item
gives its event (5.02 personnel_change, 2.02 financial_report with the EX-99 figures, 1.01 deal, 2.01
merger_acquisition, 5.07 election, 8.01 the rules' events)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract_documents, read_documents
from extractor.nlp.filings import filing_events, is_filing
from extractor.parse.sec import SecError, heading_code, item_code, items_in_text, parse_submission

from .conftest import SHARED_EVAL

DATA = Path(__file__).resolve().parent / "data"
SUBMISSION = DATA / "sec_8k_submission.txt"
PRIMARY = DATA / "sec_8k_primary.html"
EVAL = SHARED_EVAL / "sec-edgar-8k"


def _record(path: Path) -> tuple:
    documents = list(read_documents([path], max_document_chars=2_000_000))
    [(document, record)] = list(extract_documents(documents, include_text=True))
    return document, record


def _args(event: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for argument in event["arguments"]:
        out.setdefault(argument["role"], []).append(argument["text"])
    return out


@pytest.fixture(scope="module")
def submission():
    return _record(SUBMISSION)


def test_submission_header_facts(submission):
    document, record = submission
    assert document.id == "sec-0009999999-26-000017"
    assert document.title == "HARBORLIGHT INDUSTRIES INC - 8-K - Items 1.01, 2.01, 2.02, 5.02, 5.07, 8.01, 9.01"
    assert record["published_at"].startswith("2026-03-12")
    assert document.source == "SEC EDGAR" and "/edgar/data/9999999/000999999926000017/" in document.url
    assert record["errors"] == []


def test_submission_text_keeps_items_and_ex99_only(submission):
    _, record = submission
    lines = record["text"].split("\n")
    assert "Item 5.07 Submission of Matters to a Vote of Security Holders." in lines
    assert "Item 1.01 Entry into a Material Definitive Agreement." in lines
    assert "EX-99.1" in lines and "Harborlight Industries Reports Fourth Quarter 2025 Results" in lines
    assert "SUPPLY AGREEMENT" not in record["text"]  # EX-10 skipped
    assert "hidden facts" not in record["text"]  # inline-XBRL header dropped


def test_item_502_gives_personnel_changes(submission):
    _, record = submission
    people = [e for e in record["events"] if e["type"] == "personnel_change" and e["subtype"] != "election"]
    appointed = next(e for e in people if e["subtype"] == "appointment")
    assert _args(appointed)["person"] == ["Daniel Okafor"] and _args(appointed)["role"] == ["Chief Financial Officer"]
    assert any(e["subtype"] == "resignation" for e in people)
    # the heading's "Departure ... Appointment" is not an event of its own
    text = record["text"]
    heading = text.index("Item 5.02")
    assert not any(heading <= e["trigger"]["start"] < text.index("\n", heading) for e in record["events"])
    # the auditor ratification of 5.07 is not a personnel change
    assert not any("Grant Keller" in a for e in people for a in _args(e).get("person", []))


def test_item_202_gives_results_with_ex99_figures(submission):
    _, record = submission
    [report] = [e for e in record["events"] if e["type"] == "financial_report"]
    args = _args(report)
    assert report["subtype"] == "results" and args["amount"] == ["$412.5 million"] and args["change"] == ["8.4%"]
    assert args["period"] == ["the fourth quarter of 2025"]
    revenue = next(e for e in record["events"] if e["type"] == "revenue")
    assert revenue["subtype"] == "increase" and _args(revenue)["amount"] == ["$412.5 million"]
    profit = next(e for e in record["events"] if e["type"] == "profit_loss")
    assert _args(profit)["amount"] == ["$38.2 million"]


def test_items_101_201_507_801(submission):
    _, record = submission
    by_type = {e["type"]: e for e in record["events"]}
    assert by_type["deal"]["subtype"] == "contract"
    assert "Northwind Logistics Corp." in _args(by_type["deal"])["counterparty"]
    acquisition = by_type["merger_acquisition"]
    assert acquisition["subtype"] == "acquisition" and _args(acquisition)["target"] == ["Bayview Valve Corp."]
    [election] = [e for e in record["events"] if e["subtype"] == "election"]
    assert election["type"] == "personnel_change"
    assert by_type["dividend"]["subtype"] == "declared"  # 8.01: what the rules find


def test_primary_html_headings_survive_and_map(tmp_path):
    document, record = _record(PRIMARY)
    assert document.title == "Quarterstone Bancorp, Inc. - 8-K - Item 5.02"  # 9.01 "None." left out
    lines = record["text"].split("\n")
    assert any(line.startswith("Item 5.02 Departure of Directors") for line in lines)
    assert any(line.startswith("On February 2, 2026, Quarterstone") for line in lines)
    [event] = [e for e in record["events"] if e["type"] == "personnel_change"]
    assert event["subtype"] == "retirement" and event["modality"] == "expected"
    assert _args(event)["person"] == ["Thomas Reyes"] and _args(event)["role"] == ["Chief Executive Officer"]


def test_truncated_and_headerless_submissions_are_errors(tmp_path):
    data = SUBMISSION.read_bytes()
    cut = tmp_path / "cut.txt"
    cut.write_bytes(data[:1800])
    [document] = read_documents([cut], max_document_chars=1_000_000)
    assert not document.processable and document.errors[0]["code"] == "E062"
    assert "truncated" in document.errors[0]["message"]
    [(_, record)] = list(extract_documents([document]))
    assert record["errors"][0]["code"] == "E062" and record["events"] == []
    with pytest.raises(SecError) as caught:
        parse_submission("<SEC-DOCUMENT>x.txt : 20260101\n<SEC-HEADER>\nACCESSION NUMBER: 1")
    assert caught.value.code == "E060"
    with pytest.raises(SecError) as caught:
        parse_submission("<SEC-HEADER>\nFILED AS OF DATE:\t20260101\n</SEC-HEADER>\n")
    assert caught.value.code == "E061"


def test_headings_and_item_names():
    assert heading_code("ITEM 2.02. Results of Operations and Financial Condition") == "2.02"
    assert heading_code("Item 5. Other Events.") == "5"
    assert heading_code("Item 9.01(d). Exhibits") == "9.01"
    assert heading_code("Item 2.02 of this Current Report on Form 8-K is incorporated herein by reference.") is None
    assert item_code("Other Events", "2024-03-08") == "8.01"
    assert item_code("Other events", "1999-01-04") == "5"
    assert item_code("Results of Operations and Financial Condition", "2005-01-25") == "2.02"
    assert items_in_text("Item 1. Changes in Control\nNot applicable.\nItem 5. Other Events\nOn May 1 ...") == ["5"]


def test_news_text_is_left_alone():
    text = "Item 5.02 in the filing said Jane Doe resigned as CFO."
    assert not is_filing(text)
    assert filing_events(text, [(0, len(text))], [], "en", [], [0.0]) == []


# ------------------------------------------------------------------------- the real EDGAR filings

def _real(name: str) -> Path:
    path = EVAL / name
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/eval is not beside the clone)")
    return path


def test_real_jpmorgan_502_gives_person_and_role():
    document, record = _record(_real("filings/0000019617-26-000241.txt"))
    assert document.title.startswith("JPMORGAN CHASE & CO - 8-K - Items 5.02")
    people = [e for e in record["events"] if e["type"] == "personnel_change"]
    assert any("person" in _args(e) for e in people) and any("role" in _args(e) for e in people)


def test_real_202_gives_results_amount_from_ex99():
    _, record = _record(_real("filings/0000320193-24-000005.txt"))
    # the cover, the press release's headline and its first lines tell one results event; the webcast
    # ("will provide ... results conference call") is another, expected
    [report] = [e for e in record["events"] if e["type"] == "financial_report" and e["modality"] == "asserted"]
    assert len(report["mentions"]) >= 3
    text = record["text"]
    amount = next(a for a in report["arguments"] if a["role"] == "amount")
    assert amount["start"] > text.index("\nEX-99.1\n") and amount["normalized"]["value"] > 1e9


def test_real_legacy_item_2_acquisition():
    _, record = _record(_real("filings/0000891618-95-000727.txt"))
    assert any(e["type"] == "merger_acquisition" for e in record["events"])
