"""Property tests over generated Markdown (SPEC §7, issue 7), with a fixed seed.

For any input the parser and the linter raise nothing, every position falls inside the text and
points at the character it names, and the output is the same across runs, line-ending styles
and `--jobs` values.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from stratlint import lint_text
from stratlint.read.parse import normalise, parse

SEED = 20261128
COMMON = dict(
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- generated Markdown ----------------------------------------------------------------------

WORDS = [
    "increase",
    "sales",
    "by",
    "50%",
    "this",
    "year",
    "we",
    "sell",
    "to",
    "mid-market",
    "3PLs",
    "because",
    "our",
    "billing",
    "cuts",
    "close",
    "Owner:",
    "Due:",
    "KPI:",
    "Q3",
    "Kelsey",
    "call",
    "20",
    "customers",
    "a",
    "week",
    "$4.5M",
    "e.g.",
    "Dr.",
    "v2.0",
    "strategy",
    "plan",
    "not",
    "SMB",
    "focus",
    "on",
    "healthcare",
    "TBD",
    "ASAP",
    "ARR",
]
ODD = [
    "\t",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\u00ad",
    "e\u0301",
    "\U0001f680",
    "\U0001f468\u200d\U0001f469",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u2028",
    "\x00",
    "&amp;",
    "\\",
    "\\*",
    "\\[",
    "<",
    ">",
    "|",
    "`",
    "``",
    "*",
    "**",
    "_",
    "__",
    "~~",
    "[",
    "]",
    "(",
    ")",
    "!",
    "![",
    "](",
    "<!--",
    "-->",
    "#",
    ":",
    ".",
    "...",
    "?!",
    "&",
    '"',
    "'",
    "  ",
]
INLINE = [
    "[the strategy](strategy.md#where-we-play)",
    "[ref][s]",
    "<https://example.com/a>",
    "https://example.com/x.",
    "`code span`",
    "*emphasis*",
    "**Owner:** Kim",
    "<!-- stratlint-disable-next-line P203 -->",
    "<span>html</span>",
    "(Owner: Priya Shah (Partnerships); Due: 31 May)",
    "![img](a.png)",
    "[broken](",
    "[x]: y",
]

word = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ODD),
    st.sampled_from(INLINE),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6),
)
inline = (
    st.lists(word, min_size=1, max_size=14)
    .map(" ".join)
    .map(lambda s: s.replace("\n", " ").replace("\r", " "))
)


def _indent(block: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else line for line in block.split("\n"))


@st.composite
def list_block(draw: Any, depth: int = 0) -> str:
    items = []
    ordered = draw(st.booleans())
    for k in range(draw(st.integers(1, 4))):
        marker = f"{k + 1}." if ordered else draw(st.sampled_from(["-", "*", "+"]))
        box = draw(st.sampled_from(["", "", "[ ] ", "[x] "]))
        text = draw(inline)
        item = f"{marker} {box}{text}"
        width = len(marker) + 1
        if draw(st.integers(0, 3)) == 0:
            item += (
                "\n"
                + " " * width
                + draw(
                    st.sampled_from(
                        [
                            "Owner: Kim",
                            "**Due:** 31 May",
                            "KPI: 20 demos",
                            "- Owner: Sam",
                            "Lazy line",
                        ]
                    )
                )
            )
        if depth < 3 and draw(st.integers(0, 3)) == 0:
            item += "\n" + _indent(draw(list_block(depth + 1)), " " * width)
        items.append(item)
    return "\n".join(items)


@st.composite
def table_block(draw: Any) -> str:
    cols = draw(st.integers(1, 4))
    head = (
        "| "
        + " | ".join(
            draw(st.sampled_from(["Action", "Owner", "Due", "KPI", "Notes", "x"]))
            for _ in range(cols)
        )
        + " |"
    )
    sep = (
        "|"
        + "|".join(
            draw(st.sampled_from(["---", ":--", "--:", ":-:"]))
            for _ in range(draw(st.integers(1, cols)))
        )
        + "|"
    )
    rows = [
        (
            "| "
            + " | ".join(
                draw(inline).replace("|", "\\|") for _ in range(draw(st.integers(0, cols + 1)))
            )
            + " |"
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    return "\n".join([head, sep, *rows])


@st.composite
def block(draw: Any) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return "#" * draw(st.integers(1, 6)) + " " + draw(inline)
    if kind == 1:
        return draw(inline) + "\n" + draw(st.sampled_from(["===", "---"]))  # setext heading
    if kind == 2:
        return draw(list_block())
    if kind == 3:
        return _indent(
            draw(st.one_of(inline, list_block())), draw(st.sampled_from(["> ", ">", "> > ", ">> "]))
        )
    if kind == 4:
        return draw(table_block())
    if kind == 5:
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        closed = draw(st.booleans())
        return f"{fence}python\n{draw(inline)}\n" + (fence if closed else "")
    if kind == 6:
        return draw(
            st.sampled_from(
                [
                    "<!-- stratlint-disable S101 -->",
                    "<div>\n\n*x*\n\n</div>",
                    "    indented code",
                    "***",
                    "[s]: strategy.md",
                    "<!-- unclosed comment",
                ]
            )
        )
    return draw(st.lists(inline, min_size=1, max_size=3).map("\n".join))  # a paragraph


@st.composite
def markdown(draw: Any) -> str:
    parts = []
    fm = draw(st.integers(0, 4))
    if fm == 0:
        parts.append(
            "---\n"
            + draw(
                st.sampled_from(
                    [
                        "type: strategy",
                        "type: plan\nstrategy: strategy.md",
                        "title: [x",
                        "- a",
                        "x: 1",
                        "stratlint: {ignore: [P205]}",
                        "",
                    ]
                )
            )
            + "\n---"
        )
    elif fm == 1:
        parts.append("---\ntype: plan")  # unclosed
    parts.extend(draw(st.lists(block(), max_size=8)))
    sep = draw(st.sampled_from(["\n\n", "\n", "\n\n\n"]))
    return sep.join(parts) + draw(st.sampled_from(["\n", "", "\n\n"]))


raw_text = st.lists(
    st.sampled_from(
        list("ab \n\t-*_`[]()<>!#|:>.\\1")
        + [
            "- ",
            "> ",
            "```",
            "---\n",
            "| a |",
            "\n\n",
            "## ",
            "1. ",
            "[x]",
            "<!--",
            "-->",
            "\u200b",
        ]
    ),
    max_size=120,
).map("".join)
any_markdown = st.one_of(markdown(), raw_text)


# -- properties --------------------------------------------------------------------------------


def _check_positions(source: str) -> None:
    doc = parse(source)
    text = doc.text
    assert text == normalise(source)
    lines = text.split("\n")
    n = len(text)

    def inside(line: int, col: int) -> None:
        assert 1 <= line <= len(lines), (line, len(lines))
        assert 1 <= col <= len(lines[line - 1]) + 1, (line, col, lines[line - 1])

    for s in doc.statements:
        inside(s.line, s.column)
        inside(s.end_line, s.end_column - 1)
        assert (s.end_line, s.end_column) > (s.line, s.column), s
        assert len(s.offsets) == len(s.text)
        assert s.text == s.text.strip() and s.text
        for ch, off in zip(s.text, s.offsets, strict=True):
            assert 0 <= off < n, (off, n)
            # Each character of a statement is the source character it points at, except the
            # spaces and "; " the parser writes between words and cells.
            assert ch in " ;" or text[off] == ch, (s.text, ch, off, text[off])
        assert doc.position(s.offsets[0]) == (s.line, s.column)
    for sec in doc.sections:
        inside(sec.line, 1)
        assert sec.line <= sec.end_line <= len(lines)
    for link in doc.links:
        inside(link.line, link.column)
    for line, _ in doc.comments:
        assert 1 <= line <= len(lines)
    for line, _ in doc.problems:
        assert 1 <= line <= len(lines)


@seed(SEED)
@settings(max_examples=1000, **COMMON)  # type: ignore[arg-type]
@given(any_markdown)
def test_parse_never_raises_and_every_position_points_into_the_text(source: str) -> None:
    _check_positions(source)


def _findings(source: str) -> list[dict[str, Any]]:
    return [f.to_dict() for f in lint_text(source, path="doc.md")]


@seed(SEED)
@settings(max_examples=400, **COMMON)  # type: ignore[arg-type]
@given(any_markdown)
def test_lint_never_raises_positions_fall_inside_and_output_is_stable(source: str) -> None:
    found = _findings(source)
    lines = normalise(source).split("\n")
    for f in found:
        assert 1 <= f["line"] <= len(lines), f
        assert 1 <= f["column"] <= len(lines[f["line"] - 1]) + 1, f
        assert (f["end_line"], f["end_column"]) >= (f["line"], f["column"]), f
        assert f["end_line"] <= len(lines), f
    keys = [(f["line"], f["column"], f["rule"]) for f in found]
    assert keys == sorted(keys)
    assert _findings(source) == found  # the same input gives the same output


@seed(SEED)
@settings(max_examples=300, **COMMON)  # type: ignore[arg-type]
@given(markdown(), st.sampled_from(["\r\n", "\r"]))
def test_line_endings_do_not_change_findings_or_positions(source: str, eol: str) -> None:
    assert _findings(source.replace("\n", eol)) == _findings(source)


@seed(SEED)
@settings(max_examples=200, **COMMON)  # type: ignore[arg-type]
@given(markdown())
def test_invisible_format_characters_do_not_change_what_is_found(source: str) -> None:
    """Zero-width spaces between words change no rule and no line."""
    salted = re.sub(r"(?<=\w) (?=\w)", " \u200b", source)

    def rules(found: list[dict[str, Any]]) -> list[tuple[int, str]]:
        return sorted((f["line"], f["rule"]) for f in found)

    assert rules(_findings(salted)) == rules(_findings(source))


# -- --jobs ------------------------------------------------------------------------------------


def _has_jobs_option() -> bool:
    exe = Path(sys.executable).with_name("stratlint")
    out = subprocess.run(
        [str(exe), "check", "--help"], capture_output=True, text=True, timeout=120
    ).stdout
    return "--jobs" in out


@pytest.fixture(scope="module")
def jobs_available() -> None:
    if not _has_jobs_option():
        pytest.skip("`stratlint check` has no --jobs option yet (issue 6)")


@seed(SEED)
@settings(max_examples=4, **COMMON)  # type: ignore[arg-type]
@given(st.lists(markdown(), min_size=6, max_size=10))
def test_output_is_identical_for_every_jobs_value(
    jobs_available: None, tmp_path_factory: Any, docs: list[str]
) -> None:
    root = tmp_path_factory.mktemp("jobs")
    (root / ".git").mkdir()
    for i, text in enumerate(docs):
        sub = root / ("plans" if i % 2 else "strategy")
        sub.mkdir(exist_ok=True)
        (sub / f"doc{i}.md").write_text(text, encoding="utf-8")
    exe = Path(sys.executable).with_name("stratlint")
    outputs = []
    for jobs in ("1", "2", "3"):
        r = subprocess.run(
            [str(exe), "--format", "json", "--no-cache", "--jobs", jobs, "."],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=300,
            env=dict(os.environ, NO_COLOR="1"),
        )
        assert "Traceback" not in r.stderr, r.stderr
        outputs.append((r.returncode, json.loads(r.stdout), r.stderr))
    assert outputs[1] == outputs[0]
    assert outputs[2] == outputs[0]
