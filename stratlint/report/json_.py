"""JSON output (SPEC §4). `version` changes only when the shape does."""

from __future__ import annotations

import json
from typing import Any

from stratlint.model import Result
from stratlint.report import summary_counts

VERSION = 1


def render(result: Result, sources: dict[str, str] | None = None, **_: Any) -> str:
    counts = summary_counts(result)
    data = {
        "version": VERSION,
        "findings": [f.to_dict() for f in result.findings],
        "errors": [e.to_dict() for e in result.errors],
        "summary": {"files": result.files, **counts},
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
