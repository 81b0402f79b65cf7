"""JSON output (SPEC §4). `version` changes only when the shape does.

Paths are shown as `pathnames.display` shows them (a name that is not UTF-8 as `$'caf\\xe9.md'`),
so the output is always valid UTF-8.
"""

from __future__ import annotations

import json
from typing import Any

from stratlint.model import Finding, InputError, Result
from stratlint.read.pathnames import clean, display
from stratlint.report._counts import summary_counts

VERSION = 1


def render(result: Result, sources: dict[str, str] | None = None, **_: Any) -> str:
    counts = summary_counts(result)
    paths: dict[str, str] = {}  # each path displayed once, not once per finding
    data = {
        "version": VERSION,
        "findings": [shown(f, paths) for f in result.findings],
        "errors": [shown(e, paths) for e in result.errors],
        "summary": {"files": result.files, **counts},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def shown(record: Finding | InputError, paths: dict[str, str] | None = None) -> dict[str, Any]:
    """A finding or input error as JSON data: the path displayed, every string UTF-8 clean.
    `paths`: paths already displayed, to reuse."""
    d = record.to_dict()
    for k, v in d.items():
        if isinstance(v, str):
            if k != "path":
                d[k] = clean(v)
            elif paths is None:
                d[k] = display(v)
            else:
                d[k] = paths.get(v) or paths.setdefault(v, display(v))
    return d
