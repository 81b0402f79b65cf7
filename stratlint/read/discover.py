"""Which files to lint: paths as given, directories walked for Markdown.

- Directories are walked for `*.md` and `*.markdown` (any case), in a stable sorted order.
- `.gitignore` files are honoured with git's own semantics (pathspec's `GitIgnoreSpec`): those of
  the directories above a walked directory up to the repository root, `.git/info/exclude`, and
  every `.gitignore` met on the way down; a deeper file overrides a shallower one, `!` re-includes.
- `exclude` globs (configuration) drop files and prune whole directories; they also apply to files
  named explicitly, so a pre-commit hook that passes staged files honours them too. `.gitignore`
  does not apply to a file named explicitly: naming it is asking for it.
- Hidden directories (`.git`, `.venv`…) and `node_modules`/`__pycache__` are never walked.
- Symlinked directories are followed once: a symlink loop, or two links to one directory, is
  walked once. A file reached by two paths is linted once, under the first path.
- Walks never leave the project: a symbolic link met during a walk (to a file or a directory) is
  followed only when it resolves inside the project root, or inside the directory the user
  named; a link elsewhere is skipped. Named pipes, sockets and devices (and links to them) are
  skipped too. A path the user names is passed on wherever it points: the user asked for it
  (reading it then refuses anything but a regular file, see `files`).
- A folder that cannot be listed is reported, not silently left out.

Paths keep the form the user gave (relative stays relative), so findings show `docs/plan.md`.
`find` says for each path how it was found, and what was skipped and why; `discover` lists only
the files. `inside_project` is the containment rule on its own, for callers that walk or open
files of a project themselves (the editor server).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING

from stratlint.read.files import ReadError, file_kind, inside, read_bytes
from stratlint.read.pathnames import display

if TYPE_CHECKING:
    import pathspec

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIP_DIRS = frozenset({"node_modules", "__pycache__"})


def is_markdown(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def glob_match(path: str, pattern: str) -> bool:
    """A configuration glob against a path: the whole path, any tail of it, or the file name."""
    p = path.replace(os.sep, "/")
    while p.startswith("./"):
        p = p[2:]
    pattern = pattern.rstrip("/")
    return (
        fnmatch(p, pattern) or fnmatch(p, f"*/{pattern}") or fnmatch(p.rsplit("/", 1)[-1], pattern)
    )


def excluded(path: str, patterns: Sequence[str], root: Path | None = None) -> bool:
    """Whether `path` matches an exclude glob: as given or relative to the project root (whole,
    any tail, or the name), or, for an absolute glob, as an absolute path."""
    if not patterns:
        return False
    forms = [path]
    if root is not None:
        try:
            rel = os.path.relpath(os.path.abspath(path), root)
        except ValueError:  # another drive on Windows
            rel = ""
        if rel and not rel.startswith(".."):
            forms.append(rel)
    if any(glob_match(f, g) for f in forms for g in patterns):
        return True
    absolute = os.path.abspath(path).replace(os.sep, "/")
    return any(g.startswith("/") and fnmatch(absolute, g.rstrip("/")) for g in patterns)


class _Ignores:
    """The gitignore rules in force in one directory: (base directory, spec), shallow to deep."""

    def __init__(self, layers: tuple[tuple[str, pathspec.GitIgnoreSpec], ...] = ()) -> None:
        self.layers = layers

    def child(self, directory: str) -> _Ignores:
        spec = _read_spec(os.path.join(directory, ".gitignore"))
        if spec is None:
            return self
        return _Ignores((*self.layers, (os.path.abspath(directory), spec)))

    def ignored(self, path: str, is_dir: bool) -> bool:
        verdict: bool | None = None
        path = os.path.abspath(path)
        for base, spec in self.layers:
            rel = os.path.relpath(path, base).replace(os.sep, "/")
            if rel.startswith("../"):
                continue
            res = spec.check_file(rel + "/" if is_dir else rel)
            if res.include is not None:
                verdict = res.include
        return bool(verdict)


MAX_WILDCARDS = 8  # per .gitignore pattern; more is skipped (see _read_spec)


def _read_spec(path: str) -> pathspec.GitIgnoreSpec | None:
    if not os.path.lexists(path):
        return None
    try:  # a regular file only: a named pipe called .gitignore must not stop the walk
        lines = read_bytes(path).decode("utf-8", "replace").splitlines()
    except ReadError:
        return None
    import pathspec  # only where there is a .gitignore: a tenth of a cached run's start-up

    # pathspec turns a pattern into a backtracking regex: one with many wildcards ("*a*a*a…*b")
    # can take minutes on a long name. Such patterns are left out; real .gitignore files
    # do not need them.
    lines = [ln for ln in lines if ln.count("*") + ln.count("?") <= MAX_WILDCARDS]
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except Exception:  # a malformed pattern must not stop the run; git would skip it too
        return pathspec.GitIgnoreSpec.from_lines([ln for ln in lines if _valid_pattern(ln)])


def _valid_pattern(line: str) -> bool:
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except Exception:
        return False
    return True


def git_root(start: Path) -> Path | None:
    for d in [start, *start.parents]:
        if (d / ".git").exists():
            return d
    return None


def _ignores_above(directory: str, root: Path | None) -> _Ignores:
    """Rules from `.git/info/exclude` and the `.gitignore` files above `directory` (not its own)."""
    absdir = Path(os.path.abspath(directory))
    base = git_root(absdir)
    if base is None and root is not None and (absdir == root or root in absdir.parents):
        base = root
    if base is None:
        return _Ignores()
    layers: list[tuple[str, pathspec.GitIgnoreSpec]] = []
    info = _read_spec(str(base / ".git" / "info" / "exclude"))
    if info is not None:
        layers.append((str(base), info))
    chain = [base, *reversed([p for p in absdir.parents if base in p.parents])]
    for d in chain:
        if d == absdir:
            break
        spec = _read_spec(str(d / ".gitignore"))
        if spec is not None:
            layers.append((str(d), spec))
    return _Ignores(tuple(layers))


@dataclass(frozen=True)
class Found:
    """One path met by discovery: a file to read, or what was left out and why.

    `within`: for a file found by a walk, the resolved folders it may resolve into (read it with
    `files.read_text(path, within)`); empty for a path the user named. `skipped`: why a path met
    in a walk was left out (a link out of the project, a named pipe…). `error`: a folder that
    could not be listed."""

    path: str
    real: str = ""
    within: tuple[str, ...] = ()
    skipped: str = ""
    error: str = ""


def inside_project(path: str, root: Path | str) -> bool:
    """Whether `path`, every symbolic link resolved, is the project root or under it.

    The rule a walk applies to each link it meets; a caller that walks or opens the project's
    files on its own (the editor server) applies it the same way."""
    return inside(_identity(path), [_identity(os.fspath(root))])


def walk(
    directory: str, exclude: Sequence[str] = (), root: Path | None = None, gitignore: bool = True
) -> Iterator[str]:
    """Markdown files under `directory`, sorted, honouring .gitignore and exclude globs."""
    for found in _walk_real(directory, exclude, root, gitignore):
        if not (found.skipped or found.error):
            yield found.path


def _walk_real(
    directory: str, exclude: Sequence[str], root: Path | None, gitignore: bool
) -> Iterator[Found]:
    ignores = _ignores_above(directory, root) if gitignore else _Ignores()
    visited: set[tuple[int, int]] = set()
    # Links met below may resolve into the project root or into the folder the user named (itself
    # perhaps a link elsewhere: naming it is asking for it). Without a root, nothing is checked.
    within = (
        ()
        if root is None
        else tuple(dict.fromkeys((_identity(os.fspath(root)), _identity(directory))))
    )
    yield from _walk(directory, ignores, exclude, root, gitignore, visited, within)


def _walk(
    directory: str,
    ignores: _Ignores,
    exclude: Sequence[str],
    root: Path | None,
    gitignore: bool,
    visited: set[tuple[int, int]],
    within: tuple[str, ...],
) -> Iterator[Found]:
    """Each Markdown file under `directory` (with its real path), and each path left out."""
    try:
        st = os.stat(directory)
    except OSError as exc:
        yield Found(directory, error=_unlistable(exc))
        return
    key = (st.st_dev, st.st_ino)
    if key in visited:  # a symlink loop, or a second link to a directory already walked
        return
    visited.add(key)
    if gitignore:
        ignores = ignores.child(directory)
    entries = _listing(directory)
    if isinstance(entries, OSError):
        yield Found(directory, error=_unlistable(entries))
        return
    real_dir = ""
    for entry in entries:
        path = os.path.normpath(os.path.join(directory, entry.name))
        try:
            is_dir = entry.is_dir()  # follows symlinks
        except OSError:
            continue
        if is_dir:
            if entry.name.startswith(".") or entry.name in SKIP_DIRS:
                continue
            if gitignore and ignores.ignored(path, True):
                continue
            if excluded(path, exclude, root):
                continue
            if within and entry.is_symlink() and not inside(_identity(path), within):
                yield Found(path, skipped=_outside(path))
                continue
            yield from _walk(path, ignores, exclude, root, gitignore, visited, within)
        elif is_markdown(entry.name):
            if gitignore and ignores.ignored(path, False):
                continue
            if excluded(path, exclude, root):
                continue
            if entry.is_symlink():
                yield _linked_file(path, within)
            elif not entry.is_file(follow_symlinks=False):
                try:
                    kind = file_kind(entry.stat(follow_symlinks=False).st_mode)
                except OSError:
                    continue
                yield Found(path, skipped=f"{kind}, not a regular file")
            else:  # the folder's real path once, not every file's: a third of a cached run
                real_dir = real_dir or _identity(directory)
                yield Found(path, os.path.join(real_dir, entry.name), within)


def _listing(directory: str) -> list[os.DirEntry[str]] | OSError:
    """The directory's entries by name, or the error that stopped listing it."""
    try:
        with os.scandir(directory) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        return exc


def _linked_file(path: str, within: tuple[str, ...]) -> Found:
    """A Markdown name that is a symbolic link: the file it leads to, or why it is left out."""
    real = _identity(path)
    if within and not inside(real, within):
        return Found(path, skipped=_outside(path))
    try:
        mode = os.stat(path).st_mode
    except OSError:  # broken, or a loop: reading it says which
        mode = stat.S_IFREG
    if not stat.S_ISREG(mode):
        return Found(path, skipped=f"a symbolic link to {file_kind(mode)}, not a regular file")
    return Found(path, real, within)


def _outside(path: str) -> str:
    try:
        target = display(os.readlink(path))
    except OSError:
        target = "?"
    return f"a symbolic link to a place outside the project ({target}); walks do not follow it"


def _unlistable(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "folder was removed while stratlint ran; its files were not linted"
    if isinstance(exc, PermissionError):
        return "folder cannot be listed (permission denied); its files were not linted"
    return f"folder cannot be listed ({exc.strerror or exc}); its files were not linted"


def find(
    paths: Sequence[str],
    exclude: Sequence[str] = (),
    root: Path | None = None,
    gitignore: bool = True,
) -> Iterator[Found]:
    """Everything discovery meets, in a stable order: files as given, directories walked for
    Markdown (files to read, and what was skipped or could not be listed), each file once.

    `-` (stdin) passes through. A path that does not exist passes through too, so reading it
    reports the problem by name. With a `root`, walks stay inside it (see the module doc)."""
    seen: set[str] = set()
    for p in paths:
        if p == "-":
            yield Found(p)
            continue
        found: Iterator[Found]
        if os.path.isdir(p):
            found = _walk_real(p, exclude, root, gitignore)
        else:
            found = iter(() if excluded(p, exclude, root) else (Found(p, _identity(p)),))
        for f in found:
            if f.skipped or f.error:
                yield f
                continue
            if f.real in seen:
                continue
            seen.add(f.real)
            yield f


def discover(
    paths: Sequence[str],
    exclude: Sequence[str] = (),
    root: Path | None = None,
    gitignore: bool = True,
    resolved: dict[str, str] | None = None,
) -> Iterator[str]:
    """Files to lint, in a stable order: files as given, directories walked for Markdown.

    `-` (stdin) passes through. A path that does not exist passes through too, so reading it
    reports the problem by name. `resolved`, if given, receives each file's real path. What
    `find` skips is left out silently here.
    """
    for f in find(paths, exclude, root, gitignore):
        if f.skipped or f.error:
            continue
        if resolved is not None and f.path != "-":
            resolved[f.path] = f.real
        yield f.path


def _identity(path: str) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return path
