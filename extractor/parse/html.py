"""HTML page to a document: main text, title and publication time.

A first, simple extractor: the text of ``<article>`` (else ``<main>``, else ``<body>``) without
scripts, styles, navigation, headers, footers, asides and forms, one line per block element.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import lxml.html
from lxml import etree

_DROP = ("head", "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template",
         "iframe")
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
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    published_at: str | None


def _meta(tree: etree._Element, names: tuple[str, ...]) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[translate(@{attr}, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", '
                               f'"abcdefghijklmnopqrstuvwxyz")="{name.lower()}"]/@content')
            if found and found[0].strip():
                return str(found[0]).strip()
    return None


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

    def walk(element: etree._Element) -> None:
        if not isinstance(element.tag, str):  # comments, processing instructions
            if element.tail:
                current.append(element.tail)
            return
        tag = element.tag.lower().rsplit(":", 1)[-1]  # inline XBRL writes ix:nonNumeric
        if tag == "pre" and pre is not None:
            flush()
            lines.extend(pre(element.text_content()))
            if element.tail:
                current.append(element.tail)
            return
        is_block, is_cell = tag in blocks, tag in cells
        if is_block:
            flush()
        elif is_cell:
            current.append(" ")
        if element.text:
            current.append(element.text)
        for child in element:
            walk(child)
        if is_block:
            flush()
        elif is_cell:
            current.append(" ")
        if element.tail:
            current.append(element.tail)

    walk(root)
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
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return Page("", None, None)
    title = _meta(tree, ("og:title",)) or (tree.findtext(".//title") or "").strip() or None
    published = _meta(tree, _PUBLISHED_META)
    if published is None:
        times = tree.xpath("//time/@datetime")
        published = str(times[0]).strip() if times else None
    for element in tree.xpath("|".join(f"//{tag}" for tag in _DROP)):
        element.drop_tree()
    main = tree.find(".//article")
    if main is None:
        main = tree.find(".//main")
    if main is None:
        main = tree.find(".//body")
    return Page("\n".join(block_lines(main if main is not None else tree)), title, published)
