"""Lines about a document rather than in it: who prepared, owns or reviewed it, and when
("Prepared by Revenue Operations · draft 2 · 14 October 2026", "Account lead: Sophie Lomax ·
Last review: 9 November 2026"). Under a title they are the document's byline, not its content
(SPEC §8.9: the content decides, and a byline says nothing about what kind of material follows)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

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
