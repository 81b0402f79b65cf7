"""Links across files (SPEC §3 P201/P207/A301/A302, §7): a project-wide index of documents, strategy
links resolved to other files and their heading anchors, the reverse index (plans that link to a
strategy), partial runs that read linked files without reporting on them, and the project root
as a boundary."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CROSS_FILE_STRATEGY

from stratlint.run.engine import lint_files, lint_sources
from stratlint.settings import Settings

STRATEGY = CROSS_FILE_STRATEGY

PLAN_BODY = """\
# Ohio Territory Plan

## Actions

- Walk 15 food plants with the retrofit kit demo and book weekend window assessments
  (Owner: Jordan, due 31 March). KPI: 10 assessments.
- Sign 3 MRO distributors for small plants (Owner: Aisha, due 30 April). KPI: 3 signed.

Resources: 2 AEs, $35k demo budget.
"""


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def _run(root: Path, *paths: str, **settings: object) -> dict[str, list[tuple[str, int]]]:
    """Rule IDs and lines per file, for a run from `root` with `root` as the project root."""
    old = os.getcwd()
    os.chdir(root)
    try:
        settings_ = Settings(root=root, **settings)  # type: ignore[arg-type]
        run = lint_files(list(paths) or ["."], settings_, jobs=1)
    finally:
        os.chdir(old)
    assert not run.result.errors, run.result.errors
    out: dict[str, list[tuple[str, int]]] = {}
    for f in run.result.findings:
        out.setdefault(f.path, []).append((f.rule, f.line))
    return out


def _rules(found: dict[str, list[tuple[str, int]]], path: str) -> set[str]:
    return {r for r, _ in found.get(path, [])}


@pytest.mark.parametrize(
    "link",
    [
        "---\nstrategy: ../strategy/fy27.md\n---\n",
        "---\nstrategy: [../strategy/fy27.md]\n---\n",
        "This plan executes the [FY27 strategy](../strategy/fy27.md).\n\n",
        "Executes [where we play](../strategy/fy27.md#where-we-play).\n\n",
        "Executes [the strategy](/strategy/fy27.md).\n\n",  # root-relative
        "Executes the [strategy](../strategy/).\n\n",  # a folder's README
    ],
)
def test_a_plan_whose_strategy_lives_in_another_file_is_not_p201_or_p207(tmp_path, link):
    target = "README.md" if link.rstrip().endswith("(../strategy/).") else "fy27.md"
    _write(tmp_path, {f"strategy/{target}": STRATEGY, "plans/ohio.md": link + PLAN_BODY})
    found = _run(tmp_path)
    assert not _rules(found, "plans/ohio.md") & {"P201", "P207"}, found.get("plans/ohio.md")


def test_a_plan_with_no_strategy_anywhere_is_p201(tmp_path):
    _write(tmp_path, {"plans/ohio.md": PLAN_BODY})
    assert "P201" in _rules(_run(tmp_path), "plans/ohio.md")


@pytest.mark.parametrize(
    "link,line",
    [
        ("---\nstrategy: ../strategy/missing.md\n---\n", 2),  # missing file, at the key's line
        ("Executes the [FY27 strategy](../strategy/fy27.md#no-such-heading).\n\n", 1),  # anchor
        ("Executes the [FY27 strategy](../notes/minutes.md).\n\n", 1),  # no strategy scope there
    ],
)
def test_a_broken_strategy_link_is_p207_at_the_link_line(tmp_path, link, line):
    _write(
        tmp_path,
        {
            "strategy/fy27.md": STRATEGY,
            "plans/ohio.md": link + PLAN_BODY,
            "notes/minutes.md": "# Minutes\n\nWe met on Tuesday and talked.\n",
        },
    )
    found = _run(tmp_path)
    assert ("P207", line) in found.get("plans/ohio.md", []), found.get("plans/ohio.md")
    assert "P201" not in _rules(found, "plans/ohio.md")


def test_a_link_to_a_page_whose_heading_names_a_strategy_is_not_known_broken(tmp_path):
    # "# How we sell: strategy 2027" sets no kind ("How we …" headings are usually about a
    # subject), but a page headed so is not known not to be a strategy: no P207 (silent unless
    # sure, §8.9), and the link still keeps P201 away.
    page = "# How we sell: strategy 2027\n\nSchools with volunteer-run canteens in Victoria.\n"
    _write(
        tmp_path,
        {
            "strategy/how.md": page,
            "plans/ohio.md": f"Executes [{LINK}](../strategy/how.md).\n\n{PLAN_BODY}",
        },
    )
    found = _run(tmp_path)
    assert not _rules(found, "plans/ohio.md") & {"P201", "P207"}, found.get("plans/ohio.md")


LINK = "the FY27 strategy"  # a candidate strategy link names the strategy (SPEC §8.11)


def test_anchors_follow_github_slugs_including_duplicates(tmp_path):
    strategy = STRATEGY + "\n## Where we play\n\nAlso Indiana hospitals.\n"
    _write(
        tmp_path,
        {
            "strategy/fy27.md": strategy,
            "plans/a.md": f"Executes [{LINK}](../strategy/fy27.md#where-we-play-1).\n\n{PLAN_BODY}",
            "plans/b.md": f"Executes [{LINK}](../strategy/fy27.md#Where-We-Play).\n\n{PLAN_BODY}",
            "plans/c.md": f"Executes [{LINK}](../strategy/fy27.md#where-we-play-2).\n\n{PLAN_BODY}",
        },
    )
    found = _run(tmp_path)
    assert "P207" not in _rules(found, "plans/a.md")
    assert "P207" not in _rules(found, "plans/b.md")
    assert "P207" in _rules(found, "plans/c.md")


def test_a302_compares_plan_initiatives_with_the_linked_strategy_pillars(tmp_path):
    plan = (
        "---\nstrategy: ../strategy/fy27.md\n---\n"
        + PLAN_BODY
        + "- Launch a podcast about leadership (Owner: Sam, due 31 May). KPI: 5 episodes.\n"
    )
    _write(tmp_path, {"strategy/fy27.md": STRATEGY, "plans/ohio.md": plan})
    found = _run(tmp_path)
    a302_lines = sorted(line for r, line in found.get("plans/ohio.md", []) if r == "A302")
    podcast_line = (
        plan.splitlines().index(
            "- Launch a podcast about leadership (Owner: Sam, due 31 May). KPI: 5 episodes."
        )
        + 1
    )
    assert a302_lines == [podcast_line], found.get("plans/ohio.md")


def test_a301_reads_plans_in_other_files_that_link_to_the_strategy(tmp_path):
    serves_one = (
        "---\nstrategy: ../strategy/fy27.md\n---\n# Ohio plan\n\n## Actions\n\n"
        "- Install retrofit kits in weekend windows at 15 food factories (Owner: Jordan, "
        "due 31 March). KPI: 10 kits.\n"
    )
    _write(tmp_path, {"strategy/fy27.md": STRATEGY, "plans/ohio.md": serves_one})
    found = _run(tmp_path)
    a301 = [line for r, line in found.get("strategy/fy27.md", []) if r == "A301"]
    distributor_line = STRATEGY.splitlines().index("## Distributor-led selling in small plants") + 1
    assert a301 == [distributor_line], found.get("strategy/fy27.md")


def test_a_strategy_that_no_plan_links_to_has_no_a301(tmp_path):
    _write(tmp_path, {"strategy/fy27.md": STRATEGY, "plans/other.md": PLAN_BODY})
    assert "A301" not in _rules(_run(tmp_path), "strategy/fy27.md")


def test_only_the_files_passed_are_reported_but_linked_files_are_read(tmp_path):
    (tmp_path / ".git").mkdir()
    _write(
        tmp_path,
        {
            "strategy/fy27.md": STRATEGY + "\nWe will be best-in-class.\n",
            "plans/ohio.md": "---\nstrategy: ../strategy/fy27.md\n---\n" + PLAN_BODY,
        },
    )
    found = _run(tmp_path, "plans/ohio.md")
    assert set(found) <= {"plans/ohio.md"}
    assert not _rules(found, "plans/ohio.md") & {"P201", "P207"}


def test_a_partial_run_still_finds_plans_that_link_to_a_passed_strategy(tmp_path):
    (tmp_path / ".git").mkdir()
    serves_one = (
        "---\nstrategy: ../strategy/fy27.md\n---\n# Ohio plan\n\n## Actions\n\n"
        "- Install retrofit kits in weekend windows at 15 food factories (Owner: Jordan, "
        "due 31 March). KPI: 10 kits.\n"
    )
    _write(tmp_path, {"strategy/fy27.md": STRATEGY, "plans/ohio.md": serves_one})
    full = _run(tmp_path)
    partial = _run(tmp_path, "strategy/fy27.md")
    assert partial == {k: v for k, v in full.items() if k == "strategy/fy27.md"}
    assert "A301" in _rules(partial, "strategy/fy27.md")


def test_links_never_resolve_outside_the_project_root(tmp_path):
    outside = tmp_path / "outside"
    project = tmp_path / "project"
    _write(outside, {"strategy.md": STRATEGY})
    _write(project, {"plan.md": "---\nstrategy: ../outside/strategy.md\n---\n" + PLAN_BODY})
    found = _run(project)
    assert ("P207", 2) in found.get("plan.md", [])


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_symlink_out_of_the_root_is_not_followed_and_a_loop_is_survived(tmp_path):
    outside = tmp_path / "outside"
    project = tmp_path / "project"
    _write(outside, {"strategy.md": STRATEGY})
    _write(project, {"plan.md": "---\nstrategy: linked/strategy.md\n---\n" + PLAN_BODY})
    os.symlink(outside, project / "linked")
    os.symlink(project, project / "loop")
    found = _run(project)
    assert ("P207", 2) in found.get("plan.md", [])


def test_two_plans_naming_each_other_as_strategy_are_p207_not_a_loop(tmp_path):
    a = (
        "---\nstrategy: b.md\n---\n# Plan A\n\nSee [B](b.md).\n\n## Actions\n\n"
        "- Call 10 plants (Owner: Jo, due May).\n"
    )
    b = (
        "---\nstrategy: a.md\n---\n# Plan B\n\nSee [A](a.md).\n\n## Actions\n\n"
        "- Call 5 plants (Owner: Al, due June).\n"
    )
    _write(tmp_path, {"a.md": a, "b.md": b})
    found = _run(tmp_path)
    assert ("P207", 2) in found["a.md"] and ("P207", 2) in found["b.md"]


def test_lint_sources_resolves_links_between_the_given_texts(tmp_path):
    strategy_path = str(tmp_path / "strategy.md")
    plan_path = str(tmp_path / "plan.md")
    # The strategy exists only as given text, not on disk.
    plan = "---\nstrategy: strategy.md\n---\n" + PLAN_BODY
    result = lint_sources([(strategy_path, STRATEGY), (plan_path, plan)], Settings(root=tmp_path))
    assert not {f.rule for f in result.findings if f.path == plan_path} & {"P201", "P207"}


def test_the_linker_index_finds_exactly_the_documents_that_name_a_file(tmp_path):
    import random

    from stratlint.run.project import Pool
    from stratlint.understand.links import mention_keys

    rng = random.Random(3)
    names = [
        "fy27.md",
        "FY27.md",
        "my strategy.md",
        "a(b).md",
        "x.markdown",
        "README.md",
        "strategy-0001.md",
        "é-plan.md",
    ]
    pieces = [
        *names,
        "see ",
        "../",
        "(",
        ")",
        "[link](",
        "%20",
        ".md",
        "fy27",
        "\n",
        "docs/",
        "strategy/",
        "#where",
        "x.mdx",
        "my%20strategy.md",
    ]
    texts = {}
    for i in range(60):
        real = str(tmp_path / f"d{i:02d}.md")
        texts[real] = (real, "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))))
    pool = Pool(texts, tmp_path, partial=False)
    for name in names:
        for folder in ("strategy", "docs"):
            target = str(tmp_path / folder / name)
            keys = mention_keys(target)
            brute = sorted(r for r, (_, t) in texts.items() if any(k in t.lower() for k in keys))
            assert pool.candidates(target) == brute, (name, keys)


def test_stdin_without_a_name_is_linted_and_its_relative_links_do_not_resolve(tmp_path):
    from stratlint.run.engine import lint_files

    plan = "## Plan\n\nSupports the [strategy](strategy.md).\n\n- Sam calls 10 plants by May.\n"
    (tmp_path / "strategy.md").write_text(STRATEGY, encoding="utf-8")
    run = lint_files(["-"], Settings(root=tmp_path), jobs=1, read_stdin=lambda: plan.encode())
    assert {f.path for f in run.result.findings} == {"-"}
    assert ("P207", 3) in [(f.rule, f.line) for f in run.result.findings]


def test_a_templated_link_is_not_known_to_be_broken(tmp_path):
    # §8.11: "{{ site.baseurl }}/strategy.html" is filled in by the site generator; it cannot be
    # resolved with confidence, so it gets no finding.
    link = "Executes the [FY27 strategy]({{ site.baseurl }}/strategy/fy27.html).\n\n"
    _write(tmp_path, {"plans/ohio.md": link + PLAN_BODY})
    assert "P207" not in _rules(_run(tmp_path), "plans/ohio.md")


def test_a_strategy_link_on_a_page_that_is_no_plan_is_not_judged(tmp_path):
    # P207 judges a plan's strategy link (§8.9: a plan its content confirms, not a "Roadmap"
    # heading over prose). A strategy page's table of contents is no plan's link, whatever it
    # resolves to.
    page = (
        "# Digital strategy\n\n"
        "- [Measuring the strategy's success](#measuring-the-strategys-success)\n"
        "- [The old strategy](../archive/strategy-2019.md)\n\n"
        "## Roadmap\n\n"
        "We publish the share of services that meet the standard each year.\n\n"
        "## Measuring the strategy's success\n\n"
        "Departments report how many of their services meet the standard.\n"
    )
    _write(tmp_path, {"strategy/digital.md": page})
    assert "P207" not in _rules(_run(tmp_path), "strategy/digital.md")


COMPONENT_STRATEGY = """\
# Harbourline Survey — how we compete in 2027

## The challenge

Regional ports buy depth surveys as one-off jobs, and the national firms win them on their brand.

## Where we play

Port authorities and river councils of the northern coast: the asset managers with a dredging
budget.

## How we win

We run their berth surveys as a standing programme with the same boat and datum every quarter.

## What we won't do

We will not tender for offshore energy work.

## Contacts

Dana Ruiz, sales lead.
"""


def test_a_link_to_one_component_of_a_strategy_is_judged_on_all_its_components():
    # SPEC §8.3: "The challenge", "Where we play", "How we win" beside each other make one
    # strategy. A plan's link to "#how-we-win" points at that strategy, so whether it is one is
    # read from every strategy-headed section under the same parent, not from the one section.
    from stratlint.read.parse import parse
    from stratlint.understand.analysis import analyse_document
    from stratlint.understand.links import _component_group

    a = analyse_document(parse(COMPONENT_STRATEGY, "strategy.md"))
    index = {s.title: s.index for s in a.doc.sections}
    group = _component_group(a, index["How we win"])
    parts = ("The challenge", "Where we play", "How we win", "What we won't do")
    assert group == {index[t] for t in parts}
    assert _component_group(a, index["Contacts"]) == {index["Contacts"]}
