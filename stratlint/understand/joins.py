"""The parts of a confirmed strategy or plan (SPEC §8.3, §8.9): subsections and component
sections that join the whole the genre confirmation has already judged material.

A subsection that only inherits a plan's kind joins it only if its own content is not
confidently technical material: a feature list ("### Project features": support the 32-bit
target, hardware loops …) under a hardware project's "# … Plan Approved" is an engineering
project's, whatever one confirmed section beside it says (SPEC §1, §8.9). Not a strategy's
parts: a business's diagnosis of its own product's technology ("## The challenge": fogged double
glazing in listed buildings) reads as technical to a model fitted on material sections, and is
still the strategy's."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from stratlint.model import Document, Kind
from stratlint.understand.headings import HeadingKind
from stratlint.understand.learn import models as learned
from stratlint.understand.learn.linear import argmax


def join_confirmed(
    doc: Document,
    hk: Sequence[HeadingKind],
    hints: Sequence[Kind],
    kinds: list[Kind],
    confirmed: dict[int, bool],
    proba: Mapping[int, Mapping[str, float]],
    unsure: dict[int, str],
    models: learned.Models,
    technical: set[int],
    technical_p: Callable[[int], float | None],
) -> None:
    """A part of a confirmed strategy or plan — a subsection that only inherits its kind ("###
    Banks" under "## Strategy"), or a component beside it ("## Challenge") — joins it unless its
    own content is confidently something else: the whole has already been judged material.
    `technical_p`: the domain model's p(technical) of a section where it reaches its threshold."""
    floor = float(models.thresholds.get("join", learned.OTHER_FLOOR))
    for sec in doc.sections:
        kind = hints[sec.index]
        if confirmed.get(sec.index, True) or kind not in (Kind.STRATEGY, Kind.PLAN, Kind.GOALS):
            continue
        parent = sec.parent if sec.parent is not None else 0
        if parent == 0 and doc.title is not None and sec.index != doc.title:
            parent = doc.title
        siblings = (
            doc.sections[parent].children
            if parent != doc.title
            else tuple(doc.sections[doc.title].children) + tuple(doc.sections[0].children)
        )
        inherited = (
            hk[sec.index].kind is None and confirmed.get(parent, False) and kinds[parent] == kind
        )
        component = hk[sec.index].role == "component" and (
            (confirmed.get(parent, False) and kinds[parent] == kind)
            or any(
                confirmed.get(c, False) and kinds[c] == kind and hk[c].role == "title"
                for c in siblings
                if c != sec.index
            )
        )
        if not (inherited or component):
            continue
        p = proba.get(sec.index)
        if p is not None and sum(p[g] for g in learned.MATERIAL[kind.value]) < floor:
            continue
        if sec.index in technical:
            continue  # a test plan under a confirmed plan is still not a business's plan
        tech = technical_p(sec.index) if kind == Kind.PLAN and inherited else None
        if tech is not None:
            technical.add(sec.index)
            unsure[sec.index] = f"technical material, not a business's: p={tech:.2f}"
            continue
        confirmed[sec.index] = True
        kinds[sec.index] = kind
        unsure.pop(sec.index, None)


def corroborate_strategy(
    doc: Document,
    hints: Sequence[Kind],
    kinds: list[Kind],
    confirmed: dict[int, bool],
    proba: Mapping[int, Mapping[str, float]],
    near: Mapping[int, float],
    unsure: dict[int, str],
    floor: float,
    technical_p: Callable[[int], float | None],
) -> None:
    """Sections of one page under strategy headings that read as strategy material nearly as
    surely as the genre threshold asks confirm each other (`near`: each unconfirmed one's
    material probability; `floor`: `content.corroborated` in thresholds.yaml). "## The
    challenge" at 0.94 and "## Strategic pillars" at 0.97 under "# Mining Strategy FY27", or
    numbered pillar sections under "# Commercial strategy 2026": one such section might be a
    team blurb, two independent readings seldom are. Only where most
    of the page's strategy-headed sections read as strategy more than as anything else: a
    product team's page whose "Why us" reads so beside a vision and a roadmap is not one. The
    strategy headings above them (the page's title over a byline) are confirmed with them, as
    `_Confirmation.judge` confirms a title over confirmed sections of its own kind."""
    sure = [i for i, pm in near.items() if pm >= floor]
    if len(sure) < 2:
        return
    judged = [i for i, p in proba.items() if hints[i] == Kind.STRATEGY]
    read = sum(1 for i in judged if argmax(proba[i], learned.GENRES)[0] == "strategy")
    if 2 * read <= len(judged):
        return
    for i in sure:
        if technical_p(i) is not None:
            continue
        at: int | None = i
        while at is not None and hints[at] == Kind.STRATEGY and not confirmed.get(at):
            confirmed[at] = True
            kinds[at] = Kind.STRATEGY
            unsure.pop(at, None)
            at = doc.sections[at].parent
