"""Code actions: suppression comments (SPEC §5) written where the parser will read them and the
Markdown keeps its shape.

- Disable a rule for one line: a heading gets `<!-- stratlint-disable-next-line ID -->` on the
  line above it (a comment inside a heading would change its anchor); any other line gets
  `<!-- stratlint-disable-line ID -->` at its end (a line above a list item or table row would
  split the list or end the table), inside the last cell of a table row. A directive of the same
  kind already there gets the rule added instead. Front matter lines have no line action (an HTML
  comment there would break the YAML).
- Disable a rule for the file: `<!-- stratlint-disable-file ID -->` after the front matter, or
  the rule added to such a comment already there.

Edits are computed on the text the finding came from; the caller checks it is still current.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lsprotocol import types as lsp

from stratlint.server._diagnostics import Published, overlaps, units

_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_COMMENT = (  # a directive: its rules, then an optional ` -- reason` and the comment's end
    r"<!--\s*stratlint-{kind}\b(?P<rules>(?:(?!-->)(?!\s--\s).)*?)"
    r"(?P<rest>(?:\s--\s.*?)?\s*-->)"
)
_DISABLE_LINE = re.compile(_COMMENT.format(kind="disable-line"))
_DISABLE_NEXT = re.compile(r"^\s*" + _COMMENT.format(kind="disable-next-line") + r"\s*$")
_DISABLE_FILE = re.compile(r"^\s*" + _COMMENT.format(kind="disable-file") + r"\s*$")


@dataclass(frozen=True)
class Edit:
    """Insert `text` at (0-based line, 0-based column in characters)."""

    line: int
    column: int
    text: str


def _lines(text: str) -> list[str]:
    return [ln.rstrip("\r") for ln in text.split("\n")]


def front_matter_end(lines: list[str]) -> int:
    """Index of the first line after front matter (0 when there is none)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return i + 1
    return 0


def _add_rule(line_text: str, m: re.Match[str], row: int, rule: str) -> Edit | None:
    rules = m.group("rules").split()
    if not rules:  # a directive for every rule already covers this one
        return None
    if rule in rules:
        return None
    return Edit(row, m.start("rest"), f" {rule}")


def disable_line(text: str, line: int, rule: str) -> Edit | None:
    """The edit that suppresses `rule` on 1-based `line`; None where no comment can go."""
    lines = _lines(text)
    row = line - 1
    if row < 0 or row >= len(lines) or row < front_matter_end(lines):
        return None
    raw = lines[row]
    nxt = lines[row + 1] if row + 1 < len(lines) else ""
    heading = bool(_ATX.match(raw)) or (
        bool(raw.strip())
        and bool(_SETEXT.match(nxt))
        and not raw.lstrip().startswith(("-", "*", "+", "|"))
    )
    if heading:
        above = lines[row - 1] if row > 0 else ""
        m = _DISABLE_NEXT.match(above)
        if m:
            return _add_rule(above, m, row - 1, rule)
        indent = raw[: len(raw) - len(raw.lstrip())]
        return Edit(row, 0, f"{indent}<!-- stratlint-disable-next-line {rule} -->\n")
    m = _DISABLE_LINE.search(raw)
    if m:
        return _add_rule(raw, m, row, rule)
    body = raw.rstrip()
    at = len(body)
    if body.endswith("\\"):  # a hard line break stays the last thing on the line
        at -= 1
    elif body.lstrip().startswith("|") and body.endswith("|") and len(body.strip()) > 1:
        at -= 1  # inside the last cell: a comment after the row's closing pipe is a new cell
    sep = "" if at == 0 or body[at - 1] in " \t" else " "
    tail = "" if at == len(body) else " "
    return Edit(row, at, f"{sep}<!-- stratlint-disable-line {rule} -->{tail}")


def disable_file(text: str, rule: str) -> Edit | None:
    """The edit that suppresses `rule` for the whole file; None when it already is."""
    lines = _lines(text)
    start = front_matter_end(lines)
    fence = False
    for row in range(start, len(lines)):
        raw = lines[row]
        if raw.lstrip().startswith(("```", "~~~")):
            fence = not fence
            continue
        m = None if fence else _DISABLE_FILE.match(raw)
        if m:
            return _add_rule(raw, m, row, rule)
    return Edit(start, 0, f"<!-- stratlint-disable-file {rule} -->\n")


def quick_fixes(
    uri: str, text: str, published: Sequence[Published], within: lsp.Range, encoding: str
) -> list[lsp.CodeAction]:
    """The code actions for the findings that overlap `within`: disable each rule for its line
    and (once per rule) for the file. `text` must be the text the findings came from."""
    lines = text.split("\n")
    out: list[lsp.CodeAction] = []
    whole_file: set[str] = set()
    for p in published:
        f = p.finding
        if f is None or not overlaps(p.diagnostic.range, within):
            continue
        edit = disable_line(text, f.line, f.rule)
        if edit is not None:
            out.append(
                _action(
                    f"Disable {f.rule} ({f.name}) for this line",
                    uri,
                    lines,
                    edit,
                    p.diagnostic,
                    encoding,
                )
            )
        if f.rule not in whole_file:
            whole_file.add(f.rule)
            edit = disable_file(text, f.rule)
            if edit is not None:
                out.append(
                    _action(
                        f"Disable {f.rule} ({f.name}) for this file",
                        uri,
                        lines,
                        edit,
                        p.diagnostic,
                        encoding,
                    )
                )
    return out


def _action(
    title: str, uri: str, lines: list[str], edit: Edit, diagnostic: lsp.Diagnostic, encoding: str
) -> lsp.CodeAction:
    line_text = lines[edit.line].rstrip("\r") if edit.line < len(lines) else ""
    at = lsp.Position(edit.line, units(line_text[: edit.column], encoding))
    return lsp.CodeAction(
        title=title,
        kind=lsp.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=lsp.WorkspaceEdit(
            changes={uri: [lsp.TextEdit(range=lsp.Range(at, at), new_text=edit.text)]}
        ),
    )
