"""The binary-search readings of tokens and spans (`_tok_index_at`, `covered_tokens`, `in_any`)
answer exactly what a scan over every token or span answers: they replaced scans that made a long
paragraph's numbers quadratic (a 400 KB paragraph took 30 s, a 1.5 MB one 400–560 s)."""

from __future__ import annotations

from hypothesis import given, seed, settings
from hypothesis import strategies as st

from stratlint.understand.classify._common import (
    _in_spans,
    _tok_index_at,
    covered_tokens,
    in_any,
)
from stratlint.understand.signals import Tok


def _tokens(gaps_and_lengths: list[tuple[int, int]]) -> list[Tok]:
    """Tokens in text order, none overlapping: each after a gap, of a length."""
    out, pos = [], 0
    for gap, length in gaps_and_lengths:
        start = pos + gap
        out.append(Tok("x" * length, "x" * length, start, start + length, "", "x"))
        pos = start + length
    return out


_TOKENS = st.lists(st.tuples(st.integers(0, 3), st.integers(1, 5)), max_size=40).map(_tokens)
_SPANS = st.lists(
    st.tuples(st.integers(0, 150), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=12,
)


@seed(20261205)
@settings(max_examples=300, deadline=None, database=None)
@given(_TOKENS, st.integers(-2, 160))
def test_the_token_at_an_offset_is_the_one_a_scan_finds(toks: list[Tok], char: int) -> None:
    scan = next((i for i, t in enumerate(toks) if t.start <= char < t.end), -1)
    assert _tok_index_at(toks, char) == scan


@seed(20261205)
@settings(max_examples=300, deadline=None, database=None)
@given(_TOKENS, _SPANS)
def test_covered_tokens_are_those_some_span_holds_whole(
    toks: list[Tok], spans: list[tuple[int, int]]
) -> None:
    assert covered_tokens(toks, spans) == {i for i, t in enumerate(toks) if _in_spans(t, spans)}


@seed(20261205)
@settings(max_examples=300, deadline=None, database=None)
@given(_SPANS, st.integers(-2, 180))
def test_an_offset_is_in_the_union_where_it_is_in_some_span(
    spans: list[tuple[int, int]], x: int
) -> None:
    assert in_any(spans)(x) == any(a <= x < b for a, b in spans)
