"""Strategy readings (SPEC §3 S103): a market word that names the seller ("our audit practice",
"focus our energy") chooses no customer."""

from __future__ import annotations

import pytest

from stratlint import lint_text

_STRATEGY = """---
type: strategy
---
# Audit strategy 2027

## How we win

{choice}

Fixed fees before planning starts, because finance directors hate surprise overruns.
We will not bid for listed groups.
"""


def _s103(choice: str) -> list[int]:
    text = _STRATEGY.format(choice=choice)
    return [f.line for f in lint_text(text, "strategy.md") if f.rule == "S103"]


@pytest.mark.parametrize(
    "choice",
    [
        "Our audit practice wins on fixed fees agreed before planning starts.",
        "We will focus our energy on fixed-fee audits.",
    ],
)
def test_a_market_word_that_names_us_chooses_no_customer(choice: str) -> None:
    assert _s103(choice) == [4]


def test_a_market_word_that_names_them_does() -> None:
    choice = "We win family-owned manufacturers in the West Midlands with fixed-fee audits."
    assert _s103(choice) == []
