"""Markdown → Document: sections with exact source lines, statements, fields, links, comments.

The parser knows Markdown and nothing about rules. It uses markdown-it-py for block structure and
`markup.to_plain` for inline text, so every statement keeps the source offset of each character.
`parse` walks markdown-it's block tokens here, one handler per token type (`_Walk`); the working
state is `_builder.Builder`, what a list item, paragraph or table row gives is `_blocks`, field
labels are `fields`, front matter is `front_matter`, and `_freeze` makes the records.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.paragraph import paragraph
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from stratlint.model import Document, Field
from stratlint.read._blocks import add_paragraph, add_row, flush_item
from stratlint.read._builder import Builder, Item
from stratlint.read._freeze import freeze
from stratlint.read.fields import FIELD_LABELS, inline_fields
from stratlint.read.markup import Plain

# A paragraph of bold text alone on its line ("**Where the territory stands**", "__Targets:__"):
# a label standing where a heading would.
_BOLD_LABEL = re.compile(r"^\s*(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)\s*:?\s*$")

__all__ = ["FIELD_LABELS", "MAX_NESTING", "inline_fields", "normalise", "parse"]

_UNCLOSED_FRONT_MATTER = re.compile(r"---[ \t]*\n[ \t]*[A-Za-z_][\w-]*[ \t]*:")
# "[ ] " before an item's words; the blanks after it stay on its line ("[ ] \t" then a field on the
# next line keeps the newline, so each character still points at its own line).
_CHECKBOX = re.compile(r"^\[( |x|X)\](?:[ \t]+|(?=\n))")
# Block nesting, in markdown-it's levels: a list level counts two (list and item), a block quote
# one. Deeper content is not dropped (markdown-it's own limit skips the rest of the document): it
# is read as paragraphs of the deepest container, so its words are still linted. See
# docs/limits.md.
MAX_NESTING = 200


class _BoundedBlock(ParserBlock):
    """markdown-it's block parser with a nesting guard that keeps the text past the limit."""

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:  # noqa: N803
        if state.level < MAX_NESTING:
            super().tokenize(state, startLine, endLine)
            return
        line = startLine
        while line < endLine:
            state.line = line = state.skipEmptyLines(line)
            if line >= endLine or state.sCount[line] < state.blkIndent:
                break
            paragraph(state, line, endLine, False)
            line = state.line


# Where markdown-it's env names the walk's `run`, which reads blocks as soon as they are complete.
_SINK = "stratlint_sink"


def _stream(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:  # noqa: N803
    """First of the block rules, and never matches: before each top-level block it hands the
    tokens of the blocks before it (complete by then) to the walk and drops them, so a long
    document's tokens are never all held at once (issue 15: they were most of the parser's
    peak memory). Inside a list or a block quote (level > 0) it does nothing, so no rule that
    is still building its tokens ever sees them go."""
    if not silent and state.level == 0 and state.tokens:
        sink = state.env.get(_SINK)
        if sink is not None:
            sink(state.tokens)
            del state.tokens[:]
    return False


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # The parser reads inline markup itself (`markup.to_plain`, with source offsets), so
    # markdown-it's inline pass is not run: block structure is all it needs from markdown-it.
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING + 10})
    md.enable("table").enable("strikethrough").disable("inline")
    md.block.__class__ = _BoundedBlock
    md.use(front_matter_plugin)
    md.block.ruler.before("front_matter", "stratlint_stream", _stream)
    return md


def normalise(text: str) -> str:
    """Line endings to LF (line and column numbers do not change), BOM dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")


def parse(text: str, path: str = "<text>") -> Document:
    """Parse Markdown text into a Document. `text` should already be normalised."""
    text = normalise(text)
    b = Builder(path, text)
    walk = _Walk(b)
    try:
        if "]:" in text:
            # A reference definition (`[label]: url`) may come after the links that use it, and
            # the walk reads blocks as they are parsed: collect every definition first.
            env: dict[str, Any] = {_SINK: _drop}
            _markdown().parse(text, env)
            b.refs.update(_references(env))
        walk.run(_markdown().parse(text, {_SINK: walk.run}))  # the last block's tokens
    except RecursionError:
        b = Builder(path, text)  # what was read before the error is not kept
        walk = _Walk(b)
        b.problems.append((1, "document is nested too deeply to parse"))
    if _UNCLOSED_FRONT_MATTER.match(text) and not walk.front_matter_seen:
        b.problems.append((1, "front matter is not closed: add a '---' line after its last key"))
    walk.finish()
    return freeze(b)


def _drop(tokens: list[Token]) -> None:
    pass


def _references(env: dict[str, Any]) -> dict[str, str]:
    return {
        " ".join(key.split()).casefold(): ref.get("href", "")
        for key, ref in (env.get("references") or {}).items()
    }


_LIST_OPEN = ("bullet_list_open", "ordered_list_open")


class _Walk:
    """One pass over markdown-it's block tokens: where the walk is (section, open list items,
    block quotes, table) and a handler per token type."""

    def __init__(self, b: Builder) -> None:
        self.b = b
        self.current = b.add_section("", 0, 1)  # the preamble
        self.items: list[Item] = []  # open list items, innermost last
        self.quote_depth = 0
        self.table_header: list[str] = []
        # The last row of this table with a first cell: rows under it with an empty first cell
        # continue it (a "Month 1" row over its tasks).
        self.group_row: int | None = None
        self.row_cells: list[tuple[str, Plain]] = []
        self.in_head = False
        self.pending_heading: tuple[int, int] | None = None  # (level, line)
        self.checkbox_next = False
        self.cell_from = 0  # column after the last table cell read on the current row's line
        self.prev = ""  # the type of the token before the next one
        self.front_matter_seen = False

    def run(self, tokens: list[Token]) -> None:
        """Read the next tokens: whole top-level blocks, in document order."""
        for t in tokens:
            handler = _HANDLERS.get(t.type)
            if handler is not None:
                handler(self, t, self.prev)
            if t.type in _LIST_OPEN and self.items and self.items[-1].statement is None:
                # A nested list starts: the parent item's own text is complete.
                flush_item(self.b, self.current, self.items[-1])
            self.prev = t.type
            if not self.items and self.b.open:
                # Only an open list item adds to a statement made before (its parent's fields).
                self.b.seal()

    def finish(self) -> None:
        while self.items:
            flush_item(self.b, self.current, self.items.pop())

    # -- headings, quotes, lists -------------------------------------------------------------
    def front_matter(self, t: Token, prev: str) -> None:
        self.front_matter_seen = True
        self.b.read_front_matter(t)

    def heading_open(self, t: Token, prev: str) -> None:
        self.pending_heading = (int(t.tag[1]), (t.map or [0, 0])[0])
        self.items.clear()

    def heading(self, t: Token) -> None:
        assert self.pending_heading is not None
        level, ln = self.pending_heading
        self.pending_heading = None
        plain, _ = self.b.plain(t.content, ln)
        self.current = self.b.add_section(plain.text, level, ln + 1)
        hs = self.b.add_statement(self.current, "heading", plain, done=True)
        self.b.sections[self.current]["heading"] = hs

    def blockquote_open(self, t: Token, prev: str) -> None:
        self.quote_depth += 1

    def blockquote_close(self, t: Token, prev: str) -> None:
        self.quote_depth -= 1

    def list_item_open(self, t: Token, prev: str) -> None:
        parent = self.items[-1].statement if self.items else None
        self.items.append(
            Item(
                line=(t.map or [0, 0])[0],
                depth=len(self.items),
                parent=parent,
                quoted=self.quote_depth > 0,
            )
        )
        self.checkbox_next = True

    def list_item_close(self, t: Token, prev: str) -> None:
        if self.items:
            flush_item(self.b, self.current, self.items.pop())

    # -- inline text: a heading's, a table cell's or a paragraph's ---------------------------
    def inline(self, t: Token, prev: str) -> None:
        if self.pending_heading is not None:
            self.heading(t)
        elif prev in ("th_open", "td_open"):
            self.cell(t, header=prev == "th_open")
        elif prev == "paragraph_open":
            self.paragraph(t)

    def paragraph(self, t: Token) -> None:
        ln = (t.map or [0, 0])[0]
        if not self.items:
            if _BOLD_LABEL.match(t.content):
                self.b.label_lines.add(ln + 1)
            plain, _ = self.b.plain(t.content, ln)
            add_paragraph(self.b, self.current, plain, self.quote_depth > 0)
            return
        item = self.items[-1]
        content = t.content
        start = 0
        if self.checkbox_next and not item.raw_parts:
            m = _CHECKBOX.match(content)
            if m:
                item.fields.append(Field("checkbox", m.group(1), ln + 1))
                # The words after the box are looked for past it on its line ("- [ ] [ …").
                box = self.b.find_on_line(ln, m.group(0).rstrip("\n"))
                content = content[m.end() :]
                start = box + len(m.group(0).rstrip("\n")) if box >= 0 else 0
        item.raw_parts.append((content, ln, start))
        self.checkbox_next = False

    def html(self, t: Token, prev: str) -> None:
        ln = (t.map or [0, 0])[0]
        for m in re.finditer(r"<!--(.*?)-->", t.content, re.DOTALL):
            self.b.comments.append((ln + 1 + t.content.count("\n", 0, m.start()), m.group(1)))

    # -- tables ------------------------------------------------------------------------------
    def cell(self, t: Token, header: bool) -> None:
        b = self.b
        ln = (t.map or [0, 0])[0]
        plain, last = b.plain(t.content, ln, self.cell_from)
        if last >= 0:  # the next cell of this row is looked for after this one
            self.cell_from = max(
                self.cell_from, last + 1 - b.line_starts[min(ln, len(b.line_starts) - 1)]
            )
        if header:
            self.table_header.append(plain.text)
        else:
            self.row_cells.append((plain.text, plain))

    def thead_open(self, t: Token, prev: str) -> None:
        self.table_header = []
        self.group_row = None
        self.in_head = True

    def thead_close(self, t: Token, prev: str) -> None:
        self.in_head = False

    def tr_open(self, t: Token, prev: str) -> None:
        self.cell_from = 0
        self.row_cells = []

    def tr_close(self, t: Token, prev: str) -> None:
        if not self.in_head and self.row_cells:
            cont = len(self.row_cells) > 1 and not self.row_cells[0][0].strip()
            idx = add_row(
                self.b,
                self.current,
                self.table_header,
                self.row_cells,
                self.quote_depth > 0,
                self.items,
                continues=self.group_row if cont else None,
            )
            if not cont:
                self.group_row = idx


# Token type → its handler (given the token and the type of the token before it).
_HANDLERS: dict[str, Callable[[_Walk, Token, str], None]] = {
    "front_matter": _Walk.front_matter,
    "heading_open": _Walk.heading_open,
    "inline": _Walk.inline,
    "blockquote_open": _Walk.blockquote_open,
    "blockquote_close": _Walk.blockquote_close,
    "list_item_open": _Walk.list_item_open,
    "list_item_close": _Walk.list_item_close,
    "thead_open": _Walk.thead_open,
    "thead_close": _Walk.thead_close,
    "tr_open": _Walk.tr_open,
    "tr_close": _Walk.tr_close,
    "html_block": _Walk.html,
    "html_inline": _Walk.html,
}
