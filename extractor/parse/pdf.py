"""PDF to text, for announcements of Chinese listed companies (and any other PDF with a text layer),
and sniffing what a fetched body really is.

pdfminer.six lays each page out (its CJK CMaps decode GBK-EUC-H, UniGB-UCS2-H and Identity-H fonts);
the text is then put together here rather than by ``extract_text``, because Chinese announcements need:

- no spaces between CJK characters: pdfminer inserts one wherever two glyphs stand a little apart
  (justified lines, the gap word processors put between Chinese and digits, "2002 年"); here a space
  is written only for a real space glyph, a gap of more than half a character, or a word gap between
  two non-CJK characters;
- reading order by rows: the text lines of a page are grouped into rows by their height on the page and
  read left to right, so a table comes out row by row ("1 深圳三九药业有限公司 36,884 0.44%") rather
  than column by column (pages laid out in two columns of prose keep pdfminer's box order);
- lines joined into paragraphs: a line that reaches the right margin runs on into the next one unless
  the next is indented, starts a numbered item ("（一）", "二、", "1.") or the line ends a sentence;
  CJK text is joined without a space, other text with one. Page numbers, and running headers and
  footers that come back page after page, are dropped; a paragraph carries on across a page break.

Unmapped glyphs (``(cid:N)``, symbol fonts such as Wingdings bullets) become "•" at the start of a
line and are dropped elsewhere; their number is reported. Errors are coded (``PdfError.code``):
E064 encrypted, E065 not a PDF or broken, E066 no text layer (scanned), E067 over the size cap; the
page cap (and a time budget) cut a long PDF short with an E088 note.
"""

from __future__ import annotations

import io
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import Errors

MAX_PAGES = 500  # pages read from one PDF (an annual report has 150-300)
MAX_BYTES = 50_000_000
MAX_SECONDS = 300.0  # time budget for one PDF: pages past it are left out with an E088 note

LAPARAMS = {
    "line_overlap": 0.5,
    "char_margin": 2.0,  # glyphs further apart than two characters start a new text line (table cells)
    "line_margin": 0.5,
    "word_margin": 0.1,
    "boxes_flow": 0.5,
    "detect_vertical": False,
    "all_texts": True,  # text inside figures (form XObjects) is laid out too
}

_CJK = (r"\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
        r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_CID = re.compile(r"^\(cid:\d+\)$")
_TERMINAL = re.compile(r"[。！？!?；;：:]$|[.](?<!\d\.)$")
_LIST_START = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十百\d]{1,3}[)）]|[一二三四五六七八九十百]{1,3}[、.．]|\d{1,3}[、．]|"
    r"\d{1,3}\.(?!\d)|\d{1,2}(?:\.\d{1,2}){1,3}\s|第[一二三四五六七八九十百\d]{1,4}[节章条部分]|[•●○■□◆◇▪·\-—]\s*|"
    r"[①-⑳]|[a-zA-Z][.)、]\s|特此公告|备查文件|释义)")
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–_]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?\d{1,4}\s*页?)?[\s\-—–_]*$|"
    r"^\s*(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)
_HTML_START = re.compile(rb"^\s*<(?:!doctype\s+html|html|head|body|meta|title|table|div|p|br|font|center|script|"
                         rb"style|link|!--)\b", re.I)
_HTML_ANYWHERE = re.compile(rb"<(?:html|head|body|meta\s|title|table|div|p|br|font)\b", re.I)
_SEC_SUBMISSION = re.compile(rb"^\s*(?:<SEC-DOCUMENT>|<SEC-HEADER>|<IMS-HEADER>|-----BEGIN PRIVACY-ENHANCED)")


class PdfError(ValueError):
    """A PDF whose text cannot be read; ``code`` is E064-E067, ``str(error)`` the coded message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class PdfText:
    text: str
    pages: int  # pages read
    total_pages: int | None  # pages the PDF has, where its page tree says
    unmapped: int = 0  # glyphs without a Unicode mapping, replaced or dropped
    notes: list[str] = field(default_factory=list)  # coded notes (E088: cut short)

    @property
    def truncated(self) -> bool:
        return self.total_pages is not None and self.pages < self.total_pages


# -------------------------------------------------------------------------------------------- sniff

def sniff_document_kind(body: bytes, content_type: str | None = None, url: str = "") -> str:
    """What a fetched body is: "pdf", "html" or "text". The bytes decide first (``%PDF-`` in the
    first KB; HTML markup at the start; an SEC full submission is "text"), then the Content-Type, then
    the URL's extension: a cninfo "PDF" link that answers with gb2312 HTML is "html"."""
    head = body[:1024]
    if b"%PDF-" in head:
        return "pdf"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n\x00")
    if _SEC_SUBMISSION.match(stripped):
        return "text"
    if _HTML_START.match(stripped) or (stripped.startswith(b"<") and _HTML_ANYWHERE.search(body[:4096])):
        return "html"
    media = (content_type or "").split(";", 1)[0].strip().lower()
    path = url.split("?", 1)[0].split("#", 1)[0].lower()
    printable = _looks_text(body[:4096])
    if media in ("text/html", "application/xhtml+xml") or path.endswith((".html", ".htm", ".shtml")):
        return "html" if printable else "pdf" if path.endswith(".pdf") or media == "application/pdf" else "text"
    if media == "application/pdf" or path.endswith(".pdf"):
        return "text" if printable and body.strip() else "pdf"
    return "text"


def _looks_text(data: bytes) -> bool:
    if not data:
        return True
    if b"\x00" in data:
        return False
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls <= len(data) * 0.05


# ---------------------------------------------------------------------------------------- reading

@dataclass
class _Segment:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float  # em: the font size of its characters


@dataclass
class _Row:
    segments: list[_Segment]
    page: int

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def top(self) -> float:
        return max(s.y1 for s in self.segments)

    @property
    def bottom(self) -> float:
        return min(s.y0 for s in self.segments)

    @property
    def size(self) -> float:
        return max(s.size for s in self.segments)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


def _is_cjk(char: str) -> bool:
    return bool(char) and bool(_CJK_CHAR.match(char))


class _Counter:
    unmapped = 0


def _line_text(line: Any, counter: _Counter) -> str:
    """A horizontal text line's characters, with spaces only where they belong (see the module doc)."""
    from pdfminer.layout import LTChar

    out: list[str] = []
    previous: Any = None
    for item in line:
        if not isinstance(item, LTChar):
            continue  # pdfminer's own inserted spaces and line ends: decided here instead
        text = item.get_text()
        if _CID.match(text):
            counter.unmapped += 1
            if not "".join(out).strip():
                out.append("• ")
            previous = item
            continue
        if text.isspace() or not text:
            out.append(" ")
            previous = item
            continue
        if previous is not None and out and not out[-1].endswith(" "):
            gap = item.x0 - previous.x1
            em = max(item.size, previous.size, 1.0)
            before = out[-1][-1:]
            if gap > 0.6 * em or (gap > 0.1 * em and not _is_cjk(before) and not _is_cjk(text[:1])):
                out.append(" ")
        out.append(text)
        previous = item
    return re.sub(r"[ \u00a0]{2,}", " ", "".join(out)).strip()


def _segments(layout: Any, counter: _Counter) -> list[_Segment]:
    from pdfminer.layout import LTChar, LTTextLineHorizontal, LTTextLineVertical

    found: list[_Segment] = []

    def walk(item: Any) -> None:
        if isinstance(item, LTTextLineHorizontal):
            text = _line_text(item, counter)
            if text:
                sizes = [c.size for c in item if isinstance(c, LTChar)]
                found.append(_Segment(text, item.x0, item.x1, item.y0, item.y1,
                                      statistics.median(sizes) if sizes else item.height))
        elif isinstance(item, LTTextLineVertical):
            text = re.sub(r"\s+", "", item.get_text())
            if text:
                found.append(_Segment(text, item.x0, item.x1, item.y0, item.y1, item.width))
        elif hasattr(item, "__iter__") and not isinstance(item, LTChar):
            for child in item:
                walk(child)

    walk(layout)
    return found


def _rows(segments: list[_Segment], page: int) -> list[_Row]:
    """Segments grouped into rows (overlapping vertically by half the smaller height), top to bottom,
    each read left to right."""
    rows: list[_Row] = []
    for segment in sorted(segments, key=lambda s: (-s.y1, s.x0)):
        height = max(segment.y1 - segment.y0, 0.1)
        for row in reversed(rows[-3:]):
            overlap = min(row.top, segment.y1) - max(row.bottom, segment.y0)
            if overlap >= 0.5 * min(height, max(row.top - row.bottom, 0.1)):
                row.segments.append(segment)
                break
        else:
            rows.append(_Row([segment], page))
    for row in rows:
        row.segments.sort(key=lambda s: s.x0)
        # two segments overlapping horizontally in one row are stacked text, not cells: keep both, in order
    return rows


def _two_columns(rows: list[_Row]) -> bool:
    """Prose in two columns: many rows of two or more long text segments."""
    long_rows = [r for r in rows if sum(1 for s in r.segments if len(s.text) >= 15) >= 2]
    return len(long_rows) >= 5 and len(long_rows) >= 0.3 * len(rows)


def _box_rows(layout: Any, counter: _Counter, page: int) -> list[_Row]:
    """Rows in pdfminer's own box order (for pages in columns)."""
    from pdfminer.layout import LTTextBox

    rows: list[_Row] = []
    for box in layout:
        if isinstance(box, LTTextBox):
            for segment in _segments(box, counter):
                rows.append(_Row([segment], page))
    return rows


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(q * (len(ordered) - 1))))]


def _margins(rows: list[_Row]) -> tuple[float, float] | None:
    """(left, right) of the body text, from rows of one segment with some length."""
    body = [r for r in rows if len(r.segments) == 1 and len(r.text) >= 8]
    if len(body) < 3:
        return None
    return _quantile([r.x0 for r in body], 0.1), _quantile([r.x1 for r in body], 0.9)


def _drop_furniture(pages: list[list[_Row]], shapes: list[tuple[int, int]]) -> None:
    """Drop, in place, page numbers at the top or bottom of a page, and running headers and footers:
    rows in the top or bottom 15% of a page whose text (digits aside) comes back on at least three
    pages and 15% of them. On the first page, where the document's title may read like the running
    header, only such rows set smaller than the body text go."""
    for rows in pages:
        for end in (-1, 0):
            if rows and _PAGE_NUMBER.match(rows[end].text):
                rows.pop(end)
    if len(pages) < 3:
        return

    def key(row: _Row) -> str:
        return re.sub(r"\d+", "#", row.text)

    def edge(rows: list[_Row], height: int) -> list[_Row]:
        band = 0.15 * height
        return [r for r in rows if r.top >= height - band or r.bottom <= band]

    counts: Counter[str] = Counter()
    for rows, (_, height) in zip(pages, shapes, strict=True):
        counts.update({key(r) for r in edge(rows, height)})
    repeated = {k for k, n in counts.items() if n >= 3 and n >= 0.15 * len(pages) and len(k) <= 80}
    if not repeated:
        return
    sizes = [r.size for rows in pages for r in rows if len(r.segments) == 1 and len(r.text) >= 8]
    body_size = statistics.median(sizes) if sizes else 0.0
    for number, (rows, (_, height)) in enumerate(zip(pages, shapes, strict=True)):
        # on the first page, only what is set smaller than the body text: the title may repeat as a header
        furniture = {id(r) for r in edge(rows, height) if key(r) in repeated and (number or r.size < 0.9 * body_size)}
        rows[:] = [r for r in rows if id(r) not in furniture]


def _joins(a: _Row, b: _Row, frame: tuple[float, tuple[float, ...]] | None) -> bool:
    """Whether row ``b`` continues the paragraph of row ``a``; ``frame`` is the left margin and the
    right edges where justified lines end."""
    if frame is None or len(a.segments) != 1 or len(b.segments) != 1:
        return False
    left, edges = frame
    em_a, em_b = max(a.size, 1.0), max(b.size, 1.0)
    if not any(edge - 1.5 * em_a <= a.x1 <= edge + 0.5 * em_a for edge in edges) and a.x1 < edges[-1]:
        return False  # a ends short of the margin: its paragraph ends there
    if a.page == b.page and a.bottom - b.top > 1.8 * max(em_a, em_b):
        return False  # a blank space between them
    if abs(em_a - em_b) > 0.25 * max(em_a, em_b):
        return False  # a heading and body text
    if _LIST_START.match(b.text):
        return False
    indented = b.x0 > left + 0.8 * em_b
    return not indented or not _TERMINAL.search(a.text)


def _joined(a: str, b: str) -> str:
    if _is_cjk(a[-1:]) or _is_cjk(b[:1]):
        return a + b
    if a.endswith("-") and a[-2:-1].isalpha() and b[:1].islower():
        return a[:-1] + b
    return a + " " + b


def _frame(rows: list[_Row], margins: tuple[float, float] | None) -> tuple[float, tuple[float, ...]] | None:
    """The page's left margin and right edges: the text width of the document (or of its pages of this
    shape), and any narrower or wider width that three or more lines of the page end at together (a
    paragraph set to another width)."""
    if margins is None:
        return None
    left, right = margins
    body = [r for r in rows if len(r.segments) == 1 and len(r.text) >= 8]
    edges = {right}
    floor = left + 0.7 * (right - left)
    for row in body:
        if row.x1 >= floor:
            near = [r.x1 for r in body if abs(r.x1 - row.x1) <= 0.5 * max(row.size, 1.0)]
            if len(near) >= 3:
                edges.add(max(near))
    return left, tuple(sorted(edges))


def _assemble(pages: list[list[_Row]], shapes: list[tuple[int, int]]) -> str:
    _drop_furniture(pages, shapes)
    by_shape: dict[tuple[int, int], list[_Row]] = {}
    for rows, shape in zip(pages, shapes, strict=True):
        by_shape.setdefault(shape, []).extend(rows)
    overall = _margins([row for rows in pages for row in rows])
    shape_margins = {shape: _margins(rows) or overall for shape, rows in by_shape.items()}
    paragraphs: list[str] = []
    previous: _Row | None = None
    previous_frame: tuple[float, tuple[float, ...]] | None = None
    for rows, shape in zip(pages, shapes, strict=True):
        frame = _frame(rows, shape_margins[shape])
        for row in rows:
            joins = previous is not None and paragraphs and _joins(
                previous, row, frame if previous.page == row.page else previous_frame)
            if joins:
                paragraphs[-1] = _joined(paragraphs[-1], row.text)
            else:
                paragraphs.append(row.text)
            previous, previous_frame = row, frame
    return "\n".join(p for p in paragraphs if p.strip())


def _total_pages(document: Any) -> int | None:
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(document.catalog.get("Pages")).get("Count"))
        return int(count) if isinstance(count, int) and count >= 0 else None
    except Exception:  # noqa: BLE001  (a broken page tree: the pages are still walked)
        return None


def read_pdf(data: bytes, *, name: str = "<pdf>", max_pages: int = MAX_PAGES, max_bytes: int = MAX_BYTES,
             max_seconds: float | None = MAX_SECONDS) -> PdfText:
    """The text of a PDF and what reading it found; PdfError (E064-E067) when there is none to read."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    if len(data) > max_bytes:
        raise PdfError("E067", Errors.E067.format(input=name, size=len(data), limit=max_bytes))
    start = data.find(b"%PDF-", 0, 1024)
    if start < 0:
        kind = sniff_document_kind(data)
        detail = f"it starts with {data[:16]!r}, not %PDF- (it looks like {kind})" if data else "the body is empty"
        raise PdfError("E065", Errors.E065.format(input=name, detail=detail))
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data[start:])), password="")
    except PDFPasswordIncorrect:
        raise PdfError("E064", Errors.E064.format(input=name, detail="it needs a password to open")) from None
    except PDFEncryptionError as e:
        raise PdfError("E064", Errors.E064.format(input=name, detail=f"unsupported encryption: {e}")) from None
    except Exception as e:  # noqa: BLE001  (pdfminer raises many kinds on broken files)
        raise PdfError("E065", Errors.E065.format(input=name, detail=f"{type(e).__name__}: {e}")) from None
    total = _total_pages(document)
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams(**LAPARAMS))
    interpreter = PDFPageInterpreter(manager, device)
    counter = _Counter()
    pages: list[list[_Row]] = []
    shapes: list[tuple[int, int]] = []  # each page's width and height: margins are read per page shape
    failures: list[str] = []
    began = time.monotonic()
    read = 0
    stopped_early = False
    try:
        for number, page in enumerate(PDFPage.create_pages(document)):
            if number >= max_pages or (number and max_seconds is not None
                                       and time.monotonic() - began > max_seconds):
                stopped_early = True
                break
            read += 1
            try:
                interpreter.process_page(page)
                layout = device.get_result()
            except Exception as e:  # noqa: BLE001  (one broken page does not lose the others)
                failures.append(f"page {number + 1}: {type(e).__name__}: {e}")
                pages.append([])
                shapes.append((0, 0))
                continue
            page_counter = _Counter()
            rows = _rows(_segments(layout, page_counter), number)
            if _two_columns(rows):
                page_counter = _Counter()
                rows = _box_rows(layout, page_counter, number)
            counter.unmapped += page_counter.unmapped
            pages.append(rows)
            shapes.append((round(layout.width), round(layout.height)))
    except PDFEncryptionError as e:
        raise PdfError("E064", Errors.E064.format(input=name, detail=str(e))) from None
    except Exception as e:  # noqa: BLE001  (the page tree itself is broken)
        if not pages:
            raise PdfError("E065", Errors.E065.format(input=name, detail=f"{type(e).__name__}: {e}")) from None
        failures.append(f"after page {len(pages)}: {type(e).__name__}: {e}")
    if read == 0 and not stopped_early:
        raise PdfError("E065", Errors.E065.format(input=name, detail="it has no pages"))
    if failures and len(failures) == read:
        raise PdfError("E065", Errors.E065.format(input=name, detail="; ".join(failures[:3])))
    text = _assemble(pages, shapes)
    if not text.strip():
        raise PdfError("E066", Errors.E066.format(input=name, pages=total or read))
    notes = [f"{name}: {failure}" for failure in failures]
    if stopped_early:
        notes.insert(0, Errors.E088.format(input=name, pages=read,
                                            total=total if total is not None else f"more than {read}"))
    return PdfText(text=text, pages=read, total_pages=total, unmapped=counter.unmapped, notes=notes)


def pdf_to_text(data: bytes, *, name: str = "<pdf>", max_pages: int = MAX_PAGES, max_bytes: int = MAX_BYTES,
                max_seconds: float | None = MAX_SECONDS) -> str:
    """The text of a PDF, one paragraph per line; PdfError (a coded message) when it has none."""
    return read_pdf(data, name=name, max_pages=max_pages, max_bytes=max_bytes, max_seconds=max_seconds).text
