"""`nlp.analyse` takes shortcuts for speed (a dict for one-word terms, patterns run over texts
joined by NUL, no Span objects); its results must equal the plain reading: every lexicon term in
one PhraseMatcher, every pattern run on each text alone through `Doc.char_span(expand)`."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from stratlint import lexicon
from stratlint.understand import nlp

ROOT = Path(__file__).resolve().parent.parent

TEXTS = [
    "",
    " ",
    "  ",
    "\t",
    "x",
    " x ",
    "x  y",
    "  leading",
    "trailing  ",
    "a\u00a0b\u2003c 12\u00a0%",
    "Increase sales by 50% this year.",
    "Grow ARR from $4M to $8M by Q4 2027.",
    "Make 50 calls a day and attend HIMSS in March.",
    "Focus on enterprise healthcare in the US.",
    "us it Sam AE ae IT SAM",
    "cannot gonna dont",
    "New York-based SaaS co's 3x growth!!",
    "e-mail @handle Q3 FY27 $4.5M 24/7 #1 [Owner] ??? TBD ASAP",
    "50 %  of  deals\n\nby  Q3",
    "“Quoted” — dash–dash → 10→20 ſo far KELVIN \u212a",
    "Owner: Kelsey · Due: 31 May · KPI: 20 SQLs",
    "We will not sell to SMBs; we won't play in EMEA until FY28.",
    "best-in-class synergy, at the end of the day",
    "Target: 1,200 active merchants by end of Q3; we'll double the pipeline.",
    # Characters that case-insensitive patterns fold to ASCII letters: İ ı ſ and the Kelvin sign.
    "\u212aickoff MONDAY; \u017fo far DAİLY İn Q3; ıt ıs monthly, la\u017ft year",
    "Tran\u017fition by FY27: 3 \u212aPIs a week",
]


def _corpus_texts() -> list[str]:
    from stratlint.read.parse import parse

    texts: list[str] = []
    for p in sorted((ROOT / "rules" / "catalog").glob("*.yaml")):
        examples = lexicon.load_yaml(p).get("examples") or {}
        texts.extend(str(v) for kind in ("bad", "good") for v in examples.get(kind) or [])
    texts.extend(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.md")))
    out: list[str] = []
    for t in texts:
        out.extend(s.text for s in parse(t, "x.md").statements)
    return out


def _plain(texts: list[str], extra: dict[str, list[str]]) -> list[tuple[object, ...]]:
    """The reference: spaCy's own machinery, one text at a time. Every term the pipeline's
    LexiconMatcher knows (one-word terms from its dict, the rest from its PhraseMatcher) goes
    into one PhraseMatcher, tokenized as spaCy tokenizes it now."""
    base = nlp.pipeline(json.dumps(extra, sort_keys=True))
    fast = base.get_pipe("stratlint_lexicon").matcher
    matcher = PhraseMatcher(base.vocab, attr="LOWER")
    for lex, phrases in fast.phrases.items():  # tokenized here, not taken from the kept split
        matcher.add(lex, list(base.tokenizer.pipe(phrases)))
    for word, labels in fast.words.items():
        for label in labels:
            matcher.add(label, [base.tokenizer(word)])
    acronym = set(nlp._ACRONYM_LEXICONS)
    wf = lexicon.wordforms()
    out = []
    for text in texts:
        doc = base.tokenizer(text)
        spans: dict[str, set[tuple[int, int]]] = {}
        for mid, s, e in matcher(doc):
            label = base.vocab.strings[mid]
            t = doc[s].text
            if label in acronym and e - s == 1 and len(t) <= 3 and not t.isupper():
                continue
            sp = doc[s:e]
            spans.setdefault(label, set()).add((sp.start_char, sp.end_char))
        for label, rx in nlp._patterns():
            for m in rx.finditer(text):
                if m.end() > m.start():
                    sp = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                    if sp is not None:
                        spans.setdefault(label, set()).add((sp.start_char, sp.end_char))
        toks = []
        for t in doc:
            low = t.lower_
            fl = wf.flags.get(low) or ""
            lemma = (wf.verb_lemma.get(low) or wf.noun_lemma.get(low) or low) if fl else low
            toks.append((t.text, low, t.idx, t.idx + len(t.text), fl, lemma))
        out.append((text, {k: tuple(sorted(v)) for k, v in spans.items()}, toks))
    return out


def _fast(texts: list[str], extra: dict[str, list[str]]) -> list[tuple[object, ...]]:
    return [
        (
            s.text,
            dict(s.spans),
            [(t.text, t.lower, t.start, t.end, t.flags, t.lemma) for t in s.tokens],
        )
        for s in nlp.analyse(texts, extra)
    ]


def _pattern_words() -> list[str]:
    """Words the patterns need, so fragments hit them, in several cases."""
    out = []
    for _, _, _, words in nlp._patterns_for_join():
        for w in words:
            out += [w, w.upper(), w.title()]
    return out


def _shuffled_fragments(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    words = " ".join(TEXTS).split() + ["Q1", "2026-05-31", "$3k", "x2", "-", "—", "(", ")"]
    words += _pattern_words() + ["\u212a", "\u017f", "\u0130", "\u0131", "12", "5%", "/"]
    return [" ".join(rng.choice(words) for _ in range(rng.randint(0, 14))) for _ in range(n)]


@pytest.mark.parametrize(
    "extra",
    [{}, {"buzzwords": ["mega synergy", "zap"], "segments": ["space farmers", "us", "cannot"]}],
)
def test_fast_analyse_equals_phrasematcher_and_char_span(extra):
    texts = TEXTS + _corpus_texts() + _shuffled_fragments(7, 1500)
    texts += texts[:20]  # repeated texts share one analysis
    fast, plain = _fast(texts, extra), _plain(texts, extra)
    for f, p in zip(fast, plain, strict=True):
        assert f == p, f"text: {f[0]!r}"
    assert len(fast) == len(texts)


def test_a_text_holding_nul_is_analysed_alone_with_the_same_result():
    texts = ["by Q3\x00 50%", "Grow ARR 20%"]
    assert _fast(texts, {}) == _plain(texts, {})


def test_patterns_that_could_see_past_a_text_edge_are_not_joined():
    assert not nlp._joinable(re.compile(r"^\s*target:"))
    assert not nlp._joinable(re.compile(r"we.ll"))
    assert not nlp._joinable(re.compile(r"\$\[[^\]]*\]"))
    assert nlp._joinable(re.compile(r"\b(?:q[1-4]|h[12])\b", re.I))
    assert nlp._joinable(re.compile(r"(?<![\w$])\d[\d,]*(?![\w%])"))


def test_expanding_a_match_to_token_edges_equals_spacy_char_span_for_every_range():
    tokenizer = nlp.pipeline("{}").tokenizer
    for text in ["  Grow ARR  to $8M\tby Q4 ", "a", " x\u00a0y\n\nz.", "New York-based co's 3x"]:
        doc = tokenizer(text)
        toks = nlp._tokens_and_lexicon(
            doc, nlp.pipeline("{}").get_pipe("stratlint_lexicon").matcher, lexicon.wordforms(), {}
        )[0]
        starts = [t.start for t in toks]
        for a in range(len(text)):
            for b in range(a + 1, len(text) + 1):
                got: dict[str, list[tuple[int, int]]] = {}
                nlp._add_expanded("X", a, b, text, toks, starts, got)
                sp = doc.char_span(a, b, alignment_mode="expand")
                assert got["X"] == [(sp.start_char, sp.end_char)], (text, a, b)


def test_the_kept_split_of_phrases_is_used_and_a_damaged_one_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon, "DERIVED_DIR", tmp_path)
    base = nlp.pipeline("{}")
    phrases = ["account executive", "e-mail", "best-in-class", "a.s.a.p"]
    first = nlp._phrase_tokens(base, phrases)
    assert first == {p: tuple(t.lower_ for t in base.tokenizer(p)) for p in phrases}
    (kept,) = tmp_path.glob("phrases-*.marshal")
    assert nlp._phrase_tokens(base, phrases) == first
    kept.write_bytes(kept.read_bytes()[:40])  # torn: ignored, split again, written again
    assert nlp._phrase_tokens(base, phrases) == first
    assert kept.stat().st_size > 40


@pytest.mark.parametrize(
    "pattern,words",
    [
        (r"\bDaily\b", ("daily",)),  # lower-cased: the texts are searched lower-cased
        (r"\b(?:by|in)\s+may\b", ("may",)),  # the rarest requirement of a sequence is kept
        # a small class of digits spells one word per digit: "h" alone is in nearly every text
        (r"\b(?:q[1-4]|h[12])\b", ("h1", "h2", "q1", "q2", "q3", "q4")),
        (r"\bq[^12]", ("q",)),  # a negated class spells nothing
        (r"\byear[- ]end\b", ("year end", "year-end")),
        (r"\b(?:next|this)?\s*week\b", ("week",)),  # an optional part requires nothing
        (r"\d+%|\bpercent\b", ("%", "percent")),  # one of the branches' words
        (r"\d+|\bpercent\b", ()),  # a branch with no word makes the whole alternation free
        (r"(?:ab)+c", ("ab",)),
        (r"€\s?\d+", ("€",)),  # a character with no case is searched for as it is
        (r"é\s?\d+", ()),  # a cased one outside ASCII never is
        (r"\d+\s?(?:→|->)", ("->", "→")),
    ],
)
def test_the_words_a_pattern_cannot_match_without(pattern, words):
    assert nlp._required_words(re.compile(pattern, re.IGNORECASE)) == words


def _per_text(texts: list[str]) -> list[list[tuple[str, int, int]]]:
    """The plain reading of the patterns: each pattern on each text alone, in pattern order."""
    out: list[list[tuple[str, int, int]]] = [[] for _ in texts]
    for i, text in enumerate(texts):
        for label, rx in nlp._patterns():
            out[i].extend((label, *m.span()) for m in rx.finditer(text) if m.end() > m.start())
    return out


def _found(texts: list[str]) -> list[list[tuple[str, int, int]]]:
    found = nlp._pattern_matches(texts)
    out: list[list[tuple[str, int, int]]] = [[] for _ in texts]
    for m in found.order:
        out[found.text[m]].append((found.label[m], found.start[m], found.end[m]))
    return out


@pytest.mark.parametrize("slice_chars", [None, 300])
def test_patterns_that_open_with_a_word_find_the_same_matches_at_its_places(
    slice_chars, monkeypatch
):
    """No text holds a character that case-folds to an ASCII letter, so the patterns that open
    with a word run only where such a word starts (`_word_starts`): the same matches, in the
    same order, as each pattern on each text; also when a batch is matched a slice at a time."""
    from stratlint.understand import patterns

    folds = patterns._FOLDS_TO_ASCII
    texts = TEXTS + _corpus_texts() + _shuffled_fragments(11, 1500)
    texts = [t for t in texts if not folds.intersection(t)]
    texts += ["٣ times a week, ３ days", "Ⅳ deals in 2025", "a_1 in 2024", "x2 by Q3", "EOD"]
    if slice_chars:
        monkeypatch.setattr(patterns, "_SLICE", slice_chars)
    assert any(patterns._FIRSTS) and patterns._word_starts().by_start
    assert _found(texts) == _per_text(texts)


_LETTERS = tuple("abcdefghijklmnopqrstuvwxyz")


@pytest.mark.parametrize(
    "pattern,firsts",
    [
        # a start followed by what no word character matches is a whole word ("in\n")
        (r"\b(?:in|during)\s+20\d\d\b", ("during\n", "in\n")),
        (r"\b\d+%", ("#",)),  # "#": a word that starts with any digit
        (r"\b(?:\d+|one|two)\s+times\b", ("#", "one", "two")),
        (r"\bq[1-4]\b", ("q1\n", "q2\n", "q3\n", "q4\n")),  # a class: a start per character
        (r"\b[1-4]q", ("1q", "2q", "3q", "4q")),
        (r"\b20[2-4]\d\b", ("202", "203", "204")),  # a digit after them ends the start
        (r"\b(?:was|were)\b", ("was\n", "were\n")),  # through the "w" the parser takes out
        (r"\b(?:target(?:ing)?|goals?)\b", ("goal", "target")),  # an optional part ends it
        (r"\b(?:by\s+)?up\s+to\b", None),  # an optional opening: any word may start it
        (r"\d+\s?x\b", None),  # no word boundary first
        (r"\b[a-z]+ly\b", _LETTERS),
        (r"\b[^a]b", None),
        (r"\b(?-i:Q)1\b", None),  # flags changed inside
        (r"\bé\d", None),  # a letter outside ASCII
        (r"\b(?:a|)b", None),  # an empty branch
        (r"\b(?:end of|by)\s", ("by", "end\n")),  # a branch not spelled whole ends the start
        (r"\bday\s?\d", ("day",)),  # an optional space: "day1" is a word too
        (r"\bfrom[-–]\d", ("from\n",)),
        (r"\bx\u0345", ("x",)),  # a mark that case-folds to a letter: not a word's end
    ],
)
def test_the_words_a_pattern_opens_with(pattern, firsts):
    from stratlint.understand._regex_reading import _first_words

    assert _first_words(re.compile(pattern, re.IGNORECASE)) == firsts


def test_a_long_doc_is_read_token_by_token_as_a_short_one_is_read_at_once():
    """`components.token_rows`: `Doc.to_array` for a short Doc, Token by Token past
    `_TABLE_MAX` (no list of every token's row held for a 4 MB line); the same rows."""
    from stratlint.understand import components

    tokenizer = nlp.pipeline("{}").tokenizer
    unit = "Grow ARR to $8M by Q4, in the U.S. and e-mail co's 3x. "
    doc = tokenizer(unit * 500)
    assert len(doc) > components._TABLE_MAX
    expected = [(t.orth, t.lower, t.idx) for t in doc]
    assert [tuple(r) for r in components.token_rows(doc)] == expected
    short = tokenizer(unit * 5)
    assert [tuple(r) for r in components.token_rows(short)] == expected[: len(short)]
    long_tokens = nlp.analyse([unit * 500])[0].tokens
    assert long_tokens[: len(short)] == nlp.analyse([unit * 5])[0].tokens
