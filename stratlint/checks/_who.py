"""Reading whom a strategy names: a segment only excluded is no choice of whom we sell to
("We will not chase SMB or carriers")."""

from __future__ import annotations

import re

from stratlint.understand.classify import WHO
from stratlint.understand.nlp import Signals

_NEGATIONS = {
    "not",
    "won't",
    "wont",
    "never",
    "no longer",
    "stop",
    "avoid",
    "exclude",
    "excluding",
    "excluded",
    "decline",
    "will not",
    "we do not",
    "we don't",
    "not pursue",
    "do not pursue",
    "not chase",
    "don't chase",
    "exit",
    "deprioritize",
    "deprioritise",
    "walk away",
    "pass on",
    "say no",
    "out of scope",
    "not a fit",
}


_CLAUSE = re.compile(r"[;:,—–]|\bbut\b|\bwhile\b|\binstead\b|\brather than\b")


def only_excludes(sig: Signals) -> bool:
    """Every clause that names a segment also negates it: "We will not chase SMB or carriers"."""
    low = sig.text.lower()
    if not {w.lower() for w in sig.words("tradeoff")} & _NEGATIONS:
        return False
    who = [sp for lab in WHO for sp in sig.get(lab)]
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(low)] + [len(low)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        clause = low[a:b]
        if any(a <= x < b for x, _ in who) and not any(
            re.search(r"\b" + re.escape(n) + r"\b", clause) for n in _NEGATIONS
        ):
            return False
    return True
