"""The plan's strategy link (P207): a link that points nowhere, or to something that is not a
strategy (SPEC §8.7, §8.11). Which links are strategy links, and where they lead, is
`_strategy_links`'s reading; a plan with no strategy link at all is P201's."""

from __future__ import annotations

from collections.abc import Iterator

from stratlint.checks._registry import Context, Hit, check, quote
from stratlint.checks._strategy_links import strategy_link_state
from stratlint.understand.links import LinkStatus


@check("P207")
def broken_strategy_link(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    if not a.plans and not (a.doc.front_matter and "strategy" in a.doc.front_matter):
        return  # only a plan's strategy link is judged (SPEC §3 P207): a plan its content confirms
    _, broken = strategy_link_state(ctx)
    seen: set[tuple[int, str]] = set()
    for line, target, status in broken:
        if (line, target) in seen:
            continue
        seen.add((line, target))
        why = {
            LinkStatus.MISSING_FILE: "the file does not exist",
            LinkStatus.OUTSIDE: "it points outside the project",
            LinkStatus.MISSING_ANCHOR: "the heading anchor does not exist",
            LinkStatus.NOT_STRATEGY: "the target has no strategy section",
            LinkStatus.NOT_MARKDOWN: "the target is not a Markdown document",
        }.get(status, status.value)
        yield ctx.at_line(
            line,
            f"Strategy link {quote(target, 60)} is broken: {why}.",
            "Point it at the strategy document or its heading (GitHub anchor, e.g. "
            "`strategy.md#where-we-play`).",
        )
