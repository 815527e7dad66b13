"""Contract 2: the SQLite store, on real database files."""

import sqlite3

import pytest
from sqlite_utils import Database

from extractor import open_db, process, query
from extractor.store.fts import match_expression
from extractor.store.schema import MIGRATIONS

from .conftest import SAMPLE

TABLES = ("documents", "entities", "events", "event_mentions", "event_arguments", "sentiments", "companies",
          "sources", "crawl_state")


def _counts(db_path) -> dict[str, int]:
    conn = sqlite3.connect(db_path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "sample.db"
    summary = process([SAMPLE], db_path=path)
    assert summary.failed == 0 and summary.processed == summary.read >= 30
    return path


def test_store_tables_wal_and_migrations(sample_db):
    db = open_db(str(sample_db))
    assert set(TABLES) <= set(db.table_names())
    assert {"events_flat", "event_arguments_flat", "company_daily_signals"} <= set(db.view_names())
    assert db.journal_mode == "wal"
    applied = [row["name"] for row in db["_sqlite_migrations"].rows]
    assert applied == ["m001_initial", "m002_event_mentions", "m003_company_sentiment", "m004_crawl"]
    assert db["companies"].count > 15000


def test_store_is_idempotent(sample_db):
    before = _counts(sample_db)
    again = process([SAMPLE], db_path=sample_db)
    assert again.skipped == again.read and again.processed == 0
    assert _counts(sample_db) == before
    redone = process([SAMPLE], db_path=sample_db, reprocess=True)
    assert redone.processed == redone.read
    assert _counts(sample_db) == before


@pytest.mark.parametrize("words,expected_lang", [("稀土", "zh"), ("北方稀土", "zh"), ("融资余额", "zh"),
                                                 ("lithium", "en"), ("copper", "en")])
def test_store_full_text_search_in_chinese_and_english(sample_db, words, expected_lang):
    _, rows = query(sample_db, "SELECT d.lang FROM documents_fts JOIN documents d "
                               "ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?",
                    [match_expression(words)])
    assert rows and expected_lang in {lang for (lang,) in rows}


def test_store_views_flatten_events_and_signals(sample_db):
    columns, rows = query(sample_db, "SELECT type, ticker, arguments, amount, currency FROM events_flat "
                                     "WHERE type = 'financing' AND amount IS NOT NULL")
    assert rows and all(row[2].startswith("{") for row in rows)
    _, signals = query(sample_db, "SELECT company_id, day, documents, events FROM company_daily_signals")
    assert signals and all(day and documents >= 1 for _, day, documents, _ in signals)


def test_store_changed_document_replaces_its_rows(tmp_path, write_jsonl):
    db = tmp_path / "changed.db"
    first = write_jsonl([{"id": "d1", "text": "Copper rose 3 % to $9,850 a tonne on Monday."}], "a.jsonl")
    process([first], db_path=db)
    second = write_jsonl([{"id": "d1", "text": "Nothing happened today."}], "b.jsonl")
    process([second], db_path=db)
    _, rows = query(db, "SELECT count(*) FROM events WHERE document_id = 'd1'")
    assert rows == [(0,)]
    _, rows = query(db, "SELECT text FROM documents WHERE id = 'd1'")
    assert rows == [("Nothing happened today.",)]


def test_store_bad_batch_loses_nothing(tmp_path, write_jsonl):
    db = tmp_path / "kept.db"
    good = write_jsonl([{"id": "g1", "text": "Zijin Mining raised 2.5 billion yuan through a private placement."}],
                       "good.jsonl")
    process([good], db_path=db)
    before = _counts(db)
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    (bad_dir / "empty.txt").write_bytes(b"")
    (bad_dir / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (bad_dir / "lines.jsonl").write_text('{"id": "g2", "text": "Gold fell 2 pct."}\n{broken\n', encoding="utf-8")
    summary = process([bad_dir], db_path=db)
    assert summary.failed == 3 and summary.processed == 4
    assert {e["code"] for e in summary.errors} == {"E001", "E002", "E003"}
    after = _counts(db)
    assert after["documents"] == before["documents"] + 4
    _, kept = query(db, "SELECT (SELECT count(*) FROM entities WHERE document_id = 'g1'), "
                        "(SELECT count(*) FROM events WHERE document_id = 'g1')")
    assert kept[0] == (before["entities"], before["events"]) and kept[0][1] >= 1
    _, rows = query(db, "SELECT id, error_count FROM documents ORDER BY id")
    assert ("g1", 0) in rows and ("g2", 0) in rows and sum(count for _, count in rows) == 3


def test_store_an_older_store_migrates_and_keeps_its_events(tmp_path, write_jsonl):
    path = tmp_path / "old.db"
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="m002_event_mentions")
    db["documents"].insert({"id": "d1", "text": "x"})
    db["events"].insert({"id": "e1", "document_id": "d1", "type": "deal", "sentence": 0})
    db.close()
    migrated = open_db(str(path))
    assert migrated["events"].get("e1")["mention_count"] == 1
    assert "event_mentions" in migrated.table_names()
    assert list(migrated.query("SELECT mention_count FROM events_flat")) == [{"mention_count": 1}]


def test_store_an_event_told_twice_is_one_row_with_two_mentions(sample_db):
    db = open_db(str(sample_db))
    rows = list(db.query("SELECT e.id, e.mention_count, count(m.id) AS n FROM events e "
                         "JOIN event_mentions m ON m.event_id = e.id GROUP BY e.id"))
    assert rows and all(row["mention_count"] == row["n"] for row in rows)
    assert any(row["n"] >= 2 for row in rows)


def test_store_each_company_has_its_sentiment_and_the_signals_read_it(sample_db):
    db = open_db(str(sample_db))
    rows = list(db.query("SELECT s.company_id, s.company_name, s.label, s.score FROM sentiments s "
                         "WHERE s.scope = 'company' AND s.company_id IS NOT NULL"))
    assert rows and all(row["label"] in ("positive", "negative", "neutral") and -1 <= row["score"] <= 1
                        for row in rows)
    signal = next(db.query(
        "SELECT g.mean_sentiment, s.score FROM company_daily_signals g JOIN sentiments s "
        "ON s.company_id = g.company_id AND s.scope = 'company' JOIN documents d ON d.id = s.document_id "
        "WHERE g.documents = 1 AND date(d.published_at) = g.day LIMIT 1"))
    assert signal["mean_sentiment"] == pytest.approx(signal["score"], abs=1e-4)
