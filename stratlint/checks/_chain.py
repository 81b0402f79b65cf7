"""What a plan item's owner and deadline checks share: the items and headings above an item within
its plan, and the placeholders that fill a field without a value ("[Owner]", "TBD", "???")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from stratlint.model import Field, Statement
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


def answer_above(
    a: Analysis,
    st: Statement,
    scope: Scope,
    field: Callable[[tuple[Field, ...]], bool | None],
    says: Callable[[Statement], bool],
    heading_says: Callable[[int], bool],
    lead_in: Callable[[Statement], bool] | None = None,
) -> bool:
    """Whether the item, the items it sits under or the headings above it within its plan answer
    a question (who owns it, by when). The nearest field decides, a value or a placeholder
    (`field` gives True, False, or None where there is no such field); else the text of an item
    (`says`), the sentence that opens its list (`lead_in`), a heading other than the title's
    (`heading_says`, given the heading statement's index). A field under the title of a page the
    plan is only one part of ("# … GOSPA FY27" over "Owner: Olivia Brandt · Version 3") is the
    page's byline, not the plan's: it answers for no item."""
    chain = [st, *ancestors(a, st)]
    for item in chain:
        found = field(item.fields)
        if found is not None:
            return found
        if says(item):
            return True
    if lead_in is not None and lead_in(chain[-1]):
        return True
    for s in section_chain(a, st, scope):
        sec = a.doc.sections[s]
        if s == a.doc.title and s not in scope.sections:
            continue  # the byline of a page the plan is one part of ("Owner: Olivia Brandt")
        found = field(sec.fields)
        if found is not None:
            return found
        if sec.heading is not None and s != a.doc.title and heading_says(sec.heading):
            return True
    return False
