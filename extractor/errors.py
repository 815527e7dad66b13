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
    # PDF announcements (extractor/parse/pdf.py)
    E064 = ("{input}: the PDF is encrypted ({detail}); its text cannot be read. Download an unprotected copy, "
            "or remove the password with a PDF tool.")
    E065 = ("{input}: not a readable PDF: {detail}. Download it again; if the body is HTML or text, "
            "read it as such (sniff_document_kind tells which).")
    E066 = ("{input}: the PDF has {pages} page(s) but no text layer (scanned images?). Run OCR on it "
            "(e.g. ocrmypdf) and read the result.")
    E067 = "{input}: the PDF is {size:,} bytes, over the limit of {limit:,} (max_bytes). Raise the limit to read it."
    # SEC EDGAR and exchange listings (extractor/crawl/sec_edgar.py, cn_exchanges.py)
    E068 = ("{url}: SEC refused the request (HTTP {status}{detail}). SEC EDGAR answers automated requests only "
            "when they declare a User-Agent with a name and a contact email, e.g. "
            "user_agent = \"Jane Doe jane.doe@example.com\" in [crawl]; the one sent was {user_agent!r}.")
    E069 = ("{url}: SEC's request-rate limit was exceeded (HTTP {status}). Keep to 10 requests per second or "
            "fewer (rate_limits = {{\"sec.gov\" = 10}}) and wait about 10 minutes before trying again.")
    E085 = ("{url}: SEC EDGAR denied access (HTTP 403 {detail}) although the User-Agent is declared: the path "
            "does not exist or is not public yet (e.g. a future quarter's index). Check the CIK, accession "
            "number and file name.")
    E086 = "{source} {url}: the response is not a readable {what}: {detail}. Nothing was taken from it."
    E087 = "{source} {url}: item {index} was skipped: {detail}. The other items were kept."
    E088 = ("{input}: only the first {pages} of {total} pages were read (max_pages); raise the limit to read "
            "the rest.")
    # Fetching (extractor/crawl/fetch.py, netguard.py, robots.py): a fetch never raises, its Response carries these
    E070 = "{url}: not a URL the crawler can fetch ({detail}). Give an absolute http:// or https:// URL."
    E071 = ("{url}: {where} is a {kind} address, which the crawler refuses (it could reach internal "
            "services). Set allow_private only for hosts you trust (tests: allow_private = true).")
    E072 = ("{url}: the body cannot be decompressed ({encoding}: {detail}). The server sent a broken or unsupported "
            "Content-Encoding; fetch it again later.")
    E073 = ("{url}: disallowed for the user agent {agent!r} by {robots}. Leave the URL out of the sources; "
            "set robots = false only for your own sites.")
    E074 = ("{url}: {robots} could not be fetched ({detail}), so the site counts as disallowed for now "
            "(RFC 9309); robots.txt is asked for again after {retry:.0f} s. Try again later.")
    E075 = "{url}: HTTP {status} {reason}{attempts}. {advice}"
    E076 = ("{url}: HTTP {status} asks to wait {wait:.0f} s (Retry-After), longer than max_wait ({max_wait:.0f} s), "
            "so it was not retried. Fetch it again after {until}.")
    E077 = "{url}: {detail}{attempts}. {advice}"
    E078 = ("{url}: the body is over max_bytes ({limit:,} bytes): {detail}. Nothing of it was kept; raise "
            "max_bytes only if the document really is this large.")
    E079 = "{url}: {detail}. Fetch the final URL directly, or raise max_redirects if the chain is legitimate."
    # Feeds, sitemaps and safe XML (extractor/crawl/feeds.py, sitemaps.py, xmlsafe.py)
    E080 = "{url}: the body is empty; there is no {kind} to read. Check the URL, or fetch it again later."
    E081 = "{url}: not a {kind}: {detail}. Check that the source's URL points to the {kind} itself."
    E082 = ("{url}: the XML declares entities (<!ENTITY in its DOCTYPE), which are refused so that entity "
            "expansion (billion laughs) and external entities (file:, http:) are never followed; nothing "
            "was read. Ask the publisher for plain XML without a DTD.")
    E083 = ("{url}: malformed {kind} ({detail}); kept what could be read: {count}. What follows the defect may "
            "be missing: check the source, or report it to the publisher.")
    E084 = ("{url}: the body is more than {limit:,} bytes once decompressed (a gzip bomb, or a {kind} over the "
            "size limit); refused. Raise the limit (max_bytes) only for a source you trust.")

    E090 = ("Sources file {path} not found. Write one (see docs/crawl.md) or give its path: "
            "extractor crawl SOURCES.toml.")
    E091 = "Sources file {path} is not valid TOML: {detail}"
    E092 = "{path}: {where} has an unknown key {key!r}. Valid keys: {valid}."
    E093 = "{path}: {where}: {key!r} is {value!r}; it must be {expected}."
    E094 = "{path}: {where} lacks {key!r}. Add it."
    E095 = "{path}: {where} has kind {kind!r}; the kinds are {kinds}."
    E096 = "{path}: two sources are named {name!r}. Give each source its own name: it keys the crawl state."
    E097 = ("{path}: SEC EDGAR sources need a declared User-Agent with a name and a contact email (SEC refuses "
            "other requests); set user_agent = \"Your Name you@example.com\" in [crawl], not {user_agent!r}.")
    E098 = "{path}: no [[source]] tables. Add at least one source."

class Warnings(metaclass=_Catalogue):
    W001 = (
        "{input}: not valid UTF-8; decoded as {encoding} (guessed). Check the text, or pass "
        "--encoding {encoding} to state the encoding."
    )
    W002 = "{input}: characters that could not be decoded as {encoding} were replaced with U+FFFD."
    # Encodings (extractor/parse/encoding.py)
    W003 = ("{input}: {count:,} character(s) could not be decoded as {encoding} (invalid or truncated bytes) "
            "and were replaced with U+FFFD; the rest decoded cleanly.")
    W004 = ("{input}: declared {declared}, but the bytes are not in that encoding; decoded as {encoding} "
            "({how}). Check the text; --encoding states the encoding of a file.")
    W005 = "{input}: unknown charset {label!r} (from the {where}) was ignored."


class ExtractorError(Exception):
    """Base class of every error the extractor raises on purpose."""


class ConfigError(ExtractorError):
    pass


class ModelError(ExtractorError):
    pass


class StoreError(ExtractorError):
    pass
