"""Configuration: `.stratlint.yaml` / `.stratlint.yml` or `[tool.stratlint]` in pyproject.toml."""

from __future__ import annotations

from pathlib import Path

from stratlint.settings import Settings


class ConfigError(Exception):
    """A configuration problem, with the file and line in the message."""


def find_root(cwd: Path) -> Path:
    for d in [cwd, *cwd.parents]:
        if (d / ".git").exists():
            return d
    return cwd


def load_settings(config_file: Path | None, no_config: bool, cwd: Path) -> Settings:
    return Settings(root=find_root(cwd.resolve()))
