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
from bisect import bisect_right
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


def _word_class(wf: lexicon.WordForms, low: str) -> tuple[str, str]:
    """(flags, lemma) of a lower-case word: V verb, Z 3rd person, D past, G -ing, N, A, R."""
    fl = wf.flags.get(low)
    if fl:
        return fl, wf.verb_lemma.get(low) or wf.noun_lemma.get(low) or low
    return "", low


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


_ACRONYM_LEXICONS = ("segments", "industries", "personas", "geographies", "markets", "channels",
                     "roles")


class LexiconMatcher:
    """Every lexicon term and its inflections, matched on lower-case tokens.

    A term that is one plain word (letters only, no tokenizer special case) is always exactly one
    token, so it is looked up in a dict; only terms of several tokens go to spaCy's PhraseMatcher.
    The matches are the same as one PhraseMatcher over every term (the test suite holds this);
    building is several times faster because one-word terms are never tokenized.
    """

    def __init__(self, nlp: Language, additions: Mapping[str, list[str]]) -> None:
        self.words: dict[str, tuple[str, ...]] = {}
        self.phrases: dict[str, list[str]] = {}  # lexicon → its terms of several tokens
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.strings = nlp.vocab.strings
        special = getattr(nlp.tokenizer, "rules", None) or {}
        words: dict[str, list[str]] = {}
        for lex in lexicon.LEXICONS:
            variants: set[str] = set()
            for term in lexicon.terms(lex, additions):
                variants |= lexicon.forms(term, lex)
            for v in sorted(variants):
                if v.isalpha() and v not in special:
                    words.setdefault(v, []).append(lex)
                else:
                    self.phrases.setdefault(lex, []).append(v)
        tokens = _phrase_tokens(nlp, [p for ps in self.phrases.values() for p in ps])
        add = self.strings.add
        for lex, phrases in self.phrases.items():
            # The LOWER ids of each phrase's tokens: what the PhraseMatcher stores for a Doc.
            ids = [tuple(add(t) for t in tokens[p]) for p in phrases]
            self.matcher.add(lex, ids)  # type: ignore[arg-type]  # spaCy takes id tuples too
        self.words = {w: tuple(labels) for w, labels in words.items()}
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
        doc.spans["lexicon"] = [Span(doc, s, e, label=label)
                                for label, s, e in matcher.matches(doc, texts, lowers)]
        return doc

    lexicon_component.matcher = matcher  # type: ignore[attr-defined]
    return lexicon_component


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
    """Signals for each text: the same as running `pipeline()` and reading `doc.spans`.

    The spaCy tokenizer and the lexicon's PhraseMatcher run here directly rather than through
    `nlp.pipe`, so the components' work is done once per token with no `Span` objects; identical
    texts (template lines, repeated fields) are analysed once; and each regular pattern that cannot
    see past a text's edges runs once over all texts joined (`_joinable`), not once per text.
    Results equal the components' (the test suite holds this).
    """
    nlp = pipeline(json.dumps(dict(extra or {}), sort_keys=True))
    matcher: LexiconMatcher = nlp.get_pipe("stratlint_lexicon").matcher  # type: ignore[attr-defined]
    tokenizer = nlp.tokenizer
    wf = lexicon.wordforms()
    texts = list(texts)
    unique = list(dict.fromkeys(texts))
    word_class: dict[str, tuple[str, str]] = {}
    toks_of: list[tuple[Tok, ...]] = []
    spans_of: list[dict[str, set[tuple[int, int]]]] = []
    for text in unique:
        toks, spans = _tokens_and_lexicon(tokenizer(text), matcher, wf, word_class)
        toks_of.append(toks)
        spans_of.append(spans)
    _match_patterns(unique, toks_of, spans_of)
    by_text = {
        text: Signals(text, {k: tuple(sorted(v)) for k, v in spans.items()}, toks)
        for text, toks, spans in zip(unique, toks_of, spans_of, strict=True)
    }
    return [by_text[t] for t in texts]


def _tokens_and_lexicon(doc: Doc, matcher: LexiconMatcher, wf: lexicon.WordForms,
                        word_class: dict[str, tuple[str, str]]
                        ) -> tuple[tuple[Tok, ...], dict[str, set[tuple[int, int]]]]:
    texts: list[str] = []
    lowers: list[str] = []
    toks: list[Tok] = []
    for t in doc:
        tt, low, idx = t.text, t.lower_, t.idx
        wc = word_class.get(low)
        if wc is None:
            wc = word_class[low] = _word_class(wf, low)
        texts.append(tt)
        lowers.append(low)
        toks.append(Tok(tt, low, idx, idx + len(tt), wc[0], wc[1]))
    spans: dict[str, set[tuple[int, int]]] = {}
    for label, s, e in matcher.matches(doc, texts, lowers):
        spans.setdefault(label, set()).add((toks[s].start, toks[e - 1].end))
    return tuple(toks), spans


_SEP = "\x00"  # never in a statement (the parser turns NUL into U+FFFD); checked anyway


def _match_patterns(texts: list[str], toks_of: list[tuple[Tok, ...]],
                    spans_of: list[dict[str, set[tuple[int, int]]]]) -> None:
    """Add every regular pattern's matches, aligned outward to token edges, to `spans_of`.

    Most patterns cannot match without one of a few words ("q1", "daily", "may"…): those words
    are found with `str.find` (memchr speed) and the pattern runs only on the texts that hold
    one; the others run once over all texts joined. Both give exactly the matches of running
    every pattern on every text (the test suite holds this): regular expressions scanning every
    position of every statement were three quarters of the pipeline's time.
    """
    starts_of = [[t.start for t in toks] for toks in toks_of]
    joined_ok = not any(_SEP in t for t in texts)
    joined = _SEP.join(texts) if joined_ok else ""
    bases: list[int] = []
    pos = 0
    for t in texts:
        bases.append(pos)
        pos += len(t) + 1
    finder = _Finder(texts)

    def add(i: int, a: int, b: int) -> None:
        _add_expanded(label, a, b, texts[i], toks_of[i], starts_of[i], spans_of[i])

    for label, rx, joinable, words in _patterns_for_join():  # noqa: B007 - add() reads it
        holders = finder.holding(words) if words else None
        if holders is not None and len(holders) * 3 < len(texts):
            for i in holders:
                for m in rx.finditer(texts[i]):
                    a, b = m.span()
                    if b > a:
                        add(i, a, b)
        elif joinable and joined_ok:
            for m in rx.finditer(joined):
                a, b = m.span()
                if b <= a:
                    continue
                i = bisect_right(bases, a) - 1
                add(i, a - bases[i], b - bases[i])
        else:
            for i, text in enumerate(texts):
                for m in rx.finditer(text):
                    a, b = m.span()
                    if b > a:
                        add(i, a, b)


# Characters outside ASCII that a case-insensitive pattern matches to an ASCII letter (İ ı ſ and
# the Kelvin sign, found by trying every code point); a text holding one is always searched.
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


class _Finder:
    """Which texts hold one of some words, case-insensitively, found with `str.find`."""

    def __init__(self, texts: list[str]) -> None:
        self.always = [i for i, t in enumerate(texts)
                       if not t.isascii() and _FOLDS_TO_ASCII.intersection(t)]
        lowered = [t.lower() for t in texts]
        self.joined = _SEP.join(lowered)
        self.starts: list[int] = []
        pos = 0
        for t in lowered:
            self.starts.append(pos)
            pos += len(t) + 1

    def holding(self, words: tuple[str, ...]) -> list[int]:
        found = set(self.always)
        joined, starts = self.joined, self.starts
        for w in words:
            i = joined.find(w)
            while i >= 0:
                d = bisect_right(starts, i) - 1
                found.add(d)
                if d + 1 >= len(starts):
                    break
                i = joined.find(w, starts[d + 1])
        return sorted(found)


def _add_expanded(label: str, a: int, b: int, text: str, toks: tuple[Tok, ...],
                  starts: list[int], spans: dict[str, set[tuple[int, int]]]) -> None:
    """`Doc.char_span(a, b, alignment_mode="expand")`: every token the match touches; a match
    that starts in a token's trailing space starts at the next token."""
    first = bisect_right(starts, a) - 1
    last = bisect_right(starts, b - 1) - 1
    if a == toks[first].end:
        first += 1
    start_char = toks[first].start if first < len(toks) else len(text)
    end_char = toks[last].end if last >= first else start_char
    spans.setdefault(label, set()).add((start_char, end_char))


@lru_cache(maxsize=1)
def _patterns_for_join() -> list[tuple[str, re.Pattern[str], bool, tuple[str, ...]]]:
    return [(label, rx, _joinable(rx), _required_words(rx)) for label, rx in _patterns()]


def _sre() -> tuple[Any, Any]:
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as p  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_constants as c  # type: ignore[no-redef]
        import sre_parse as p  # type: ignore[no-redef]
    return c, p


def _required_words(rx: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-case ASCII strings one of which every match of `rx` contains (empty: none known).

    Read from the parsed pattern: a run of literal characters is required where it stands;
    an alternation requires one of its branches' requirements; a repeat of at least once
    requires its body's. Of the requirements of a sequence, the one whose shortest word is
    longest is kept (the rarest to find)."""
    c, p = _sre()
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}
    ignorecase = bool(rx.flags & re.IGNORECASE)

    def seq(items: Any) -> frozenset[str] | None:
        options: list[frozenset[str]] = []
        run: list[str] = []

        def flush() -> None:
            if run:
                options.append(frozenset(["".join(run)]))
                run.clear()

        for op, av in items:
            if op is c.LITERAL:
                ch = chr(av)
                if ch.isascii() and (ignorecase or not ch.isalpha()):
                    run.append(ch.lower())
                    continue
                flush()
                continue
            flush()
            found: frozenset[str] | None = None
            if op is c.SUBPATTERN:
                found = seq(av[-1])
            elif op is c.BRANCH:
                alts = [seq(b) for b in av[1]]
                if alts and all(a for a in alts):
                    found = frozenset().union(*[a for a in alts if a])
            elif op in repeats and av[0] >= 1:
                found = seq(av[2])
            if found:
                options.append(found)
        flush()
        if not options:
            return None
        return max(options, key=lambda o: (min(len(w) for w in o), -len(o)))

    try:
        req = seq(p.parse(rx.pattern, rx.flags))
    except Exception:
        return ()
    return tuple(sorted(req)) if req else ()


def _joinable(rx: re.Pattern[str]) -> bool:
    """Whether a pattern finds the same matches in texts joined by NUL as in each text alone.

    True when nothing in it can match NUL (no `.`, negated class or `\\W`/`\\S`/`\\D`) and it
    has no anchor but word boundaries: then no match crosses a joint, and NUL looks to every
    boundary and look-around exactly like the start or end of a text.
    """
    c, p = _sre()
    negated = {c.CATEGORY_NOT_WORD, c.CATEGORY_NOT_SPACE, c.CATEGORY_NOT_DIGIT,
               c.CATEGORY_UNI_NOT_WORD, c.CATEGORY_UNI_NOT_SPACE, c.CATEGORY_UNI_NOT_DIGIT,
               c.CATEGORY_LOC_NOT_WORD, c.CATEGORY_NOT_LINEBREAK, c.CATEGORY_UNI_NOT_LINEBREAK}
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}

    def safe(items: Any) -> bool:
        for op, av in items:
            if op in (c.ANY, c.NOT_LITERAL, c.GROUPREF, c.GROUPREF_EXISTS, c.CATEGORY):
                return False
            if op is c.LITERAL and av == 0:
                return False
            if op is c.AT and av not in (c.AT_BOUNDARY, c.AT_NON_BOUNDARY, c.AT_UNI_BOUNDARY,
                                         c.AT_UNI_NON_BOUNDARY):
                return False
            if op is c.IN:
                for o, a in av:
                    if o is c.NEGATE or (o is c.CATEGORY and a in negated):
                        return False
                    if (o is c.LITERAL and a == 0) or (o is c.RANGE and a[0] == 0):
                        return False
            elif op is c.BRANCH:
                if not all(safe(b) for b in av[1]):
                    return False
            elif op in repeats:
                if not safe(av[2]):
                    return False
            elif op is c.SUBPATTERN:
                if not safe(av[-1]):
                    return False
            elif op in (c.ASSERT, c.ASSERT_NOT):
                if not safe(av[1]):
                    return False
            elif op not in (c.LITERAL, c.AT, c.IN):
                return False  # anything else (atomic groups…): run it per text, to be sure
        return True

    try:
        return safe(p.parse(rx.pattern, rx.flags))
    except Exception:
        return False
