"""A page's strategy links for P201 and P207 (SPEC §8.7, §8.11): front matter `strategy:` and
the local links whose text or path names a strategy, each resolved."""

from __future__ import annotations

from stratlint.checks._registry import Context
from stratlint.understand.links import LinkStatus, names_strategy


def strategy_link_state(ctx: Context) -> tuple[bool, list[tuple[int, str, LinkStatus]]]:
    """(has a working strategy link, broken strategy links as (line, target, status))."""
    a = ctx.analysis
    ok = False
    broken: list[tuple[int, str, LinkStatus]] = []
    fm = a.doc.front_matter.get("strategy") if a.doc.front_matter else None
    if fm is not None:
        line = a.doc.front_matter_lines.get("strategy", 1)
        values = fm if isinstance(fm, list) else [fm]
        for val in values:
            res = ctx.resolver.resolve(str(val))
            if res.status == LinkStatus.STRATEGY:
                ok = True
            elif res.status in (LinkStatus.EXTERNAL, LinkStatus.UNKNOWN):
                ok = True  # named in front matter, not checkable here: trust the declaration
            else:
                broken.append((line, str(val), res.status))
    for link in a.doc.links:
        res = ctx.resolver.resolve(link.target)
        if res.status == LinkStatus.STRATEGY:
            if res.analysis is a and not link.target.startswith("#"):
                continue
            ok = True
        elif res.status != LinkStatus.EXTERNAL and names_strategy(link.text, link.target):
            if res.status == LinkStatus.UNKNOWN:
                ok = True  # a strategy link that cannot be checked here: no finding either way
            else:
                broken.append((link.line, link.target, res.status))
    return ok, broken
