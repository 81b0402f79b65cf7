"""Configuration: `.stratlint.yaml` / `.stratlint.yml` or `[tool.stratlint]` in pyproject.toml.

Found by walking up from the current directory: in each directory `.stratlint.yaml`, then
`.stratlint.yml`, then a `pyproject.toml` that has a `[tool.stratlint]` table; the first found
wins. `--config FILE` names one (YAML, or TOML: `[tool.stratlint]` of a pyproject.toml, the top
level of any other .toml); `--no-config` uses none.

Decoding is strict, as in Vale: an unknown key, an unknown rule, kind, lexicon or option, or a
value of the wrong type is a `ConfigError` naming the file and line of every problem. YAML is read
with the safe loader only, so a config never builds Python objects.

    select: [S, P201]            # rules: IDs, prefixes (S, P2) or names (goal-as-strategy)
    ignore: [S105]
    severity: {S107: warning}
    fail-on: error               # exit 1 only for findings at or above this severity
    exclude: [drafts/**]         # globs, relative to the config file's directory
    per-file-ignores: {"templates/*.md": [P202, P203]}
    sections: {strategy: [battle plan]}   # extra heading words per kind
    lexicon: {segments: [credit unions]}  # extra terms per lexicon
    options: {S108: {max-pillars: 7}}     # rule options
    report-unused-disables: true
    link-roots: [sites/handbook/source]   # where site-absolute links (/handbook/…) start

Modules: `_read` (file → data and a key's line), `_decode` (the table of section decoders),
`_rules`, `_paths`, `_words` (the decoders), `_base` (what they share).
"""

from __future__ import annotations

from pathlib import Path

from stratlint.run.config._base import ConfigError
from stratlint.run.config._decode import decode
from stratlint.run.config._read import PYPROJECT, has_stratlint_table, read
from stratlint.settings import Settings

CONFIG_NAMES = (".stratlint.yaml", ".stratlint.yml")


def find_root(cwd: Path) -> Path:
    """The project root without a config file: the git root above `cwd`, else `cwd`."""
    for d in [cwd, *cwd.parents]:
        if (d / ".git").exists():
            return d
    return cwd


def find_config(cwd: Path) -> Path | None:
    """The nearest configuration file at or above `cwd`, or None."""
    for d in [cwd, *cwd.parents]:
        for name in CONFIG_NAMES:
            if (d / name).is_file():
                return d / name
        pyproject = d / PYPROJECT
        if pyproject.is_file() and has_stratlint_table(pyproject):
            return pyproject
    return None


def load_settings(config_file: Path | None, no_config: bool, cwd: Path) -> Settings:
    """Resolved settings for a run from `cwd`: defaults, else the named or discovered config."""
    cwd = cwd.resolve()
    if config_file is not None:
        path = config_file if config_file.is_absolute() else cwd / config_file
        if not path.is_file():
            raise ConfigError([f"{config_file}: config file not found"])
    elif no_config:
        return Settings(root=find_root(cwd))
    else:
        found = find_config(cwd)
        if found is None:
            return Settings(root=find_root(cwd))
        path = found
    shown = str(config_file) if config_file is not None else _display(path, cwd)
    data, line_of = read(path, shown)
    return decode(data, shown, line_of, path.resolve(), cwd)


def _display(path: Path, cwd: Path) -> str:
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


__all__ = ["CONFIG_NAMES", "PYPROJECT", "ConfigError", "find_config", "find_root", "load_settings"]
