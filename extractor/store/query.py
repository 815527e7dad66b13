"""Read-only SQL over the store, as ``extractor sql`` runs it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..errors import Errors, StoreError

# PRAGMAs that take an argument and still only read.
_READING_PRAGMAS = {"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo",
                    "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check"}


def _authorize(action: int, arg1: str | None, arg2: str | None, db: str | None,
               source: str | None) -> int:
    """Refuse what mode=ro does not: attaching other files and setting PRAGMAs."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg2 is not None and (arg1 or "").lower() not in _READING_PRAGMAS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    if not Path(path).exists():
        raise StoreError(Errors.E040.format(path=path))
    conn = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True)
    conn.execute("PRAGMA query_only = ON")  # and mode=ro: no statement can write
    conn.set_authorizer(_authorize)
    return conn


def query(path: str | Path, sql: str, params: dict[str, Any] | list[Any] | None = None
          ) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of ``sql``, run on a read-only connection; writes raise StoreError."""
    conn = connect_read_only(path)
    try:
        cursor = conn.execute(sql, params or [])
        columns = [d[0] for d in cursor.description or []]
        return columns, cursor.fetchall()
    except sqlite3.DatabaseError as e:
        message = str(e)
        if "readonly" in message or "not authorized" in message or "authorization denied" in message:
            raise StoreError(Errors.E041.format(detail=message)) from e
        raise StoreError(Errors.E042.format(detail=message)) from e
    finally:
        conn.close()
