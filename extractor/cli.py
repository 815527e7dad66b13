"""The command line. Each command parses options named like the function's keyword arguments,
calls one API function, and turns ExtractorError into a ClickException. Exit codes: 0 all went well;
1 some documents had errors (named on stderr) or the command failed; 2 bad usage.
"""

from __future__ import annotations

import codecs
import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import click
from tabulate import tabulate

from . import __version__
from .errors import Errors, ExtractorError
from .evaluate import evaluate_files, format_report, headline
from .evaluate_main_text import evaluate_main_text
from .extract import extract_documents
from .inputs import Document, read_documents
from .process import ProcessSummary, process
from .record import failed, is_failure
from .settings import Config, use_config
from .store.query import query

DEFAULT_DB = "extractor.db"
FORMATS = ("table", "csv", "json")
DEMO_CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "sample"
DEMO_QUERIES = (
    ("Events by type", """SELECT type, count(*) AS events, count(DISTINCT document_id) AS documents,
       group_concat(DISTINCT ticker) AS tickers
FROM events_flat GROUP BY type ORDER BY events DESC"""),
    ("Commodity prices, normalised (万元/吨 -> CNY per tonne)", """SELECT substr(published_at, 1, 10) AS day,
       json_extract(arguments, '$.commodity') AS commodity, json_extract(arguments, '$.price') AS written,
       amount AS value, currency, change
FROM events_flat WHERE type = 'commodity_price' AND amount IS NOT NULL ORDER BY day LIMIT 8"""),
    ("Chinese full-text search for 稀土 (rare earth)", """SELECT d.id, d.title FROM documents_fts
JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH '稀土' LIMIT 3"""),
)


def _config(ctx: click.Context, **overrides: Any) -> Config:
    config: Config = ctx.obj["config"]
    try:
        return config.with_overrides(**overrides)
    except ExtractorError as e:
        raise click.ClickException(str(e)) from e


def db_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                        type=click.Path(dir_okay=False), help="SQLite database file.")(function)


def _check_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r} (try utf-8, gbk, gb18030, big5, latin-1)") \
                from None
    return value


def pipeline_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """Options that every command running the pipeline shares."""
    for option in reversed([
        click.option("--encoding", callback=_check_encoding,
                     help="Encoding of the inputs, when it is not UTF-8 (e.g. gbk)."),
        click.option("--en-model", help="English spaCy pipeline (setting en_model)."),
        click.option("--max-document-chars", type=int, help="Setting max_document_chars."),
    ]):
        function = option(function)
    return function


class _Progress:
    """A counter on stderr when it is a terminal; silent when piped."""

    def __init__(self, label: str) -> None:
        self.enabled = sys.stderr.isatty()
        self.label, self.count, self.failed = label, 0, 0

    def __call__(self, document: Document, record: dict[str, Any] | None) -> None:
        self.count += 1
        self.failed += record is not None and failed(record)
        if self.enabled:
            click.echo(f"\r{self.label}: {self.count} documents, {self.failed} with errors",
                       err=True, nl=False)

    def close(self) -> None:
        if self.enabled and self.count:
            click.echo(err=True)


def _report_errors(errors: list[dict[str, Any]]) -> None:
    for error in errors:
        click.echo(f"{'error' if is_failure(error) else 'warning'}: {error['message']}", err=True)


@click.group()
@click.version_option(__version__, prog_name="extractor")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="A TOML settings file layered over the packaged defaults.")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """Financial news and filings in, structured event records out."""
    try:
        ctx.obj = {"config": use_config(config_path)}
    except ExtractorError as e:
        raise click.ClickException(str(e)) from e


@cli.command(name="extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", default="-", type=click.File("w", encoding="utf-8"),
              help="JSONL output file (default: stdout).")
@click.option("--include-text", is_flag=True, help="Add each document's text to its record.")
@pipeline_options
@click.pass_context
def extract_command(ctx: click.Context, inputs: tuple[str, ...], output: TextIO, include_text: bool,
                    encoding: str | None, en_model: str | None, max_document_chars: int | None) -> None:
    """Extract records from INPUTS (files, directories or - for stdin) as JSONL (Contract 1).

    In Python: extractor.extract(inputs)
    """
    config = _config(ctx, en_model=en_model, max_document_chars=max_document_chars)
    progress, errors = _Progress("extract"), []
    try:
        documents = read_documents(inputs, encoding=encoding, max_document_chars=config.max_document_chars)
        for document, record in extract_documents(documents, config=config, include_text=include_text):
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
            progress(document, record)
            errors += record["errors"]
    except ExtractorError as e:
        raise click.ClickException(str(e)) from e
    finally:
        progress.close()
    _report_errors(errors)
    if progress.failed:
        click.echo(f"{progress.failed} of {progress.count} documents had errors.", err=True)
        ctx.exit(1)


def _print_summary(summary: ProcessSummary, db_path: str) -> None:
    click.echo(f"{summary.read} documents read: {summary.processed} processed, {summary.skipped} "
               f"unchanged and skipped, {summary.failed} with errors; {summary.entities} entities and "
               f"{summary.events} events written to {db_path}.")


@cli.command(name="process")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--reprocess", is_flag=True, help="Process documents again even if already stored.")
@pipeline_options
@click.pass_context
def process_command(ctx: click.Context, inputs: tuple[str, ...], db_path: str, reprocess: bool,
                    encoding: str | None, en_model: str | None, max_document_chars: int | None) -> None:
    """Read, extract and store INPUTS in the SQLite database (Contract 2).

    In Python: extractor.process(inputs, db_path=...)
    """
    config = _config(ctx, en_model=en_model, max_document_chars=max_document_chars)
    progress = _Progress("process")
    try:
        summary = process(inputs, db_path=db_path, config=config, encoding=encoding,
                          reprocess=reprocess, on_record=progress)
    except ExtractorError as e:
        raise click.ClickException(str(e)) from e
    finally:
        progress.close()
    _report_errors(summary.errors)
    _print_summary(summary, db_path)
    if summary.failed:
        ctx.exit(1)


def _write_rows(columns: list[str], rows: list[tuple[Any, ...]], output_format: str) -> None:
    if output_format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    elif output_format == "json":
        click.echo(json.dumps([dict(zip(columns, row, strict=True)) for row in rows], ensure_ascii=False, indent=2))
    else:
        click.echo(tabulate(rows, headers=columns, tablefmt="simple", maxcolwidths=60,
                            disable_numparse=True))


@cli.command(name="sql")
@click.argument("sql")
@db_option
@click.option("-f", "--format", "output_format", type=click.Choice(FORMATS), default="table",
              show_default=True, help="Output format.")
def sql_command(sql: str, db_path: str, output_format: str) -> None:
    """Run a read-only SQL query on the database; writing statements are refused.

    In Python: extractor.query(db_path, sql)
    """
    try:
        columns, rows = query(db_path, sql)
    except ExtractorError as e:
        raise click.ClickException(str(e)) from e
    _write_rows(columns, rows, output_format)


@cli.command(name="evaluate")
@click.argument("gold", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False),
              help="Records to score (JSONL); without it the extractor runs on the gold texts.")
@click.option("--main-text", type=click.Path(exists=True, file_okay=False),
              help="Score main-text extraction on this article-extraction benchmark folder, next to "
                   "trafilatura.")
@click.option("-f", "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
@click.pass_context
def evaluate_command(ctx: click.Context, gold: tuple[str, ...], predictions: str | None, main_text: str | None,
                     output_format: str) -> None:
    """Score the extractor against GOLD records (e.g. corpus/gold/test.jsonl).

    In Python: extractor.evaluate.evaluate_files(gold, predictions=...) and
    extractor.evaluate_main_text.evaluate_main_text(folder)
    """
    if not gold and not main_text:
        raise click.UsageError(Errors.E051)
    report: dict[str, Any] = {}
    try:
        if gold:
            report["gold"] = evaluate_files(gold, predictions=predictions, config=_config(ctx))
        if main_text:
            report["main_text"] = evaluate_main_text(main_text)
    except ExtractorError as e:
        raise click.ClickException(str(e)) from e
    if output_format == "json":
        if "gold" in report:
            report["headline"] = headline(report["gold"])
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    if "gold" in report:
        click.echo(format_report(report["gold"]))
    if "main_text" in report:
        click.echo(f"Main text, {report['main_text']['pages']} pages (token-shingle measure):")
        for name, row in report["main_text"].items():
            if name != "pages":
                click.echo(f"  {name:<12} precision {row['precision']:.3f}  recall {row['recall']:.3f}  "
                           f"F1 {row['f1']:.3f}  ({row['seconds']:.1f} s)")


def _crawl_summary(summary: Any, db_path: str) -> str:
    return (f"{summary.polls} source polls ({summary.unchanged_listings} listings unchanged): "
            f"{summary.found} items listed, {summary.known} already stored, {summary.fetched} fetched; "
            f"{summary.stored} documents stored, {summary.duplicates} duplicates of stored text, "
            f"{summary.failed} failures; in {db_path}.")


@cli.command(name="crawl")
@click.argument("sources_path", metavar="SOURCES", default="sources.toml", type=click.Path(dir_okay=False))
@db_option
@click.option("--once/--watch", default=True, show_default=True,
              help="Poll every source once, or keep polling each on its interval until interrupted.")
@click.pass_context
def crawl_command(ctx: click.Context, sources_path: str, db_path: str, once: bool) -> None:
    """Collect new documents from the sources in SOURCES (TOML) and process them into the database.

    In Python: extractor.crawl.run.crawl(load_sources(path), db_path=..., watch=...)
    """
    from .crawl.run import crawl  # imported here: the HTTP, feed and PDF libraries load only for crawls
    from .crawl.sources import load_sources

    config = _config(ctx)
    progress = _Progress("crawl")
    try:
        summary = crawl(load_sources(sources_path), db_path=db_path, config=config, watch=not once,
                        on_record=progress)
    except ExtractorError as e:
        raise click.ClickException(str(e)) from e
    except KeyboardInterrupt:
        progress.close()
        click.echo("Stopped; what was stored is kept, and the next crawl goes on from there.", err=True)
        ctx.exit(130)
    progress.close()
    _report_errors(summary.errors)
    click.echo(_crawl_summary(summary, db_path))
    if summary.failed:
        ctx.exit(1)


@cli.command(name="demo")
@db_option
@click.pass_context
def demo_command(ctx: click.Context, db_path: str) -> None:
    """Process the bundled sample corpus into a database and show what came out."""
    if not DEMO_CORPUS.is_dir():
        raise click.ClickException(f"The sample corpus {DEMO_CORPUS} is missing; run from a clone.")
    ctx.invoke(process_command, inputs=(str(DEMO_CORPUS),), db_path=db_path, reprocess=False,
               encoding=None, en_model=None, max_document_chars=None)
    for title, sql in DEMO_QUERIES:
        click.echo(f"\n{title}:\n$ extractor sql --db {db_path} \"{' '.join(sql.split())}\"\n")
        columns, rows = query(db_path, sql)
        _write_rows(columns, rows, "table")


def main() -> None:
    cli(prog_name="extractor")
