"""GitLab Code Quality report: a JSON array of issues, shown in merge requests.

Each issue has a description, a check name (`S101 goal-as-strategy`), a severity (error → major,
warning → minor, info → info), a location (path and lines) and a fingerprint that identifies the
issue across runs: a hash of path, rule and message (the message quotes the user's own words) and
of how many identical issues came before it, so moving text up or down keeps the fingerprint and
GitLab does not report it as new. Input errors are issues too (severity critical), so a broken
file shows in the merge request. A file name is shown as `pathnames.display` shows it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from typing import Any

from stratlint.model import Result
from stratlint.read.pathnames import clean, display

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _path(p: str) -> str:
    if os.sep != "/":
        p = p.replace(os.sep, "/")
    return display(p[2:] if p.startswith("./") else p)


def _fingerprint(seen: Counter[tuple[str, ...]], *parts: str) -> str:
    seen[parts] += 1
    h = hashlib.sha256("\x1f".join((*parts, str(seen[parts]))).encode("utf-8"))
    return h.hexdigest()[:32]


def render(result: Result, sources: dict[str, str] | None = None, **_: Any) -> str:
    issues: list[dict[str, Any]] = []
    seen: Counter[tuple[str, ...]] = Counter()
    for f in result.findings:
        issues.append(
            {
                "type": "issue",
                "check_name": f"{f.rule} {f.name}",
                "description": clean(f"{f.rule} {f.message} {f.suggestion}".strip()),
                "categories": ["Style"],
                "severity": _SEVERITY[f.severity.value],
                "fingerprint": _fingerprint(seen, _path(f.path), f.rule, clean(f.message)),
                "location": {
                    "path": _path(f.path),
                    "lines": {"begin": f.line, "end": max(f.end_line, f.line)},
                },
            }
        )
    for e in result.errors:
        issues.append(
            {
                "type": "issue",
                "check_name": "stratlint input error",
                "description": clean(e.message),
                "categories": ["Bug Risk"],
                "severity": "critical",
                "fingerprint": _fingerprint(seen, _path(e.path), "input-error", clean(e.message)),
                "location": {"path": _path(e.path), "lines": {"begin": e.line or 1}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
