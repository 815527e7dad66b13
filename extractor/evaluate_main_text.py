"""Main-text extraction scored on the article-extraction benchmark (181 real news pages with gold
article bodies), with the benchmark's own measure, next to trafilatura in the same process.

The measure: texts are cut into word tokens (``\\w+``) and 4-token shingles, counted; per page, true
positives, false positives and false negatives over the shingle counts, divided by their sum so long
pages weigh no more than short ones; precision and recall are the means over pages (pages where they
are undefined left out), and F1 is computed from those means.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import Errors, ModelError
from .parse.encoding import decode
from .parse.html import parse_html

_WORD = re.compile(r"\w+")
Extractor = Callable[[str], str]


def _shingles(text: str, n: int = 4) -> Counter:
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_match(true: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingle counts, normalised to sum to 1."""
    gold, found = _shingles(true), _shingles(predicted)
    tp = sum((gold & found).values())
    fp = sum((found - gold).values())
    fn = sum((gold - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(matches: list[tuple[float, float, float]]) -> dict[str, float]:
    def ratio(tp: float, other: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return tp / (tp + other) if tp + other else 0.0

    precisions = [ratio(tp, fp, fp, fn) for tp, fp, fn in matches if tp + fp > 0]
    recalls = [ratio(tp, fn, fp, fn) for tp, fp, fn in matches if tp + fn > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _extractor_text(html: str) -> str:
    return parse_html(html).text


def _trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def extractors() -> dict[str, Extractor]:
    """The extractor's own main-text function and, when installed, trafilatura's."""
    found: dict[str, Extractor] = {"extractor": _extractor_text}
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return found
    found["trafilatura"] = _trafilatura_text
    return found


def evaluate_main_text(benchmark: str | Path) -> dict[str, Any]:
    """Scores, seconds and pages per second per extractor on every page of the benchmark folder,
    and the scores on each half of the pages in id order (``first_half``, ``second_half``), so that
    a change tuned on one half can be checked on the other."""
    benchmark = Path(benchmark)
    truth_file = benchmark / "ground-truth.json"
    if not truth_file.exists():
        raise ModelError(Errors.E050.format(path=benchmark))
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = {key: decode(gzip.decompress((benchmark / "html" / f"{key}.html.gz").read_bytes())).text
             for key in sorted(truth)}
    results: dict[str, Any] = {"pages": len(pages)}
    for name, extract in extractors().items():
        start = time.perf_counter()
        texts = {key: extract(html) for key, html in pages.items()}
        seconds = time.perf_counter() - start
        matches = [shingle_match(truth[key].get("articleBody", ""), texts[key]) for key in pages]
        half = len(matches) // 2
        results[name] = {**scores(matches), "seconds": round(seconds, 2),
                         "pages_per_second": round(len(pages) / seconds, 1) if seconds else None,
                         "first_half": scores(matches[:half]), "second_half": scores(matches[half:])}
    return results
