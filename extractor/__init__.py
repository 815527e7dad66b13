"""extractor: financial news and filings in, structured event records out.

The public API; the command line (``extractor``) mirrors it one command to one function.
"""

import logging

__version__ = "0.1.0"

from .errors import ConfigError, ExtractorError, ModelError, StoreError  # noqa: E402
from .evaluate import evaluate_files  # noqa: E402
from .evaluate_main_text import evaluate_main_text  # noqa: E402
from .extract import extract, extract_documents  # noqa: E402
from .inputs import Document, read_documents  # noqa: E402
from .process import ProcessSummary, process  # noqa: E402
from .settings import DEFAULT_CONFIG, Config, use_config  # noqa: E402
from .store.query import query  # noqa: E402
from .store.schema import open_db  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Config",
    "ConfigError",
    "DEFAULT_CONFIG",
    "Document",
    "ExtractorError",
    "ModelError",
    "ProcessSummary",
    "StoreError",
    "__version__",
    "evaluate_files",
    "evaluate_main_text",
    "extract",
    "extract_documents",
    "open_db",
    "process",
    "query",
    "read_documents",
    "use_config",
]
