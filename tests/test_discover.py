"""Discovery: which files a run lints (SPEC §4, §7): Markdown only, .gitignore and exclude honoured,
symlink loops survived, stable order, each file once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stratlint.read.discover import discover, excluded, glob_match


def _tree(base: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        p = base / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def _found(base: Path, *args: str, **kw: object) -> list[str]:
    old = os.getcwd()
    os.chdir(base)
    try:
        return list(discover(list(args) or ["."], **kw))  # type: ignore[arg-type]
    finally:
        os.chdir(old)


def test_directories_are_walked_for_md_and_markdown_in_sorted_order(tmp_path):
    _tree(tmp_path, {"b.md": "", "a.markdown": "", "c.txt": "", "sub/z.MD": "", "sub/a.md": ""})
    assert _found(tmp_path) == ["a.markdown", "b.md", "sub/a.md", "sub/z.MD"]


def test_relative_paths_stay_relative_and_keep_the_directory_given(tmp_path):
    _tree(tmp_path, {"docs/plan.md": ""})
    assert _found(tmp_path, "docs") == ["docs/plan.md"]
    assert _found(tmp_path, "./docs/") == ["docs/plan.md"]
    absolute = str(tmp_path / "docs")
    assert _found(tmp_path, absolute) == [str(tmp_path / "docs" / "plan.md")]


def test_gitignore_patterns_negations_and_nested_files_are_honoured(tmp_path):
    (tmp_path / ".git").mkdir()
    _tree(
        tmp_path,
        {
            ".gitignore": "drafts/\n*.tmp.md\n",
            "keep.md": "",
            "x.tmp.md": "",
            "drafts/d.md": "",
            "docs/.gitignore": "old*.md\n!old-but-kept.md\n",
            "docs/new.md": "",
            "docs/old1.md": "",
            "docs/old-but-kept.md": "",
        },
    )
    assert _found(tmp_path) == ["docs/new.md", "docs/old-but-kept.md", "keep.md"]


def test_gitignore_above_the_walked_directory_applies(tmp_path):
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, {".gitignore": "docs/archive/\n", "docs/a.md": "", "docs/archive/b.md": ""})
    assert _found(tmp_path, "docs") == ["docs/a.md"]
    # Walking from inside the repository, the root .gitignore still applies.
    assert _found(tmp_path / "docs") == ["a.md"]


def test_git_info_exclude_is_honoured(tmp_path):
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("secret.md\n")
    _tree(tmp_path, {"secret.md": "", "open.md": ""})
    assert _found(tmp_path) == ["open.md"]


def test_gitignore_can_be_turned_off(tmp_path):
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, {".gitignore": "*.md\n", "a.md": ""})
    assert _found(tmp_path) == []
    assert _found(tmp_path, gitignore=False) == ["a.md"]


def test_a_file_named_explicitly_is_linted_even_if_gitignored(tmp_path):
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, {".gitignore": "*.md\n", "a.md": ""})
    assert _found(tmp_path, "a.md") == ["a.md"]


def test_exclude_globs_drop_files_prune_directories_and_apply_to_explicit_files(tmp_path):
    _tree(tmp_path, {"a.md": "", "templates/t.md": "", "docs/x.draft.md": "", "docs/y.md": ""})
    found = _found(tmp_path, exclude=("templates", "*.draft.md"), root=tmp_path)
    assert found == ["a.md", "docs/y.md"]
    assert _found(tmp_path, "docs/x.draft.md", exclude=("*.draft.md",)) == []


def test_exclude_matches_paths_relative_to_the_project_root(tmp_path):
    _tree(tmp_path, {"docs/archive/a.md": "", "docs/b.md": ""})
    sub = tmp_path / "docs"
    found = _found(sub, exclude=("docs/archive/*",), root=tmp_path)
    assert found == ["b.md"]


def test_hidden_and_vendored_directories_are_not_walked(tmp_path):
    _tree(tmp_path, {".github/x.md": "", "node_modules/p/readme.md": "", "ok.md": ""})
    assert _found(tmp_path) == ["ok.md"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_symlink_loop_is_survived_and_each_file_found_once(tmp_path):
    _tree(tmp_path, {"docs/a.md": "", "docs/sub/b.md": ""})
    os.symlink("..", tmp_path / "docs" / "sub" / "up")  # docs/sub/up -> docs
    os.symlink("docs", tmp_path / "alias")  # a second name for a directory already walked
    found = _found(tmp_path)
    assert sorted(found) == found
    assert {os.path.basename(f) for f in found} == {"a.md", "b.md"}
    assert len(found) == 2


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_file_given_twice_or_by_two_names_is_linted_once(tmp_path):
    _tree(tmp_path, {"a.md": ""})
    os.symlink("a.md", tmp_path / "b.md")
    assert _found(tmp_path, "a.md", "a.md", "b.md") == ["a.md"]


def test_stdin_and_missing_paths_pass_through_for_the_reader_to_report(tmp_path):
    assert _found(tmp_path, "-", "missing.md") == ["-", "missing.md"]


def test_glob_match_matches_whole_path_tail_or_name():
    assert glob_match("docs/drafts/a.md", "drafts/*")
    assert glob_match("./docs/a.md", "docs/*.md")
    assert glob_match("docs/a.md", "a.md")
    assert not glob_match("docs/a.md", "b.md")
    assert excluded("x/templates", ["templates/"])


def test_an_absolute_exclude_glob_matches_absolute_paths_only_as_a_whole(tmp_path):
    _tree(tmp_path, {"docs/a.md": "", "docs/drafts/b.md": ""})
    assert _found(tmp_path, exclude=(f"{tmp_path.as_posix()}/docs/drafts/*",)) == ["docs/a.md"]
    # A relative glob never matches the folders above the project.
    assert _found(tmp_path / "docs", exclude=("tmp/*",)) == ["a.md", "drafts/b.md"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_the_real_path_reported_for_each_file_is_its_realpath(tmp_path):
    _tree(tmp_path, {"docs/a.md": "", "other/b.md": ""})
    os.symlink(tmp_path / "other", tmp_path / "docs" / "via")
    os.symlink(tmp_path / "other" / "b.md", tmp_path / "docs" / "c.md")
    resolved: dict[str, str] = {}
    found = list(discover([str(tmp_path / "docs")], resolved=resolved))
    assert found and set(resolved) == set(found)
    assert all(resolved[f] == os.path.realpath(f) for f in found)
