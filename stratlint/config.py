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
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from stratlint.model import Severity
from stratlint.settings import Settings

CONFIG_NAMES = (".stratlint.yaml", ".stratlint.yml")
PYPROJECT = "pyproject.toml"
SEVERITIES = tuple(s.value for s in Severity)
KINDS = ("strategy", "plan", "goals")
MAX_PROBLEMS = 20

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KeyPath = tuple[Any, ...]
LineOf = Callable[[KeyPath, str | None], int]


class ConfigError(Exception):
    """A configuration problem, with the file and line in the message (one line per problem)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


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
        if pyproject.is_file() and _has_stratlint_table(pyproject):
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
    data, line_of = _read(path, shown)
    return _Decoder(shown, line_of).settings(data, path.resolve(), cwd)


# -- reading --------------------------------------------------------------------------------


def _display(path: Path, cwd: Path) -> str:
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


def _text_of(path: Path, shown: str) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError([f"{shown}: not UTF-8 text; save it as UTF-8"]) from None
    except OSError as exc:
        raise ConfigError([f"{shown}: cannot be read: {exc.strerror or exc}"]) from None


def _has_stratlint_table(path: Path) -> bool:
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


def _read(path: Path, shown: str) -> tuple[Any, LineOf]:
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
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        return tomllib.loads(text)
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


# -- decoding -------------------------------------------------------------------------------


def _suggest(word: str, choices: list[str]) -> str:
    near = difflib.get_close_matches(str(word).replace("_", "-"), choices, n=1, cutoff=0.6)
    return f" (did you mean '{near[0]}'?)" if near else ""


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    return {int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__
    )


class _Decoder:
    def __init__(self, shown: str, line_of: LineOf) -> None:
        self.shown = shown
        self.line_of = line_of
        self.problems: list[str] = []

    def err(self, path: KeyPath, msg: str, hint: str | None = None) -> None:
        self.problems.append(f"{self.shown}:{self.line_of(path, hint)}: {msg}")

    def settings(self, data: Any, config_path: Path, cwd: Path) -> Settings:
        base = config_path.parent
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ConfigError(
                [f"{self.shown}:1: expected a mapping of settings, got {_type_name(data)}"]
            )
        decoders: dict[str, Callable[[KeyPath, Any], Any]] = {
            "select": self.rules,
            "ignore": self.rules,
            "severity": self.severity,
            "fail-on": self.fail_on,
            "exclude": self.globs,
            "per-file-ignores": self.per_file_ignores,
            "sections": self.sections,
            "lexicon": self.lexicon,
            "options": self.options,
            "report-unused-disables": self.boolean,
            "link-roots": self.globs,
        }
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key not in decoders:
                self.err(
                    (str(key),),
                    f"unknown key '{key}'{_suggest(key, list(decoders))}; "
                    f"known keys: {', '.join(decoders)}",
                )
                continue
            values[key] = decoders[key]((key,), value)
        if self.problems:
            raise ConfigError(self.problems[:MAX_PROBLEMS])
        kw: dict[str, Any] = {"root": base, "config_path": config_path}
        if "select" in values:
            kw["select"] = values["select"]
        if "ignore" in values:
            kw["ignore"] = values["ignore"]
        if "severity" in values:
            kw["severity"] = values["severity"]
        if "fail-on" in values:
            kw["fail_on"] = values["fail-on"]
        if "exclude" in values:
            kw["exclude"] = tuple(g for p in values["exclude"] for g in _anchored(p, base, cwd))
        if "per-file-ignores" in values:
            kw["per_file_ignores"] = tuple(
                (g, ids) for p, ids in values["per-file-ignores"] for g in _anchored(p, base, cwd)
            )
        if "sections" in values:
            kw["sections"] = values["sections"]
        if "lexicon" in values:
            kw["lexicon"] = values["lexicon"]
        if "options" in values:
            kw["options"] = values["options"]
        if "report-unused-disables" in values:
            kw["report_unused_disables"] = values["report-unused-disables"]
        if "link-roots" in values:
            kw["link_roots"] = tuple(str(r).strip("/") for r in values["link-roots"])
        return Settings(**kw)

    # -- value decoders ------------------------------------------------------------------
    def strings(self, path: KeyPath, value: Any, what: str) -> list[str]:
        """A list of text items; a single text is a list of one (comma or space separated for
        rules)."""
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list):
            self.err(path, f"'{path[-1]}' must be a list of {what}, got {_type_name(value)}")
            return []
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.err(
                    (*path, i),
                    f"'{path[-1]}' must be a list of {what}; item {i + 1} is {_type_name(item)}",
                    hint=str(item),
                )
                continue
            out.append(item.strip())
        return out

    def rule_ids(self, path: KeyPath, token: str, exact: bool = False) -> list[str]:
        from stratlint import catalog

        found = catalog.resolve(token)
        is_exact = token.upper() in found or token.lower() in catalog.by_name()
        if found and (not exact or (len(found) == 1 and is_exact)):
            return found
        choices = sorted(catalog.rules()) + sorted(catalog.by_name())
        what = "rule" if exact else "rule or prefix"
        self.err(
            path,
            f"unknown {what} '{token}'{_suggest(token, choices)} (see `stratlint rules`)",
            hint=token,
        )
        return []

    def rules(self, path: KeyPath, value: Any) -> tuple[str, ...]:
        tokens: list[tuple[KeyPath, str]] = []
        if isinstance(value, str):
            tokens = [(path, t) for t in re.split(r"[\s,]+", value) if t]
        else:
            items = value if isinstance(value, list) else None
            for i, item in enumerate(self.strings(path, value, "rule IDs or names")):
                tokens.append(((*path, i) if items is not None else path, item))
        ids: set[str] = set()
        for p, t in tokens:
            ids.update(self.rule_ids(p, t))
        return tuple(sorted(ids))

    def severity(self, path: KeyPath, value: Any) -> dict[str, Severity]:
        out: dict[str, Severity] = {}
        if not isinstance(value, dict):
            self.err(
                path,
                f"'severity' must map rules to {'|'.join(SEVERITIES)}, got {_type_name(value)}",
            )
            return out
        for rule, sev in value.items():
            p = (*path, str(rule))
            ids = self.rule_ids(p, str(rule))
            if sev not in SEVERITIES:
                self.err(
                    p,
                    f"severity of '{rule}' must be one of {', '.join(SEVERITIES)}, got {sev!r}"
                    if isinstance(sev, str)
                    else f"severity of '{rule}' must be one of {', '.join(SEVERITIES)}, got "
                    f"{_type_name(sev)}",
                )
                continue
            for i in ids:
                out[i] = Severity(sev)
        return out

    def fail_on(self, path: KeyPath, value: Any) -> Severity:
        if value not in SEVERITIES:
            got = repr(value) if isinstance(value, str) else _type_name(value)
            self.err(path, f"'fail-on' must be one of {', '.join(SEVERITIES)}, got {got}")
            return Severity.WARNING
        return Severity(value)

    def boolean(self, path: KeyPath, value: Any) -> bool:
        if not isinstance(value, bool):
            self.err(path, f"'{path[-1]}' must be true or false, got {_type_name(value)}")
            return False
        return value

    def globs(self, path: KeyPath, value: Any) -> list[str]:
        return self.strings(path, value, "glob patterns")

    def per_file_ignores(self, path: KeyPath, value: Any) -> list[tuple[str, tuple[str, ...]]]:
        if not isinstance(value, dict):
            self.err(
                path,
                f"'per-file-ignores' must map globs to lists of rules, got {_type_name(value)}",
            )
            return []
        return [(str(glob), self.rules((*path, str(glob)), rules)) for glob, rules in value.items()]

    def sections(self, path: KeyPath, value: Any) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        if not isinstance(value, dict):
            self.err(
                path,
                f"'sections' must map kinds ({', '.join(KINDS)}) to lists of heading "
                f"words, got {_type_name(value)}",
            )
            return out
        for kind, words in value.items():
            if kind not in KINDS:
                self.err(
                    (*path, str(kind)),
                    f"unknown section kind '{kind}'"
                    f"{_suggest(str(kind), list(KINDS))}; kinds: {', '.join(KINDS)}",
                )
                continue
            out[kind] = [w.lower() for w in self.strings((*path, kind), words, "heading words")]
        return out

    def lexicon(self, path: KeyPath, value: Any) -> dict[str, list[str]]:
        from stratlint.lexicon import LEXICONS

        out: dict[str, list[str]] = {}
        if not isinstance(value, dict):
            self.err(
                path, f"'lexicon' must map lexicon names to lists of terms, got {_type_name(value)}"
            )
            return out
        for name, terms in value.items():
            if name not in LEXICONS:
                self.err(
                    (*path, str(name)),
                    f"unknown lexicon '{name}'"
                    f"{_suggest(str(name), list(LEXICONS))}; lexicons: "
                    f"{', '.join(LEXICONS)}",
                )
                continue
            out[name] = self.strings((*path, name), terms, "terms")
        return out

    def options(self, path: KeyPath, value: Any) -> dict[str, dict[str, Any]]:
        from stratlint import catalog

        out: dict[str, dict[str, Any]] = {}
        if not isinstance(value, dict):
            self.err(path, f"'options' must map rules to their options, got {_type_name(value)}")
            return out
        for rule, opts in value.items():
            p = (*path, str(rule))
            ids = self.rule_ids(p, str(rule), exact=True)
            if not ids:
                continue
            known = dict(catalog.rules()[ids[0]].options)
            if not known:
                self.err(p, f"rule {ids[0]} has no options")
                continue
            if not isinstance(opts, dict):
                self.err(
                    p,
                    f"options of {ids[0]} must be a mapping "
                    f"({', '.join(known)}), got {_type_name(opts)}",
                )
                continue
            for name, val in opts.items():
                q = (*p, str(name))
                if name not in known:
                    self.err(
                        q,
                        f"unknown option '{name}' for {ids[0]}"
                        f"{_suggest(str(name), list(known))}; options: "
                        f"{', '.join(known)}",
                    )
                    continue
                default = known[name]
                if (
                    isinstance(default, bool) != isinstance(val, bool)
                    or not isinstance(val, type(default))
                    or (isinstance(val, int) and val < 0)
                ):
                    want = {
                        bool: "true or false",
                        int: "a whole number, 0 or more",
                        str: "text",
                    }.get(type(default), type(default).__name__)
                    self.err(
                        q, f"option '{name}' of {ids[0]} must be {want}, got {_type_name(val)}"
                    )
                    continue
                out.setdefault(ids[0], {})[str(name)] = val
        return out


def _anchored(pattern: str, base: Path, cwd: Path) -> list[str]:
    """A glob written relative to the config's directory, in forms that match the paths the user
    gives (relative to `cwd`, or absolute). The engine also matches any trailing part of a path."""
    out = [pattern]
    if pattern.startswith(("*", "/")):
        return out
    if cwd != base and base in cwd.parents:
        sub = cwd.relative_to(base).as_posix() + "/"
        if pattern.startswith(sub):
            out.append(pattern[len(sub) :])
    out.append((base / pattern).as_posix())
    return out


__all__ = ["ConfigError", "find_config", "find_root", "load_settings"]
