"""One poll of one source: read its listing, pick the items not yet stored, fetch them, and turn each
body into documents.

Every kind of source lists *items* (a URL with what the listing says of it: title, date, the text a
feed carries). What differs between kinds is only how the listing is read (``_list_*``); fetching,
deduplication, the high-water mark and turning bodies into documents are shared.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from ..inputs import Document, failed_document, normalise_published_at, read_bytes
from ..parse.pdf import PdfError, pdf_to_text, sniff_document_kind
from . import cn_exchanges, sec_edgar
from .feeds import parse_feed
from .fetch import Fetcher, Request, Response
from .sitemaps import gunzip, parse_sitemap
from .sources import Source
from .urls import canonical_url

MAX_SITEMAPS = 50  # child sitemaps read from one sitemap index per poll
MAX_LISTING_PAGES = 20  # pages of a paged listing (SEC submissions, exchange APIs) read per poll
MAX_DOCUMENT_CHARS = 5_000_000


class StateReader(Protocol):
    def known(self, url: str) -> bool: ...
    def validators(self, url: str) -> tuple[str | None, str | None]: ...
    def high_water_mark(self, source: str) -> str | None: ...


@dataclass
class Found:
    """An item a listing names."""

    url: str
    title: str | None = None
    published_at: str | None = None
    text: str | None = None  # the feed's own text, for sources with content = "feed"
    urls: tuple[str, ...] = ()  # every URL it is known under (canonical first)


@dataclass
class Poll:
    """What one poll of one source did, for the crawl state and the summary."""

    source: str
    found: int = 0
    known: int = 0
    fetched: int = 0
    unchanged: int = 0
    responses: list[Response] = field(default_factory=list)  # listings fetched: their validators are kept
    errors: list[dict[str, Any]] = field(default_factory=list)
    high_water_mark: str | None = None
    incomplete: bool = False  # a listing failed, or items were left for later: no validators, no new mark

    def error(self, url: str | None, code: str, message: str) -> None:
        self.errors.append({"code": code, "message": message, "input": url or self.source, "line": None,
                            "url": url, "source": self.source})


OnFound = Callable[[Found, list[Document]], Awaitable[None]]


def _failure(source: Source, fetcher: Fetcher, response: Response) -> str:
    """Why a fetch failed, in words a user can act on: SEC's refusals say what SEC wants."""
    if source.kind.startswith("sec_") and response.status in (403, 429):
        return sec_edgar.sec_refusal(response.status, response.body, url=response.url,
                                     user_agent=fetcher.policy.user_agent) or response.error or ""
    return response.error or ""


async def _listing(source: Source, fetcher: Fetcher, state: StateReader, poll: Poll, request: Request | str, *,
                   conditional: bool = True) -> Response | None:
    """A listing's body, or None when it is unchanged since the last poll or could not be fetched."""
    request = request if isinstance(request, Request) else Request(request)
    if conditional:
        request.etag, request.last_modified = state.validators(request.url)
    response = await fetcher.fetch(request)
    poll.responses.append(response)
    if response.error:
        message = _failure(source, fetcher, response)
        poll.error(request.url, message[1:5], message)
        poll.incomplete = True
        return None
    if response.not_modified:
        poll.unchanged += 1
        return None
    return response


def _notes(poll: Poll, url: str, messages: list[str]) -> None:
    """A parser's coded notes on a listing (what it could not read), as the poll's errors."""
    for message in messages:
        poll.error(url, message[1:5], message)


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return normalise_published_at(value)
    except ValueError:
        return None


async def _list_feed(source: Source, fetcher: Fetcher, state: StateReader, poll: Poll) -> AsyncIterator[Found]:
    for url in source.urls:
        response = await _listing(source, fetcher, state, poll, url)
        if response is None:
            continue
        feed = parse_feed(response.body, url=response.final_url, headers=response.headers)
        _notes(poll, url, feed.errors)
        for item in feed.items:
            if item.url:
                yield Found(item.url, item.title, _date(item.published_at),
                            text=(item.content or item.summary) if source.content == "feed" else None)


async def _list_sitemap(source: Source, fetcher: Fetcher, state: StateReader, poll: Poll) -> AsyncIterator[Found]:
    to_read, read = list(source.urls), 0
    while to_read and read < MAX_SITEMAPS:
        url = to_read.pop(0)
        read += 1
        # not conditional: an index that answers 304 would hide the children that changed
        response = await _listing(source, fetcher, state, poll, url, conditional=False)
        if response is None:
            continue
        sitemap = parse_sitemap(response.body, url=response.final_url, max_bytes=fetcher.policy.max_bytes)
        _notes(poll, url, sitemap.errors)
        to_read += sitemap.sitemaps
        for entry in sitemap.entries:
            yield Found(entry.url, entry.news_title, _date(entry.news_published or entry.lastmod))


async def _list_pages(source: Source, fetcher: Fetcher, state: StateReader, poll: Poll) -> AsyncIterator[Found]:
    for url in source.urls:
        yield Found(url)


def _at(source: Source, url: str) -> str:
    """``url`` on the source's ``base_url`` host when it has one (a mirror, a test server)."""
    if not source.base_url:
        return url
    parts = urlsplit(url)
    return source.base_url + urlunsplit(("", "", parts.path, parts.query, ""))


def _filing(source: Source, ref: Any) -> Found:
    return Found(_at(source, sec_edgar.full_submission_url(ref.cik, ref.accession)),
                 f"{ref.company} {ref.form}".strip(), _date(ref.filed))


async def _list_sec_latest(source: Source, fetcher: Fetcher, state: StateReader, poll: Poll) -> AsyncIterator[Found]:
    for form in source.forms:
        response = await _listing(source, fetcher, state, poll, _at(source, sec_edgar.latest_filings_url(form)),
                                  conditional=False)
        if response is None:
            continue
        refs = sec_edgar.parse_latest_filings(response.body, url=response.url)
        _notes(poll, response.url, refs.errors)
        for ref in refs:
            if ref.form.upper() in source.forms and ref.cik and ref.accession:
                yield _filing(source, ref)


def _floor(source: Source, state: StateReader) -> str:
    """The day before which a paged listing need not be read: the later of ``since`` and the mark."""
    return max(filter(None, [source.since, (state.high_water_mark(source.name) or "")[:10]]), default="")


async def _list_sec_company(source: Source, fetcher: Fetcher, state: StateReader, poll: Poll) -> AsyncIterator[Found]:
    floor = _floor(source, state)
    for cik in source.codes:
        pages, read = [_at(source, sec_edgar.submissions_url(cik))], 0
        while pages and read < MAX_LISTING_PAGES:
            response = await _listing(source, fetcher, state, poll, pages.pop(0), conditional=read == 0)
            read += 1
            if response is None:
                break
            listing = sec_edgar.parse_submissions(response.body, url=response.final_url, cik=cik)
            _notes(poll, response.url, listing.errors)
            refs, more = listing
            for ref in refs:
                if ref.form.upper() in source.forms and (ref.filed or "") >= floor:
                    yield _filing(source, ref)
            # older filings sit in further files: read them only when they may hold filings after the floor
            if floor and refs and min(ref.filed or "" for ref in refs) > floor:
                pages += [_at(source, url) for url in more]


async def _list_exchange(source: Source, fetcher: Fetcher, state: StateReader, poll: Poll) -> AsyncIterator[Found]:
    floor = _floor(source, state)
    adapter = cn_exchanges.ADAPTERS[source.kind]
    context = None
    if hasattr(adapter, "prepare"):  # cninfo: the code -> orgId list
        context = await adapter.prepare(fetcher, poll, _at(source, cn_exchanges.CNINFO_STOCK_LIST_URL))
    for code in source.codes:
        for page in range(1, MAX_LISTING_PAGES + 1):
            spec = adapter.request(code, page=page, since=floor or None, context=context)
            spec.url = _at(source, spec.url)
            response = await _listing(source, fetcher, state, poll, spec, conditional=False)
            if response is None:
                break
            listing = adapter.parse(response.body, url=response.url)
            _notes(poll, response.url, listing.errors)
            for item in listing.announcements:
                if (item.published_at or "")[:10] >= floor:
                    yield Found(_at(source, item.url), item.title, _date(item.published_at))
            oldest = min((a.published_at or "" for a in listing.announcements), default="")
            if page >= listing.pages or not listing.announcements or (floor and oldest[:10] < floor):
                break


LISTERS = {
    "feed": _list_feed, "sitemap": _list_sitemap, "pages": _list_pages, "sec_latest": _list_sec_latest,
    "sec_company": _list_sec_company, "cninfo": _list_exchange, "sse": _list_exchange, "szse": _list_exchange,
}


def documents_from(found: Found, response: Response, source: Source, max_bytes: int) -> list[Document]:
    """The documents a fetched body holds (one, or a record of why it holds none)."""
    name, body = found.url, response.body
    if body[:2] == b"\x1f\x8b":  # a gzip file (not a Content-Encoding): unpacked under the same cap
        try:
            body, problem = gunzip(body, max_bytes=max_bytes)
        except ValueError as e:
            return [_stamped(failed_document(name, "E078", str(e)), found, response, source)]
        if problem:
            return [_stamped(failed_document(name, "E072", f"{name}: {problem}"), found, response, source)]
    kind = sniff_document_kind(body, response.headers.get("content-type"), response.final_url)
    if kind == "pdf":
        try:
            text = pdf_to_text(body, name=name)
        except PdfError as e:
            documents = [failed_document(name, e.code, str(e))]
        else:
            documents = list(read_bytes(text.encode("utf-8"), name, kind="text", encoding="utf-8",
                                        max_document_chars=MAX_DOCUMENT_CHARS))
    else:
        # html or text, never jsonl: a fetched body is one document, and its ids are never taken from it
        documents = list(read_bytes(body, name.removesuffix(".gz"), kind="html" if kind == "html" else "text",
                                    content_type=response.headers.get("content-type"),
                                    max_document_chars=MAX_DOCUMENT_CHARS))
    return [_stamped(document, found, response, source) for document in documents]


def _stamped(document: Document, found: Found, response: Response, source: Source) -> Document:
    """What the listing and the fetch know of a document: URL, title, date, source, language, fetch time."""
    document.url = found.urls[0] if found.urls else found.url
    document.title = document.title or found.title
    document.published_at = document.published_at or found.published_at
    document.source = source.name
    document.lang = document.lang or source.lang
    document.fetched_at = response.fetched_at
    return document


def _feed_document(found: Found, source: Source) -> list[Document]:
    documents = list(read_bytes((found.text or "").encode("utf-8"), found.url, kind="text", encoding="utf-8",
                                max_document_chars=MAX_DOCUMENT_CHARS))
    for document in documents:
        document.url, document.title, document.source = found.urls[0], found.title, source.name
        document.published_at, document.lang = found.published_at, source.lang
    return documents


async def poll_source(source: Source, fetcher: Fetcher, state: StateReader, on_found: OnFound) -> Poll:
    """Poll ``source`` once; hand each new item's documents to ``on_found``."""
    poll = Poll(source.name)
    new: dict[str, Found] = {}
    dates: list[str] = []
    async for found in LISTERS[source.kind](source, fetcher, state, poll):
        poll.found += 1
        try:
            url = canonical_url(found.url)
        except ValueError as e:  # a listing's bad link is the listing's problem, not the crawl's
            poll.error(found.url, str(e)[1:5], str(e))
            continue
        if found.published_at:
            dates.append(found.published_at)
        if state.known(url) or url in new:
            poll.known += 1
            continue
        found.urls = tuple(dict.fromkeys([url, found.url]))
        new[url] = found
    if source.since:
        new = {u: f for u, f in new.items() if (f.published_at or "9999")[:10] >= source.since}
    newest_first = sorted(new.values(), key=lambda f: f.published_at or "", reverse=True)
    chosen, later = newest_first[:source.max_items], newest_first[source.max_items:]
    # the mark never passes an item left for later or whose fetch failed: a paged listing reaches it again
    failed_dates: list[str] = [f.published_at or "" for f in later]
    poll.incomplete |= bool(later)
    if source.content == "feed" and source.kind == "feed":
        for found in chosen:
            await on_found(found, _feed_document(found, source))
    else:
        by_url = {found.url: found for found in chosen}
        async for response in fetcher.fetch_all(Request(found.url) for found in chosen):
            found = by_url[response.url]
            if response.error:
                message = _failure(source, fetcher, response)
                poll.error(found.url, message[1:5], message)
                failed_dates.append(found.published_at or "")
                poll.incomplete = True
                continue
            poll.fetched += 1
            # text extraction (a long PDF takes seconds) off the event loop, so other fetches keep their pace
            documents = await asyncio.to_thread(documents_from, found, response, source, fetcher.policy.max_bytes)
            await on_found(found, documents)
    now = datetime.now(timezone.utc).isoformat()
    if failed_dates:
        poll.high_water_mark = min(failed_dates) or None
    elif not poll.incomplete:  # a listing that failed may hide older items: the mark stays
        poll.high_water_mark = min(max(dates, default=""), now) or None
    return poll
