"""The learned confirmation (SPEC §8.9): each statement's class from the class model, and each
section's kind kept only where the genre model or its confident content confirms it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from stratlint.model import Cls, Document, Kind, Section
from stratlint.understand.bylines import only_byline, only_greeting
from stratlint.understand.classify import Evidence, Verdict
from stratlint.understand.confident import confident_content, definition_table, plan_target
from stratlint.understand.headings import HeadingKind, declared_above, hint_owner
from stratlint.understand.inputs import (
    document_inputs,
    domain_inputs,
    own_statements,
    section_rows,
)
from stratlint.understand.joins import corroborate_strategy, join_confirmed
from stratlint.understand.learn import models as learned
from stratlint.understand.learn.linear import argmax
from stratlint.understand.learn.table import ProbaTable
from stratlint.understand.nlp import Signals
from stratlint.understand.page_kinds import anothers_kind_is_neither


def learned_classes(
    doc: Document,
    rows: Callable[[int], tuple[int, ...]],
    verdicts: dict[int, Verdict],
    models: learned.Models,
    unsure: set[int],
    pending: dict[int, Verdict] | None = None,
) -> tuple[ProbaTable, ProbaTable | None]:
    """Each statement's class from the learned model (its most probable class). A statement whose
    class is below that class's threshold goes into `unsure`: it still counts in its section
    (pillars, D401/D402), but no statement-level finding is raised on it (SPEC §8.9).

    Field lines are not classified. `rows(i)` gives statement i's model inputs (from its own
    hand verdict, read before it is replaced here) as the rows of the class and tag models' joint
    matrix (`inputs.statement_rows`), and a document's statements are scored by both models at once
    (`JointScorer.values`), `_SCORED_AT_ONCE` at a time: the inputs of a long document's
    statements are never all held at once (issue 15). Returns the class and tag probabilities.
    `pending`: the replaced verdicts go there instead, for the caller to apply once the genre
    model has read the hand verdicts (no copy of them all; each statement's own inputs read only
    its own verdict, so the order makes no difference)."""
    changed = verdicts if pending is None else pending
    out = ProbaTable(models.cls.labels, len(doc.statements))
    tags = ProbaTable(models.tags.labels, len(doc.statements)) if models.tags else None
    scorer = models.statements
    # `argmax` over CLASSES (the first of them on a tie), on values in the model's label order
    order = [(c, models.cls.labels.index(c), models.class_threshold(c)) for c in learned.CLASSES]
    ids = [i for i in verdicts if not doc.statements[i].is_field]
    for start in range(0, len(ids), _SCORED_AT_ONCE):
        chunk = ids[start : start + _SCORED_AT_ONCE]
        for i, (p, *tag_p) in zip(chunk, scorer.values([rows(i) for i in chunk]), strict=True):
            if tags is not None and tag_p:
                tags.put(i, tag_p[0])
            out.put(i, p)
            cls, k, need = order[0]
            prob = p[k]
            for c, k, t in order[1:]:
                if p[k] > prob:
                    cls, prob, need = c, p[k], t
            if prob < need:
                unsure.add(i)
            v = verdicts[i]
            if cls != v.cls.value:
                changed[i] = replace(
                    v,
                    cls=Cls(cls),
                    evidence=(Evidence("model", f"{cls} p={prob:.2f}"),) + v.evidence,
                )
    return out, tags


# Statements whose inputs are built and scored at once: a whole ordinary document, and a bounded
# share of a long one (its statements' inputs are never all held at once; issue 15).
_SCORED_AT_ONCE = 256


def confirm_kinds(
    doc: Document,
    signals: Sequence[Signals],
    verdicts: Mapping[int, Verdict],
    hk: Sequence[HeadingKind],
    kinds: list[Kind],
    fm_kind: Kind | None,
    models: learned.Models,
    class_proba: Mapping[int, Mapping[str, float]],
) -> tuple[ProbaTable, dict[int, str], dict[int, float]]:
    """Genre first (SPEC §8.9): a section keeps the kind its heading suggests only when its content
    is confidently that kind of material; otherwise it is `other` and no S, P or D rule runs on it.
    Confident means: the genre model gives it strategy or plan material with the probability its
    threshold asks, or a share of its own statements are confidently goals, choices or actions
    (a procedure's steps, a reference list or a team blurb are none of these). Front matter
    `type:` is a declaration and always counts. A section with no content of its own stands or
    falls with the sections under it. A heading that names the declared kind ("## Roadmap" on a
    `type: plan` page) is declared with it."""
    c = _Confirmation(doc, signals, verdicts, hk, kinds, models, class_proba)
    if fm_kind is None:
        anothers_kind_is_neither(doc, hk, kinds)
        c.hints = list(kinds)
    top = doc.title if doc.title is not None else 0
    if c.hints[top] == Kind.GOALS:
        # An OKR page is not a plan (SPEC §8.10): its "Initiatives" are part of the goals page.
        for s in doc.sections:
            if kinds[s.index] == Kind.PLAN:
                kinds[s.index] = Kind.GOALS
                c.unsure[s.index] = "a plan heading on a goals page (SPEC §8.10)"
        c.hints = list(kinds)
    declared = set()
    if fm_kind is not None:
        declared = {
            s.index
            for s in doc.sections
            if s.index in (0, doc.title)
            or (hk[s.index].kind in (None, fm_kind) and declared_above(doc, hk, s.index))
        }
    for sec in reversed(doc.sections):
        if c.hints[sec.index] == Kind.OTHER:
            continue
        if sec.index in declared:
            c.confirmed[sec.index] = True
            continue
        c.judge(sec)
    c.join_parts()
    if fm_kind is None and any(k != Kind.OTHER for k in kinds):
        _judge_page(c, kinds)
    # One array of floats, not dicts per section (a 10 MB file of plans: 27,000 sections; #15).
    genre = ProbaTable(models.genre.labels, len(doc.sections))
    for idx, p in c.proba.items():
        genre[idx] = p
    return genre, c.unsure, c.technical_p


def _judge_page(c: _Confirmation, kinds: list[Kind]) -> None:
    """Genre first, for the page as a whole (SPEC §8.9): a security process with an "Objectives"
    section, a team page naming its "Strategy" duties, a feature roadmap — pages that are not a
    business's strategy or plan — get no S, P or D finding, whatever one section looks like.
    The page's material share is its sections' strategy/plan/goals probability weighted by their
    own statements; below `page.share` (thresholds.yaml) every kind on a page of `page.from` or
    more statements is withdrawn."""
    rule = c.models.thresholds.get("page") or {}
    need = float(rule.get("share", 0.0))
    if need <= 0.0:
        return
    material = ("strategy", "plan", "goals", "mixed")
    weight = total = 0.0
    for sec in c.doc.sections:
        own = own_statements(c.doc, sec.index)
        if not own:
            continue
        p = c.proba.get(sec.index) or c.genre(sec.index, own)
        weight += len(own) * sum(p[g] for g in material)
        total += len(own)
    share = weight / total if total else 0.0
    if share >= need or total < int(rule.get("from", 0)):
        return  # a short document: too little for the genre model to read it as a whole
    for i, k in enumerate(kinds):
        if k != Kind.OTHER:
            kinds[i] = Kind.OTHER
            c.unsure[i] = f"the page reads as strategy or plan material for {share:.2f} of it"


class _Confirmation:
    """The state of `confirm_kinds`: what is confirmed so far, the genre probabilities, why a
    section's hint was not kept, and the page's inputs (built once, when first needed)."""

    def __init__(
        self,
        doc: Document,
        signals: Sequence[Signals],
        verdicts: Mapping[int, Verdict],
        hk: Sequence[HeadingKind],
        kinds: list[Kind],
        models: learned.Models,
        class_proba: Mapping[int, Mapping[str, float]],
    ) -> None:
        self.doc, self.signals, self.verdicts, self.hk = doc, signals, verdicts, hk
        self.kinds, self.models, self.class_proba = kinds, models, class_proba
        self.proba: dict[int, dict[str, float]] = {}
        self.unsure: dict[int, str] = {}
        self.hints = list(kinds)
        self.seen = tuple(kinds)  # the heading hints, as the genre model was trained on them
        self.confirmed: dict[int, bool] = {}
        self._page_rows: tuple[tuple[int, ...], tuple[int, ...]] | None = None
        self._own_ok: dict[int, bool] = {}
        self._genre: dict[int, dict[str, float]] = {}
        self._last_rows: tuple[int, tuple[tuple[int, ...], tuple[int, ...]]] | None = None
        self.technical_p: dict[int, float] = {}  # section → the domain model's p(technical)
        self.technical_sections: set[int] = set()  # confirmed by genre, but technical material
        self.near: dict[int, float] = {}  # strategy sections not confirmed → material p

    def unlabelled(self, own: Sequence[int]) -> list[int]:
        """The section's statements but its bold label lines ("**Targets**", "**Where the
        territory stands**" on a line of their own): headings in all but markup, they state
        nothing, so they do not thin the share of its confident content."""
        labels = self.doc.label_lines
        return [i for i in own if self.doc.statements[i].line not in labels]

    def page_rows(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The genre and domain rows of the page's inputs, shared by its sections."""
        if self._page_rows is None:
            names = document_inputs(self.doc, self.signals, self.verdicts, self.hk)
            self._page_rows = self.models.section_rows.of_names(names, domain_inputs(names))
        return self._page_rows

    def genre(self, idx: int, own: Sequence[int]) -> dict[str, float]:
        """The genre model's probabilities for section `idx` (`own`: its own statements), read
        once: a section is asked for as itself, as the owner of its subsections' hint, and for
        the page's share."""
        p = self._genre.get(idx)
        if p is None:
            model = self.models.genre
            p = model.proba_of(model.scores_of_rows(self.rows(idx, own)[0]))
            self._genre[idx] = p
        return p

    def rows(self, idx: int, own: Sequence[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Section `idx`'s genre-model inputs as the genre and the domain models' rows
        (`inputs.section_rows`); the last section's are kept for its domain."""
        if self._last_rows is None or self._last_rows[0] != idx:
            self._last_rows = (
                idx,
                section_rows(
                    self.doc,
                    self.signals,
                    self.verdicts,
                    self.hk,
                    self.seen,
                    idx,
                    own,
                    self.page_rows(),
                    self.models.section_rows,
                ),
            )
        return self._last_rows[1]

    def technical(self, idx: int, own: Sequence[int]) -> float | None:
        """The section's material is confidently about building technology, not a business's
        work (an engineering roadmap, a technical proposal, a test plan; SPEC §1, §8.9): the
        domain model's probability of technical when it reaches its threshold, else None. Unsure
        (a one-item "## Plan"), it leaves the genre decision standing."""
        model = self.models.domain
        if model is None:
            return None
        p = model.proba_of(model.scores_of_rows(self.rows(idx, own)[1]))["technical"]
        self.technical_p[idx] = p
        return p if p >= self.models.domain_threshold() else None

    def join_parts(self) -> None:
        """Strategy sections near the threshold confirm each other (`joins.corroborate_strategy`);
        then the parts of each confirmed strategy or plan join it (`joins.join_confirmed`)."""
        floor = (self.models.thresholds.get("content") or {}).get("corroborated", 1.01)
        corroborate_strategy(
            self.doc,
            self.hints,
            self.kinds,
            self.confirmed,
            self.proba,
            self.near,
            self.unsure,
            float(floor),
            self.joining_technical,
        )
        join_confirmed(
            self.doc,
            self.hk,
            self.hints,
            self.kinds,
            self.confirmed,
            self.proba,
            self.unsure,
            self.models,
            self.technical_sections,
            self.joining_technical,
        )

    def joining_technical(self, idx: int) -> float | None:
        """`technical` for a section about to join a confirmed whole (None without content)."""
        own = own_statements(self.doc, idx)
        return self.technical(idx, own) if own else None

    def disowned(self, si: int) -> bool:
        """The section only inherits its kind, from a heading whose own content does not confirm
        it ("### Phase 2" under "## Incubation roadmap" over a process description): then its
        confident actions cannot confirm it either, only the genre model can, or they can where
        the genre model reads it as material nearly as surely (`_inherited_floor`)."""
        owner = hint_owner(self.doc, self.hk, si)
        if owner is None:
            return False
        if owner not in self._own_ok:
            own_o = own_statements(self.doc, owner)
            hint = self.hints[owner]
            if (
                not own_o
                or hint == Kind.OTHER
                or (owner == self.doc.title and only_byline(own_o, self.signals, self.class_proba))
                or (
                    owner == self.doc.title
                    and hint == Kind.PLAN
                    and (head := self.doc.sections[owner].heading) is not None
                    and only_greeting(
                        self.signals[head],
                        own_o,
                        self.doc.statements,
                        self.class_proba,
                        self.models,
                    )
                )
            ):
                self._own_ok[owner] = True  # nothing under the title but a byline or greeting
            else:
                po = self.genre(owner, own_o)
                pmo = sum(po[g] for g in learned.MATERIAL[hint.value])
                self._own_ok[owner] = (
                    pmo >= self.models.genre_threshold(hint.value)
                    or confident_content(
                        self.unlabelled(own_o), self.class_proba, self.models, pmo, po
                    )
                    or self._plan_introduced(owner, hint, own_o, pmo)
                )
        return not self._own_ok[owner]

    def _inherited_floor(self) -> float:
        """The genre model's reading of material at which a section's own confident statements
        confirm it though the heading it inherits its kind from is not confirmed (`content.
        inherited` in thresholds.yaml): "## Territory moves", four dated actions read as plan
        material at 0.96, under "# GTA territory plan" over one line of context."""
        return float((self.models.thresholds.get("content") or {}).get("inherited", 1.01))

    def _plan_introduced(self, owner: int, hint: Kind, own: Sequence[int], material: float) -> bool:
        """A plan's title over a prose introduction that reads as plan material, short of the
        genre threshold ("# Venue partner sales plan" over a goal and why it matters, p=0.95):
        its sections' own confident actions may confirm them (`content.title` in thresholds.yaml).
        A list of fields under the title ("RFC: 086", "Author: …") introduces nothing, and a
        strategy's title lends nothing (a rep's "Weekly prospecting strategy" over a routine)."""
        floor = float((self.models.thresholds.get("content") or {}).get("title", 1.01))
        statements = self.doc.statements
        return (
            owner == self.doc.title
            and hint == Kind.PLAN
            and material >= floor
            and any(statements[i].form == "sentence" and not statements[i].is_field for i in own)
        )

    def judge(self, sec: Section) -> None:
        """Confirm or drop the kind `sec`'s heading suggests."""
        doc, hints, confirmed = self.doc, self.hints, self.confirmed
        kind = hints[sec.index]
        own = own_statements(doc, sec.index)
        # A title or parent over confirmed sections of its own kind is that kind whatever its own
        # few lines say ("# Q3 Sales Plan" over a confirmed "## Actions").
        under = any(confirmed.get(c, False) and hints[c] == kind for c in sec.children) or (
            sec.index == doc.title
            and any(confirmed.get(c, False) and hints[c] == kind for c in doc.sections[0].children)
        )
        if not own or under:
            confirmed[sec.index] = under
            if not under:
                self.kinds[sec.index] = Kind.OTHER
                self.unsure[sec.index] = "no confirmed content under it"
            return
        p = self.genre(sec.index, own)
        self.proba[sec.index] = p
        if definition_table([doc.statements[i] for i in own]):
            confirmed[sec.index] = False
            self.kinds[sec.index] = Kind.OTHER
            self.unsure[sec.index] = "a table of definitions: reference, not strategy or plan"
            return
        pm = sum(p[g] for g in learned.MATERIAL[kind.value])
        target = plan_target(sec, kind)
        signals = self.signals if kind == Kind.PLAN else None  # a person's step counts (§8.4)
        ok = pm >= self.models.genre_threshold(kind.value) or (
            (pm >= self._inherited_floor() or not self.disowned(sec.index))
            and confident_content(
                self.unlabelled(own), self.class_proba, self.models, pm, p, target, signals
            )
        )
        if ok:
            tech = self.technical(sec.index, own)
            if tech is not None:
                confirmed[sec.index] = False
                self.technical_sections.add(sec.index)
                self.kinds[sec.index] = Kind.OTHER
                self.unsure[sec.index] = f"technical material, not a business's: p={tech:.2f}"
                return
        confirmed[sec.index] = ok
        if not ok and kind == Kind.STRATEGY:
            self.near[sec.index] = pm
        if ok and kind == Kind.PLAN and p["goals"] > max(p["plan"], p["mixed"], p["strategy"]):
            self.kinds[sec.index] = Kind.GOALS  # an OKR section under a plan heading (§8.10)
            self.unsure[sec.index] = f"reads as goals p={p['goals']:.2f}, not a plan"
            return
        if not ok:
            self.kinds[sec.index] = Kind.OTHER
            best, bp = argmax(p, learned.GENRES)
            self.unsure[sec.index] = f"{kind.value} material p={pm:.2f}; reads as {best} p={bp:.2f}"
