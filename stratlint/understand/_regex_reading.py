"""What a regular pattern of `rules/patterns.yaml` needs, read from its parse tree: the words one
of which every match holds (`_required_words`), and whether it may run over texts joined by NUL
(`_joinable`). `patterns` reads them once per set of patterns and keeps them."""

from __future__ import annotations

import re
from typing import Any


def _sre() -> tuple[Any, Any]:
    """The regular-expression parser's modules (renamed in Python 3.11)."""
    import importlib

    try:
        return importlib.import_module("re._constants"), importlib.import_module("re._parser")
    except ImportError:  # Python 3.10
        return importlib.import_module("sre_constants"), importlib.import_module("sre_parse")


def _required_words(rx: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-case strings (ASCII, or characters with no case) one of which every match of `rx`
    contains (empty: none known).

    Read from the parsed pattern: a run of literal characters is required where it stands, and
    a small class of ASCII digits or signs in it makes one word per character ("h[12]": "h1" or
    "h2"; issue 15: "h" alone is in nearly every text); an alternation requires one of its
    branches' requirements; a repeat of at least once requires its body's. Of the requirements
    of a sequence, the one whose shortest word is longest is kept (the rarest to find)."""
    c, p = _sre()
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}
    ignorecase = bool(rx.flags & re.IGNORECASE)

    def seq(items: Any) -> frozenset[str] | None:
        options: list[frozenset[str]] = []
        run: list[str] = []  # what the literals so far spell, once per choice of a class's

        def flush() -> None:
            if run:
                options.append(frozenset(run))
            run.clear()

        for op, av in items:
            if op is c.LITERAL:
                ch = chr(av)
                if (ch.isascii() and (ignorecase or not ch.isalpha())) or _uncased(ch):
                    run[:] = [w + ch.lower() for w in run or [""]]
                    continue
                flush()
                continue
            if op is c.IN:
                chars = _small_class(c, av)
                if chars and len(run or [""]) * len(chars) <= _SPELLINGS:
                    run[:] = [w + ch for w in run or [""] for ch in chars]
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


def _uncased(ch: str) -> bool:
    """A character outside ASCII with no case ("→", "≥", "€"): a pattern matches it only where
    the text holds that very character (with IGNORECASE too, the compiled pattern compares it
    as is), and a text's lower case keeps it, so it can be looked for (issue 15: "→" in
    FROM_TO's arrows)."""
    return (
        not ch.isascii()
        and ch.isprintable()
        and ch.lower() == ch
        and ch.upper() == ch
        and ch.casefold() == ch
    )


_SPELLINGS = 12  # words a run of literals and small classes may spell, at most


def _small_class(c: Any, items: Any) -> list[str] | None:
    """The characters of a character class of a few ASCII digits or signs ("[12]", "[1-4]",
    "[-_/]"), or None. No other character matches one of them, with or without IGNORECASE (no
    case folding reaches an ASCII character that is not a letter), and lower case leaves them
    as they are, so a text holds the class's match exactly when its lower case holds it."""
    chars: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            chars.append(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _SPELLINGS:
            chars.extend(map(chr, range(av[0], av[1] + 1)))
        else:
            return None  # a negated class, a category (\d, \w…), a wide range
    if not chars or len(chars) > _SPELLINGS:
        return None
    if not all(ch.isascii() and ch.isprintable() and not ch.isalpha() for ch in chars):
        return None
    return chars


def _joinable(rx: re.Pattern[str]) -> bool:
    """Whether a pattern finds the same matches in texts joined by NUL as in each text alone.

    True when nothing in it can match NUL (no `.`, negated class or `\\W`/`\\S`/`\\D`) and it
    has no anchor but word boundaries: then no match crosses a joint, and NUL looks to every
    boundary and look-around exactly like the start or end of a text.
    """
    c, p = _sre()
    negated = {
        c.CATEGORY_NOT_WORD,
        c.CATEGORY_NOT_SPACE,
        c.CATEGORY_NOT_DIGIT,
        c.CATEGORY_UNI_NOT_WORD,
        c.CATEGORY_UNI_NOT_SPACE,
        c.CATEGORY_UNI_NOT_DIGIT,
        c.CATEGORY_LOC_NOT_WORD,
        c.CATEGORY_NOT_LINEBREAK,
        c.CATEGORY_UNI_NOT_LINEBREAK,
    }
    repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}

    def safe(items: Any) -> bool:
        for op, av in items:
            if op in (c.ANY, c.NOT_LITERAL, c.GROUPREF, c.GROUPREF_EXISTS, c.CATEGORY):
                return False
            if op is c.LITERAL and av == 0:
                return False
            if op is c.AT and av not in (
                c.AT_BOUNDARY,
                c.AT_NON_BOUNDARY,
                c.AT_UNI_BOUNDARY,
                c.AT_UNI_NON_BOUNDARY,
            ):
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


WORD_END = "\n"  # in `_first_words`: after a start, the run of word characters ends there
_WORD_CHAR = re.compile(r"\w")
DIGIT = "#"  # in `_first_words`: a word that starts with any digit (no word starts with "#")


def _first_words(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """What every match of `rx` starts with, when it starts at a word boundary followed by
    ASCII letters or digits: the lower-case starts (`DIGIT` for any digit) one of which begins
    the run of word characters (`\\w+`) at whose first character every match begins. None when
    the pattern does not open that way.

    Read from the parsed pattern: `\\b`, then what its mandatory opening spells in ASCII letters
    and digits: a run of literals, a class of them (one start per character), `\\d` (which
    ends the start), a repeat of at least one of these (which ends it too), an alternation or a
    group (each branch's starts; the spelling goes on past it only when every branch was
    spelled whole). A match found there begins where a run of word characters begins (the
    `\\b` before a word character), and the run's lower case begins with one of the starts;
    for ASCII letters that is so with IGNORECASE too, but for the few characters that
    case-fold to one (`patterns._FOLDS_TO_ASCII`), which the caller must rule out."""
    c, p = _sre()
    try:
        items = list(p.parse(rx.pattern, rx.flags))
    except Exception:
        return None
    if not items or items[0] not in ((c.AT, c.AT_BOUNDARY), (c.AT, c.AT_UNI_BOUNDARY)):
        return None
    found = _Opening(c).seq(items[1:])
    return tuple(sorted(found[0])) if found else None


_Spelled = tuple[frozenset[str], bool]  # starts, and whether they spell all of what was read


def _alnum(code: int) -> bool:
    ch = chr(code)
    return ch.isascii() and ch.isalnum()


def _not_word(code: int) -> bool:
    """A character no word character matches, with IGNORECASE too: not one itself, and ASCII
    or without case (no case folding reaches a word character from one)."""
    ch = chr(code)
    return _WORD_CHAR.match(ch) is None and (ch.isascii() or _uncased(ch))


class _Opening:
    """`_first_words`' reading of a parsed pattern (`c`: the parser's constants)."""

    def __init__(self, c: Any) -> None:
        self.c = c
        self.repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}

    def one(self, op: Any, av: Any) -> _Spelled | None:
        """The starts one element spells, and whether they spell all of it."""
        c = self.c
        if op is c.LITERAL:
            return (frozenset({chr(av).lower()}), True) if _alnum(av) else None
        if op is c.IN:
            return self.chars(av)
        if op in self.repeats:
            got = self.seq(av[2]) if av[0] >= 1 else None
            return (got[0], False) if got else None
        if op is c.SUBPATTERN:
            return None if av[1] or av[2] else self.seq(av[-1])  # flags changed inside: None
        if op is c.BRANCH:
            alts = [self.seq(b) for b in av[1]]
            if not alts or any(a is None for a in alts):
                return None
            return frozenset().union(*(a[0] for a in alts if a)), all(a[1] for a in alts if a)
        return None

    def chars(self, av: Any) -> _Spelled | None:
        """A class: one start per character (ASCII letters and digits only), or `\\d`."""
        c = self.c
        chars: set[str] = set()
        for o, a in av:
            if o is c.CATEGORY and a in (c.CATEGORY_DIGIT, c.CATEGORY_UNI_DIGIT):
                return (frozenset({DIGIT}), False) if len(av) == 1 else None
            if o is c.LITERAL and _alnum(a):
                chars.add(chr(a).lower())
            elif o is c.RANGE and all(map(_alnum, range(a[0], a[1] + 1))):
                chars.update(chr(x).lower() for x in range(a[0], a[1] + 1))
            else:
                return None  # a negated class, another category, another character
        return (frozenset(chars), True) if chars else None

    def ends_word(self, op: Any, av: Any) -> bool:
        """Whether an element cannot match a word character where it stands, nor nothing but at
        a word's end (`\\b` after a word character): what follows a whole spelled start then
        ends the run of word characters there."""
        c = self.c
        if op is c.AT:
            return av in (c.AT_BOUNDARY, c.AT_UNI_BOUNDARY)
        if op is c.LITERAL:
            return _not_word(av)
        if op is c.IN:
            return all(
                (o is c.CATEGORY and a in (c.CATEGORY_SPACE, c.CATEGORY_UNI_SPACE))
                or (o is c.LITERAL and _not_word(a))
                for o, a in av
            )
        if op in self.repeats:
            return av[0] >= 1 and len(av[2]) > 0 and self.ends_word(*av[2][0])
        return False

    def seq(self, items: Any) -> _Spelled | None:
        """What a sequence's mandatory opening spells."""
        starts = frozenset({""})
        for op, av in items:
            if starts != {""} and self.ends_word(op, av):
                return frozenset(s + WORD_END for s in starts), False
            got = self.one(op, av)
            if got is None:
                break
            more, whole = got
            if DIGIT in more and starts != {""}:
                break  # a digit after letters: the letters are the start
            if len(starts) * len(more) > _STARTS:
                break
            starts = frozenset(a + b for a in starts for b in more)
            if not whole:
                return starts, False
        else:
            return (starts, True) if starts != {""} else None
        return (starts, False) if starts != {""} else None


_STARTS = 64  # starts an opening may spell, at most
