"""Shared fixtures. Real components throughout: real SQLite files, the installed spaCy pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.settings import DEFAULT_CONFIG, Config

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHARED_EVAL = SHARED / "eval"  # third-party evaluation data, read in place, never copied
SEED = SHARED / "seed" / "rare-earth-article.txt"
SAMPLE = ROOT / "corpus" / "sample"


@pytest.fixture(scope="session")
def config() -> Config:
    return DEFAULT_CONFIG


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent (../shared is not beside the clone)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def write_jsonl(tmp_path: Path):
    """Write documents (dicts) or raw lines (str) to a JSONL file and return its path."""

    def write(items: list[dict | str], name: str = "docs.jsonl") -> Path:
        path = tmp_path / name
        lines = [item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in items]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write
