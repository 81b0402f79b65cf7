"""The parser, against fixtures in markdown-it's format (tests/fixtures/parser.md).

Each case is a title line, `.`, the Markdown input, `.`, the expected dump of the Document, `.`.
In inputs, `→` stands for a tab, `␍` for a carriage return and `␀` for a NUL (so such cases survive
editors and git). The dump is compact text: the front matter, then each section with its level,
lines, parent and fields, and under it each statement with its form, start and end (line:column),
text and attributes; then links, comments and problems. On failure the input, the expected and
the actual dump are shown. Refresh the expected dumps after a deliberate change with:
STRATLINT_UPDATE_FIXTURES=1 .venv/bin/python -m pytest tests/test_parser.py
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from stratlint.model import Document, Field, Statement
from stratlint.read import sentences
from stratlint.read.parse import (
    _UNCLOSED_FRONT_MATTER,
    MAX_NESTING,
    inline_fields,
    normalise,
    parse,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "parser.md"
CASES = read_fixture_file(FIXTURES)
UPDATE = os.environ.get("STRATLINT_UPDATE_FIXTURES") == "1"


def _source(fixture_input: str) -> str:
    return fixture_input.replace("→", "\t").replace("␍", "\r").replace("␀", "\x00")


def _fields(fields: tuple[Field, ...]) -> str:
    return "[" + ", ".join(f"{f.label}={f.value!r}@{f.line}" for f in fields) + "]"


def _statement(doc: Document, s: Statement) -> str:
    out = f"{s.form} {s.line}:{s.column}-{s.end_line}:{s.end_column} {s.text!r}"
    if s.form == "item":
        parent = doc.statements[s.parent].line if s.parent is not None else "-"
        out += f" depth={s.depth} parent@{parent}"
    if s.cells:
        out += " cells=[" + ", ".join(f"{h}={c!r}" for h, c in s.cells) + "]"
    if s.fields:
        out += f" fields={_fields(s.fields)}"
    if s.links:
        out += (
            " links=["
            + ", ".join(f"{k.text!r}->{k.target}@{k.line}:{k.column}" for k in s.links)
            + "]"
        )
    for flag in ("quoted", "checkbox", "is_field"):
        if getattr(s, flag):
            out += f" {flag}"
    return out


def dump(doc: Document) -> str:
    lines: list[str] = []
    if doc.front_matter:
        lines.append(
            "front_matter "
            + json.dumps(doc.front_matter, sort_keys=True, default=str)
            + " lines="
            + json.dumps(doc.front_matter_lines, sort_keys=True)
        )
    for sec in doc.sections:
        if sec.level == 0 and not sec.statements and not sec.fields:
            continue
        head = f"section {sec.title!r} h{sec.level} lines={sec.line}-{sec.end_line}"
        if sec.parent is not None and doc.sections[sec.parent].level:
            head += f" parent={doc.sections[sec.parent].title!r}"
        if sec.anchor:
            head += f" #{sec.anchor}"
        if sec.fields:
            head += f" fields={_fields(sec.fields)}"
        if doc.title == sec.index:
            head += " title"
        lines.append(head)
        ids = ([sec.heading] if sec.heading is not None else []) + list(sec.statements)
        lines.extend("  " + _statement(doc, doc.statements[i]) for i in ids)
    lines.extend(f"comment {line} {body!r}" for line, body in doc.comments)
    lines.extend(f"problem {line} {msg!r}" for line, msg in doc.problems)
    return "\n".join(lines)


def _update() -> None:
    text = FIXTURES.read_text(encoding="utf-8").splitlines(keepends=True)
    out: list[str] = []
    dots = 0
    for line in text:
        if line.rstrip() == ".":
            dots += 1
            if dots % 3 == 0:  # the end of an expected block: write the actual dump
                case = CASES[dots // 3 - 1]
                out.append(dump(parse(_source(case[2]))) + "\n")
            out.append(line)
        elif dots % 3 != 2:
            out.append(line)
    FIXTURES.write_text("".join(out), encoding="utf-8")


@pytest.mark.parametrize(
    "line,title,source,expected", CASES, ids=[f"L{c[0]}-{c[1][:40]}" for c in CASES]
)
def test_parser_fixture(line: int, title: str, source: str, expected: str) -> None:
    got = dump(parse(_source(source)))
    if UPDATE and got != expected.rstrip("\n"):
        _update()
        pytest.skip("fixtures updated")
    assert got == expected.rstrip("\n"), (
        f"{title} (tests/fixtures/parser.md line {line})\n--- input\n{source}"
        f"--- expected\n{expected}--- got\n{got}\n"
    )


def _parse_whole(text: str) -> Document:
    """The parse as it was before issue 15: markdown-it's tokens for the whole document first,
    every reference definition known, then one walk over all of them."""
    from stratlint.read._builder import Builder
    from stratlint.read._freeze import freeze
    from stratlint.read.parse import _markdown, _references, _Walk

    text = normalise(text)
    b = Builder("<text>", text)
    env: dict[str, object] = {}
    tokens = _markdown().parse(text, env)
    b.refs.update(_references(env))
    walk = _Walk(b)
    walk.run(tokens)
    if _UNCLOSED_FRONT_MATTER.match(text) and not walk.front_matter_seen:
        b.problems.append((1, "front matter is not closed: add a '---' line after its last key"))
    walk.finish()
    return freeze(b)


STREAMED = [
    "See [the plan][p] and [strategy].\n\n- [p] again\n\n[p]: plan.md\n[strategy]: s.md#how\n",
    "- a\n- b\n\n  loose\n- c\n  - d\n    - e\n\n# H\n\n> - q\n>   more\n\nafter\n",
    "| A | Owner |\n|---|---|\n| x | Kim |\n\n<div>\n\n*html*\n\n</div>\n\n```\ncode\n```\n",
    "---\ntype: plan\n---\n# Plan\n\n1. one\n2. two\nlazy\n\n## Next\n\nText.\n",
    "---\ntype: plan\n# never closed\n\n- item\n",
]


@pytest.mark.parametrize("source", [_source(c[2]) for c in CASES] + STREAMED)
def test_reading_blocks_as_they_are_parsed_gives_the_same_document(source: str) -> None:
    """The walk reads each top-level block as soon as markdown-it has parsed it (issue 15:
    the tokens of a whole 10 MB file were most of the parser's memory); the Document must be
    the one a walk over all tokens at once gives, reference definitions after their use
    included."""
    assert parse(source) == _parse_whole(source), source


def test_fixture_file_has_every_case_complete() -> None:
    assert len(CASES) >= 20
    assert all(len(c) == 4 for c in CASES)
    assert len({c[1] for c in CASES}) == len(CASES), "titles are unique"


# -- the parts the fixtures cannot show well ---------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Launch partners (Owner: Priya Shah (Partnerships); Due: 31 May)",
            [("owner", "Priya Shah (Partnerships)"), ("due", "31 May")],
        ),
        ("Owner: Priya Shah (Partnerships)", [("owner", "Priya Shah (Partnerships)")]),
        ("Call Acme, owner: Kelsey, due: May 3", [("owner", "Kelsey"), ("due", "May 3")]),
        ("Host a dinner [Owner: Bob] this week", [("owner", "Bob")]),
        (
            "Who: Sales — When: Q3 | KPI: 20 demos",
            [("owner", "Sales"), ("due", "Q3"), ("kpi", "20 demos")],
        ),
        ("Whoever said so: nobody", []),
    ],
)
def test_inline_field_values_keep_balanced_brackets(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert inline_fields(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Grow ARR to $4.5M. Then expand.", ["Grow ARR to $4.5M.", "Then expand."]),
        (
            "Use e.g. partners. Dr. Lee leads. Revenue rose 3.2% in Q1. Done!",
            ["Use e.g. partners.", "Dr. Lee leads.", "Revenue rose 3.2% in Q1.", "Done!"],
        ),
        ("We ship v2.0 in May. J. Smith owns it.", ["We ship v2.0 in May.", "J. Smith owns it."]),
        (
            'Is it working?! "Yes." (We think.) OK.',
            ["Is it working?!", '"Yes."', "(We think.)", "OK."],
        ),
    ],
)
def test_sentences_split_at_stops_not_at_abbreviations_or_decimals(
    text: str, expected: list[str]
) -> None:
    assert [text[a:b] for a, b in sentences.split(text)] == expected


@pytest.mark.parametrize("prefix", ["- ", "> ", "1. ", "> - ", "* > "])
def test_nesting_past_the_limit_keeps_the_text_and_everything_after_it(prefix: str) -> None:
    source = prefix * 3000 + "deep words\n\n## Strategy\n\nWe sell to dentists.\n"
    doc = parse(source)
    texts = [s.text for s in doc.statements]
    assert any(t.endswith("deep words") for t in texts)
    assert [sec.title for sec in doc.sections if sec.level] == ["Strategy"]
    assert texts[-1] == "We sell to dentists." and doc.statements[-1].line == 5
    assert max(s.depth for s in doc.statements) <= MAX_NESTING // 2


def test_a_list_within_the_limit_keeps_every_level_and_parent() -> None:
    source = "".join("  " * i + f"- level {i}\n" for i in range(60))
    doc = parse(source)
    items = [s for s in doc.statements if s.form == "item"]
    assert [s.depth for s in items] == list(range(60))
    assert all(items[k].parent == items[k - 1].index for k in range(1, 60))
    assert [s.column for s in items] == [2 * i + 3 for i in range(60)]


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "".join(f"## Heading {i}\n\nText {i}.\n\n" for i in range(n // 24)),
        lambda n: (
            "## Plan\n\n"
            + "".join(f"- [link {i}](doc{i}.md) <https://x.io/{i}>\n" for i in range(n // 40))
        ),
        lambda n: "word " * (n // 5),
        lambda n: "- " * (n // 2) + "x\n",
        lambda n: "> " * (n // 2) + "x\n",
        lambda n: "[" * n,
        lambda n: "[a](" * (n // 4),
        lambda n: "*a **a " * (n // 7),
        lambda n: "`" * (n // 2) + " " + "``" * (n // 4),
        lambda n: "." * n + " x",
        lambda n: "| a | b |\n|---|---|\n" + "| x y | z \\| w |\n" * (n // 18),
        lambda n: "<div>" * (n // 5),
    ],
    ids=[
        "headings",
        "links",
        "long-line",
        "nested-lists",
        "nested-quotes",
        "brackets",
        "open-links",
        "emphasis",
        "backticks",
        "dots",
        "table",
        "html",
    ],
)
def test_parse_time_is_linear_in_input_size(make: object) -> None:
    """Four times the input takes about four times as long (a quadratic loop takes sixteen)."""
    assert callable(make)

    def best(n: int) -> float:
        text = make(n)
        times = []
        for _ in range(3):
            start = time.perf_counter()
            parse(text)
            times.append(time.perf_counter() - start)
        return min(times)

    best(2000)  # warm up
    small, large = best(25_000), best(100_000)
    assert large < max(small, 0.01) * 9, (small, large)


def test_an_empty_checkbox_line_keeps_the_next_line_on_its_own_line():
    # "[ ] \t" and then a field on the next line: the blanks after the box are taken, the
    # newline is not, so the field's characters point at its own line (found by
    # tests/test_properties.py).
    doc = parse("1. [ ] \t\n   Owner: Kim\n")
    (st,) = doc.statements
    assert st.text == "Owner: Kim"
    assert (st.line, st.column) == (2, 4)
    assert "".join(doc.text[o] for o in st.offsets) == "Owner: Kim"


def test_the_words_after_a_checkbox_are_found_past_it():
    # "- [ ] [" and a field on the next line: the item's words are looked for after the box on
    # its line, not at the box's own "[" (found by tests/test_properties.py).
    doc = parse("1. [ ] [\n   Owner: Kim\n")
    (st,) = doc.statements
    assert st.text == "[ Owner: Kim"
    assert "".join(doc.text[o] for o in st.offsets if doc.text[o] != "\n") == "[Owner: Kim"


def test_a_paragraph_of_bold_text_alone_is_a_label_line():
    # "**Targets**" on a line of its own stands where a heading would: the parser says so, and
    # keeps it as a statement; bold inside a sentence, a bold field or a bold list item is no
    # label.
    doc = parse(
        "---\ntitle: Plan\n---\n# Plan\n\n**Targets**\n\n- 40 dealers by June.\n\n"
        "__Where we stand:__\n\nWe have **12** dealers.\n\n**Owner:** Kim\n\n- **Actions**\n"
    )
    assert doc.label_lines == frozenset({6, 10})
    assert [s.text for s in doc.statements if s.line == 6] == ["Targets"]
