"""Tables of Chinese shareholder announcements, flattened into text (a PDF table read out cell by
cell, the cells split by spaces, tabs or line breaks):

    股东名称 是否为第一大股东及一致行动人 质押股数（股） 质押开始日期 质押到期日 质权人 本次质押占其所持股份比例 用途
    张建国 是 12,000,000 2018年3月5日 2019年3月5日 国泰君安证券股份有限公司 15.23% 融资
    合计 - 12,000,000 - - - 15.23% -

No sentence rule reads a row: it has no verb, and its holder, shares and pledgee stand in columns.
Here a header is known by its column names (a holder's and a number of shares' among them), each
column gets a kind (holder, shares, pledgee or court, start date, stake, yes/no, price, free text), and
the cells after the header are dealt out to the columns row by row, each cell where its kind fits (an
empty cell leaves its column unfilled). Each row is one event (pledge, release, freeze, unfreeze,
holding raised or cut, buyback): the header's words say which, else the words just before the table.
The cells become entities where the tagger found none (a bare "12,000,000" under 质押股数 is shares).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .events import Event, argument_of
from .numbers import parse_number
from .rules import EVENT_ROLES
from .spans import Entity

_DATE = r"\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}(?:\s*日)?"
# A cell: a date (its spaces kept: "2018 年 3 月 5 日"), a range of two dates, or a run of non-spaces.
_CELL = re.compile(rf"{_DATE}(?:\s*(?:至|-|~|～|—|－)\s*(?:{_DATE}|今))?|\S+")
_SHARE_UNIT = r"(?:万股|股)"

# Column kinds, read off a header cell's words (the first pattern that matches), after cumulative and
# before/after figures (累计质押数量, 减持后持股数量), which are another column than this transaction's.
_COLUMNS = (
    ("flag", re.compile(r"^是否")),
    ("other", re.compile(r"(?<![增减])持股|持有|合计|总股本.*数|占比|比例|占|序号")),
    ("holder", re.compile(r"^(?:股东(?:名称|姓名)?|名称|姓名|出质人|出质股东|出质方|质押方|被冻结人|被冻结股东|"
                          r"(?:减持|增持)(?:主体|股东|人|对象)(?:名称|姓名)?|被执行人|解除质押股东|解质押股东)"
                          r"(?:[（(][^）)]*[）)])?$")),
    ("shares", re.compile(r"(?:股数|股份数(?:量)?|数量|股份)(?:[（(][^）)]*[）)])?$")),
    ("counterparty", re.compile(r"质权人|质押权人|质权方|执行人|执行法院|冻结法院|司法机关|法院")),
    ("price", re.compile(r"(?<!竞)价(?:格|区间)?(?:[（(][^）)]*[）)])?$|价格")),  # not 集中竞价
    ("other", re.compile(r"金额|总额|资金")),
    ("date", re.compile(r"(?<!到期)(?<!截止)(?:日期|起始日|开始日|初始交易日|登记日|交易日|日$|时间|期间)")),
    ("text", re.compile(r"用途|方式|性质|类型|原因|备注|申请人|说明|来源|类别|限售|期限|到期|截止|届满|状态|情况|"
                        r"身份|职务")),
)
# Columns of holdings before or after, and of totals: not this transaction's figures.
_BEFORE_OR_AFTER = re.compile(r"累计|前|后|剩余")
# ... except a buyback's, whose running total is the news (累计回购股份数量)
_BUYBACK_SHARES = re.compile(r"^(?:累计|已|本次)?回购(?:股份)?(?:数量|股数|总数)")
_STAKE = re.compile(r"占(?:公司)?总股本(?:比例|的比例|比)?")
_TOTAL = re.compile(r"^(?:合计|小计|总计)$")
_PLACEHOLDER = re.compile(r"^(?:[-—－/／–]+|无|不适用|N/?A)$")
_NUMBER = re.compile(rf"^(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<unit>{_SHARE_UNIT})?$")
_PERCENT_CELL = re.compile(r"^\d+(?:\.\d+)?\s*[%％]$|^\d+(?:\.\d+)?$")
_DATE_CELL = re.compile(_DATE)
_PRICE_CELL = re.compile(r"^\d+(?:\.\d+)?(?:\s*[-~～至]\s*\d+(?:\.\d+)?)?(?:元(?:/股)?)?$")  # 9.82-11.36
_NAME = re.compile(r"^(?=.*[\u4e00-\u9fffA-Za-z])[^，。；：、]{2,40}$")
# A cell that cannot be in a table: prose, a heading ("2、股东股份累计被质押的情况"), a note.
_END = re.compile(r"[。；：:]|^(?:\d{1,2}|[一二三四五六七八九十]{1,2})[、.．](?!\d)|"
                  r"^[（(](?:\d|[一二三四五六七八九十])[）)]|"
                  r"^(?:截至|注|备注|特此公告)")
_FLAG = re.compile(r"^(?:是|否)$")
# What a table tells, from its header's words or the words before it: (type, subtype, pattern).
_KINDS = (
    ("equity_pledge", "release", re.compile(r"解除质押|解押|质押解除|解质押")),
    ("equity_freeze", "unfreeze", re.compile(r"解除(?:司法|轮候)?冻结|解冻")),
    ("equity_pledge", "pledge", re.compile(r"质押")),
    ("equity_freeze", "freeze", re.compile(r"冻结")),
    ("shareholding_change", "decrease", re.compile(r"减持|出售|卖出")),
    ("shareholding_change", "increase", re.compile(r"增持|买入")),
    ("share_repurchase", "execution", re.compile(r"回购")),
)
_POLARITY = {"pledge": "negative", "release": "positive", "freeze": "negative", "unfreeze": "positive",
             "decrease": "negative", "increase": "positive", "execution": "positive"}
_LEAD = 200  # characters before a header where the table's kind is told ("1、股东股份被质押基本情况")
_COMPANY_WORDS = re.compile(r"公司|集团|企业|合伙|基金|中心|银行|信托|证券|资产|投资|控股|计划|账户|有限")


@dataclass
class _Header:
    start: int
    end: int
    kinds: list[str]
    event_type: str
    subtype: str
    trigger: tuple[int, int]


@dataclass
class Row:
    """One row of a table: its cells' (start, end) by column kind, and what the table tells."""
    header: _Header
    cells: dict[str, tuple[int, int]]
    span: tuple[int, int]


def _column_kind(cell: str) -> str | None:
    """What a header cell names (None: the cell is no column name)."""
    if _END.search(cell) or _DATE_CELL.search(cell) or _NUMBER.match(cell) or _PERCENT_CELL.match(cell):
        return None  # prose, a heading or a value
    if _BUYBACK_SHARES.search(cell):
        return "shares"
    if _BEFORE_OR_AFTER.search(cell):
        return "other"
    if _STAKE.search(cell):
        return "stake"
    for kind, pattern in _COLUMNS:
        if pattern.search(cell):
            return kind
    return None


def _fits(kind: str, cell: str) -> bool:
    """Whether a value cell can stand in a column of ``kind``."""
    if kind in ("holder", "counterparty"):
        return bool(_NAME.match(cell)) and not _FLAG.match(cell) and not _TOTAL.match(cell) \
            and not _DATE_CELL.search(cell) and not _PLACEHOLDER.match(cell)
    if kind == "flag":
        return bool(_FLAG.match(cell))
    if kind == "shares":
        return bool(_NUMBER.match(cell))
    if kind in ("stake", "other"):
        return bool(_PERCENT_CELL.match(cell) or _NUMBER.match(cell))
    if kind == "price":
        return bool(_PRICE_CELL.match(cell))
    if kind == "date":
        return bool(_DATE_CELL.search(cell))
    return not _NUMBER.match(cell) and not _PERCENT_CELL.match(cell)  # free text: 用途, 减持方式, 到期日


def _kind_of(text: str, start: int, end: int) -> tuple[str, str, tuple[int, int]] | None:
    """The first of _KINDS told between ``start`` and ``end``, with where its word stands."""
    for event_type, subtype, pattern in _KINDS:
        match = pattern.search(text, start, end)
        if match:
            return event_type, subtype, match.span()
    return None


def _headers(cells: list[re.Match[str]], text: str) -> list[tuple[int, int, _Header]]:
    """Each header as (index of its first cell, index of the cell after it, header): three or more cells
    in a row that name columns, a number of shares' among them, and a holder's unless the table is of a
    buyback (the company's own shares)."""
    found, i = [], 0
    while i < len(cells):
        j, kinds = i, []
        while j < len(cells) and (kind := _column_kind(cells[j].group())) is not None:
            kinds.append(kind)
            j += 1
        if "shares" in kinds and len(kinds) >= 3:
            start, end = cells[i].start(), cells[j - 1].end()
            told = _kind_of(text, start, end) or _kind_of(text, max(0, start - _LEAD), start)
            if told and ("holder" in kinds or told[0] == "share_repurchase"):
                found.append((i, j, _Header(start, end, kinds, *told)))
        i = max(j, i + 1)
    return found


def _rows(cells: list[re.Match[str]], first: int, stop: int, header: _Header) -> list[Row]:
    """The rows under a header: each starts at a name in the holder's column (a buyback's table: a
    cell of its first column; a 合计 row is skipped) and deals the next cells out to the columns in
    order; the table ends at prose, a heading or the next header (cell ``stop``)."""
    kinds, rows, i = header.kinds, [], first
    lead = kinds.index("holder") if "holder" in kinds else 0

    def starts_row(cell: str) -> bool:
        return _fits(kinds[lead], cell) and not _TOTAL.match(cell) and not _PLACEHOLDER.match(cell)

    while i < stop and not _END.search(cells[i].group()):
        if not starts_row(cells[i].group()):
            i += 1  # a 合计 row's figures, or a stray cell
            continue
        found: dict[str, tuple[int, int]] = {kinds[lead]: cells[i].span()}
        j = i + 1
        for position, kind in enumerate(kinds[lead + 1:], start=lead + 1):
            if j >= stop or _END.search(cells[j].group()):
                break
            value = cells[j].group()
            last = position == len(kinds) - 1
            if last and starts_row(value) and j + 1 < stop and _fits(kinds[lead + 1], cells[j + 1].group()):
                break  # an empty last cell: this cell starts the next row
            if _PLACEHOLDER.match(value) or _fits(kind, value):
                if not _PLACEHOLDER.match(value) and kind not in found:
                    found[kind] = cells[j].span()
                j += 1
        if "shares" in found:
            rows.append(Row(header, found, (cells[i].start(), cells[j - 1].end())))
        i = j
    return rows


def find_table_rows(text: str) -> list[Row]:
    """Every row of every shareholder table in ``text``."""
    if "股" not in text:
        return []
    cells = list(_CELL.finditer(text))
    rows = []
    headers = _headers(cells, text)
    stops = [first for first, _, _ in headers[1:]] + [len(cells)] if headers else []  # where the next starts
    for (_, after, header), stop in zip(headers, stops, strict=True):
        rows += _rows(cells, after, stop, header)
    return rows


def shares_value(text: str, span: tuple[int, int], header: _Header) -> int | None:
    """The number of shares in a cell, in shares (a column headed 万股 counts in ten thousands)."""
    match = _NUMBER.match(text[span[0]:span[1]])
    if match is None:
        return None
    value = parse_number(match.group("num"))
    header_text = text[header.start:header.end]
    if match.group("unit") == "万股" or match.group("unit") is None and "万股" in header_text:
        value *= 10_000
    return round(value)


def find_table_cells(text: str) -> list[Entity]:
    """Entities for the cells of shareholder tables: each row's shares (QUANTITY), and its holder,
    pledgee or court where no other tagger names them (a person's name of two to four characters, else
    an organisation)."""
    found = []
    for row in find_table_rows(text):
        start, end = row.cells["shares"]
        value = shares_value(text, (start, end), row.header)
        if value is not None:
            found.append(Entity(start, end, "QUANTITY", text[start:end], {"value": value, "unit": "share"},
                                priority=3))
        for kind in ("holder", "counterparty"):
            if kind in row.cells:
                start, end = row.cells[kind]
                name = text[start:end]
                label = "ORG" if kind == "counterparty" and "法院" in name else \
                    "PERSON" if len(name) <= 4 and not _COMPANY_WORDS.search(name) else "COMPANY"
                found.append(Entity(start, end, label, name, {}, priority=0))
    return found


def _at(entities: list[Entity], starts: list[int], span: tuple[int, int] | None) -> Entity | None:
    """The entity that lies within ``span``, if any."""
    if span is None:
        return None
    i = bisect_right(starts, span[0]) - 1
    for entity in entities[max(0, i):i + 3]:
        if span[0] <= entity.start and entity.end <= span[1]:
            return entity
    return None


def _within(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Whether ``position`` lies in one of ``spans`` (sorted, not overlapping; ``starts`` their starts)."""
    i = bisect_right(starts, position) - 1
    return i >= 0 and position < spans[i][1]


def _issuer(text: str, entities: list[Entity]) -> Entity | None:
    """The announcing company: the one its title names before 关于, else the first one named."""
    companies = [e for e in entities if e.label == "COMPANY" and not e.normalized.get("reference")]
    return next((e for e in companies if text.startswith("关于", e.end)), companies[0] if companies else None)


def table_row_events(text: str, sentences: list[tuple[int, int]], entities: list[Entity], lang: str,
                     events: list[Event]) -> list[Event]:
    """``events`` with one event per row of the document's shareholder tables; a table's reading
    replaces what the sentence rules and the type model made of its header and rows."""
    if lang != "zh":
        return events
    rows = find_table_rows(text)
    if not rows:
        return events
    read = sorted({(row.header.start, row.header.end) for row in rows} | {row.span for row in rows})
    read_starts = [start for start, _ in read]
    kept = [e for e in events if not _within(read, read_starts, e.trigger.start)]
    starts = [e.start for e in entities]
    sentence_starts = [s for s, _ in sentences]
    issuer = _issuer(text, entities)
    found = []
    for row in rows:
        header = row.header
        trigger = Entity(*header.trigger, "TRIGGER", text[header.trigger[0]:header.trigger[1]])
        event = Event(header.event_type, header.subtype, trigger,
                      sentence=max(0, bisect_right(sentence_starts, row.span[0]) - 1),
                      polarity=_POLARITY[header.subtype], confidence=0.9)
        roles = ([("company", issuer)] if header.event_type == "share_repurchase" else
                 [("holder", _at(entities, starts, row.cells.get("holder"))), ("company", issuer)])
        court = header.event_type == "equity_freeze"
        roles += [("shares", _at(entities, starts, row.cells.get("shares"))),
                  ("stake", _at(entities, starts, row.cells.get("stake"))),
                  ("court" if court else "pledgee", _at(entities, starts, row.cells.get("counterparty"))),
                  ("date", _at(entities, starts, row.cells.get("date")))]
        allowed = EVENT_ROLES[header.event_type]
        event.arguments = [argument_of(role, entity) for role, entity in roles
                           if entity is not None and role in allowed]
        event.date = next((str(a["normalized"]["value"]) for a in event.arguments
                           if a["role"] == "date" and (a.get("normalized") or {}).get("value")), None)
        found.append(event)
    return sorted(kept + found, key=lambda e: (e.sentence, e.trigger.start))
