"""Who speaks to whom in a run of statements (a section or a whole page): the voice features the
genre models read, beside the statement and section features of `features`."""

from __future__ import annotations

from collections.abc import Sequence

from stratlint.model import Statement
from stratlint.understand.classify import Verdict
from stratlint.understand.learn.facts import facts
from stratlint.understand.learn.features import _bucket, _share
from stratlint.understand.nlp import Signals


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
        fx = facts(sig, st.form)
        you += fx.you
        we += fx.we
        links += bool(st.links)
        past += fx.frame == "past"
        imperative += fx.frame == "imperative"
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
