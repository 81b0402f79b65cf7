"""Files as they really are on disk, through the real command (issue 16, docs/limits.md).

Named pipes, sockets and devices never block a run; walks never follow a link out of the
project; a file name that is not UTF-8 survives every output format and can be pasted back into
a shell; files that vanish or cannot be read mid-run are reported by name. Every run has a time
bound, so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import CROSS_FILE_STRATEGY, ROOT

from stratlint.read.pathnames import display, parse_display

# Each document's strategy link is broken: P207 at line 2, found by link resolution alone, so a
# finding proves the file was read whatever the classifier makes of its prose.
SEED = "---\nstrategy: nowhere.md\n---\n# Notes\n\nWe sell to dentists in Ohio.\n"
SECRET = "---\nstrategy: zebra-fund.md\n---\n# Keys\n\nThe zebra-fund key.\n"  # quoted if read
STRATEGY = "---\ntype: strategy\n---\n" + CROSS_FILE_STRATEGY
BOUND = 120  # seconds for one run: a blocked read shows as a timeout, never as a hung suite
LATIN1_NAME = b"pl\xe4n.md"  # "plän.md" in Latin-1: not UTF-8

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
needs_unix_socket = pytest.mark.skipif(
    not hasattr(socket, "AF_UNIX"), reason="needs Unix domain sockets"
)


def _run(
    *args: str | bytes, cwd: Path, sitecustomize: str = "", timeout: float = BOUND
) -> subprocess.CompletedProcess[bytes]:
    """The real `stratlint` on raw bytes (a name that is not UTF-8 must go in and out intact);
    `sitecustomize`: code run at start-up, to make a race happen on cue."""
    exe = Path(sys.executable).with_name("stratlint")
    cmd: list[str | bytes] = [str(exe)] if exe.exists() else [sys.executable, "-m", "stratlint.cli"]
    env = dict(os.environ, NO_COLOR="1")
    if sitecustomize:
        hook = cwd.parent / f"{cwd.name}-hook"
        hook.mkdir(exist_ok=True)
        (hook / "sitecustomize.py").write_text(sitecustomize, encoding="utf-8")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(hook), env.get("PYTHONPATH")) if p)
    return subprocess.run([*cmd, *args], capture_output=True, cwd=cwd, timeout=timeout, env=env)


def _json(r: subprocess.CompletedProcess[bytes]) -> dict[str, Any]:
    err = r.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "internal error" not in err, err[-3000:]
    try:
        data: dict[str, Any] = json.loads(r.stdout.decode("utf-8"))  # strict: valid UTF-8
    except ValueError:
        raise AssertionError(
            f"not JSON (exit {r.returncode}):\n{r.stdout[-2000:]!r}\n{err[-2000:]}"
        ) from None
    return data


def _rules_by_file(data: dict[str, Any]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in data["findings"]:
        out.setdefault(f["path"], set()).add(f["rule"])
    return out


def _errors(data: dict[str, Any]) -> dict[str, str]:
    return {e["path"]: e["message"] for e in data["errors"]}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project (a git root) with one ordinary document, and a folder outside it."""
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "ok.md").write_text(SEED, encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "creds.md").write_text(SECRET, encoding="utf-8")
    return root


# -- only regular files are read -------------------------------------------------------------


@needs_fifo
def test_a_named_pipe_in_a_walk_is_skipped_and_the_run_finishes(project: Path) -> None:
    os.mkfifo(project / "docs" / "notes.md")
    r = _run("--format", "json", "--no-cache", "--verbose", "docs", cwd=project)
    data = _json(r)
    assert r.returncode == 1, r.stderr  # ok.md's findings; the pipe is no error in a walk
    assert _rules_by_file(data) == {"docs/ok.md": _rules_by_file(data)["docs/ok.md"]}
    assert "P207" in _rules_by_file(data)["docs/ok.md"]
    assert not data["errors"]
    assert b"skipped docs/notes.md: a named pipe" in r.stderr


@needs_fifo
def test_a_named_pipe_given_by_name_is_an_input_error_and_the_others_are_linted(
    project: Path,
) -> None:
    os.mkfifo(project / "docs" / "notes.md")
    r = _run("--format", "json", "--no-cache", "docs/notes.md", "docs/ok.md", cwd=project)
    data = _json(r)
    assert r.returncode == 2
    assert "not a regular file (a named pipe)" in _errors(data)["docs/notes.md"]
    assert "P207" in _rules_by_file(data)["docs/ok.md"]
    assert b"stratlint: docs/notes.md: not a regular file" in r.stderr
    # The text format says the same at the end of its report.
    r = _run("--no-cache", "docs/notes.md", cwd=project)
    assert r.returncode == 2
    assert b"docs/notes.md: error: not a regular file (a named pipe)" in r.stdout


@needs_unix_socket
def test_a_socket_is_skipped_in_a_walk_and_an_error_when_named(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project / "docs")  # a relative name: socket paths are short
    with socket.socket(socket.AF_UNIX) as s:
        s.bind("sock.md")
    monkeypatch.chdir(project)
    r = _run("--format", "json", "--no-cache", "--verbose", "docs", cwd=project)
    data = _json(r)
    assert set(_rules_by_file(data)) == {"docs/ok.md"} and not data["errors"]
    assert b"skipped docs/sock.md: a socket, not a regular file" in r.stderr
    r = _run("--format", "json", "--no-cache", "docs/sock.md", "docs/ok.md", cwd=project)
    data = _json(r)
    assert r.returncode == 2
    assert "not a regular file (a socket)" in _errors(data)["docs/sock.md"]
    assert "P207" in _rules_by_file(data)["docs/ok.md"]


@needs_symlinks
@pytest.mark.skipif(
    not all(
        os.path.exists(d) and stat.S_ISCHR(os.stat(d).st_mode) for d in ("/dev/null", "/dev/zero")
    ),
    reason="needs /dev/null and /dev/zero as character devices",
)
def test_a_symlink_to_a_device_is_skipped_in_a_walk_and_an_error_when_named(project: Path) -> None:
    os.symlink("/dev/null", project / "docs" / "null.md")
    os.symlink("/dev/zero", project / "docs" / "zero.md")  # a read would never end
    r = _run("--format", "json", "--no-cache", "--verbose", "docs", cwd=project)
    data = _json(r)
    assert set(_rules_by_file(data)) == {"docs/ok.md"} and not data["errors"]
    assert b"skipped docs/null.md" in r.stderr and b"skipped docs/zero.md" in r.stderr
    r = _run("--format", "json", "--no-cache", "docs/zero.md", "docs/ok.md", cwd=project)
    data = _json(r)
    assert r.returncode == 2
    assert "not a regular file (a character device)" in _errors(data)["docs/zero.md"]
    assert "P207" in _rules_by_file(data)["docs/ok.md"]


@needs_symlinks
@needs_fifo
def test_a_symlink_inside_the_project_to_a_named_pipe_is_skipped_in_a_walk(project: Path) -> None:
    (project / "pipes").mkdir()
    os.mkfifo(project / "pipes" / "feed")
    os.symlink("../pipes/feed", project / "docs" / "feed.md")
    r = _run("--format", "json", "--no-cache", "--verbose", "docs", cwd=project)
    data = _json(r)
    assert set(_rules_by_file(data)) == {"docs/ok.md"} and not data["errors"]
    assert b"skipped docs/feed.md: a symbolic link to a named pipe" in r.stderr


def test_a_device_file_inside_the_project_is_skipped_in_a_walk(project: Path) -> None:
    try:
        os.mknod(project / "docs" / "dev.md", 0o600 | stat.S_IFCHR, os.makedev(1, 5))
    except (AttributeError, OSError) as exc:
        pytest.skip(f"cannot create a device file here ({exc}): needs root on Linux")
    r = _run("--format", "json", "--no-cache", "--verbose", "docs", cwd=project)
    data = _json(r)
    assert set(_rules_by_file(data)) == {"docs/ok.md"} and not data["errors"]
    assert b"skipped docs/dev.md: a character device, not a regular file" in r.stderr


# -- walks never leave the project -----------------------------------------------------------


@needs_symlinks
def test_links_inside_the_project_are_followed_in_a_walk(project: Path) -> None:
    (project / "shared").mkdir()
    (project / "shared" / "pillars.md").write_text(SEED, encoding="utf-8")
    os.symlink("../shared/pillars.md", project / "docs" / "pillars.md")
    (project / "more").mkdir()
    (project / "more" / "extra.md").write_text(SEED, encoding="utf-8")
    os.symlink(project / "more", project / "docs" / "more")  # an absolute link, still inside
    r = _run("--format", "json", "--no-cache", "--verbose", "docs", cwd=project)
    data = _json(r)
    assert set(_rules_by_file(data)) == {"docs/ok.md", "docs/pillars.md", "docs/more/extra.md"}
    assert b"skipped" not in r.stderr


@needs_symlinks
def test_links_out_of_the_project_are_skipped_in_a_walk_and_verbose_says_why(project: Path) -> None:
    outside = project.parent / "elsewhere"
    os.symlink(outside / "creds.md", project / "docs" / "notes.md")
    os.symlink(outside, project / "docs" / "vault")
    os.symlink("../../elsewhere/creds.md", project / "docs" / "relative.md")
    for fmt in ("json", "text", "sarif", "github", "gitlab"):
        r = _run("--format", fmt, "--no-cache", "docs", cwd=project)
        assert r.returncode == 1, (fmt, r.stderr)
        assert b"zebra-fund" not in r.stdout + r.stderr, fmt  # not one line of it is quoted
        assert b"creds" not in r.stdout, fmt
    r = _run("--format", "json", "--no-cache", "--verbose", ".", cwd=project)
    data = _json(r)
    assert set(_rules_by_file(data)) == {"docs/ok.md"} and not data["errors"]
    for name in (b"docs/notes.md", b"docs/vault", b"docs/relative.md"):
        assert (
            b"skipped " + name + b": a symbolic link to a place outside the project" in r.stderr
        ), r.stderr


@needs_symlinks
def test_a_link_out_of_the_project_named_by_the_user_is_read(project: Path) -> None:
    outside = project.parent / "elsewhere"
    os.symlink(outside / "creds.md", project / "docs" / "notes.md")
    os.symlink(outside, project / "vault")
    (outside / "keys.md").write_text(SEED, encoding="utf-8")
    r = _run("--format", "json", "--no-cache", "docs/notes.md", "vault", cwd=project)
    data = _json(r)
    assert "P207" in _rules_by_file(data)["docs/notes.md"]  # the user asked for it
    assert "P207" in _rules_by_file(data)["vault/keys.md"]  # a folder named is walked
    assert "vault/creds.md" not in _rules_by_file(data)  # ... and creds.md linted once
    assert not data["errors"]


@needs_symlinks
def test_a_walk_of_a_folder_outside_the_project_stays_inside_that_folder(project: Path) -> None:
    outside = project.parent / "elsewhere"
    (outside / "sub").mkdir()
    (outside / "sub" / "inner.md").write_text(SEED, encoding="utf-8")
    os.symlink("../creds.md", outside / "sub" / "up.md")  # inside the folder named: followed
    os.symlink(project / "docs" / "ok.md", outside / "sub" / "back.md")  # into the project
    third = project.parent / "third"
    third.mkdir()
    (third / "other.md").write_text(SECRET, encoding="utf-8")
    os.symlink(third / "other.md", outside / "sub" / "away.md")  # neither: skipped
    r = _run("--format", "json", "--no-cache", "--verbose", str(outside / "sub"), cwd=project)
    data = _json(r)
    names = {os.path.basename(p) for p in _rules_by_file(data)}
    assert names == {"inner.md", "back.md"}, names
    assert b"away.md: a symbolic link to a place outside the project" in r.stderr
    assert b"up.md" in r.stderr  # ../creds.md is above the folder named: outside it


@needs_symlinks
def test_a_cache_folder_that_links_out_of_the_project_is_not_written(project: Path) -> None:
    away = project.parent / "away-cache"
    away.mkdir()
    os.symlink(away, project / ".stratlint_cache")
    env_cache = {k: v for k, v in os.environ.items() if k == "STRATLINT_CACHE_DIR"}
    if env_cache:
        pytest.skip("STRATLINT_CACHE_DIR is set: the default cache folder is not used")
    r = _run("--format", "json", "docs", cwd=project)
    assert "P207" in _rules_by_file(_json(r))["docs/ok.md"]
    assert not list(away.iterdir())


@needs_symlinks
@needs_fifo
def test_many_files_with_jobs_keep_to_the_same_rules(project: Path) -> None:
    docs = project / "docs"
    for i in range(140):  # enough for worker processes (engine.effective_jobs)
        (docs / f"p{i:03}.md").write_text(SEED, encoding="utf-8")
    os.mkfifo(docs / "pipe.md")
    os.symlink(project.parent / "elsewhere" / "creds.md", docs / "notes.md")
    r = _run(
        "--format",
        "json",
        "--no-cache",
        "--jobs",
        "2",
        "--verbose",
        "docs",
        cwd=project,
        timeout=300,
    )
    data = _json(r)
    assert data["summary"]["files"] == 141 and not data["errors"]
    assert b"zebra-fund" not in r.stdout
    assert b"skipped docs/pipe.md" in r.stderr and b"skipped docs/notes.md" in r.stderr


# -- every file name survives every output ---------------------------------------------------


def _latin1_project(project: Path, text: str) -> bytes:
    """The project with a document whose name is Latin-1 bytes; its path, relative, as bytes."""
    try:
        with open(os.fsencode(project / "docs") + b"/" + LATIN1_NAME, "wb") as fh:
            fh.write(text.encode())
    except (OSError, UnicodeError) as exc:  # macOS (APFS), Windows: names must be Unicode
        pytest.skip(f"this file system refuses a name that is not UTF-8 ({exc})")
    return b"docs/" + LATIN1_NAME


@pytest.fixture
def latin1(project: Path) -> bytes:
    return _latin1_project(project, SEED)


def test_a_latin1_file_name_is_linted_and_json_names_it_reversibly(
    project: Path, latin1: bytes
) -> None:
    for args in ((b"docs",), (latin1,)):  # found by a walk, and named
        r = _run("--format", "json", "--no-cache", *args, cwd=project)
        data = _json(r)
        assert not data["errors"], data["errors"]
        shown = "$'docs/pl\\xe4n.md'"
        assert "P207" in _rules_by_file(data)[shown]
        assert os.fsencode(parse_display(shown)) == latin1  # the bytes, back from the name
    # Cached, the same report.
    cache = project.parent / "cache"
    first = _run("--format", "json", "--cache-dir", str(cache), "docs", cwd=project)
    again = _run("--format", "json", "--cache-dir", str(cache), "docs", cwd=project)
    assert _json(first) == _json(again)


def test_a_latin1_file_name_survives_text_github_and_gitlab(project: Path, latin1: bytes) -> None:
    r = _run("--no-cache", "docs", cwd=project)
    text = r.stdout.decode("utf-8")  # strict: valid UTF-8
    assert r.returncode == 1
    assert "$'docs/pl\\xe4n.md':2:1: P207" in text, text
    r = _run("--format", "github", "--no-cache", "docs", cwd=project)
    lines = r.stdout.decode("utf-8").splitlines()
    assert any(ln.startswith("::error file=$'docs/pl\\xe4n.md',line=2,") for ln in lines), lines
    r = _run("--format", "gitlab", "--no-cache", "docs", cwd=project)
    issues = json.loads(r.stdout.decode("utf-8"))
    assert "$'docs/pl\\xe4n.md'" in {i["location"]["path"] for i in issues}


def test_a_latin1_file_name_is_a_percent_encoded_uri_in_valid_sarif(
    project: Path, latin1: bytes
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip(f"SARIF schema not found at {schema_path}")
    r = _run("--format", "sarif", "--no-cache", "docs", cwd=project)
    sarif = json.loads(r.stdout.decode("utf-8"))
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    if "Root" in schema.get("definitions", {}) and "properties" not in schema:
        schema = {**schema, "allOf": [{"$ref": "#/definitions/Root"}]}
    cls = jsonschema.validators.validator_for(schema)
    errors = list(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(sarif))
    assert not errors, [e.message for e in errors[:5]]
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for res in sarif["runs"][0]["results"]
        for loc in res["locations"]
    }
    assert uris == {"docs/ok.md", "docs/pl%E4n.md"}


def test_a_latin1_error_is_named_reversibly_on_stderr_and_in_json(project: Path) -> None:
    _latin1_project(project, "")
    os.rename(
        os.fsencode(project / "docs") + b"/" + LATIN1_NAME,
        os.fsencode(project / "docs") + b"/bin\xe4r.md",
    )
    with open(os.fsencode(project / "docs") + b"/bin\xe4r.md", "wb") as fh:
        fh.write(b"\x00\x01binary")
    r = _run("--format", "json", "--no-cache", "docs", cwd=project)
    data = _json(r)
    assert r.returncode == 2
    assert "binary file" in _errors(data)["$'docs/bin\\xe4r.md'"]
    assert "stratlint: $'docs/bin\\xe4r.md': binary file" in r.stderr.decode("utf-8")


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash to paste the name into")
def test_the_name_shown_can_be_pasted_back_into_the_shell(project: Path, latin1: bytes) -> None:
    r = _run("--format", "json", "--no-cache", "docs", cwd=project)
    shown = next(p for p in _rules_by_file(_json(r)) if p != "docs/ok.md")
    exe = Path(sys.executable).with_name("stratlint")
    if not exe.exists():
        pytest.skip("needs the installed stratlint command")
    again = subprocess.run(
        ["bash", "-c", f"{exe} --format json --no-cache {shown}"],
        capture_output=True,
        cwd=project,
        timeout=BOUND,
    )
    data = _json(again)
    assert set(_rules_by_file(data)) == {shown} and not data["errors"]


def test_control_characters_in_a_name_cannot_break_a_report_line(project: Path) -> None:
    try:
        (project / "docs" / "evil\n\x1b[2J.md").write_text(SEED, encoding="utf-8")
    except OSError as exc:
        pytest.skip(f"this file system refuses control characters in names ({exc})")
    r = _run("--no-cache", "-q", "docs", cwd=project)
    text = r.stdout.decode("utf-8")
    assert "\x1b" not in text
    assert "$'docs/evil\\x0a\\x1b[2J.md':2:1: P207" in text, text
    r = _run("--format", "github", "--no-cache", "docs", cwd=project)
    assert all(ln.startswith("::") for ln in r.stdout.decode("utf-8").splitlines())
    data = _json(_run("--format", "json", "--no-cache", "docs", cwd=project))
    shown = next(p for p in _rules_by_file(data) if p != "docs/ok.md")
    assert parse_display(shown) == "docs/evil\n\x1b[2J.md"


@pytest.mark.parametrize(
    "name",
    [
        "docs/plan.md",
        "docs/café.md",
        "docs\\plan.md",
        "it's.md",
        "$'odd'.md",
        "$'",
        "a\tb.md",
        "caf" + os.fsdecode(b"\xe9") + ".md",
        os.fsdecode(b"\xff\xfe\\x41.md"),
        "\u202egnp.md",
        "\U000e0041.md",
        "\x85.md",
    ],
)
def test_the_display_form_is_reversible(name: str) -> None:
    shown = display(name)
    assert parse_display(shown) == name
    shown.encode("utf-8")  # always writable
    if name.isprintable() and not name.startswith("$'"):
        assert shown == name  # a printable name is shown as it is


def test_a_latin1_named_strategy_is_linted(project: Path) -> None:
    _latin1_project(project, STRATEGY)
    data = _json(_run("--format", "json", "--no-cache", "docs", cwd=project))
    assert not data["errors"], data["errors"]


# -- files that change under the run ---------------------------------------------------------

_DELETE_AFTER_DISCOVERY = """
import os
import stratlint.read.discover as d

_find = d.find

def find(*args, **kwargs):
    for found in _find(*args, **kwargs):
        if found.path.endswith("gone.md"):
            os.unlink(found.path)  # found by the walk, gone before it is read
        yield found

d.find = find
"""


def test_a_file_deleted_between_discovery_and_reading_is_an_input_error(project: Path) -> None:
    (project / "docs" / "gone.md").write_text(SEED, encoding="utf-8")
    r = _run(
        "--format", "json", "--no-cache", "docs", cwd=project, sitecustomize=_DELETE_AFTER_DISCOVERY
    )
    data = _json(r)
    assert r.returncode == 2
    assert "no such file" in _errors(data)["docs/gone.md"]
    assert "P207" in _rules_by_file(data)["docs/ok.md"]
    assert not (project / "docs" / "gone.md").exists()  # the hook really ran


_UNREADABLE = """
import os

_open = os.open

def guarded_open(path, *args, **kwargs):
    if os.fspath(path).endswith("locked.md"):
        raise PermissionError(13, "Permission denied", path)
    return _open(path, *args, **kwargs)

os.open = guarded_open
"""


def test_a_file_that_cannot_be_read_is_an_input_error(project: Path) -> None:
    (project / "docs" / "locked.md").write_text(SEED, encoding="utf-8")
    r = _run("--format", "json", "--no-cache", "docs", cwd=project, sitecustomize=_UNREADABLE)
    data = _json(r)
    assert r.returncode == 2
    assert _errors(data)["docs/locked.md"] == "permission denied"
    assert "P207" in _rules_by_file(data)["docs/ok.md"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="needs a user that file permissions apply to (not root)",
)
def test_a_file_and_a_folder_without_permissions_are_input_errors(project: Path) -> None:
    (project / "docs" / "locked.md").write_text(SEED, encoding="utf-8")
    (project / "docs" / "locked.md").chmod(0)
    (project / "docs" / "closed").mkdir()
    (project / "docs" / "closed" / "x.md").write_text(SEED, encoding="utf-8")
    (project / "docs" / "closed").chmod(0)
    try:
        data = _json(r := _run("--format", "json", "--no-cache", "docs", cwd=project))
    finally:
        (project / "docs" / "closed").chmod(0o755)
    assert r.returncode == 2
    assert _errors(data)["docs/locked.md"] == "permission denied"
    assert "cannot be listed (permission denied)" in _errors(data)["docs/closed"]
    assert "P207" in _rules_by_file(data)["docs/ok.md"]


_UNLISTABLE = """
import os

_scandir = os.scandir

def guarded_scandir(path="."):
    if os.fspath(path).endswith("closed"):
        raise PermissionError(13, "Permission denied", path)
    if os.fspath(path).endswith("vanished"):
        raise FileNotFoundError(2, "No such file or directory", path)
    return _scandir(path)

os.scandir = guarded_scandir
"""


def test_a_folder_that_cannot_be_listed_is_an_input_error(project: Path) -> None:
    for name in ("closed", "vanished"):
        (project / "docs" / name).mkdir()
        (project / "docs" / name / "x.md").write_text(SEED, encoding="utf-8")
    r = _run("--format", "json", "--no-cache", "docs", cwd=project, sitecustomize=_UNLISTABLE)
    data = _json(r)
    assert r.returncode == 2
    errors = _errors(data)
    assert "cannot be listed (permission denied)" in errors["docs/closed"]
    assert "removed while stratlint ran" in errors["docs/vanished"]
    assert set(_rules_by_file(data)) == {"docs/ok.md"}
    assert b"stratlint: docs/closed: folder cannot be listed" in r.stderr
