"""A strategy's pillars (A301, A302, and the HTML report's map): its subsections that are not one
of its components, and the choice items of its containers, each with its key terms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratlint.checks._items import list_intro
from stratlint.model import Cls, Statement
from stratlint.understand.analysis import Analysis, Scope
from stratlint.understand.classify import content_words
from stratlint.understand.page_kinds import aspiration_of_strategy

_COMPONENT = {
    "where we play",
    "where to play",
    "how we win",
    "how to win",
    "target market",
    "target markets",
    "icp",
    "ideal customer",
    "ideal customer profile",
    "value proposition",
    "value prop",
    "why us",
    "why customers buy",
    "why they buy",
    "differentiation",
    "diagnosis",
    "challenge",
    "challenges",
    "the challenge",
    "what we won't do",
    "what we will not do",
    "where we won't play",
    "where we will not play",
    "competitive advantage",
    "target segments",
    "target customers",
    "who we sell to",
    "our customers",
    "guiding policy",
    "thesis",
    "positioning",
    "approach",
}
_CONTAINER = {
    "pillars",
    "pillar",
    "choices",
    "focus areas",
    "focus area",
    "strategic priorities",
    "strategic pillars",
    "strategic choices",
    "big bets",
    "strategic bets",
    "strategy",
    "strategies",
    "go-to-market strategy",
    "gtm strategy",
}
# Containers that name their items pillars, as "## Strategy" does not: every top-level item under
# them is a pillar by the writer's own word.
_PILLAR_LIST = _CONTAINER - {"strategy", "strategies", "go-to-market strategy", "gtm strategy"}
# Parts of a strategy that are not pillars: its diagnosis, its exclusions, its reasons.
_NOT_A_PILLAR = re.compile(
    r"^\W*(?:why us|why they buy|why customers|not for us|who (?:it'?s|we(?:'re)?) not for|"
    r"what we won'?t do|where we won'?t play|won'?t do|we won'?t|not doing|out of scope|"
    r"diagnosis|the challenge|challenges?|what'?s in our way|obstacles?|the problem|situation|"
    r"context|background|where we are|current state|risks?|assumptions?|who we serve|where we play|"
    r"how we win|how to win|target market|icp|ideal customer)\b",
    re.IGNORECASE,
)


# "## Our priorities", "## Priorities for 2027": no kind word, but the writer's word for the pillars
# listed under it.
_PRIORITIES = re.compile(r"\bpriorities\b", re.IGNORECASE)
# A heading that names one pillar by its label ("Pillar 1: Brewery packaging", "Priority 2 —
# agencies") is that pillar, not a list of them.
_ONE_PILLAR = re.compile(
    r"^\W*(?:strategic\s+)?(?:pillar|priority|choice|bet|focus area)\s*(?:#?\d+)?\s*[:.)\-–—]\s*\w",
    re.IGNORECASE,
)
# A heading that asks ("Why merchants choose us", "What we give up", "What's going on") names a
# part of the strategy, its reasons, its trade-offs or its diagnosis; a pillar names a choice.
_QUESTION = re.compile(r"^\W*(?:why|what|where|who|how|when)\b", re.IGNORECASE)
_NEGATION = re.compile(r"^\W*(?:\w+[^\w,]+){0,3}?(?:not|no|never|won'?t|don'?t)\b", re.IGNORECASE)


def _exclusion(a: Analysis, st: Statement) -> bool:
    """An item that says what the team will not do ("We will not supply retail shelves", "Not
    this year: airports"): the strategy's trade-off, not a pillar a plan must serve. A choice with
    its contrast after a comma ("Price per trip, not per seat, for …") chooses: a pillar. On the
    training side that reading took S108 from 133 to 134 true findings (A301 +2 false alarms)."""
    return a.tagged(st, "tradeoff") and bool(_NEGATION.match(st.text))


@dataclass(frozen=True)
class Pillar:
    kind: str  # "section" | "item"
    index: int  # section index or statement index
    text: str
    line: int
    anchor: str
    terms: frozenset[str]  # key terms of the whole pillar (heading and text)
    number: int
    key: frozenset[str] = frozenset()  # its name: the heading, or the item's first sentence


def heading_words(a: Analysis, idx: int) -> set[str]:
    return set(a.heading_kinds[idx].words)


def pillars_of(a: Analysis, scope: Scope) -> list[tuple[str, int, str]]:
    return [(p.kind, p.index, p.text) for p in pillar_records(a, scope)]


def pillar_records(a: Analysis, scope: Scope) -> list[Pillar]:
    """The strategy's pillars, numbered in line order: its subsections that are not a component
    (challenge, exclusions, reasons), and the top-level choice items of its containers."""
    key = ("pillars", scope.line)
    if key not in a.memo:
        containers: list[int] = []
        out = _section_pillars(a, scope, containers)
        out += _item_pillars(a, containers, len(out))
        out.sort(key=lambda p: p.line)
        a.memo[key] = [
            Pillar(p.kind, p.index, p.text, p.line, p.anchor, p.terms, n + 1, p.key)
            for n, p in enumerate(out)
        ]
    return list(a.memo[key])


def _section_pillars(a: Analysis, scope: Scope, containers: list[int]) -> list[Pillar]:
    """Pillars that are sections; the sections that hold pillars as items go into `containers`."""
    doc = a.doc
    out: list[Pillar] = []
    for root in scope.roots:
        containers.append(root)
        if root == a.top and a.top != 0:
            containers.append(0)
        kids = list(doc.sections[root].children)
        for c in kids:
            if c not in scope.sections:
                continue
            words = heading_words(a, c)
            if (words & _CONTAINER or _PRIORITIES.search(doc.sections[c].title)) and not (
                _ONE_PILLAR.match(doc.sections[c].title)
            ):
                containers.append(c)
                kids.extend(doc.sections[c].children)  # "## Strategic pillars" over "### 1. …"
                continue
            title = doc.sections[c].title
            if (
                words & _COMPONENT
                or _NOT_A_PILLAR.search(title)
                or _QUESTION.match(title)
                or aspiration_of_strategy(doc, a.heading_kinds, c)  # where it aims, not a choice
            ):
                continue
            sts = [
                doc.statements[i]
                for i in doc.sections[c].statements
                if not doc.statements[i].quoted
            ]
            if not sts:
                continue
            text = doc.sections[c].title + " " + " ".join(s.text for s in sts)
            out.append(
                Pillar(
                    "section",
                    c,
                    doc.sections[c].title,
                    doc.sections[c].line,
                    doc.sections[c].anchor,
                    frozenset(content_words(text)),
                    len(out) + 1,
                    frozenset(content_words(_name(doc.sections[c].title))),
                )
            )
    return out


def _item_pillars(a: Analysis, containers: list[int], before: int) -> list[Pillar]:
    """Pillars that are top-level choice items of `containers` (numbered after `before`); a
    container that D402 reads as another kind holds none (one finding for one mislabelled
    section, SPEC §8.5: its goals and actions are not pillars a plan must serve)."""
    doc = a.doc
    out: list[Pillar] = []
    for c in containers:
        if c in a.mislabeled:
            continue  # "## Strategies" over goals and tactics (D402): its items are no choices
        choice_lists = _choice_lists(a, c)
        for i in doc.sections[c].statements:
            st = doc.statements[i]
            if st.quoted or st.form not in ("item", "row") or st.depth != 0 or st.is_field:
                continue
            if _NOT_A_PILLAR.match(st.text) or _exclusion(a, st) or _asking_label(st.text):
                continue
            if a.cls(st) != Cls.CHOICE and not (
                (
                    heading_words(a, c) & _PILLAR_LIST
                    or _PRIORITIES.search(doc.sections[c].title)
                    or _named_by_lead_in(a, st)
                    or st.index in choice_lists
                )
                and not (a.cls(st) in (Cls.GOAL, Cls.ACTION) and a.sure(st))
            ):
                # Under "## Pillars" an item is one unless it is surely a goal or a tactic.
                continue
            subs = [s.text for s in a.children(st.index)]
            first = re.split(r"(?<=[.:;—–])\s", st.text, maxsplit=1)[0]
            out.append(
                Pillar(
                    "item",
                    st.index,
                    st.text,
                    st.line,
                    "",
                    frozenset(content_words(" ".join([st.text, *subs]))),
                    before + len(out) + 1,
                    frozenset(content_words(first)),
                )
            )
    return out


def _choice_lists(a: Analysis, section: int) -> set[int]:
    """The top-level items of the section's lists that are lists of choices: most of their items
    (two thirds, at least three) are. The writer lists the pillars side by side, so an item among
    them the class model reads as context ("K-12 school districts through distributors that hold
    state cooperative contracts") is one more pillar, unless it is surely a goal or a tactic."""
    doc = a.doc
    out: set[int] = set()
    run: list[Statement] = []
    for i in [*doc.sections[section].statements, -1]:
        st = doc.statements[i] if i >= 0 else None
        if st is not None and (st.form == "item" and st.depth > 0 or st.quoted):
            continue
        if st is not None and st.form == "item" and not st.is_field:
            run.append(st)
            continue
        choices = sum(a.cls(x) == Cls.CHOICE for x in run)
        if choices >= 3 and 3 * choices >= 2 * len(run):
            out.update(x.index for x in run)
        run = []
    return out


def _asking_label(text: str) -> bool:
    """An item labelled with a question word ("What we leave out: no new-build, no sash work"),
    as a heading that asks names a part of the strategy, not a choice to serve."""
    label, colon, _ = text.partition(":")
    return bool(colon) and len(label.split()) <= 6 and bool(_QUESTION.match(label))


# "We enter the market on seven pillars:", "Our priorities for 2027:": the sentence that opens a
# list names its items pillars, as a "## Pillars" heading does.
_PILLAR_LEAD_IN = re.compile(
    r"\b(?:pillars?|priorities|strategic choices|bets|focus areas)\b[^.!?]*:\s*$", re.IGNORECASE
)


def _named_by_lead_in(a: Analysis, st: Statement) -> bool:
    intro = list_intro(a, st)
    return intro is not None and bool(_PILLAR_LEAD_IN.search(intro.text))


def _name(title: str) -> str:
    """A pillar heading without its number: "Pillar 2: Franchise groups" → "Franchise groups"."""
    return re.sub(
        r"^\W*(?:pillar|priority|choice|bet|theme)?\s*\d*[.:)\-–—]*\s*",
        "",
        title,
        flags=re.IGNORECASE,
    )
