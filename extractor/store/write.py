"""Writing records to the store: one transaction per batch, ids derived from content.

A document's rows in entities, events, event_arguments and sentiments are replaced whole when it is
written again, so re-running never duplicates rows and a changed pipeline leaves no stale rows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from ..inputs import Document
from ..record import is_failure
from .fts import segment

# In the order rows are inserted (parents first); deleted in reverse.
CHILD_TABLES = ("entities", "events", "event_mentions", "event_arguments", "sentiments")
COMPANY_ROLES = ("company", "issuer", "acquirer", "security")


def derived_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


def _json(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else None


def _flat(normalized: dict[str, Any] | None) -> dict[str, Any]:
    """The columns that make values queryable without JSON functions."""
    normalized = normalized or {}
    value = normalized.get("value")
    return {
        "value": value if isinstance(value, (int, float)) else None,
        "currency": normalized.get("currency"),
        "unit": normalized.get("per_unit") or normalized.get("unit"),
        "company_id": normalized.get("id"),  # only company entities carry an id
    }


def _document_row(document: Document, record: dict[str, Any], version: str) -> dict[str, Any]:
    sentiment = record.get("sentiment") or {}
    return {
        "id": document.id, "text": document.text, "title": document.title, "url": document.url,
        "source": document.source, "lang": record["lang"], "published_at": document.published_at,
        "fetched_at": document.fetched_at, "content_hash": document.content_hash, "encoding": document.encoding,
        "input": document.input, "sentiment_label": sentiment.get("label"),
        "sentiment_score": sentiment.get("score"), "errors": _json(record["errors"]),
        "error_count": sum(map(is_failure, record["errors"])), "extractor_version": version,
    }


def _child_rows(document_id: str, record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in CHILD_TABLES}
    for entity in record["entities"]:
        flat = _flat(entity["normalized"])
        date_value = entity["normalized"].get("value") if entity["label"] == "DATE" else None
        rows["entities"].append({
            "id": derived_id(document_id, entity["start"], entity["end"], entity["label"]),
            "document_id": document_id, "start": entity["start"], "end": entity["end"],
            "text": entity["text"], "label": entity["label"], "normalized": _json(entity["normalized"]),
            **flat, "value": None if date_value else flat["value"], "date_value": date_value,
        })
    for event in record["events"]:
        trigger = event["trigger"]
        # the arguments too: one trigger may tell several events ("A and B rose 2 % and 3 %, respectively")
        event_id = derived_id(document_id, event["type"], event["subtype"], trigger["start"], trigger["end"],
                              *(f"{a['role']}:{a['start']}" for a in event["arguments"]))
        company_ids = ((a.get("normalized") or {}).get("id") for a in event["arguments"]
                       if a["role"] in COMPANY_ROLES)
        company_id = next((c for c in company_ids if c), None)
        rows["events"].append({
            "id": event_id, "document_id": document_id, "type": event["type"],
            "subtype": event["subtype"], "trigger_text": trigger["text"],
            "trigger_start": trigger["start"], "trigger_end": trigger["end"],
            "sentence": event["sentence"], "date": event["date"], "polarity": event["polarity"],
            "modality": event["modality"], "confidence": event["confidence"], "company_id": company_id,
            "mention_count": len(event.get("mentions") or [event]),
        })
        for mention in event.get("mentions") or []:
            mention_trigger = mention["trigger"]
            rows["event_mentions"].append({
                "id": derived_id(event_id, mention_trigger["start"], mention_trigger["end"]),
                "event_id": event_id, "document_id": document_id, "sentence": mention["sentence"],
                "trigger_text": mention_trigger["text"], "trigger_start": mention_trigger["start"],
                "trigger_end": mention_trigger["end"],
            })
        for argument in event["arguments"]:
            rows["event_arguments"].append({
                "id": derived_id(event_id, argument["role"], argument["start"], argument["end"]),
                "event_id": event_id, "document_id": document_id, "role": argument["role"],
                "text": argument["text"], "start": argument["start"], "end": argument["end"],
                "normalized": _json(argument.get("normalized")), **_flat(argument.get("normalized")),
            })
    if record.get("sentiment"):
        rows["sentiments"].append({
            "id": derived_id(document_id, "document"), "document_id": document_id,
            "scope": "document", "sentence": None, "start": None, "end": None,
            **record["sentiment"],
        })
    for index, sentence in enumerate(record["sentences"]):
        rows["sentiments"].append({
            "id": derived_id(document_id, "sentence", sentence["start"], sentence["end"]),
            "document_id": document_id, "scope": "sentence", "sentence": index,
            "start": sentence["start"], "end": sentence["end"], **sentence["sentiment"],
        })
    for company in record.get("companies") or []:
        rows["sentiments"].append({
            "id": derived_id(document_id, "company", company.get("id") or company.get("ticker") or company["name"]),
            "document_id": document_id, "scope": "company", "sentence": None, "start": None, "end": None,
            "company_id": company.get("id"), "company_name": company["name"], **company["sentiment"],
        })
    return rows


def _replace_search_text(db: Database, document: Document, indexed: bool) -> None:
    rowid = db.execute("SELECT rowid FROM documents WHERE id = ?", [document.id]).fetchone()[0]
    db.execute("DELETE FROM documents_fts WHERE rowid = ?", [rowid])
    if indexed:
        db.execute("INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)",
                   [rowid, segment(document.title or ""), segment(document.text)])


def store_records(db: Database, pairs: Iterable[tuple[Document, dict[str, Any]]], *,
                  version: str) -> int:
    """Write (document, record) pairs in one transaction; ``version`` names the pipeline that made
    them. Returns how many were written."""
    count = 0
    with db.atomic():
        for document, record in pairs:
            db["documents"].upsert(_document_row(document, record, version), pk="id")
            for table in reversed(CHILD_TABLES):
                db.execute(f"DELETE FROM [{table}] WHERE document_id = ?", [document.id])
            for table, rows in _child_rows(document.id, record).items():
                if rows:
                    db[table].insert_all(rows, pk="id")
            _replace_search_text(db, document, indexed=document.processable)
            count += 1
    return count


def store_companies(db: Database, companies: Iterable[dict[str, Any]], version: str) -> bool:
    """Load the gazetteer's companies unless this version is already there; True if loaded."""
    meta = db["_extractor_meta"]
    if meta.count_where("key = 'companies_version' AND value = ?", [version]):
        return False
    rows = [{
        "id": c["id"], "name": c["name"], "name_zh": c.get("name_zh"),
        "short_name_zh": c.get("short_name_zh"), "ticker": c["ticker"], "exchange": c["exchange"],
        "country": c.get("country"), "status": c.get("status"),
        "aliases": _json(c.get("aliases_en", []) + c.get("aliases_zh", [])),
        "identifiers": _json(c.get("identifiers")),
    } for c in companies]
    with db.atomic():
        db["companies"].upsert_all(rows, pk="id")
        meta.upsert({"key": "companies_version", "value": version}, pk="key")
    return True
