"""Hostile and unusual input through the whole pipeline: no crash, offsets hold, nothing lost."""

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import extract, process, query
from extractor.cli import cli
from extractor.inputs import read_bytes

PHRASES = ["Zijin Mining", "China Northern Rare Earth", "北方稀土", "中国北方稀土", "600111.SH", "(NYSE: AAPL)",
           "A$1.2 billion", "68.25 万元/吨", "三千万股", "11.88 %", "on 9 January", "2026年1月16日", "resigned",
           "rose", "融资余额", "回购", "the company", "该公司", "$9,850 a tonne", "copper", "\n", ". ", "，", "。",
           "(12.3)", "US$", "万", "director", "辞职", "Baosteel Group", "Ministry of Commerce"]


def _run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=25).map("".join))
def test_robustness_domain_phrases_never_fail_and_offsets_hold(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "doc.jsonl"
    path.write_text(json.dumps({"id": "f", "text": text, "published_at": "2026-01-21"}) + "\n", encoding="utf-8")
    [record] = extract([path])
    assert [e for e in record["errors"] if e["code"] == "E011"] == []
    for entity in record["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
    for event in record["events"]:
        for argument in event["arguments"]:
            assert text[argument["start"]:argument["end"]] == argument["text"]


@pytest.mark.parametrize("text,ticker", [("Gold output was flat, said Zijin Mining", "601899"),
                                         ("公告发布方：北方稀土", "600111")])
def test_robustness_company_at_the_very_end(write_jsonl, text, ticker):
    [record] = extract([write_jsonl([{"text": text}])])
    assert record["errors"] == [] and record["entities"][-1]["normalized"]["ticker"] == ticker


def test_robustness_dollar_variants(write_jsonl):
    [record] = extract([write_jsonl([{"text": "BHP will pay A$1.2 billion and C$300 million."}])])
    assert {(e["normalized"]["value"], e["normalized"]["currency"]) for e in record["entities"]
            if e["label"] == "MONEY"} == {(1_200_000_000, "AUD"), (300_000_000, "CAD")}


@pytest.mark.parametrize("html", ["<!-- only a comment -->",
                                  '<?xml version="1.0" encoding="utf-8"?><html><body><p>Hi there.</p></body></html>'])
def test_robustness_odd_html_never_crashes(tmp_path, html):
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    [record] = extract([path])
    assert all(e["code"] in ("E005",) for e in record["errors"])


def test_robustness_lone_surrogate_in_json(write_jsonl):
    [record] = extract([write_jsonl(['{"id": "s", "text": "Copper rose 2 % \\ud800 today."}'])])
    assert record["errors"] == [] and any(e["label"] == "PERCENT" for e in record["entities"])


def test_robustness_line_separator_inside_a_json_string():
    line = json.dumps({"text": "First\u2028second"}, ensure_ascii=False) + "\n" + json.dumps({"text": "next"})
    documents = list(read_bytes(line.encode(), "in.jsonl", max_document_chars=1000))
    assert [d.text for d in documents] == ["First\u2028second", "next"] and documents[1].line == 2


def test_robustness_text_file_is_text_whatever_it_starts_with(tmp_path):
    for name, content in (("brace.txt", '{"not": "json"} is what the filing says.'), ("tag.txt", "<ASX:BHP> up 2 %")):
        (tmp_path / name).write_text(content, encoding="utf-8")
    records = list(extract([tmp_path / "brace.txt", tmp_path / "tag.txt"]))
    assert [r["errors"] for r in records] == [[], []]


def test_robustness_ids(write_jsonl):
    path = write_jsonl([{"id": 0, "text": "zero"}, {"title": "no text"}, {"title": "no text either"},
                        {"id": {"a": 1}, "text": "bad id"}])
    records = list(extract([path]))
    assert records[0]["id"] == "0"
    assert records[1]["id"] != records[2]["id"]
    assert records[3]["errors"][0]["code"] == "E012"


def test_robustness_guessed_encoding_is_a_warning_not_a_failure(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("北方稀土公告称，公司董事张某辞职。氧化镨钕价格上涨至68.25万元/吨。".encode("gbk"))
    db = tmp_path / "w.db"
    first = _run("process", str(path), "--db", str(db))
    assert first.exit_code == 0 and "warning: [W001]" in first.stderr
    second = _run("process", str(path), "--db", str(db))
    assert "1 unchanged and skipped" in second.stdout


def test_robustness_unknown_encoding_is_a_usage_error(tmp_path):
    result = _run("extract", "--encoding", "klingon", "-")
    assert result.exit_code == 2 and "unknown encoding" in result.output


def test_robustness_bad_settings_values(tmp_path):
    settings_file = tmp_path / "s.toml"
    for line in ("batch_size = 0", "default_lang = 'fr'", "max_document_chars = -5"):
        settings_file.write_text(line + "\n", encoding="utf-8")
        result = _run("--config", str(settings_file), "extract", "-", input="x")
        assert result.exit_code == 1 and "[E023]" in result.stderr, line


def test_robustness_db_that_is_not_a_database(tmp_path, write_jsonl):
    not_db = tmp_path / "notes.db"
    not_db.write_text("these are my notes, not a database " * 100, encoding="utf-8")
    result = _run("process", str(write_jsonl([{"text": "x"}])), "--db", str(not_db))
    assert result.exit_code == 1 and "[E044]" in result.stderr
    assert not_db.read_text(encoding="utf-8").startswith("these are my notes")


def test_robustness_another_model_redoes_stored_documents(tmp_path, write_jsonl):
    from extractor.settings import DEFAULT_CONFIG

    path, db = write_jsonl([{"text": "Copper rose 2 % to $9,850 a tonne."}]), tmp_path / "m.db"
    process([path], db_path=db, config=DEFAULT_CONFIG.with_overrides(en_model="blank"))
    again = process([path], db_path=db)
    assert again.processed == 1 and again.skipped == 0
    _, rows = query(db, "SELECT extractor_version FROM documents")
    assert "blank" not in rows[0][0]


def test_robustness_bad_option_value_is_a_clear_error():
    result = _run("extract", "--max-document-chars", "0", "-", input="x")
    assert result.exit_code == 1 and "[E023]" in result.stderr

