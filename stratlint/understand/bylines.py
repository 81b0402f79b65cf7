"""Lines about a document rather than in it: who prepared, owns or reviewed it, and when
("Prepared by Revenue Operations · draft 2 · 14 October 2026", "Account lead: Sophie Lomax ·
Last review: 9 November 2026"). Under a title they are the document's byline, not its content
(SPEC §8.9: the content decides, and a byline says nothing about what kind of material follows)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from stratlint.model import Statement
from stratlint.understand.learn import models as learned
from stratlint.understand.signals import Signals

# "Territory:", "**Account lead:**", "Last review:" — a short label opening the line
_LABEL = re.compile(r"^[*_]*[A-Z][\w&/'-]*(?: [\w&/'-]+){0,3}[*_]*:[*_]*\s")


def is_byline(sig: Signals) -> bool:
    """The line opens with a passive agent ("Prepared by …", "Updated weekly by …": a past
    participle and "by" in its first three words) or with a short label ("Reviewers: …")."""
    words = [t for t in sig.tokens if t.text.strip("*_")]
    if len(words) >= 2 and "D" in words[0].flags and "by" in (w.lower for w in words[1:3]):
        return True
    return _LABEL.match(sig.text) is not None


def only_byline(
    own: Sequence[int],
    signals: Sequence[Signals],
    class_proba: Mapping[int, Mapping[str, float]],
) -> bool:
    """Every one of a section's own statements is a byline line that the class model reads as
    context (a "Goal: $4.2M in 2027" line under the title is content, not a byline)."""
    for i in own:
        p = class_proba.get(i)
        if p is None or max(p, key=p.__getitem__) != "CONTEXT" or not is_byline(signals[i]):
            return False
    return True


def only_greeting(
    title: Signals,
    own: Sequence[int],
    statements: Sequence[Statement],
    class_proba: Mapping[int, Mapping[str, float]],
    models: learned.Models,
) -> bool:
    """A plan's title that names its period (a DATE in its signals, or a year: "Harbour Banner
    Co. — 2027 sales plan", `title` its heading's signals) over a few
    sentences that state nothing the models read confidently ("Kia ora team. This is what we're
    doing this year …"): a greeting, too little to judge the page by, so the sections under the
    title stand on their own content (SPEC §8.9). A title with no period lends nothing: a rep's
    routine under "Weekly prospecting strategy" or an onboarding page under "Onboarding plan"
    stays unread."""
    if not title.get("DATE") and not _YEAR.search(title.text):
        return False
    p_min = float((models.thresholds.get("content") or {}).get("p", 1.01))
    return len(own) <= _GREETING_MAX and all(
        statements[i].form == "sentence"
        and not statements[i].is_field
        and max(class_proba.get(i, {}).get(c, 0.0) for c in ("GOAL", "CHOICE", "ACTION")) < p_min
        for i in own
    )


# The most sentences under a title that `only_greeting` reads as a greeting, not as content.
_GREETING_MAX = 3
# The DATE patterns read a bare year only after a time word ("by 2027": "2027 units" is an
# amount); in a plan's title it names the period ("Harbor & Pike 2027 Sales Plan").
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
