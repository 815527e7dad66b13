"""Read documents from files, directories, gzip archives and stdin (Contract 1 inputs).

Every input yields :class:`Document` objects; an input that cannot be read yields a document whose
``errors`` say why, so a batch never stops on one bad file or line.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import Errors
from .parse.encoding import decode_document
from .parse.html import parse_html
from .parse.sec import SecError, html_8k_fields, is_8k_html, is_submission, submission_fields

LANGUAGES = ("en", "zh")
STDIN = "-"
_SUFFIX_KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".html": "html", ".htm": "html",
                 ".xhtml": "html", ".txt": "text", ".text": "text", ".md": "text"}
_STRING_FIELDS = ("title", "url", "published_at", "lang", "source", "text", "html")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass
class Document:
    """One document on its way through the pipeline; ``input`` says where it came from."""

    id: str
    text: str
    input_name: str
    line: int | None = None
    title: str | None = None
    url: str | None = None
    published_at: str | None = None
    lang: str | None = None
    source: str | None = None
    encoding: str | None = None
    fetched_at: str | None = None  # when the crawler fetched it
    errors: list[dict[str, Any]] = field(default_factory=list)
    processable: bool = True

    @cached_property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def input(self) -> str:
        """Where the document came from: ``path`` or ``path:line``."""
        return f"{self.input_name}:{self.line}" if self.line is not None else self.input_name

    def add_error(self, code: str, message: str) -> None:
        self.errors.append({"code": code, "message": message, "input": self.input_name,
                            "line": self.line})


def failed_document(name: str, code: str, message: str, *, raw: bytes = b"", line: int | None = None) -> Document:
    """A document that stands for input that could not be read; its id comes from where and what."""
    doc = Document(id="", text=raw.decode("utf-8", errors="replace"), input_name=name, line=line,
                   processable=False)
    doc.id = "error-" + hashlib.sha256(f"{doc.input}\0".encode() + raw).hexdigest()[:16]
    doc.add_error(code, message)
    return doc


def normalise_published_at(value: str) -> str:
    """ISO 8601 date or date-time to an aware ISO date-time string (naive values are UTC)."""
    moment = datetime.fromisoformat(value.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.isoformat()


def _binary_reason(data: bytes) -> str | None:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte-order mark
    if b"\0" in head:
        return "it contains NUL bytes"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > len(head) * 0.1:
        return f"{controls} control bytes in its first {len(head)}"
    return None


def _sniff_kind(text: str) -> str:
    start = text.lstrip()[:1]
    return "jsonl" if start == "{" else "html" if start == "<" else "text"


def _kind_of(name: str) -> str | None:
    """The kind a file name says; None for unknown names, whose content decides."""
    return _SUFFIX_KINDS.get(Path(name).suffix.lower())


def _make_document(fields: dict[str, Any], input_name: str, *, line: int | None,
                   encoding: str, max_document_chars: int) -> Document:
    text = _LONE_SURROGATE.sub("\ufffd", fields.get("text") or "")
    page = parse_html(fields["html"]) if not text and fields.get("html") else None
    if page is not None:
        text = page.text
    doc = Document(
        id="",
        text=text,
        input_name=input_name,
        line=line,
        title=fields.get("title") or (page.title if page else None),
        url=fields.get("url"),
        source=fields.get("source"),
        encoding=encoding,
    )
    given_id = fields.get("id")
    if given_id is not None and given_id != "":
        doc.id = str(given_id)
    elif text.strip():
        doc.id = f"doc-{doc.content_hash[:16]}"
    else:  # no text to derive an id from: where it came from tells empty documents apart
        doc.id = "error-" + hashlib.sha256(doc.input.encode()).hexdigest()[:16]
    published = fields.get("published_at") or (page.published_at if page else None)
    if published:
        try:
            doc.published_at = normalise_published_at(published)
        except ValueError:
            doc.add_error("E007", Errors.E007.format(input=doc.input, value=published))
    lang = fields.get("lang")
    if lang in LANGUAGES:
        doc.lang = lang
    elif lang:
        doc.add_error("E008", Errors.E008.format(input=doc.input, value=lang,
                                                 supported=", ".join(LANGUAGES)))
    if not text.strip():
        doc.processable = False
        doc.add_error("E005", Errors.E005.format(input=doc.input))
    elif len(text) > max_document_chars:
        doc.processable = False
        doc.add_error("E006", Errors.E006.format(input=doc.input, size=len(text),
                                                 limit=max_document_chars))
    return doc


def _raw(line: str) -> bytes:
    return line.encode("utf-8", "surrogatepass")


def _read_jsonl(text: str, name: str, *, encoding: str, max_document_chars: int) -> Iterator[Document]:
    # Only \n ends a line: U+2028 and the like may stand raw inside a JSON string.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            yield failed_document(name, "E003", Errors.E003.format(input=name, line=number, detail=e.msg),
                          raw=_raw(line), line=number)
            continue
        if not isinstance(value, dict):
            yield failed_document(name, "E004", Errors.E004.format(input=name, line=number,
                                                           kind=type(value).__name__), raw=_raw(line), line=number)
            continue
        wrong = next((k for k in _STRING_FIELDS if value.get(k) is not None and not isinstance(value[k], str)),
                     None)
        if wrong is None and not isinstance(value.get("id", ""), (str, int)):
            wrong = "id"
        if wrong:
            yield failed_document(name, "E012", Errors.E012.format(input=f"{name}:{number}", field=wrong,
                                                           kind=type(value[wrong]).__name__),
                          raw=_raw(line), line=number)
            continue
        yield _make_document(value, name, line=number, encoding=encoding,
                             max_document_chars=max_document_chars)


def read_bytes(data: bytes, name: str, *, kind: str | None = None, encoding: str | None = None,
               content_type: str | None = None, max_document_chars: int) -> Iterator[Document]:
    """Documents from the bytes of one input; ``kind`` is jsonl, html or text (sniffed if None)."""
    if name.lower().endswith(".gz") or data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as e:
            yield failed_document(name, "E009", Errors.E009.format(input=name, detail=e))
            return
        kind = kind or _kind_of(name[:-3] if name.lower().endswith(".gz") else name)
    if not data.strip():
        yield failed_document(name, "E001", Errors.E001.format(input=name))
        return
    reason = _binary_reason(data)
    if reason:
        yield failed_document(name, "E002", Errors.E002.format(input=name, reason=reason), raw=data[:256])
        return
    # --encoding, the HTTP header (fetched bodies), <meta>, UTF-8, guess
    decoded = decode_document(data, kind=kind, encoding=encoding, content_type=content_type)
    kind = kind or _sniff_kind(decoded.text)
    if kind != "jsonl" and is_submission(decoded.text):  # an SEC EDGAR filing (extractor.parse.sec)
        try:
            fields = submission_fields(decoded.text)
        except SecError as e:
            yield failed_document(name, e.code, getattr(Errors, e.code).format(input=name, detail=e.detail),
                          raw=data[:256])
            return
        documents: Iterable[Document] = [_make_document(fields, name, line=None, encoding=decoded.encoding,
                                                        max_document_chars=max_document_chars)]
    elif kind == "html" and is_8k_html(decoded.text):
        documents = [_make_document(html_8k_fields(decoded.text), name, line=None, encoding=decoded.encoding,
                                    max_document_chars=max_document_chars)]
    elif kind == "jsonl":
        documents = _read_jsonl(decoded.text, name, encoding=decoded.encoding,
                                max_document_chars=max_document_chars)
    elif kind == "html":
        documents = [_make_document({"html": decoded.text}, name, line=None, encoding=decoded.encoding,
                                    max_document_chars=max_document_chars)]
    else:
        documents = [_make_document({"text": decoded.text}, name, line=None, encoding=decoded.encoding,
                                    max_document_chars=max_document_chars)]
    for doc in documents:
        for code, message in decoded.warnings(name):  # W001, W003-W005
            doc.add_error(code, message)
        yield doc


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path)
            if child.is_file() and not any(part.startswith(".") for part in relative.parts):
                yield child
    else:
        yield path


def read_documents(inputs: Iterable[str | Path], *, encoding: str | None = None,
                   max_document_chars: int) -> Iterator[Document]:
    """Documents from files, directories (recursively, in name order) and ``-`` (stdin)."""
    for item in inputs:
        if str(item) == STDIN:
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", encoding=encoding,
                                  max_document_chars=max_document_chars)
            continue
        path = Path(item)
        if not path.exists():
            yield failed_document(str(path), "E010", Errors.E010.format(input=path))
            continue
        for file in _files(path):
            yield from read_bytes(file.read_bytes(), str(file), kind=_kind_of(file.name),
                                  encoding=encoding, max_document_chars=max_document_chars)
