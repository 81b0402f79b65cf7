"""The parser's working state: the document's lines, and the sections, statements, links and
comments found so far, each position mapped back to the source text.

A statement is a plain dict (its working record) only while a list item that may still add
fields to it is open; `seal` then makes it a `Statement` and drops the dict, so a long document
never holds a working record per statement (issue 15: they were the parser's peak)."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from stratlint.model import Field, Link, Statement
from stratlint.offsets import Offsets
from stratlint.read import front_matter
from stratlint.read.markup import Plain, RawLink, as_is, to_plain


@dataclass
class Item:
    statement: int | None = None
    # (content, first line, the column its first line starts looking from: past a checkbox)
    raw_parts: list[tuple[str, int, int]] = field(default_factory=list)
    line: int = 0
    depth: int = 0
    parent: int | None = None
    quoted: bool = False
    fields: list[Field] = field(default_factory=list)


class Builder:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        starts = [0]
        for m in re.finditer("\n", text):
            starts.append(m.end())
        if starts[-1] == len(text) and len(starts) > 1:
            starts.pop()
        self.line_starts = starts
        self.n_lines = text.count("\n") + 1  # lines of the text, a last empty one included
        self.sections: list[dict[str, Any]] = []
        self.statements: list[Statement] = []  # sealed, in document order
        self.open: list[dict[str, Any]] = []  # working records of the statements after them
        self.links: list[Link] = []
        self.comments: list[tuple[int, str]] = []
        self.problems: list[tuple[int, str]] = []
        self.label_lines: set[int] = set()
        self.front_matter: dict[str, Any] = {}
        self.front_matter_lines: dict[str, int] = {}
        self.refs: dict[str, str] = {}
        self.open_sections: list[int] = []  # the current heading path, outermost first

    # -- positions ---------------------------------------------------------------------------
    def pos(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def locate(self, content: str, first_line: int, start: int = 0) -> tuple[str, array[int]]:
        """Map each character of an inline token's content to its source offset (an array of
        machine integers: 8 bytes a character, where a list of ints took 40 and a 4 MB line
        held 160 MB of them, issue 15).

        `start` is the column (0-based) on the first line from which to look: table cells
        after the first look past the cells before them, so "| a | a |" maps each to its own.
        """
        offsets = array("q")
        last = len(self.text) - 1
        shift = 0  # lines markdown-it dropped before this part (str.strip() of "\x0c\n…")
        for i, part in enumerate(content.split("\n")):
            from_col = start if i == 0 else 0
            col = from_col  # an empty part stands where it is looked for
            if part:
                col = -1
                for extra in range(4 if part.strip() else 1):
                    ln = min(first_line + i + shift + extra, self.n_lines - 1)
                    found = self._find(ln, part, from_col if extra == 0 else 0)
                    if found >= 0:  # its column, kept: not looked for again below
                        shift += extra
                        from_col = from_col if extra == 0 else 0
                        col = found
                        break
            ln = min(first_line + i + shift, self.n_lines - 1)
            line_start, line_end = self._line(ln)
            if col < 0 and "|" in part:
                # A table cell: markdown-it hands `\|` over as `|`.
                col = self._find(ln, part.replace("|", "\\|"), from_col)
                if col >= 0:
                    j = line_start + col
                    for ch in part:
                        if ch == "|":
                            j += 1  # the backslash before it
                        offsets.append(min(j, last))
                        j += 1
                    offsets.append(min(line_end, len(self.text)))  # the newline
                    continue
            if col < 0:
                stripped = part.lstrip()
                col = self._find(ln, stripped, from_col)
                width = line_end - line_start
                col = col - (len(part) - len(stripped)) if col >= 0 else width - len(part)
            base = line_start + max(col, 0)
            if base + len(part) - 1 <= last:
                offsets.extend(range(base, base + len(part)))
            else:
                offsets.extend(min(base + k, last) for k in range(len(part)))
            offsets.append(min(line_end, len(self.text)))  # the newline
        return content, offsets[: len(content)]

    def _line(self, ln: int) -> tuple[int, int]:
        """Where line `ln` (0-based) starts and ends (its newline, or the end of the text) in
        the text. Lines are found in the text, not kept as strings: a copy of the whole text
        in 270,000 strings was a fifth of the parser's peak on 10 MB (issue 15)."""
        start = self.line_starts[ln] if ln < len(self.line_starts) else len(self.text)
        end = self.text.find("\n", start)
        return start, end if end >= 0 else len(self.text)

    def find_on_line(self, ln: int, sub: str) -> int:
        """The column of `sub` on line `ln` (0-based; the last line at most), or -1."""
        return self._find(min(ln, self.n_lines - 1), sub, 0)

    def _find(self, ln: int, sub: str, col: int) -> int:
        """`line.find(sub, col)` on line `ln`: the column of `sub` at or after `col`, or -1."""
        start, end = self._line(ln)
        found = self.text.find(sub, start + col, end)
        return found - start if found >= 0 else -1

    # -- records ----------------------------------------------------------------------------
    def add_section(self, title: str, level: int, line: int) -> int:
        path = self.open_sections
        while path and self.sections[path[-1]]["level"] >= level:
            path.pop()
        parent = path[-1] if path else None
        idx = len(self.sections)
        path.append(idx)
        self.sections.append(
            {
                "index": idx,
                "title": title,
                "level": level,
                "line": line,
                "parent": parent,
                "children": [],
                "statements": [],
                "heading": None,
                "fields": [],
            }
        )
        if parent is not None:
            self.sections[parent]["children"].append(idx)
        return idx

    def add_statement(
        self,
        section: int,
        form: str,
        plain: Plain,
        fields: list[Field] | None = None,
        done: bool = False,
        **extra: Any,
    ) -> int | None:
        """Add a statement (None when its text is blank) with its `fields` so far. A statement
        `done` (nothing will add to it: not a list item, whose children add fields to it) is a
        `Statement` at once where no working record comes before it."""
        text = plain.text
        offsets = plain.offsets
        if not offsets or not text.strip():
            return None
        idx = len(self.statements) + len(self.open)
        line, col = self.pos(offsets[0])
        end_line, end_col = self.pos(offsets[-1])
        links = self._links_and_comments(plain)
        if form != "heading":
            self.sections[section]["statements"].append(idx)
        if done and not self.open:
            self.statements.append(
                Statement(
                    index=idx,
                    section=section,
                    form=form,
                    text=text,
                    offsets=offsets,
                    line=line,
                    column=col,
                    end_line=end_line,
                    end_column=end_col + 1,
                    fields=tuple(fields) if fields else (),
                    links=links,
                    **extra,
                )
            )
            return idx
        rec = {
            "index": idx,
            "section": section,
            "form": form,
            "text": text,
            "offsets": offsets,
            "line": line,
            "column": col,
            "end_line": end_line,
            "end_column": end_col + 1,
            "links": links,
            "fields": fields or [],
        }
        rec.update(extra)
        self.open.append(rec)
        return idx

    def _links_and_comments(self, plain: Plain) -> tuple[Link, ...]:
        """Keep a statement's links and comments with the document's; its links."""
        if plain.comments:
            self.comments.extend((self.pos(o)[0], body) for o, body in plain.comments)
        if not plain.links:
            return ()
        links = tuple(map(self.make_link, plain.links))
        self.links.extend(links)
        return links

    def line_of(self, offset: int) -> int:
        """The 1-based line of a source offset."""
        return bisect_right(self.line_starts, offset)

    def record(self, idx: int) -> dict[str, Any]:
        """The working record of statement `idx`, which must not be sealed yet."""
        return self.open[idx - len(self.statements)]

    def seal(self) -> None:
        """Make every working record a `Statement`: none of them will change any more."""
        self.statements.extend(map(_statement, self.open))
        self.open.clear()

    def make_link(self, raw: RawLink) -> Link:
        line, col = self.pos(raw.offset)
        return Link(raw.text, raw.target, line, col)

    def plain(self, content: str, first_line: int, start: int = 0) -> tuple[Plain, int]:
        """The plain text of an inline token's content, and the source offset of the content's
        last character (-1 when it has none). Content of one line that is its own plain text
        (`as_is`) and stands on its first line is one run of the source: no offset of it is
        mapped one by one (`locate` finds the same run)."""
        if "\n" not in content and as_is(content):
            ln = min(first_line, self.n_lines - 1)
            col = self._find(ln, content, start)
            if col >= 0:
                base = self._line(ln)[0] + col
                n = len(content)
                return Plain(content, Offsets.run(base, n), (), ()), base + n - 1
        raw, offs = self.locate(content, first_line, start)
        return to_plain(raw, offs, self.refs), offs[-1] if offs else -1

    # -- front matter -----------------------------------------------------------------------
    def read_front_matter(self, token: Token) -> None:
        found = front_matter.read(token)
        self.problems.extend(found.problems)
        if found.data is not None:
            self.front_matter = found.data
            self.front_matter_lines.update(found.lines)


def _statement(s: dict[str, Any]) -> Statement:
    return Statement(
        index=s["index"],
        section=s["section"],
        form=s["form"],
        text=s["text"],
        offsets=s["offsets"],
        line=s["line"],
        column=s["column"],
        end_line=s["end_line"],
        end_column=s["end_column"],
        parent=s.get("parent"),
        depth=s.get("depth", 0),
        cells=s.get("cells", ()),
        fields=tuple(s["fields"]),
        links=s["links"],
        quoted=s.get("quoted", False),
        checkbox=s.get("checkbox", False),
        is_field=s.get("is_field", False),
        continues=s.get("continues"),
    )
