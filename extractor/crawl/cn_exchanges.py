"""Announcement listings of the Chinese disclosure sites: cninfo (巨潮资讯, every listed company), the
Shanghai Stock Exchange (SSE, JSONP) and the Shenzhen Stock Exchange (SZSE, JSON). For each: a request
builder (method, URL, headers, body of page N for one stock and a date range) and a tolerant parser
of the response into :class:`Announcement` records and the number of pages.

Parsers never raise: a response that is not what the API returns is a coded message (E086) in
``errors`` and no announcements; an item that cannot be used (no title, no document URL, not an
object) is skipped with a coded note (E087) and the others are kept. Fields may be missing, null, of
another type than documented (``secCode`` as a list, numbers as strings), and unknown fields are
ignored. Times are Beijing time: ``published_at`` is an ISO date-time with ``+08:00``.

Formats as documented (see ``tests/fixtures/crawl/README.md`` and the crawl fixtures' PROVENANCE):

- cninfo ``POST /new/hisAnnouncement/query`` (form body) -> ``{"announcements": [...] | null,
  "totalAnnouncement", "totalRecordNum", "totalpages", "hasMore"}``; items carry ``announcementId``,
  ``secCode``, ``secName``, ``orgId``, ``announcementTitle`` (``<em>`` around matched words),
  ``announcementTime`` (ms since the epoch), ``adjunctUrl`` (relative to static.cninfo.com.cn),
  ``adjunctType`` (``PDF``, or null for old HTML items), ``adjunctSize`` (KB). ``stock`` needs the
  company's ``orgId``, which is not derivable from the code: read it from ``szse_stock.json``.
- SSE ``GET query.sse.com.cn/security/stock/queryCompanyBulletinNew.do`` -> ``cb({...})``; items in
  ``result`` and ``pageHelp.data`` (lists, or lists of lists grouping a bulletin with its
  attachments) with ``SECURITY_CODE``, ``SECURITY_NAME``, ``TITLE``, ``URL`` (relative),
  ``SSEDATE``, ``BULLETIN_TYPE(_DESC)``; ``pageHelp.total``, ``pageHelp.pageCount``.
- SZSE ``POST www.szse.cn/api/disc/announcement/annList`` (JSON body) -> ``{"announceCount",
  "data": [{"id", "title", "publishTime", "attachPath", "attachFormat", "attachSize", "secCode": [...],
  "secName": [...]}]}``.
"""

from __future__ import annotations

import html as html_entities
import json
import math
import posixpath
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlencode, urlsplit

from ..errors import Errors
from .fetch import Request

try:
    from zoneinfo import ZoneInfo

    BEIJING: Any = ZoneInfo("Asia/Shanghai")
except Exception:  # noqa: BLE001  (no time-zone data: China has kept +08:00 without summer time since 1991)
    BEIJING = timezone(timedelta(hours=8))

CNINFO_QUERY_URL = "http://www.cninfo.com.cn/new/hisAnnouncement/query"
CNINFO_STOCK_LIST_URL = "http://www.cninfo.com.cn/new/data/szse_stock.json"
CNINFO_STATIC = "http://static.cninfo.com.cn/"
SSE_QUERY_URL = "https://query.sse.com.cn/security/stock/queryCompanyBulletinNew.do"
SSE_STATIC = "http://static.sse.com.cn"
SSE_REFERER = "https://www.sse.com.cn/disclosure/listedinfo/announcement/"
SZSE_QUERY_URL = "http://www.szse.cn/api/disc/announcement/annList"
SZSE_STATIC = "http://disc.static.szse.cn/download"
SZSE_REFERER = "http://www.szse.cn/disclosure/listed/notice/index.html"

CNINFO_PAGE_SIZE = 30  # what the site itself asks for
SSE_PAGE_SIZE = 25  # the SSE API's maximum
SZSE_PAGE_SIZE = 30
DEFAULT_WINDOW_DAYS = 365  # SSE wants a date range: without ``since``, the last year

_TAGS = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\n\u00a0\u3000]+")
_JSONP = re.compile(r"^\s*(?:/\*.*?\*/\s*)?[A-Za-z_$][\w$.]*\s*\((.*)\)\s*;?\s*$", re.S)
_DATE_IN_PATH = re.compile(r"(\d{4}-\d{2}-\d{2})")
# 2024-03-01, 2024/3/1 or 20240301, then maybe a time (16:30, 16:30:12, 16:30:12.0)
_LOCAL_TIME = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|(\d{2})(\d{2}))"
                         r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*$")


@dataclass
class Announcement:
    """One announcement a listing names; ``url`` is the document itself (PDF, or HTML for old items)."""

    exchange: str  # "cninfo", "SSE", "SZSE"
    code: str | None  # the security code, e.g. "000001"
    name: str | None  # the security's short name, e.g. "平安银行"
    title: str
    published_at: str | None  # ISO 8601 date-time, Beijing time (+08:00)
    url: str
    format: str  # "pdf", "html", or the document's extension ("doc", "txt")
    id: str | None
    category: str | None = None  # the listing's type of announcement, where it gives one
    size: int | None = None  # bytes, where the listing gives a size
    codes: list[str] = field(default_factory=list)  # every security the announcement is about


@dataclass
class AnnouncementPage:
    """One page of a listing. Unpacks as ``announcements, pages = parse_cninfo(body)``."""

    announcements: list[Announcement]
    pages: int  # pages the listing has in all (0 when nothing matched)
    total: int | None = None  # announcements in all, where the API says
    errors: list[str] = field(default_factory=list)
    has_more: bool | None = None

    def __iter__(self) -> Iterator[Any]:
        yield self.announcements
        yield self.pages


# ------------------------------------------------------------------------------------------ helpers

def _clean(value: Any) -> str | None:
    """Text of a field: tags (cninfo's <em> highlights) dropped, entities decoded, spaces collapsed."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = _SPACES.sub(" ", html_entities.unescape(_TAGS.sub("", str(value)))).strip()
    return text or None


def _first(value: Any) -> str | None:
    """A field that is a string, or a list of strings (SZSE's secCode/secName): the first one."""
    if isinstance(value, list):
        return next((text for text in map(_clean, value) if text), None)
    return _clean(value)


def _all(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in values:
        text = _clean(item)
        if text:
            out.extend(part for part in (p.strip() for p in re.split(r"[,;，；]", text)) if part)
    return list(dict.fromkeys(out))


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+(?:\.\d+)?\s*", value):
        return int(float(value))
    return None


def _from_ms(value: Any) -> str | None:
    """Milliseconds since the epoch -> ISO date-time in Beijing time."""
    ms = _int(value)
    if ms is None or ms <= 0:
        return None
    try:
        return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).astimezone(BEIJING).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _from_local(value: Any) -> str | None:
    """"2024-03-01", "2024-03-01 16:30:12", "2024/03/01", "20240301" (Beijing time) -> ISO date-time
    +08:00; a number of 12 digits or more is milliseconds since the epoch."""
    text = _clean(value)
    if not text:
        return None
    ms = _int(text)
    if ms is not None and len(text.strip()) >= 12:
        return _from_ms(ms)
    match = _LOCAL_TIME.match(text)
    if not match:
        return None
    year, month, day, month8, day8, hour, minute, second = (int(p) if p else 0 for p in match.groups())
    try:
        moment = datetime(year, month or month8, day or day8, hour, minute, second)
    except ValueError:
        return None
    return moment.replace(tzinfo=BEIJING).isoformat()


def _format(url: str, declared: Any = None) -> str:
    declared = _clean(declared)
    if declared:
        return declared.lower()
    extension = posixpath.splitext(urlsplit(url).path)[1].lower().lstrip(".")
    return {"htm": "html", "shtml": "html"}.get(extension, extension or "pdf")


def _absolute(base: str, path: str) -> str:
    if re.match(r"^https?://", path, re.I):
        return path
    if path.startswith("//"):
        return "http:" + path
    return base.rstrip("/") + "/" + path.lstrip("/")


def _today() -> str:
    return datetime.now(BEIJING).date().isoformat()


def _iso_day(value: str | date | None) -> str | None:
    if value is None or value == "":
        return None
    return date.fromisoformat(str(value)[:10]).isoformat()


def _load(body: bytes, *, source: str, url: str, what: str, jsonp: bool = False) -> tuple[Any, str | None]:
    """The JSON value of a body (a JSONP call's argument when ``jsonp``), or a coded E086 message."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = body.decode("gb18030", errors="replace")
    if jsonp:
        match = _JSONP.match(text)
        if match:
            text = match.group(1)
    try:
        return json.loads(text), None
    except ValueError as e:
        start = text.strip()[:60]
        return None, Errors.E086.format(source=source, url=url or source, what=what,
                                        detail=f"{e} (it starts {start!r})")


def _pages(total: int | None, page_size: int) -> int:
    return max(0, math.ceil(total / page_size)) if total is not None and page_size > 0 else 0


def _keys(data: dict[str, Any]) -> str:
    return ", ".join(str(key) for key in list(data)[:8]) or "none"


def _skip(page: AnnouncementPage, source: str, url: str, index: int, detail: str) -> None:
    page.errors.append(Errors.E087.format(source=source, url=url or source, index=index, detail=detail))


def _title_and_path(page: AnnouncementPage, source: str, url: str, number: int, item: Any,
                    title_keys: tuple[str, ...], path_key: str, title_name: str) -> tuple[str, str] | None:
    """A listed item's title (the first of ``title_keys`` it gives) and document path; None, with the
    item recorded as skipped, where it is no object or lacks either."""
    if not isinstance(item, dict):
        _skip(page, source, url, number, f"it is a JSON {type(item).__name__}, not an object")
        return None
    title = next((t for t in (_clean(item.get(key)) for key in title_keys) if t), None)
    path = _clean(item.get(path_key))
    if not title or not path:
        _skip(page, source, url, number, "it has no " + (title_name if not title else f"{path_key} (document)"))
        return None
    return title, path


def _day_in_path(path: str) -> str | None:
    """The day a document's path names (finalpage/2002-10-25/...), where the listing gives none."""
    found = _DATE_IN_PATH.search(path)
    return _from_local(found.group(1)) if found else None


def _at_least_one_page(page: AnnouncementPage) -> AnnouncementPage:
    if not page.pages and page.announcements:
        page.pages = 1
    return page


# ------------------------------------------------------------------------------------------ cninfo

def cninfo_org_ids(body: bytes) -> dict[str, str]:
    """Security code -> cninfo orgId, from ``szse_stock.json`` (``{"stockList": [{"code", "orgId", ...}]}``;
    despite its name it lists Shanghai and Beijing codes too). Entries without both are left out."""
    data, _ = _load(body, source="cninfo", url=CNINFO_STOCK_LIST_URL, what="stock list")
    rows = data.get("stockList") if isinstance(data, dict) else data if isinstance(data, list) else None
    out: dict[str, str] = {}
    for row in rows or []:
        if isinstance(row, dict):
            code, org = _clean(row.get("code")), _clean(row.get("orgId"))
            if code and org:
                out.setdefault(code, org)
    return out


def cninfo_column(code: str) -> tuple[str, str]:
    """(column, plate) of cninfo's query for a code: Shanghai codes (6xxxxx, 9xxxxx B shares) are
    ``sse``/``sh``; Beijing (4xxxxx, 8xxxxx, 92xxxx) ``szse``/``bj``; Shenzhen (0, 2, 3) ``szse``/``sz``."""
    code = code.strip()
    if code.startswith("92") or code[:1] in ("4", "8"):
        return "szse", "bj"
    if code[:1] in ("6", "9"):
        return "sse", "sh"
    return "szse", "sz"


def guess_org_id(code: str) -> str:
    """The orgId older companies have ("gssz0000001", "gssh0600519"); newer ones differ (use the list)."""
    return ("gssh0" if cninfo_column(code)[1] == "sh" else "gssz0") + code.strip()


def cninfo_query(code: str, org_id: str | None = None, *, page: int = 1, page_size: int = CNINFO_PAGE_SIZE,
                 since: str | date | None = None, until: str | date | None = None, category: str = "",
                 searchkey: str = "", column: str | None = None) -> Request:
    """Page ``page`` (from 1) of one stock's announcements, newest first; ``since``/``until`` are ISO
    dates (Beijing), ``category`` cninfo's category codes joined by ";" (empty: all)."""
    guessed_column, plate = cninfo_column(code)
    since_day, until_day = _iso_day(since), _iso_day(until)
    se_date = f"{since_day or '2000-01-01'}~{until_day or _today()}" if since_day or until_day else ""
    form = {
        "pageNum": str(page), "pageSize": str(page_size), "column": column or guessed_column, "tabName": "fulltext",
        "plate": plate, "stock": f"{code},{org_id or guess_org_id(code)}", "searchkey": searchkey, "secid": "",
        "category": category, "trade": "", "seDate": se_date, "sortName": "", "sortType": "", "isHLtitle": "true",
    }
    headers = {
        "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8",
        "Accept": "application/json, text/javascript, */*; q=0.01",
        "X-Requested-With": "XMLHttpRequest",
        "Origin": "http://www.cninfo.com.cn",
        "Referer": "http://www.cninfo.com.cn/new/commonUrl/pageOfSearch?url=disclosure/list/search&lastPage=index",
    }
    return Request(url=CNINFO_QUERY_URL, method="POST", headers=headers, body=urlencode(form).encode("ascii"))


def parse_cninfo(body: bytes, *, url: str = "", page_size: int = CNINFO_PAGE_SIZE) -> AnnouncementPage:
    """A page of cninfo's announcement query (today's ``hisAnnouncement/query`` and its 2016
    predecessor answer alike)."""
    page = AnnouncementPage(announcements=[], pages=0)
    data, error = _load(body, source="cninfo", url=url, what="announcement list (JSON)")
    if error or not isinstance(data, dict):
        page.errors.append(error or Errors.E086.format(source="cninfo", url=url or "cninfo", what="announcement list",
                                                       detail=f"it is a JSON {type(data).__name__}, not an object"))
        return page
    items = data.get("announcements")
    if items is not None and not isinstance(items, list):
        page.errors.append(Errors.E086.format(source="cninfo", url=url or "cninfo", what="announcement list",
                                              detail=f"'announcements' is a {type(items).__name__}, not a list"))
        return page
    known = [k for k in ("announcements", "totalAnnouncement", "totalRecordNum", "totalpages", "hasMore") if k in data]
    if not known:
        page.errors.append(Errors.E086.format(source="cninfo", url=url or "cninfo", what="announcement list",
                                              detail=f"none of its keys ({_keys(data)}) is cninfo's"))
        return page
    totals = (_int(data.get(key)) for key in ("totalAnnouncement", "totalRecordNum"))
    page.total = next((n for n in totals if n is not None), None)
    page.pages = _int(data.get("totalpages")) or _pages(page.total, page_size)
    page.has_more = data.get("hasMore") if isinstance(data.get("hasMore"), bool) else None
    for number, item in enumerate(items or [], start=1):
        found = _title_and_path(page, "cninfo", url, number, item, ("announcementTitle", "shortTitle"), "adjunctUrl",
                                "title")
        if found is None:
            continue
        title, path = found
        document = _absolute(CNINFO_STATIC, path)
        published = _from_ms(item.get("announcementTime")) or _day_in_path(path)
        code = _first(item.get("secCode"))
        kb = _int(item.get("adjunctSize"))
        page.announcements.append(Announcement(
            exchange="cninfo", code=code, name=_first(item.get("secName")) or _first(item.get("tileSecName")),
            title=title, published_at=published, url=document, format=_format(document, item.get("adjunctType")),
            id=_clean(item.get("announcementId")) or _clean(item.get("id")),
            category=_clean(item.get("announcementTypeName")), size=kb * 1024 if kb else None,
            codes=_all(item.get("secCode")) or ([code] if code else [])))
    return _at_least_one_page(page)


# --------------------------------------------------------------------------------------------- SSE

def sse_query(code: str, *, page: int = 1, page_size: int = SSE_PAGE_SIZE, since: str | date | None = None,
              until: str | date | None = None, title: str = "", bulletin_type: str = "",
              callback: str = "jsonpCallback", now_ms: int | None = None) -> Request:
    """Page ``page`` of one security's bulletins on the SSE site (JSONP). The API wants a date range:
    without ``since`` it is the last DEFAULT_WINDOW_DAYS days. SSE refuses requests without a Referer
    on www.sse.com.cn, which is sent."""
    until_day = _iso_day(until) or _today()
    since_day = _iso_day(since) or (date.fromisoformat(until_day) - timedelta(days=DEFAULT_WINDOW_DAYS)).isoformat()
    params = {
        "jsonCallBack": callback, "isPagination": "true", "pageHelp.pageSize": str(min(page_size, SSE_PAGE_SIZE)),
        "pageHelp.cacheSize": "1", "START_DATE": since_day, "END_DATE": until_day, "SECURITY_CODE": code,
        "TITLE": title, "BULLETIN_TYPE": bulletin_type, "stockType": "", "pageHelp.pageNo": str(page),
        "pageHelp.beginPage": str(page), "pageHelp.endPage": str(page),
        "_": str(now_ms if now_ms is not None else int(time.time() * 1000)),
    }
    headers = {"Referer": SSE_REFERER, "Accept": "*/*"}
    return Request(url=f"{SSE_QUERY_URL}?{urlencode(params)}", headers=headers)


def _sse_items(data: dict[str, Any]) -> list[Any]:
    """SSE's items: ``result``, else ``pageHelp.data``; each a bulletin or a list grouping a bulletin
    with its attachments (flattened)."""
    help_ = data.get("pageHelp") if isinstance(data.get("pageHelp"), dict) else {}
    for candidate in (data.get("result"), help_.get("data")):
        if isinstance(candidate, list) and candidate:
            out: list[Any] = []
            for entry in candidate:
                out.extend(entry if isinstance(entry, list) else [entry])
            return out
    return []


def parse_sse(body: bytes, *, url: str = "", page_size: int = SSE_PAGE_SIZE) -> AnnouncementPage:
    """A page of the SSE bulletin query: ``callback({...})`` (plain JSON is read too)."""
    page = AnnouncementPage(announcements=[], pages=0)
    data, error = _load(body, source="SSE", url=url, what="bulletin list (JSONP)", jsonp=True)
    if error or not isinstance(data, dict):
        page.errors.append(error or Errors.E086.format(source="SSE", url=url or "SSE", what="bulletin list",
                                                       detail=f"it is a JSON {type(data).__name__}, not an object"))
        return page
    if not ({"result", "pageHelp"} & set(data)):
        page.errors.append(Errors.E086.format(source="SSE", url=url or "SSE", what="bulletin list",
                                              detail=f"it has no 'result' or 'pageHelp' (keys: {_keys(data)})"))
        return page
    help_ = data.get("pageHelp") if isinstance(data.get("pageHelp"), dict) else {}
    page.total = _int(help_.get("total"))
    size = _int(help_.get("pageSize")) or page_size
    page.pages = _int(help_.get("pageCount")) or _pages(page.total, size)
    seen: set[str] = set()
    for number, item in enumerate(_sse_items(data), start=1):
        found = _title_and_path(page, "SSE", url, number, item, ("TITLE",), "URL", "TITLE")
        if found is None:
            continue
        title, path = found
        document = _absolute(SSE_STATIC, path)
        if document in seen:
            continue
        seen.add(document)
        day = _from_local(item.get("SSEDATE"))
        added = _from_local(item.get("ADDDATE"))
        published = (added if added and (day is None or added[:10] == day[:10]) else day) or _day_in_path(path)
        code = _first(item.get("SECURITY_CODE"))
        page.announcements.append(Announcement(
            exchange="SSE", code=code, name=_first(item.get("SECURITY_NAME")), title=title, published_at=published,
            url=document, format=_format(document),
            id=_clean(item.get("ID")) or posixpath.splitext(posixpath.basename(urlsplit(document).path))[0] or None,
            category=_clean(item.get("BULLETIN_TYPE_DESC")) or _clean(item.get("BULLETIN_HEADING"))
            or _clean(item.get("BULLETIN_TYPE")),
            codes=_all(item.get("SECURITY_CODE"))))
    return _at_least_one_page(page)


# -------------------------------------------------------------------------------------------- SZSE

def szse_query(code: str, *, page: int = 1, page_size: int = SZSE_PAGE_SIZE, since: str | date | None = None,
               until: str | date | None = None, channel: str = "listedNotice_disc",
               big_category: str | None = None, random_value: float | None = None) -> Request:
    """Page ``page`` of one security's announcements on the SZSE site (a JSON POST)."""
    since_day, until_day = _iso_day(since), _iso_day(until)
    payload: dict[str, Any] = {
        "seDate": [since_day or "", (until_day or _today()) if since_day else (until_day or "")],
        "stock": [code], "channelCode": [channel], "pageSize": page_size, "pageNum": page,
    }
    if big_category:
        payload["bigCategoryId"] = [big_category]
    headers = {
        "Content-Type": "application/json", "Accept": "application/json, text/javascript, */*; q=0.01",
        "X-Request-Type": "ajax", "X-Requested-With": "XMLHttpRequest", "Origin": "http://www.szse.cn",
        "Referer": SZSE_REFERER,
    }
    random_value = random_value if random_value is not None else (time.time() % 1)
    return Request(url=f"{SZSE_QUERY_URL}?random={random_value:.16f}", method="POST", headers=headers,
                      body=json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def parse_szse(body: bytes, *, url: str = "", page_size: int = SZSE_PAGE_SIZE) -> AnnouncementPage:
    """A page of the SZSE announcement list (``{"announceCount": N, "data": [...]}``)."""
    page = AnnouncementPage(announcements=[], pages=0)
    data, error = _load(body, source="SZSE", url=url, what="announcement list (JSON)")
    if error or not isinstance(data, dict):
        page.errors.append(error or Errors.E086.format(source="SZSE", url=url or "SZSE", what="announcement list",
                                                       detail=f"it is a JSON {type(data).__name__}, not an object"))
        return page
    items = data.get("data")
    if "data" not in data and "announceCount" not in data:
        page.errors.append(Errors.E086.format(source="SZSE", url=url or "SZSE", what="announcement list",
                                              detail=f"it has no 'data' or 'announceCount' (keys: {_keys(data)})"))
        return page
    if items is not None and not isinstance(items, list):
        page.errors.append(Errors.E086.format(source="SZSE", url=url or "SZSE", what="announcement list",
                                              detail=f"'data' is a {type(items).__name__}, not a list"))
        return page
    page.total = _int(data.get("announceCount"))
    page.pages = _pages(page.total, page_size)
    for number, item in enumerate(items or [], start=1):
        found = _title_and_path(page, "SZSE", url, number, item, ("title",), "attachPath", "title")
        if found is None:
            continue
        title, path = found
        document = _absolute(SZSE_STATIC, path)
        published = _from_local(item.get("publishTime")) or _day_in_path(path)
        codes = _all(item.get("secCode"))
        size = _int(item.get("attachSize"))
        page.announcements.append(Announcement(
            exchange="SZSE", code=codes[0] if codes else None, name=_first(item.get("secName")), title=title,
            published_at=published, url=document, format=_format(document, item.get("attachFormat")),
            id=_clean(item.get("id")) or _clean(item.get("annId")),
            category=_clean(item.get("smallCategoryId")) or _clean(item.get("bigCategoryId")),
            size=size if size and size > 0 else None, codes=codes))
    return _at_least_one_page(page)


# ---------------------------------------------------------------------------- adapters for the crawl

@dataclass(frozen=True)
class ListingApi:
    """One exchange's listing API for the crawler: the request for a page of a stock's announcements,
    and the parser of its answer."""

    name: str
    query: Callable[..., Request]
    parser: Callable[..., AnnouncementPage]

    def request(self, code: str, *, page: int = 1, since: str | None = None, context: Any = None) -> Request:
        return self.query(code, page=page, since=since)

    def parse(self, body: bytes, url: str = "") -> AnnouncementPage:
        return self.parser(body, url=url)


@dataclass(frozen=True)
class CninfoApi(ListingApi):
    """cninfo also needs each stock's orgId: ``prepare`` reads the code -> orgId list once per poll."""

    async def prepare(self, fetcher: Any, poll: Any = None, url: str = CNINFO_STOCK_LIST_URL) -> dict[str, str]:
        """``url``: where the list is read (a mirror's address in place of cninfo's)."""
        response = await fetcher.fetch(Request(url=url))
        if not response.ok:
            if poll is not None and response.error:
                poll.error(url, response.error[1:5], response.error)
            return {}
        return cninfo_org_ids(response.body)

    def request(self, code: str, *, page: int = 1, since: str | None = None, context: Any = None) -> Request:
        org_id = context.get(code) if isinstance(context, dict) else None
        return self.query(code, org_id, page=page, since=since)


ADAPTERS: dict[str, ListingApi] = {api.name: api for api in (CninfoApi("cninfo", cninfo_query, parse_cninfo),
                                                               ListingApi("sse", sse_query, parse_sse),
                                                               ListingApi("szse", szse_query, parse_szse))}
