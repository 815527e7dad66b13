"""Contract 3: the command line, through click's runner and, once, as a real process."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor import __version__
from extractor.cli import cli

from .conftest import SAMPLE


def _run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    result = _run("process", str(SAMPLE / "news.jsonl"), "--db", str(path))
    assert result.exit_code == 0, result.output
    assert "30 documents read: 30 processed" in result.stdout
    return path


def test_cli_version():
    assert _run("--version").stdout.strip() == f"extractor, version {__version__}"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_cli_commands_have_help(command):
    result = _run(command, "--help")
    assert result.exit_code == 0 and cli.commands[command].help


def test_cli_extract_writes_one_record_per_document(tmp_path):
    out = tmp_path / "out.jsonl"
    result = _run("extract", str(SAMPLE / "news.jsonl"), "-o", str(out))
    assert result.exit_code == 0 and result.stderr == ""
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 30 and records[0]["id"] == "sample-en-001"


def test_cli_extract_stdin_to_stdout():
    line = json.dumps({"id": "x", "text": "Alcoa said its CFO resigned on Monday.", "published_at": "2026-01-21"})
    result = _run("extract", "-", input=line + "\n")
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0 and record["id"] == "x"
    assert [e["type"] for e in record["events"]] == ["personnel_change"]


def test_cli_extract_bad_line_is_named_and_exit_code_is_one(write_jsonl):
    path = write_jsonl([{"id": "ok", "text": "Fine."}, "{not json"])
    result = _run("extract", str(path))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert f"{path}: line 2 is not valid JSON" in result.stderr
    assert "1 of 2 documents had errors." in result.stderr


def test_cli_sql_formats(db):
    sql = "SELECT id, lang FROM documents ORDER BY id LIMIT 2"
    table = _run("sql", sql, "--db", str(db))
    assert table.exit_code == 0 and table.stdout.splitlines()[0].split() == ["id", "lang"]
    csv_out = _run("sql", sql, "--db", str(db), "--format", "csv")
    assert csv_out.stdout.splitlines() == ["id,lang", "sample-en-001,en", "sample-en-002,en"]
    json_out = _run("sql", sql, "--db", str(db), "-f", "json")
    assert json.loads(json_out.stdout) == [{"id": "sample-en-001", "lang": "en"},
                                           {"id": "sample-en-002", "lang": "en"}]


@pytest.mark.parametrize("statement", ["DELETE FROM documents", "DROP TABLE events",
                                       "UPDATE documents SET title = 'x'", "PRAGMA journal_mode = delete",
                                       "ATTACH DATABASE 'other.db' AS other"])
def test_cli_sql_refuses_writes(db, statement):
    result = _run("sql", statement, "--db", str(db))
    assert result.exit_code == 1 and "[E041]" in result.stderr
    count = _run("sql", "SELECT count(*) FROM documents", "--db", str(db), "-f", "csv")
    assert count.stdout.split() == ["count(*)", "30"]


def test_cli_sql_missing_database(tmp_path):
    result = _run("sql", "SELECT 1", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "[E040]" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_cli_process_reports_failures(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "ok.txt").write_text("BYD won a contract for 300 buses.", encoding="utf-8")
    result = _run("process", str(tmp_path / "in"), "--db", str(tmp_path / "p.db"))
    assert result.exit_code == 1
    assert "[E001]" in result.stderr and "empty.txt" in result.stderr
    assert "2 documents read: 2 processed, 0 unchanged and skipped, 1 with errors" in result.stdout


def test_cli_settings_file_is_layered(tmp_path, write_jsonl):
    settings = tmp_path / "settings.toml"
    settings.write_text("max_document_chars = 10\n", encoding="utf-8")
    path = write_jsonl([{"text": "This text is longer than ten characters."}])
    result = _run("--config", str(settings), "extract", str(path))
    assert result.exit_code == 1 and "[E006]" in result.stderr
    settings.write_text("no_such_setting = 1\n", encoding="utf-8")
    result = _run("--config", str(settings), "extract", str(path))
    assert result.exit_code == 1 and "[E022]" in result.stderr


def test_cli_demo(tmp_path):
    result = _run("demo", "--db", str(tmp_path / "demo.db"))
    assert result.exit_code == 0, result.output
    assert "0 with errors" in result.stdout and "Events by type" in result.stdout
    assert "personnel_change" in result.stdout and "sample-zh-004" in result.stdout


def test_cli_console_script_pipes(tmp_path):
    """The installed entry point, as a real process: stdin in, stdout out, quiet stderr."""
    script = Path(sys.executable).parent / "extractor"
    text = "北方稀土公告：公司董事会于2026年1月20日收到董事张某的辞职报告。"
    result = subprocess.run([str(script), "extract", "-"], input=text.encode(), capture_output=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode()
    record = json.loads(result.stdout)
    assert record["lang"] == "zh" and any(e["type"] == "personnel_change" for e in record["events"])
