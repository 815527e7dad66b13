"""Full-text search text for documents in Chinese as well as English.

SQLite's FTS5 tokenizers cannot split Chinese into words, so the indexed text is segmented first:
jieba's search mode gives both the words and their parts (北方稀土 -> 北方 稀土 北方稀土), separated by
spaces; English passes unchanged. Queries are segmented the same way (:func:`match_expression`), and
a single Chinese word such as 稀土 can be searched with plain SQL: ``documents_fts MATCH '稀土'``.
"""

from __future__ import annotations

import logging
import re

_CJK = re.compile(r"[\u3400-\u9fff]")


def segment(text: str) -> str:
    """Text with Chinese words separated by spaces; English is returned as it is."""
    if not _CJK.search(text):
        return text
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return " ".join(token for token in jieba.cut_for_search(text) if token.strip())


def match_expression(query: str) -> str:
    """An FTS5 MATCH expression for a user's query: every word must occur."""
    words = [w for w in re.findall(r"\w+", segment(query))]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)
