"""From a configuration file's data to `Settings`: one decoder per top-level section.

    SECTIONS[key](decoding, (key,), value) -> the Settings fields that section sets

A new configuration key is a decoder in `_rules`, `_paths` or `_words` (or a new module beside
them), a line in `SECTIONS`, and a field in `stratlint.settings.Settings`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from stratlint.run.config import _paths, _rules, _words
from stratlint.run.config._base import (
    MAX_PROBLEMS,
    ConfigError,
    Decoding,
    KeyPath,
    LineOf,
    suggest,
    type_name,
)
from stratlint.settings import Settings

SectionDecoder = Callable[[Decoding, KeyPath, Any], dict[str, Any]]

SECTIONS: dict[str, SectionDecoder] = {
    "select": _rules.select,
    "ignore": _rules.ignore,
    "severity": _rules.severity,
    "fail-on": _rules.fail_on,
    "exclude": _paths.exclude,
    "per-file-ignores": _paths.per_file_ignores,
    "sections": _words.sections,
    "lexicon": _words.lexicon,
    "options": _rules.options,
    "report-unused-disables": _rules.report_unused_disables,
    "link-roots": _paths.link_roots,
}


def decode(data: Any, shown: str, line_of: LineOf, config_path: Path, cwd: Path) -> Settings:
    """Settings from a file's data; every problem found is raised at once as a `ConfigError`."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError([f"{shown}:1: expected a mapping of settings, got {type_name(data)}"])
    d = Decoding(shown, line_of, config_path.parent, cwd)
    fields: dict[str, Any] = {"root": config_path.parent, "config_path": config_path}
    for key, value in data.items():
        if key not in SECTIONS:
            d.err(
                (str(key),),
                f"unknown key '{key}'{suggest(key, list(SECTIONS))}; "
                f"known keys: {', '.join(SECTIONS)}",
            )
            continue
        fields.update(SECTIONS[key](d, (key,), value))
    if d.problems:
        raise ConfigError(d.problems[:MAX_PROBLEMS])
    return Settings(**fields)
