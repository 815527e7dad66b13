"""Tables, indexes, full-text search and views, created and evolved by migrations.

Ids are derived from content, so writing the same records twice leaves the same rows.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ..errors import Errors, StoreError

MIGRATIONS = Migrations("extractor")

EVENTS_FLAT = """
SELECT e.id AS event_id, e.document_id, d.published_at, d.title, d.url, d.source, d.lang,
       e.type, e.subtype, e.trigger_text, e.date, e.polarity, e.modality, e.confidence, e.mention_count,
       e.company_id, c.name AS company_name, c.ticker, c.exchange,
       (SELECT json_group_object(a.role, a.text) FROM event_arguments a WHERE a.event_id = e.id)
           AS arguments,
       (SELECT a.value FROM event_arguments a WHERE a.event_id = e.id
            AND a.role IN ('amount', 'price') ORDER BY a.role LIMIT 1) AS amount,
       (SELECT a.currency FROM event_arguments a WHERE a.event_id = e.id
            AND a.role IN ('amount', 'price') ORDER BY a.role LIMIT 1) AS currency,
       (SELECT a.value FROM event_arguments a WHERE a.event_id = e.id AND a.role = 'change' LIMIT 1)
           AS change
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN companies c ON c.id = e.company_id
"""

EVENT_ARGUMENTS_FLAT = """
SELECT a.id AS argument_id, a.event_id, e.document_id, d.published_at, e.type, e.subtype,
       e.modality, a.role, a.text, a.value, a.currency, a.unit, a.company_id,
       c.name AS company_name, c.ticker, c.exchange, a.normalized
FROM event_arguments a
JOIN events e ON e.id = a.event_id
JOIN documents d ON d.id = e.document_id
LEFT JOIN companies c ON c.id = a.company_id
"""

COMPANY_DAILY_SIGNALS = """
WITH mentions AS (
    SELECT DISTINCT company_id, document_id FROM entities WHERE company_id IS NOT NULL
),
daily_events AS (
    SELECT ev.company_id, date(d.published_at) AS day, count(*) AS events
    FROM events ev JOIN documents d ON d.id = ev.document_id
    WHERE ev.company_id IS NOT NULL AND d.published_at IS NOT NULL
    GROUP BY ev.company_id, day
)
SELECT m.company_id, c.ticker, c.exchange, c.name, date(d.published_at) AS day,
       count(*) AS documents, round(avg(coalesce(s.score, d.sentiment_score)), 4) AS mean_sentiment,
       coalesce(de.events, 0) AS events
FROM mentions m
JOIN documents d ON d.id = m.document_id
LEFT JOIN sentiments s ON s.document_id = m.document_id AND s.scope = 'company' AND s.company_id = m.company_id
LEFT JOIN companies c ON c.id = m.company_id
LEFT JOIN daily_events de ON de.company_id = m.company_id AND de.day = date(d.published_at)
WHERE d.published_at IS NOT NULL
GROUP BY m.company_id, day
"""


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    db["companies"].create({
        "id": str, "name": str, "name_zh": str, "short_name_zh": str, "ticker": str,
        "exchange": str, "country": str, "status": str, "aliases": str, "identifiers": str,
    }, pk="id")
    db["documents"].create({
        "id": str, "text": str, "title": str, "url": str, "source": str, "lang": str,
        "published_at": str, "fetched_at": str, "content_hash": str, "encoding": str, "input": str,
        "sentiment_label": str, "sentiment_score": float, "errors": str, "error_count": int,
        "extractor_version": str,
    }, pk="id")
    db["entities"].create({
        "id": str, "document_id": str, "start": int, "end": int, "text": str, "label": str,
        "normalized": str, "value": float, "currency": str, "unit": str, "company_id": str,
        "date_value": str,
    }, pk="id", foreign_keys=[("document_id", "documents", "id"), ("company_id", "companies", "id")])
    db["events"].create({
        "id": str, "document_id": str, "type": str, "subtype": str, "trigger_text": str,
        "trigger_start": int, "trigger_end": int, "sentence": int, "date": str, "polarity": str,
        "modality": str, "confidence": float, "company_id": str,
    }, pk="id", foreign_keys=[("document_id", "documents", "id"), ("company_id", "companies", "id")])
    db["event_arguments"].create({
        "id": str, "event_id": str, "document_id": str, "role": str, "text": str, "start": int,
        "end": int, "normalized": str, "value": float, "currency": str, "unit": str,
        "company_id": str,
    }, pk="id", foreign_keys=[("event_id", "events", "id"), ("document_id", "documents", "id"),
                              ("company_id", "companies", "id")])
    db["sentiments"].create({
        "id": str, "document_id": str, "scope": str, "sentence": int, "start": int, "end": int,
        "label": str, "score": float,
    }, pk="id", foreign_keys=[("document_id", "documents", "id")])
    db["sources"].create({"id": str, "name": str, "kind": str, "url": str, "config": str}, pk="id")
    db["crawl_state"].create({
        "url": str, "source_id": str, "etag": str, "last_modified": str, "high_water_mark": str,
        "last_checked_at": str,
    }, pk="url", foreign_keys=[("source_id", "sources", "id")])
    db["_extractor_meta"].create({"key": str, "value": str}, pk="key")
    for table, columns in [("entities", ["document_id"]), ("entities", ["label"]),
                           ("entities", ["company_id"]), ("events", ["document_id"]),
                           ("events", ["type"]), ("events", ["company_id"]),
                           ("event_arguments", ["event_id"]), ("event_arguments", ["document_id"]),
                           ("sentiments", ["document_id"]), ("documents", ["published_at"])]:
        db[table].create_index(columns)
    # Its own copy of the (segmented) text: see store/fts.py. rowid = documents.rowid.
    db.execute("CREATE VIRTUAL TABLE documents_fts USING fts5("
               "title, body, tokenize = 'unicode61 remove_diacritics 2')")
    db.create_view("events_flat", EVENTS_FLAT)
    db.create_view("event_arguments_flat", EVENT_ARGUMENTS_FLAT)
    db.create_view("company_daily_signals", COMPANY_DAILY_SIGNALS)


@MIGRATIONS()
def m002_event_mentions(db: Database) -> None:
    """An event told in several sentences is one row in events, with each telling in event_mentions."""
    db["event_mentions"].create({
        "id": str, "event_id": str, "document_id": str, "sentence": int, "trigger_text": str,
        "trigger_start": int, "trigger_end": int,
    }, pk="id", foreign_keys=[("event_id", "events", "id"), ("document_id", "documents", "id")])
    db["event_mentions"].create_index(["event_id"])
    db["event_mentions"].create_index(["document_id"])
    db["events"].add_column("mention_count", int)
    db.execute("UPDATE events SET mention_count = 1")
    db.create_view("events_flat", EVENTS_FLAT, replace=True)


@MIGRATIONS()
def m003_company_sentiment(db: Database) -> None:
    """Each company's sentiment in a document (scope 'company'); the daily signals read it."""
    db["sentiments"].add_column("company_id", str)
    db["sentiments"].add_column("company_name", str)
    db["sentiments"].create_index(["company_id"])
    db.create_view("company_daily_signals", COMPANY_DAILY_SIGNALS, replace=True)


def open_db(path: str) -> Database:
    """The store at ``path``, created or migrated to the current schema, in WAL mode."""
    try:
        db = Database(path)
        db.enable_wal()
        db.execute("PRAGMA foreign_keys = ON")
        MIGRATIONS.apply(db)
    except sqlite3.DatabaseError as e:
        raise StoreError(Errors.E044.format(path=path, detail=e)) from e
    return db


@MIGRATIONS()
def m004_crawl(db: Database) -> None:
    """The crawler's memory: every URL a document was found under (a story under many URLs is one
    document), each source's high-water mark, and per URL the last fetch's outcome."""
    db["document_urls"].create({
        "url": str, "document_id": str, "source_id": str, "first_seen_at": str,
    }, pk="url", foreign_keys=[("document_id", "documents", "id"), ("source_id", "sources", "id")])
    db["document_urls"].create_index(["document_id"])
    db["sources"].add_column("high_water_mark", str)
    db["sources"].add_column("last_crawled_at", str)
    for column, kind in (("status", int), ("error", str), ("attempts", int)):
        db["crawl_state"].add_column(column, kind)

