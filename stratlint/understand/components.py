"""The spaCy pipeline: a blank English tokenizer plus stratlint's own components.

- `stratlint_wordclass` gives every token its possible word classes (V verb, Z third-person verb,
  D past form, G -ing form, N noun, A adjective, R adverb) in `token.tag_` and its lemma in
  `token.lemma_`, from the word-form table shipped under `rules/lexicons`.
- `stratlint_lexicon` runs one PhraseMatcher over every lexicon (terms expanded to their
  inflections) and writes the matches to `doc.spans["lexicon"]`, labelled by lexicon name.
- `stratlint_patterns` runs the regular patterns of `rules/patterns.yaml` and writes
  `doc.spans["patterns"]`.

The pipeline is built once per process (per set of user lexicon additions). Importing this module
imports spaCy (`stratlint.understand._spacy`, without spaCy's command line).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

# isort: off
from stratlint.understand._spacy import spacy  # first: spaCy without its command line
from spacy.attrs import IDX, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
# isort: on

from stratlint import lexicon
from stratlint.understand.patterns import _patterns

_word_class = lexicon.word_class


@Language.factory("stratlint_wordclass")
def _make_wordclass(nlp: Language, name: str) -> Any:
    wf = lexicon.wordforms()

    def wordclass(doc: Doc) -> Doc:
        for tok in doc:
            fl, lemma = _word_class(wf, tok.lower_)
            if fl:
                tok.tag_ = fl
            tok.lemma_ = lemma
        return doc

    return wordclass


_ACRONYM_LEXICONS = (
    "segments",
    "industries",
    "personas",
    "geographies",
    "markets",
    "channels",
    "roles",
)


class LexiconMatcher:
    """Every lexicon term and its inflections, matched on lower-case tokens.

    A term that is one plain word (letters only, no tokenizer special case) is always exactly one
    token, so it is looked up in a dict; only terms of several tokens go to spaCy's PhraseMatcher.
    The matches are the same as one PhraseMatcher over every term (the test suite holds this);
    building is several times faster because one-word terms are never tokenized.
    """

    def __init__(self, nlp: Language, additions: Mapping[str, list[str]]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.strings = nlp.vocab.strings
        special = getattr(nlp.tokenizer, "rules", None) or {}
        self.words, self.phrases = _term_tables(additions, special)
        tokens = _phrase_tokens(nlp, [p for ps in self.phrases.values() for p in ps])
        add = self.strings.add
        for lex, phrases in self.phrases.items():
            # The LOWER ids of each phrase's tokens: what the PhraseMatcher stores for a Doc.
            ids = [tuple(add(t) for t in tokens[p]) for p in phrases]
            self.matcher.add(lex, ids)  # type: ignore[arg-type]  # spaCy takes id tuples too
        self.case_sensitive = frozenset(_ACRONYM_LEXICONS)

    def _keep(self, label: str, text: str) -> bool:
        # "US", "IT", "SAM", "AE" are acronyms; "us", "it", "Sam" are not.
        return not (label in self.case_sensitive and len(text) <= 3 and not text.isupper())

    def matches(self, doc: Doc, texts: list[str], lowers: list[str]) -> list[tuple[str, int, int]]:
        """(lexicon, start token, end token) of every match; `texts`/`lowers` are the tokens'."""
        out: list[tuple[str, int, int]] = []
        words = self.words
        for i, low in enumerate(lowers):
            labels = words.get(low)
            if labels:
                for label in labels:
                    if self._keep(label, texts[i]):
                        out.append((label, i, i + 1))
        if len(self.matcher):
            strings = self.strings
            for mid, s, e in self.matcher(doc):
                label = strings[mid]
                if e - s == 1 and not self._keep(label, texts[s]):
                    continue
                out.append((label, s, e))
        return out


_TermTables = tuple[dict[str, tuple[str, ...]], dict[str, list[str]]]


def _term_tables(additions: Mapping[str, list[str]], special: Mapping[str, Any]) -> _TermTables:
    """Every lexicon term and its inflections: the one-word terms (letters only, no tokenizer
    special case) → their lexicons, and each lexicon → its other terms. Kept with the derived
    rule data under the terms, the word-form table and the special cases, since inflecting the
    terms needs the word-form table's inverse (a lemma's forms), the slowest part of it to read
    (issue 15: start-up)."""
    terms = {lex: lexicon.terms(lex, additions) for lex in lexicon.LEXICONS}
    key = "\0".join(
        [
            "lexicon-terms",
            json.dumps(terms, sort_keys=True),
            lexicon.wordforms().digest,
            "\n".join(sorted(special)),
        ]
    ).encode()
    kept = lexicon.load_derived("terms", key)
    if _is_term_tables(kept):
        return kept  # type: ignore[no-any-return]
    words: dict[str, list[str]] = {}
    phrases: dict[str, list[str]] = {}
    for lex in lexicon.LEXICONS:
        variants: set[str] = set()
        for term in terms[lex]:
            variants |= lexicon.forms(term, lex)
        for v in sorted(variants):
            if v.isalpha() and v not in special:
                words.setdefault(v, []).append(lex)
            else:
                phrases.setdefault(lex, []).append(v)
    tables = ({w: tuple(labels) for w, labels in words.items()}, phrases)
    lexicon.keep_derived("terms", key, tables)
    return tables


def _is_term_tables(kept: Any) -> bool:
    """Whether derived data read back is a pair of a dict of str → tuple of str and a dict of
    str → list of str."""
    if not (type(kept) is tuple and len(kept) == 2):
        return False
    words, phrases = kept
    return (
        type(words) is dict
        and type(phrases) is dict
        and all(type(w) is str and type(v) is tuple for w, v in words.items())
        and all(all(type(x) is str for x in v) for v in words.values())
        and all(type(k) is str and type(v) is list for k, v in phrases.items())
        and all(all(type(x) is str for x in v) for v in phrases.values())
    )


_TOKEN_ATTRS = [ORTH, LOWER, IDX]
_TABLE_MAX = 4096  # tokens read at once by `Doc.to_array`; a longer Doc is read token by token


def token_rows(doc: Doc) -> Iterable[tuple[int, int, int] | list[int]]:
    """(ORTH, LOWER, IDX) of each token of `doc`: its text's and its lower case's hashes in the
    vocabulary's strings, and its character offset. A short Doc's come from one `to_array`
    (no Token object each); a long one's token by token, so that no list of them all is held
    (a 4 MB line has 800,000 tokens; issue 15)."""
    if len(doc) <= _TABLE_MAX:
        rows: list[list[int]] = doc.to_array(_TOKEN_ATTRS).tolist()
        return rows
    return ((t.orth, t.lower, t.idx) for t in doc)


def _phrase_tokens(nlp: Language, phrases: list[str]) -> dict[str, tuple[str, ...]]:
    """Each phrase's tokens (lower case) as spaCy's tokenizer splits it. Tokenizing creates a
    lexeme per new word, the slowest part of building the pipeline, so the split is kept with
    the derived rule data (keyed by spaCy's version) and only new phrases are tokenized."""
    key = f"phrase-tokens\0{spacy.__version__}\0{nlp.lang}".encode()
    known = lexicon.load_derived("phrases", key)
    out: dict[str, tuple[str, ...]] = known if type(known) is dict else {}
    missing = [p for p in phrases if p not in out]
    if missing:
        tokenizer: Any = nlp.tokenizer
        for p, doc in zip(missing, tokenizer.pipe(missing), strict=True):
            out[p] = tuple(t.lower_ for t in doc)
        lexicon.keep_derived("phrases", key, out)
    return out


@Language.factory("stratlint_lexicon", default_config={"extra": "{}"})
def _make_lexicon(nlp: Language, name: str, extra: str) -> Any:
    matcher = LexiconMatcher(nlp, json.loads(extra))

    def lexicon_component(doc: Doc) -> Doc:
        texts = [t.text for t in doc]
        lowers = [t.lower_ for t in doc]
        doc.spans["lexicon"] = [
            Span(doc, s, e, label=label) for label, s, e in matcher.matches(doc, texts, lowers)
        ]
        return doc

    lexicon_component.matcher = matcher  # type: ignore[attr-defined]
    return lexicon_component


@Language.factory("stratlint_patterns")
def _make_patterns(nlp: Language, name: str) -> Any:
    def patterns(doc: Doc) -> Doc:
        # Compiled on the first Doc, not when the pipeline is built: a run reads the patterns
        # through `analyse` (`patterns._pattern_matches`), which compiles only those it runs.
        compiled = _patterns()
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
    nlp: Language = spacy.blank("en")
    nlp.add_pipe("stratlint_wordclass")
    nlp.add_pipe("stratlint_lexicon", config={"extra": extra_json})
    nlp.add_pipe("stratlint_patterns")
    return nlp
