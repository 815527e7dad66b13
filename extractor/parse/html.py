"""HTML page to a document: main text, title and publication time.

The main text is the article body that :mod:`extractor.parse.main_text` finds (without navigation,
bylines, captions, share bars, related links and comments); when the page's own schema.org JSON-LD
declares an ``articleBody`` much longer than what the markup shows (pages that render with
JavaScript), that is the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import lxml.html
from lxml import etree

from .main_text import main_text

# huge_tree: text nodes over 10 MB and nesting deeper than 256 are read (lxml still stops at 2048 levels)
_PARSER = lxml.html.HTMLParser(huge_tree=True)
_BLOCKS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 tr td th br blockquote pre section article dd dt figcaption".split()
)
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
)
_META_ATTRS = ("property", "name", "itemprop")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published_at: str | None


def _meta(tree: etree._Element, names: tuple[str, ...]) -> str | None:
    """The content of the first of ``names`` that a <meta> property, name or itemprop carries."""
    found: dict[tuple[str, str], str] = {}
    for meta in tree.iter("meta"):
        for attr in _META_ATTRS:
            value = meta.get(attr)
            if value:
                found.setdefault((attr, value.lower()), meta.get("content") or "")
    for name in names:
        for attr in _META_ATTRS:
            content = found.get((attr, name.lower()), "").strip()
            if content:
                return content
    return None


def _json_objects(value: object, limit: int = 10_000) -> Iterator[dict]:
    """The objects in a parsed JSON-LD value (``@graph`` lists and nesting included), at most ``limit``."""
    stack = [value]
    while stack and limit > 0:
        item = stack.pop()
        if isinstance(item, dict):
            limit -= 1
            yield item
            stack.extend(child for child in item.values() if isinstance(child, (dict, list)))
        elif isinstance(item, list):
            stack.extend(child for child in item if isinstance(child, (dict, list)))


def json_ld_article_body(tree: etree._Element) -> str:
    """The longest schema.org ``articleBody`` in the page's JSON-LD, as plain text ("" if none)."""
    best = ""
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            value = json.loads(script.text, strict=False)  # raw newlines in strings are common
        except (ValueError, RecursionError):
            continue
        for item in _json_objects(value):
            body = item.get("articleBody")
            if isinstance(body, str) and len(body) > len(best):
                best = body
    if "<" in best:  # some publishers put markup there
        try:
            best = lxml.html.fragment_fromstring(best, create_parent="div", parser=_PARSER).text_content()
        except (etree.ParserError, ValueError):
            pass
    return "\n".join(line for line in (_SPACES.sub(" ", line).strip() for line in best.splitlines()) if line)


def block_lines(root: etree._Element, *, blocks: frozenset[str] = _BLOCKS, cells: frozenset[str] = frozenset(),
                pre: Callable[[str], list[str]] | None = None, spaces: re.Pattern[str] = _SPACES) -> list[str]:
    """The text under ``root``, one line per block element, runs of ``spaces`` inside a block made one
    space. ``cells`` are kept apart by a space on their row's line; ``pre`` turns a <pre> block's text
    into lines of its own (filings keep their layout there)."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = spaces.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    def edge(tag: str) -> None:
        """Where a block starts or ends its line, and where a cell starts or ends, a space."""
        if tag in blocks:
            flush()
        elif tag in cells:
            current.append(" ")

    # An explicit stack (element, entering?) rather than recursion: pages nest up to 2048 levels.
    stack: list[tuple[etree._Element, bool]] = [(root, True)]
    while stack:
        element, entering = stack.pop()
        if not isinstance(element.tag, str):  # comments, processing instructions
            if element.tail:
                current.append(element.tail)
            continue
        tag = element.tag.lower().rsplit(":", 1)[-1]  # inline XBRL writes ix:nonNumeric
        if not entering:
            edge(tag)
            if element.tail:
                current.append(element.tail)
            continue
        if tag == "pre" and pre is not None:
            flush()
            lines.extend(pre(element.text_content()))
            if element.tail:
                current.append(element.tail)
            continue
        edge(tag)
        if element.text:
            current.append(element.text)
        stack.append((element, False))
        stack.extend((child, True) for child in reversed(element))
    flush()
    return lines


def parse_html(html: str) -> Page:
    """Main text, title and publication time of an HTML page (already decoded).

    Pages lxml cannot read at all (only a comment, say) give an empty page; the caller reports
    the document as having no text."""
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str input that declares an encoding
    if not html.strip():
        return Page("", None, None)
    try:
        tree = lxml.html.document_fromstring(html, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return Page("", None, None)
    title = _meta(tree, ("og:title",)) or (tree.findtext(".//title") or "").strip() or None
    published = _meta(tree, _PUBLISHED_META)
    if published is None:
        times = tree.xpath("//time/@datetime")
        published = str(times[0]).strip() if times else None
    declared = json_ld_article_body(tree)
    text = main_text(tree)
    if len(declared) >= 300 and len(declared) > 2 * len(text):
        text = declared
    return Page(text, title, published)
