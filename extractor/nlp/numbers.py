"""Numbers, money, prices, percentages and quantities, in English and Chinese text.

Values are normalised to plain numbers: 万 = 1e4, 亿 = 1e8, 万亿 = 1e12, "mln"/"million",
"bn"/"billion", "trillion", "dlrs", "cts", "pct", Chinese numerals (三千万), parentheses as
negatives. Percentages become ratios (11.88 % -> 0.1188).
"""

from __future__ import annotations

import re
from decimal import Decimal

from .spans import Entity

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4,
              "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9,
              "玖": 9}
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_LARGE = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_CN_SCALE = {**_CN_SMALL, **_CN_LARGE}
_EN_SCALE = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mln": 10**6, "mn": 10**6,
             "m": 10**6, "billion": 10**9, "bln": 10**9, "bn": 10**9, "b": 10**9,
             "trillion": 10**12, "tln": 10**12, "tn": 10**12}

# Starts with a digit or 十: a bare 万 or 亿 is a unit, not a number.
CN_NUMERAL = ("[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾]"
              "[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億]*")
# Never starting inside a run of digits: a long digit run must not be retried at every position.
ARABIC = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# A number as written: arabic digits with an optional Chinese scale (68.25万, 1.84万亿), or
# Chinese numerals (三千万).
NUMBER = rf"(?:(?:{ARABIC})(?:\s?[十百千万萬亿億]+)?|{CN_NUMERAL})"


def parse_chinese_numeral(text: str) -> int | None:
    """Value of a Chinese numeral such as 三千万 or 一亿二千万; None if it is not one."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_SCALE for ch in text):
        return None
    if not any(ch in _CN_DIGITS or ch in "十拾" for ch in text):
        return None  # a bare 万 or 百 is a unit, not a number
    total = section = number = 0
    for ch in text:
        if ch in _CN_DIGITS:
            number = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (number or 1) * _CN_SMALL[ch]
            number = 0
        elif _CN_LARGE[ch] == 10**4:
            section = ((section + number) or 1) * 10**4
            number = 0
        else:
            total = ((total + section + number) or 1) * 10**8
            section = number = 0
    return total + section + number


def plain(value: Decimal) -> int | float:
    """A JSON-friendly number: an int when the value is whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def parse_number(text: str) -> int | float | None:
    """Value of a written number: "1,234.5", "(12.3)", "68.25万", "1.84 万亿", "三千万", "5 mln".

    Arithmetic is decimal, so 313.53亿 is exactly 31353000000.
    """
    text = text.strip()
    negative = text.startswith("(") and ")" in text
    if negative:
        text = text[1:].replace(")", "", 1).strip()
    if text.startswith(("-", "−")):
        negative, text = True, text[1:].strip()
    match = re.fullmatch(rf"({ARABIC})\s?([十百千万萬亿億]*)\s*([A-Za-z]*)", text)
    if match:
        value = Decimal(match.group(1).replace(",", ""))
        for ch in match.group(2):
            value *= _CN_SCALE[ch]
        word = match.group(3).lower()
        if word:
            if word not in _EN_SCALE:
                return None
            value *= _EN_SCALE[word]
    else:
        numeral = parse_chinese_numeral(text)
        if numeral is None:
            return None
        value = Decimal(numeral)
    return plain(-value if negative else value)


# Currencies by symbol, code and name. Keys are lower case.
_CURRENCY = {
    "us$": "USD", "usd": "USD", "$": "USD", "dollar": "USD", "dollars": "USD", "dlrs": "USD",
    "dlr": "USD", "美元": "USD", "cts": "USD", "cents": "USD", "cent": "USD",
    "hk$": "HKD", "hkd": "HKD", "港元": "HKD", "港币": "HKD",
    "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "renminbi": "CNY", "元": "CNY", "人民币": "CNY",
    "¥": "CNY", "￥": "CNY",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "欧元": "EUR",
    "£": "GBP", "gbp": "GBP", "stg": "GBP", "sterling": "GBP", "pounds sterling": "GBP",
    "jpy": "JPY", "yen": "JPY", "日元": "JPY",
    "a$": "AUD", "aud": "AUD", "c$": "CAD", "cad": "CAD", "s$": "SGD", "sgd": "SGD",
    "rupees": "INR", "rupee": "INR", "inr": "INR", "ringgit": "MYR", "myr": "MYR", "baht": "THB",
    "rupiah": "IDR", "pesos": "MXN", "reais": "BRL", "rand": "ZAR", "swiss francs": "CHF", "chf": "CHF",
    # and those of wire archives before the euro: "60 mln marks", "12.3 mln guilders", "Canadian dlrs"
    "marks": "DEM", "guilders": "NLG", "lire": "ITL", "french francs": "FRF", "canadian dlrs": "CAD",
    "australian dlrs": "AUD",
}
_SUBUNIT = {"cts", "cents", "cent"}
_UNIT = {
    "t": "t", "tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "metric ton": "t",
    "metric tons": "t", "吨": "t", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "千克": "kg",
    "公斤": "kg", "ounce": "oz", "ounces": "oz", "oz": "oz", "盎司": "oz", "barrel": "bbl",
    "barrels": "bbl", "bbl": "bbl", "桶": "bbl", "share": "share", "shares": "share", "股": "share",
    "pound": "lb", "pounds": "lb", "lb": "lb", "磅": "lb", "bushel": "bu", "bushels": "bu",
    "mwh": "MWh", "kwh": "kWh", "千瓦时": "kWh", "度": "kWh", "gigawatt": "GW", "gw": "GW",
    "units": "unit", "辆": "vehicle", "vehicles": "vehicle", "平方米": "m2", "square metres": "m2",
}
_APPROX = {"more than": "more_than", "over": "more_than", "above": "more_than",
           "exceeding": "more_than", "at least": "at_least", "nearly": "about", "almost": "about",
           "about": "about", "around": "about", "roughly": "about", "approximately": "about",
           "some": "about", "up to": "at_most", "less than": "less_than", "below": "less_than",
           "under": "less_than", "不超过": "at_most", "不低于": "at_least", "超过": "more_than",
           "逾": "more_than", "超": "more_than",
           "近": "about", "约": "about", "接近": "about", "不足": "less_than", "至少": "at_least"}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_EN_UNIT_WORDS = [w for w in _UNIT if re.match(r"[a-z]", w)]
_CN_UNIT_WORDS = [w for w in _UNIT if not re.match(r"[a-z]", w)]
_PREFIX_CUR = r"US\$|HK\$|A\$|C\$|S\$|USD|HKD|RMB|CNY|EUR|GBP|JPY|AUD|CAD|SGD|\$|€|£|¥|￥"
SUFFIX_CURRENCIES = ("dollars|dollar|dlrs|dlr|yuan|renminbi|euros|euro|yen|pounds sterling|sterling|stg|"
                     "cts|cents|cent|USD|HKD|RMB|CNY|EUR|GBP|JPY|rupees|rupee|INR|ringgit|MYR|baht|rupiah|pesos|"
                     "reais|rand|swiss francs|CHF|marks|guilders|lire|french francs|Canadian dlrs|Australian dlrs")
_CN_CUR = "美元|港元|港币|人民币|欧元|日元|元"
_SCALE_WORD = r"(?:thousand|million|mln|mn|billion|bln|bn|trillion|tln|tn)\b|(?:k|m|b|bn|tn)\b(?!\.\d)"
# Qualifiers ("more than", "约") are looked for just before a match, not scanned for everywhere.
_APPROX_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<approx>{_alternation(_APPROX)})\s*$", re.I)
_EN_PER = (rf"\s*(?:per|a|an|/|each)\s*(?P<unit>{_alternation(_EN_UNIT_WORDS)})\b")
_CN_PER = rf"\s*(?:/|每)\s*(?P<unit>{_alternation(_CN_UNIT_WORDS)})"
_SIGN = r"(?:(?<![0-9A-Za-z.,十百千万亿元%])[-−])?"  # a minus sign that is no hyphen of a range ("1-3亿元")
_NUM = rf"\(?{_SIGN}{NUMBER}\)?"
_RANGE_SEP = r"\s*(?:-|–|—|~|～|to|至|到)\s*"

_MONEY_PATTERNS = [
    # ¥68.25, US$300 million, RMB 2.3 billion a tonne
    re.compile(rf"(?P<cur>{_PREFIX_CUR})\s?(?P<num>{_NUM}(?:\s?(?:{_SCALE_WORD}))?)"
               rf"(?:{_EN_PER})?", re.I),
    # 42.75 dlrs, 5 mln dlrs, 1.2 billion stg, 2.5 billion yuan per tonne
    re.compile(rf"(?P<num>{_NUM}(?:\s?(?:{_SCALE_WORD}))?)\s?(?P<cur>{SUFFIX_CURRENCIES})\b"
               rf"(?:{_EN_PER})?", re.I),
    # 68.25 万元/吨, 313.53亿元, 三千万元, 人民币 5 亿元
    re.compile(rf"(?:人民币\s?)?(?P<num>{_SIGN}{NUMBER})\s?"
               rf"(?P<cur>{_CN_CUR})(?:{_CN_PER})?"),
]
_PERCENT = re.compile(
    rf"(?P<sign>[+\-−])?(?P<num>{ARABIC})(?:\s?(?:%|％|pct|percent|per cent))?"
    rf"(?:{_RANGE_SEP}(?P<high>{ARABIC}))?\s?(?:%|％|pct\b|percent\b|per cent\b)(?P<plus>\+)?",
    re.I,
)
_ONE_PERCENT = re.compile(rf"(?P<sign>[+\-−])?(?P<num>{ARABIC})\s?(?:%|％|pct\b|percent\b|per cent\b)(?P<plus>\+)?",
                          re.I)
_FROM = re.compile(r"(?:\bfrom|从|由)\s*$", re.I)
_CN_PERCENT = re.compile(rf"百分之(?P<num>{CN_NUMERAL}|{ARABIC})")
# Percentage points and basis points are PERCENT too (GUIDELINES): "3.9个百分点" is 0.039, "25 basis points"
# 0.0025.
_POINTS = re.compile(rf"(?P<sign>[+\-−])?(?P<num>{ARABIC})\s?(?:(?P<pp>percentage points?\b|pct points?\b|"
                     rf"个百分点|ppts?\b)|(?P<bp>basis points?\b|bps?\b|个基点|基点))")
_QUANTITY = [
    re.compile(rf"(?P<num>{_NUM}(?:\s?(?:{_SCALE_WORD}))?)\s?"
               rf"(?P<unit>{_alternation(_EN_UNIT_WORDS)})\b", re.I),
    # 股 before 东/价/权/票/本 is no share count: "二股东" is the second-largest shareholder
    re.compile(rf"(?P<num>{NUMBER})\s?"
               rf"(?P<unit>{_alternation(_CN_UNIT_WORDS)})(?!(?<=股)[东价权票本])"),
]
# Valuation ratios: "a price-earnings ratio of 86.04", "P/E of 18", "18 times earnings", "市盈率为35.2倍".
_HYPHEN = "[-‐‑–]"
_RATIO = re.compile(
    rf"(?:\b(?:price{_HYPHEN}(?:to{_HYPHEN})?(?:earnings|book|sales)|P/E|P/B)(?: ratios?)?"
    rf"(?: of| at| was| is| stood at|:)?\s*|市盈率|市净率)(?:为|达|约)?\s*"
    rf"(?P<num>{ARABIC}(?:\s?(?:times|x|倍))?)"
    rf"|(?P<num2>{ARABIC}\s?(?:times|倍))(?= (?:forward |trailing )?(?:earnings|book value|sales)\b)")
_WORD_CHAR = re.compile(r"[A-Za-z0-9]")


def _ratio_quantity(match: re.Match[str]) -> Entity:
    group = "num" if match.group("num") else "num2"
    value = parse_number(_LEADING_NUMBER.search(match.group(group)).group())
    return Entity(match.start(group), match.end(group), "QUANTITY", match.group(group),
                  {"value": value, "unit": "ratio"}, priority=2)


def in_currency(value: int | float, word: str) -> dict[str, object] | None:
    """A MONEY entity's normalised value for ``value`` written with the currency ``word`` ("cts": a
    hundredth of a dollar); None for a word that names no currency."""
    word = word.lower()
    if word not in _CURRENCY:
        return None
    if word in _SUBUNIT:
        value = plain(Decimal(str(value)) / 100)
    return {"value": value, "currency": _CURRENCY[word]}


def _money(match: re.Match[str]) -> Entity | None:
    value = parse_number(match.group("num"))
    if value is None:
        return None
    normalized = in_currency(value, match.group("cur"))
    if normalized is None:
        return None
    label = "MONEY"
    unit = match.groupdict().get("unit")
    if unit:
        label = "PRICE"
        normalized["per_unit"] = _UNIT[unit.lower()]
    return Entity(match.start(), match.end(), label, match.group(0), normalized, priority=3)


def _ratio(percent: int | float) -> int | float:
    return plain(Decimal(str(percent)) / 100)


def _percent(match: re.Match[str]) -> Entity | None:
    value = parse_number(match.group("num"))
    if value is None:
        return None
    normalized: dict[str, object] = {"value": _ratio(value), "unit": "ratio"}
    if match.groupdict().get("high"):
        high = parse_number(match.group("high"))
        if high is not None:
            normalized["high"] = _ratio(high)
    sign = match.groupdict().get("sign")
    if sign:
        normalized["direction"] = "increase" if sign == "+" else "decrease"
    if match.groupdict().get("plus"):
        normalized["approximate"] = "more_than"
    return Entity(match.start(), match.end(), "PERCENT", match.group(0), normalized, priority=3)


def _points(match: re.Match[str]) -> Entity | None:
    entity = _percent(match)  # a percentage point is a percent's worth; a basis point a hundredth of it
    if entity is not None and match.group("bp"):
        entity.normalized["value"] = plain(Decimal(str(entity.normalized["value"])) / 100)
    return entity


def _quantity(match: re.Match[str]) -> Entity | None:
    if re.fullmatch(r"\d+[MBK]", match.group("num")):
        return None  # "3M shares" are shares of 3M; news writes "3 million shares" or "3mln shares"
    value = parse_number(match.group("num"))
    if value is None:
        return None
    normalized: dict[str, object] = {"value": value, "unit": _UNIT[match.group("unit").lower()]}
    return Entity(match.start(), match.end(), "QUANTITY", match.group(0), normalized, priority=2)


def _with_qualifier(entity: Entity, text: str) -> Entity:
    """Take a qualifier just before the number into the span: "more than 82 %", "不超过30亿元"."""
    match = _APPROX_BEFORE.search(text, max(0, entity.start - 16), entity.start)
    if match:
        entity.start = match.start()
        entity.text = text[entity.start:entity.end]
        entity.normalized.setdefault("approximate", _APPROX[match.group("approx").lower()])
    return entity


_UP = ("up|rose|risen|rise|rising|gained|gain|climbed|jumped|surged|increased|increase|higher|"
       "上涨|增长|上升|提高|增加|涨")
_DOWN = ("down|fell|fallen|fall|dropped|drop|declined|decline|decreased|decrease|lower|slid|"
         "下跌|下降|减少|下滑|回落|跌")
_DIRECTION_BEFORE = re.compile(rf"(?<![A-Za-z])(?:(?P<up>{_UP})|(?P<down>{_DOWN}))"
                               rf"(?:\s+(?:by|of|to|about|nearly|some))?\s*$", re.I)
_RANGE_BEFORE = re.compile(rf"(?:(?:{_PREFIX_CUR})\s?)?(?P<low>{_SIGN}(?:{ARABIC}))"
                           rf"(?P<scale>\s?(?:{_SCALE_WORD}|[十百千万亿]+))?\s*(?:to|-|–|—|~|～|至|到)\s*$", re.I)
_LEADING_NUMBER = re.compile(ARABIC)
# Words before a low end that make "X to Y" a change and its level, not a range.
_CHANGE_BEFORE = re.compile(r"\b(?:from|rose|fell|gained|lost|added|shed|jumped|climbed|dropped|slid|slipped|"
                            r"increased|decreased|rising|falling|up|down|by)\s*$|从\s*$|由\s*$", re.I)
_RANGE_BETWEEN = re.compile(r"^\s*(?:to|至|到|-|–|~|～)\s*$")


_BETWEEN = "between "


def _between_before(text: str, position: int) -> bool:
    return position >= len(_BETWEEN) and text.startswith(_BETWEEN, position - len(_BETWEEN))


def merge_ranges(text: str, entities: list[Entity]) -> list[Entity]:
    """Two amounts of the same kind written as a range, each with its unit: "100 tonnes to 105 tonnes",
    "52亿元至60亿元", "between $620 million and $660 million" become one entity with value and high."""
    merged: list[Entity] = []
    for entity in entities:
        low = merged[-1] if merged else None
        if (low is not None and entity.label == low.label and entity.label in ("MONEY", "PRICE", "QUANTITY")
                and "high" not in low.normalized and "high" not in entity.normalized
                and all(low.normalized.get(k) == entity.normalized.get(k) for k in ("currency", "unit", "per_unit"))
                and isinstance(low.normalized.get("value"), (int, float))
                and (_RANGE_BETWEEN.match(text[low.end:entity.start])
                     or text[low.end:entity.start] == " and " and _between_before(text, low.start))
                and not _CHANGE_BEFORE.search(text, max(0, low.start - 12), low.start)):
            start = low.start - (len(_BETWEEN) if _between_before(text, low.start) else 0)
            merged[-1] = Entity(start, entity.end, low.label, text[start:entity.end],
                                {**low.normalized, "high": entity.normalized["value"]}, priority=low.priority)
        else:
            merged.append(entity)
    return merged


def _with_direction(entity: Entity, text: str) -> Entity:
    """A percentage after "rose", "fell", "上涨" carries the direction of the change."""
    if entity.label == "PERCENT" and "direction" not in entity.normalized:
        match = _DIRECTION_BEFORE.search(text, max(0, entity.start - 14), entity.start)
        if match and not re.search(r"\bup\s+to\s*$", text[max(0, entity.start - 8):entity.start], re.I):
            entity.normalized["direction"] = "increase" if match.group("up") else "decrease"
    return entity


def _with_range(entity: Entity, text: str) -> Entity:
    """"$320 million to $340 million", "1-3亿元": the low end joins the span; value is the low end
    and high the high end. A low end written without its scale takes the high end's (1-3亿 = 1亿-3亿)."""
    if entity.label not in ("MONEY", "PRICE", "QUANTITY") or "high" in entity.normalized:
        return entity
    match = _RANGE_BEFORE.search(text, max(0, entity.start - 30), entity.start)
    high_base = _LEADING_NUMBER.search(entity.text)
    if not match or not high_base or not isinstance(entity.normalized.get("value"), (int, float)):
        return entity
    if _CHANGE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
        return entity  # "from 300 to 400 tonnes", "rose $2.51 to $65.92": a change, not a range
    low = parse_number(match.group("low") + (match.group("scale") or ""))
    if low is None:
        return entity
    if not match.group("scale"):
        base = abs(parse_number(high_base.group()) or 0)
        if base:
            low = plain(Decimal(str(low)) * abs(Decimal(str(entity.normalized["value"]))) / Decimal(str(base)))
    entity.normalized["high"] = entity.normalized["value"]
    entity.normalized["value"] = low
    entity.start = match.start()
    entity.text = text[entity.start:entity.end]
    return entity


def find_numbers(text: str) -> list[Entity]:
    """MONEY, PRICE, PERCENT and QUANTITY entities in ``text``, overlaps not yet resolved."""
    found: list[Entity] = []
    for pattern in _MONEY_PATTERNS:
        found += [e for m in pattern.finditer(text) if (e := _money(m))]
    for m in _PERCENT.finditer(text):
        if m.group("high") and (_FROM.search(text, max(0, m.start() - 6), m.start())
                                and re.search(r"to|至|到", text[m.end("num"):m.start("high")])
                                or re.fullmatch(r"(?:19|20)\d\d", m.group("num"))):
            # "rose from 5 % to 7 %": two levels of a change; "fiscal 2026 to 7.3%": a year, then a level
            found += [e for one in _ONE_PERCENT.finditer(text, m.start(), m.end()) if (e := _percent(one))]
        elif e := _percent(m):
            found.append(e)
    found += [e for m in _CN_PERCENT.finditer(text) if (e := _percent(m))]
    found += [e for m in _POINTS.finditer(text) if (e := _points(m))]
    for pattern in _QUANTITY:
        found += [e for m in pattern.finditer(text) if (e := _quantity(m))]
    found += [_ratio_quantity(m) for m in _RATIO.finditer(text)]
    # A match must not start inside a word ("A300 tons" is not 300 tons).
    found = [e for e in found if not (e.start and text[e.start].isdigit() and _WORD_CHAR.match(text[e.start - 1]))]
    return [_with_qualifier(_with_direction(_with_range(e, text), text), text) for e in found]
