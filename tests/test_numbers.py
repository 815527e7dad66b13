from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.nlp.numbers import find_numbers, merge_ranges, parse_chinese_numeral, parse_number
from extractor.nlp.spans import resolve_overlaps


def _tag(text: str) -> list[tuple[str, str, dict]]:
    return [(e.text, e.label, e.normalized) for e in resolve_overlaps(find_numbers(text))]


@pytest.mark.parametrize("text,value", [
    ("三千万", 30_000_000), ("一亿二千万", 120_000_000), ("二十三万四千", 234_000), ("十万", 100_000),
    ("68.25万", 682_500), ("313.53亿", 31_353_000_000), ("1.84万亿", 1_840_000_000_000),
    ("1,234.5", 1234.5), ("(12.3)", -12.3), ("5 mln", 5_000_000), ("1.2 billion", 1_200_000_000),
    ("3千万", 30_000_000),
])
def test_numbers_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["万", "", "abc", "百", "1.2.3"])
def test_numbers_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text,expected", [
    ("68.25 万元/吨", ("PRICE", {"value": 682500, "currency": "CNY", "per_unit": "t"})),
    ("313.53 亿元", ("MONEY", {"value": 31353000000, "currency": "CNY"})),
    ("42.75 dlrs", ("MONEY", {"value": 42.75, "currency": "USD"})),
    ("75 cts a share", ("PRICE", {"value": 0.75, "currency": "USD", "per_unit": "share"})),
    ("19.6 pct", ("PERCENT", {"value": 0.196, "unit": "ratio"})),
    ("5 mln dlrs", ("MONEY", {"value": 5000000, "currency": "USD"})),
    ("1.2 billion stg", ("MONEY", {"value": 1200000000, "currency": "GBP"})),
    ("US$300 million", ("MONEY", {"value": 300000000, "currency": "USD"})),
    ("HK$1.8 billion", ("MONEY", {"value": 1800000000, "currency": "HKD"})),
    ("RMB 2.3 billion", ("MONEY", {"value": 2300000000, "currency": "CNY"})),
    ("$9,850 a tonne", ("PRICE", {"value": 9850, "currency": "USD", "per_unit": "t"})),
    ("3.2万吨", ("QUANTITY", {"value": 32000, "unit": "t"})),
    ("三千万股", ("QUANTITY", {"value": 30000000, "unit": "share"})),
    ("10-15 %", ("PERCENT", {"value": 0.1, "high": 0.15, "unit": "ratio"})),
    ("more than 82 %", ("PERCENT", {"value": 0.82, "unit": "ratio", "approximate": "more_than"})),
    ("+11.53 %", ("PERCENT", {"value": 0.1153, "unit": "ratio", "direction": "increase"})),
    ("人民币5亿元", ("MONEY", {"value": 500000000, "currency": "CNY"})),
    ("25 basis points", ("PERCENT", {"value": 0.0025, "unit": "ratio"})),
    ("0.3 percentage points", ("PERCENT", {"value": 0.003, "unit": "ratio"})),
    ("3.9个百分点", ("PERCENT", {"value": 0.039, "unit": "ratio"})),
    ("10个基点", ("PERCENT", {"value": 0.001, "unit": "ratio"})),
    ("50bp", ("PERCENT", {"value": 0.005, "unit": "ratio"})),
])
def test_numbers_find_numbers_normalises(text, expected):
    assert _tag(text) == [(text, *expected)]


@pytest.mark.parametrize("text", ["万元/吨 is the unit", "A300 tons", "the B737 seats"])
def test_numbers_find_numbers_ignores_units_without_numbers_and_numbers_inside_words(text):
    assert _tag(text) == []


@given(st.text(max_size=200))
def test_numbers_never_crash_on_any_text(text):
    for entity in find_numbers(text):
        assert text[entity.start:entity.end] == entity.text


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_numbers_round_trip_written_numbers(value: Decimal):
    assert parse_number(f"{value:,}") == pytest.approx(float(value))
    assert parse_number(f"{value}万") == pytest.approx(float(value * 10000))


@given(st.integers(min_value=1, max_value=99_999_999))
def test_numbers_round_trip_chinese_numerals(value: int):
    assert parse_chinese_numeral(_to_chinese(value)) == value


def _to_chinese(value: int) -> str:
    """Write an integer below 1e8 in Chinese numerals (the test's own, independent writer)."""
    digits = "零一二三四五六七八九"

    def below_10000(n: int) -> str:
        out, zero = "", False
        for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d, n = divmod(n, unit_value)
            if d:
                out += ("零" if zero and out else "") + digits[d] + unit
                zero = False
            else:
                zero = True
        return out

    high, low = divmod(value, 10000)
    if not high:
        return below_10000(low)
    return below_10000(high) + "万" + (("零" if low < 1000 and low else "") + below_10000(low))


@pytest.mark.parametrize("text,value", [("净利润-23亿元", -2_300_000_000),
                                        ("a loss of -12.5 million dlrs", -12_500_000), ("1-3亿元", 100_000_000)])
def test_numbers_minus_sign_but_not_a_range_hyphen(text, value):
    assert [normalized["value"] for _, label, normalized in _tag(text) if label == "MONEY"] == [value]


@pytest.mark.parametrize("text,expected", [
    ("$320 million to $340 million", ("MONEY", {"value": 320_000_000, "high": 340_000_000, "currency": "USD"})),
    ("1-3亿元", ("MONEY", {"value": 100_000_000, "high": 300_000_000, "currency": "CNY"})),
    ("2.6 million to 2.7 million tonnes", ("QUANTITY", {"value": 2_600_000, "high": 2_700_000, "unit": "t"})),
])
def test_numbers_ranges_of_money_and_quantities(text, expected):
    assert _tag(text) == [(text, *expected)]


@pytest.mark.parametrize("text,direction", [("rose 11.88 %", "increase"), ("fell 2.4 pct", "decrease"),
                                            ("下降2.4%", "decrease"), ("an increase of 10 %", "increase")])
def test_numbers_changes_carry_direction(text, direction):
    [(_, label, normalized)] = _tag(text)
    assert label == "PERCENT" and normalized["direction"] == direction


@pytest.mark.parametrize("text, values", [
    ("the margin rose from 5 % to 7 %", [(0.05, None), (0.07, None)]),
    ("占比从12%提升至15%", [(0.12, None), (0.15, None)]),
    ("growth of 5% to 7% is expected", [(0.05, 0.07)]),
    ("from 5-7%", [(0.05, 0.07)]),
])
def test_numbers_percent_change_from_to_is_two_levels_not_a_range(text, values):
    found = [e for e in find_numbers(text) if e.label == "PERCENT"]
    assert [(e.normalized["value"], e.normalized.get("high")) for e in found] == values


@pytest.mark.parametrize("text, span, value", [
    ("a price‑earnings ratio of 86.04, the stock", "86.04", 86.04),
    ("it trades at 18 times forward earnings", "18 times", 18),
    ("公司市盈率为35.2倍", "35.2倍", 35.2),
    ("a P/E of 12.5x", "12.5x", 12.5),
])
def test_numbers_valuation_ratios_are_ratio_quantities(text, span, value):
    [found] = [e for e in find_numbers(text) if e.label == "QUANTITY"]
    assert (found.text, found.normalized) == (span, {"value": value, "unit": "ratio"})


def test_numbers_private_equity_is_no_ratio():
    assert not [e for e in find_numbers("PE 2025 fund raised 3 billion") if e.normalized.get("unit") == "ratio"]


@pytest.mark.parametrize("text, span, value, high", [
    ("output of 100 tonnes to 105 tonnes", "100 tonnes to 105 tonnes", 100, 105),
    ("预计净利润52亿元至60亿元", "52亿元至60亿元", 5200000000, 6000000000),
    ("charges of between $620 million and $660 million", "between $620 million and $660 million", 620000000,
     660000000),
])
def test_numbers_ranges_written_with_both_units_are_one_range(text, span, value, high):
    [found] = merge_ranges(text, resolve_overlaps(find_numbers(text)))
    assert (found.text, found.normalized["value"], found.normalized["high"]) == (span, value, high)


@pytest.mark.parametrize("text", ["Brent rose $2.51 to $65.92 a barrel", "raised it from 6.8% to 7.3%",
                                  "for the fiscal year ending March 2026 to 7.3%"])
def test_numbers_a_change_and_its_level_are_no_range(text):
    assert all("high" not in e.normalized for e in merge_ranges(text, resolve_overlaps(find_numbers(text))))


def test_numbers_more_currencies_by_name():
    [found] = find_numbers("liquidity worth 1 trillion rupees")
    assert found.normalized == {"value": 1000000000000, "currency": "INR"}


def test_numbers_between_is_looked_for_before_the_low_end_only():
    text = "$5 million and $6 million, between "
    assert [e.text for e in merge_ranges(text, resolve_overlaps(find_numbers(text)))] == ["$5 million", "$6 million"]
