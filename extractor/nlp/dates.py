"""Dates and periods in English and Chinese, resolved against the document's publication date.

"on 9 January" in an article of 2026-01-21 is 2026-01-09; "the first quarter of 2026" is the
period 2026-Q1; "last Friday", "去年", "上半年" are resolved the same way. Without a publication
date, relative expressions keep their text and get no value.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from .spans import Entity

MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
WEEKDAYS = {name: number for number, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_CN_ORDINALS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_MONTH = r"(?P<month>" + "|".join(
    name if len(name) > 4 or name == "may" else name + r"\.?"
    for name in sorted(MONTHS, key=len, reverse=True)) + ")"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_QUARTER = r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
_RELATIVE_YEAR = r"(?P<rel>last|this|next|previous|current|the previous|the current|the past)\s+year"

Resolver = Callable[[re.Match[str], "date | None"], "dict[str, object] | None"]


def _month(m: re.Match[str]) -> int:
    return MONTHS[(m["month"] or m.groupdict().get("may") or "").lower().rstrip(".")]


def _day_value(year: int, month: int, day: int) -> dict[str, object] | None:
    try:
        return {"value": date(year, month, day).isoformat(), "granularity": "day"}
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    """The year of a month-day without one, chosen as for a month alone."""
    year = _latest_year(published, month)
    try:
        return date(year, month, day).year if year else None
    except ValueError:
        return None


def _full_date(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    return _day_value(int(m["year"]), _month(m), int(m["day"]))


def _month_day(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    month, day = _month(m), int(m["day"])
    year = _infer_year(month, day, published)
    return _day_value(year, month, day) if year else None


def _iso(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    return _day_value(int(m["year"]), int(m["m"]), int(m["d"]))


def _month_year(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    return {"value": f"{int(m['year']):04d}-{_month(m):02d}", "granularity": "month"}


def _relative_year(word: str, published: date | None) -> int | None:
    if published is None:
        return None
    word = word.lower().replace("the ", "")
    offset = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1,
              "去": -1, "上": -1, "今": 0, "本": 0, "明": 1, "下": 1}[word]
    return published.year + offset


def _quarter(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    quarter = ORDINALS[m["ordinal"].lower()]
    if m["year"]:
        year = int(m["year"])
    else:
        year = _relative_year(m["rel"], published) if m["rel"] else _period_year(published, quarter * 3 - 2,
                                                                                  quarter * 3)
    if year is None:
        return None
    return {"value": f"{year}-Q{quarter}", "granularity": "quarter"}


def _short_quarter(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    """Q1 2026, Q1 26, 2026Q1."""
    year = m["year"] or m["year2"]
    full_year = int(year) if len(year) == 4 else 2000 + int(year)
    return {"value": f"{full_year}-Q{m['q'] or m['q2']}", "granularity": "quarter"}


def _half(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    half = 1 if (m["half"] or m["h"]).lower() in ("first", "h1") else 2
    return {"value": f"{m['year'] or m['year2']}-H{half}", "granularity": "half"}


def _latest_year(published: date | None, month: int) -> int | None:
    """The year of a month (or of the month a period ends) named without one: the nearest to
    publication, a month ahead counting twice a month back (news looks back more than ahead), so
    "October" in January is last October and "January" in December is next January."""
    if published is None:
        return None
    now = published.year * 12 + published.month

    def cost(year: int) -> int:
        ahead = year * 12 + month - now
        return 2 * ahead if ahead > 0 else -ahead

    return min((published.year - 1, published.year, published.year + 1), key=cost)


def _period_year(published: date | None, first_month: int, last_month: int) -> int | None:
    """The year of a quarter or half named without one: the current one if publication falls in
    it, else chosen by its last month as for a month alone."""
    if published is not None and first_month <= published.month <= last_month:
        return published.year
    return _latest_year(published, last_month)


def _month_only(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    month = _month(m)
    year = _latest_year(published, month)
    return {"value": f"{year}-{month:02d}", "granularity": "month"} if year else None


def _bare_quarter(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    """"second-quarter results", "the December quarter": the latest such quarter."""
    quarter = ORDINALS[m["ordinal"].lower()] if m["ordinal"] else (_month(m) - 1) // 3 + 1
    year = _period_year(published, quarter * 3 - 2, quarter * 3)
    return {"value": f"{year}-Q{quarter}", "granularity": "quarter"} if year else None


def _bare_half(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    half = 1 if m["half"].lower() == "first" else 2
    year = _period_year(published, 1 if half == 1 else 7, 6 if half == 1 else 12)
    return {"value": f"{year}-H{half}", "granularity": "half"} if year else None


def _this_year_end(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    if published is None:
        return None
    start = m["edge"].lower() in ("beginning", "start")
    return {"value": f"{published.year}-{'01-01' if start else '12-31'}", "granularity": "day"}


def _cn_relative_month(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    """上月, 本月, 下月."""
    if published is None:
        return None
    index = published.year * 12 + published.month - 1 + {"上": -1, "本": 0, "下": 1}[m["rel"]]
    return {"value": f"{index // 12}-{index % 12 + 1:02d}", "granularity": "month"}


def _cn_month_only(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    month = int(m["m"])
    if not 1 <= month <= 12:
        return None
    year = _latest_year(published, month)
    return {"value": f"{year}-{month:02d}", "granularity": "month"} if year else None


def _edge_of_month(year: int, month: int, edge: str) -> dict[str, object]:
    day = 1 if edge in ("beginning", "start", "初") else calendar.monthrange(year, month)[1]
    return {"value": date(year, month, day).isoformat(), "granularity": "day"}


def _month_edge(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    """"the end of June", "the start of April 2026"."""
    month = _month(m)
    year = int(m["year"]) if m["year"] else _latest_year(published, month)
    return _edge_of_month(year, month, m["edge"].lower()) if year else None


def _cn_month_edge(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    """9月末, 2026年1月底, 3月初."""
    month = int(m["m"])
    if not 1 <= month <= 12:
        return None
    year = int(m["year"]) if m["year"] else _latest_year(published, month)
    return _edge_of_month(year, month, m["edge"]) if year else None


def _year_edge(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    year = int(m["year"]) if m["year"] else _relative_year(m["rel"], published)
    if year is None:
        return None
    start = m["edge"].lower() in ("beginning", "start")
    return {"value": f"{year}-01-01" if start else f"{year}-12-31", "granularity": "day"}


def _year(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    """A year, fiscal when written so: fiscal 2025, FY2025, 2025年度."""
    fiscal = bool(m["fiscal"])
    return {"value": f"{'FY' if fiscal else ''}{m['year']}", "granularity": "year"}


def _relative_year_only(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    """last year, this year, 去年, 今年."""
    year = _relative_year(m["rel"], published)
    return {"value": str(year), "granularity": "year"} if year else None


def _relative_day(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    if published is None:
        return None
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "今天": 0, "今日": 0, "昨天": -1, "昨日": -1,
              "明天": 1, "明日": 1}[m["word"].lower()]
    return {"value": (published + timedelta(days=offset)).isoformat(), "granularity": "day"}


def _weekday(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    """"last Friday" or "on Friday": the latest such weekday before (or on) publication."""
    if published is None:
        return None
    target = WEEKDAYS[m["weekday"].lower()]
    if m["last"] and m["last"].lower() == "next":
        ahead = (target - published.weekday()) % 7 or 7
        return {"value": (published + timedelta(days=ahead)).isoformat(), "granularity": "day"}
    back = (published.weekday() - target) % 7
    if m["last"] and back == 0:
        back = 7
    return {"value": (published - timedelta(days=back)).isoformat(), "granularity": "day"}


def _cn_full(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    year = int(m["year"]) if m["year"] else _infer_year(int(m["m"]), int(m["d"]), published)
    return _day_value(year, int(m["m"]), int(m["d"])) if year else None


def _cn_month(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    month = int(m["m"])
    if not 1 <= month <= 12:
        return None
    return {"value": f"{m['year']}-{month:02d}", "granularity": "month"}


def _cn_year_of(m: re.Match[str], published: date | None) -> int | None:
    if m["year"]:
        return int(m["year"])
    return _relative_year(m["rel"], published) if m["rel"] else (published.year if published else None)


def _cn_quarter(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    year = _cn_year_of(m, published)
    if year is None:
        return None
    if m["first3"]:
        return {"value": f"{year}-Q1/{year}-Q3", "granularity": "period"}
    return {"value": f"{year}-Q{_CN_ORDINALS[m['q']]}", "granularity": "quarter"}


def _cn_half(m: re.Match[str], published: date | None) -> dict[str, object] | None:
    year = _cn_year_of(m, published)
    if year is None:
        return None
    return {"value": f"{year}-H{2 if m['half'] == '下' else 1}", "granularity": "half"}


# The comparison period of a year-on-year figure: the same period one year before the period the text
# last named ("2025年度 ... 比上年同期增长" is FY2024; "in January, up from 40 a year earlier" is last January).
COMPARISON = re.compile(r"\b(?:(?:a|one) year (?:earlier|ago|before)|the (?:same|year-earlier|year-ago|"
                        r"prior-year|comparable) (?:period|quarter)(?: (?:a year earlier|last year|of last year|"
                        r"of \d{4}))?|the year-earlier period)\b|上年同期|去年同期|上期同期", re.I)
_B = r"(?<![\w])"  # not inside a word
_RULES: list[tuple[re.Pattern[str], Resolver]] = [
    (re.compile(rf"{_B}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I), _full_date),
    (re.compile(rf"{_B}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I), _full_date),
    (re.compile(rf"{_B}{_YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), _iso),
    (re.compile(rf"{_B}{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.I), _month_year),
    (re.compile(rf"{_B}{_DAY}\s+{_MONTH}(?![\w])", re.I), _month_day),
    (re.compile(rf"{_B}{_MONTH}\s+{_DAY}\b(?!,?\s*(?:19|20)\d\d)", re.I), _month_day),
    (re.compile(rf"{_B}(?:the\s+)?{_QUARTER}(?:\s+of)?(?:\s+{_YEAR}|\s+(?P<rel>last|this|next)\s+year)?",
                re.I), _quarter),
    (re.compile(rf"{_B}(?:Q(?P<q>[1-4])\s*(?:of\s+)?(?P<year>(?:19|20)?\d\d)|"
                rf"(?P<year2>(?:19|20)\d\d)\s*Q(?P<q2>[1-4]))\b"), _short_quarter),
    (re.compile(rf"{_B}(?:the\s+)?(?P<half>first|second)\s+half\s+(?:of\s+)?{_YEAR}|"
                rf"{_B}(?P<h>H[12])\s*(?P<year2>(?:19|20)\d\d)", re.I), _half),
    (re.compile(rf"{_B}the\s+(?P<edge>beginning|start|end)\s+of\s+(?:{_YEAR}|(?P<rel>the previous|"
                rf"the current|last|this|next|the past)\s+year)", re.I), _year_edge),
    (re.compile(rf"{_B}(?:(?P<fiscal>fiscal(?:\s+year)?\s+|FY\s?)|"
                rf"(?P<lead>in|since|for|of|by|until|during|from)\s+){_YEAR}\b(?![-/.]\d|\s*%)", re.I),
     _year),
    (re.compile(rf"{_B}{_RELATIVE_YEAR}\b", re.I), _relative_year_only),
    (re.compile(rf"{_B}the\s+(?P<edge>beginning|start|end)\s+of\s+the\s+year\b", re.I), _this_year_end),
    (re.compile(rf"{_B}(?:the\s+)?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:quarter|qtr)\b"
                rf"(?!\s+of)", re.I),
     _bare_quarter),
    (re.compile(rf"{_B}the\s+{_MONTH}\s+quarter\b(?P<ordinal>)", re.I), _bare_quarter),
    (re.compile(rf"{_B}the\s+(?P<half>first|second)\s+half\b(?!\s+of)", re.I), _bare_half),
    # A month alone: "in October". "May" only after a preposition, as it is also a verb.
    (re.compile(r"(?<![\w-])(?P<month>January|February|March|April|June|July|August|September|October|"
                r"November|December|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)(?![\w-])"
                r"|\b(?P<lead>in|since|by|until|from|of|early|late|mid)\s+(?P<may>May)\b"), _month_only),
    # A year alone, not an amount or part of a number: "2026 guidance", "the 2025 results".
    (re.compile(r"(?<![\d.,$¥€£\w])(?P<year>(?:19|20)\d\d)(?![\d%]|[.,]\d|\s*(?:年|万|亿|[-–]\d|/\d|吨|股|桶|"
                r"tonnes?|tons?|shares?|barrels?|ounces?|units?|GMT))"),
     lambda m, p: {"value": m["year"], "granularity": "year"}),
    (re.compile(rf"{_B}(?P<word>today|yesterday|tomorrow)\b", re.I), _relative_day),
    (re.compile(rf"{_B}(?:(?P<last>last|next)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|"
                rf"Saturday|Sunday)\b"), _weekday),
    (re.compile(rf"{_B}the\s+(?P<edge>beginning|start|end)\s+of\s+{_MONTH}(?:\s+{_YEAR})?\b", re.I),
     _month_edge),
    # Chinese
    (re.compile(r"(?:(?P<year>(?:19|20)\d\d)\s*年\s*)?(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*[日号]"),
     _cn_full),
    (re.compile(r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<m>[01]?\d)\s*月(?!\s*[0-3]?\d\s*[日号])"), _cn_month),
    (re.compile(r"(?:(?:(?P<year>(?:19|20)\d\d)\s*年(?:度)?|(?P<rel>[去今明本上下])年)\s*)?"
                r"(?:(?P<first3>前三季度)|第?(?P<q>[一二三四1-4])季度)"), _cn_quarter),
    (re.compile(r"(?:(?:(?P<year>(?:19|20)\d\d)\s*年(?:度)?|(?P<rel>[去今明本])年)\s*)?(?P<half>[上下])半年(?:度)?"),
     _cn_half),
    # 2026年半年度 (the interim period, as in 半年度报告) is the first half
    (re.compile(r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<half>)半年度"), _cn_half),
    (re.compile(r"(?P<year>(?:19|20)\d\d)\s*(?:(?P<fiscal>年?年度|财年)|年)(?![度\d\s]*[月季上下半前第一二三四])"),
     _year),
    (re.compile(r"(?:(?P<year>(?:19|20)\d\d)\s*年\s*)?(?P<m>1[0-2]|0?[1-9])\s*月(?P<edge>末|底|初)"), _cn_month_edge),
    (re.compile(r"(?<![\d年])(?P<m>1[0-2]|[1-9])\s*月(?![\d日号份末底初])"), _cn_month_only),
    (re.compile(r"(?P<rel>[上本下])个?月(?![份底末初])"), _cn_relative_month),
    (re.compile(r"(?P<rel>[去今明])年(?![度\s]*[一二三四上下前第]|\d)"), _relative_year_only),
    (re.compile(r"(?P<word>今天|今日|昨天|昨日|明天|明日)"), _relative_day),
    (COMPARISON, lambda m, p: None),  # valued by resolve_comparisons once the document's periods are known
]
_SINCE = re.compile(r"(?:since|from)\s+$|自\s*$", re.I)
_YEAR_IN_VALUE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def resolve_comparisons(entities: list[Entity]) -> None:
    """Give each comparison date ("a year earlier", 上年同期) the period the text last named before it,
    one year back. ``entities`` are the document's, sorted and without overlaps."""
    period = None
    for entity in entities:
        if entity.label != "DATE":
            continue
        if COMPARISON.fullmatch(entity.text):
            if period and not entity.normalized.get("value"):
                entity.normalized = {"value": _YEAR_IN_VALUE.sub(lambda y: str(int(y.group()) - 1), period[0]),
                                     "granularity": period[1], "relation": "comparison"}
        elif entity.normalized.get("value") and entity.normalized.get("granularity") != "day" \
                and entity.normalized.get("relation") != "since":
            period = (str(entity.normalized["value"]), entity.normalized.get("granularity", "period"))


def find_dates(text: str, published: date | None) -> list[Entity]:
    """DATE entities with normalised values; overlaps are resolved by the caller."""
    found = []
    for pattern, resolve in _RULES:
        for m in pattern.finditer(text):
            start, end = m.span()
            if "lead" in pattern.groupindex and m["lead"]:
                start = m.end("lead")  # the preposition is context, not part of the date
            while start < end and text[start].isspace():
                start += 1
            if start == end:
                continue
            normalized = resolve(m, published) or {}
            if normalized and _SINCE.search(text[max(0, start - 8):start]):
                normalized["relation"] = "since"
            found.append(Entity(start, end, "DATE", text[start:end], dict(normalized),
                                priority=3 if normalized else 1))
    return found
