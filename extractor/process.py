"""Read, extract and store: documents from files into the SQLite store (Contract 2).

Documents already stored with the same content by the same pipeline version are skipped, so an
interrupted run resumes where it stopped and a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import spacy
from sqlite_utils import Database

from . import __version__
from .extract import extract_documents
from .inputs import Document, read_documents
from .nlp.gazetteer import Gazetteer, load_gazetteer
from .nlp.pipeline import resolve_en_model
from .record import failed
from .settings import DEFAULT_CONFIG, Config
from .store.schema import open_db
from .store.write import store_companies, store_records

# Called for each document once it is stored (with its record) or skipped as unchanged (with None).
OnRecord = Callable[[Document, dict[str, Any] | None], None]


@dataclass
class ProcessSummary:
    read: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    entities: int = 0
    events: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def _gazetteer(config: Config) -> Gazetteer:
    return load_gazetteer(config.models_path.resolve(), config.companies_path)


def pipeline_version(config: Config) -> str:
    """The code, English model and gazetteer versions: a stored document made by another
    pipeline is redone."""
    model = resolve_en_model(config.en_model)
    if spacy.util.is_package(model):
        model += "-" + spacy.util.get_package_version(model)
    return f"{__version__}+{model}+{_gazetteer(config).version}"


def _unchanged(db: Database, document: Document, version: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM documents WHERE id = ? AND content_hash = ? AND extractor_version = ? "
        "AND error_count = 0", [document.id, document.content_hash, version]).fetchone()
    return row is not None


def process(inputs: Iterable[str | Path], *, db_path: str | Path, config: Config = DEFAULT_CONFIG,
            encoding: str | None = None, reprocess: bool = False,
            on_record: OnRecord | None = None) -> ProcessSummary:
    """Process files, directories or ``-`` into the store at ``db_path``."""
    db = open_db(str(db_path))
    documents = read_documents(inputs, encoding=encoding, max_document_chars=config.max_document_chars)
    summary = process_documents(documents, db, config=config, reprocess=reprocess, on_record=on_record)
    db.close()
    return summary


def process_documents(documents: Iterable[Document], db: Database, *, config: Config = DEFAULT_CONFIG,
                      reprocess: bool = False, on_record: OnRecord | None = None) -> ProcessSummary:
    """Extract and store documents already read (from files, or from the crawler) into ``db``."""
    gazetteer = _gazetteer(config)
    store_companies(db, gazetteer.companies(), gazetteer.version)
    version = pipeline_version(config)
    summary = ProcessSummary()

    def to_process() -> Iterator[Document]:
        for document in documents:
            summary.read += 1
            if not reprocess and _unchanged(db, document, version):
                summary.skipped += 1
                if on_record:
                    on_record(document, None)
                continue
            yield document

    pairs = extract_documents(to_process(), config=config)
    while batch := list(islice(pairs, config.batch_size)):
        store_records(db, batch, version=version)
        for document, record in batch:
            summary.processed += 1
            summary.entities += len(record["entities"])
            summary.events += len(record["events"])
            summary.errors += record["errors"]
            if failed(record):
                summary.failed += 1
            if on_record:
                on_record(document, record)
    return summary
