"""Which unsure items of a plan's list are judged as action items (P202/P203): an item the class
model finds likely an action, or a named person's step, among a list of sure actions (a list of
a plan holds one kind of thing)."""

from __future__ import annotations

import re

from stratlint.checks._subjects import assigned_to, named_doer
from stratlint.model import Cls, Statement
from stratlint.understand.analysis import Analysis
from stratlint.understand.shape import shape_of


def named_step(a: Analysis, st: Statement) -> bool:
    """An item whose subject names who does it, in the present ("Owen builds a prospect list of
    80 processors.", SPEC §8.4: an action item), among a list of sure actions, though the class
    model, reading it alone, is unsure of it or calls it context (giving it some weight as an
    action)."""
    if st.form != "item" or a.cls(st) not in (Cls.CONTEXT, Cls.ACTION):
        return False
    if a.class_proba.get(st.index, {}).get("ACTION", 0.0) < 0.2:
        return False
    shape = shape_of(a.signals[st.index].tokens)
    if shape.frame != "present" or not named_doer(a, shape, st.index):
        return False
    sure, total = _list_actions(a, st.section, st.form)
    return sure >= 2 and 2 * sure >= total - 1


def assigned_step(a: Analysis, st: Statement) -> bool:
    """A step assigned to a named person the way minutes write it ("Gareth to chase the faculty
    application with the diocese.", `assigned_to`): an action item with its owner (SPEC §8.4),
    though the class model, which reads "to chase" as no verb of a sentence, calls it context."""
    return (
        st.form in ("item", "sentence")
        and a.cls(st) in (Cls.CONTEXT, Cls.ACTION)
        and bool(assigned_to(a.signals[st.index].tokens))
    )


def among_actions(a: Analysis, st: Statement) -> bool:
    """An item that reads more as an action than anything else, in a list of a plan that holds
    sure actions (a list of a plan holds one kind of thing): with p >= 0.6, where at least two
    and at least half of its siblings are sure actions ("Press day for Tokyo fashion editors"
    among dated, owned actions); written as a command, with p >= 0.5, where one sibling is ("Follow
    up all open quotes older than 60 days." beside "Kim runs the dealer day on 12 May"). A
    team's list of duties ("Provide coaching to working groups") holds no sure action. On the
    training side (4 rotated writers and 138 tune writers) the command reading took P202/P203
    from 2322 to 2360 true findings, false alarms 149 to 150."""
    if st.form not in ("item", "row") or a.cls(st) != Cls.ACTION:
        return False
    p = a.class_proba.get(st.index, {}).get("ACTION", 0.0)
    if p < 0.5:
        return False
    sure, total = _list_actions(a, st.section, st.form)
    if a.sure(st) and a.cls(st) == Cls.ACTION:
        sure -= 1  # its siblings only
    if (
        sure >= 1
        and st.form == "item"
        and shape_of(a.signals[st.index].tokens).frame == "imperative"
    ):
        return True
    if p >= 0.6 and sure >= 1 and sure == total - 1:
        # every sibling is a sure action ("Quarterly Reports are published … by 30 June 2026.")
        return True
    return p >= 0.6 and sure >= 2 and 2 * sure >= total - 1


def work_row(a: Analysis, st: Statement) -> bool:
    """A row of a table whose column names the work its cells hold ("| Phase | Tasks |", "|
    Initiative | Pillar |", "| What | Who | When |"): the table says what its rows are, as a list
    of sure actions says it of its items (SPEC §8.4: an action is a commitment, with or without
    owner and date). A row the class model reads more as an action than anything else, with
    p >= 0.5, is an action item there, though the model reading it alone is not sure of it."""
    if st.form != "row" or a.cls(st) != Cls.ACTION:
        return False
    if a.class_proba.get(st.index, {}).get("ACTION", 0.0) < 0.5:
        return False
    return any(cell.strip() and _WORK_COLUMN.match(head) for head, cell in st.cells)


# A column heading that names what is done, not who or when ("Tasks", "Key initiatives").
_WORK_COLUMN = re.compile(
    r"^\W*(?:(?:key|next|planned|main)\s+)?(?:actions?|initiatives?|tasks?|activit(?:y|ies)|"
    r"steps?|deliverables?|projects?|plays?|what|to[- ]?dos?)\W*$",
    re.IGNORECASE,
)


def named_activity(a: Analysis, st: Statement) -> bool:
    """An item that names an activity in no verb ("Booth at the Michigan plumbing show",
    "Webinar for practice managers on payer denial trends", SPEC §8.4: an event is an action),
    or a command whose verb is an activity ("Renew the two La Pine land leases", "Invite Marco
    to the customer day"), in a list where at least two and at least half of its siblings are
    sure actions. The class model, reading such a line alone, calls it context or is unsure:
    procedure steps are commands too, and the list around it tells them apart."""
    if st.form != "item" or a.cls(st) not in (Cls.CONTEXT, Cls.ACTION):
        return False
    if st.index in a.parents or st.parent is not None:
        return False  # an initiative's name over its steps, or a detail of its parent item
    sig = a.signals[st.index]
    if not sig.has("activity-nouns", "activity-verbs"):
        return False
    shape = shape_of(sig.tokens)
    if shape.frame == "imperative":
        verb = sig.tokens[shape.verb] if shape.verb >= 0 else None
        if verb is None or not any(x <= verb.start < y for x, y in sig.get("activity-verbs")):
            return False
    elif shape.frame != "noun":
        return False
    sure, total = _list_actions(a, st.section, st.form)
    return sure >= 2 and 2 * sure >= total - 1


def told_past(a: Analysis, st: Statement) -> bool:
    """A sentence told in the past ("We lost Camden County College to a Philadelphia distributor
    on price in September", "We ended Q1 with 64 active practices") is a fact, the plan's
    diagnosis (SPEC §8.4: the past is CONTEXT), whatever weight the class model gives it as an
    action: no commitment to own or date. A participle joined to the word before it ("the
    H&S-led deals", "partner-sourced leads") describes a noun; it tells nothing in the past."""
    if st.form not in ("sentence", "item"):
        return False
    toks = a.signals[st.index].tokens
    shape = shape_of(toks)
    if shape.frame != "past":
        return False
    return not (
        shape.verb > 0
        and toks[shape.verb - 1].text == "-"
        and toks[shape.verb - 1].end == toks[shape.verb].start
    )


def _list_actions(a: Analysis, section: int, form: str) -> tuple[int, int]:
    """(sure actions, all) among a section's statements of one form, counted once a section: a
    long list's unsure items each ask, and a scan per item would be quadratic."""
    key = ("list_actions", section, form)
    found: tuple[int, int] | None = a.memo.get(key)
    if found is None:
        same = [
            x
            for x in (a.doc.statements[i] for i in a.doc.sections[section].statements)
            if x.form == form
        ]
        sure = sum(1 for x in same if a.sure(x) and a.cls(x) == Cls.ACTION)
        found = a.memo[key] = (sure, len(same))
    return found


def commits(a: Analysis, sts: list[Statement], items: list[Statement]) -> bool:
    """The plan commits to something, so a section-level claim about it (P204, P205) means
    something: it holds an action item, or an action the class model is sure of or that carries
    an item's fields (one the item tests set aside: "Sam calls 10 hospitals by 31 May to book 5
    demos" read as its target; "Open a channel partner program next quarter (Owner: Priya)",
    with its owner and date). A format specification titled "Preservation Action Plan" holds
    none of these (judging25)."""
    if not any(not s.is_field for s in sts):
        return False
    return bool(items) or any(
        a.cls(st) == Cls.ACTION and (a.sure(st) or bool(st.fields)) for st in sts
    )
