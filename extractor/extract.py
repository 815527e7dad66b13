"""Documents in, extraction records out (Contract 1), with no database.

Documents go through spaCy in batches, one pipeline per language, loaded once per process. A
document that fails is retried alone so that only it gets an error record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors
from .inputs import Document, read_documents
from .nlp.pipeline import detect_lang, load_pipeline, make_doc
from .record import build_record
from .settings import DEFAULT_CONFIG, Config


def _published_date(document: Document) -> date | None:
    return datetime.fromisoformat(document.published_at).date() if document.published_at else None


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _doc(nlp: Language, document: Document) -> Doc:
    return make_doc(nlp, document.text, _published_date(document), document.title)


def _one(nlp: Language, document: Document) -> Doc | Exception:
    try:
        return nlp(_doc(nlp, document))
    except Exception as e:  # noqa: BLE001 - becomes the document's error record
        return e


def _run(documents: list[Document], config: Config) -> dict[int, Doc | Exception]:
    """Process documents of one language in a batch; if the batch fails, each document is run
    again alone, from a fresh Doc, so that only the one at fault gets an error record."""
    lang = documents[0].lang or config.default_lang
    nlp = load_pipeline(lang, en_model=config.en_model, models_dir=config.models_path.resolve(),
                        companies_file=config.companies_path, event_type_model=config.event_type_model,
                        sentiment=(config.sentiment_model, config.sentiment_labels, config.sentiment_batch_size,
                                   config.sentiment_max_tokens))
    nlp.max_length = max(nlp.max_length, config.max_document_chars)  # the setting is the limit
    try:
        made = [_doc(nlp, d) for d in documents]
        return dict(enumerate(nlp.pipe(made, batch_size=config.batch_size)))
    except Exception:  # noqa: BLE001 - retried one by one to find the document at fault
        return {i: _one(nlp, document) for i, document in enumerate(documents)}


def extract_documents(documents: Iterable[Document], *, config: Config = DEFAULT_CONFIG,
                      include_text: bool = False) -> Iterator[tuple[Document, dict[str, Any]]]:
    """(document, record) pairs, in input order."""
    for batch in _batches(documents, config.batch_size):
        docs: dict[int, Doc | Exception] = {}
        for document in batch:
            if document.processable and document.lang is None:
                document.lang = detect_lang(document.text, config.default_lang)
        for lang in sorted({d.lang for d in batch if d.processable}):
            indices = [i for i, d in enumerate(batch) if d.processable and d.lang == lang]
            results = _run([batch[i] for i in indices], config)
            docs.update({indices[k]: result for k, result in results.items()})
        for i, document in enumerate(batch):
            result = docs.get(i)
            if isinstance(result, Exception):
                document.add_error("E011", Errors.E011.format(input=document.input, detail=repr(result)))
                result = None
            yield document, build_record(document, result, include_text=include_text)


def extract(inputs: Iterable[str | Path], *, config: Config = DEFAULT_CONFIG, encoding: str | None = None,
            include_text: bool = False) -> Iterator[dict[str, Any]]:
    """Records for the documents in files, directories or ``-`` (stdin)."""
    documents = read_documents(inputs, encoding=encoding, max_document_chars=config.max_document_chars)
    for _, record in extract_documents(documents, config=config, include_text=include_text):
        yield record
