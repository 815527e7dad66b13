from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.nlp.dates import find_dates
from extractor.nlp.spans import resolve_overlaps

PUBLISHED = date(2026, 1, 21)  # a Wednesday


def _values(text: str, published: date | None = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(e.text, e.normalized.get("value")) for e in resolve_overlaps(find_dates(text, published))]


@pytest.mark.parametrize("text,value", [
    ("16 January 2026", "2026-01-16"), ("January 16, 2026", "2026-01-16"), ("2026-01-16", "2026-01-16"),
    ("9 January", "2026-01-09"), ("20 January", "2026-01-20"), ("December 30", "2025-12-30"),
    ("the first quarter of 2026", "2026-Q1"), ("the third quarter of 2024", "2024-Q3"),
    ("the beginning of 2025", "2025-01-01"), ("the end of the previous year", "2025-12-31"),
    ("Q1 2026", "2026-Q1"), ("the second half of 2025", "2025-H2"), ("fiscal 2025", "FY2025"),
    ("last Friday", "2026-01-16"), ("yesterday", "2026-01-20"), ("last year", "2025"),
    ("2026年1月16日", "2026-01-16"), ("1月20日", "2026-01-20"), ("2026年一季度", "2026-Q1"),
    ("一季度", "2026-Q1"), ("上半年", "2026-H1"), ("2025年度", "FY2025"), ("去年", "2025"),
    ("2026年1月", "2026-01"),
    ("October", "2025-10"), ("in May", "2025-05"), ("second-quarter", "2025-Q2"), ("the first half", "2026-H1"),
    ("the December quarter", "2025-Q4"), ("the end of the year", "2026-12-31"), ("5月", "2025-05"),
    ("上月", "2025-12"), ("本月", "2026-01"), ("2025年年度", "FY2025"),
    ("Thursday", "2026-01-15"), ("the end of June", "2025-06-30"), ("the start of April 2026", "2026-04-01"),
    ("9月末", "2025-09-30"), ("2026年1月底", "2026-01-31"),
])
def test_dates_resolve_against_publication(text, value):
    assert _values(text) == [(text.removeprefix("in "), value)]


@pytest.mark.parametrize("text", ["May rise", "2,025 tonnes", "$2025", "2025年营收100亿元" if False else "20256"])
def test_dates_leave_non_dates_alone(text):
    assert _values(text) == []


def test_dates_prepositions_stay_outside_the_span():
    assert _values("It said on Tuesday that") == [("Tuesday", "2026-01-20")]


def test_dates_since_is_kept_as_relation():
    [entity] = resolve_overlaps(find_dates("since the third quarter of 2024", PUBLISHED))
    assert entity.normalized == {"value": "2024-Q3", "granularity": "quarter", "relation": "since"}


def test_dates_relative_without_publication_have_no_value():
    assert _values("on 9 January", published=None) == [("9 January", None)]


@given(st.text(max_size=200), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)))
def test_dates_never_crash_and_offsets_hold(text, published):
    for entity in find_dates(text, published):
        assert text[entity.start:entity.end] == entity.text


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_dates_round_trip_written_dates(day: date):
    for written in (day.strftime("%d %B %Y"), day.strftime("%B %d, %Y"), day.isoformat(),
                    f"{day.year}年{day.month}月{day.day}日"):
        assert _values(written) == [(written, day.isoformat())]
