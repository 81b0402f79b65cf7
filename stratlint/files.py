"""Finding and reading input files: directories walked for Markdown, text decoded strictly.

An unreadable, binary or non-UTF-8 file raises `ReadError` with a message a person can act on;
the caller reports it and goes on with the other files.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown")


class ReadError(Exception):
    """A file that cannot be linted, with the reason in words."""


def read_text(path: Path | str) -> str:
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(exc.strerror or "cannot be read") from None
    return decode(data)


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError("not valid UTF-16 text") from None
    if b"\x00" in data[:8192] and not data.startswith(b"\xef\xbb\xbf"):
        raise ReadError("binary file (contains NUL bytes); not linted")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReadError(f"not UTF-8 text (invalid byte at line {line}); save it as UTF-8") from None
    return text


def discover(paths: list[str], exclude: tuple[str, ...] = ()) -> Iterator[str]:
    """Files to lint, in a stable order: files as given, directories walked for Markdown."""
    from stratlint.engine import _glob_match

    seen: set[str] = set()
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            found: list[str] = []
            visited: set[tuple[int, int]] = set()
            for dirpath, dirnames, filenames in os.walk(path, followlinks=True):
                try:
                    st = os.stat(dirpath)
                except OSError:
                    dirnames[:] = []
                    continue
                key = (st.st_dev, st.st_ino)
                if key in visited:  # a symlink loop
                    dirnames[:] = []
                    continue
                visited.add(key)
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                                     and d not in ("node_modules", "__pycache__"))
                for name in sorted(filenames):
                    if name.lower().endswith(MARKDOWN_SUFFIXES):
                        found.append(os.path.join(dirpath, name))
            for f in sorted(found):
                if any(_glob_match(f, g) for g in exclude) or f in seen:
                    continue
                seen.add(f)
                yield f
        else:
            if any(_glob_match(p, g) for g in exclude) and p not in paths[:0]:
                continue
            if p not in seen:
                seen.add(p)
                yield p
