"""Reading inputs: every bad input becomes a document with a clear error naming the input and line."""

import gzip
from pathlib import Path

import pytest

from extractor.inputs import read_bytes, read_documents

LIMIT = 1_000_000


def _read(path: Path, **options):
    return list(read_documents([path], max_document_chars=options.pop("limit", LIMIT), **options))


def test_inputs_plain_text_file_is_one_document(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("First line.\nSecond line.", encoding="utf-8")
    [doc] = _read(path)
    assert doc.text == "First line.\nSecond line." and doc.errors == [] and doc.id.startswith("doc-")


def test_inputs_jsonl_fields_and_html(write_jsonl):
    path = write_jsonl([
        {"id": "a", "text": "Hello.", "title": "T", "url": "https://example.com/a",
         "published_at": "2026-01-21", "lang": "en", "source": "wire"},
        {"html": "<html><body><nav>menu</nav><article><p>Body text.</p></article></body></html>"},
    ])
    first, second = _read(path)
    assert (first.id, first.title, first.published_at, first.lang) == ("a", "T", "2026-01-21T00:00:00+00:00", "en")
    assert second.text == "Body text." and second.errors == []


def test_inputs_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    [doc] = _read(path)
    assert not doc.processable
    assert doc.errors[0]["code"] == "E001" and str(path) in doc.errors[0]["message"]


def test_inputs_binary_file(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    [doc] = _read(path)
    assert doc.errors[0]["code"] == "E002" and "binary" in doc.errors[0]["message"]


def test_inputs_invalid_json_line_names_the_line_and_keeps_the_rest(write_jsonl):
    path = write_jsonl([{"text": "one"}, '{"text": "two"', {"text": "three"}, "[1, 2]"])
    docs = _read(path)
    assert [d.text for d in docs if d.processable] == ["one", "three"]
    bad = [d.errors[0] for d in docs if d.errors]
    assert [(e["code"], e["line"], e["input"]) for e in bad] == [("E003", 2, str(path)), ("E004", 4, str(path))]
    assert f"{path}: line 2 is not valid JSON" in bad[0]["message"]


def test_inputs_document_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("word " * 10_000_000, encoding="utf-8")  # 50 MB
    [doc] = _read(path)
    assert not doc.processable and doc.errors[0]["code"] == "E006"
    assert "50,000,000 characters" in doc.errors[0]["message"]


@pytest.mark.parametrize("encoding,text", [
    ("gbk", "北方稀土公告称，公司董事张某辞职。氧化镨钕价格上涨至68.25万元/吨。"),
    ("latin-1", "Société Générale a annoncé une hausse de 5 % du dividende. Crédit Agricole aussi."),
])
def test_inputs_unexpected_encoding_is_decoded_and_flagged(tmp_path, encoding, text):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = _read(path)
    assert doc.text == text
    assert doc.errors[0]["code"] == "W001" and str(path) in doc.errors[0]["message"]


def test_inputs_declared_encoding_is_not_an_error(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("董事辞职公告".encode("gbk"))
    [doc] = _read(path, encoding="gbk")
    assert doc.text == "董事辞职公告" and doc.errors == []


def test_inputs_gzip_jsonl_and_corrupt_gzip(tmp_path):
    good = tmp_path / "docs.jsonl.gz"
    good.write_bytes(gzip.compress(b'{"text": "zipped"}\n'))
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(gzip.compress(b'{"text": "x"}\n')[:20])
    assert [d.text for d in _read(good)] == ["zipped"]
    assert _read(bad)[0].errors[0]["code"] == "E009"


def test_inputs_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two", encoding="utf-8")
    (tmp_path / "1.txt").write_text("one", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    assert [d.text for d in _read(tmp_path)] == ["one", "two"]


def test_inputs_missing_path_is_an_error(tmp_path):
    [doc] = _read(tmp_path / "nope.txt")
    assert doc.errors[0]["code"] == "E010"


@pytest.mark.parametrize("line,code", [
    ('{"title": "no text"}', "E005"),
    ('{"text": 5}', "E012"),
    ('{"text": "x", "published_at": "yesterday"}', "E007"),
    ('{"text": "x", "lang": "fr"}', "E008"),
])
def test_inputs_bad_fields(line, code):
    [doc] = read_bytes(line.encode(), "in.jsonl", max_document_chars=LIMIT)
    assert doc.errors[0]["code"] == code and doc.errors[0]["line"] == 1


def test_inputs_ids_are_derived_from_content():
    one = list(read_bytes(b"Same text.", "a.txt", max_document_chars=LIMIT))[0]
    two = list(read_bytes(b"Same text.", "b.txt", max_document_chars=LIMIT))[0]
    assert one.id == two.id
