"""A list item, a paragraph, a table row: each block becomes statements and fields."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from itertools import groupby
from typing import Any

from stratlint.model import Field
from stratlint.offsets import Offsets
from stratlint.read import sentences
from stratlint.read._builder import Builder, Item
from stratlint.read.fields import FIELD_LABELS, field_of, inline_fields
from stratlint.read.markup import Plain, RawLink, to_plain


class _LinkIndex:
    """The links of one Plain sorted by offset, to find those inside a slice without a scan."""

    def __init__(self, plain: Plain) -> None:
        self.links = sorted(plain.links, key=lambda r: r.offset)
        self.keys = [r.offset for r in self.links]

    def between(self, first: int, last: int) -> tuple[RawLink, ...]:
        return tuple(self.links[bisect_left(self.keys, first) : bisect_right(self.keys, last)])


def _slice(plain: Plain, start: int, end: int, index: _LinkIndex | None = None) -> Plain:
    """The part of `plain` from start to end, trimmed, with the links that start inside it."""
    whole = plain.text
    if (
        not start
        and end == len(whole)
        and not plain.links
        and whole
        and not whole[0].isspace()
        and not whole[-1].isspace()
    ):
        return Plain(whole, plain.offsets, (), ())  # all of it, as most paragraphs are
    text = whole[start:end]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    offs = plain.offsets[start + lead : start + lead + len(text)]
    if not offs or not plain.links:
        return Plain(text, offs, (), ())
    return Plain(text, offs, (index or _LinkIndex(plain)).between(offs[0], offs[-1]), ())


def flush_item(b: Builder, section: int, item: Item) -> None:
    if item.statement is not None or not item.raw_parts:
        return
    plain = _item_plain(b, item)
    # Lines inside the item that are fields ("Owner: Kelsey" on its own line) are attributes.
    keep = Plain(plain.text, plain.offsets, plain.links, plain.comments)
    whole = field_of(plain.text)
    if whole and item.parent is not None:
        item.fields.append(Field(whole[0], whole[1], b.pos(plain.offsets[0])[0]))
        parent_rec = b.record(item.parent)
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
    if whole and item.parent is None:
        # A list of fields that opens its section ("* **Estimated duration:** 1 month" under a
        # milestone's heading) gives the section its fields, like field lines (SPEC §8.6).
        sec = b.sections[section]
        lead = sec.get("lead_fields", 0)
        if len(sec["statements"]) == lead:
            sec["fields"].append(Field(whole[0], whole[1], b.pos(plain.offsets[0])[0]))
            sec["lead_fields"] = lead + 1
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
        b.record(idx)["fields"].extend(f for f in item.fields if f.label != "checkbox")
        for f in item.fields:
            if f.label == "checkbox" and f.value.lower() == "x":  # "- [x] Launch the page"
                b.record(idx)["fields"].append(Field("done", "x", f.line))


def _item_plain(b: Builder, item: Item) -> Plain:
    """The plain text of a list item's paragraphs, joined by line breaks."""
    if len(item.raw_parts) == 1:
        return b.plain(*item.raw_parts[0])[0]
    located = [b.locate(content, ln, start) for content, ln, start in item.raw_parts]
    raw = "\n".join(p[0] for p in located)
    offs = array("q")
    for k, (_part, po) in enumerate(located):
        offs.extend(po)
        if k < len(located) - 1:
            offs.append(po[-1] if po else 0)
    return to_plain(raw, offs, b.refs)


def add_paragraph(b: Builder, section: int, plain: Plain, quoted: bool) -> None:
    # Field lines ("Owner: RevOps") directly under a heading belong to the whole section.
    whole = field_of(plain.text)
    if whole:
        # Field lines ("**Owner:** Helen", "**Due:** 30 April") often stand one per line in one
        # paragraph: each line is its own field.
        lines = _split_source_lines(b, plain)
        if all(field_of(piece.text) for piece in lines):
            for piece in lines:
                fld = field_of(piece.text)
                assert fld is not None
                line = b.pos(piece.offsets[0])[0]
                found = inline_fields(piece.text) or [fld]
                b.sections[section]["fields"].extend(Field(lab, val, line) for lab, val in found)
                b.add_statement(section, "sentence", piece, done=True, quoted=quoted, is_field=True)
            return
    # Comments inside the paragraph's text (suppressions at the end of a line) are kept.
    if plain.comments:
        b.comments.extend((b.pos(o)[0], body) for o, body in plain.comments)
    index = _LinkIndex(plain) if plain.links else None
    for start, end in sentences.split(plain.text):
        piece = _slice(plain, start, end, index)
        text = piece.text
        if not piece.offsets or not text.strip():
            continue  # nothing to add
        line = b.line_of(piece.offsets[0])
        fld = field_of(text)
        b.add_statement(
            section,
            "sentence",
            piece,
            [Field(lab, val, line) for lab, val in inline_fields(text)],
            done=True,
            quoted=quoted,
            is_field=fld is not None,
        )
        if fld:
            b.sections[section]["fields"].append(Field(fld[0], fld[1], line))


def _split_source_lines(b: Builder, plain: Plain) -> list[Plain]:
    """Cut plain text where its characters move to a new source line (each character's line
    found by one C-level bisection, the runs of one line by `groupby`)."""
    pieces: list[Plain] = []
    index = _LinkIndex(plain)
    starts = b.line_starts
    start = 0
    for _, run in groupby(bisect_right(starts, o) for o in plain.offsets):
        end = start + len(list(run))
        piece = _slice(plain, start, end, index)
        if piece.text:
            pieces.append(piece)
        start = end
    return pieces


def _property(header: list[str], cells: list[tuple[str, Plain]]) -> tuple[str, str] | None:
    """A row of a two-column table of properties ("| **Lead** | Ana |"): its field, or None."""
    if len(header) != 2 or len(cells) != 2:
        return None
    label = FIELD_LABELS.get(" ".join(cells[0][0].lower().strip(" *_:").split()))
    value = cells[1][0].strip()
    if label is None or not value:
        return None
    return label, value


def _opens_section(b: Builder, section: int, header: list[str]) -> bool:
    """Whether a row of the table with `header` would still be at the top of its section: every
    statement the section has so far is a row of that table (counted as they are added, so a long
    table costs one comparison a row)."""
    sec = b.sections[section]
    top = sec.get("top_rows", 0)
    return len(sec["statements"]) == top and (top == 0 or sec.get("top_header") == header)


def _joined(texts: list[Plain], cells: list[tuple[str, Plain]]) -> Plain:
    """A row's text cells joined with "; ", each character keeping its source offset; links of
    field cells (a Supports column linking to a pillar) still count as the row's links."""
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
    for _, p in cells:
        if p not in texts:
            links.extend(p.links)
    return Plain(joined_text, Offsets.of(joined_offs), tuple(links), ())


def add_row(
    b: Builder,
    section: int,
    header: list[str],
    cells: list[tuple[str, Plain]],
    quoted: bool,
    items: list[Item],
    continues: int | None = None,
) -> int | None:
    """Add a table row as a statement (its field cells as its fields) and return its index;
    `continues` is the row it continues (an empty first cell under a "Month 1" row)."""
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
        return None
    plain = _joined(texts, cells)
    joined_text = plain.text
    # A table of properties that opens its section ("| **Lead** | Ana |" under the title) is the
    # section's fields, like field lines under the heading (SPEC §8.6).
    opens = _opens_section(b, section, header)
    prop = _property(header, cells) if opens else None
    extra: dict[str, Any] = {"continues": continues} if continues is not None else {}
    fields.extend(Field(lab, val, line) for lab, val in inline_fields(joined_text))
    idx = b.add_statement(
        section,
        "row",
        plain,
        fields,
        done=True,
        cells=tuple(pairs),
        quoted=quoted,
        is_field=prop is not None,
        **extra,
    )
    if prop is not None:
        b.sections[section]["fields"].append(Field(prop[0], prop[1], line))
    if opens and idx is not None:
        b.sections[section]["top_rows"] = b.sections[section].get("top_rows", 0) + 1
        b.sections[section]["top_header"] = header
    return idx
