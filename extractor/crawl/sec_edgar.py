"""SEC EDGAR: the URLs the crawler asks for and tolerant parsers of what comes back, as pure functions
over bytes (the fetcher does the fetching; :mod:`extractor.parse.sec` reads a full submission).

What a filings crawl reads, and the function for each::

    latest filings (Atom)     latest_filings_url(form)          parse_latest_filings(body)  -> FilingList
    a company's filings       submissions_url(cik)              parse_submissions(body)     -> SubmissionsPage
      older ones (paging)     SubmissionsPage.more              parse_submissions(body, url=...)
    one filing's documents    filing_index_url / index_json_url parse_filing_index(body, url) -> [FilingDocument]
    the filing itself         full_submission_url(cik, acc)     extractor.parse.sec.submission_fields(text)

SEC asks automated clients to declare a User-Agent with a name and a contact email
(``sec_user_agent_ok``) and to stay at or under 10 requests per second; ``sec_refusal`` turns its
refusals (403, 429, the "Undeclared Automated Tool" page) into a coded message that says what to do.

Parsers never raise on bad input: what they could not read is a coded message in ``errors`` (E086 for
a body that is not what was expected, E087 for an entry that was skipped), like feedparser's bozo.
CIKs are kept without leading zeros ("320193"), as EDGAR's archive paths write them; accession numbers
with their dashes ("0000320193-23-000077"); dates as ISO dates.
"""

from __future__ import annotations

import html as html_entities
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from ..errors import Errors
from .xmlsafe import XMLError, parse_xml

SOURCE = "SEC EDGAR"
WWW = "https://www.sec.gov"
DATA = "https://data.sec.gov"
RATE_LIMIT = 10.0  # requests per second that SEC allows one client

_ACCESSION = re.compile(r"^(\d{10})-?(\d{2})-?(\d{6})$")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# "8-K - ORTHOPEDIATRICS CORP (0001425450) (Filer)"
_ATOM_TITLE = re.compile(r"^\s*(?P<form>.+?)\s+-\s+(?P<name>.*?)\s*\((?P<cik>\d{1,10})\)\s*"
                         r"(?:\((?P<role>[^()]*)\))?\s*$", re.S)
_SUMMARY_FIELD = re.compile(r"(Filed|AccNo|Size):\s*([^\s<]+(?:\s(?:KB|MB|GB|bytes))?)", re.I)
_SUMMARY_ITEM = re.compile(r"Item\s+([0-9A-Za-z]+(?:\.[0-9A-Za-z]+)?)\s*:\s*([^\n<]*)", re.I)
_TAGS = re.compile(r"<[^>]+>")
_PRIMARY_ROLES = ("filer", "issuer", "subject")  # the company a filing is about, before reporting persons
_EXHIBIT_NAME = re.compile(r"(?:^|[^a-z])ex-?(\d{1,3})(?:[-_.](\d{1,3}))?(?=[^0-9]|$)", re.I)
_FORM_NAME = re.compile(r"(?:^|[^a-z0-9])(8-?k|10-?k|10-?q|6-?k|20-?f)(a)?(?=[^a-z0-9]|$)", re.I)
_DOCUMENT_EXTENSIONS = (".htm", ".html", ".txt", ".pdf")
_GRAPHIC_EXTENSIONS = (".jpg", ".jpeg", ".gif", ".png")
_CIK_IN_URL = re.compile(r"CIK(\d{1,10})", re.I)


# ------------------------------------------------------------------------------------------ records

@dataclass
class FilingRef:
    """A filing a listing names: enough to fetch it (``full_submission_url(cik, accession)``)."""

    cik: str | None  # no leading zeros
    company: str | None
    form: str
    accession: str  # 0001045810-26-000024
    filed: str | None  # ISO date
    items: list[str] = field(default_factory=list)  # 8-K items, e.g. ["2.02", "9.01"]
    url: str | None = None  # the filing's index page
    accepted: str | None = None  # ISO date-time the filing was accepted (Atom: updated; JSON: acceptanceDateTime)
    primary_document: str | None = None  # URL of the primary document, when the listing names it
    report_date: str | None = None
    size: int | None = None  # bytes
    parties: list[tuple[str, str, str]] = field(default_factory=list)  # (cik, name, role) as the Atom feed lists them


@dataclass
class FilingDocument:
    """One document of a filing, as its index lists it."""

    name: str  # file name, e.g. "nvda-20260302.htm"
    url: str
    type: str | None  # "8-K", "EX-99.1", "GRAPHIC"; from index.json only guessed from the name
    sequence: str | None = None
    description: str | None = None
    size: int | None = None


@dataclass
class FilingIndex:
    """What a filing's index page says: the filing's facts and its documents."""

    url: str
    accession: str | None = None
    form: str | None = None
    filed: str | None = None
    accepted: str | None = None
    report_date: str | None = None
    items: list[str] = field(default_factory=list)
    documents: list[FilingDocument] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class FilingList(list):
    """A list of FilingRef with the coded messages of what could not be read (``errors``)."""

    def __init__(self, refs: Iterable[FilingRef] = (), errors: list[str] | None = None,
                 updated: str | None = None) -> None:
        super().__init__(refs)
        self.errors: list[str] = errors if errors is not None else []
        self.updated = updated  # the feed's <updated>


@dataclass
class SubmissionsPage:
    """One file of the submissions API: the company's facts, its filings, and the further (older)
    files to read. Unpacks as ``filings, more = parse_submissions(body)``."""

    filings: list[FilingRef]
    more: list[str]  # absolute URLs of the paging files (older filings), newest first
    cik: str | None = None
    company: str | None = None
    tickers: list[str] = field(default_factory=list)
    exchanges: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Any]:
        yield self.filings
        yield self.more


# ------------------------------------------------------------------------------------------- URLs

def normalise_cik(cik: str | int) -> str:
    """A CIK without leading zeros ("0000320193" -> "320193"); ValueError when it is not one."""
    text = str(cik).strip()
    if text.upper().startswith("CIK"):
        text = text[3:]
    if not text.isdigit() or len(text) > 10 or int(text) == 0:
        raise ValueError(f"{cik!r} is not a CIK (1 to 10 digits, e.g. 320193)")
    return str(int(text))


def normalise_accession(accession: str) -> str:
    """An accession number with its dashes ("000104581026000024" -> "0001045810-26-000024")."""
    match = _ACCESSION.match(str(accession).strip())
    if match is None:
        raise ValueError(f"{accession!r} is not an accession number (like 0001045810-26-000024)")
    return "-".join(match.groups())


def latest_filings_url(form: str = "8-K", count: int = 100, *, start: int = 0) -> str:
    """EDGAR's "Latest Filings" Atom feed for one form type (``count`` at most 100 per page)."""
    count = max(1, min(int(count), 100))
    url = f"{WWW}/cgi-bin/browse-edgar?action=getcurrent&type={form.replace(' ', '+')}&count={count}&output=atom"
    return url + (f"&start={int(start)}" if start else "")


def submissions_url(cik: str | int) -> str:
    """The submissions API file of a company: facts and its latest (up to 1,000) filings."""
    return f"{DATA}/submissions/CIK{int(normalise_cik(cik)):010d}.json"


def submissions_page_url(name: str) -> str:
    """A paging file named in ``filings.files`` ("CIK0000320193-submissions-001.json")."""
    return f"{DATA}/submissions/{name.strip().lstrip('/')}"


def _folder(cik: str | int, accession: str) -> str:
    return f"{WWW}/Archives/edgar/data/{normalise_cik(cik)}/{normalise_accession(accession).replace('-', '')}"


def filing_index_url(cik: str | int, accession: str) -> str:
    """The filing's index page (documents with their types and sequence numbers)."""
    return f"{_folder(cik, accession)}/{normalise_accession(accession)}-index.html"


def index_json_url(cik: str | int, accession: str) -> str:
    """The JSON listing of the filing's folder (file names and sizes, no document types)."""
    return f"{_folder(cik, accession)}/index.json"


def full_submission_url(cik: str | int, accession: str) -> str:
    """The complete submission (.txt: SGML header + every document), read by extractor.parse.sec."""
    return f"{_folder(cik, accession)}/{normalise_accession(accession)}.txt"


def document_url(cik: str | int, accession: str, name: str) -> str:
    return f"{_folder(cik, accession)}/{name.lstrip('/')}"


# ---------------------------------------------------------------------------- politeness, refusals

def sec_user_agent_ok(user_agent: str | None) -> bool:
    """Whether ``user_agent`` declares a contact email and a name beside it, as SEC requires
    ("Jane Doe jane.doe@example.com", "Example Research research@example.com")."""
    if not user_agent:
        return False
    email = _EMAIL.search(user_agent)
    if email is None:
        return False
    rest = user_agent[:email.start()] + " " + user_agent[email.end():]
    return bool(re.search(r"[^\W\d_]{2,}", rest))


def sec_refusal(status: int | None, body: bytes = b"", *, url: str = "", user_agent: str | None = None) -> str | None:
    """A coded message when SEC refused a request, else None.

    E068: the "Undeclared Automated Tool" page, or a 403 when the User-Agent has no name and email (or
    is not known); E069: 429 or the "Request Rate Threshold Exceeded" page; E085: a 403 S3
    ``AccessDenied`` although the User-Agent is declared (EDGAR's answer for a path that does not exist,
    such as a future quarter's index)."""
    head = body[:20000].decode("utf-8", errors="replace")
    declared = sec_user_agent_ok(user_agent)
    shown = user_agent if user_agent is not None else "(not known)"
    url = url or SOURCE
    if status == 429 or "Request Rate Threshold Exceeded" in head:
        return Errors.E069.format(url=url, status=status)
    if "Undeclared Automated Tool" in head:
        return Errors.E068.format(url=url, status=status, detail=": 'Undeclared Automated Tool'", user_agent=shown)
    if status != 403:
        return None
    code = re.search(r"<Code>([^<]{1,80})</Code>", head)
    detail = f" {code.group(1)}" if code else ""
    if declared and code:
        return Errors.E085.format(url=url, detail=code.group(1))
    if not declared:
        hint = (", which is also what EDGAR answers for a path that does not exist" if code else "")
        return Errors.E068.format(url=url, status=status, detail=detail + hint, user_agent=shown)
    return Errors.E068.format(url=url, status=status, detail=detail, user_agent=shown)


# -------------------------------------------------------------------------------- latest filings

def _text(element: etree._Element | None) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def _summary_html(summary: str) -> str:
    """An Atom summary's text: its HTML tags dropped, <br> made line breaks, entities decoded."""
    text = re.sub(r"<br\s*/?>", "\n", summary, flags=re.I)
    return html_entities.unescape(_TAGS.sub(" ", text))


def _size(value: str | None) -> int | None:
    match = re.match(r"^\s*([\d.,]+)\s*(KB|MB|GB|bytes)?\s*$", value or "", re.I)
    if not match:
        return None
    number = float(match.group(1).replace(",", ""))
    unit = (match.group(2) or "bytes").upper()
    return int(number * {"BYTES": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}[unit])


def _forms(forms: Iterable[str] | str | None) -> set[str] | None:
    if forms is None:
        return None
    return {f.strip().upper() for f in ([forms] if isinstance(forms, str) else forms)}


def parse_latest_filings(body: bytes, *, forms: Iterable[str] | str | None = None, url: str = "") -> FilingList:
    """The filings of an EDGAR "Latest Filings" Atom page, one FilingRef per accession number.

    A filing with several parties (Form 4: the reporting person and the issuer; 8-Ks of several
    registrants) is listed once per party: they are merged, and the company is the filer, issuer or
    subject rather than a reporting person. ``forms`` keeps only those form types."""
    where = url or "latest filings"
    refs = FilingList()
    try:
        root = parse_xml(body, recover=True, url=where, errors=refs.errors)
    except XMLError as e:  # entity declarations refused (E082), empty (E080), nothing readable (E083)
        refs.errors.append(str(e))
        return refs
    if root is None or etree.QName(root).localname != "feed":
        name = etree.QName(root).localname if root is not None else "nothing"
        refs.errors.append(Errors.E086.format(source=SOURCE, url=where, what="Atom feed",
                                              detail=f"its root element is <{name}>, not <feed>"))
        return refs
    refs.updated = _text(root.find("{*}updated")) or None
    wanted = _forms(forms)
    by_accession: dict[str, FilingRef] = {}
    for number, entry in enumerate(root.iterfind("{*}entry"), start=1):
        title = _text(entry.find("{*}title"))
        summary = _summary_html(_text(entry.find("{*}summary")))
        facts = {k.lower(): v for k, v in _SUMMARY_FIELD.findall(summary)}
        match = _ATOM_TITLE.match(title)
        category = entry.find("{*}category")
        form = (category.get("term") if category is not None else None) or (match.group("form") if match else "")
        accession = facts.get("accno") or ""
        if not accession:
            found = re.search(r"accession-number=(\d{10}-\d{2}-\d{6})", _text(entry.find("{*}id")))
            accession = found.group(1) if found else ""
        try:
            accession = normalise_accession(accession)
        except ValueError:
            refs.errors.append(Errors.E087.format(source=SOURCE, url=where, index=number,
                                                  detail=f"no accession number in {title[:80]!r}"))
            continue
        if not form.strip():
            refs.errors.append(Errors.E087.format(source=SOURCE, url=where, index=number,
                                                  detail=f"no form type in {title[:80]!r}"))
            continue
        cik = str(int(match.group("cik"))) if match else None
        name = match.group("name").strip() if match else None
        role = (match.group("role") or "").strip() if match else ""
        link = entry.find("{*}link")
        href = link.get("href") if link is not None else None
        ref = by_accession.get(accession)
        if ref is None:
            updated = _text(entry.find("{*}updated")) or None
            filed = facts.get("filed") if re.fullmatch(r"\d{4}-\d{2}-\d{2}", facts.get("filed", "")) else None
            ref = FilingRef(cik=cik, company=name, form=form.strip(), accession=accession,
                            filed=filed or (updated[:10] if updated else None),
                            items=[code for code, _ in _SUMMARY_ITEM.findall(summary)],
                            url=urljoin(WWW + "/", href) if href else None, accepted=updated,
                            size=_size(facts.get("size")))
            if cik and ref.url is None:
                ref.url = filing_index_url(cik, accession)
            by_accession[accession] = ref
        elif cik and role.lower() in _PRIMARY_ROLES and not any(
                r.lower() in _PRIMARY_ROLES for _, _, r in ref.parties):
            ref.cik, ref.company = cik, name  # the issuer, not the reporting person, names the filing
        if cik:
            ref.parties.append((cik, name or "", role))
    refs.extend(r for r in by_accession.values() if wanted is None or r.form.upper() in wanted)
    return refs


# ---------------------------------------------------------------------------------- submissions

def _column(table: dict[str, Any], key: str, n: int) -> list[Any]:
    values = table.get(key)
    if not isinstance(values, list):
        return [None] * n
    return values + [None] * (n - len(values)) if len(values) < n else values


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def parse_submissions(body: bytes, *, url: str = "", cik: str | int | None = None, company: str | None = None,
                      forms: Iterable[str] | str | None = None, since: str | None = None) -> SubmissionsPage:
    """The filings of a submissions API file: the company file (``CIK##########.json``: facts,
    ``filings.recent`` and ``filings.files``) or one of its paging files (the columnar arrays alone).

    A paging file does not name its company: pass ``url`` (the CIK is in the file name) or ``cik``.
    ``forms`` keeps only those form types (exactly: "8-K" does not keep "8-K/A"); ``since`` (an ISO
    date) keeps filings of that day and later, and leaves out paging files that end before it."""
    where = url or "submissions"
    page = SubmissionsPage(filings=[], more=[])
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as e:
        page.errors.append(Errors.E086.format(source=SOURCE, url=where, what="submissions JSON", detail=e))
        return page
    if not isinstance(data, dict):
        page.errors.append(Errors.E086.format(source=SOURCE, url=where, what="submissions JSON",
                                              detail=f"it is a JSON {type(data).__name__}, not an object"))
        return page
    filings = data.get("filings")
    if isinstance(filings, dict):  # the company file
        table = filings.get("recent") if isinstance(filings.get("recent"), dict) else {}
        for entry in filings.get("files") or []:
            name = entry.get("name") if isinstance(entry, dict) else None
            if not name:
                continue
            if since and isinstance(entry.get("filingTo"), str) and entry["filingTo"] < since:
                continue
            page.more.append(submissions_page_url(name))
        page.company = _str(data.get("name"))
        page.tickers = [str(t) for t in data.get("tickers") or [] if t]
        page.exchanges = [str(t) for t in data.get("exchanges") or [] if t]
        found_cik = data.get("cik")
    elif "accessionNumber" in data:  # a paging file
        table, found_cik = data, None
    else:
        page.errors.append(Errors.E086.format(source=SOURCE, url=where, what="submissions JSON",
                                              detail="it has neither 'filings' nor 'accessionNumber'"))
        return page
    for candidate in (found_cik, cik, (_CIK_IN_URL.search(url).group(1) if _CIK_IN_URL.search(url) else None)):
        try:
            page.cik = normalise_cik(candidate) if candidate is not None else None
        except ValueError:
            page.cik = None
        if page.cik:
            break
    page.company = page.company or company
    if page.cik is None:  # its filings could not be fetched: no archive path without a CIK
        page.errors.append(Errors.E086.format(source=SOURCE, url=where, what="submissions file",
                                              detail="it does not say whose filings it lists (a paging file "
                                                     "names no CIK): pass url= (its own URL) or cik="))
        return page
    accessions = table.get("accessionNumber")
    if not isinstance(accessions, list):
        if table:
            page.errors.append(Errors.E086.format(source=SOURCE, url=where, what="submissions JSON",
                                                  detail="'accessionNumber' is not a list"))
        return page
    n = len(accessions)
    columns = {key: _column(table, key, n) for key in (
        "filingDate", "form", "items", "acceptanceDateTime", "primaryDocument", "reportDate", "size")}
    wanted = _forms(forms)
    for i, accession in enumerate(accessions):
        form = _str(columns["form"][i])
        filed = _str(columns["filingDate"][i])
        try:
            accession = normalise_accession(str(accession))
        except ValueError:
            page.errors.append(Errors.E087.format(source=SOURCE, url=where, index=i + 1,
                                                  detail=f"accession number {accession!r} is malformed"))
            continue
        if form is None:
            page.errors.append(Errors.E087.format(source=SOURCE, url=where, index=i + 1,
                                                  detail=f"filing {accession} has no form type"))
            continue
        if wanted is not None and form.upper() not in wanted:
            continue
        if since and (filed or "") < since:
            continue
        items = [s.strip() for s in str(columns["items"][i] or "").split(",") if s.strip()]
        primary = _str(columns["primaryDocument"][i])
        size = columns["size"][i]
        page.filings.append(FilingRef(
            cik=page.cik, company=page.company, form=form, accession=accession, filed=filed, items=items,
            url=filing_index_url(page.cik, accession) if page.cik else None,
            accepted=_str(columns["acceptanceDateTime"][i]),
            primary_document=document_url(page.cik, accession, primary) if page.cik and primary else None,
            report_date=_str(columns["reportDate"][i]), size=size if isinstance(size, int) else None))
    return page


# --------------------------------------------------------------------------------- filing index

def _guess_type(name: str) -> str | None:
    """The document type a file name suggests, for index.json (which gives none): exhibits
    ("ea191807ex99-1_datchat.htm" -> "EX-99.1"), the main form ("ea191807-8k_datchat.htm" -> "8-K"),
    images ("GRAPHIC"); None when the name says nothing."""
    base = name.rsplit("/", 1)[-1].lower()
    if base.endswith(_GRAPHIC_EXTENSIONS):
        return "GRAPHIC"
    if not base.endswith(_DOCUMENT_EXTENSIONS) or base.endswith(("-index.html", "-index-headers.html")):
        return None
    match = _EXHIBIT_NAME.search(base)
    if match is not None:
        main, sub = int(match.group(1)), match.group(2)
        return f"EX-{main}" + (f".{int(sub)}" if sub is not None else "")
    match = _FORM_NAME.search(base)
    if match is not None:
        form = match.group(1).upper()
        form = form if "-" in form else form[:-1] + "-" + form[-1]
        return form + ("/A" if match.group(2) else "")
    return None


def _index_json(data: dict[str, Any], url: str, index: FilingIndex) -> None:
    directory = data.get("directory") if isinstance(data.get("directory"), dict) else None
    items = directory.get("item") if directory else None
    if not isinstance(items, list):
        index.errors.append(Errors.E086.format(source=SOURCE, url=url or "index.json", what="filing index.json",
                                               detail="it has no directory.item list"))
        return
    folder = directory.get("name") or ""
    base = urljoin(WWW, folder.rstrip("/") + "/") if folder.startswith("/") else url.rsplit("/", 1)[0] + "/"
    found = re.search(r"/(\d{18})/?$", folder.rstrip("/") + "/") or re.search(r"/(\d{18})/", base)
    if found:
        index.accession = normalise_accession(found.group(1))
    for number, item in enumerate(items, start=1):
        name = item.get("name") if isinstance(item, dict) else None
        if not name:
            index.errors.append(Errors.E087.format(source=SOURCE, url=url or "index.json", index=number,
                                                   detail="an entry without a name"))
            continue
        if item.get("type") == "folder.gif":
            continue
        size = str(item.get("size") or "").strip()
        kind = _guess_type(name)
        description = None
        if index.accession and name == f"{index.accession}.txt":
            description = "Complete submission text file"
        index.documents.append(FilingDocument(name=name, url=urljoin(base, name), type=kind, description=description,
                                              size=int(size) if size.isdigit() else None))


def _document_href(href: str, base: str) -> str:
    """A document link of an index page: the inline-XBRL viewer's ``/ix?doc=/Archives/...`` made the
    document's own URL."""
    parts = urlsplit(href)
    if parts.path.rstrip("/").endswith("/ix") and parts.query.startswith("doc="):
        href = parts.query[4:].split("&", 1)[0]
    return urljoin(base, href)


def _index_html(body: bytes, url: str, index: FilingIndex) -> None:
    try:
        tree = lxml.html.document_fromstring(body)
    except (etree.ParserError, ValueError) as e:
        index.errors.append(Errors.E086.format(source=SOURCE, url=url or "index page", what="filing index page",
                                               detail=e))
        return
    base = url or WWW + "/"

    def info(label: str) -> etree._Element | None:
        for head in tree.xpath('//div[@class="infoHead"]'):
            if _text(head).lower() == label.lower():
                following = head.getnext()
                return following if following is not None and following.get("class") == "info" else None
        return None

    sec_num = tree.xpath('//div[@id="secNum"]')
    found = re.search(r"\d{10}-\d{2}-\d{6}", _text(sec_num[0]) if sec_num else "")
    index.accession = found.group(0) if found else None
    form_name = tree.xpath('//div[@id="formName"]')
    found = re.search(r"Form\s+(\S+(?: \S+)*?)\s+-", _text(form_name[0]) if form_name else "")
    index.form = found.group(1) if found else None
    for label, attr in (("Filing Date", "filed"), ("Accepted", "accepted"), ("Period of Report", "report_date")):
        value = _text(info(label))
        setattr(index, attr, value or None)
    items = info("Items")
    if items is not None:
        index.items = re.findall(r"Item\s+([0-9A-Za-z]+(?:\.[0-9A-Za-z]+)?)\s*:", _text(items))
    tables = tree.xpath('//table[contains(concat(" ", normalize-space(@class), " "), " tableFile ")]')
    if not tables:
        index.errors.append(Errors.E086.format(source=SOURCE, url=url or "index page", what="filing index page",
                                               detail="it has no table of documents (class tableFile)"))
        return
    number = 0
    for table in tables:
        for row in table.xpath(".//tr[td]"):
            number += 1
            cells = row.xpath("./td")
            links = row.xpath(".//a[@href]")
            if len(cells) < 4 or not links:
                index.errors.append(Errors.E087.format(source=SOURCE, url=url or "index page", index=number,
                                                       detail="a document row without a link or with too few cells"))
                continue
            sequence, description = _text(cells[0]).replace("\xa0", " ").strip(), _text(cells[1])
            kind = _text(cells[3]).replace("\xa0", " ").strip()
            size = _text(cells[4]).replace(",", "").strip() if len(cells) > 4 else ""
            link = links[0]
            index.documents.append(FilingDocument(
                name=_text(link) or link.get("href").rsplit("/", 1)[-1],
                url=_document_href(link.get("href"), base), type=kind or None, sequence=sequence or None,
                description=description or None, size=int(size) if size.isdigit() else None))


def parse_filing_index_page(body: bytes, url: str = "") -> FilingIndex:
    """A filing's index: ``-index.html`` (documents with type, sequence and description; the form,
    dates and items of the filing) or ``index.json`` (the folder listing: names and sizes, the type
    guessed from the name for exhibits only)."""
    index = FilingIndex(url=url)
    head = body.lstrip()[:1]
    if head in (b"{", b"["):
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError) as e:
            index.errors.append(Errors.E086.format(source=SOURCE, url=url or "index.json", what="filing index.json",
                                                   detail=e))
            return index
        if isinstance(data, dict):
            _index_json(data, url, index)
        else:
            index.errors.append(Errors.E086.format(source=SOURCE, url=url or "index.json", what="filing index.json",
                                                   detail="it is not a JSON object"))
        return index
    if not body.strip():
        index.errors.append(Errors.E086.format(source=SOURCE, url=url or "index page", what="filing index",
                                               detail="the body is empty"))
        return index
    _index_html(body, url, index)
    return index


def parse_filing_index(body: bytes, url: str = "") -> list[FilingDocument]:
    """The documents of a filing's index (``-index.html`` or ``index.json``); see parse_filing_index_page."""
    return parse_filing_index_page(body, url).documents


def exhibits(documents: Iterable[FilingDocument], prefix: str = "EX-99") -> list[FilingDocument]:
    """The documents whose type is ``prefix`` or one of its sub-numbers (EX-99, EX-99.1, EX-99.2 ...)."""
    prefix = prefix.upper()
    return [d for d in documents if d.type and (d.type.upper() == prefix or d.type.upper().startswith(prefix + "."))]


def primary_document(documents: Iterable[FilingDocument], form: str | None = None) -> FilingDocument | None:
    """The filing's main document: sequence 1 (index pages), else the first document of the form's type."""
    documents = list(documents)
    for document in documents:
        if document.sequence == "1" and document.type and not document.type.upper().startswith("EX-"):
            return document
    for document in documents:
        if form and document.type and document.type.upper() == form.upper():
            return document
    return None
