"""Project hygiene: the public API, settings and docs stay complete and honest."""

import re
from pathlib import Path

import pytest

import extractor
from extractor.cli import cli
from extractor.errors import ConfigError
from extractor.settings import DEFAULTS_FILE, SETTINGS, use_config

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_project_all_is_sorted_and_complete():
    assert extractor.__all__ == sorted(extractor.__all__)
    public = {name for name in dir(extractor) if not name.startswith("_")
              and not isinstance(getattr(extractor, name), type(extractor))}
    assert public - {"logging"} == set(extractor.__all__) - {"__version__"}


def test_project_every_setting_is_declared_defaulted_and_documented():
    defaults = use_config()
    for setting in SETTINGS:
        assert hasattr(defaults, setting.name) and setting.help
        assert f"`{setting.name}`" in README, setting.name
    declared = set(re.findall(r"^(\w+) =", DEFAULTS_FILE.read_text(), re.M))
    assert declared == {s.name for s in SETTINGS}


@pytest.mark.parametrize("content,code", [("batch_size = 'big'", "E023"), ("[broken", "E021")])
def test_project_bad_settings_files(tmp_path, content, code):
    path = tmp_path / "s.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"\[{code}\]"):
        use_config(path)


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_project_commands_are_documented(command):
    assert f"extractor {command}" in README


def test_project_readme_opens_with_the_two_commands():
    first_commands = re.findall(r"^make \w+", README, re.M)[:2]
    assert first_commands == ["make demo", "make test"]


def test_project_event_roles_are_documented_as_the_schema_declares():
    from scripts.events_doc import DOC, render

    assert DOC.read_text(encoding="utf-8") == render(), "run: python scripts/events_doc.py"
