"""Errors and warnings of the extractor, with codes and next steps.

The exception tree::

    ExtractorError
    ├── ConfigError        a setting or a settings file is wrong
    ├── ModelError         a pipeline, model or data file cannot be loaded
    └── StoreError         the SQLite store refused an operation

Input that cannot be read raises nothing: it becomes a record whose ``errors`` carry E0xx codes
(see inputs.py). Messages live in :class:`Errors` and :class:`Warnings`; each says what failed, shows the
offending value and says what to do. Every message carries its code, so users can search for it.
"""

from __future__ import annotations


class _Catalogue(type):
    """Prefix every message of the class with its code, e.g. ``[E001] ...``."""

    def __getattribute__(cls, code: str) -> str:
        message = type.__getattribute__(cls, code)
        if code.startswith(("E", "W")) and code[1:].isdigit():
            return f"[{code}] {message}"
        return message


class Errors(metaclass=_Catalogue):
    E001 = "{input}: the file is empty. Remove it from the inputs or give it content."
    E002 = (
        "{input}: this looks like a binary file ({reason}), not text, HTML or JSONL. "
        "Pass text, HTML, JSONL or gzip files."
    )
    E003 = (
        "{input}: line {line} is not valid JSON ({detail}). Fix the line; each line of a JSONL file "
        "must be one JSON object."
    )
    E004 = (
        "{input}: line {line} is a JSON {kind}, not an object. Each line must be an object with "
        "'text' or 'html'."
    )
    E005 = "{input}: the document has no 'text' or 'html' field (or it is empty). Add one of them."
    E006 = (
        "{input}: the document is {size:,} characters, over the limit of {limit:,} "
        "(setting max_document_chars). Split it, or raise the limit with "
        "--max-document-chars."
    )
    E007 = (
        "{input}: 'published_at' is {value!r}, not an ISO 8601 date or date-time "
        "(e.g. 2026-01-21 or 2026-01-21T08:30:00+08:00). It was ignored: fix it so that relative "
        "dates can be resolved."
    )
    E008 = "{input}: 'lang' is {value!r}; supported languages are {supported}. Remove it to detect the language."
    E009 = "{input}: the gzip data is corrupt ({detail}). Re-create the archive."
    E010 = "{input}: no such file or directory."
    E011 = "{input}: processing failed: {detail}. This is a bug; please report it with the input."
    E012 = "{input}: '{field}' must be a string, not {kind}."
    E020 = "Settings file {path} not found."
    E021 = "Settings file {path} is not valid TOML: {detail}"
    E022 = "Unknown setting {name!r} in {path}. Valid settings: {valid}."
    E023 = "Setting {name!r} must be {kind}, not {value!r}."
    E030 = (
        "The spaCy model {name!r} is not installed. Install it (make install), choose another with "
        "the setting en_model, or use 'blank' to run on rules alone."
    )
    E031 = "The models folder {path} has no {what}. Run `python scripts/build_gazetteer.py` or set models_dir."
    E032 = ("The companies file {path} cannot be used: {detail}. It is a CSV with the columns id, alias, "
            "lang, and for new companies name, ticker, exchange (setting companies_file).")
    E033 = ("The sentiment model {path} is missing. Run `python scripts/train_sentiment.py` to train it, or "
            "set models_dir to a folder that has it.")
    E034 = ("The sentiment model {name!r} needs PyTorch and transformers: pip install 'extractor[transformers]' "
            "(install torch first: pip install torch==2.13.0), or set sentiment_model = 'default'.")
    E035 = ("The sentiment model {name!r} cannot be loaded: {detail}. Give a Hugging Face sequence-"
            "classification model name that is in your local cache, or the path of a saved model folder.")
    E036 = ("Cannot tell which of the sentiment model {name!r}'s labels {labels} mean negative, neutral and "
            "positive. Map them with the setting sentiment_labels, e.g. 'LABEL_0=negative,LABEL_1=neutral,"
            "LABEL_2=positive' (a label left out counts as neutral).")
    E040 = "Database {path} does not exist. Create it with `extractor process INPUT --db {path}`."
    E041 = (
        "The query tried to change the database, which `extractor sql` opens read-only: {detail}. "
        "Use a SELECT (or WITH ... SELECT) statement."
    )
    E042 = "The query failed: {detail}"
    E044 = ("Cannot open {path} as an extractor database: {detail}. Give --db a new file name or an "
            "existing extractor database, in a folder that exists.")
    E050 = ("{path} is not an article-extraction benchmark folder (no ground-truth.json). Point to "
            "../shared/eval/article-extraction-benchmark.")
    E051 = "Give gold records (e.g. corpus/gold/test.jsonl) or --main-text BENCHMARK_DIR."
    # SEC EDGAR submissions (extractor/parse/sec.py)
    E060 = ("{input}: not a readable SEC EDGAR submission: {detail}. Download the complete submission "
            "(the accession's .txt file) again.")
    E061 = ("{input}: the SEC EDGAR submission is empty: {detail}. Download the complete submission "
            "(the accession's .txt file) again.")
    E062 = ("{input}: the SEC EDGAR submission is truncated: {detail}. Download the complete submission "
            "(the accession's .txt file) again.")


class Warnings(metaclass=_Catalogue):
    W001 = (
        "{input}: not valid UTF-8; decoded as {encoding} (guessed). Check the text, or pass "
        "--encoding {encoding} to state the encoding."
    )
    W002 = "{input}: characters that could not be decoded as {encoding} were replaced with U+FFFD."


class ExtractorError(Exception):
    """Base class of every error the extractor raises on purpose."""


class ConfigError(ExtractorError):
    pass


class ModelError(ExtractorError):
    pass


class StoreError(ExtractorError):
    pass
