"""The parser's working state frozen into the records a Document holds."""

from __future__ import annotations

from typing import Any

from stratlint.model import Document, Section
from stratlint.read._builder import Builder
from stratlint.read.markup import slugify


def freeze(b: Builder) -> Document:
    b.seal()
    sections = _frozen_sections(b)
    h1 = [s.index for s in sections if s.level == 1]
    title = h1[0] if len(h1) == 1 and _title_first(sections, h1[0]) else None
    return Document(
        path=b.path,
        text=b.text,
        front_matter=b.front_matter,
        front_matter_lines=b.front_matter_lines,
        sections=tuple(sections),
        statements=tuple(b.statements),
        links=tuple(b.links),
        comments=tuple(sorted(b.comments)),
        line_starts=tuple(b.line_starts),
        problems=tuple(b.problems),
        title=title,
        label_lines=frozenset(b.label_lines),
    )


def _frozen_sections(b: Builder) -> list[Section]:
    """The sections as records, each ending where the next heading of its level or higher
    starts."""
    last_line = len(b.line_starts)  # a final newline does not start another line
    secs = b.sections
    # A section ends where the next heading of its level or higher starts (one pass, a stack of
    # the sections still open).
    ends = [last_line] * len(secs)
    open_: list[int] = []
    for k, s in enumerate(secs):
        while open_ and secs[open_[-1]]["level"] >= s["level"]:
            ends[open_.pop()] = s["line"] - 1
        open_.append(k)
    anchors = _anchors(secs)
    sections: list[Section] = []
    for k, s in enumerate(secs):
        end = ends[k]
        sections.append(
            Section(
                index=s["index"],
                title=s["title"],
                level=s["level"],
                line=s["line"],
                end_line=max(end, s["line"]),
                parent=s["parent"],
                children=tuple(s["children"]),
                statements=tuple(s["statements"]),
                heading=s["heading"],
                fields=tuple(s["fields"]),
                anchor=anchors[k],
            )
        )
    return sections


def _title_first(sections: list[Section], h1: int) -> bool:
    """The single H1 is the title when no other heading comes before it."""
    return all(s.level == 0 for s in sections[:h1])


def _anchors(secs: list[dict[str, Any]]) -> list[str]:
    """Each section's heading anchor, as GitHub makes them: the slug of its title, and a second
    heading with the same slug gets "-1", a third "-2" (the preamble has none)."""
    seen: dict[str, int] = {}
    out = []
    for s in secs:
        if not s["level"]:
            out.append("")
            continue
        base = slugify(s["title"])
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.append(base if count == 0 else f"{base}-{count}")
    return out
