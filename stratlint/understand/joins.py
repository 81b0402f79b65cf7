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
