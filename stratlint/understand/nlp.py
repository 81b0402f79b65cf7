"""Statements → `Signals`: tokens, word classes, lexicon and pattern matches, many at once.

`analyse` runs spaCy's tokenizer and the lexicon matcher of the pipeline (`components`) and the
regular patterns (`patterns`) over a batch of statement texts. Importing this module does not
import spaCy; the first `analyse` or `pipeline()` call does (see `stratlint.understand._spacy`).
"""

from __future__ import annotations

import gc
import json
from array import array
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from stratlint import lexicon
from stratlint.understand._regex_reading import (  # noqa: F401 - kept where tests find them
    _joinable,
    _required_words,
)
from stratlint.understand.patterns import (  # noqa: F401 - names kept where callers and tests find them
    _add_expanded,
    _match_patterns,
    _pattern_matches,
    _patterns,
    _patterns_for_join,
)
from stratlint.understand.signals import Signals, Tok

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from stratlint.understand.components import LexiconMatcher

__all__ = ["Signals", "Tok", "analyse", "pipeline"]

_LAZY = ("LexiconMatcher", "_ACRONYM_LEXICONS", "_phrase_tokens")
_word_class = lexicon.word_class


def __getattr__(name: str) -> Any:
    if name in _LAZY:  # spaCy-side names, imported (with spaCy) only when asked for
        from stratlint.understand import components

        return getattr(components, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_BUILT: set[str] = set()  # the lexicon additions a pipeline was built for in this process


def pipeline(extra_json: str = "{}") -> Language:
    """The spaCy pipeline, built once per process (per set of lexicon additions).

    The first build (which imports spaCy) runs with the cyclic garbage collector paused, and
    what it made is then frozen out of later collections: spaCy's modules and the pipeline
    live as long as the process, and the collections their 100,000-odd objects set off while
    being made freed nothing and cost about 25 ms of a one-file run (issue 15)."""
    if extra_json in _BUILT:
        from stratlint.understand.components import pipeline as build

        return build(extra_json)
    paused = gc.isenabled()
    gc.disable()
    try:
        from stratlint.understand.components import pipeline as build

        nlp = build(extra_json)
        _BUILT.add(extra_json)
    finally:
        gc.freeze()
        if paused:
            gc.enable()
    return nlp


def analyse(texts: Iterable[str], extra: Mapping[str, list[str]] | None = None) -> list[Signals]:
    """Signals for each text: the same as running `pipeline()` and reading `doc.spans`.

    The spaCy tokenizer and the lexicon's PhraseMatcher run here directly rather than through
    `nlp.pipe`, so the components' work is done once per token with no `Span` objects; identical
    texts (template lines, repeated fields) are analysed once; and each regular pattern that cannot
    see past a text's edges runs once over all texts joined (`_joinable`), not once per text.
    Results equal the components' (the test suite holds this).
    """
    extra_json = json.dumps(dict(extra or {}), sort_keys=True)
    nlp = pipeline(extra_json)
    from stratlint.understand.components import _TABLE_MAX  # spaCy is loaded by now

    matcher: LexiconMatcher = nlp.get_pipe("stratlint_lexicon").matcher  # type: ignore[attr-defined]
    tokenizer = nlp.tokenizer
    wf = lexicon.wordforms()
    texts = list(texts)
    known = _known_signals(extra_json, wf)
    by_text: dict[str, Signals] = {}
    for text in texts:
        hit = known.get(text)
        if hit is not None:
            by_text[text] = hit
    unique = [t for t in dict.fromkeys(texts) if t not in by_text]
    word_class = _word_classes(wf)
    words: dict[int, str] = {}  # one string object per distinct token text in the batch
    shared: dict[Any, Any] = {}  # one object per distinct token and span list in the batch
    placed: dict[tuple[int, int], Tok] = {}  # each token of the batch by (ORTH, offset)
    # The patterns run first, over the texts alone; each text's tokens, lexicon spans and pattern
    # spans are then made and kept as its Signals at once: no text's working spans wait for the
    # whole batch (issue 15).
    found = _pattern_matches(unique)
    for i, text in enumerate(unique):
        doc = tokenizer(text)
        if len(doc) <= _TABLE_MAX:
            toks, spans = _placed_tokens(doc, matcher, wf, word_class, words, shared, placed)
        else:
            # A long Doc goes as soon as it is read, before its tokens are made.
            toks, spans = _tokens(_read(doc, matcher, wf, word_class, words), shared)
        del doc
        found.align(i, text, toks, spans)
        sig = by_text[text] = Signals(
            text, {k: _one(shared, _sorted(v)) for k, v in spans.items()}, toks
        )
        if len(text) <= _KNOWN_LEN:
            if len(known) >= _KNOWN_MAX:
                known.clear()
            known[text] = sig
    del found
    return [by_text[t] for t in texts]


# The signals of short texts already analysed in this process, by text (for one set of lexicon
# additions and one word-form table). A statement's signals depend on its text alone, and the
# same lines come back in document after document, beyond the batch that first met them
# (template rows, "Next steps", a team's standing sentences). Signals are immutable: a text's
# signals from an earlier batch cannot be told from new ones.
_KNOWN: dict[tuple[str, int], dict[str, Signals]] = {}
_KNOWN_MAX = 20_000  # texts kept (a few MB; then started afresh)
_KNOWN_LEN = 400  # longer texts are rarely repeated: not kept


def _known_signals(extra_json: str, wf: lexicon.WordForms) -> dict[str, Signals]:
    key = (extra_json, id(wf))
    known = _KNOWN.get(key)
    if known is None:
        _KNOWN.clear()
        known = _KNOWN[key] = {}
    return known


def _sorted(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    if len(spans) == 1:  # three span lists in four: nothing to sort or drop
        return (spans[0],)
    return tuple(sorted(set(spans)))


def _one(shared: dict[Any, Any], value: Any) -> Any:
    """The first object equal to `value` met in this batch. Documents written from templates
    repeat the same tokens at the same places (in 2 MB of plans, 7,000 distinct tokens among
    177,000) and the same span lists: each is kept once, which makes the signals of a long
    document about a third of their size (issue 15). They are immutable tuples, so nothing can
    tell a shared one from a copy."""
    return shared.setdefault(value, value)


_WORD_CLASSES: dict[int, dict[str, tuple[str, str]]] = {}


def _word_classes(wf: lexicon.WordForms) -> dict[str, tuple[str, str]]:
    """Word classes looked up so far in this process (for this word-form table)."""
    known = _WORD_CLASSES.get(id(wf))
    if known is None:
        _WORD_CLASSES.clear()
        known = _WORD_CLASSES[id(wf)] = {}
    return known


def _tokens_and_lexicon(
    doc: Doc,
    matcher: LexiconMatcher,
    wf: lexicon.WordForms,
    word_class: dict[str, tuple[str, str]],
    words: dict[int, str] | None = None,
    shared: dict[Any, Any] | None = None,
) -> tuple[tuple[Tok, ...], dict[str, list[tuple[int, int]]]]:
    return _tokens(_read(doc, matcher, wf, word_class, words), shared)


# A spaCy Doc read into plain lists: token texts, lower cases, start offsets, word classes, and
# the lexicon's (label, start token, end token) matches.
_Read = tuple[list[str], list[str], "array[int]", list[tuple[str, str]], list[tuple[str, int, int]]]


def _read(
    doc: Doc,
    matcher: LexiconMatcher,
    wf: lexicon.WordForms,
    word_class: dict[str, tuple[str, str]],
    words: dict[int, str] | None = None,
) -> _Read:
    """What the signals need from a Doc, so that the Doc can go before the tokens are made: a
    4 MB line's Doc takes 150 MB and its tokens as much again (issue 15).

    The tokens' text, lower case and offset come from `Doc.to_array` (no Token object per
    token); `words` maps a string's hash to the one str object kept for it in the batch (issue
    15: iterating the Doc's tokens was most of the time spent reading it)."""
    from stratlint.understand.components import token_rows

    if words is None:
        words = {}
    texts: list[str] = []
    lowers: list[str] = []
    starts = array("q")
    classes: list[tuple[str, str]] = []
    strings = doc.vocab.strings
    for orth, low_id, idx in token_rows(doc):
        tt, low, wc = _token_strings(orth, low_id, strings, words, wf, word_class)
        texts.append(tt)
        lowers.append(low)
        starts.append(idx)
        classes.append(wc)
    return texts, lowers, starts, classes, matcher.matches(doc, texts, lowers)


def _token_strings(
    orth: int,
    low_id: int,
    strings: Any,
    words: dict[int, str],
    wf: lexicon.WordForms,
    word_class: dict[str, tuple[str, str]],
) -> tuple[str, str, tuple[str, str]]:
    """A token's text, lower case and word class, each string and class looked up once a batch."""
    tt = words.get(orth)
    if tt is None:
        tt = words[orth] = strings[orth]
    low = words.get(low_id)
    if low is None:
        low = words[low_id] = strings[low_id]
    wc = word_class.get(low)
    if wc is None:
        wc = word_class[low] = lexicon.word_class(wf, low)
    return tt, low, wc


def _placed_tokens(
    doc: Doc,
    matcher: LexiconMatcher,
    wf: lexicon.WordForms,
    word_class: dict[str, tuple[str, str]],
    words: dict[int, str],
    shared: dict[Any, Any],
    placed: dict[tuple[int, int], Tok],
) -> tuple[tuple[Tok, ...], dict[str, list[tuple[int, int]]]]:
    """`_tokens(_read(doc, ...), shared)` for a short Doc (one `Doc.to_array`), made faster.

    A token is its text and its offset: its lower case is its text's (a lexeme's), its word
    class its lower case's. So `placed` keeps each token of the batch by (ORTH, offset), and a
    token met again (the same word at the same place in another statement: "We", "Owner", a
    template's words) is the object `_one` gave the first time, without its strings, word class
    and `Tok` being made and hashed again (issue 15: a tenth of the tokenizer stage)."""
    from stratlint.understand.components import token_rows

    toks_list: list[Tok] = []
    append = toks_list.append
    get = placed.get
    strings = doc.vocab.strings
    for orth, low_id, idx in token_rows(doc):
        tok = get((orth, idx))
        if tok is None:
            tt, low, wc = _token_strings(orth, low_id, strings, words, wf, word_class)
            tok = placed[orth, idx] = _one(shared, Tok(tt, low, idx, idx + len(tt), wc[0], wc[1]))
        append(tok)
    toks = tuple(toks_list)
    matches = matcher.matches(doc, [t[0] for t in toks], [t[1] for t in toks])
    spans: dict[str, list[tuple[int, int]]] = {}
    for label, s, e in matches:
        spans.setdefault(label, []).append((toks[s].start, toks[e - 1].end))
    return toks, spans


def _tokens(
    read: _Read, shared: dict[Any, Any] | None = None
) -> tuple[tuple[Tok, ...], dict[str, list[tuple[int, int]]]]:
    """The tokens and lexicon spans of a Doc read by `_read`."""
    if shared is None:
        shared = {}
    texts, lowers, starts, classes, matches = read
    toks = tuple(
        _one(shared, Tok(tt, low, idx, idx + len(tt), wc[0], wc[1]))
        for tt, low, idx, wc in zip(texts, lowers, starts, classes, strict=True)
    )
    spans: dict[str, list[tuple[int, int]]] = {}
    for label, s, e in matches:
        spans.setdefault(label, []).append((toks[s].start, toks[e - 1].end))
    return toks, spans
