"""Tickers in their common written forms, linked to gazetteer companies.

600111, 600111.SH, SH600111, (NYSE: AAPL), $AAPL, AAPL.O, 0700.HK, (HKEX: 700), "ticker 600111",
"证券代码：600111". A bare six-digit number is a ticker only in such a context.
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer, normalized_entry
from .spans import Entity

_A_SHARE_EXCHANGES = {"SH": "SSE", "SS": "SSE", "SZ": "SZSE", "BJ": "BSE", "SSE": "SSE", "SHSE": "SSE",
                      "SZSE": "SZSE", "BSE": "BSE"}
_US_EXCHANGES = r"NYSE American|NYSE Arca|NYSE|NASDAQ|Nasdaq|AMEX|OTC|CBOE"
# (pattern, whole): whole=False when only the code is the entity ("ticker 600111", "(600111)").
_PATTERNS = [
    (re.compile(r"(?<![A-Za-z0-9])(?P<ex>SH|SZ|BJ)\s?(?P<code>\d{6})(?!\d)"), True),
    (re.compile(r"(?<!\d)(?P<code>\d{6})\.(?P<ex>SH|SZ|BJ|SS)\b"), True),
    (re.compile(r"(?<![A-Za-z])(?P<ex>SSE|SZSE|SHSE|BSE)\s?:\s?(?P<code>\d{6})(?!\d)"), True),
    (re.compile(rf"(?<![A-Za-z])(?P<us_ex>{_US_EXCHANGES})\s?:\s?(?P<us>[A-Z][A-Z.\-]{{0,6}}[A-Z])(?![A-Za-z])"),
     True),
    (re.compile(r"(?<![A-Za-z0-9$])\$(?P<us>[A-Z]{1,5})(?![A-Za-z0-9])"), True),
    (re.compile(r"(?<![A-Za-z0-9])(?P<us>[A-Z]{1,5})\.(?:O|OQ|N|K)(?![A-Za-z0-9])"), True),
    (re.compile(r"(?<![\d.])(?P<hk>\d{4,5})\.HK\b"), True),
    (re.compile(r"(?<![A-Za-z])(?:HKEX|SEHK|HK)\s?:\s?(?P<hk>\d{1,5})(?!\d)"), True),
    (re.compile(r"(?:ticker|stock code|code|symbol|证券代码|股票代码|代码)\s*[:：]?\s*(?P<code>\d{6})(?!\d)", re.I),
     False),
    (re.compile(r"[(（]\s*(?P<code>\d{6})\s*[)）]"), False),
]


def _company_id(match: re.Match[str], gazetteer: Gazetteer) -> str | None:
    groups = match.groupdict()
    if groups.get("code"):
        exchange = _A_SHARE_EXCHANGES.get(groups.get("ex") or "")
        candidates = [exchange] if exchange else ["SSE", "SZSE", "BSE"]
        return next((f"{ex}:{groups['code']}" for ex in candidates
                     if f"{ex}:{groups['code']}" in gazetteer.entries), None)
    if groups.get("hk"):
        company_id = f"HKEX:{groups['hk'].zfill(5)}"
        return company_id if company_id in gazetteer.entries else None
    ticker = groups["us"].replace(".", "-")
    exchanges = [groups["us_ex"].upper().split()[0]] if groups.get("us_ex") else []
    for exchange in [*exchanges, "NASDAQ", "NYSE", "CBOE", "OTC"]:
        if f"{exchange}:{ticker}" in gazetteer.entries:
            return f"{exchange}:{ticker}"
    return None


def find_tickers(text: str, gazetteer: Gazetteer) -> list[Entity]:
    """COMPANY entities for ticker mentions that name a company in the gazetteer."""
    found = []
    for pattern, whole in _PATTERNS:
        for match in pattern.finditer(text):
            company_id = _company_id(match, gazetteer)
            if company_id is None:
                continue
            key = next(k for k in ("code", "us", "hk") if match.groupdict().get(k))
            start, end = match.span() if whole else match.span(key)
            found.append(Entity(start, end, "COMPANY", text[start:end],
                                normalized_entry(gazetteer.entries[company_id], "COMPANY"), priority=3))
    return found
