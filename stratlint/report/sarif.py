"""SARIF 2.1.0 output, with rule metadata from the catalog."""

from __future__ import annotations

import json
from typing import Any

from stratlint import __version__, catalog
from stratlint.model import Result

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_URI = "https://github.com/stratlint/stratlint/blob/main/docs/rules.md"


def render(result: Result, sources: dict[str, str] | None = None, **_: Any) -> str:
    rules = catalog.rules()
    ids = sorted(rules)
    index = {rid: i for i, rid in enumerate(ids)}
    driver = {
        "name": "stratlint",
        "version": __version__,
        "informationUri": "https://github.com/stratlint/stratlint",
        "rules": [
            {
                "id": r.id,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.rationale},
                "help": {"text": f"{r.summary} {r.fix}",
                         "markdown": f"**{r.id} {r.name}**\n\n{r.rationale}\n\n**Fix:** {r.fix}"},
                "helpUri": f"{_URI}#{r.id.lower()}",
                "defaultConfiguration": {"level": _LEVEL[r.severity.value]},
            }
            for r in (rules[i] for i in ids)
        ],
    }
    results = []
    for f in result.findings:
        results.append({
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.severity.value],
            "message": {"text": f"{f.message} {f.suggestion}"},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": f.path.replace("\\", "/")},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "endLine": f.end_line, "endColumn": max(f.end_column, f.column)},
                }
            }],
        })
    notifications = [
        {"level": "error", "message": {"text": e.message},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": e.path}}}]}
        for e in result.errors
    ]
    run: dict[str, Any] = {"tool": {"driver": driver}, "results": results}
    run["invocations"] = [{"executionSuccessful": not result.errors,
                           "toolExecutionNotifications": notifications}]
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
