"""Who speaks to whom in a run of statements (a section or a whole page): the voice features the
genre models read, beside the statement and section features of `features`."""

from __future__ import annotations

from collections.abc import Sequence

from stratlint.model import Statement
from stratlint.understand.classify import Verdict
from stratlint.understand.learn.features import _LEMMAS_MAX, _bucket, _frame, _share
from stratlint.understand.nlp import Signals, Tok

_YOU = frozenset({"you", "your", "yours", "you're", "you'll"})
_WE = frozenset({"we", "our", "us", "we'll", "we're"})


_VOICES: dict[int, tuple[tuple[Tok, ...], bool, bool]] = {}


def _voice(tokens: tuple[Tok, ...]) -> tuple[bool, bool]:
    """Whether a statement says "you", and "we": read once per statement (its section's and its
    page's voice both ask), kept by the identity of its tokens, as `features._lemmas` does."""
    hit = _VOICES.get(id(tokens))
    if hit is not None and hit[0] is tokens:
        return hit[1], hit[2]
    words = {t.lower for t in tokens}
    you, we = not _YOU.isdisjoint(words), not _WE.isdisjoint(words)
    if len(_VOICES) >= _LEMMAS_MAX:
        _VOICES.clear()
    _VOICES[id(tokens)] = (tokens, you, we)
    return you, we


def voice_features(
    prefix: str,
    statements: Sequence[Statement],
    signals: Sequence[Signals],
    verdicts: Sequence[Verdict | None],
) -> list[str]:
    """Who speaks to whom, and how: shares of second person, first person plural, links, past
    tense, imperatives and classes over a run of statements (a section or a whole page)."""
    n = len(statements)
    if not n:
        return [f"{prefix}empty"]
    you = we = links = past = imperative = 0
    classes: dict[str, int] = {}
    for st, sig, v in zip(statements, signals, verdicts, strict=True):
        says_you, says_we = _voice(sig.tokens)
        you += says_you
        we += says_we
        links += bool(st.links)
        frame = _frame(sig.tokens, st.form == "sentence")[0]
        past += frame == "past"
        imperative += frame == "imperative"
        if v is not None:
            cls = v.cls._value_
            classes[cls] = classes.get(cls, 0) + 1
    out = [
        f"{prefix}you:{_share(you, n)}",
        f"{prefix}we:{_share(we, n)}",
        f"{prefix}links:{_share(links, n)}",
        f"{prefix}past:{_share(past, n)}",
        f"{prefix}imperative:{_share(imperative, n)}",
        f"{prefix}n:{_bucket(n, (3, 10, 30, 100))}",
        f"{prefix}you_we:{_share(you, n)}_{_share(we, n)}",
    ]
    out.extend(f"{prefix}{c}:{_share(k, n)}" for c, k in classes.items())
    return out
