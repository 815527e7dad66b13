"""The sources file: what to crawl (``[[source]]`` tables) and how politely (the ``[crawl]`` table).

    [crawl]
    user_agent = "Example Research research@example.com"   # SEC EDGAR requires a name and an email
    host_delay = 1.0                                         # any FetchPolicy field; see fetch.py

    [[source]]
    name = "wire-markets"
    kind = "feed"                  # feed, sitemap, pages, sec_latest, sec_company, cninfo, sse, szse
    url = "https://example.com/markets/rss"

Each source is checked when the file is read: a wrong key, type or value is a ConfigError that names
the file, the source and the key, so a long-running crawl never starts with a typo in it.
"""

from __future__ import annotations

import dataclasses
import math
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import ConfigError, Errors
from . import sec_edgar
from .fetch import FetchPolicy
from .sec_edgar import sec_user_agent_ok

# What each kind reads: "urls" (feeds, sitemaps, page lists) or "codes" (CIKs, stock codes).
KINDS = {
    "feed": "urls", "sitemap": "urls", "pages": "urls", "sec_latest": None, "sec_company": "codes",
    "cninfo": "codes", "sse": "codes", "szse": "codes",
}
CONTENT = ("page", "feed")  # a feed item's text: its page's main text, or the feed's own text
SEC_RATE_LIMIT = 10.0  # requests per second that SEC EDGAR allows one user
DEFAULT_INTERVAL = 900.0

_SOURCE_KEYS: dict[str, tuple[type, ...]] = {
    "name": (str,), "kind": (str,), "url": (str,), "urls": (list,), "code": (str, int), "codes": (list,),
    "cik": (str, int), "forms": (list,), "since": (str, date), "interval": (int, float), "content": (str,),
    "lang": (str,), "max_items": (int,), "base_url": (str,),
}


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    urls: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    forms: tuple[str, ...] = ("8-K",)  # SEC form types to keep
    since: str | None = None  # ISO date: older items are left alone
    interval: float = DEFAULT_INTERVAL  # seconds between polls in watch mode
    content: str = "page"
    lang: str | None = None
    max_items: int = 500  # documents fetched per poll, newest first
    base_url: str | None = None  # SEC and exchange sources: a mirror (or test server) in place of the real host


@dataclass(frozen=True)
class Sources:
    path: str
    policy: FetchPolicy
    sources: tuple[Source, ...]


def _policy_fields() -> dict[str, dataclasses.Field]:
    return {f.name: f for f in dataclasses.fields(FetchPolicy)}


def _fail(path: str, code: str, **values: Any) -> ConfigError:
    return ConfigError(getattr(Errors, code).format(path=path, **values))


def _policy(path: str, table: dict[str, Any], has_sec: bool) -> tuple[FetchPolicy, float]:
    table = dict(table)
    interval = table.pop("interval", DEFAULT_INTERVAL)
    fields = _policy_fields()
    for key, value in table.items():
        if key not in fields:
            raise _fail(path, "E092", where="[crawl]", key=key, valid=", ".join(sorted([*fields, "interval"])))
        kind = type(getattr(FetchPolicy(), key))
        if key == "rate_limits":
            ok = isinstance(value, dict) and all(_seconds(v) for v in value.values())
        elif kind is bool:
            ok = isinstance(value, bool)
        elif kind in (int, float):
            ok = _number(value) and value >= 0 and (kind is float or isinstance(value, int))
        else:
            ok = isinstance(value, kind)
        if not ok:
            raise _fail(path, "E093", where="[crawl]", key=key, value=value,
                        expected="a table of domain = requests per second above 0" if key == "rate_limits"
                        else f"a {kind.__name__}" + (" (not negative)" if kind in (int, float) else ""))
    if not _seconds(interval):
        raise _fail(path, "E093", where="[crawl]", key="interval", value=interval, expected="seconds above 0")
    rates = {str(k).lower(): float(v) for k, v in table.pop("rate_limits", {}).items()}
    if has_sec:
        rates["sec.gov"] = min(rates.get("sec.gov", SEC_RATE_LIMIT), SEC_RATE_LIMIT)
    policy = FetchPolicy(**table, rate_limits=rates)
    if has_sec and not sec_user_agent_ok(policy.user_agent):
        raise _fail(path, "E097", user_agent=policy.user_agent)
    return policy, float(interval)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _seconds(value: Any) -> bool:
    """A finite positive number (of seconds, or of requests per second)."""
    return _number(value) and value > 0


def _strings(path: str, where: str, key: str, value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, (str, int)) and str(v).strip() for v in values):
        raise _fail(path, "E093", where=where, key=key, value=value, expected="a non-empty string or list of them")
    return tuple(str(v).strip() for v in values)


def _source(path: str, number: int, table: dict[str, Any], interval: float) -> Source:
    where = f"source {number} ({table.get('name', 'no name')!r})"
    for key, value in table.items():
        if key not in _SOURCE_KEYS:
            raise _fail(path, "E092", where=where, key=key, valid=", ".join(_SOURCE_KEYS))
        if not isinstance(value, _SOURCE_KEYS[key]) or isinstance(value, bool):
            expected = " or ".join(t.__name__ for t in _SOURCE_KEYS[key])
            raise _fail(path, "E093", where=where, key=key, value=value, expected=expected)
    for key in ("name", "kind"):
        if not str(table.get(key, "")).strip():
            raise _fail(path, "E094", where=where, key=key)
    kind = table["kind"]
    if kind not in KINDS:
        raise _fail(path, "E095", where=where, kind=kind, kinds=", ".join(KINDS))
    needs = KINDS[kind]
    urls = codes = ()
    if needs == "urls":
        if not ("url" in table or "urls" in table):
            raise _fail(path, "E094", where=where, key="url (or urls)")
        urls = _strings(path, where, "urls", table.get("urls", table.get("url")))
        bad = next((u for u in urls if not u.lower().startswith(("http://", "https://"))), None)
        if bad:
            raise _fail(path, "E093", where=where, key="url", value=bad, expected="an http:// or https:// URL")
    elif needs == "codes":
        key = next((k for k in ("codes", "code", "cik") if k in table), None)
        if key is None:
            raise _fail(path, "E094", where=where, key="codes (or code, cik)")
        codes = _strings(path, where, key, table[key])
        if kind.startswith("sec_"):
            try:
                codes = tuple(sec_edgar.normalise_cik(code) for code in codes)
            except ValueError as e:
                raise _fail(path, "E093", where=where, key=key, value=table[key], expected=f"CIKs ({e})") from None
    since = table.get("since")
    if since is not None:
        try:
            since = date.fromisoformat(str(since)).isoformat()
        except ValueError:
            raise _fail(path, "E093", where=where, key="since", value=since,
                        expected="a date like 2026-01-31") from None
    content = table.get("content", "page")
    if content not in CONTENT:
        raise _fail(path, "E093", where=where, key="content", value=content, expected="'page' or 'feed'")
    source_interval = table.get("interval", interval)
    if not _seconds(source_interval):
        raise _fail(path, "E093", where=where, key="interval", value=source_interval, expected="seconds above 0")
    if table.get("lang") not in (None, "en", "zh"):
        raise _fail(path, "E093", where=where, key="lang", value=table["lang"], expected="'en' or 'zh'")
    if table.get("max_items", 1) <= 0:
        raise _fail(path, "E093", where=where, key="max_items", value=table["max_items"], expected="a positive integer")
    forms = _strings(path, where, "forms", table["forms"]) if "forms" in table else Source.forms
    base_url = table.get("base_url")
    if base_url is not None and not base_url.lower().startswith(("http://", "https://")):
        raise _fail(path, "E093", where=where, key="base_url", value=base_url, expected="an http:// or https:// URL")
    return Source(name=str(table["name"]).strip(), kind=kind, urls=urls, codes=codes,
                  forms=tuple(f.upper() for f in forms), since=since, interval=float(source_interval),
                  content=content, lang=table.get("lang"), max_items=table.get("max_items", Source.max_items),
                  base_url=base_url.rstrip("/") if base_url else None)


def parse_sources(data: dict[str, Any], path: str = "<sources>") -> Sources:
    """Sources from an already-read TOML table (``load_sources`` reads the file)."""
    if not isinstance(data.get("crawl", {}), dict):
        raise _fail(path, "E093", where="the file", key="crawl", value=data["crawl"], expected="a [crawl] table")
    unknown = set(data) - {"crawl", "source"}
    if unknown:
        raise _fail(path, "E092", where="the file", key=sorted(unknown)[0], valid="crawl, source")
    tables = data.get("source", [])
    if not isinstance(tables, list) or not tables:
        raise _fail(path, "E098")
    has_sec = any(isinstance(t, dict) and str(t.get("kind", "")).startswith("sec_") for t in tables)
    policy, interval = _policy(path, data.get("crawl", {}), has_sec)
    sources = tuple(_source(path, n, table, interval) for n, table in enumerate(tables, start=1))
    names = [s.name for s in sources]
    duplicate = next((n for n in names if names.count(n) > 1), None)
    if duplicate:
        raise _fail(path, "E096", name=duplicate)
    return Sources(path=path, policy=policy, sources=sources)


def load_sources(path: str | Path) -> Sources:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _fail(str(path), "E090") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise _fail(str(path), "E091", detail=e) from None
    return parse_sources(data, str(path))
