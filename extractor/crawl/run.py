"""Crawl: sources -> fetcher -> documents -> pipeline -> store, once or on a schedule.

Two threads share the work. The fetch thread runs the asyncio loop: it polls each due source
(adapters.py), fetches the new items through the one Fetcher, and turns bodies into documents. The
calling thread extracts and stores them, and writes the crawl state, so SQLite has one writer. A
bounded queue between the two keeps memory flat when fetching outruns the pipeline.

A URL is remembered (``document_urls``) only once its document is stored, and a failed fetch is
remembered only as an error in ``crawl_state``: an interrupted or failed crawl loses nothing and the
next poll tries again. Documents are keyed by their content, so one story under many URLs is stored once.
"""

from __future__ import annotations

import asyncio
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..errors import Errors
from ..inputs import Document
from ..process import process_documents
from ..record import failed
from ..settings import DEFAULT_CONFIG, Config
from ..store.schema import open_db
from .adapters import Found, Poll, poll_source
from .fetch import Fetcher
from .sources import Source, Sources

QUEUE_SIZE = 64  # documents waiting for the pipeline; the fetch thread waits when it is full


@dataclass
class CrawlSummary:
    polls: int = 0  # sources polled
    unchanged_listings: int = 0  # listings that answered 304 Not Modified
    found: int = 0  # items the listings named
    known: int = 0  # items already stored under that URL, not fetched again
    fetched: int = 0
    stored: int = 0  # documents extracted and stored
    duplicates: int = 0  # fetched documents whose text was already stored
    failed: int = 0  # fetches that failed and documents stored with errors
    errors: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Stored:
    """A document for the pipeline, with the URLs it was found under."""

    document: Document
    source: str
    urls: tuple[str, ...]


_ROUND_END = object()  # every source due in a round has been polled
_DONE = object()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class _State:
    """What the fetch thread reads of the store: its own read-only connection (WAL lets it read
    while the calling thread writes)."""

    def __init__(self, db_path: str) -> None:
        uri = Path(db_path).resolve().as_uri() + "?mode=ro"
        self.connection = sqlite3.connect(uri, uri=True, check_same_thread=False)

    def known(self, url: str) -> bool:
        return self.connection.execute("SELECT 1 FROM document_urls WHERE url = ?", [url]).fetchone() is not None

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.connection.execute("SELECT etag, last_modified FROM crawl_state WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def high_water_mark(self, source: str) -> str | None:
        row = self.connection.execute("SELECT high_water_mark FROM sources WHERE id = ?", [source]).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self.connection.close()


def _register_sources(db: Database, sources: Sources) -> None:
    for source in sources.sources:
        db["sources"].upsert({"id": source.name, "name": source.name, "kind": source.kind,
                              "url": source.urls[0] if source.urls else None,
                              "config": repr(source)}, pk="id", alter=True)


def _write_poll(db: Database, poll: Poll, summary: CrawlSummary) -> None:
    """A finished poll's crawl state: validators and errors per URL, the source's high-water mark."""
    summary.polls += 1
    summary.unchanged_listings += poll.unchanged
    summary.found += poll.found
    summary.known += poll.known
    summary.fetched += poll.fetched
    now = _now()
    for response in poll.responses:
        row = {"url": response.url, "source_id": poll.source, "status": response.status, "error": response.error,
               "last_checked_at": now}
        if not response.error:
            row["attempts"] = 0  # failed attempts in a row: counted below
        if not response.not_modified:  # a 304 need not repeat the validators: the stored ones stay
            # a poll that left items behind asks for the whole listing next time
            keep = not poll.incomplete and not response.error
            row.update(etag=response.etag if keep else None, last_modified=response.last_modified if keep else None)
        db["crawl_state"].upsert(row, pk="url")
    for error in poll.errors:
        summary.failed += 1
        summary.errors.append(error)
        if error.get("url"):
            with db.conn:
                db.execute("UPDATE crawl_state SET attempts = coalesce(attempts, 0) + 1, error = ? WHERE url = ?",
                           [error["message"], error["url"]])
            db["crawl_state"].insert({"url": error["url"], "source_id": poll.source, "error": error["message"],
                                      "attempts": 1, "last_checked_at": now}, pk="url", ignore=True)
    update: dict[str, Any] = {"last_crawled_at": now}
    if poll.high_water_mark:
        update["high_water_mark"] = poll.high_water_mark
    db["sources"].update(poll.source, update)


def _fetch_thread(sources: Sources, due: Callable[[], list[Source]], db_path: str, out: queue.Queue,
                  stored: threading.Event, stop: threading.Event, errors: list[BaseException]) -> None:
    async def main() -> None:
        state = _State(db_path)
        fetcher = Fetcher(sources.policy)

        async def put(item: Any) -> None:
            await asyncio.to_thread(out.put, item)

        async def one(source: Source) -> None:
            async def found(item: Found, documents: list[Document]) -> None:
                for document in documents:
                    await put(_Stored(document, source.name, item.urls))

            try:
                poll = await poll_source(source, fetcher, state, found)
            except Exception as e:  # noqa: BLE001 - one source's surprise must not end the crawl
                poll = Poll(source.name, incomplete=True)
                poll.error(None, "E011", Errors.E011.format(input=f"source {source.name!r}", detail=repr(e)))
            await put(poll)

        async def round_of(chosen: list[Source]) -> None:
            task = asyncio.ensure_future(asyncio.gather(*(one(source) for source in chosen)))
            while not task.done():  # a stop (Ctrl-C, a failure in the pipeline) cancels the round
                await asyncio.wait({task}, timeout=0.2)
                if stop.is_set():
                    task.cancel()
            if not task.cancelled():
                task.result()
                stored.clear()
                await put(_ROUND_END)
                # the next round starts from what this one stored, so it fetches nothing twice
                while not stored.is_set() and not stop.is_set():
                    await asyncio.to_thread(stored.wait, 0.2)

        try:
            while not stop.is_set() and (chosen := due()) is not None:
                await round_of(chosen)
        finally:
            await fetcher.aclose()
            state.close()

    try:
        asyncio.run(main())
    except BaseException as e:  # noqa: B036 - handed to the calling thread, which re-raises it
        errors.append(e)
    finally:
        out.put(_DONE)


def _schedule(sources: Sources, watch: bool, stop: threading.Event, rounds: int | None) -> Callable[[], list[Source]]:
    """Which sources are due next: all of them once; in watch mode each again after its interval
    (sleeping until the first is due, waking early when stopped)."""
    next_due = {source.name: 0.0 for source in sources.sources}
    done_rounds = 0

    def due() -> list[Source] | None:
        nonlocal done_rounds
        if (not watch and done_rounds) or (rounds is not None and done_rounds >= rounds):
            return None
        wait = min(next_due.values()) - time.monotonic()
        if wait > 0 and stop.wait(wait):
            return None
        now = time.monotonic()
        chosen = [s for s in sources.sources if next_due[s.name] <= now]
        for source in chosen:
            next_due[source.name] = now + source.interval
        done_rounds += 1
        return chosen

    return due


def crawl(sources: Sources, *, db_path: str | Path, config: Config = DEFAULT_CONFIG, watch: bool = False,
          rounds: int | None = None, stop: threading.Event | None = None,
          on_record: Callable[[Document, dict[str, Any] | None], None] | None = None) -> CrawlSummary:
    """Poll every source once (or, with ``watch``, each on its interval until ``stop`` is set or
    ``rounds`` polls are done), and extract and store what is new into ``db_path``."""
    db_path = str(db_path)
    db = open_db(db_path)
    _register_sources(db, sources)
    stop = stop or threading.Event()
    out: queue.Queue = queue.Queue(maxsize=QUEUE_SIZE)
    thread_errors: list[BaseException] = []
    round_stored = threading.Event()  # set when a round's documents and crawl state are written
    thread = threading.Thread(target=_fetch_thread, name="extractor-crawl", daemon=True,
                              args=(sources, _schedule(sources, watch, stop, rounds), db_path, out, round_stored, stop,
                                    thread_errors))
    summary = CrawlSummary()
    pending: dict[str, _Stored] = {}

    def documents() -> Iterator[Document]:
        """One round's documents; the round ends at _ROUND_END (or _DONE), so what a round found is
        stored before the crawl waits for the next one."""
        while (item := out.get()) is not _ROUND_END and item is not _DONE:
            if isinstance(item, Poll):
                polls.append(item)  # its crawl state is written once the round's documents are stored
            elif item.document.id in pending:  # the same text under another URL, in this round
                pending[item.document.id].urls += item.urls
                summary.duplicates += 1
            else:
                pending[item.document.id] = item
                yield item.document
        finished.append(item is _DONE)

    def stored(document: Document, record: dict[str, Any] | None) -> None:
        item = pending.pop(document.id)
        if record is None:
            summary.duplicates += 1
        else:
            summary.stored += 1
            if failed(record):
                summary.failed += 1
                summary.errors += [e for e in record["errors"] if e["code"].startswith("E")]
        now = _now()
        db["document_urls"].insert_all(({"url": url, "document_id": document.id, "source_id": item.source,
                                         "first_seen_at": now} for url in item.urls), pk="url", ignore=True)
        with db.conn:  # committed at once: the fetch thread reads what is stored
            db.conn.executemany("UPDATE crawl_state SET error = NULL, attempts = 0 WHERE url = ?",
                                [(url,) for url in item.urls])
        if on_record:
            on_record(document, record)

    finished: list[bool] = []
    polls: list[Poll] = []
    thread.start()
    try:
        while not any(finished):
            process_documents(documents(), db, config=config, on_record=stored)
            for poll in polls:
                _write_poll(db, poll, summary)
            polls.clear()
            round_stored.set()
    finally:
        stop.set()
        # An interrupted round: its documents were not all stored, so its crawl state is not written
        # (the next crawl asks again); the fetch thread is let finish its puts and close its connections.
        while thread.is_alive():
            try:
                out.get(timeout=0.1)
            except queue.Empty:
                pass
        thread.join()
        db.close()
    if thread_errors:
        raise thread_errors[0]
    return summary
