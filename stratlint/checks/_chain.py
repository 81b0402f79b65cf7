"""What a plan item's owner and deadline checks share: the items and headings above an item within
its plan, and the placeholders that fill a field without a value ("[Owner]", "TBD", "???")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stratlint.model import Statement
from stratlint.understand.analysis import Analysis, Scope

PLACEHOLDER = re.compile(
    r"^\s*(?:\[[^\]]*\]|<[^>]*>|\{[^}]*\}|_+|\?+|-+|—|–|x+|n/?a|tbd|tbc|"
    r"to be (?:decided|determined|confirmed)|none|unassigned|\.\.\.|…)?\s*$",
    re.IGNORECASE,
)


def ancestors(a: Analysis, st: Statement) -> Iterator[Statement]:
    """The items it sits under, and for a table row the row it continues ("Month 1" over the
    rows of that month's tasks)."""
    p = st.parent if st.parent is not None else st.continues
    while p is not None:
        parent = a.doc.statements[p]
        yield parent
        p = parent.parent if parent.parent is not None else parent.continues


def section_chain(a: Analysis, st: Statement, scope: Scope) -> Iterator[int]:
    s: int | None = st.section
    while s is not None:
        yield s
        if s == a.top and a.top != 0:
            yield 0
        if s not in scope.sections:
            break
        s = a.doc.sections[s].parent
