"""Field lines and inline fields: `Owner: Kelsey`, `**Due:** 31 May`, "Call Acme (Owner: Kelsey;
Due: May)". The labels a field line, an inline field or a table column may carry, and what
attribute each gives."""

from __future__ import annotations

import re

# Labels of field lines (`Owner: Kelsey`, `**Due:** 31 May`) and table columns that carry the same
# attributes, mapped to the attribute they give.
FIELD_LABELS: dict[str, str] = {
    "owner": "owner",
    "owners": "owner",
    "dri": "owner",
    "lead": "owner",
    "who": "owner",
    "responsible": "owner",
    "accountable": "owner",
    "assignee": "owner",
    "assigned to": "owner",
    "owned by": "owner",
    "led by": "owner",
    "champion": "owner",
    "team": "owner",
    "due": "due",
    "due date": "due",
    "when": "due",
    "deadline": "due",
    "timeline": "due",
    "date": "due",
    "by when": "due",
    "timing": "due",
    "timeframe": "due",
    "time frame": "due",
    "target date": "due",
    "eta": "due",
    "quarter": "due",
    "cadence": "due",
    "frequency": "due",
    "duration": "due",
    "estimated duration": "due",
    "kpi": "kpi",
    "kpis": "kpi",
    "metric": "kpi",
    "metrics": "kpi",
    "success metric": "kpi",
    "success metrics": "kpi",
    "measure": "kpi",
    "measure of success": "kpi",
    "key result": "kpi",
    "target": "target",
    "targets": "target",
    "goal": "target",
    "budget": "budget",
    "resources": "budget",
    "cost": "budget",
    "spend": "budget",
    "headcount": "budget",
    "investment": "budget",
    "supports": "supports",
    "pillar": "supports",
    "serves": "supports",
    "strategy pillar": "supports",
    "status": "status",
    "notes": "notes",
    "note": "notes",
}
_FIELD_LINE = re.compile(
    r"^\s*(?P<label>"
    + "|".join(sorted((re.escape(k) for k in FIELD_LABELS), key=len, reverse=True))
    + r")\s*(?:\([^)]*\))?\s*[:=]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_INLINE_LABELS = "owner|dri|due|deadline|kpi|budget|supports|pillar|target|who|when|lead"
# An inline field starts at a label after a separator ("Call Acme (Owner: Kelsey; Due: May)").
_INLINE_FIELD = re.compile(
    r"(?<![^\s(\[;,|·—–-])(?P<label>" + _INLINE_LABELS + r")\s*:\s*", re.IGNORECASE
)
# ... and its value ends before the next label that follows a space or comma.
_NEXT_LABEL = re.compile(r",?\s+(?:" + _INLINE_LABELS + r")\s*:", re.IGNORECASE)
_VALUE_STOPS = frozenset(";|·—–\n")


def field_of(text: str) -> tuple[str, str] | None:
    m = _FIELD_LINE.match(text)
    if not m:
        return None
    label = " ".join(m.group("label").lower().split())
    return FIELD_LABELS[label], m.group("value").strip()


def inline_fields(text: str) -> list[tuple[str, str]]:
    """`Label: value` fields inside a line of prose; a value keeps balanced brackets ("Owner:
    Priya Shah (Partnerships)") and ends at `;`, `|`, a dash, an unmatched `)` or `]`, or the
    next label."""
    out: list[tuple[str, str]] = []
    if ":" not in text:
        return out  # every field has its colon; most lines have none (issue 15)
    pos = 0
    while True:
        m = _INLINE_FIELD.search(text, pos)
        if not m:
            return out
        end = _value_end(text, m.end())
        label = m.group("label").lower()
        out.append((FIELD_LABELS.get(label, label), text[m.end() : end].strip()))
        pos = max(end, m.end())


def _value_end(text: str, i: int) -> int:
    depth = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in _VALUE_STOPS:
            return i
        if c in "([":
            depth += 1
        elif c in ")]":
            if depth == 0:
                return i
            depth -= 1
        elif (c == "," or c.isspace()) and _NEXT_LABEL.match(text, i):
            return i
        i += 1
    return n
