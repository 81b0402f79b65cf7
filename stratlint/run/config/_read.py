"""Reading a configuration file into plain data, with a way back from any key to its line:
YAML keeps positions (and duplicate keys are an error here), TOML does not, so its lines are found
in the text. Nothing here knows what the keys mean; that is the decoders' work."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

from stratlint.run.config._base import MAX_PROBLEMS, ConfigError, KeyPath, LineOf

PYPROJECT = "pyproject.toml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _text_of(path: Path, shown: str) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError([f"{shown}: not UTF-8 text; save it as UTF-8"]) from None
    except OSError as exc:
        raise ConfigError([f"{shown}: cannot be read: {exc.strerror or exc}"]) from None


def has_stratlint_table(path: Path) -> bool:
    """Does this pyproject.toml configure stratlint? (Broken TOML that names it counts: the
    error is then reported rather than the file silently skipped.)"""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if "stratlint" not in text:
        return False
    try:
        data = _toml_loads(text)
    except ValueError:
        return True
    return isinstance(data.get("tool"), dict) and "stratlint" in data["tool"]


def read(path: Path, shown: str) -> tuple[Any, LineOf]:
    text = _text_of(path, shown)
    if path.suffix.lower() == ".toml":
        return _read_toml(text, shown, path.name == PYPROJECT)
    return _read_yaml(text, shown)


def _read_yaml(text: str, shown: str) -> tuple[Any, LineOf]:
    try:
        node = yaml.compose(text, Loader=_LOADER)
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        why = f"{context}, {problem}" if context else problem
        raise ConfigError([f"{shown}:{line}: not valid YAML (safe subset): {why}"]) from None
    except RecursionError:
        raise ConfigError([f"{shown}:1: YAML is nested too deeply"]) from None
    lines: dict[KeyPath, int] = {}
    dups: list[str] = []
    if node is not None:
        _yaml_lines(node, (), lines, dups, set(), shown)
    if dups:
        raise ConfigError(dups[:MAX_PROBLEMS])

    def line_of(path: KeyPath, hint: str | None = None) -> int:
        for n in range(len(path), 0, -1):
            if path[:n] in lines:
                return lines[path[:n]]
        return 1

    return data, line_of


def _yaml_lines(
    node: yaml.Node,
    path: KeyPath,
    out: dict[KeyPath, int],
    dups: list[str],
    seen: set[int],
    shown: str,
) -> None:
    if id(node) in seen:  # an alias: walked once (aliases must not multiply the work)
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            line = key.start_mark.line + 1
            if key.value in first:
                dups.append(
                    f"{shown}:{line}: key '{key.value}' is given twice (first at line "
                    f"{first[key.value]})"
                )
            first.setdefault(key.value, line)
            out[path + (key.value,)] = line
            _yaml_lines(value, (*path, key.value), out, dups, seen, shown)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[path + (i,)] = item.start_mark.line + 1
            _yaml_lines(item, (*path, i), out, dups, seen, shown)


def _toml_loads(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        data: dict[str, Any] = tomllib.loads(text)
        return data
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(str(exc)) from None


def _read_toml(text: str, shown: str, pyproject: bool) -> tuple[Any, LineOf]:
    try:
        data = _toml_loads(text)
    except ValueError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column \d+\)", msg)
        line = int(m.group(1)) if m else 1
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg)
        raise ConfigError([f"{shown}:{line}: not valid TOML: {msg}"]) from None
    prefix: KeyPath = ()
    if pyproject:
        tool = data.get("tool")
        if not isinstance(tool, dict) or "stratlint" not in tool:
            raise ConfigError([f"{shown}:1: no [tool.stratlint] table"])
        data = tool["stratlint"]
        prefix = ("tool", "stratlint")
    return data, _toml_locator(text, prefix)


_TOML_KEY = r"(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"
_TOML_HEADER = re.compile(rf"^\s*\[\[?\s*({_TOML_KEY}(?:\s*\.\s*{_TOML_KEY})*)\s*\]\]?")
_TOML_ENTRY = re.compile(rf"^\s*({_TOML_KEY}(?:\s*\.\s*{_TOML_KEY})*)\s*=")


def _toml_key(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip().strip("\"'") for p in re.findall(rf"{_TOML_KEY}", dotted))


def _toml_locator(text: str, prefix: KeyPath) -> LineOf:
    """tomllib keeps no positions: find a key's line from the text (tables, dotted keys, inline
    tables and arrays), falling back to the nearest enclosing key."""
    lines = text.splitlines()
    entries: list[tuple[tuple[str, ...], int]] = []
    table: tuple[str, ...] = ()
    for i, raw in enumerate(lines, 1):
        m = _TOML_HEADER.match(raw)
        if m:
            table = _toml_key(m.group(1))
            entries.append((table, i))
            continue
        m = _TOML_ENTRY.match(raw)
        if m:
            entries.append((table + _toml_key(m.group(1)), i))

    def line_of(path: KeyPath, hint: str | None = None) -> int:
        full = tuple(str(p) for p in (*prefix, *path) if not isinstance(p, int))
        best, best_len = 1, -1
        for key, line in entries:
            n = len(key)
            if n <= len(full) and full[:n] == key and n > best_len:
                best, best_len = line, n
        rest = list(full[max(best_len, 0) :])
        if hint is not None:
            rest.append(hint)
        line = best
        for token in rest:
            pat = re.compile(rf"(?<![\w-]){re.escape(token)}(?![\w-])")
            for j in range(line, min(len(lines), line + 200) + 1):
                if pat.search(lines[j - 1]):
                    line = j
                    break
        return line

    return line_of
