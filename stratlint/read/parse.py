"""Markdown → Document: sections with exact source lines, statements, fields, links, comments.

The parser knows Markdown and nothing about rules. It uses markdown-it-py for block structure and
`markup.to_plain` for inline text, so every statement keeps the source offset of each character.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.paragraph import paragraph
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from stratlint.model import Document, Field, Link, Section, Statement
from stratlint.read import sentences
from stratlint.read.markup import Plain, RawLink, slugify, to_plain

# Labels of field lines (`Owner: Kelsey`, `**Due:** 31 May`) and table columns that carry the same
# attributes, mapped to the attribute they give.
FIELD_LABELS: dict[str, str] = {
    "owner": "owner",
    "owners": "owner",
    "dri": "owner",
    "lead": "owner",
    "who": "owner",
    "responsible": "owner",
    "accountable": "owner",
    "assignee": "owner",
    "assigned to": "owner",
    "owned by": "owner",
    "led by": "owner",
    "champion": "owner",
    "due": "due",
    "due date": "due",
    "when": "due",
    "deadline": "due",
    "timeline": "due",
    "date": "due",
    "by when": "due",
    "timing": "due",
    "timeframe": "due",
    "time frame": "due",
    "target date": "due",
    "eta": "due",
    "quarter": "due",
    "cadence": "due",
    "frequency": "due",
    "kpi": "kpi",
    "kpis": "kpi",
    "metric": "kpi",
    "metrics": "kpi",
    "success metric": "kpi",
    "success metrics": "kpi",
    "measure": "kpi",
    "measure of success": "kpi",
    "key result": "kpi",
    "target": "target",
    "targets": "target",
    "goal": "target",
    "budget": "budget",
    "resources": "budget",
    "cost": "budget",
    "spend": "budget",
    "headcount": "budget",
    "investment": "budget",
    "supports": "supports",
    "pillar": "supports",
    "serves": "supports",
    "strategy pillar": "supports",
    "status": "status",
    "notes": "notes",
    "note": "notes",
}
_FIELD_LINE = re.compile(
    r"^\s*(?P<label>"
    + "|".join(sorted((re.escape(k) for k in FIELD_LABELS), key=len, reverse=True))
    + r")\s*(?:\([^)]*\))?\s*[:=]\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_INLINE_LABELS = "owner|dri|due|deadline|kpi|budget|supports|pillar|target|who|when|lead"
# An inline field starts at a label after a separator ("Call Acme (Owner: Kelsey; Due: May)").
_INLINE_FIELD = re.compile(
    r"(?<![^\s(\[;,|·—–-])(?P<label>" + _INLINE_LABELS + r")\s*:\s*", re.IGNORECASE
)
# ... and its value ends before the next label that follows a space or comma.
_NEXT_LABEL = re.compile(r",?\s+(?:" + _INLINE_LABELS + r")\s*:", re.IGNORECASE)
_VALUE_STOPS = frozenset(";|·—–\n")
_UNCLOSED_FRONT_MATTER = re.compile(r"---[ \t]*\n[ \t]*[A-Za-z_][\w-]*[ \t]*:")
_CHECKBOX = re.compile(r"^\[( |x|X)\]\s+")
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


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # The parser reads inline markup itself (`markup.to_plain`, with source offsets), so
    # markdown-it's inline pass is not run: block structure is all it needs from markdown-it.
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING + 10})
    md.enable("table").enable("strikethrough").disable("inline")
    md.block.__class__ = _BoundedBlock
    md.use(front_matter_plugin)
    return md


def normalise(text: str) -> str:
    """Line endings to LF (line and column numbers do not change), BOM dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")


@dataclass
class _Item:
    statement: int | None = None
    raw_parts: list[tuple[str, list[int]]] = field(default_factory=list)
    line: int = 0
    depth: int = 0
    parent: int | None = None
    quoted: bool = False
    fields: list[Field] = field(default_factory=list)


class _Builder:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        starts = [0]
        for m in re.finditer("\n", text):
            starts.append(m.end())
        if starts[-1] == len(text) and len(starts) > 1:
            starts.pop()
        self.line_starts = starts
        self.lines = text.split("\n")
        self.sections: list[dict[str, Any]] = []
        self.statements: list[dict[str, Any]] = []
        self.links: list[Link] = []
        self.comments: list[tuple[int, str]] = []
        self.problems: list[tuple[int, str]] = []
        self.front_matter: dict[str, Any] = {}
        self.front_matter_lines: dict[str, int] = {}
        self.refs: dict[str, str] = {}
        self.open_sections: list[int] = []  # the current heading path, outermost first

    # -- positions ---------------------------------------------------------------------------
    def pos(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def locate(self, content: str, first_line: int, start: int = 0) -> tuple[str, list[int]]:
        """Map each character of an inline token's content to its source offset.

        `start` is the column (0-based) on the first line from which to look: table cells
        after the first look past the cells before them, so "| a | a |" maps each to its own.
        """
        offsets: list[int] = []
        last = len(self.text) - 1
        shift = 0  # lines markdown-it dropped before this part (str.strip() of "\x0c\n…")
        for i, part in enumerate(content.split("\n")):
            from_col = start if i == 0 else 0
            for extra in range(4 if part.strip() else 1):
                ln = min(first_line + i + shift + extra, len(self.lines) - 1)
                if self.lines[ln].find(part, from_col if extra == 0 else 0) >= 0:
                    shift += extra
                    from_col = from_col if extra == 0 else 0
                    break
            ln = min(first_line + i + shift, len(self.lines) - 1)
            src = self.lines[ln]
            line_start = self.line_starts[ln] if ln < len(self.line_starts) else len(self.text)
            col = src.find(part, from_col) if part else from_col
            if col < 0 and "|" in part:
                # A table cell: markdown-it hands `\|` over as `|`.
                col = src.find(part.replace("|", "\\|"), from_col)
                if col >= 0:
                    j = line_start + col
                    for ch in part:
                        if ch == "|":
                            j += 1  # the backslash before it
                        offsets.append(min(j, last))
                        j += 1
                    offsets.append(min(line_start + len(src), len(self.text)))  # the newline
                    continue
            if col < 0:
                stripped = part.lstrip()
                col = src.find(stripped, from_col)
                col = col - (len(part) - len(stripped)) if col >= 0 else len(src) - len(part)
            base = line_start + max(col, 0)
            if base + len(part) - 1 <= last:
                offsets.extend(range(base, base + len(part)))
            else:
                offsets.extend(min(base + k, last) for k in range(len(part)))
            offsets.append(min(line_start + len(src), len(self.text)))  # the newline
        return content, offsets[: len(content)]

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

    def add_statement(self, section: int, form: str, plain: Plain, **extra: Any) -> int | None:
        if not plain.text.strip() or not plain.offsets:
            return None
        idx = len(self.statements)
        line, col = self.pos(plain.offsets[0])
        end_line, end_col = self.pos(plain.offsets[-1])
        links = tuple(self.make_link(r) for r in plain.links)
        self.links.extend(links)
        self.comments.extend((self.pos(o)[0], body) for o, body in plain.comments)
        rec = {
            "index": idx,
            "section": section,
            "form": form,
            "text": plain.text,
            "offsets": plain.offsets,
            "line": line,
            "column": col,
            "end_line": end_line,
            "end_column": end_col + 1,
            "links": links,
            "fields": [],
        }
        rec.update(extra)
        self.statements.append(rec)
        if form != "heading":
            self.sections[section]["statements"].append(idx)
        return idx

    def make_link(self, raw: RawLink) -> Link:
        line, col = self.pos(raw.offset)
        return Link(raw.text, raw.target, line, col)

    def plain(self, content: str, first_line: int, start: int = 0) -> Plain:
        raw, offs = self.locate(content, first_line, start)
        return to_plain(raw, offs, self.refs)

    # -- front matter -----------------------------------------------------------------------
    def read_front_matter(self, token: Token) -> None:
        start = (token.map or [0, 0])[0]
        try:
            data = yaml.load(token.content, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            context = getattr(exc, "context_mark", None)
            if context is not None and (mark is None or mark.line >= token.content.count("\n")):
                mark = context  # "[strategy" never closed: where it opened, not the file's end
            line = start + 2 + (mark.line if mark is not None else 0)
            problem = getattr(exc, "problem", None) or "invalid YAML"
            self.problems.append((line, f"front matter is not valid YAML: {problem}"))
            return
        except RecursionError:
            self.problems.append((start + 1, "front matter is nested too deeply"))
            return
        if data is None:
            return
        if not isinstance(data, dict):
            self.problems.append((start + 1, "front matter is not a mapping of keys to values"))
            return
        self.front_matter = {str(k): v for k, v in data.items()}
        for i, key_line in enumerate(token.content.split("\n")):
            m = re.match(r"^([A-Za-z_][\w-]*)\s*:", key_line)
            if m and m.group(1) not in self.front_matter_lines:
                self.front_matter_lines[m.group(1)] = start + 2 + i


def _field_of(text: str) -> tuple[str, str] | None:
    m = _FIELD_LINE.match(text)
    if not m:
        return None
    label = " ".join(m.group("label").lower().split())
    return FIELD_LABELS[label], m.group("value").strip()


def inline_fields(text: str) -> list[tuple[str, str]]:
    """`Label: value` fields inside a line of prose; a value keeps balanced brackets ("Owner:
    Priya Shah (Partnerships)") and ends at `;`, `|`, a dash, an unmatched `)` or `]`, or the
    next label."""
    out: list[tuple[str, str]] = []
    pos = 0
    while True:
        m = _INLINE_FIELD.search(text, pos)
        if not m:
            return out
        end = _value_end(text, m.end())
        label = m.group("label").lower()
        out.append((FIELD_LABELS.get(label, label), text[m.end() : end].strip()))
        pos = max(end, m.end())


def _value_end(text: str, i: int) -> int:
    depth = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in _VALUE_STOPS:
            return i
        if c in "([":
            depth += 1
        elif c in ")]":
            if depth == 0:
                return i
            depth -= 1
        elif (c == "," or c.isspace()) and _NEXT_LABEL.match(text, i):
            return i
        i += 1
    return n


class _LinkIndex:
    """The links of one Plain sorted by offset, to find those inside a slice without a scan."""

    def __init__(self, plain: Plain) -> None:
        self.links = sorted(plain.links, key=lambda r: r.offset)
        self.keys = [r.offset for r in self.links]

    def between(self, first: int, last: int) -> tuple[RawLink, ...]:
        return tuple(self.links[bisect_left(self.keys, first) : bisect_right(self.keys, last)])


def _slice(plain: Plain, start: int, end: int, index: _LinkIndex | None = None) -> Plain:
    """The part of `plain` from start to end, trimmed, with the links that start inside it."""
    text = plain.text[start:end]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    offs = plain.offsets[start + lead : start + lead + len(text)]
    if not offs:
        return Plain(text, offs, (), ())
    return Plain(text, offs, (index or _LinkIndex(plain)).between(offs[0], offs[-1]), ())


def parse(text: str, path: str = "<text>") -> Document:
    """Parse Markdown text into a Document. `text` should already be normalised."""
    text = normalise(text)
    b = _Builder(path, text)
    md = _markdown()
    env: dict[str, Any] = {}
    try:
        tokens = md.parse(text, env)
    except RecursionError:
        tokens = []
        b.problems.append((1, "document is nested too deeply to parse"))
    for key, ref in (env.get("references") or {}).items():
        b.refs[" ".join(key.split()).casefold()] = ref.get("href", "")
    if _UNCLOSED_FRONT_MATTER.match(text) and not any(t.type == "front_matter" for t in tokens):
        b.problems.append((1, "front matter is not closed: add a '---' line after its last key"))

    current = b.add_section("", 0, 1)  # the preamble
    items: list[_Item] = []  # open list items, innermost last
    quote_depth = 0
    table_header: list[str] = []
    row_cells: list[tuple[str, Plain]] = []
    in_head = False
    pending_heading: tuple[int, int] | None = None  # (level, line)
    checkbox_next = False
    cell_from = 0  # column after the last table cell read on the current row's line
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        ty = t.type
        if ty == "front_matter":
            b.read_front_matter(t)
        elif ty == "heading_open":
            pending_heading = (int(t.tag[1]), (t.map or [0, 0])[0])
            items.clear()
        elif ty == "inline" and pending_heading is not None:
            level, ln = pending_heading
            pending_heading = None
            plain = b.plain(t.content, ln)
            current = b.add_section(plain.text, level, ln + 1)
            hs = b.add_statement(current, "heading", plain)
            b.sections[current]["heading"] = hs
        elif ty == "blockquote_open":
            quote_depth += 1
        elif ty == "blockquote_close":
            quote_depth -= 1
        elif ty in ("bullet_list_open", "ordered_list_open"):
            pass
        elif ty == "list_item_open":
            parent = items[-1].statement if items else None
            items.append(
                _Item(
                    line=(t.map or [0, 0])[0],
                    depth=len(items),
                    parent=parent,
                    quoted=quote_depth > 0,
                )
            )
            checkbox_next = True
        elif ty == "list_item_close":
            if items:
                _flush_item(b, current, items.pop())
        elif ty == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            ln = (t.map or [0, 0])[0]
            raw, offs = b.locate(t.content, ln, cell_from)
            plain = to_plain(raw, offs, b.refs)
            if offs:  # the next cell of this row is looked for after this one
                cell_from = max(
                    cell_from, offs[-1] + 1 - b.line_starts[min(ln, len(b.line_starts) - 1)]
                )
            if tokens[i - 1].type == "th_open":
                table_header.append(plain.text)
            else:
                row_cells.append((plain.text, plain))
        elif ty == "thead_open":
            table_header = []
            in_head = True
        elif ty == "thead_close":
            in_head = False
        elif ty == "tr_open":
            cell_from = 0
            row_cells = []
        elif ty == "tr_close" and not in_head and row_cells:
            _add_row(b, current, table_header, row_cells, quote_depth > 0, items)
        elif ty == "inline" and tokens[i - 1].type == "paragraph_open":
            ln = (t.map or [0, 0])[0]
            if items:
                item = items[-1]
                content = t.content
                if checkbox_next and not item.raw_parts:
                    m = _CHECKBOX.match(content)
                    if m:
                        item.fields.append(Field("checkbox", m.group(1), ln + 1))
                        content = " " * len(m.group(0)) + content[m.end() :]
                item.raw_parts.append(b.locate(content, ln))
                checkbox_next = False
            else:
                _add_paragraph(b, current, b.plain(t.content, ln), quote_depth > 0)
        elif ty == "html_block" or ty == "html_inline":
            ln = (t.map or [0, 0])[0]
            for m in re.finditer(r"<!--(.*?)-->", t.content, re.DOTALL):
                b.comments.append((ln + 1 + t.content.count("\n", 0, m.start()), m.group(1)))
        if (
            ty in ("bullet_list_open", "ordered_list_open")
            and items
            and (items[-1].statement is None)
        ):
            # A nested list starts: the parent item's own text is complete.
            _flush_item(b, current, items[-1])
        i += 1
    while items:
        _flush_item(b, current, items.pop())
    return _freeze(b)


def _flush_item(b: _Builder, section: int, item: _Item) -> None:
    if item.statement is not None or not item.raw_parts:
        return
    raw = "\n".join(p[0] for p in item.raw_parts)
    offs: list[int] = []
    for k, (_part, po) in enumerate(item.raw_parts):
        offs.extend(po)
        if k < len(item.raw_parts) - 1:
            offs.append(po[-1] if po else 0)
    plain = to_plain(raw, offs, b.refs)
    # Lines inside the item that are fields ("Owner: Kelsey" on its own line) are attributes.
    keep = Plain(plain.text, plain.offsets, plain.links, plain.comments)
    whole = _field_of(plain.text)
    if whole and item.parent is not None:
        item.fields.append(Field(whole[0], whole[1], b.pos(plain.offsets[0])[0]))
        parent_rec = b.statements[item.parent]
        parent_rec["fields"].append(Field(whole[0], whole[1], b.pos(plain.offsets[0])[0]))
        idx = b.add_statement(
            section,
            "item",
            keep,
            parent=item.parent,
            depth=item.depth,
            quoted=item.quoted,
            is_field=True,
        )
        item.statement = idx
        return
    for lab, val in inline_fields(plain.text):
        item.fields.append(Field(lab, val, b.pos(plain.offsets[0])[0]))
    idx = b.add_statement(
        section,
        "item",
        keep,
        parent=item.parent,
        depth=item.depth,
        quoted=item.quoted,
        checkbox=any(f.label == "checkbox" for f in item.fields),
        is_field=whole is not None,
    )
    item.statement = idx
    if idx is not None:
        b.statements[idx]["fields"].extend(f for f in item.fields if f.label != "checkbox")


def _add_paragraph(b: _Builder, section: int, plain: Plain, quoted: bool) -> None:
    # Field lines ("Owner: RevOps") directly under a heading belong to the whole section.
    whole = _field_of(plain.text)
    if whole:
        # Field lines ("**Owner:** Helen", "**Due:** 30 April") often stand one per line in one
        # paragraph: each line is its own field.
        lines = _split_source_lines(b, plain)
        if all(_field_of(piece.text) for piece in lines):
            for piece in lines:
                fld = _field_of(piece.text)
                assert fld is not None
                line = b.pos(piece.offsets[0])[0]
                found = inline_fields(piece.text) or [fld]
                b.sections[section]["fields"].extend(Field(lab, val, line) for lab, val in found)
                b.add_statement(section, "sentence", piece, quoted=quoted, is_field=True)
            return
    # Comments inside the paragraph's text (suppressions at the end of a line) are kept.
    b.comments.extend((b.pos(o)[0], body) for o, body in plain.comments)
    index = _LinkIndex(plain)
    for start, end in sentences.split(plain.text):
        piece = _slice(plain, start, end, index)
        fld = _field_of(piece.text)
        idx = b.add_statement(section, "sentence", piece, quoted=quoted, is_field=fld is not None)
        if idx is not None:
            if fld:
                line = b.statements[idx]["line"]
                b.sections[section]["fields"].append(Field(fld[0], fld[1], line))
            b.statements[idx]["fields"].extend(
                Field(lab, val, b.statements[idx]["line"]) for lab, val in inline_fields(piece.text)
            )


def _split_source_lines(b: _Builder, plain: Plain) -> list[Plain]:
    """Cut plain text where its characters move to a new source line."""
    pieces: list[Plain] = []
    index = _LinkIndex(plain)
    start = 0
    for i in range(1, len(plain.offsets) + 1):
        if i == len(plain.offsets) or b.pos(plain.offsets[i])[0] != b.pos(plain.offsets[start])[0]:
            piece = _slice(plain, start, i, index)
            if piece.text:
                pieces.append(piece)
            start = i
    return pieces


def _add_row(
    b: _Builder,
    section: int,
    header: list[str],
    cells: list[tuple[str, Plain]],
    quoted: bool,
    items: list[_Item],
) -> None:
    pairs: list[tuple[str, str]] = []
    fields: list[Field] = []
    texts: list[Plain] = []
    line = 0
    for k, (text, plain) in enumerate(cells):
        b.comments.extend((b.pos(o)[0], body) for o, body in plain.comments)
        head = header[k] if k < len(header) else ""
        pairs.append((head, text))
        if plain.offsets and not line:
            line = b.pos(plain.offsets[0])[0]
        label = FIELD_LABELS.get(" ".join(head.lower().strip(" *_:").split()))
        if label:
            fields.append(Field(label, text, line))
        elif text.strip():
            texts.append(plain)
    if not texts:
        texts = [p for _, p in cells if p.text.strip()]
    if not texts:
        return
    joined_text = ""
    joined_offs: list[int] = []
    links: list[RawLink] = []
    for k, p in enumerate(texts):
        if k:
            joined_text += "; "
            joined_offs.extend([p.offsets[0], p.offsets[0]])
        joined_text += p.text
        joined_offs.extend(p.offsets)
        links.extend(p.links)
    # Links in field cells (a Supports column linking to a pillar) still count as links.
    for _, p in cells:
        if p not in texts:
            links.extend(p.links)
    plain = Plain(joined_text, tuple(joined_offs), tuple(links), ())
    idx = b.add_statement(section, "row", plain, cells=tuple(pairs), quoted=quoted)
    if idx is not None:
        b.statements[idx]["fields"].extend(fields)
        b.statements[idx]["fields"].extend(
            Field(lab, val, line) for lab, val in inline_fields(joined_text)
        )


def _freeze(b: _Builder) -> Document:
    statements = _frozen_statements(b)
    sections = _dedupe_anchors(_frozen_sections(b))
    h1 = [s.index for s in sections if s.level == 1]
    title = h1[0] if len(h1) == 1 and _title_first(sections, h1[0]) else None
    return Document(
        path=b.path,
        text=b.text,
        front_matter=b.front_matter,
        front_matter_lines=b.front_matter_lines,
        sections=tuple(sections),
        statements=statements,
        links=tuple(b.links),
        comments=tuple(sorted(b.comments)),
        line_starts=tuple(b.line_starts),
        problems=tuple(b.problems),
        title=title,
    )


def _frozen_statements(b: _Builder) -> tuple[Statement, ...]:
    """The statements as records."""
    return tuple(
        Statement(
            index=s["index"],
            section=s["section"],
            form=s["form"],
            text=s["text"],
            offsets=tuple(s["offsets"]),
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
        )
        for s in b.statements
    )


def _frozen_sections(b: _Builder) -> list[Section]:
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
                anchor=slugify(s["title"]) if s["level"] else "",
            )
        )
    return sections


def _title_first(sections: list[Section], h1: int) -> bool:
    """The single H1 is the title when no other heading comes before it."""
    return all(s.level == 0 for s in sections[:h1])


def _dedupe_anchors(sections: list[Section]) -> list[Section]:
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    for s in sections:
        if not s.level:
            out.append(s)
            continue
        base = s.anchor
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.append(replace(s, anchor=base if count == 0 else f"{base}-{count}"))
    return out
