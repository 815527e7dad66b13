"""The quality gate: scores on the gold test split must not fall below the pinned floors.

    python scripts/eval_gate.py                 # check, print scores next to floors; exit 1 below
    python scripts/eval_gate.py --update        # pin: floors rise to today's scores, hash re-pinned
    python scripts/eval_gate.py --update --allow-regression
                                                # may lower floors; each lowered metric must be named
                                                # in the Unreleased section of CHANGELOG.md with its
                                                # old and new floor: "`name` (0.387 → 0.386)"

tests/eval_baseline.json holds the floors and the sha256 of corpus/gold/test.jsonl: a changed test
split fails the gate until it is re-pinned, so scores are never compared across different corpora
by accident. `make test` runs the same check (tests/test_quality_gate.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_SPLIT = ROOT / "corpus" / "gold" / "test.jsonl"
BASELINE = ROOT / "tests" / "eval_baseline.json"
CHANGELOG = ROOT / "CHANGELOG.md"
MAIN_TEXT = ROOT.parent / "shared" / "eval" / "article-extraction-benchmark"
MAIN_TEXT_F1 = "main_text.f1"


def corpus_hash(path: Path = TEST_SPLIT) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def current_scores(*, main_text: bool = True) -> dict[str, float]:
    """Headline scores on the test split, and the main-text F1 when the benchmark is beside us."""
    from extractor.evaluate import evaluate_files, headline
    from extractor.evaluate_main_text import evaluate_main_text

    scores = headline(evaluate_files([TEST_SPLIT]))
    if main_text and MAIN_TEXT.exists():
        scores[MAIN_TEXT_F1] = evaluate_main_text(MAIN_TEXT)["extractor"]["f1"]
    return scores


def below_floors(scores: dict[str, float], floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    """The scored metrics that are under their floor (metrics not scored are not judged)."""
    return {name: (value, floors[name]) for name, value in scores.items()
            if name in floors and value < floors[name]}


# A floor sits this much under the score it pins: one entity more or less on another CPU's float
# arithmetic must not fail the gate, a real regression must.
MARGIN = 0.002


def _floor(value: float) -> float:
    return math.floor((value - MARGIN) * 1000) / 1000


def _unreleased_changelog() -> str:
    text = CHANGELOG.read_text(encoding="utf-8")
    match = re.search(r"## \[Unreleased\](.*?)(?=\n## \[|\Z)", text, re.S)
    return match.group(1) if match else ""


def update(scores: dict[str, float], *, allow_regression: bool) -> dict:
    old = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {"floors": {}}
    floors = {**old["floors"], **{name: _floor(value) for name, value in scores.items()}}
    lowered = {name: (old["floors"][name], floor) for name, floor in floors.items()
               if name in old["floors"] and floor < old["floors"][name]}
    if lowered and not allow_regression:
        raise SystemExit(f"these floors would go down: {lowered}; pass --allow-regression and name each "
                         "metric in the Unreleased section of CHANGELOG.md")
    # Each lowered floor needs its own line: the metric and the new floor, e.g. "x (0.387 → 0.386)".
    notes = _unreleased_changelog()
    unexplained = [name for name, (_, new) in lowered.items() if f"{name}` ({lowered[name][0]:.3f} → {new:.3f})"
                   not in notes and f"{name} ({lowered[name][0]:.3f} → {new:.3f})" not in notes]
    if unexplained:
        raise SystemExit(f"lowered floors not named in CHANGELOG.md (Unreleased): {unexplained}")
    baseline = {"corpus": str(TEST_SPLIT.relative_to(ROOT)), "corpus_sha256": corpus_hash(), "floors": floors}
    BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="pin floors to today's scores")
    parser.add_argument("--allow-regression", action="store_true", help="with --update: allow lower floors")
    args = parser.parse_args()
    scores = current_scores()
    if args.update:
        baseline = update(scores, allow_regression=args.allow_regression)
        print(f"pinned {len(baseline['floors'])} floors for corpus {baseline['corpus_sha256'][:12]}")
        return
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    for name, value in scores.items():
        print(f"{name:<32} {value:.3f}   floor {baseline['floors'].get(name, float('nan')):.3f}")
    if baseline["corpus_sha256"] != corpus_hash():
        sys.exit("corpus/gold/test.jsonl changed since the floors were pinned: run with --update")
    failed = below_floors(scores, baseline["floors"])
    if failed:
        sys.exit(f"below the floor: {failed}")


if __name__ == "__main__":
    main()
