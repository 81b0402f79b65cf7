"""Classify a parsed Document: section kinds, statement classes, and the strategy / plan / goals
scopes the rules judge (SPEC §2 and §8.3, §8.5).

The result, `Analysis`, is what rules see: they never touch Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from stratlint.model import Cls, Document, Kind, Section, Statement
from stratlint.nlp import Signals, analyse
from stratlint.understand.classify import Evidence, Verdict, classify
from stratlint.understand.headings import HeadingKind, heading_is_statement, heading_kind
from stratlint.understand.learn import models as learned
from stratlint.understand.learn.features import section_features, statement_features, voice_features
from stratlint.understand.learn.linear import argmax

CLASSIFIED = (Cls.GOAL, Cls.CHOICE, Cls.ACTION)


@dataclass(frozen=True)
class Scope:
    """A strategy, plan or goals: sections judged together, reported at `line`."""

    kind: Kind
    sections: tuple[int, ...]
    roots: tuple[int, ...]  # the sections that make up the group at its own level
    line: int
    title: str


@dataclass
class Analysis:
    doc: Document
    signals: tuple[Signals, ...]
    heading_kinds: tuple[HeadingKind, ...]
    kinds: tuple[Kind, ...]  # effective kind of each section
    verdicts: dict[int, Verdict]
    top: int  # section that stands for the document's top level (title, or preamble)
    strategies: list[Scope] = field(default_factory=list)
    plans: list[Scope] = field(default_factory=list)
    goals: list[Scope] = field(default_factory=list)
    mislabeled: dict[int, tuple[Kind, Kind, int, int]] = field(default_factory=dict)
    mixed: dict[int, str] = field(default_factory=dict)
    has_strategy_label: bool = False
    lexicon_extra: Mapping[str, list[str]] = field(default_factory=dict)  # user's lexicon additions
    parents: set[int | None] = field(default_factory=set)  # statements that head sub-items
    hints: tuple[Kind, ...] = ()  # the kind each section's heading (or front matter) suggests
    genre_proba: dict[int, dict[str, float]] = field(default_factory=dict)  # section → genre → p
    class_proba: dict[int, dict[str, float]] = field(default_factory=dict)  # statement → class → p
    unsure: dict[int, str] = field(default_factory=dict)  # section → why its hint was not confirmed
    tag_proba: dict[int, dict[str, float]] = field(default_factory=dict)  # statement → tag → p
    tag_thresholds: Mapping[str, float] = field(default_factory=dict)
    unsure_statements: set[int] = field(default_factory=set)  # class below its threshold

    def statements_of(self, scope: Scope, headings: bool = True) -> list[Statement]:
        """The scope's statements in document order (headings only where they are statements).

        Reads only the scope's own sections, so a document with many scopes stays linear.
        """
        doc = self.doc
        ids: list[int] = []
        for si in scope.sections:
            sec = doc.sections[si]
            if headings and sec.heading is not None and sec.heading in self.verdicts:
                ids.append(sec.heading)
            ids.extend(sec.statements)
        ids.sort()
        return [doc.statements[i] for i in ids if not doc.statements[i].quoted]

    def cls(self, st: Statement) -> Cls:
        v = self.verdicts.get(st.index)
        return v.cls if v else Cls.CONTEXT

    def sure(self, st: Statement) -> bool:
        """The statement's class is confident enough for a statement-level finding (§8.9)."""
        return st.index not in self.unsure_statements

    def tagged(self, st: Statement, tag: str) -> bool:
        """The tag model is sure the statement carries `tag` (who, why, challenge, tradeoff,
        owner, deadline, metric). It only ever adds evidence that something is there, so it can
        silence a "missing …" finding, never raise one."""
        p = self.tag_proba.get(st.index)
        return p is not None and p.get(tag, 0.0) >= self.tag_thresholds.get(tag, 1.01)

    def scope_of(self, section: int) -> Scope | None:
        for sc in self.strategies + self.plans + self.goals:
            if section in sc.sections:
                return sc
        return None


def analyse_document(
    doc: Document,
    signals: Sequence[Signals] | None = None,
    sections_extra: Mapping[str, list[str]] | None = None,
    lexicon_extra: Mapping[str, list[str]] | None = None,
    use_models: bool = True,
) -> Analysis:
    if signals is None:
        signals = analyse([s.text for s in doc.statements], lexicon_extra)
    extra = dict(sections_extra or {})
    hk = tuple(
        heading_kind(s.title, extra) if s.level else HeadingKind(None, None) for s in doc.sections
    )

    # The document's top level: the preamble, and the title when there is one. Front matter
    # `type:` sets its kind; otherwise the title's own heading words do.
    fm_type = str(doc.front_matter.get("type", "")).strip().lower() if doc.front_matter else ""
    fm_kind = {
        "strategy": Kind.STRATEGY,
        "plan": Kind.PLAN,
        "goals": Kind.GOALS,
        "okr": Kind.GOALS,
        "okrs": Kind.GOALS,
    }.get(fm_type)
    top = doc.title if doc.title is not None else 0
    kinds: list[Kind] = []
    for s in doc.sections:
        own = hk[s.index].kind
        if s.index == 0:
            k = (
                fm_kind
                or (hk[doc.title].kind if doc.title is not None and hk[doc.title].kind else None)
                or Kind.OTHER
            )
        elif s.index == doc.title:
            k = fm_kind or own or Kind.OTHER
        elif own is not None:
            k = own
        else:
            k = kinds[s.parent] if s.parent is not None else Kind.OTHER
        kinds.append(k)

    verdicts: dict[int, Verdict] = {}
    parents: set[int | None] = {
        st.parent for st in doc.statements if st.parent is not None and not st.is_field
    }
    for st in doc.statements:
        if st.quoted:
            continue
        sig = signals[st.index]
        kind = kinds[st.section]
        if st.form == "heading":
            if st.section == doc.title or st.section == 0:
                continue
            if not heading_is_statement(st.text, sig, hk[st.section]):
                continue
            v = classify(st, sig, kind, is_heading=True)
            if (
                v.cls == Cls.CONTEXT
                or (v.cls == Cls.ACTION and not v.specific)
                or (v.cls == Cls.CHOICE and not (v.who or v.why))
            ):
                continue  # a heading counts only where it says something definite
            verdicts[st.index] = v
            continue
        verdicts[st.index] = classify(st, sig, kind, has_children=st.index in parents)

    hints = tuple(kinds)
    models = learned.get() if use_models else None
    class_proba: dict[int, dict[str, float]] = {}
    genre_proba: dict[int, dict[str, float]] = {}
    unsure: dict[int, str] = {}
    tag_proba: dict[int, dict[str, float]] = {}
    unsure_statements: set[int] = set()
    if models is not None:
        feats = {
            i: statement_inputs(doc, signals, verdicts, hints, parents, i)
            for i in verdicts
            if not doc.statements[i].is_field
        }
        if models.tags is not None:
            tag_proba = {i: models.tags.proba(f) for i, f in feats.items()}
        hand = dict(verdicts)  # the genre model reads the hand verdicts, as it was trained
        class_proba = _learned_classes(doc, feats, verdicts, models, unsure_statements)
        genre_proba, unsure = _confirm_kinds(
            doc, signals, hand, hk, kinds, fm_kind, models, class_proba
        )

    a = Analysis(
        doc,
        tuple(signals),
        hk,
        tuple(kinds),
        verdicts,
        top,
        parents=parents,
        lexicon_extra=dict(lexicon_extra or {}),
        hints=hints,
        genre_proba=genre_proba,
        class_proba=class_proba,
        unsure=unsure,
        tag_proba=tag_proba,
        tag_thresholds=dict(models.thresholds.get("tags", {})) if models else {},
        unsure_statements=unsure_statements,
    )
    _judge_sections(a)
    _build_scopes(a)
    # A heading that names a strategy counts here even when its content was not confirmed: unsure
    # whether the document has a strategy, the plan beside it is not called strategy-less.
    a.has_strategy_label = any(k == Kind.STRATEGY for k in hints) or any(
        h.kind == Kind.MIXED for h in hk
    )
    return a


def _learned_classes(
    doc: Document,
    feats: Mapping[int, list[str]],
    verdicts: dict[int, Verdict],
    models: learned.Models,
    unsure: set[int],
) -> dict[int, dict[str, float]]:
    """Each statement's class from the learned model (its most probable class). A statement whose
    class is below that class's threshold goes into `unsure`: it still counts in its section
    (pillars, D401/D402), but no statement-level finding is raised on it (SPEC §8.9)."""
    out: dict[int, dict[str, float]] = {}
    for i, v in list(verdicts.items()):
        if i not in feats:
            continue
        p = models.cls.proba(feats[i])
        out[i] = p
        cls, prob = argmax(p, learned.CLASSES)
        if prob < models.class_threshold(cls):
            unsure.add(i)
        if cls != v.cls.value:
            verdicts[i] = replace(
                v, cls=Cls(cls), evidence=(Evidence("model", f"{cls} p={prob:.2f}"),) + v.evidence
            )
    return out


def _confirm_kinds(
    doc: Document,
    signals: Sequence[Signals],
    verdicts: Mapping[int, Verdict],
    hk: Sequence[HeadingKind],
    kinds: list[Kind],
    fm_kind: Kind | None,
    models: learned.Models,
    class_proba: Mapping[int, Mapping[str, float]],
) -> tuple[dict[int, dict[str, float]], dict[int, str]]:
    """Genre first (SPEC §8.9): a section keeps the kind its heading suggests only when its content
    is confidently that kind of material; otherwise it is `other` and no S, P or D rule runs on it.
    Confident means: the genre model gives it strategy or plan material with the probability its
    threshold asks, or a share of its own statements are confidently goals, choices or actions
    (a procedure's steps, a reference list or a team blurb are none of these). Front matter
    `type:` is a declaration and always counts. A section with no content of its own stands or
    falls with the sections under it."""
    proba: dict[int, dict[str, float]] = {}
    unsure: dict[int, str] = {}
    hints = list(kinds)
    seen = tuple(kinds)  # the heading hints, as the genre model was trained on them
    top = doc.title if doc.title is not None else 0
    if hints[top] == Kind.GOALS:
        # An OKR page is not a plan (SPEC §8.10): its "Initiatives" are part of the goals page.
        for s in doc.sections:
            if kinds[s.index] == Kind.PLAN:
                kinds[s.index] = Kind.GOALS
                unsure[s.index] = "a plan heading on a goals page (SPEC §8.10)"
        hints = list(kinds)
    declared = set()
    if fm_kind is not None:
        declared = {
            s.index
            for s in doc.sections
            if s.index in (0, doc.title)
            or (hk[s.index].kind is None and _declared_above(doc, hk, s.index))
        }
    confirmed: dict[int, bool] = {}
    doc_inputs: list[str] | None = None
    own_ok: dict[int, bool] = {}

    def disowned(si: int) -> bool:
        """The section only inherits its kind, from a heading whose own content does not confirm
        it ("### Phase 2" under "## Incubation roadmap" over a process description): then its
        confident actions cannot confirm it either, only the genre model can."""
        nonlocal doc_inputs
        owner = _hint_owner(doc, hk, si)
        if owner is None:
            return False
        if owner not in own_ok:
            own_o = own_statements(doc, owner)
            if not own_o or hints[owner] == Kind.OTHER:
                own_ok[owner] = True
            else:
                if doc_inputs is None:
                    doc_inputs = document_inputs(doc, signals, verdicts, hk)
                po = models.genre.proba(
                    section_inputs(doc, signals, verdicts, hk, seen, owner, own_o, doc_inputs)
                )
                pmo = sum(po[g] for g in learned.MATERIAL[hints[owner].value])
                own_ok[owner] = pmo >= models.genre_threshold(hints[owner].value) or (
                    _confident_content(own_o, class_proba, models, pmo)
                )
        return not own_ok[owner]

    for sec in reversed(doc.sections):
        kind = hints[sec.index]
        if kind == Kind.OTHER:
            continue
        if sec.index in declared:
            confirmed[sec.index] = True
            continue
        own = own_statements(doc, sec.index)
        # A title or parent over confirmed sections of its own kind is that kind whatever its own
        # few lines say ("# Q3 Sales Plan" over a confirmed "## Actions").
        under = any(confirmed.get(c, False) and hints[c] == kind for c in sec.children) or (
            sec.index == doc.title
            and any(confirmed.get(c, False) and hints[c] == kind for c in doc.sections[0].children)
        )
        if not own or under:
            ok = under
            confirmed[sec.index] = ok
            if not ok:
                kinds[sec.index] = Kind.OTHER
                unsure[sec.index] = "no confirmed content under it"
            continue
        if doc_inputs is None:
            doc_inputs = document_inputs(doc, signals, verdicts, hk)
        feats = section_inputs(doc, signals, verdicts, hk, seen, sec.index, own, doc_inputs)
        p = models.genre.proba(feats)
        proba[sec.index] = p
        material = learned.MATERIAL[kind.value]
        pm = sum(p[g] for g in material)
        ok = pm >= models.genre_threshold(kind.value) or (
            not disowned(sec.index) and _confident_content(own, class_proba, models, pm)
        )
        confirmed[sec.index] = ok
        if ok and kind == Kind.PLAN and p["goals"] > max(p["plan"], p["mixed"], p["strategy"]):
            kinds[sec.index] = Kind.GOALS  # an OKR section under a plan heading (SPEC §8.10)
            unsure[sec.index] = f"reads as goals p={p['goals']:.2f}, not a plan"
            continue
        if not ok:
            kinds[sec.index] = Kind.OTHER
            best, bp = argmax(p, learned.GENRES)
            unsure[sec.index] = f"{kind.value} material p={pm:.2f}; reads as {best} p={bp:.2f}"
    _join_confirmed(doc, hk, hints, kinds, confirmed, proba, unsure, models)
    return proba, unsure


def _join_confirmed(
    doc: Document,
    hk: Sequence[HeadingKind],
    hints: Sequence[Kind],
    kinds: list[Kind],
    confirmed: dict[int, bool],
    proba: Mapping[int, Mapping[str, float]],
    unsure: dict[int, str],
    models: learned.Models,
) -> None:
    """A part of a confirmed strategy or plan — a subsection that only inherits its kind ("###
    Banks" under "## Strategy"), or a component beside it ("## Challenge") — joins it unless its
    own content is confidently something else: the whole has already been judged material."""
    floor = float(models.thresholds.get("join", 0.2))
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
        confirmed[sec.index] = True
        kinds[sec.index] = kind
        unsure.pop(sec.index, None)


def own_statements(doc: Document, idx: int) -> list[int]:
    """A section's own statements (the title's include the text before it); no fields, no quotes."""
    ids = list(doc.sections[idx].statements)
    if idx == doc.title:
        ids = list(doc.sections[0].statements) + ids
    return [i for i in ids if not doc.statements[i].quoted and not doc.statements[i].is_field]


def document_inputs(
    doc: Document,
    signals: Sequence[Signals],
    verdicts: Mapping[int, Verdict],
    hk: Sequence[HeadingKind],
) -> list[str]:
    """Features of the whole page, shared by its sections: its title's words, how many headings
    suggest a kind, and its voice (a procedure speaks to "you", a plan says "we")."""
    ids = [
        st.index
        for st in doc.statements
        if st.form != "heading" and not st.quoted and not st.is_field
    ]
    out = voice_features(
        "doc_",
        [doc.statements[i] for i in ids],
        [signals[i] for i in ids],
        [verdicts.get(i) for i in ids],
    )
    if doc.title is not None:
        out.extend(f"dt:{w}" for w in _title_words(doc.sections[doc.title].title))
    hinted = sum(1 for h in hk if h.kind is not None)
    out.append(f"doc_hinted:{min(hinted, 4)}")
    out.append(f"doc_sections:{min(len(doc.sections) // 4, 5)}")
    return out


def _title_words(title: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", title.lower()) if len(w) > 2]


def section_inputs(
    doc: Document,
    signals: Sequence[Signals],
    verdicts: Mapping[int, Verdict],
    hk: Sequence[HeadingKind],
    hints: Sequence[Kind],
    idx: int,
    own: Sequence[int] | None = None,
    doc_inputs: Sequence[str] | None = None,
) -> list[str]:
    """The genre model's features of section `idx` (also used to train it: tools/train.py)."""
    sec = doc.sections[idx]
    own = own_statements(doc, idx) if own is None else own
    if doc_inputs is None:
        doc_inputs = document_inputs(doc, signals, verdicts, hk)

    def hint(i: int | None) -> Kind | None:
        return None if i is None or hints[i] == Kind.OTHER else hints[i]

    top = doc.title if doc.title is not None else 0
    sts = [doc.statements[i] for i in own]
    sigs = [signals[i] for i in own]
    vds = [verdicts.get(i) for i in own]
    return (
        section_features(
            sec,
            hk[idx].words,
            hint(idx),
            "own" if hk[idx].kind is not None else "inherited",
            hint(sec.parent),
            hint(top),
            sts,
            sigs,
            vds,
            [hint(c) for c in sec.children],
            idx == doc.title,
        )
        + voice_features("sec_", sts, sigs, vds)
        + list(doc_inputs)
    )


def statement_inputs(
    doc: Document,
    signals: Sequence[Signals],
    verdicts: Mapping[int, Verdict],
    hints: Sequence[Kind],
    parents: set[int | None],
    i: int,
) -> list[str]:
    """The class model's features of statement `i` (also used to train it)."""
    st = doc.statements[i]
    hint = hints[st.section]
    return statement_features(
        st,
        signals[i],
        verdicts.get(i),
        hint if hint != Kind.OTHER else None,
        has_children=i in parents,
    )


def _confident_content(
    own: Sequence[int],
    class_proba: Mapping[int, Mapping[str, float]],
    models: learned.Models,
    material: float,
) -> bool:
    """At least `share` of a section's own statements are goals, choices or actions with a
    probability of at least `p` (thresholds.yaml, `content`). In a section of `floor_from` or more
    statements the genre model must also read it as more likely material than not (`floor`):
    confident actions alone do not make a status page, an event timeline or a requirements list a
    plan. Below that length the genre model has too little to read (a one-item "## Plan")."""
    rule = models.thresholds.get("content") or {}
    p_min, share = float(rule.get("p", 1.01)), float(rule.get("share", 1.01))
    if material < float(rule.get("floor", 0.0)) and len(own) >= int(rule.get("floor_from", 0)):
        return False
    scored = [class_proba[i] for i in own if i in class_proba]
    if not scored:
        return False
    sure = sum(1 for p in scored if max(p["GOAL"], p["CHOICE"], p["ACTION"]) >= p_min)
    return sure >= 1 and sure / len(scored) >= share


def _hint_owner(doc: Document, hk: Sequence[HeadingKind], idx: int) -> int | None:
    """The heading a section inherits its kind from (None when it names its own kind or is the
    title)."""
    if hk[idx].kind is not None or idx == doc.title:
        return None
    a = doc.sections[idx].parent
    while a is not None and hk[a].kind is None and a not in (0, doc.title):
        a = doc.sections[a].parent
    if a is None or hk[a].kind is None:
        return None
    return a


def _declared_above(doc: Document, hk: Sequence[HeadingKind], idx: int) -> bool:
    """True when no heading between this section and the document's top sets a kind of its own."""
    p = doc.sections[idx].parent
    while p is not None and p not in (0, doc.title):
        if hk[p].kind is not None:
            return False
        p = doc.sections[p].parent
    return True


def _labelled(a: Analysis, sec: Section) -> Kind | None:
    """The kind a section's own label gives it (heading words, or front matter for the top), when
    its content confirmed it (SPEC §8.9)."""
    if sec.index in a.unsure:
        return None
    if sec.index in (0, a.doc.title):
        k = a.kinds[sec.index]
        return k if k != Kind.OTHER else None
    return a.heading_kinds[sec.index].kind


def _own_classified(a: Analysis, sec: Section) -> list[Cls]:
    ids = list(sec.statements)
    if sec.index == a.top and a.top != 0:
        ids = list(a.doc.sections[0].statements) + ids
    out = []
    for i in ids:
        st = a.doc.statements[i]
        if st.quoted or st.is_field:
            continue
        c = a.cls(st)
        if c in CLASSIFIED:
            out.append(c)
    return out


def _judge_sections(a: Analysis) -> None:
    """D401 / D402 (SPEC §8.5): mixed and mislabeled sections."""
    for sec in a.doc.sections:
        if sec.index == 0 and a.top != 0:
            continue
        label = _labelled(a, sec)
        if a.heading_kinds[sec.index].kind == Kind.MIXED and sec.index != a.doc.title:
            a.mixed[sec.index] = "heading"
            continue
        classes = _own_classified(a, sec)
        kind = a.kinds[sec.index]
        if label in (Kind.STRATEGY, Kind.PLAN) and len(classes) >= 3:
            if label == Kind.STRATEGY:
                foreign = sum(1 for c in classes if c in (Cls.GOAL, Cls.ACTION))
            else:
                foreign = sum(1 for c in classes if c == Cls.CHOICE)
            if foreign * 3 >= 2 * len(classes):
                a.mislabeled[sec.index] = (label, _dominant(classes, label), foreign, len(classes))
                continue
        if (
            kind in (Kind.STRATEGY, Kind.PLAN)
            and classes.count(Cls.CHOICE) >= 2
            and classes.count(Cls.ACTION) >= 2
        ):
            a.mixed[sec.index] = "content"


def _dominant(classes: list[Cls], label: Kind) -> Kind:
    if label == Kind.PLAN:
        return Kind.STRATEGY
    goals = classes.count(Cls.GOAL)
    actions = classes.count(Cls.ACTION)
    return Kind.GOALS if goals > actions else Kind.PLAN


def _is_title_role(a: Analysis, idx: int) -> bool:
    return a.heading_kinds[idx].role == "title"


def _build_scopes(a: Analysis) -> None:
    doc = a.doc
    # D401/D402 never take a section's label away (SPEC §8.5): only a heading that joins two
    # kinds puts a section outside every scope.
    excluded = {i for i, why in a.mixed.items() if why == "heading"}
    top = a.top
    # Children of the top level: the title's children, and any H2s beside the title.
    top_children: list[int] = []
    if top != 0:
        for c in doc.sections[0].children:
            if c == top:
                top_children.extend(doc.sections[top].children)
            else:
                top_children.append(c)
    else:
        top_children = list(doc.sections[0].children)

    def children(idx: int) -> list[int]:
        return top_children if idx == top else list(doc.sections[idx].children)

    def subtree(idx: int, kind: Kind, out: list[int], nested: list[int]) -> None:
        out.append(idx)
        if idx == top and top != 0:
            out.append(0)
        for c in children(idx):
            if (
                a.kinds[c] == kind
                and c not in excluded
                and (a.heading_kinds[c].kind in (None, kind))
            ):
                subtree(c, kind, out, nested)
            else:
                nested.append(c)

    for kind, target in (
        (Kind.STRATEGY, a.strategies),
        (Kind.PLAN, a.plans),
        (Kind.GOALS, a.goals),
    ):

        def visit(sibs: list[int], kind: Kind = kind, target: list[Scope] = target) -> None:
            groups: list[list[int]] = []
            pending: list[int] = []
            for c in sibs:
                if a.kinds[c] == kind and c not in excluded:
                    if _is_title_role(a, c):
                        groups.append(pending + [c])
                        pending = []
                    elif groups:
                        groups[-1].append(c)
                    else:
                        pending.append(c)
                else:
                    visit(children(c))
            if pending:
                groups.append(pending)
            for g in groups:
                secs: list[int] = []
                nested: list[int] = []
                for root in g:
                    subtree(root, kind, secs, nested)
                first = doc.sections[g[0]]
                line = first.line
                title = first.title or doc.path
                target.append(Scope(kind, tuple(sorted(set(secs))), tuple(g), line, title))
                visit(nested)

        if a.kinds[top] == kind and top not in excluded:
            titled = [
                c
                for c in children(top)
                if a.kinds[c] == kind
                and _is_title_role(a, c)
                and c not in excluded
                and a.heading_kinds[c].kind == kind
            ]
            if kind == Kind.STRATEGY and len(titled) >= 2:
                visit(children(top))
                if target:
                    first = target[0]
                    extra = (top, 0) if top != 0 else (0,)
                    target[0] = Scope(
                        kind,
                        tuple(sorted(set(first.sections + extra))),
                        first.roots,
                        first.line,
                        first.title,
                    )
            else:
                secs: list[int] = []
                nested: list[int] = []
                subtree(top, kind, secs, nested)
                line = doc.sections[top].line if top != 0 else 1
                title = doc.sections[top].title or doc.path
                target.append(Scope(kind, tuple(sorted(set(secs))), (top,), line, title))
                visit(nested)
        else:
            visit(children(top))
        target.sort(key=lambda s: s.line)
