"""Sitemaps over bytes: ``urlset`` and ``sitemapindex`` (sitemaps.org 0.9), the Google News extension,
gzipped sitemaps, text sitemaps and feeds used as sitemaps; and the ``Sitemap:`` lines of robots.txt.

Sitemaps from the wild are read tolerantly (lxml's recovering parser, through
:mod:`extractor.crawl.xmlsafe`, so entities are refused and nothing is fetched): whitespace and line
breaks inside ``<loc>`` are removed as a browser's URL parser removes them, dates are read in W3C and
RFC 822 forms, duplicate URLs are kept once. Gzip is recognised by its magic bytes (a ``.xml.gz``
URL served already decompressed is read as XML) and decompressed in steps, never past ``max_bytes``.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from datetime import tzinfo

from lxml import etree

from ..errors import Errors
from .feeds import parse_date, parse_feed, resolve_url
from .xmlsafe import XMLMalformed, XMLRefused, read_xml, utf8_xml

__all__ = ["MAX_BYTES", "Sitemap", "SitemapEntry", "gunzip", "parse_sitemap", "sitemaps_in_robots"]

MAX_BYTES = 52_428_800  # sitemaps.org: at most 50 MB (52,428,800 bytes) uncompressed
_GZIP_MAGIC = b"\x1f\x8b"
_ABSOLUTE = re.compile(r"https?://\S+$", re.IGNORECASE)
_FEED_ROOTS = ("rss", "feed", "rdf", "channel")
_SITEMAP_LINE = re.compile(r"^[ \t\ufeff]*site-?map[ \t]*:[ \t]*([^\r\n]*)", re.IGNORECASE | re.MULTILINE)


@dataclass
class SitemapEntry:
    """A URL a sitemap lists, with what it says of it."""

    url: str
    lastmod: str | None = None  # ISO 8601
    news_title: str | None = None  # Google News <news:title> (for a feed read as a sitemap: the item title)
    news_published: str | None = None  # Google News <news:publication_date>, ISO 8601


@dataclass
class Sitemap:
    """A parsed sitemap: the pages it lists (``entries``) or, for an index, its child sitemaps."""

    entries: list[SitemapEntry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # children of a sitemapindex, in order
    errors: list[str] = field(default_factory=list)  # coded messages (E080-E084)
    kind: str | None = None  # "urlset", "sitemapindex", "text", "feed"; None when not a sitemap
    indexed: list[SitemapEntry] = field(default_factory=list)  # the children again, with their lastmod
    warnings: list[str] = field(default_factory=list)  # how the body was decoded, when a user should know (W0xx)


class _TooBig(Exception):
    pass


def gunzip(data: bytes, *, max_bytes: int = MAX_BYTES) -> tuple[bytes, str | None]:
    """Decompress gzip ``data`` (all members) without ever holding more than ``max_bytes`` + 1 of output.

    Returns the bytes and, for corrupt or truncated data, what went wrong (the bytes then are what came
    before the defect). Raises ``ValueError`` with an E084 message when the output would pass
    ``max_bytes`` (a gzip bomb).
    """
    out = bytearray()
    problem = None
    try:
        while data:
            member = zlib.decompressobj(16 + zlib.MAX_WBITS)
            pending = data
            while pending:
                out += member.decompress(pending, max_bytes + 1 - len(out))
                if len(out) > max_bytes:
                    raise _TooBig
                if member.eof:
                    break
                pending = member.unconsumed_tail
            if not member.eof:
                problem = "the gzip data is truncated"
                break
            data = member.unused_data
            if data and not data.startswith(_GZIP_MAGIC):
                break  # trailing bytes after the last member: ignored, as gzip(1) does
    except zlib.error as e:
        problem = f"corrupt gzip data ({e})"
    except _TooBig:
        raise ValueError(str(max_bytes)) from None
    return bytes(out), problem


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1].split(":")[-1].lower() if isinstance(tag, str) else ""


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in element if _local(c) == name), None)


def _text(element: etree._Element | None, *, raw: bool = False) -> str | None:
    if element is None:
        return None
    text = "".join(element.itertext())
    text = text.strip() if raw else " ".join(text.split())
    return text or None


def _date(value: str | None, tz: tzinfo | str | None) -> str | None:
    moment = parse_date(value, tz=tz)
    return moment.isoformat() if moment else None


def _entry(element: etree._Element, base: str, tz: tzinfo | str | None) -> SitemapEntry | None:
    url = resolve_url(_text(_child(element, "loc"), raw=True), base)
    if url is None:
        return None
    news = _child(element, "news")
    return SitemapEntry(
        url=url,
        lastmod=_date(_text(_child(element, "lastmod")), tz),
        news_title=_text(_child(news, "title")) if news is not None else None,
        news_published=_date(_text(_child(news, "publication_date")), tz) if news is not None else None,
    )


def _read_xml(data: bytes, url: str, tz: tzinfo | str | None, sitemap: Sitemap) -> str | None:
    """Fill ``sitemap`` from XML; returns the parser's first defect, if any."""
    root, problem = read_xml(data, recover=True, url=url, kind="sitemap")
    if root is None:
        sitemap.errors.append(Errors.E081.format(url=url or "<bytes>", kind="sitemap",
                                                 detail=f"no XML could be read ({problem})"))
        return None
    name = _local(root)
    seen: set[str] = set()
    for element in root.iter():
        local = _local(element)
        if local not in ("url", "sitemap"):
            continue
        entry = _entry(element, url, tz)
        if entry is None or entry.url in seen:
            continue
        seen.add(entry.url)
        if local == "url":
            sitemap.entries.append(entry)
        else:
            sitemap.indexed.append(entry)
            sitemap.sitemaps.append(entry.url)
    if name in ("urlset", "sitemapindex"):
        sitemap.kind = name
    elif sitemap.entries or sitemap.sitemaps:
        sitemap.kind = "sitemapindex" if sitemap.sitemaps and not sitemap.entries else "urlset"
    else:
        sitemap.errors.append(Errors.E081.format(url=url or "<bytes>", kind="sitemap",
                                                 detail=f"the root element is <{name}>, not <urlset> or "
                                                        "<sitemapindex>"))
    return problem


def _read_feed(data: bytes, url: str, content_type: str | None, tz: tzinfo | str | None,
               sitemap: Sitemap) -> None:
    feed = parse_feed(data, url=url, headers={"content-type": content_type} if content_type else None, tz=tz)
    sitemap.kind = "feed" if feed.kind else None
    sitemap.errors += feed.errors
    sitemap.warnings += feed.warnings
    seen: set[str] = set()
    for item in feed.items:
        if item.url and item.url not in seen:
            seen.add(item.url)
            sitemap.entries.append(SitemapEntry(item.url, item.updated_at or item.published_at, item.title,
                                                item.published_at))


def _read_text(text: str, url: str, sitemap: Sitemap) -> None:
    """A text sitemap: one absolute URL a line (sitemaps.org), nothing else."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    urls = [resolve_url(line, "") if _ABSOLUTE.match(line) else None for line in lines]
    if urls and all(urls):
        sitemap.kind = "text"
        sitemap.entries = [SitemapEntry(u) for u in dict.fromkeys(u for u in urls if u)]
    else:
        sitemap.errors.append(Errors.E081.format(url=url or "<bytes>", kind="sitemap",
                                                 detail="neither XML nor a text sitemap (one URL a line)"))


_ROOT_NAME = re.compile(rb"<([A-Za-z_][\w:.\-]*)")
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.DOTALL | re.IGNORECASE)


def _root_of(data: bytes) -> str:
    position = 0
    while (match := _PROLOG.match(data, position)) and match.end() > position:
        position = match.end()
    match = _ROOT_NAME.match(data, position)
    return match.group(1).decode("ascii", "replace").split(":")[-1].lower() if match else ""


def parse_sitemap(body: bytes, *, url: str = "", max_bytes: int = MAX_BYTES, content_type: str | None = None,
                  tz: tzinfo | str | None = None) -> Sitemap:
    """Parse a sitemap's bytes (XML, gzip of it, a text sitemap, or a feed) into a :class:`Sitemap`.

    Never raises for bad input: ``Sitemap.errors`` says what went wrong (E080 empty, E081 not a
    sitemap, E082 entity declarations refused, E083 malformed, what could be read is kept, E084 over
    ``max_bytes`` once decompressed). ``tz`` is the zone of dates that carry none (default UTC).
    """
    name = url or "<bytes>"
    sitemap = Sitemap()
    problems: list[str] = []
    if body[:2] == _GZIP_MAGIC:
        try:
            body, problem = gunzip(body, max_bytes=max_bytes)
        except ValueError:
            sitemap.errors.append(Errors.E084.format(url=name, limit=max_bytes, kind="sitemap"))
            return sitemap
        if problem and not body.strip():
            sitemap.errors.append(Errors.E083.format(url=name, kind="sitemap", detail=problem, count="nothing"))
            return sitemap
        if problem:
            problems.append(problem)
    elif len(body) > max_bytes:
        sitemap.errors.append(Errors.E084.format(url=name, limit=max_bytes, kind="sitemap"))
        return sitemap
    if not body.strip():
        sitemap.errors.append(Errors.E080.format(url=name, kind="sitemap"))
        return sitemap
    data, decoded = utf8_xml(body, content_type=content_type)
    root = _root_of(data)
    if root in _FEED_ROOTS:
        _read_feed(body, url, content_type, tz, sitemap)  # parse_feed decodes and reports for itself
        return sitemap
    sitemap.warnings = [message for _, message in decoded.warnings(name)]
    if not decoded.text.lstrip("\ufeff \t\r\n").startswith("<"):
        _read_text(decoded.text, url, sitemap)
    else:
        try:
            problem = _read_xml(data, url, tz, sitemap)
        except XMLRefused as e:
            sitemap.errors.append(str(e))
            return sitemap
        except XMLMalformed as e:
            sitemap.errors.append(str(e))
            return sitemap
        if problem:
            problems.append(problem)
    count = len(sitemap.entries) + len(sitemap.sitemaps)
    for problem in problems:
        sitemap.errors.append(Errors.E083.format(url=name, kind="sitemap", detail=problem,
                                                 count=f"{count} URL" + ("" if count == 1 else "s")))
    return sitemap


def sitemaps_in_robots(text: str | bytes, base_url: str) -> list[str]:
    """The sitemaps a robots.txt names (``Sitemap:`` lines, any case, anywhere in the file), as
    absolute URLs resolved against ``base_url`` (the robots.txt URL), each once, in order."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    found = []
    for match in _SITEMAP_LINE.finditer(text):
        value = match.group(1).split("#", 1)[0].strip()
        url = resolve_url(value.split()[0], base_url) if value else None
        if url:
            found.append(url)
    return list(dict.fromkeys(found))
