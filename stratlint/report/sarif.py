"""SARIF 2.1.0 output, with rule metadata from the catalog.

Validated against the official schema in the test suite. Choices that matter to consumers such as
GitHub code scanning:

- every catalog rule is in `tool.driver.rules` (summary, rationale, fix and one bad and one good
  example as help), so a result's `ruleIndex` always points at its rule;
- a result's `level` is its configured severity; the rule's `defaultConfiguration` the default;
- regions are 1-based lines and columns counted in Unicode code points (`columnKind`), with an
  exclusive `endColumn`, as SARIF defines it;
- relative paths stay relative URIs against `%SRCROOT%` (the working directory of the run),
  percent-encoded from the name's raw bytes (a Latin-1 `café.md` is `caf%E9.md`); absolute
  paths become `file://` URIs, encoded the same way;
- input errors (unreadable files, bad suppression comments) are tool execution notifications.
"""

from __future__ import annotations

import json
import os
import posixpath
from pathlib import Path
from typing import Any

from stratlint import catalog
from stratlint._version import __version__
from stratlint.model import Finding, InputError, Result
from stratlint.read.pathnames import clean, uri

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"


def _home() -> str | None:
    """The project's home page, from the installed package's metadata, if it declares one."""
    try:
        from importlib.metadata import metadata

        meta = metadata("stratlint")
    except Exception:  # not installed: no URL rather than a made-up one
        return None
    for entry in meta.get_all("Project-URL") or []:
        _, _, url = str(entry).partition(",")
        if url.strip().startswith("https://"):
            return url.strip()
    homes = meta.get_all("Home-page") or []
    return next((h for h in homes if h.startswith("https://")), None)


def artifact_location(path: str) -> dict[str, str]:
    """A path as the user gave it → a SARIF artifactLocation with a valid URI reference."""
    if path == "-":
        return {"uri": "stdin"}
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}  # pathlib encodes the raw bytes (os.fsencode)
    if os.sep != "/":
        path = path.replace(os.sep, "/")
    return {"uri": uri(posixpath.normpath(path)), "uriBaseId": SRCROOT}


def _rule(r: catalog.RuleDoc) -> dict[str, Any]:
    md = [f"**{r.id} {r.name}**: {r.summary}", "", r.rationale, "", f"**Fix:** {r.fix}"]
    for title, examples in (("Bad", r.bad), ("Good", r.good)):
        if examples:
            md += ["", f"{title} example:", "", "```markdown", examples[0].rstrip(), "```"]
    return {
        "id": r.id,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.rationale},
        "help": {"text": f"{r.summary} {r.rationale} Fix: {r.fix}", "markdown": "\n".join(md)},
        "defaultConfiguration": {"level": _LEVEL[r.severity.value]},
        "properties": {
            "tags": [
                "sales-writing",
                "strategy"
                if r.id[0] == "S"
                else "plan"
                if r.id[0] == "P"
                else "alignment"
                if r.id[0] == "A"
                else "document",
            ]
        },
    }


def render(result: Result, sources: dict[str, str] | None = None, **_: Any) -> str:
    rules = catalog.rules()
    ids = sorted(rules)
    index = {rid: i for i, rid in enumerate(ids)}
    driver: dict[str, Any] = {
        "name": "stratlint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(rules[i]) for i in ids],
    }
    home = _home()
    if home:
        driver["informationUri"] = home
    results = [_result(f, index) for f in result.findings]
    notifications = [_notification(e) for e in result.errors]
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {"executionSuccessful": not result.errors, "toolExecutionNotifications": notifications}
        ],
    }
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    """One finding as a SARIF result (its region never empty, never before line 1 column 1)."""
    line, col = max(f.line, 1), max(f.column, 1)
    end_line = max(f.end_line, line)
    end_col = max(f.end_column, 1) if end_line > line else max(f.end_column, col + 1)
    res: dict[str, Any] = {
        "ruleId": f.rule,
        "level": _LEVEL[f.severity.value],
        "message": {"text": clean(f"{f.message} {f.suggestion}".strip())},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(f.path),
                    "region": {
                        "startLine": line,
                        "startColumn": col,
                        "endLine": end_line,
                        "endColumn": end_col,
                    },
                }
            }
        ],
    }
    if f.rule in index:
        res["ruleIndex"] = index[f.rule]
    if f.section:
        res["properties"] = {"section": clean(f.section)}
    return res


def _notification(e: InputError) -> dict[str, Any]:
    """An input error as a tool execution notification."""
    loc: dict[str, Any] = {"artifactLocation": artifact_location(e.path)}
    if e.line:
        loc["region"] = {"startLine": max(e.line, 1)}
    return {
        "level": "error",
        "message": {"text": clean(e.message)},
        "locations": [{"physicalLocation": loc}],
    }
