"""What the pipeline gets right of ../shared/seed/EXPECTED.md; fails if any of it regresses.

Known gaps are strict xfails: when one starts to pass, the test says so and moves up here.
"""

import json

import pytest

from extractor import extract, process, query


@pytest.fixture(scope="module")
def seed_record(tmp_path_factory, seed_text):
    path = tmp_path_factory.mktemp("seed") / "seed.jsonl"
    document = {"id": "seed", "published_at": "2026-01-21", "lang": "en", "text": seed_text}
    path.write_text(json.dumps(document, ensure_ascii=False) + "\n", encoding="utf-8")
    [record] = extract([path])
    return record


def _entities(record, label):
    return [e for e in record["entities"] if e["label"] == label]


def _events(record, event_type):
    return [e for e in record["events"] if e["type"] == event_type]


def _argument(event, role):
    return next((a for a in event["arguments"] if a["role"] == role), None)


def test_seed_companies_linked_with_ticker(seed_record):
    linked = {(e["text"].replace("\u2011", "-"), e["normalized"].get("ticker"))
              for e in _entities(seed_record, "COMPANY")}
    assert {("China Northern Rare Earth Group High-Tech Co. Ltd", "600111"), ("600111", "600111"),
            ("China Northern Rare Earth", "600111"), ("The company", "600111"),
            ("Xiamen Tungsten", "600549"), ("Baosteel Group", "600019")} <= linked
    assert all(e["normalized"].get("exchange") == "SSE" for e in _entities(seed_record, "COMPANY")
               if e["normalized"].get("ticker") == "600111")
    assert "Zhongrui Rare Metals" in {e["text"] for e in _entities(seed_record, "COMPANY")}


@pytest.mark.parametrize("label,texts", [
    ("ORG", {"Wind", "China Rare-Earth Association", "Ministry of Commerce", "Shanghai Stock Exchange"}),
    ("INDEX", {"Rare-Earth Permanent Magnet Index", "Shanghai Composite Index"}),
    ("COMMODITY", {"praseodymium-neodymium oxide", "Praseodymium-neodymium alloy"}),
    ("GPE", {"Baotou", "Japan"}),
])
def test_seed_names(seed_record, label, texts):
    assert texts <= {e["text"].replace("\u2011", "-") for e in _entities(seed_record, label)}


@pytest.mark.parametrize("label,values", [
    ("MONEY", {(1_840_000_000_000, "CNY"), (31_353_000_000, "CNY")}),
    ("PRICE", {(682_500, "CNY"), (822_500, "CNY")}),
])
def test_seed_money_and_prices(seed_record, label, values):
    found = {(e["normalized"]["value"], e["normalized"]["currency"]) for e in _entities(seed_record, label)}
    assert values <= found
    if label == "PRICE":
        assert {e["normalized"]["per_unit"] for e in _entities(seed_record, label)} == {"t"}


def test_seed_percentages(seed_record):
    values = {e["normalized"]["value"] for e in _entities(seed_record, "PERCENT")}
    assert {0.1188, 0.1153, 0.82, 1, 0.1, 0.2} <= values


def test_seed_dates(seed_record):
    values = {e["normalized"].get("value") for e in _entities(seed_record, "DATE")}
    assert {"2026-01-16", "2026-01-09", "2026-01-20", "2026-Q1", "2024-Q3", "2025-01-01"} <= values


def test_seed_commodity_price_events(seed_record):
    priced = [e for e in _events(seed_record, "commodity_price") if _argument(e, "price")]
    oxide, alloy = priced[:2]
    assert oxide["subtype"] == "increase" and oxide["date"] == "2026-01-16"
    assert _argument(oxide, "price")["normalized"] == {"value": 682500, "currency": "CNY", "per_unit": "t"}
    assert _argument(oxide, "change")["normalized"]["value"] == 0.1188
    assert _argument(alloy, "price")["normalized"]["value"] == 822500 and alloy["date"] == "2026-01-16"
    assert _argument(alloy, "change")["normalized"]["value"] == 0.1153


def test_seed_price_adjustment_event(seed_record):
    [first, *_] = _events(seed_record, "price_adjustment")
    assert _argument(first, "issuer")["normalized"]["ticker"] == "600111"
    assert first["date"] == "2026-01-09" and first["modality"] == "asserted"


def test_seed_security_value_events(seed_record):
    index, stocks = _events(seed_record, "security_value")[:2]
    assert _argument(index, "security")["text"].startswith("Rare")
    assert _argument(index, "change")["normalized"] == {"value": 0.82, "unit": "ratio", "approximate": "more_than"}
    assert _argument(stocks, "change")["normalized"]["value"] == 1


def test_seed_financing_event(seed_record):
    [margin] = [e for e in _events(seed_record, "financing") if e["subtype"] == "margin_financing"]
    assert _argument(margin, "amount")["normalized"] == {"value": 31353000000, "currency": "CNY"}
    assert margin["date"] == "2026-01-16" and margin["modality"] == "asserted"


def test_seed_personnel_change_events(seed_record):
    events = {e["subtype"]: e for e in _events(seed_record, "personnel_change")}
    resignation, election = events["resignation"], events["election"]
    assert resignation["modality"] == "asserted" and election["modality"] == "expected"
    for event in (resignation, election):
        assert _argument(event, "company")["normalized"]["ticker"] == "600111"
        assert event["date"] == "2026-01-20"
    assert _argument(resignation, "role")["text"] == "director"


def test_seed_forecast_facility_and_regulation_events(seed_record):
    [forecast] = _events(seed_record, "earnings_forecast")
    assert forecast["modality"] == "expected" and forecast["subtype"] == "increase"
    assert _argument(forecast, "company")["normalized"]["ticker"] == "600111"
    [facility] = _events(seed_record, "facility")
    assert facility["modality"] == "expected" and _argument(facility, "company")["normalized"]["ticker"] == "600111"
    assert any(_argument(e, "location") and _argument(e, "location")["text"] == "Japan"
               for e in _events(seed_record, "regulation"))


def test_seed_document_sentiment_is_positive(seed_record):
    assert seed_record["sentiment"]["label"] == "positive"


def test_seed_price_earnings_ratio(seed_record):
    [ratio] = [e for e in seed_record["entities"] if e["text"] == "86.04"]
    assert ratio["label"] == "QUANTITY" and ratio["normalized"] == {"value": 86.04, "unit": "ratio"}


def test_seed_price_adjustment_is_one_event(seed_record):
    [adjustment] = _events(seed_record, "price_adjustment")
    assert len(adjustment["mentions"]) >= 1


def test_seed_through_process_lands_in_the_store(seed_record, tmp_path, seed_text):
    path = tmp_path / "seed.jsonl"
    path.write_text(json.dumps({"id": "seed", "published_at": "2026-01-21", "lang": "en",
                                "text": seed_text}) + "\n", encoding="utf-8")
    db = tmp_path / "seed.db"
    process([path], db_path=db)
    _, rows = query(db, "SELECT type, subtype, ticker FROM events_flat WHERE type = 'personnel_change' "
                        "ORDER BY subtype")
    assert rows == [("personnel_change", "election", "600111"), ("personnel_change", "resignation", "600111")]
    _, rows = query(db, "SELECT count(*) FROM events WHERE document_id = 'seed'")
    assert rows[0][0] == len(seed_record["events"])
