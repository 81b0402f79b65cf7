"""A page's own "Team: …" line (SPEC §8.6): who works the plan, not who owns each item."""

from __future__ import annotations

import re

from stratlint.model import Field
from stratlint.understand.analysis import Analysis


def page_team(a: Analysis) -> list[Field]:
    """The page's own "Team: Daniel Kerr and Aisha Rahman" line (above its first section) says
    who works the plan, not who owns each item: the owner fields are Owner, DRI, Lead, Who…
    (SPEC §8.6), and one under a section's heading, or on an item, still owns."""
    found: list[Field] = a.memo.get("page_team")  # type: ignore[assignment]
    if found is None:
        tops = {0} if a.doc.title is None else {0, a.doc.title}
        found = [
            f
            for i in sorted(tops)
            for f in a.doc.sections[i].fields
            if f.label == "owner" and _written_as_team(a, f)
        ]
        a.memo["page_team"] = found
    return found


def _written_as_team(a: Analysis, f: Field) -> bool:
    starts = a.doc.line_starts
    if not 0 < f.line <= len(starts):
        return False
    # the field's line and what follows (a value may run on), whitespace collapsed
    near = " ".join(a.doc.text[starts[f.line - 1] : starts[f.line - 1] + 400].split())
    head = " ".join(f.value.split())[:12]
    return any(near[m.end() :].lstrip(" *_").startswith(head) for m in _TEAM_LABEL.finditer(near))


_TEAM_LABEL = re.compile(r"(?i)(?<![\w-])team[*_]*\s*:")
