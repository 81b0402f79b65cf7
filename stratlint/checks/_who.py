"""Reading whom a strategy names: a segment only excluded is no choice of whom we sell to ("We
will not chase SMB or carriers"), and an account plan sells to the account it is written for."""

from __future__ import annotations

import re

from stratlint.understand.analysis import Analysis, Scope
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


# An account plan or account strategy is written for one customer, named in its title: that
# account is whom the strategy sells to (S103), whatever its choices say.
_ACCOUNT_PAGE = re.compile(r"\baccount (?:plan|strategy|growth plan)\b", re.IGNORECASE)


def account_page(a: Analysis, scope: Scope) -> bool:
    """The page is an account plan, or the strategy an account strategy: its title or the
    strategy's heading says so ("Account plan: First Meridian Bank", "## Account strategy")."""
    title = a.doc.sections[a.doc.title].title if a.doc.title is not None else ""
    heads = [a.doc.sections[s].title for s in scope.sections[:1] if s]
    return any(_ACCOUNT_PAGE.search(t) for t in [title, *heads])
