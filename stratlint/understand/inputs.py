"""What the learned models read: the features of a page, a section (the genre model) and a
statement (the class model), built from the parsed document, its signals and the hand verdicts.
The same functions build the training examples (`stratlint.run.bank`, tools/train.py)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from stratlint.model import Document, Kind
from stratlint.understand.classify import Verdict
from stratlint.understand.headings import HeadingKind
from stratlint.understand.learn.features import (
    SectionPlace,
    section_features,
    statement_features,
)
from stratlint.understand.learn.rows import StatementRows
from stratlint.understand.learn.section_rows import DOMAIN_PREFIXES, SectionRows
from stratlint.understand.learn.voice import voice_features
from stratlint.understand.nlp import Signals


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
    own = own_statements(doc, idx) if own is None else own
    if doc_inputs is None:
        doc_inputs = document_inputs(doc, signals, verdicts, hk)
    return _section_names(doc, signals, verdicts, hk, hints, idx, own) + list(doc_inputs)


def section_rows(
    doc: Document,
    signals: Sequence[Signals],
    verdicts: Mapping[int, Verdict],
    hk: Sequence[HeadingKind],
    hints: Sequence[Kind],
    idx: int,
    own: Sequence[int],
    page: tuple[tuple[int, ...], tuple[int, ...]],
    rows: SectionRows,
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """`section_inputs` as the genre model's rows, and `domain_inputs` of them as the domain
    model's: what a run scores, found by parts in one pass (`learn/section_rows.py`). `page`:
    the rows of the page's inputs (`rows.of_names` of `document_inputs` and `domain_inputs` of
    them)."""
    return rows.of_section(
        doc.sections[idx],
        _place(doc, hk, hints, idx),
        [doc.statements[i] for i in own],
        [signals[i] for i in own],
        [verdicts.get(i) for i in own],
        page,
    )


def _section_names(
    doc: Document,
    signals: Sequence[Signals],
    verdicts: Mapping[int, Verdict],
    hk: Sequence[HeadingKind],
    hints: Sequence[Kind],
    idx: int,
    own: Sequence[int],
    content_words: bool = True,
) -> list[str]:
    """Section `idx`'s own features and voice (its page's inputs are added by the caller)."""
    sts = [doc.statements[i] for i in own]
    sigs = [signals[i] for i in own]
    vds = [verdicts.get(i) for i in own]
    place = _place(doc, hk, hints, idx)
    return section_features(
        doc.sections[idx], place, sts, sigs, vds, content_words
    ) + voice_features("sec_", sts, sigs, vds)


def _place(
    doc: Document, hk: Sequence[HeadingKind], hints: Sequence[Kind], idx: int
) -> SectionPlace:
    sec = doc.sections[idx]

    def hint(i: int | None) -> Kind | None:
        return None if i is None or hints[i] == Kind.OTHER else hints[i]

    top = doc.title if doc.title is not None else 0
    return SectionPlace(
        hk[idx].words,
        hint(idx),
        "own" if hk[idx].kind is not None else "inherited",
        hint(sec.parent),
        hint(top),
        [hint(c) for c in sec.children],
        idx == doc.title,
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


def statement_rows(
    doc: Document,
    signals: Sequence[Signals],
    verdicts: Mapping[int, Verdict],
    hints: Sequence[Kind],
    parents: set[int | None],
    i: int,
    rows: StatementRows,
) -> tuple[int, ...]:
    """`statement_inputs` as the rows of the class and tag models' joint matrix (`rows`): what a
    run scores, without naming each feature (`learn/rows.py`)."""
    st = doc.statements[i]
    hint = hints[st.section]
    return rows.of(
        st, signals[i], verdicts.get(i), hint if hint != Kind.OTHER else None, i in parents
    )


def domain_inputs(section_features: Sequence[str]) -> list[str]:
    """The domain model's features of a section, from its genre-model inputs: its words
    (content, heading, the page's title) and the lexicon classes it uses, not its layout
    (`section_rows.DOMAIN_PREFIXES`). Layout tells a short written example from a long real
    page, not a business's plan from an engineering one."""
    return [f for f in section_features if f.startswith(DOMAIN_PREFIXES)]
