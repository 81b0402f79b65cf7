"""`stratlint server` end to end: the real command in a subprocess, spoken to over stdio.

Every wait is bounded (the client's timeouts) and every test runs under an alarm, so a server
that stops answering fails the test instead of hanging the suite.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls", reason="the server needs the 'server' extra")

from conftest import CROSS_FILE_STRATEGY  # noqa: E402

from stratlint.server._client import Client  # noqa: E402

TEST_SECONDS = 120

GOAL_DOC = "## Sales Strategy\n\nOur strategy is to increase sales by 50% this year.\n"
GOAL_LINE = "Our strategy is to increase sales by 50% this year."

PLAN = """\
---
strategy: strategy.md#where-we-play
---
# Q3 Sales Plan

- Run 4 distributor lunch-and-learns in Ohio by 30 Sep (Owner: Dana; Budget: $6k); KPI: 12 \
qualified plants.
- Sell retrofit kits to 15 food plants during weekend windows by 30 Sep (Owner: Lee). Target: \
$400k bookings.
"""

SERVES_ONE = """\
---
strategy: strategy.md#where-we-play
---
# Ohio plan

## Actions

- Install retrofit kits in weekend windows at 15 food factories (Owner: Jordan, due 31 March).
  KPI: 10 kits.

Resources: 2 AEs, $35k demo budget.
"""

SERVES_BOTH = SERVES_ONE.replace(
    "Resources:",
    "- Sign 3 MRO distributors for small plants (Owner: Aisha, due 30 April). "
    "KPI: 3 signed.\n\nResources:",
)


@pytest.fixture(autouse=True)
def _alarm() -> Iterator[None]:
    """Fail (never hang) a test that runs past TEST_SECONDS."""

    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError(f"server test ran past {TEST_SECONDS} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(TEST_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("workspace")


@pytest.fixture(scope="module")
def server(workspace: Path) -> Iterator[Client]:
    """One server for the tests that do not end it; each test uses files of its own."""
    client = Client(cwd=workspace)
    try:
        client.initialize(workspace, options={"debounce": 50})
        yield client
    finally:
        client.kill()


def codes(diags: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """(rule, 0-based line) of each diagnostic: what the tests assert."""
    return sorted((d.get("code", ""), d["range"]["start"]["line"]) for d in diags)


def until(
    server: Client, uri: str, pred: Callable[[list[tuple[str, int]]], bool], after: int
) -> list[tuple[str, int]]:
    """Codes of the first diagnostics published for `uri` (from notification `after` on) that
    satisfy `pred`: a document may be linted more than once while others open (as a dependent),
    so a test waits for the state it expects, never for "the next" publication."""

    def match(m: dict[str, Any]) -> bool:
        return (
            m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and pred(codes(m["params"]["diagnostics"]))
        )

    return codes(server.wait_for(match, after=after)["params"]["diagnostics"])


def published_index(server: Client, uri: str, after: int) -> int:
    """Index of the first publication for `uri` from `after` on (one must have arrived)."""
    for i, m in enumerate(server.notifications[after:], after):
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
            return i
    raise AssertionError(f"nothing published for {uri}")


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply TextEdits (ASCII text: UTF-16 units are characters) the way an editor does."""
    lines = text.split("\n")
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)

    def at(p: dict[str, int]) -> int:
        return offsets[p["line"]] + p["character"]

    for e in sorted(edits, key=lambda e: at(e["range"]["start"]), reverse=True):
        text = text[: at(e["range"]["start"])] + e["newText"] + text[at(e["range"]["end"]) :]
    return text


def test_open_publishes_s101_at_the_goal_sentence_range(server: Client, workspace: Path) -> None:
    uri = (workspace / "open.md").as_uri()
    server.open(uri, GOAL_DOC)
    diags = server.diagnostics(uri, version=1)
    s101 = [d for d in diags if d["code"] == "S101"]
    assert len(s101) == 1, diags
    d = s101[0]
    # The CLI reports 3:1 to 3:52 (end exclusive): LSP line 2, characters 0..51.
    assert d["range"] == {
        "start": {"line": 2, "character": 0},
        "end": {"line": 2, "character": len(GOAL_LINE)},
    }
    assert d["severity"] == 1  # error
    assert d["source"] == "stratlint"
    assert d["codeDescription"]["href"].endswith("S101.md")
    assert "Fix:" in d["message"]
    assert ("S103", 0) in codes(diags)  # the section-level findings sit on the heading


def test_edit_that_makes_a_choice_clears_s101(server: Client, workspace: Path) -> None:
    uri = (workspace / "edit.md").as_uri()
    server.open(uri, GOAL_DOC)
    assert ("S101", 2) in codes(server.diagnostics(uri, version=1))
    mark = server.mark()
    fixed = GOAL_DOC.replace(GOAL_LINE, "We sell to hospitals because we cut claim denials.")
    server.change(uri, 2, fixed)
    assert "S101" not in {c for c, _ in codes(server.diagnostics(uri, version=2, after=mark))}


def test_incremental_edits_are_applied_before_linting(server: Client, workspace: Path) -> None:
    uri = (workspace / "incremental.md").as_uri()
    server.open(uri, "## Sales Strategy\n\nWe sell to hospitals.\n")
    assert "S101" not in {c for c, _ in codes(server.diagnostics(uri, version=1))}
    mark = server.mark()
    # Replace "We sell to hospitals." (line 2) in three keystroke-sized edits.
    line = "We sell to hospitals."
    server.change(
        uri,
        2,
        "",
        {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": len(line)}},
    )
    server.change(
        uri,
        3,
        "Grow revenue by 30%",
        {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}},
    )
    server.change(
        uri,
        4,
        " this year.",
        {"start": {"line": 2, "character": 19}, "end": {"line": 2, "character": 19}},
    )
    diags = server.diagnostics(uri, version=4, after=mark)
    assert ("S101", 2) in codes(diags)


def test_hover_on_a_diagnostic_shows_the_rule_documentation(
    server: Client, workspace: Path
) -> None:
    uri = (workspace / "hover.md").as_uri()
    server.open(uri, GOAL_DOC)
    server.diagnostics(uri, version=1)
    hover = server.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 10}},
    )
    assert hover is not None
    value = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    for part in ("S101 goal-as-strategy", "**Why.**", "**Fix.**", "```markdown"):
        assert part in value, value
    nothing = server.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 0}},
    )
    assert nothing is None


def _actions(server: Client, uri: str, line: int) -> list[dict[str, Any]]:
    return list(
        server.request(
            "textDocument/codeAction",
            {
                "textDocument": {"uri": uri},
                "range": {
                    "start": {"line": line, "character": 0},
                    "end": {"line": line, "character": 0},
                },
                "context": {"diagnostics": []},
            },
        )
    )


@pytest.mark.parametrize("which", ["line", "file"])
def test_disable_code_action_applied_suppresses_the_finding(
    server: Client, workspace: Path, which: str
) -> None:
    uri = (workspace / f"action-{which}.md").as_uri()
    text = GOAL_DOC + "\n- Grow ARR to $8M.\n"
    server.open(uri, text)
    before = codes(server.diagnostics(uri, version=1))
    assert ("S101", 2) in before, before
    actions = _actions(server, uri, 2)
    titles = [a["title"] for a in actions]
    wanted = f"Disable S101 (goal-as-strategy) for this {which}"
    assert wanted in titles, titles
    action = actions[titles.index(wanted)]
    assert action["kind"] == "quickfix"
    assert action["diagnostics"][0]["code"] == "S101"
    new = apply(text, action["edit"]["changes"][uri])
    mark = server.mark()
    server.change(uri, 2, new)
    after = codes(server.diagnostics(uri, version=2, after=mark))
    s101 = [ln for c, ln in after if c == "S101"]
    if which == "line":
        assert "stratlint-disable-line S101" in new.splitlines()[2]
        assert len(s101) == 1, after  # the list item's goal is still reported
    else:
        assert new.startswith("<!-- stratlint-disable-file S101 -->\n")
        assert s101 == [], after
    assert {c for c, _ in after if c != "S101"} == {c for c, _ in before if c != "S101"}


def test_strategy_edit_updates_the_open_plans_diagnostics(server: Client, workspace: Path) -> None:
    folder = workspace / "crossfile"
    folder.mkdir()
    (folder / "strategy.md").write_text(CROSS_FILE_STRATEGY)
    (folder / "plan.md").write_text(PLAN)
    s_uri, p_uri = (folder / "strategy.md").as_uri(), (folder / "plan.md").as_uri()
    server.open(s_uri, CROSS_FILE_STRATEGY)
    server.open(p_uri, PLAN)
    assert "P207" not in {c for c, _ in codes(server.diagnostics(p_uri, version=1))}

    # Renaming the heading the plan links to (unsaved) breaks the plan's link…
    mark = server.mark()
    renamed = CROSS_FILE_STRATEGY.replace("## Where we play", "## Where we sell")
    server.change(s_uri, 2, renamed)
    assert ("P207", 1) in until(server, p_uri, lambda c: ("P207", 1) in c, mark)

    # …and renaming it back mends it, with no edit to the plan.
    mark = server.mark()
    server.change(s_uri, 3, CROSS_FILE_STRATEGY)
    until(server, p_uri, lambda c: "P207" not in {r for r, _ in c}, mark)


def test_a_plan_edit_updates_the_strategy_pillars_it_serves(
    server: Client, workspace: Path
) -> None:
    folder = workspace / "pillars"
    folder.mkdir()
    (folder / "strategy.md").write_text(CROSS_FILE_STRATEGY)
    (folder / "plan.md").write_text(SERVES_BOTH)
    s_uri, p_uri = (folder / "strategy.md").as_uri(), (folder / "plan.md").as_uri()
    distributor = (
        CROSS_FILE_STRATEGY.splitlines().index("## Distributor-led selling in small plants"),
    )
    mark = server.mark()
    server.open(s_uri, CROSS_FILE_STRATEGY)
    server.open(p_uri, SERVES_BOTH)
    server.diagnostics(p_uri, version=1, after=mark)
    # The strategy as linted once the plan is open (it is linted again as the plan's dependent).
    after_plan = published_index(server, p_uri, mark) + 1
    assert ("A301", *distributor) not in codes(server.diagnostics(s_uri, after=after_plan))
    # Drop the distributor item (unsaved): that pillar is now served by no plan item.
    mark = server.mark()
    server.change(p_uri, 2, SERVES_ONE)
    until(server, s_uri, lambda c: ("A301", *distributor) in c, mark)


def test_configuration_is_found_upwards_reported_when_broken_and_reloaded(
    server: Client, workspace: Path
) -> None:
    project = workspace / "configured"
    (project / "docs" / "deep").mkdir(parents=True)
    config = project / ".stratlint.yaml"
    config.write_text("ignore: [S101]\n")
    uri = (project / "docs" / "deep" / "strategy.md").as_uri()
    server.open(uri, GOAL_DOC)
    assert "S101" not in {c for c, _ in codes(server.diagnostics(uri, version=1))}

    # A broken configuration: a diagnostic on the file, at the key's line; the server lives.
    mark = server.mark()
    config.write_text("ignore: [S101]\nselct: [S]\n")
    server.notify(
        "workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]}
    )
    problems = server.diagnostics(config.as_uri(), after=mark)
    assert len(problems) == 1 and problems[0]["range"]["start"]["line"] == 1, problems
    assert "selct" in problems[0]["message"]
    server.wait_for(lambda m: m.get("method") == "window/showMessage", after=mark)
    # The document keeps the last good settings meanwhile.
    assert "S101" not in {c for c, _ in codes(server.diagnostics(uri, after=mark))}

    # Fixed: the file's diagnostics clear and the new settings apply.
    mark = server.mark()
    config.write_text("ignore: [S103]\n")
    server.notify(
        "workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]}
    )
    assert server.diagnostics(config.as_uri(), after=mark) == []
    found = {c for c, _ in codes(server.diagnostics(uri, after=mark))}
    assert "S101" in found and "S103" not in found


def test_links_resolve_within_the_workspace_folder(server: Client, workspace: Path) -> None:
    (workspace / "strategy.md").write_text(CROSS_FILE_STRATEGY)
    (workspace / "plans").mkdir()
    plan = PLAN.replace("strategy.md#", "../strategy.md#")
    uri = (workspace / "plans" / "q3.md").as_uri()
    server.open(uri, plan)
    found = {c for c, _ in codes(server.diagnostics(uri, version=1))}
    assert not found & {"P201", "P207"}, found


def test_closing_a_document_clears_its_diagnostics(server: Client, workspace: Path) -> None:
    uri = (workspace / "closed.md").as_uri()
    server.open(uri, GOAL_DOC)
    assert server.diagnostics(uri, version=1)
    mark = server.mark()
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert server.diagnostics(uri, after=mark) == []


def test_documents_that_are_not_markdown_get_no_diagnostics(
    server: Client, workspace: Path
) -> None:
    py, md = (workspace / "notes.py").as_uri(), (workspace / "after.md").as_uri()
    mark = server.mark()
    server.open(py, "# Sales Strategy\n\nIncrease sales by 50% this year.\n", language="python")
    server.open(md, GOAL_DOC)
    server.diagnostics(md, version=1, after=mark)
    published = [
        m["params"]["uri"]
        for m in server.notifications[mark:]
        if m.get("method") == "textDocument/publishDiagnostics"
    ]
    assert py not in published


CRASHING_SERVER = """\
import sys
from stratlint.checks import all_checks
import stratlint.run.engine as engine

checks = all_checks()
s101 = checks["S101"]

def s101_that_fails(ctx):
    if "KABOOM" in ctx.analysis.doc.text:
        raise RuntimeError("injected failure in a rule")
    return s101(ctx)

checks["S101"] = s101_that_fails
check_documents = engine.check_documents

def check_documents_that_fails(items, project):
    if any("WIRING" in text for _, text in items):
        raise RuntimeError("injected failure outside the rules")
    return check_documents(items, project)

engine.check_documents = check_documents_that_fails
from stratlint.server import main
sys.exit(main())
"""


def _logged(text: str) -> Callable[[dict[str, Any]], bool]:
    return lambda m: m.get("method") == "window/logMessage" and text in m["params"]["message"]


def test_a_crashing_document_is_logged_and_the_server_goes_on(tmp_path: Path) -> None:
    client = Client([sys.executable, "-c", CRASHING_SERVER], cwd=tmp_path)
    try:
        client.initialize(tmp_path, options={"debounce": 50})
        for marker, expected in (
            ("KABOOM", "injected failure in a rule"),
            ("WIRING", "injected failure outside the rules"),
        ):
            bad = (tmp_path / f"{marker}.md").as_uri()
            mark = client.mark()
            client.open(bad, GOAL_DOC + f"\n{marker}\n")
            diags = client.diagnostics(bad, version=1, after=mark)
            assert len(diags) == 1 and "stratlint failed on this document" in diags[0]["message"]
            log = client.wait_for(_logged(expected), after=mark)
            assert log["params"]["type"] == 1  # Error
            # The server still serves: another document, then the same one mended.
            good = (tmp_path / f"after-{marker}.md").as_uri()
            client.open(good, GOAL_DOC)
            assert ("S101", 2) in codes(client.diagnostics(good, version=1, after=mark))
            client.change(bad, 2, GOAL_DOC)
            assert ("S101", 2) in codes(client.diagnostics(bad, version=2, after=mark))
        assert client.stop() == 0
    finally:
        client.kill()


def test_shutdown_then_exit_ends_the_server_with_code_0(tmp_path: Path) -> None:
    client = Client(cwd=tmp_path)
    try:
        client.initialize(tmp_path)
        uri = (tmp_path / "a.md").as_uri()
        client.open(uri, GOAL_DOC)
        client.diagnostics(uri, version=1)
        assert client.request("shutdown") is None
        client.notify("exit")
        assert client.proc.wait(timeout=30) == 0
        assert b"Traceback" not in client.stderr
    finally:
        client.kill()


def test_exit_without_shutdown_ends_the_server_with_code_1(tmp_path: Path) -> None:
    client = Client(cwd=tmp_path)
    try:
        client.initialize(tmp_path)
        client.notify("exit")
        assert client.proc.wait(timeout=30) == 1
    finally:
        client.kill()
