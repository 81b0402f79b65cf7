"""What every configuration decoder shares: the error type, and `Decoding`, which knows the file
being decoded, finds a key's line and collects the problems (Vale-style strict decoding: every
problem is reported, each with its file and line)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

KeyPath = tuple[Any, ...]  # keys (and list indexes) from the top of the file to a value
LineOf = Callable[[KeyPath, str | None], int]  # (key path, text to look for) → line
MAX_PROBLEMS = 20


class ConfigError(Exception):
    """A configuration problem, with the file and line in the message (one line per problem)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def suggest(word: str, choices: list[str]) -> str:
    """ " (did you mean 'x'?)" for a near miss, else ""."""
    near = difflib.get_close_matches(str(word).replace("_", "-"), choices, n=1, cutoff=0.6)
    return f" (did you mean '{near[0]}'?)" if near else ""


def type_name(value: Any) -> str:
    """What a value is, in the words of an error message: "a list", "text", "a boolean (true)"."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    return {int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__
    )


class Decoding:
    """One configuration file being decoded: where it is, and the problems found so far."""

    def __init__(self, shown: str, line_of: LineOf, base: Path, cwd: Path) -> None:
        self.shown = shown  # the file as the user named it
        self.line_of = line_of
        self.base = base  # the config file's directory: relative globs start there
        self.cwd = cwd
        self.problems: list[str] = []

    def err(self, path: KeyPath, msg: str, hint: str | None = None) -> None:
        self.problems.append(f"{self.shown}:{self.line_of(path, hint)}: {msg}")

    def strings(self, path: KeyPath, value: Any, what: str) -> list[str]:
        """A list of text items; a single text is a list of one (comma or space separated for
        rules)."""
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list):
            self.err(path, f"'{path[-1]}' must be a list of {what}, got {type_name(value)}")
            return []
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.err(
                    (*path, i),
                    f"'{path[-1]}' must be a list of {what}; item {i + 1} is {type_name(item)}",
                    hint=str(item),
                )
                continue
            out.append(item.strip())
        return out

    def rule_ids(self, path: KeyPath, token: str, exact: bool = False) -> list[str]:
        """The rule IDs a token names (an ID, a prefix, a name); `exact`: one rule only."""
        from stratlint import catalog

        found = catalog.resolve(token)
        is_exact = token.upper() in found or token.lower() in catalog.by_name()
        if found and (not exact or (len(found) == 1 and is_exact)):
            return found
        choices = sorted(catalog.rules()) + sorted(catalog.by_name())
        what = "rule" if exact else "rule or prefix"
        self.err(
            path,
            f"unknown {what} '{token}'{suggest(token, choices)} (see `stratlint rules`)",
            hint=token,
        )
        return []

    def rules(self, path: KeyPath, value: Any) -> tuple[str, ...]:
        """A list of rules (or one text of them, comma or space separated) as sorted IDs."""
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

    def boolean(self, path: KeyPath, value: Any) -> bool:
        if not isinstance(value, bool):
            self.err(path, f"'{path[-1]}' must be true or false, got {type_name(value)}")
            return False
        return value
