"""The spaCy pipeline: a blank English tokenizer plus stratlint's own components.

- `stratlint_wordclass` gives every token its possible word classes (V verb, Z third-person verb,
  D past form, G -ing form, N noun, A adjective, R adverb) in `token.tag_` and its lemma in
  `token.lemma_`, from the word-form table shipped under `rules/lexicons`.
- `stratlint_lexicon` runs one PhraseMatcher over every lexicon (terms expanded to their
  inflections) and writes the matches to `doc.spans["lexicon"]`, labelled by lexicon name.
- `stratlint_patterns` runs the regular patterns of `rules/patterns.yaml` and writes
  `doc.spans["patterns"]`.

The pipeline is built once per process (per set of user lexicon additions) and documents go
through `nlp.pipe` in batches.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from stratlint import lexicon


@dataclass(frozen=True)
class Tok:
    text: str
    lower: str
    start: int  # char offset in the statement text
    end: int
    flags: str
    lemma: str


@dataclass(frozen=True)
class Signals:
    """What the pipeline found in one statement: labelled char spans and the tokens."""

    text: str
    spans: Mapping[str, tuple[tuple[int, int], ...]]
    tokens: tuple[Tok, ...]

    def has(self, *labels: str) -> bool:
        return any(self.spans.get(label) for label in labels)

    def get(self, label: str) -> tuple[tuple[int, int], ...]:
        return self.spans.get(label, ())

    def words(self, label: str) -> list[str]:
        return [self.text[a:b] for a, b in self.get(label)]

    def count(self, *labels: str) -> int:
        return sum(len(self.spans.get(label, ())) for label in labels)


@Language.factory("stratlint_wordclass")
def _make_wordclass(nlp: Language, name: str) -> Any:
    wf = lexicon.wordforms()

    def wordclass(doc: Doc) -> Doc:
        for tok in doc:
            low = tok.lower_
            fl = wf.flags.get(low)
            if fl:
                tok.tag_ = fl
                tok.lemma_ = wf.verb_lemma.get(low) or wf.noun_lemma.get(low) or low
            else:
                tok.lemma_ = low
        return doc

    return wordclass


@Language.factory("stratlint_lexicon", default_config={"extra": "{}"})
def _make_lexicon(nlp: Language, name: str, extra: str) -> Any:
    additions: dict[str, list[str]] = json.loads(extra)
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for lex in lexicon.LEXICONS:
        variants: set[str] = set()
        for term in lexicon.terms(lex, additions):
            variants |= lexicon.forms(term)
        matcher.add(lex, list(nlp.tokenizer.pipe(sorted(variants))))

    strings = nlp.vocab.strings
    case_sensitive = {strings.add(lex) for lex in _ACRONYM_LEXICONS}

    def lexicon_component(doc: Doc) -> Doc:
        spans = []
        for mid, s, e in matcher(doc):
            if mid in case_sensitive and e - s == 1:
                text = doc[s].text
                # "US", "IT", "SAM", "AE" are acronyms; "us", "it", "Sam" are not.
                if len(text) <= 3 and not text.isupper():
                    continue
            spans.append(Span(doc, s, e, label=mid))
        doc.spans["lexicon"] = spans
        return doc

    return lexicon_component


_ACRONYM_LEXICONS = ("segments", "industries", "personas", "geographies", "markets", "channels",
                     "roles")


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    data = lexicon.load_yaml(lexicon.data_dir() / "patterns.yaml")
    out = []
    for label, exprs in data.items():
        for expr in exprs:
            out.append((label, re.compile(expr, re.IGNORECASE)))
    return out


@Language.factory("stratlint_patterns")
def _make_patterns(nlp: Language, name: str) -> Any:
    compiled = _patterns()

    def patterns(doc: Doc) -> Doc:
        spans = []
        text = doc.text  # built from the tokens on every access: once per doc, not per pattern
        for label, rx in compiled:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
                    if span is not None:
                        spans.append(span)
        doc.spans["patterns"] = spans
        return doc

    return patterns


@lru_cache(maxsize=8)
def pipeline(extra_json: str = "{}") -> Language:
    """Build the pipeline once per process (per set of lexicon additions)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("stratlint_wordclass")
    nlp.add_pipe("stratlint_lexicon", config={"extra": extra_json})
    nlp.add_pipe("stratlint_patterns")
    return nlp


def analyse(texts: Iterable[str], extra: Mapping[str, list[str]] | None = None) -> list[Signals]:
    nlp = pipeline(json.dumps(dict(extra or {}), sort_keys=True))
    out: list[Signals] = []
    for doc in nlp.pipe(texts, batch_size=256):
        spans: dict[str, list[tuple[int, int]]] = {}
        for key in ("lexicon", "patterns"):
            for sp in doc.spans[key]:
                spans.setdefault(sp.label_, []).append((sp.start_char, sp.end_char))
        toks = tuple(
            Tok(t.text, t.lower_, t.idx, t.idx + len(t.text), t.tag_, t.lemma_) for t in doc
        )
        out.append(
            Signals(doc.text, {k: tuple(sorted(set(v))) for k, v in spans.items()}, toks)
        )
    return out
