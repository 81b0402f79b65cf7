"""A document's YAML front matter: its keys, the line of each, and why it could not be read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown_it.token import Token


@dataclass
class FrontMatter:
    """What a front matter block gives: its keys (None when it has none or cannot be read),
    each key's 1-based line, and the problems found (line, message)."""

    data: dict[str, Any] | None = None
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)


def read(token: Token) -> FrontMatter:
    """The front matter in markdown-it's `front_matter` token."""
    out = FrontMatter()
    start = (token.map or [0, 0])[0]
    try:
        data = yaml.load(token.content, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        context = getattr(exc, "context_mark", None)
        if context is not None and (mark is None or mark.line >= token.content.count("\n")):
            mark = context  # "[strategy" never closed: where it opened, not the file's end
        line = start + 2 + (mark.line if mark is not None else 0)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        out.problems.append((line, f"front matter is not valid YAML: {problem}"))
        return out
    except RecursionError:
        out.problems.append((start + 1, "front matter is nested too deeply"))
        return out
    if data is None:
        return out
    if not isinstance(data, dict):
        out.problems.append((start + 1, "front matter is not a mapping of keys to values"))
        return out
    out.data = {str(k): v for k, v in data.items()}
    for i, key_line in enumerate(token.content.split("\n")):
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:", key_line)
        if m and m.group(1) not in out.lines:
            out.lines[m.group(1)] = start + 2 + i
    return out
