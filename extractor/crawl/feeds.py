"""Feeds over bytes: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.0/1.1 to :class:`Feed` records.

The fetcher hands over a body and its headers; nothing here opens a connection. The XML kinds are
read by feedparser, which is given bytes (``io.BytesIO``, never a URL or a string it could open):

1. the body is decoded once, by the project's decoder (HTTP charset, XML declaration, valid UTF-8,
   then a guess), so a wrong declared charset does not turn into mojibake, and re-encoded as UTF-8
   with a declaration that says so; feedparser's ``response_headers`` carry that charset and the
   feed's URL (``Content-Location``) for relative links;
2. a DOCTYPE that declares entities is refused before any parser sees the bytes (E082,
   :mod:`extractor.crawl.xmlsafe`);
3. broken XML is read by feedparser's loose parser, and what it could read is kept, with an E083
   message in :attr:`Feed.errors` (feedparser's "bozo").

Dates are ISO 8601 with the offset the feed wrote (:func:`parse_date` also reads localised RFC 822
dates such as ``Seg, 24 Set 2018 19:42:40 -0300`` and numeric ones such as ``2020/1/10 14:33:00``);
summaries are plain text; item URLs are absolute.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
import xml.sax
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from html import unescape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote, urljoin, urlsplit
from zoneinfo import ZoneInfo

import feedparser
from feedparser.exceptions import CharacterEncodingOverride, NonXMLContentType

from ..errors import Errors
from ..parse.encoding import decode_document
from .xmlsafe import XMLRefused, refuse_entity_declarations, utf8_xml

__all__ = ["Feed", "FeedItem", "feed_links_in_html", "html_to_text", "parse_date", "parse_feed", "resolve_url"]


@dataclass
class FeedItem:
    """One item (RSS) or entry (Atom, JSON Feed)."""

    url: str | None
    title: str | None = None
    published_at: str | None = None  # ISO 8601 with the feed's offset; the zone ``tz`` when it gave none
    summary: str | None = None  # plain text: the description (RSS) or summary, else the content
    guid: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    updated_at: str | None = None
    content: str | None = None  # plain text of the full content (content:encoded, Atom content), if any


@dataclass
class Feed:
    """A parsed feed; ``errors`` holds coded messages (E080-E084); a broken feed still has its items."""

    title: str | None
    url: str | None  # the feed's own address: the ``url`` given, else its self link
    kind: str | None  # "rss", "atom", "rdf" or "json"; None when the body is not a feed
    items: list[FeedItem] = field(default_factory=list)
    encoding: str | None = None
    errors: list[str] = field(default_factory=list)
    link: str | None = None  # the website the feed belongs to
    published_at: str | None = None  # the feed's own dates: RSS pubDate,
    updated_at: str | None = None  # RSS lastBuildDate, Atom updated
    warnings: list[str] = field(default_factory=list)  # how the body was decoded, when a user should know (W0xx)


# ---------------------------------------------------------------------------------------------- dates

_MONTHS = {
    # English, then Portuguese, Spanish, Italian, French, German, Dutch, Indonesian (accents removed)
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "janeiro": 1, "fevereiro": 2, "marco": 3, "abril": 4, "maio": 5, "junho": 6, "julho": 7, "agosto": 8,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "mayo": 5, "junio": 6, "julio": 7, "septiembre": 9,
    "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
    "janvier": 1, "fevrier": 2, "fevr": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "juil": 7, "aout": 8, "septembre": 9, "octobre": 10, "decembre": 12,
    "januar": 1, "februar": 2, "marz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    "maret": 3, "agustus": 8, "desember": 12, "nopember": 11,
}
_MONTH_ABBREVIATIONS = {
    "jan": 1, "ene": 1, "gen": 1, "feb": 2, "fev": 2, "mar": 3, "apr": 4, "abr": 4, "avr": 4, "may": 5,
    "mai": 5, "mei": 5, "mag": 5, "jun": 6, "giu": 6, "jul": 7, "lug": 7, "aug": 8, "ago": 8, "agu": 8,
    "agt": 8, "aou": 8, "sep": 9, "set": 9, "oct": 10, "okt": 10, "out": 10, "ott": 10, "nov": 11,
    "dec": 12, "dez": 12, "dic": 12, "des": 12,
}
_ZONES = {  # names RFC 822 dates use in practice; offsets in minutes
    "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
    "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
    "akst": -540, "akdt": -480, "hst": -600, "ast": -240, "adt": -180,
    "bst": 60, "ist": 330, "cet": 60, "cest": 120, "met": 60, "mest": 120, "west": 60, "eet": 120, "eest": 180,
    "msk": 180, "jst": 540, "kst": 540, "hkt": 480, "sgt": 480, "awst": 480, "acst": 570, "aest": 600,
    "aedt": 660, "nzst": 720, "nzdt": 780, "brt": -180, "art": -180,
}
_TIME = r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d+))?)?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
_ZONE = r"(?P<z>[A-Za-z]{1,5}|[+-]\d{2}(?::?\d{2})?)"
_NUMERIC_DATE = re.compile(
    r"^(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*(?:[-/.月]\s*(?P<d>\d{1,2})\s*日?)?"
    rf"(?:(?:\s*T\s*|\s+){_TIME})?\s*{_ZONE}?$"
)
_DAY_MONTH_YEAR = re.compile(  # RFC 822 and its localised cousins: [Seg,] 24 Set 2018 19:42:40 -0300
    r"^(?:[^\W\d_]+\.?,?\s+)?(?P<d>\d{1,2})\.?\s+(?P<mon>[^\W\d_]+)\.?,?\s+(?P<y>\d{2,4}),?"
    rf"(?:\s+(?:at\s+)?{_TIME})?(?:\s*{_ZONE})?(?:\s*\([^)]*\))?$"
)
_MONTH_DAY_YEAR = re.compile(  # June 27, 2017 7:00 PM EDT
    r"^(?:[^\W\d_]+\.?,?\s+)?(?P<mon>[^\W\d_]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4}),?"
    rf"(?:\s+(?:at\s+)?{_TIME})?(?:\s*{_ZONE})?$"
)
_ASCTIME = re.compile(  # Tue Oct 17 22:17:00 +0000 2017 (and asctime without a zone)
    rf"^(?:[^\W\d_]+\s+)?(?P<mon>[^\W\d_]+)\s+(?P<d>\d{{1,2}})\s+{_TIME}(?:\s+{_ZONE})?\s+(?P<y>\d{{4}})$"
)


def _zone(name: str | None, default: tzinfo) -> tzinfo:
    if not name:
        return default
    if name[0] in "+-":
        digits = name[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + (int(digits[2:4]) if len(digits) >= 4 else 0)
        if minutes >= 24 * 60:
            raise ValueError(name)
        return timezone(timedelta(minutes=-minutes if name[0] == "-" else minutes))
    offset = _ZONES.get(name.lower())
    return default if offset is None else timezone(timedelta(minutes=offset))


def _month(name: str) -> int | None:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    return _MONTHS.get(plain) or _MONTH_ABBREVIATIONS.get(plain[:3])


def _build(fields: dict[str, str | None], month: int | None, default: tzinfo) -> datetime | None:
    if month is None:
        return None
    year = int(fields["y"] or 0)
    if year < 100:  # RFC 2822: two-digit years
        year += 2000 if year < 50 else 1900
    hour = int(fields.get("H") or 0)
    ampm = (fields.get("ampm") or "").lower()[:1]
    if ampm and 1 <= hour <= 12:
        hour = hour % 12 + (12 if ampm == "p" else 0)
    fraction = (fields.get("f") or "")[:6].ljust(6, "0")
    return datetime(year, month, int(fields.get("d") or 1), hour, int(fields.get("M") or 0),
                    int(fields.get("S") or 0), int(fraction), tzinfo=_zone(fields.get("z"), default))


def _as_tz(tz: tzinfo | str | None) -> tzinfo:
    if tz is None:
        return timezone.utc
    return ZoneInfo(tz) if isinstance(tz, str) else tz


def parse_date(text: str | None, *, tz: tzinfo | str | None = None) -> datetime | None:
    """An aware datetime from the dates feeds and sitemaps carry, or None when it cannot be read.

    Reads ISO 8601 / RFC 3339 / W3C-DTF (``2016-06-27T07:36:54.007-07:00``, ``2019-08-27``), RFC 822
    and 1123 with zone names (``Wed, 5 Nov 2025 22:21:32 EST``), the same with weekday and month names
    in Portuguese, Spanish, Italian, French, German, Dutch or Indonesian (``Seg, 24 Set 2018 19:42:40
    -0300``), numeric dates (``2020/1/10 14:33:00``, ``2020年1月10日``), ``June 27, 2017 7:00 PM`` and
    asctime. The offset written is kept; a value without one is taken to be in ``tz`` (default UTC).
    """
    if not text:
        return None
    value = " ".join(str(text).split())
    default = _as_tz(tz)
    try:
        match = _NUMERIC_DATE.match(value)
        if match:
            return _build(match.groupdict(), int(match["m"]), default)
        for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ASCTIME):
            match = pattern.match(value)
            if match:
                return _build(match.groupdict(), _month(match["mon"]), default)
    except (ValueError, OverflowError):
        return None
    return None


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


# ----------------------------------------------------------------------------------------------- text

_BLOCKS = frozenset("address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
                    "header hr li main nav ol p pre section table td th tr ul".split())
_HIDDEN = frozenset(("script", "style", "template", "noscript", "head", "title"))


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HIDDEN:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _tidy(text: str) -> str:
    lines = (" ".join(line.replace("\u00a0", " ").split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, one line per block."""
    if "<" not in html:
        return _tidy(unescape(html))
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return _tidy("".join(parser.parts))


def _text_of(value: Any, kind: str | None = None) -> str | None:
    """Plain text of a feed field; ``kind`` is its MIME type (HTML is stripped, plain text kept)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = html_to_text(value) if kind is None or "html" in kind else _tidy(value)
    return text or None


# ---------------------------------------------------------------------------------------------- links

_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
               "application/json")


def feed_links_in_html(html: str, base_url: str = "") -> list[str]:
    """The feeds an HTML page announces (``<link rel="alternate" type="application/rss+xml" href>``)."""
    found: list[str] = []
    for tag in _LINK_TAG.findall(html[:200_000]):
        attributes = {k.lower(): unescape(v.strip("\"'")) for k, v in _ATTRIBUTE.findall(tag)}
        if "alternate" in attributes.get("rel", "").lower().split() and \
                attributes.get("type", "").lower().split(";")[0].strip() in _FEED_TYPES and attributes.get("href"):
            found.append(urljoin(base_url, attributes["href"].strip()))
    return list(dict.fromkeys(found))


def resolve_url(value: Any, base: str = "") -> str | None:
    """An absolute http(s) URL from a link found in a feed or sitemap, or None.

    Tabs and line breaks inside are removed (as the WHATWG URL parser removes them), other spaces
    escaped, a relative link resolved against ``base``; other schemes (``javascript:``, ``mailto:``)
    and links without a host give None."""
    if not isinstance(value, str):
        return None
    value = re.sub(r"[\t\r\n]", "", value).strip()
    if not value:
        return None
    value = quote(value, safe=":/?#[]@!$&'()*+,;=%~")  # escapes only what a URL may not hold: spaces, controls
    url = urljoin(base, value) if base else value
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


# ---------------------------------------------------------------------------------------------- sniff

_ROOT = re.compile(r"<([A-Za-z_][\w:.\-]*)")
_PROLOG_SKIP = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.DOTALL | re.IGNORECASE)
_KINDS = {"rss": "rss", "channel": "rss", "feed": "atom", "rdf:rdf": "rdf", "rdf": "rdf"}


def _root_name(text: str) -> str | None:
    """The name of the first element, after the XML declaration, comments and a DOCTYPE."""
    position = 0
    while True:
        match = _PROLOG_SKIP.match(text, position)
        if not match or match.end() == position:
            break
        position = match.end()
    match = _ROOT.match(text, position) or _ROOT.search(text, position, position + 4096)
    return match.group(1).lower() if match else None


def _kind_of(version: str, root: str | None) -> str | None:
    if version.startswith("atom"):
        return "atom"
    if version in ("rss090", "rss10"):
        return "rdf"
    if version.startswith("rss") or version == "cdf":
        return "rss"
    return _KINDS.get(root or "")


def _looks_like_html(root: str | None, head: str) -> bool:
    return root == "html" or re.match(r"\s*<!DOCTYPE\s+html", head, re.IGNORECASE) is not None


# ------------------------------------------------------------------------------------------------ XML


def _get(entry: Mapping[str, Any], *keys: str) -> Any:
    """The first present value; ``dict.get`` bypasses feedparser's deprecated key aliases."""
    for key in keys:
        value = dict.get(entry, key)  # type: ignore[call-overload]
        if value:
            return value
    return None


def _date_of(entry: Mapping[str, Any], key: str, tz: tzinfo) -> str | None:
    raw = _get(entry, key)
    moment = parse_date(raw, tz=tz) if isinstance(raw, str) else None
    if moment is None:  # feedparser's own date handlers (UTC struct_time) read more formats
        parsed = _get(entry, f"{key}_parsed")
        if parsed:
            try:
                moment = datetime(*parsed[:6], tzinfo=timezone.utc)
            except (TypeError, ValueError):
                moment = None
    return _iso(moment)


def _names(entry: Mapping[str, Any]) -> list[str]:
    names = []
    for author in _get(entry, "authors") or []:
        name = (author.get("name") or author.get("email") or "").strip() if isinstance(author, Mapping) else ""
        if name:
            names.append(name)
    if not names and isinstance(_get(entry, "author"), str):
        names.append(_get(entry, "author").strip())
    return list(dict.fromkeys(n for n in names if n))


def _tags(entry: Mapping[str, Any]) -> list[str]:
    terms = []
    for tag in _get(entry, "tags") or []:
        term = (tag.get("term") or tag.get("label") or "") if isinstance(tag, Mapping) else ""
        if isinstance(term, str) and term.strip():
            terms.append(" ".join(term.split()))
    return list(dict.fromkeys(terms))


def _detail_text(entry: Mapping[str, Any], key: str) -> str | None:
    detail = _get(entry, f"{key}_detail") or {}
    return _text_of(_get(entry, key), detail.get("type") if isinstance(detail, Mapping) else None)


def _item(entry: Mapping[str, Any], base: str, tz: tzinfo) -> FeedItem:
    content = None
    for part in _get(entry, "content") or []:
        if isinstance(part, Mapping):
            content = _text_of(part.get("value"), part.get("type"))
            if content:
                break
    guid = _get(entry, "id", "guid")
    link = resolve_url(_get(entry, "feedburner_origlink"), base) or resolve_url(_get(entry, "link"), base)
    if link is None and isinstance(guid, str) and guid.startswith(("http://", "https://")):
        link = resolve_url(guid, base)
    return FeedItem(
        url=link,
        title=_detail_text(entry, "title"),
        published_at=_date_of(entry, "published", tz) or _date_of(entry, "updated", tz)
        or _date_of(entry, "created", tz),
        summary=_detail_text(entry, "summary") or content,
        guid=guid.strip() if isinstance(guid, str) and guid.strip() else None,
        authors=_names(entry),
        tags=_tags(entry),
        updated_at=_date_of(entry, "updated", tz),
        content=content,
    )


def _bozo_detail(exception: BaseException) -> str:
    if isinstance(exception, xml.sax.SAXParseException):
        return f"line {exception.getLineNumber()}, column {exception.getColumnNumber()}: {exception.getMessage()}"
    return f"{type(exception).__name__}: {exception}".rstrip(": ")


def _failed(feed: Feed, message: str) -> Feed:
    feed.errors.append(message)
    return feed


def _xml_feed(body: bytes, url: str, headers: Mapping[str, str], tz: tzinfo) -> Feed:
    content_type = headers.get("content-type")
    name = url or "<bytes>"
    data, decoded = utf8_xml(body, content_type=content_type)
    feed = Feed(None, url or None, None, encoding=decoded.encoding,
                warnings=[message for _, message in decoded.warnings(name)])
    root = _root_name(data[:4096].decode("utf-8", "replace"))
    if _looks_like_html(root, decoded.text[:1024]):
        links = feed_links_in_html(decoded.text, url)
        detail = "an HTML page" + (f" (it announces the feeds {', '.join(links)})" if links else "")
        return _failed(feed, Errors.E081.format(url=name, kind="feed", detail=detail))
    try:
        refuse_entity_declarations(data, url=url)
    except XMLRefused as e:
        return _failed(feed, str(e))
    response_headers = {k: v for k, v in headers.items() if k not in ("content-type", "content-encoding")}
    media_type = (content_type or "").split(";")[0].strip().lower()
    if not media_type.endswith("xml"):  # text/html, text/plain: servers mislabel feeds; the sniffing decided
        media_type = "application/xml"
    response_headers["content-type"] = f"{media_type}; charset=utf-8"
    if url:
        response_headers["content-location"] = url
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=response_headers)
    except Exception as e:  # noqa: BLE001 - a bug in feedparser must not stop a crawl
        detail = f"feedparser failed: {type(e).__name__}: {e}"
        return _failed(feed, Errors.E083.format(url=name, kind="XML", detail=detail, count="nothing"))
    entries = parsed.get("entries") or []
    feed.kind = _kind_of(parsed.get("version") or "", root)
    if feed.kind is None and not entries:
        detail = f"the root element is <{root}>" if root else "no XML element found"
        return _failed(feed, Errors.E081.format(url=name, kind="feed", detail=detail))
    channel = parsed.get("feed") or {}
    self_link = next((link.get("href") for link in _get(channel, "links") or []
                      if isinstance(link, Mapping) and link.get("rel") == "self"), None)
    feed.title = _detail_text(channel, "title")
    feed.url = url or resolve_url(self_link, "")
    feed.items = [_item(entry, url, tz) for entry in entries]
    feed.link = resolve_url(_get(channel, "link"), url)
    feed.published_at = _date_of(channel, "published", tz)
    feed.updated_at = _date_of(channel, "updated", tz)
    exception = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if exception is not None and not isinstance(exception, (CharacterEncodingOverride, NonXMLContentType)):
        feed.errors.append(Errors.E083.format(url=name, kind="XML", detail=_bozo_detail(exception),
                                              count=_count(feed.items)))
    return feed


def _count(items: list[Any]) -> str:
    return f"{len(items)} item" + ("" if len(items) == 1 else "s")


# ----------------------------------------------------------------------------------------------- JSON


def _json_names(value: Any) -> list[str]:
    people = value if isinstance(value, list) else [value] if isinstance(value, Mapping) else []
    return [p["name"].strip() for p in people if isinstance(p, Mapping) and isinstance(p.get("name"), str)
            and p["name"].strip()]


def _json_item(obj: Mapping[str, Any], base: str, tz: tzinfo, authors: list[str]) -> FeedItem:
    def text(key: str) -> str | None:
        value = obj.get(key)
        return value if isinstance(value, str) and value.strip() else None

    content = _text_of(text("content_text"), "text/plain") or _text_of(text("content_html"))
    guid = obj.get("id")
    return FeedItem(
        url=resolve_url(text("url"), base) or resolve_url(text("external_url"), base),
        title=_text_of(text("title"), "text/plain"),
        published_at=_iso(parse_date(text("date_published"), tz=tz)) or _iso(parse_date(text("date_modified"), tz=tz)),
        summary=_text_of(text("summary"), "text/plain") or content,
        guid=str(guid).strip() if isinstance(guid, (str, int)) and str(guid).strip() else None,
        authors=_json_names(obj.get("authors")) or _json_names(obj.get("author")) or authors,
        tags=list(dict.fromkeys(t.strip() for t in obj.get("tags") or [] if isinstance(t, str) and t.strip()))
        if isinstance(obj.get("tags"), list) else [],
        updated_at=_iso(parse_date(text("date_modified"), tz=tz)),
        content=content,
    )


def _json_feed(body: bytes, url: str, headers: Mapping[str, str], tz: tzinfo) -> Feed:
    name = url or "<bytes>"
    decoded = decode_document(body, content_type=headers.get("content-type"), kind="json")
    feed = Feed(None, url or None, None, encoding=decoded.encoding,
                warnings=[message for _, message in decoded.warnings(name)])
    try:
        obj = json.loads(decoded.text)
    except json.JSONDecodeError as e:
        detail = f"line {e.lineno}, column {e.colno}: {e.msg}"
        if "jsonfeed.org" in decoded.text[:2048]:
            feed.kind = "json"
            return _failed(feed, Errors.E083.format(url=name, kind="JSON Feed", detail=detail, count="nothing"))
        return _failed(feed, Errors.E081.format(url=name, kind="feed", detail=f"invalid JSON ({detail})"))
    version = obj.get("version") if isinstance(obj, dict) else None
    if not isinstance(obj, dict) or not (isinstance(version, str) and "jsonfeed.org" in version
                                         or isinstance(obj.get("items"), list) and "title" in obj):
        return _failed(feed, Errors.E081.format(url=name, kind="feed",
                                                detail="JSON, but not a JSON Feed (no jsonfeed.org version)"))
    authors = _json_names(obj.get("authors")) or _json_names(obj.get("author"))
    raw_items = obj.get("items") if isinstance(obj.get("items"), list) else []
    feed.kind = "json"
    feed.title = _text_of(obj.get("title"), "text/plain")
    feed.url = url or resolve_url(obj.get("feed_url"), "")
    feed.items = [_json_item(item, url, tz, authors) for item in raw_items if isinstance(item, Mapping)]
    feed.link = resolve_url(obj.get("home_page_url"), url)
    if len(feed.items) < len(raw_items):
        feed.errors.append(Errors.E083.format(url=name, kind="JSON Feed",
                                              detail=f"{len(raw_items) - len(feed.items)} of its items are not "
                                                     "objects", count=_count(feed.items)))
    return feed


# ---------------------------------------------------------------------------------------------- entry


def _lower_keys(headers: Mapping[str, str] | Iterable[tuple[str, str]] | None) -> dict[str, str]:
    pairs = headers.items() if isinstance(headers, Mapping) else headers or []
    return {str(k).lower(): str(v) for k, v in pairs}


def parse_feed(body: bytes, *, url: str = "", headers: Mapping[str, str] | None = None,
               tz: tzinfo | str | None = None) -> Feed:
    """Parse a feed's bytes into a :class:`Feed`; never raises for bad input.

    ``url`` is the feed's final URL (relative links are resolved against it); ``headers`` are the
    HTTP response headers (the Content-Type charset is the declared encoding); ``tz`` is the zone of
    dates that carry none (default UTC; e.g. ``"Asia/Shanghai"`` for a Chinese source).

    What could not be read is said in ``Feed.errors``: E080 empty body, E081 not a feed (an HTML page,
    other XML, JSON that is not a JSON Feed), E082 entity declarations refused (no items), E083
    malformed XML or JSON (what could be read is kept). ``Feed.warnings`` says how the body was
    decoded when a user should know (a guessed encoding, a declared charset the bytes contradict,
    characters replaced: W001, W003-W005 of ``extractor.parse.encoding``).
    """
    name = url or "<bytes>"
    headers = _lower_keys(headers)
    zone = _as_tz(tz)
    if not body or not body.strip():
        return Feed(None, url or None, None, errors=[Errors.E080.format(url=name, kind="feed")])
    start = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    media_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if start in (b"{", b"[") or (media_type.endswith("json") and start != b"<"):
        return _json_feed(body, url, headers, zone)
    return _xml_feed(body, url, headers, zone)
