"""The fast paths of `markup` give exactly what the character-by-character reading gives."""

import random
from array import array

from stratlint.offsets import Offsets
from stratlint.read import markup

PIECES = [
    "[",
    "]",
    "(",
    ")",
    "`",
    "``",
    "\\",
    "<",
    ">",
    "<!--",
    "-->",
    "http://a.b/c",
    "!",
    "![",
    "*",
    "_",
    "~",
    '"',
    "'",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "a",
    "word",
    "snake_case",
    "h",
    "<https://q.r>",
    "\u200b",
    "é",
    "—",
    "\u00a0",
    "x" * 120,
    "!" * 105,
    "\u2028",
    "[ref]",
    '[l](<d e> "t")',
    "[r][ref]",
    "\x1c",
]


def test_collapse_word_by_word_equals_character_by_character() -> None:
    rng = random.Random(7)
    for _ in range(5000):
        s = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 20)))
        offsets = array("q", range(3, 3 + len(s)))
        text, offs = markup._collapse(s, offsets)
        chars_text, chars_offs = markup._collapse_chars(s, offsets)
        assert (text, list(offs)) == (chars_text, list(chars_offs)), repr(s)


def test_white_space_class_is_str_isspace() -> None:
    for c in range(0x3100):
        assert (markup._WORD.fullmatch(chr(c)) is None) == chr(c).isspace(), hex(c)


def test_text_taken_as_is_is_what_the_walk_and_the_collapse_give() -> None:
    rng = random.Random(9)
    pieces = [*PIECES, "://", "ftp://x", ". ", "Owner: a", "a b", "é b"]
    taken = 0
    for _ in range(20000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        if not markup.as_is(s):
            continue
        taken += 1
        offsets = array("q", range(3, 3 + len(s)))
        walker = markup._Walker(s, offsets, {})
        walker.walk(0, len(s), 0)
        text, offs = markup._collapse("".join(walker.out), walker.outo)
        assert (text, list(offs), walker.links, walker.comments) == (s, list(offsets), [], []), s
        assert markup.to_plain(s, offsets) == markup.Plain(s, Offsets.of(offsets), (), ())
    assert taken > 500
