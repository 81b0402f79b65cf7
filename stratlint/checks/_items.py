"""What in a plan is an action item, whatever its verbs (SPEC §3: an action item commits someone
to do something): not a finished one, a user story, a cost or allocation line, a sentence about a
thing or another party, a row of a strategy column, of a fact sheet or of a list of things."""

from __future__ import annotations

import re
from collections.abc import Iterable

from stratlint import lexicon
from stratlint.model import Cls, Kind, Statement
from stratlint.understand.analysis import Analysis
from stratlint.understand.headings import heading_kind
from stratlint.understand.shape import shape_of

# An item marked done ("- [x] …", "✅ Milestone 1 …") is no longer an open commitment.
_DONE_MARK = re.compile(
    r"^\W{0,3}(?:✅|✔|☑|:white_check_mark:|:heavy_check_mark:|:ballot_box_with_check:)"
)


def done(st: Statement) -> bool:
    return any(f.label == "done" for f in st.fields) or bool(_DONE_MARK.match(st.text))


# Not commitments, whatever their verbs: a user story ("As an idea owner, I can edit my draft")
# states what a product must let someone do; a cost line ("Cloud hosting: $150-200") prices one.
_USER_STORY = re.compile(
    r"\bas an? [^,;:]{1,60},\s*I\s+(?:can|want|need|should|would|will|must|am able)\b",
    re.IGNORECASE,
)
_AMOUNT = (
    r"(?:~|approx\.?\s*|up to\s*)?[$€£]\s?\d[\d,.]*\s*[kKmM]?"
    r"(?:\s*(?:-|–|to)\s*[$€£]?\s?\d[\d,.]*\s*[kKmM]?)?(?:\s*(?:/\s*\w+|per \w+))?\W*$"
)
# A line's label: up to its colon, one phrase ("Travel and booth: $3,000"). A sentence that ends
# before the colon ("Run a fam trip in May. Budget: €25,000.") is an action with its cost field.
_LABEL = r"^(?:(?![.!?]\s)[^:;]){2,80}:"
_COST_LINE = re.compile(_LABEL + r"\s*" + _AMOUNT)
_COST_CELL = re.compile(r"^\s*" + _AMOUNT)


# A sentence about a thing ("It puts into practice the strategy we agreed", "This covers Q1"), or
# about what another party does ("Their quality team audits every carrier each year"): its
# subject is no one of ours who could commit to it.
_THING_SUBJECT = re.compile(
    r"^\W*(?:(?:it|this|that|these|those|there)\s+(?!will\b)[a-z]+s?|their\s+[a-z]+(?:\s+[a-z]+)?"
    r"\s+[a-z]+s)\b"
)


# An allocation of time or people to a thing ("CMM time: 30 hours reserved in May", "Equipment
# surveys for the office-park owners: 30 technician hours"): a resource line, as a cost line is.
ALLOCATION_LINE = re.compile(
    _LABEL + r"\s*(?:~|about\s+|up to\s+)?\d[\d,.]*\s+(?:[a-z-]+\s+)?"
    r"(?:hours?|hrs?|person-days?|days?|FTEs?|people|heads?|seats?|licen[cs]es)\b",
    re.IGNORECASE,
)


def not_a_commitment(st: Statement) -> bool:
    """A user story, a cost or allocation line, a strategy or fact-sheet row, a thing as the
    subject, or a question ("Who covers Texas once Ana moves to the add-on launch?": an open
    question the plan asks, no commitment to own or date)."""
    return bool(
        st.text.rstrip().endswith("?")
        or _USER_STORY.search(st.text)
        or _COST_LINE.match(st.text)
        or ALLOCATION_LINE.match(st.text)
        or _strategy_row(st)
        or _fact_sheet_row(st)
        or _cost_row(st)
        or (st.form == "sentence" and _THING_SUBJECT.match(st.text.lower()))
    )


def _strategy_row(st: Statement) -> bool:
    """A row of a table whose text column is headed as strategy ("Platform | Strategy": how each
    channel is used) says how, not what will be done by when: a choice, not an action item."""
    return st.form == "row" and any(
        cell.strip() and _names_strategy_column(head) for head, cell in st.cells[1:]
    )


def _cost_row(st: Statement) -> bool:
    """A row of a budget table ("| Line | Amount |" over "| Audit travel and measurement kit |
    $45k |"): a label and what it costs, the table's columns naming no work. It prices a line
    of the plan, as a cost line does; it commits no one to anything."""
    return (
        st.form == "row"
        and len(st.cells) >= 2
        and not any(_WORK_COLUMN.search(h) for h, _ in st.cells)
        and all(_COST_CELL.match(cell) for _, cell in st.cells[1:])
    )


def _fact_sheet_row(st: Statement) -> bool:
    """A row of a table with no column headings ("| | |" over "| Tender | RFP expected 15
    February, decision in May |") is a fact sheet of label and value, like front matter: an
    attribute of the page, not an item of its plan."""
    return st.form == "row" and bool(st.cells) and not any(h.strip() for h, _ in st.cells)


# Column headings that make a table a plan's list of work: what is done, by whom, by when.
_WORK_COLUMN = re.compile(
    r"\b(?:actions?|initiatives?|tasks?|activit(?:y|ies)|steps?|what|deliverables?|projects?|"
    r"plays?|owners?|who|dri|leads?|due|deadlines?|when|dates?|by|timeline|status|next steps?)\b",
    re.IGNORECASE,
)


def roster_row(a: Analysis, st: Statement) -> bool:
    """A row of a table of things, not of work ("| Client | Covered lives | Renewal |" over
    "| Piedmont Textile Group | 4,200 | 1 July 2027 |", "| Region | AE | Named accounts |"): no
    column names an action, an owner or a due date, and the row says nothing in a verb, or its
    first column lists people. A list of accounts, of coverage or of stakeholders describes the
    territory; it is no item of the plan."""
    return (
        st.form == "row"
        and bool(st.cells)
        and not any(_WORK_COLUMN.search(h) for h, _ in st.cells)
        and (
            _PEOPLE_COLUMN.match(st.cells[0][0]) is not None
            or shape_of(a.signals[st.index].tokens).frame == "noun"
        )
    )


# A first column of people ("| Name | Role | Where they stand |"): a table of who is who, whatever
# its other cells say ("Leaning to Infinite Campus").
_PEOPLE_COLUMN = re.compile(
    r"^\W*(?:names?|stakeholders?|contacts?|people|person|buyers?|decision[- ]makers?)\W*$",
    re.IGNORECASE,
)


def _names_strategy_column(head: str) -> bool:
    """ "Strategy", "Approach" — not "Pillar", which says which strategy an initiative serves."""
    hk = heading_kind(head)
    return hk.kind == Kind.STRATEGY and hk.role == "title"


def under_resources_heading(a: Analysis, st: Statement) -> bool:
    """The item sits in a section whose heading names the plan's resources ("## Resources",
    "### Budget and headcount"): it is a resource the plan takes (P205), not a commitment. So is
    one under a heading naming the plan's risks or assumptions ("## Risks"), unless the heading
    also names what is done about them ("Risks and mitigations")."""
    key = ("resources_heading", st.section)
    found: bool | None = a.memo.get(key)
    if found is None:
        title = a.doc.sections[st.section].title
        words = lexicon.section_words()
        found = a.memo[key] = _names_any(title, words.get("resources") or ()) or (
            _names_any(title, words.get("risks") or ()) and not _names_any(title, _ACTED_ON)
        )
    return found


# "Risks and mitigations", "Risks and next steps": the section also says what is done.
_ACTED_ON = ("mitigation", "mitigations", "actions", "action", "next steps", "response", "plan")


def under_label_of_targets(a: Analysis, st: Statement, means: bool = True) -> bool:
    """The item's list opens under a label line that names targets or resources ("**Targets**",
    "Budget and people:"): a heading in all but markup, whose items are the plan's measures or
    means (P204, P205), not commitments to own and date. With `means` False, a label of targets
    only ("**Targets for the half**")."""
    intro = list_intro(a, st)
    if intro is None or not _short_label(intro.text):
        return False  # its words say what the list is: no verb test ("Budget and tools")
    goals = lexicon.section_words().get("goals") or {}
    names = [*(lexicon.section_words().get("resources") or ()), *(goals.get("title") or ())]
    return _names_any(intro.text, names if means else goals.get("title") or ())


def after_label_of_targets(a: Analysis, st: Statement) -> bool:
    """The sentence follows a run-in label of targets on its own line ("**Targets.** Two concert
    hall contracts signed …"): the label names what the sentence is, as a "**Targets**" line over
    a list does."""
    if st.form != "sentence" or st.index == 0:
        return False
    label = a.doc.statements[st.index - 1]
    goals = lexicon.section_words().get("goals") or {}
    return (
        label.form == "sentence"
        and label.section == st.section
        and label.line == st.line
        and _short_label(label.text.rstrip(".:"))
        and _names_any(label.text, goals.get("title") or ())
    )


# How far back a list's opening sentence is looked for: each item walks back over the items
# before it, so the walk is bounded to keep time linear on a list of thousands (SPEC §7).
LIST_REACH = 200


# A sentence that opens a list ends in a colon or says so: "… for 2016:", "the following steps".
LEAD_IN = re.compile(r"[:：]\s*$|\b(?:following|below)\b", re.IGNORECASE)


def list_intro(a: Analysis, st: Statement) -> Statement | None:
    """The sentence that opens the list item `st` stands in: the statement before its run of
    items, in its section ("Our priorities for 2027:", "**Targets**"), or None."""
    if st.form != "item":
        return None
    j = st.index - 1
    stop = max(-1, j - LIST_REACH)
    while j > stop and a.doc.statements[j].form == "item":
        j -= 1
    if j < 0 or a.doc.statements[j].form == "item":
        return None
    intro = a.doc.statements[j]
    return intro if intro.form == "sentence" and intro.section == st.section else None


def label_line(a: Analysis, st: Statement) -> bool:
    """A short line with no verb and no full stop over a list ("**Q1 priorities**", "Q2 (April
    to June)"): a heading in all but markup, naming what the list below it is."""
    return _short_label(st.text) and shape_of(a.signals[st.index].tokens).frame == "noun"


def _short_label(text: str) -> bool:
    """Five words at most, with no full stop, question or exclamation mark at the end."""
    text = text.strip()
    return bool(text) and text[-1] not in ".!?" and len(text.split()) <= 5


def _names_any(text: str, names: Iterable[str]) -> bool:
    """`text` holds one of `names`, each a word or a phrase of whole words."""
    title = f" {' '.join(re.findall(r'[a-z]+', text.lower()))} "
    return any(f" {n} " in title for n in names)


def sub_items(a: Analysis, st: Statement) -> list[Statement]:
    """The items written under item `st` (its own sub-list; looked for in the next 40
    statements, so a long list stays linear)."""
    return [x for x in a.doc.statements[st.index + 1 : st.index + 40] if x.parent == st.index]


# A label line over a list of objectives, and one over a list of key results (SPEC §8.10).
_OBJECTIVES_LABEL = re.compile(r"^\W*(?:our\s+)?objectives?\W*$", re.IGNORECASE)
_RESULTS_LABEL = re.compile(r"^\W*(?:key\s+results?|krs)\W*$", re.IGNORECASE)


def listed_objective(a: Analysis, st: Statement) -> bool:
    """An item of a list labelled as objectives, with a list labelled as key results further on
    in its section ("**Objectives**" … "**Key Results**" with "Get 3 operation centers to use
    Shuffle"): the objectives and key results of SPEC §8.10 written as two labelled lists; the
    objectives are measured by the results, not vague targets."""
    intro = list_intro(a, st)
    if intro is None or not _OBJECTIVES_LABEL.match(intro.text):
        return False
    after = a.doc.sections[st.section].statements
    return any(i > st.index and _RESULTS_LABEL.match(a.doc.statements[i].text) for i in after)


# "KR 2:", "Key result:", "Product KR:", "Core services KR:" — a key result, by its label.
KEY_RESULT = re.compile(
    r"^\W*(?:(?:kr|key result)\s*\d*\b|(?:[a-z&/-]+\s+){1,3}(?:kr|key result)\s*\d*\s*[:.)\-–—])",
    re.IGNORECASE,
)

# "Objective 2: Grow in Wales", "O1 -": a line that names itself an objective by its label.
_OBJECTIVE_NAMED = re.compile(r"^\W*(?:objective|o)\s*\d+\s*[:.)\-–—]", re.IGNORECASE)


def labelled_objective(a: Analysis, st: Statement) -> bool:
    """A line labelled as an objective ("**Objective 2: Grow in Wales and the Lake District**")
    over a list of key results labelled so ("- KR1: 60 new paying properties"): the objective and
    key results of SPEC §8.10, written as a label line and its list."""
    if st.form != "sentence" or not _OBJECTIVE_NAMED.match(st.text):
        return False
    items = a.doc.statements[st.index + 1 : st.index + 1 + LIST_REACH]
    run = [x for x in items if x.section == st.section and x.form == "item"]
    return any(list_intro(a, x) is st and KEY_RESULT.match(x.text) for x in run)


def under_heading(a: Analysis, idx: int) -> list[Statement]:
    """A heading's statements: its section's own, or, where it heads only sections ("#### GOAL 2:
    Increase Product Quality" over "##### How" and its numbered results), theirs."""
    doc = a.doc
    own = [doc.statements[i] for i in doc.sections[idx].statements]
    if own:
        return own
    todo = list(doc.sections[idx].children)
    while todo:
        sec = doc.sections[todo.pop(0)]
        own.extend(doc.statements[i] for i in sec.statements)
        todo.extend(sec.children)
    return own


def measures(x: Statement) -> bool:
    """A listed key result or action under an objective: an item or row of a few words, not a
    field, a link to elsewhere or a placeholder ("COMING SOON" is none)."""
    return (
        x.form in ("item", "row")
        and not x.is_field
        and not x.is_navigation
        and len(x.text.split()) >= 3
    )


def money_committed(a: Analysis, st: Statement) -> bool:
    """Money the plan commits, not money it measures or tells of (SPEC §3 P205): in a step ("Run
    a $5k sponsorship at the show"), a cost line ("Conference booth: $1,850") or an amount for a
    purpose ("$12,000 for travel and conferences"). A revenue target, last year's sales, a price
    or what a deal is worth is no resource: an amount under a metric's label ("Q1 bookings:
    C$2.1M"), for a period ("$1.6M for calendar 2027") or told without a purpose names none."""
    sig = a.signals[st.index]
    if not sig.has("MONEY"):
        return False
    if a.cls(st) == Cls.ACTION:
        return True
    # A cost line's label names no metric ("Q1 bookings: C$2.1M" is a measure, not a cost).
    if _COST_LINE.match(sig.text) and not any(
        x < sig.text.index(":") for x, _ in sig.get("metrics")
    ):
        return True
    return any(
        _FOR_PURPOSE.match(sig.text, end) and not _FOR_PERIOD.match(sig.text, end)
        for _, end in sig.get("MONEY")
    )


_FOR_PURPOSE = re.compile(r"\)?\s*for\b", re.IGNORECASE)
_FOR_PERIOD = re.compile(
    r"\)?\s*for\s+(?:the\s+)?(?:(?:full|whole|financial|calendar|fiscal)\s+)?"
    r"(?:year|quarter|half|month|season|period|fy|q[1-4]|h[12]|\d{4})",
    re.IGNORECASE,
)
