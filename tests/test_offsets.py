"""A statement's source offsets, kept as runs (`stratlint.offsets.Offsets`, issue 15).

`Offsets` must read exactly like the tuple of one offset per character it replaced, and the
parser's statements must still point every character at its source character: with CRLF, tabs,
front matter, statements over several lines, dropped markup, tables, and broken long words.
"""

from __future__ import annotations

import pickle
import random

import pytest

from stratlint import lint_text
from stratlint.offsets import Offsets
from stratlint.read.parse import normalise, parse


def _sequences() -> list[list[int]]:
    rng = random.Random(15)
    out: list[list[int]] = [[], [7], [0, 1, 2], [5, 5, 6], [9, 3, 4, 5], list(range(100, 400))]
    for _ in range(300):
        seq = [rng.randint(0, 40) for _ in range(rng.randint(0, 15))]
        if rng.random() < 0.6:
            seq.sort()
        out.append(seq)
    return out


@pytest.mark.parametrize("seq", _sequences())
def test_offsets_read_like_the_tuple_of_offsets(seq: list[int]) -> None:
    offs = Offsets.of(seq)
    assert len(offs) == len(seq)
    assert list(offs) == seq
    assert offs == tuple(seq)
    for i in range(-len(seq), len(seq)):
        assert offs[i] == seq[i], (seq, i)
    for a in range(-len(seq) - 1, len(seq) + 2):
        for b in (a - 1, a + 1, a + 3, len(seq) + 2, None):
            assert list(offs[a:b]) == seq[a:b], (seq, a, b)
            assert offs[a:b] == Offsets.of(seq[a:b])
    assert pickle.loads(pickle.dumps(offs)) == offs
    with pytest.raises(IndexError):
        offs[len(seq)]


def test_a_long_run_of_offsets_is_kept_in_a_few_bytes() -> None:
    """The point of the change: 100,000 consecutive offsets are one run, not 100,000 ints."""
    offs = Offsets.of(list(range(50, 100_050)))
    assert len(pickle.dumps(offs)) < 200
    assert offs[99_999] == 100_049


SOURCE = (
    "---\r\ntype: strategy\r\n---\r\n"
    "# Title\r\n\r\n"
    "## Sales Strategy\r\n\r\n"
    "We\tfocus on *dental* groups in\r\n"
    "   Ohio and [leverage](x.md) synergies.  Then   more.\r\n\r\n"
    "- Item one with **bold**\r\n"
    "  continued here\r\n\r\n"
    "| Action | Owner |\r\n|---|---|\r\n| Call\t5 \\| clinics | Kim |\r\n\r\n"
    "Long " + "x" * 250 + " end.\r\n"
)


def test_every_statement_character_points_at_its_source_character() -> None:
    doc = parse(SOURCE)
    text = normalise(SOURCE)
    assert doc.statements
    for st in doc.statements:
        assert len(st.offsets) == len(st.text)
        for ch, off in zip(st.text, st.offsets, strict=True):
            # The parser writes a space between words and cells and "; " between cells.
            assert ch in " ;" or text[off] == ch, (st.text, ch, off)
        assert doc.position(st.offsets[0]) == (st.line, st.column)
        assert doc.position(st.offsets[-1]) == (st.end_line, st.end_column - 1)


def test_positions_across_lines_tabs_and_crlf_are_those_of_the_source() -> None:
    doc = parse(SOURCE)
    lines = normalise(SOURCE).split("\n")

    def where(word: str) -> tuple[int, int]:
        st = next(s for s in doc.statements if word in s.text)
        return doc.position(st.offsets[st.text.index(word)])

    for word in (
        "focus",
        "dental",
        "Ohio",
        "leverage",
        "synergies",
        "more",
        "continued",
        "clinics",
    ):
        line, col = where(word)
        assert lines[line - 1][col - 1 :].startswith(word), (word, line, col)
    assert where("Ohio") == (9, 4)  # the next line, after its indentation
    assert where("focus") == (8, 4)  # after a tab, counted as one column
    assert where("clinics") == (16, 13)  # after an escaped pipe in a cell


def test_a_buzzword_on_a_continuation_line_is_reported_at_its_own_column() -> None:
    """S106 reads a word's column from the statement's offsets: after the change of
    representation, the same columns for LF and CRLF, on the second line of a sentence."""
    body = "## Sales Strategy\n\nWe sell to dentists in Ohio and\n   leverage synergies there.\n"
    for text in (body, body.replace("\n", "\r\n")):
        found = [(f.line, f.column, f.end_column) for f in lint_text(text) if f.rule == "S106"]
        assert (4, 4, 12) in found, found
        assert (4, 13, 22) in found, found
