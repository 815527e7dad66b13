"""Results and dividend tables of wire stories: their figures are MONEY, their items events."""

from __future__ import annotations

import pytest

from extractor import extract_documents
from extractor.inputs import Document

from .event_helpers import argument

PUBLISHED = "1987-03-04T09:00:00-05:00"

QUARTER_AND_YEAR = """HARTWELL INDUSTRIES INC <HTW> 4TH QTR NET
    DAYTON, Ohio, March 4 -
    Shr 42 cts vs 31 cts
    Net 3,412,000 vs 2,518,000
    Revs 61.7 mln vs 55.2 mln
    Year
    Shr 1.55 dlrs vs 1.21 dlrs
    Net 12.6 mln vs 13.9 mln
    Revs 231.4 mln vs 204.9 mln
    NOTE: 1986 net includes gain of 410,000 dlrs from sale of property.
 Reuter"""


def _record(text: str) -> dict:
    document = Document(id="t", text=text, input_name="test", lang="en", published_at=PUBLISHED)
    [(_, record)] = list(extract_documents([document]))
    assert record["errors"] == []
    return record


def _events(record: dict, event_type: str) -> list[dict]:
    return [e for e in record["events"] if e["type"] == event_type]


def test_figures_are_money_in_the_tables_currency():
    entities = {e["text"]: e for e in _record(QUARTER_AND_YEAR)["entities"]}
    assert entities["3,412,000"]["label"] == "MONEY"
    assert entities["3,412,000"]["normalized"] == {"value": 3412000, "currency": "USD"}
    assert entities["61.7 mln"]["normalized"]["value"] == 61700000
    assert entities["42 cts"]["normalized"]["value"] == 0.42
    assert "Revs 61.7" not in entities  # no person made of an item's name and its figure


def test_each_block_gives_its_profit_and_revenue_and_the_table_one_report():
    record = _record(QUARTER_AND_YEAR)
    [report] = _events(record, "financial_report")
    assert report["subtype"] == "results"
    assert argument(report, "company") == "HARTWELL INDUSTRIES INC"
    assert argument(report, "period") == "4TH QTR"
    quarter, year = _events(record, "profit_loss")
    assert (quarter["subtype"], quarter["polarity"]) == ("increase", "positive")
    assert argument(quarter, "amount") == "3,412,000"
    assert argument(quarter, "period") == "4TH QTR"
    assert next(a for a in quarter["arguments"] if a["role"] == "period")["normalized"]["value"] == "1986-Q4"
    assert (year["subtype"], year["polarity"], argument(year, "amount")) == ("decrease", "negative", "12.6 mln")
    assert argument(year, "period") is None  # "Year" names no date of its own
    assert [e["subtype"] for e in _events(record, "revenue")] == ["increase", "increase"]


@pytest.mark.parametrize(("line", "subtype", "polarity"), [
    ("Net loss 1,102,000 vs profit 388,000", "loss", "negative"),
    ("Net profit 310,000 vs loss 1,350,000", "turnaround", "positive"),
    ("Net loss 121,000 vs loss 2,506,000", "loss", "positive"),  # a loss that narrowed
    ("Net loss 2,506,000 vs loss 121,000", "loss", "negative"),
    ("Oper net 1.2 mln vs 1.5 mln", "decrease", "negative"),
])
def test_profit_lines(line, subtype, polarity):
    text = f"PACIFIC GATEWAY PROPERTIES <PGP> 1ST QTR LOSS\n    Shr loss 12 cts vs profit four cts\n    {line}\n Reuter"
    [profit] = _events(_record(text), "profit_loss")
    assert (profit["subtype"], profit["polarity"]) == (subtype, polarity)
    assert argument(profit, "company") == "PACIFIC GATEWAY PROPERTIES"


@pytest.mark.parametrize(("line", "subtype"), [
    ("Qtly div 18 cts vs 16 cts prior", "raise"),
    ("Qtly div 16 cts vs 18 cts prior", "cut"),
    ("Qtly div eight cts vs eight cts prior", "unchanged"),
    ("Initial qtly div 10 cts", "declared"),
    ("Extra div 25 cts", "special"),
])
def test_dividend_notices(line, subtype):
    text = f"MIDLAND BANCORP <MDBK> SETS QUARTERLY\n    KANSAS CITY, Mo., April 2 -\n    {line}\n" \
           "    Pay May 15\n    Record April 20\n Reuter"
    [dividend] = _events(_record(text), "dividend")
    assert dividend["subtype"] == subtype
    assert argument(dividend, "company") == "MIDLAND BANCORP"
    assert argument(dividend, "date") == "May 15"
    assert not _events(_record(text), "financial_report")  # a dividend notice is no results table


def test_a_figure_pair_in_prose_is_no_table():
    record = _record("Sales 5 vs 4 was the score of the match.\nThe club said it was pleased.")
    assert not [e for e in record["entities"] if e["label"] == "MONEY"]
    assert not record["events"]


def test_wire_marks_name_companies():
    record = _record("TEXSTAR <TXS> BOARD REJECTS HOLLIS BID\n    DALLAS, March 18 - Texstar Corp <TXS> said it "
                     "agreed to sell its pipeline unit to <Delta Packing Co> for 12 mln dlrs.\n Reuter")
    companies = [e["text"] for e in record["entities"] if e["label"] == "COMPANY"]
    assert companies == ["TEXSTAR", "Texstar Corp", "Delta Packing Co"]


def test_a_name_with_a_legal_suffix_after_a_dateline_is_a_company():
    record = _record("MINNEAPOLIS, March 20 - United Grain Inc said it completed the purchase of Farmco Inc "
                     "for 22 mln dlrs.")
    [event] = _events(record, "merger_acquisition")
    assert argument(event, "acquirer") == "United Grain Inc"
    assert argument(event, "target") == "Farmco Inc"
