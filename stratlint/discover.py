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

Paths keep the form the user gave (relative stays relative), so findings show `docs/plan.md`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING

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
    return fnmatch(p, pattern) or fnmatch(p, f"*/{pattern}") or fnmatch(p.rsplit("/", 1)[-1],
                                                                          pattern)


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
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    import pathspec  # only where there is a .gitignore: a tenth of a cached run's start-up

    # pathspec turns a pattern into a backtracking regex: one with many wildcards ("*a*a*a…*b")
    # can take minutes on a long name. Such patterns are left out; real .gitignore files
    # do not need them.
    lines = [ln for ln in lines if ln.count("*") + ln.count("?") <= MAX_WILDCARDS]
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except Exception:  # a malformed pattern must not stop the run; git would skip it too
        return pathspec.GitIgnoreSpec.from_lines(
            [ln for ln in lines if _valid_pattern(ln)])


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


def walk(directory: str, exclude: Sequence[str] = (), root: Path | None = None,
         gitignore: bool = True) -> Iterator[str]:
    """Markdown files under `directory`, sorted, honouring .gitignore and exclude globs."""
    for path, _ in _walk_real(directory, exclude, root, gitignore):
        yield path


def _walk_real(directory: str, exclude: Sequence[str], root: Path | None,
               gitignore: bool) -> Iterator[tuple[str, str]]:
    ignores = _ignores_above(directory, root) if gitignore else _Ignores()
    visited: set[tuple[int, int]] = set()
    yield from _walk(directory, ignores, exclude, root, gitignore, visited)


def _walk(directory: str, ignores: _Ignores, exclude: Sequence[str], root: Path | None,
          gitignore: bool, visited: set[tuple[int, int]]) -> Iterator[tuple[str, str]]:
    """(path as walked, real path) of each Markdown file under `directory`."""
    try:
        st = os.stat(directory)
    except OSError:
        return
    key = (st.st_dev, st.st_ino)
    if key in visited:  # a symlink loop, or a second link to a directory already walked
        return
    visited.add(key)
    if gitignore:
        ignores = ignores.child(directory)
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
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
            yield from _walk(path, ignores, exclude, root, gitignore, visited)
        elif is_markdown(entry.name):
            if gitignore and ignores.ignored(path, False):
                continue
            if excluded(path, exclude, root):
                continue
            if entry.is_symlink():
                yield path, _identity(path)
            else:  # the folder's real path once, not every file's: a third of a cached run
                real_dir = real_dir or _identity(directory)
                yield path, os.path.join(real_dir, entry.name)


def discover(paths: Sequence[str], exclude: Sequence[str] = (), root: Path | None = None,
             gitignore: bool = True, resolved: dict[str, str] | None = None) -> Iterator[str]:
    """Files to lint, in a stable order: files as given, directories walked for Markdown.

    `-` (stdin) passes through. A path that does not exist passes through too, so reading it
    reports the problem by name. `resolved`, if given, receives each file's real path.
    """
    seen: set[str] = set()
    for p in paths:
        if p == "-":
            yield p
            continue
        if os.path.isdir(p):
            found: Iterator[tuple[str, str]] = _walk_real(p, exclude, root, gitignore)
        else:
            found = iter(() if excluded(p, exclude, root) else ((p, _identity(p)),))
        for f, key in found:
            if key in seen:
                continue
            seen.add(key)
            if resolved is not None:
                resolved[f] = key
            yield f


def _identity(path: str) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return path
