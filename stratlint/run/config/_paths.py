"""Decoders of the sections that name files: `exclude`, `per-file-ignores`, `link-roots`.

Globs are written relative to the config file's directory; `_anchored` turns each into the forms
that match the paths a user gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stratlint.run.config._base import Decoding, KeyPath, type_name


def exclude(d: Decoding, path: KeyPath, value: Any) -> dict[str, Any]:
    globs = d.strings(path, value, "glob patterns")
    return {"exclude": tuple(g for p in globs for g in _anchored(p, d.base, d.cwd))}


def per_file_ignores(d: Decoding, path: KeyPath, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        d.err(
            path,
            f"'per-file-ignores' must map globs to lists of rules, got {type_name(value)}",
        )
        return {"per_file_ignores": ()}
    pairs = [(str(glob), d.rules((*path, str(glob)), rules)) for glob, rules in value.items()]
    return {
        "per_file_ignores": tuple((g, ids) for p, ids in pairs for g in _anchored(p, d.base, d.cwd))
    }


def link_roots(d: Decoding, path: KeyPath, value: Any) -> dict[str, Any]:
    roots = d.strings(path, value, "glob patterns")
    return {"link_roots": tuple(str(r).strip("/") for r in roots)}


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
