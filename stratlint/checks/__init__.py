"""Rule checks: one function per rule ID, registered by the `check` decorator.

A check receives a `Context` (the analysed document, the rule's options and a link resolver) and
yields `Hit`s. The engine turns hits into findings with the rule's name and severity from the
catalog; a check never parses, prints or reads files.
"""

from __future__ import annotations

from collections.abc import Iterator

from stratlint.checks._registry import REGISTRY, CheckFn, Context, Hit, check, quote

__all__ = ["REGISTRY", "CheckFn", "Context", "Hit", "all_checks", "check", "iter_ids", "quote"]


def all_checks() -> dict[str, CheckFn]:
    from stratlint.checks import alignment, links, plan, sections, strategy  # noqa: F401

    return REGISTRY


def iter_ids() -> Iterator[str]:
    yield from sorted(all_checks())
