"""Results and dividend tables of wire stories, one item a line:

    HARTWELL INDUSTRIES INC <HTW> 4TH QTR NET
        Shr 42 cts vs 31 cts
        Net loss 1,102,000 vs profit 388,000
        Revs 61.7 mln vs 55.2 mln
        Year
        Shr 1.55 dlrs vs 1.21 dlrs
        ...
        Qtly div 18 cts vs 16 cts prior
        Pay May 15

The lines have no verbs, so no sentence rule reads them. Here each item's figures become MONEY
entities (in the table's currency: dollars unless a figure names another), each block of items (a
period line such as "Year" or "Nine mths" starts the next) gives its profit_loss, revenue and
dividend events, comparing this period's figure with the one after "vs", and a table of results
gives the document's financial_report.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .events import Event, argument_of
from .numbers import SUFFIX_CURRENCIES, in_currency, parse_number
from .spans import Entity

_FIGURE = (r"(?:(?P<{g}side>profit|loss|gain)\s+)?(?P<{g}num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?(?:-\d/\d)?|"
           r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|nil)"
           r"(?:\s+(?P<{g}scale>mln|million|billion|bln|thousand))?"
           rf"(?:\s+(?P<{{g}}cur>{SUFFIX_CURRENCIES})\b)?")
# "Net loss 1,102,000 vs profit 388,000", "Qtly div 18 cts vs 16 cts prior", "Initial div 10 cts"
_ITEM_LINE = re.compile(rf"^[ \t]*(?P<label>[A-Za-z][A-Za-z .&/-]{{0,30}}?)[ \t]+{_FIGURE.format(g='a')}"
                        rf"(?:[ \t]+vs\.?[ \t]+{_FIGURE.format(g='b')})?(?:[ \t]+prior)?[ \t]*$", re.M | re.I)
# "Year", "Nine mths", "1st half", "Qtr": the items below are another period's
_PERIOD_LINE = re.compile(r"^[ \t]*(?:[\w-]+[ \t]+){0,2}(?:year|mths|months|qtr|quarter|half|weeks)\b"
                          r"[^\n\d]{0,20}$", re.M | re.I)
# "NOTE: 1987 results include Wexford County Bank, acquired in January": what the figures hold, no news
_NOTE_LINE = re.compile(r"^[ \t]*NOTE\b[^\n]*$", re.M)
_PAY_LINE = re.compile(r"^[ \t]*(?:pay|payable|paid)\b[^\n]*$", re.M | re.I)

_PROFIT = re.compile(r"(?:oper(?:ating)?\s+)?(?:net(?:\s+(?:income|profit|earnings|inc))?|profit|earnings|"
                     r"income)(?:\s+(?:profit|loss))?|(?:oper(?:ating)?\s+)?(?:net\s+)?loss", re.I)
_PER_SHARE = re.compile(r"(?:oper(?:ating)?\s+|primary\s+|fully\s+diluted\s+|diluted\s+|basic\s+)?(?:shr|eps)"
                        r"(?:\s+(?:profit|loss))?", re.I)
_REVENUE = re.compile(r"(?:total\s+|net\s+|oper(?:ating)?\s+)?(?:revs|revenues?|sales|turnover)", re.I)
_DIVIDEND = re.compile(r"(?:(?P<kind>initial|extra|special|year-end|final|interim|regular)\s+)?"
                       r"(?:(?:qtly|quarterly|semi-?annual|annual|monthly)\s+)?(?:cash\s+)?div(?:idend)?s?", re.I)
_SPECIAL = {"extra", "special", "year-end"}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "nil": 0}


@dataclass
class _Item:
    kind: str  # profit, per_share, revenue, dividend
    label: tuple[int, int]  # where the item's name stands: the event's trigger
    line: tuple[int, int]
    now: Entity | None  # this period's figure
    before: Entity | None  # the figure after "vs"
    now_loss: bool
    before_loss: bool
    dividend_kind: str = ""


def _kind(label: str) -> str | None:
    for kind, pattern in (("dividend", _DIVIDEND), ("per_share", _PER_SHARE), ("revenue", _REVENUE),
                          ("profit", _PROFIT)):
        if pattern.fullmatch(label):
            return kind
    return None


def _figure(match: re.Match[str], group: str, currency: str) -> Entity | None:
    if match.group(f"{group}num") is None:
        return None
    number = match.group(f"{group}num")
    value = _NUMBER_WORDS.get(number.lower())
    if "/" in number:  # "47-1/2 cts"
        whole, fraction = number.split("-")
        numerator, denominator = fraction.split("/")
        value = int(whole) + int(numerator) / int(denominator)
    if value is None:
        value = parse_number(number + (" " + match.group(f"{group}scale") if match.group(f"{group}scale") else ""))
    if value is None:
        return None
    normalized = in_currency(value, match.group(f"{group}cur") or currency)
    if normalized is None:
        return None
    start, end = _figure_span(match, group)
    return Entity(start, end, "MONEY", match.string[start:end], normalized, priority=4)


def _figure_span(match: re.Match[str], group: str) -> tuple[int, int]:
    """Where figure ``group`` ("a": this period's, "b": the one after "vs") stands, unit included."""
    end = max(match.end(f"{group}{part}") for part in ("num", "scale", "cur") if match.group(f"{group}{part}"))
    return match.start(f"{group}num"), end


def _currency(lines: list[tuple[re.Match[str], str]]) -> str:
    """The table's currency: the first one a figure names other than cents, else dollars."""
    for match, _ in lines:
        for group in ("a", "b"):
            word = match.group(f"{group}cur")
            if word and word.lower() not in ("cts", "cents", "cent"):
                return word
    return "dlrs"


def _table_lines(text: str) -> list[tuple[re.Match[str], str]]:
    """The item lines of the text's table, each with its kind; none where there is no table: two item
    lines at least, or one dividend line (a lone "Sales 5 vs 4" in prose is no table)."""
    lines = []
    for match in _ITEM_LINE.finditer(text):
        kind = _kind(match.group("label").strip())
        if kind and (match.group("bnum") or kind == "dividend"):
            lines.append((match, kind))
    return lines if len(lines) >= 2 or any(kind == "dividend" for _, kind in lines) else []


def find_table_figures(text: str) -> list[Entity]:
    """MONEY entities for the figures of a wire story's results and dividend tables."""
    lines = _table_lines(text)
    currency = _currency(lines)
    return [e for m, _ in lines for group in ("a", "b") if (e := _figure(m, group, currency))]


def _items(text: str, entities: list[Entity]) -> list[_Item]:
    """The table's items, their figures the MONEY entities ``find_table_figures`` gave."""
    money = {(e.start, e.end): e for e in entities if e.label == "MONEY"}
    items = []
    for match, kind in _table_lines(text):
        label = match.group("label").strip()
        now, before = (money.get(_figure_span(match, group)) if match.group(f"{group}num") else None
                       for group in ("a", "b"))
        label_loss = label.lower().endswith("loss")
        now_loss = (match.group("aside") or ("loss" if label_loss else "")).lower() == "loss"
        before_side = match.group("bside") or match.group("aside") or ("loss" if label_loss else "")
        dividend = _DIVIDEND.fullmatch(label)
        items.append(_Item(kind, (match.start("label"), match.start("label") + len(label)), match.span(), now, before,
                           now_loss, before_side.lower() == "loss",
                           (dividend.group("kind") or "").lower() if kind == "dividend" else ""))
    return items


def _blocks(text: str, items: list[_Item]) -> list[list[_Item]]:
    """The items in runs, a period line ("Year", "Nine mths") starting the next run."""
    period_lines = [m.start() for m in _PERIOD_LINE.finditer(text)]
    blocks: dict[int, list[_Item]] = {}
    for item in items:
        blocks.setdefault(bisect_right(period_lines, item.line[0]), []).append(item)
    return list(blocks.values())


def _value(entity: Entity | None, loss: bool) -> float | None:
    if entity is None:
        return None
    return -entity.normalized["value"] if loss else entity.normalized["value"]


def _profit_subtype(item: _Item) -> tuple[str, str] | None:
    """(subtype, polarity) of a profit line: a loss, a return to profit, or a profit up or down."""
    now, before = _value(item.now, item.now_loss), _value(item.before, item.before_loss)
    if now is None:
        return None
    if item.now_loss:
        return "loss", "positive" if before is not None and before < now else "negative"
    if before is not None and item.before_loss:
        return "turnaround", "positive"
    if before is None or now == before:
        return None
    return ("increase", "positive") if now > before else ("decrease", "negative")


def _change_subtype(item: _Item) -> tuple[str, str] | None:
    now, before = _value(item.now, False), _value(item.before, False)
    if now is None or before is None or now == before:
        return None
    return ("increase", "positive") if now > before else ("decrease", "negative")


def _dividend_subtype(item: _Item) -> tuple[str, str]:
    if item.dividend_kind in _SPECIAL:
        return "special", "positive"
    if item.dividend_kind == "initial" or item.before is None or item.now is None:
        return "declared", "neutral"
    now, before = item.now.normalized["value"], item.before.normalized["value"]
    if now == before:
        return "unchanged", "neutral"
    return ("raise", "positive") if now > before else ("cut", "negative")


class _Table:
    def __init__(self, text: str, sentences: list[tuple[int, int]], entities: list[Entity]) -> None:
        self.text = text
        self.starts = [start for start, _ in sentences]
        self.headline_end = text.find("\n") if "\n" in text else len(text)
        companies = [e for e in entities if e.label == "COMPANY"]
        self.company = next((e for e in companies if e.start < self.headline_end),
                            companies[0] if companies else None)
        self.periods = [e for e in entities if e.label == "DATE" and e.normalized.get("granularity") in
                        ("quarter", "half", "year")]
        self.headline_period = next((e for e in self.periods if e.start < self.headline_end), None)
        self.dates = [e for e in entities if e.label == "DATE" and e.normalized.get("granularity") == "day"]

    def event(self, event_type: str, subtype: str, polarity: str, trigger: tuple[int, int],
              figures: list[tuple[str, Entity | None]]) -> Event:
        start, end = trigger
        event = Event(type=event_type, subtype=subtype, trigger=Entity(start, end, "TRIGGER", self.text[start:end]),
                      sentence=max(0, bisect_right(self.starts, start) - 1), polarity=polarity, confidence=0.9)
        if self.company is not None:
            event.arguments.append(argument_of("company", self.company))
        event.arguments += [argument_of(role, entity) for role, entity in figures if entity is not None]
        event.date = next((str(a["normalized"]["value"]) for a in event.arguments if a["role"] == "date"), None)
        return event

    def period_of(self, block: list[_Item], first: bool) -> Entity | None:
        """The period a block covers: a date on its period line, else the headline's for the first block."""
        line_start = self.text.rfind("\n", 0, block[0].line[0])
        own = next((e for e in self.periods if self.text.rfind("\n", 0, line_start) < e.start < line_start), None)
        return own or (self.headline_period if first else None)


_RESULT_WORD = re.compile(r"\b(?:(?:OPER\s+)?NET|LOSS|PROFIT|EARNINGS|RESULTS|SHR)\b")


def table_events(text: str, sentences: list[tuple[int, int]], entities: list[Entity], lang: str,
                 events: list[Event]) -> list[Event]:
    """``events`` with those of the document's results and dividend tables; a table's reading replaces
    what the sentence rules and the type model made of its lines and of the notes under it."""
    if lang != "en":
        return events
    items = _items(text, entities)
    if not items:
        return events
    table = _Table(text, sentences, entities)
    read = [i.line for i in items] + [m.span() for m in _NOTE_LINE.finditer(text)]
    kept = [e for e in events if not any(start <= e.trigger.start < end for start, end in read)]
    found: list[Event] = []
    pay = _PAY_LINE.search(text)
    pay_date = next((e for e in table.dates if pay and pay.start() <= e.start < pay.end()), None)
    for number, block in enumerate(_blocks(text, items)):
        period = table.period_of(block, number == 0)
        by_kind = {}
        for item in block:
            by_kind.setdefault(item.kind, item)
        profit = by_kind.get("profit") or by_kind.get("per_share")
        if profit and (reading := _profit_subtype(profit)):
            found.append(table.event("profit_loss", *reading, profit.label,
                                     [("amount", profit.now), ("period", period)]))
        revenue = by_kind.get("revenue")
        if revenue and (reading := _change_subtype(revenue)):
            found.append(table.event("revenue", *reading, revenue.label,
                                     [("amount", revenue.now), ("period", period)]))
        dividend = by_kind.get("dividend")
        if dividend:
            found.append(table.event("dividend", *_dividend_subtype(dividend), dividend.label,
                                     [("amount", dividend.now), ("date", pay_date)]))
    results = [i for i in items if i.kind != "dividend"]
    if results and not any(e.type == "financial_report" for e in kept):
        word = _RESULT_WORD.search(text, 0, table.headline_end)
        trigger = word.span() if word else results[0].label
        polarity = next((e.polarity for e in found if e.type == "profit_loss"), "neutral")
        found.append(table.event("financial_report", "results", polarity, trigger,
                                 [("period", table.headline_period)]))
    return sorted(kept + found, key=lambda e: (e.sentence, e.trigger.start))
