"""The server's parts without a process: positions in the client's encoding, and the
suppression comments its code actions write (checked by linting the edited text)."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls", reason="the server needs the 'server' extra")

from conftest import CROSS_FILE_STRATEGY  # noqa: E402

from stratlint import lint_text  # noqa: E402
from stratlint.model import Finding, Severity  # noqa: E402
from stratlint.server._actions import Edit, disable_file, disable_line  # noqa: E402
from stratlint.server._diagnostics import (  # noqa: E402
    RuleDocs,
    characters,
    diagnostics,
    position,
    rule_markdown,
    units,
)

HOW = "## How we win\n"


def _strategy(lines: str, heading: str = HOW) -> str:
    """A whole strategy (so the classifier is sure it is one) with `lines` under "How we win"."""
    return CROSS_FILE_STRATEGY.replace(HOW, heading + lines)


def _apply(text: str, edit: Edit | None) -> str:
    assert edit is not None
    lines = text.split("\n")
    line = lines[edit.line]
    lines[edit.line] = line[: edit.column] + edit.text + line[edit.column :]
    return "\n".join(lines)


def _rules_at(text: str) -> set[tuple[str, int]]:
    return {(f.rule, f.line) for f in lint_text(text, path="<text>")}


# -- positions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("encoding", "expected"), [("utf-16", 4), ("utf-8", 6), ("utf-32", 3)])
def test_columns_count_the_clients_code_units(encoding: str, expected: int) -> None:
    # "a😀b": the emoji is 2 UTF-16 units, 4 UTF-8 bytes, 1 code point.
    assert position(["a😀bc"], 1, 4, encoding).character == expected
    assert characters("a😀bc", expected, encoding) == 3
    assert units("a😀b", encoding) == expected


def test_a_finding_after_an_emoji_has_its_utf16_range() -> None:
    text = _strategy("\n😀 We will leverage synergies.\n")
    fluff = [f for f in lint_text(text) if f.rule == "S106"]
    assert fluff, "S106 expected on the buzzwords"
    d = diagnostics(fluff, [], text, "utf-16", RuleDocs(template="x/{rule}"))[0].diagnostic
    row = fluff[0].line - 1
    line = text.split("\n")[row]
    start = line.index("leverage")
    assert d.range.start.line == row
    assert d.range.start.character == start + 1  # the emoji counts twice in UTF-16
    assert d.range.end.character == start + 1 + len("leverage")


def test_crlf_ends_are_not_inside_ranges() -> None:
    assert position(["Grow ARR.\r", ""], 1, 99, "utf-16").character == len("Grow ARR.")


def test_positions_past_the_end_clamp_to_the_text() -> None:
    assert position(["one", "two"], 9, 1, "utf-16") == position(["one", "two"], 2, 4, "utf-16")


def test_diagnostic_carries_rule_severity_docs_and_fix() -> None:
    f = Finding("p.md", 3, 1, 3, 10, "S101", "goal-as-strategy", Severity.WARNING, "msg", "fix it")
    d = diagnostics(
        [f],
        [],
        "a\nb\nGrow ARR.\n",
        "utf-16",
        RuleDocs(template="https://example.org/rules#{rule_lower}"),
    )[0].diagnostic
    assert (d.code, d.severity, d.source) == ("S101", 2, "stratlint")
    assert d.code_description is not None
    assert d.code_description.href == "https://example.org/rules#s101"
    assert d.message == "msg\nFix: fix it"


def test_rule_pages_are_written_once_per_version(tmp_path) -> None:
    docs = RuleDocs(folder=tmp_path)
    url = docs.url("S101")
    assert url is not None and url.startswith("file://")
    assert (tmp_path / "S101.md").read_text(encoding="utf-8") == rule_markdown("S101")


# -- code actions ------------------------------------------------------------------------------

GOAL = "Grow revenue by 40% this year."
CASES = {
    "sentence": _strategy("\n" + GOAL + "\n"),
    "list item": _strategy("\n- " + GOAL + "\n- We sell through distributors.\n"),
    "table row": _strategy("\n| Pillar | Note |\n|---|---|\n| Growth | " + GOAL + " |\n"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_disable_line_suppresses_only_that_finding_and_keeps_the_markdown(case: str) -> None:
    text = CASES[case]
    before = _rules_at(text)
    goal = [(r, ln) for r, ln in before if r == "S101"]
    assert goal, f"S101 expected in:\n{text}"
    rule, line = goal[0]
    edited = _apply(text, disable_line(text, line, rule))
    after = _rules_at(edited)
    assert ("S101", line) not in after, edited
    assert after == before - {("S101", line)}, edited  # nothing else changed
    assert len(edited.split("\n")) == len(text.split("\n"))  # the list or table is not split


def test_disable_line_on_a_heading_goes_above_it() -> None:
    text = _strategy("", "## How we win: double revenue this year\n")
    line = text.splitlines().index("## How we win: double revenue this year") + 1
    before = _rules_at(text)
    assert ("S101", line) in before, before
    edit = disable_line(text, line, "S101")
    assert edit == Edit(line - 1, 0, "<!-- stratlint-disable-next-line S101 -->\n")
    edited = _apply(text, edit)
    assert "S101" not in {r for r, _ in _rules_at(edited)}


def test_disable_line_adds_the_rule_to_a_directive_already_there() -> None:
    text = _strategy("\n" + GOAL + " Be best-in-class. <!-- stratlint-disable-line S106 -->\n")
    line = text.splitlines().index(HOW.strip()) + 3
    edited = _apply(text, disable_line(text, line, "S101"))
    assert edited.split("\n")[line - 1].endswith("<!-- stratlint-disable-line S106 S101 -->")
    assert not {r for r, _ in _rules_at(edited)} & {"S101", "S106"}


def test_a_hard_line_break_stays_the_last_thing_on_its_line() -> None:
    edit = disable_line("Grow ARR.\\\nWe sell to banks.\n", 1, "S101")
    assert edit == Edit(0, len("Grow ARR."), " <!-- stratlint-disable-line S101 --> ")


def test_no_line_action_in_front_matter_or_for_a_rule_already_named() -> None:
    text = "---\nstrategy: nowhere.md\n---\n# Plan\n"
    assert disable_line(text, 2, "P207") is None
    named = "Grow ARR. <!-- stratlint-disable-line S101 -->\n"
    assert disable_line(named, 1, "S101") is None


def test_disable_file_goes_after_front_matter_and_merges() -> None:
    text = "---\ntype: strategy\n---\n" + _strategy("\n" + GOAL + "\n")
    assert disable_file(text, "S101") == Edit(3, 0, "<!-- stratlint-disable-file S101 -->\n")
    edited = _apply(text, disable_file(text, "S101"))
    assert "S101" not in {r for r, _ in _rules_at(edited)}
    merged = _apply(edited, disable_file(edited, "S103"))
    assert "<!-- stratlint-disable-file S101 S103 -->" in merged
    assert not {r for r, _ in _rules_at(merged)} & {"S101", "S103"}


# -- the protocol keeps nothing per message ------------------------------------------------------


class _Sink:
    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, data: bytes) -> None:
        self.data += data

    def close(self) -> None:
        pass


def test_handled_notifications_leave_no_futures_behind() -> None:
    """pygls 2.1 kept one future per didChange for ever (1,000 edits: +1 MB); ours drops them."""
    import asyncio
    import json

    from stratlint.server._server import build

    server = build()
    proto = server.protocol
    proto.set_writer(_Sink())
    uri = "file:///tmp/notes.py"  # not Markdown: handled, never linted
    messages = [
        {
            "id": 1,
            "method": "initialize",
            "params": {"capabilities": {}, "processId": None, "rootUri": None},
        },
        {
            "method": "textDocument/didOpen",
            "params": {
                "textDocument": {
                    "uri": uri,
                    "languageId": "python",
                    "version": 1,
                    "text": "x = 1\n",
                }
            },
        },
    ] + [
        {
            "method": "textDocument/didChange",
            "params": {
                "textDocument": {"uri": uri, "version": v},
                "contentChanges": [{"text": f"x = {v}\n"}],
            },
        }
        for v in range(2, 52)
    ]

    async def talk() -> None:
        for msg in messages:
            raw = json.dumps({"jsonrpc": "2.0", **msg})
            proto.handle_message(json.loads(raw, object_hook=proto.structure_message))
            await asyncio.sleep(0)

    try:
        asyncio.run(talk())
        assert server.workspace.get_text_document(uri).source == "x = 51\n"
        assert dict(proto._request_futures) == {}
    finally:
        server.shut_down()
