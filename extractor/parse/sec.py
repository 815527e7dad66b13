"""SEC EDGAR filings: a full submission (``<SEC-DOCUMENT>``: SGML header, then every ``<DOCUMENT>``) or
an 8-K's primary HTML document, to one document's fields.

A submission becomes: text = the main document (the 8-K body) as plain text, one paragraph per line,
each "Item x.xx" heading on a line of its own, followed by each EX-99 exhibit (the press release),
each introduced by a line holding its type ("EX-99.1"); other exhibits (EX-10 contracts, graphics,
XBRL) are skipped. The header facts go where a SQL user finds them: ``title`` = company, form and
items ("JPMORGAN CHASE & CO - 8-K - Items 5.02, 9.01"), ``published_at`` = the filing date, ``url`` =
the filing's EDGAR index page (it holds the CIK and the accession number), ``source`` = "SEC EDGAR"
and ``id`` = "sec-" + the accession number (stable: re-reading a filing replaces its rows).
"""

from __future__ import annotations

import html as html_entities
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from .html import block_lines

SOURCE = "SEC EDGAR"

# Item numbers of Form 8-K (since August 2004) and their titles, as the header and the body name them.
ITEM_TITLES: dict[str, str] = {
    "1.01": "Entry into a Material Definitive Agreement",
    "1.02": "Termination of a Material Definitive Agreement",
    "1.03": "Bankruptcy or Receivership",
    "1.04": "Mine Safety - Reporting of Shutdowns and Patterns of Violations",
    "1.05": "Material Cybersecurity Incidents",
    "2.01": "Completion of Acquisition or Disposition of Assets",
    "2.02": "Results of Operations and Financial Condition",
    "2.03": "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet "
            "Arrangement of a Registrant",
    "2.04": "Triggering Events That Accelerate or Increase a Direct Financial Obligation",
    "2.05": "Costs Associated with Exit or Disposal Activities",
    "2.06": "Material Impairments",
    "3.01": "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; "
            "Transfer of Listing",
    "3.02": "Unregistered Sales of Equity Securities",
    "3.03": "Material Modification to Rights of Security Holders",
    "4.01": "Changes in Registrant's Certifying Accountant",
    "4.02": "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or "
            "Completed Interim Review",
    "5.01": "Changes in Control of Registrant",
    "5.02": "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain "
            "Officers; Compensatory Arrangements of Certain Officers",
    "5.03": "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year",
    "5.04": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "5.05": "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
    "5.06": "Change in Shell Company Status",
    "5.07": "Submission of Matters to a Vote of Security Holders",
    "5.08": "Shareholder Director Nominations",
    "6.01": "ABS Informational and Computational Material",
    "7.01": "Regulation FD Disclosure",
    "8.01": "Other Events",
    "9.01": "Financial Statements and Exhibits",
}
# Items of the 8-K before August 2004 ("Item 5. Other Events") and the present item each became.
LEGACY_ITEMS: dict[str, str] = {"1": "5.01", "2": "2.01", "3": "1.03", "4": "4.01", "5": "8.01", "6": "5.02",
                                "7": "9.01", "8": "5.03", "9": "7.01", "10": "5.05", "11": "5.04", "12": "2.02"}
LEGACY_TITLES: dict[str, str] = {
    "1": "Changes in Control of Registrant", "2": "Acquisition or Disposition of Assets",
    "3": "Bankruptcy or Receivership", "4": "Changes in Registrant's Certifying Accountant",
    "5": "Other Events", "6": "Resignations of Registrant's Directors", "7": "Financial Statements and Exhibits",
    "8": "Change in Fiscal Year", "9": "Regulation FD Disclosure",
    "10": "Amendments to the Registrant's Code of Ethics", "11": "Temporary Suspension of Trading",
    "12": "Results of Operations and Financial Condition",
}
LEGACY_UNTIL = "2004-08-23"  # the first filing day of the present item numbers

_SUBMISSION_START = re.compile(r"\A\s*(?:<SEC-DOCUMENT>|-----BEGIN PRIVACY-ENHANCED MESSAGE-----)")
_HEADER = re.compile(r"<(?:SEC|IMS)-HEADER>(.*?)</(?:SEC|IMS)-HEADER>", re.S)
_HEADER_FIELD = re.compile(r"^\s*([A-Z][A-Z0-9 \-]*?):[ \t]*(.*?)\s*$", re.M)
_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)(</DOCUMENT>|\Z)", re.S)
_DOC_FIELD = re.compile(r"^<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*(.*?)\s*$", re.M)
_TEXT = re.compile(r"<TEXT>(.*?)(</TEXT>|\Z)", re.S)
_EXHIBIT_KEPT = re.compile(r"^EX-99(?:\.\w+)*$", re.I)
_MAIN_FORMS = re.compile(r"^(?:8-K|8-K/A|8-K12B|8-K12G3|8-K15D5|6-K|10-K|10-Q|20-F|40-F)", re.I)

# "Item 5.02", "ITEM 2.02.", "Item 9.01(d).", legacy "Item 5. Other Events", "ITEM  2.   ACQUISITION ..."
ITEM_HEADING = re.compile(r"^[ \t]*item[ \t\u00a0]*(\d{1,2}(?:\.\d{2})?)(?:\([a-z]\))?\b\.?", re.I | re.M)
_SPACES = re.compile(r"[ \t\r\f\v\n\u00a0\u2002-\u200b\u3000]+")
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
_IX_HEADER = re.compile(r"<ix:header>.*?</ix:header>", re.S | re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_BLOCKS = frozenset("p div li h1 h2 h3 h4 h5 h6 tr br blockquote pre section article dd dt table center "
                    "title hr ul ol dl".split())
_CELLS = frozenset(("td", "th"))


class SecError(ValueError):
    """A submission that cannot be read; ``code`` is the E06x code of :mod:`extractor.errors`."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code, self.detail = code, detail


@dataclass
class SecDocument:
    type: str
    sequence: str | None
    filename: str | None
    description: str | None
    body: str


@dataclass
class Filing:
    """The facts of a submission's header and its documents."""

    accession: str | None
    form: str | None
    filed: str | None  # ISO date
    company: str | None
    cik: str | None
    item_names: list[str] = field(default_factory=list)  # the header's ITEM INFORMATION lines
    documents: list[SecDocument] = field(default_factory=list)

    @property
    def url(self) -> str | None:
        if not (self.accession and self.cik):
            return None
        return (f"https://www.sec.gov/Archives/edgar/data/{int(self.cik)}/"
                f"{self.accession.replace('-', '')}/{self.accession}-index.htm")


def is_submission(text: str) -> bool:
    """Whether ``text`` is an EDGAR full submission (``<SEC-DOCUMENT>`` or an SGML header)."""
    return bool(_SUBMISSION_START.match(text)) or "<SEC-HEADER>" in text[:20000] or \
        "<IMS-HEADER>" in text[:20000]


def _iso(yyyymmdd: str | None) -> str | None:
    if yyyymmdd and re.fullmatch(r"\d{8}", yyyymmdd):
        return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:]}"
    return None


def parse_submission(text: str) -> Filing:
    """The header facts and the documents of a full submission; SecError when it is broken."""
    header = _HEADER.search(text)
    if header is None:
        if re.search(r"<(?:SEC|IMS)-HEADER>", text):
            raise SecError("E060", "its header never ends (no </SEC-HEADER>): the submission is cut off")
        raise SecError("E060", "it has no <SEC-HEADER> block")
    fields: dict[str, list[str]] = {}
    for match in _HEADER_FIELD.finditer(header.group(1)):
        fields.setdefault(match.group(1).strip(), []).append(match.group(2).strip())

    def first(name: str) -> str | None:
        values = [v for v in fields.get(name, []) if v]
        return values[0] if values else None

    filing = Filing(accession=first("ACCESSION NUMBER"), form=first("CONFORMED SUBMISSION TYPE") or first("FORM TYPE"),
                    filed=_iso(first("FILED AS OF DATE")), company=first("COMPANY CONFORMED NAME"),
                    cik=first("CENTRAL INDEX KEY"),
                    item_names=[v for v in fields.get("ITEM INFORMATION", []) if v])
    if filing.accession is None:
        match = re.search(r"<SEC-DOCUMENT>\s*(\d{10}-\d{2}-\d{6})", text)
        filing.accession = match.group(1) if match else None
    rest = text[header.end():]
    for match in _DOCUMENT.finditer(rest):
        block = match.group(1)
        facts = {m.group(1): m.group(2) for m in _DOC_FIELD.finditer(block[:2000])}
        body = _TEXT.search(block)
        if not match.group(2) or body is None or not body.group(2):
            kind = facts.get("TYPE", "?")
            raise SecError("E062", f"document {len(filing.documents) + 1} ({kind}) is cut off (no closing "
                                   f"</TEXT> or </DOCUMENT>): the submission is truncated")
        filing.documents.append(SecDocument(type=facts.get("TYPE", "").strip(), sequence=facts.get("SEQUENCE"),
                                            filename=facts.get("FILENAME"), description=facts.get("DESCRIPTION"),
                                            body=body.group(1)))
    if not filing.documents:
        raise SecError("E061", "it holds no <DOCUMENT> with a <TEXT> block")
    if filing.filed is None:
        raise SecError("E060", "its header has no valid FILED AS OF DATE")
    return filing


# ---------------------------------------------------------------------------------------------- text

def _looks_html(body: str) -> bool:
    return bool(re.search(r"<(?:html|body|p|div|td|font|br)\b", body[:5000], re.I))


def html_to_text(html: str) -> str:
    """Plain text of an HTML document: one line per block, table cells of a row on one line,
    whitespace inside a block (line breaks of the source too) collapsed; hidden parts and inline-XBRL
    headers dropped."""
    html = _XML_DECLARATION.sub("", html.strip(), count=1)
    html = re.sub(r"^\s*<XBRL>|</XBRL>\s*$", "", html.strip(), flags=re.I)
    html = _XML_DECLARATION.sub("", html.strip(), count=1)
    html = _IX_HEADER.sub("", html)
    if not html.strip():
        return ""
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for element in tree.xpath("//head|//script|//style|//noscript|//*[contains(@style, 'none')]"):
        if element.tag in ("head", "script", "style", "noscript") or _HIDDEN.search(element.get("style") or ""):
            element.drop_tree()
    body = tree.find(".//body")
    lines = block_lines(body if body is not None else tree, blocks=_BLOCKS, cells=_CELLS, pre=_plain_lines,
                        spaces=_SPACES)
    return "\n".join(_split_headings(lines))


def heading_code(line: str) -> str | None:
    """The item number when ``line`` is an item heading: "Item 5.02", "ITEM 2.02.", "Item 5. Other
    Events", "Item 9.01(d). Exhibits"; not a sentence that starts with an item ("Item 2.02 of this
    report is incorporated ...")."""
    match = ITEM_HEADING.match(line)
    if match is None or len(line) > 400:
        return None
    code = match.group(1)
    title = ITEM_TITLES.get(code) or LEGACY_TITLES.get(code)
    if title is None:
        return None
    rest = line[match.end():].strip(" .:-\u2013\u2014\t")
    if not rest or rest.isupper() or len(rest) < 60 and not re.search(r"\b(?:of|is|are|was|in)\s+this\b", rest):
        return code
    first = re.findall(r"[A-Za-z]+", title)[:2]
    return code if re.match(r"\W*".join(first), rest, re.I) else None


def _is_heading(line: str) -> bool:
    return heading_code(line) is not None


def _plain_lines(text: str) -> list[str]:
    """Paragraphs of hard-wrapped plain text, each on one line; headings, table rows and short
    lines standing alone keep their own lines."""
    text = re.sub(r"(?im)^\s*<PAGE>.*$", "", text)
    text = re.sub(r"</?(?:PAGE|S|C|CAPTION|TABLE|FN|F\d+)>", " ", text, flags=re.I)
    lines: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        line = _SPACES.sub(" ", " ".join(paragraph)).strip()
        if line:
            lines.append(line)
        paragraph.clear()

    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped or re.fullmatch(r"-?\s*\d{1,3}\s*-?\.?|[-=_*]{3,}", stripped):
            flush()
            continue
        tabular = len(re.findall(r"\S(?: {3,}|\t)\S", raw)) >= 2 or re.search(r"\.{4,}", raw)
        if _is_heading(stripped) or tabular:
            flush()
            lines.append(_SPACES.sub(" ", stripped))
            continue
        paragraph.append(stripped)
        if len(raw.rstrip()) < 50 and re.search(r"[.:;]$", stripped) is None and len(paragraph) == 1 \
                and stripped.isupper():
            flush()  # a title in capitals stands alone
    flush()
    return _split_headings(lines)


def _split_headings(lines: list[str]) -> list[str]:
    """An item heading that runs on into its first sentence is cut after the item's title."""
    out: list[str] = []
    for line in lines:
        match = ITEM_HEADING.match(line)
        if match is None or heading_code(line) is None:
            out.append(line)
            continue
        code = match.group(1)
        title = ITEM_TITLES.get(code) or LEGACY_TITLES.get(code)
        rest = line[match.end():]
        if title:
            words = re.findall(r"[A-Za-z]+", title)[:6]
            pattern = r"^[\s.:\-\u2013\u2014]*" + r"\W+".join(map(re.escape, words))
            head = re.match(pattern, rest, re.I)
            if head:
                tail = re.match(r"[^.]*?\.(?=\s+[A-Z(])", rest[head.end():]) if len(rest) > 160 else None
                if tail and len(rest) - head.end() - tail.end() > 40:
                    cut = match.end() + head.end() + tail.end()
                    out.extend([line[:cut].strip(), line[cut:].strip()])
                    continue
        out.append(line)
    return out


def document_text(body: str) -> str:
    return html_to_text(body) if _looks_html(body) else "\n".join(_plain_lines(body))


# ------------------------------------------------------------------------------------------- items

def item_code(name: str, filed: str | None) -> str | None:
    """The item number an ITEM INFORMATION line names ("Other Events" -> 8.01, legacy -> "5")."""
    key = re.sub(r"[^a-z]+", " ", name.lower()).strip()
    legacy = filed is not None and filed < LEGACY_UNTIL
    for table in ((LEGACY_TITLES, ITEM_TITLES) if legacy else (ITEM_TITLES, LEGACY_TITLES)):
        for code, title in table.items():
            words = re.sub(r"[^a-z]+", " ", title.lower()).strip()
            if key == words or (len(key) > 12 and (words.startswith(key) or key.startswith(words[:40]))):
                return code
    return None


def item_sections(text: str) -> list[tuple[str, int, int, int]]:
    """(item number, heading start, heading end, section end) of each item heading in ``text``; a
    section ends at the next heading or at an exhibit's type line ("EX-99.1")."""
    starts: list[tuple[int, int, str | None]] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        code = heading_code(stripped)
        if code is not None:
            starts.append((offset, offset + len(line), code))
        elif _EXHIBIT_KEPT.match(stripped):
            starts.append((offset, offset + len(line), None))
        offset += len(line) + 1
    sections = []
    for i, (start, end, code) in enumerate(starts):
        if code is not None:
            stop = starts[i + 1][0] if i + 1 < len(starts) else len(text)
            sections.append((code, start, end, stop))
    return sections


_NOT_APPLICABLE = re.compile(r"^\W*(?:not applicable|none|n/a|omitted)\W*$", re.I)


def items_in_text(text: str) -> list[str]:
    """Item numbers of the headings in a body, in order, each once ("Not applicable" items left out)."""
    found: list[str] = []
    for code, _, end, stop in item_sections(text):
        if code not in found and not _NOT_APPLICABLE.match(text[end:stop].strip() or "none"):
            found.append(code)
    return found


def _registrant(text: str) -> str | None:
    match = re.search(r"^(.{2,120})\n\(?\s*Exact name of (?:the )?registrant", text, re.I | re.M)
    return match.group(1).strip() if match else None


def _title(company: str | None, form: str | None, items: list[str]) -> str:
    parts = [company or "Unknown registrant", form or "8-K"]
    if items:
        parts.append(("Item " if len(items) == 1 else "Items ") + ", ".join(items))
    return " - ".join(parts)


def submission_fields(text: str) -> dict[str, str | None]:
    """The document fields (text, title, published_at, url, source, id) of a full submission."""
    filing = parse_submission(text)
    main = next((d for d in filing.documents if _MAIN_FORMS.match(d.type)), filing.documents[0])
    parts = [document_text(main.body)]
    for document in filing.documents:
        if document is not main and _EXHIBIT_KEPT.match(document.type):
            exhibit = document_text(document.body)
            if exhibit.strip():
                parts.append(f"{document.type.upper()}\n{exhibit}")
    body = "\n".join(p for p in parts if p.strip())
    items = [c for c in (item_code(n, filing.filed) for n in filing.item_names) if c]
    for code in items_in_text(parts[0]):
        if code not in items:
            items.append(code)
    return {"text": body, "title": _title(filing.company, filing.form, items),
            "published_at": filing.filed, "url": filing.url, "source": SOURCE,
            "id": f"sec-{filing.accession}" if filing.accession else None}


_8K_HTML = re.compile(r"FORM\s*8-K|CURRENT\s+REPORT\s+PURSUANT", re.I)


def is_8k_html(html: str) -> bool:
    """Whether an HTML page is an 8-K's primary document (its cover says so, and it has items)."""
    head = html_entities.unescape(re.sub(r"<[^>]+>", " ", html[:200000]))
    return bool(_8K_HTML.search(head)) and bool(re.search(r"(?i)\bitem\s*\d{1,2}(?:\.\d{2})?\b", head))


def html_8k_fields(html: str) -> dict[str, str | None]:
    """The document fields of an 8-K's primary HTML document (no header: the title comes from the
    registrant's name on the cover page or in the inline-XBRL facts)."""
    text = html_to_text(html)
    company = None
    match = re.search(r'name="dei:EntityRegistrantName"[^>]*>(.*?)</ix:nonNumeric>', html, re.S | re.I)
    if match:
        company = _SPACES.sub(" ", re.sub(r"<[^>]+>", "", match.group(1))).strip() or None
    company = company or _registrant(text)
    return {"text": text, "title": _title(company, "8-K", items_in_text(text)), "source": SOURCE}
