"""Reading input files: regular files only, never blocking, text decoded strictly.

(Which files to lint is `discover`'s business.) Only a regular file is read: a named pipe, a
socket or a device raises `ReadError` before it is opened, and the file is opened without
blocking (`O_NONBLOCK`) and checked again on the open descriptor, so nothing swapped in between
can make a read wait. A file found by a directory walk is read with `within`: the folders it must
resolve into, checked again after opening it (a link changed after the walk is not followed out).
An unreadable, binary or non-UTF-8 file raises `ReadError` with a message a person can act on;
the caller reports it and goes on with the other files.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from stratlint.read.pathnames import display

MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_BYTES = 10 * 2**20  # a larger file is reported, not linted (docs/limits.md)
_SNIFF = 8192  # bytes looked at for NUL bytes, as git does to tell binary from text
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class ReadError(Exception):
    """A file that cannot be linted, with the reason in words."""


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words ("a named pipe")."""
    for test, words in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return words
    return "not a regular file"


def inside(real: str, folders: Sequence[str | Path]) -> bool:
    """Whether the resolved path `real` is one of `folders` (resolved paths) or under one."""
    for folder in folders:
        base = os.fspath(folder)
        if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
            return True
    return False


def read_text(path: Path | str, within: Sequence[str | Path] = (), real: str = "") -> str:
    """The text of a regular file, decoded; ReadError for anything that is not a text file to lint.

    `within`: for a file found by a directory walk, the (resolved) folders it must resolve into;
    empty for a file the user named, which is read wherever it points. `real`: where the walk
    found it resolved (`discover.Found.real`), which spares resolving it again.
    """
    return decode(read_bytes(path, within, real))


def read_bytes(path: Path | str, within: Sequence[str | Path] = (), real: str = "") -> bytes:
    """The bytes of a regular file of at most `MAX_BYTES`, read without ever blocking.

    Its type and size are checked before it is opened (a device is never opened, a huge file
    never read) and again on the open descriptor."""
    p = os.fspath(path)
    try:
        st = os.stat(p)
        _check_regular(st.st_mode)
        _check_size(st.st_size)
        fd = os.open(p, _OPEN_FLAGS)
        try:
            st = os.fstat(fd)
            _check_regular(st.st_mode)  # swapped for a pipe since: O_NONBLOCK kept the open quick
            _check_size(st.st_size)
            if within:
                _check_within(p, st, within, real)
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_BYTES:
                chunk = os.read(fd, MAX_BYTES + 1 - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(fd)
    except FileNotFoundError:
        if os.path.islink(p):
            raise ReadError(
                f"broken symbolic link (points to {display(os.readlink(p))}, which does not exist)"
            ) from None
        if within:
            raise ReadError("no such file: it was removed after its folder was listed") from None
        raise ReadError("no such file") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError("symbolic link loop: following the link leads back to it") from None
        raise ReadError(exc.strerror or "cannot be read") from None
    return b"".join(chunks)


def _check_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise ReadError("is a directory")
    hint = ""
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        hint = "; to lint what it carries, pass it on standard input (`stratlint - < NAME`)"
    raise ReadError(f"not a regular file ({file_kind(mode)}); not linted{hint}")


def _check_within(path: str, st: os.stat_result, within: Sequence[str | Path], real: str) -> None:
    """The file opened is the one inside `within`: the file at its resolved path `real` (resolved
    now when not given), not something a link was switched to after the walk. One `lstat` when
    `real` is given: if the name became a link since, the link is not the file opened."""
    real = real or os.path.realpath(path)
    if not inside(real, within):
        raise ReadError("symbolic link to a place outside the project; not linted")
    try:
        now = os.lstat(real)
    except OSError:
        now = None
    if now is None or (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
        raise ReadError("changed while it was being read; not linted (run again)")


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise ReadError(
            f"file is {size / 2**20:.1f} MB, larger than the {MAX_BYTES // 2**20} MB "
            "limit; not linted"
        )


def decode(data: bytes) -> str:
    """Bytes → text: UTF-8 (a BOM is dropped), or UTF-16/UTF-32 with a BOM.

    Binary data (a NUL byte in the first 8 KB) and text in other encodings raise ReadError naming
    the line (and column) of the first bad byte.
    """
    _check_size(len(data))
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ReadError(
                    f"not valid {codec.upper()} text (bad data at byte {exc.start}); "
                    "save it as UTF-8"
                ) from None
    if not data.startswith(b"\xef\xbb\xbf"):
        nul = data.find(b"\x00", 0, _SNIFF)
        if nul >= 0:
            head = data[:_SNIFF]
            even, odd = head[0::2].count(0), head[1::2].count(0)
            if max(even, odd) > len(head) // 4 and min(even, odd) * 8 < max(even, odd):
                raise ReadError(
                    "looks like UTF-16 text without a byte-order mark; save it as UTF-8"
                )
            line = data.count(b"\n", 0, nul) + 1
            raise ReadError(f"binary file (NUL byte at line {line}); not linted")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8-sig", "replace")) + 1
        byte = data[exc.start]
        raise ReadError(
            f"not UTF-8 text (invalid byte at line {line}); byte 0x{byte:02X} at "
            f"column {column} is not UTF-8 (Latin-1 or Windows-1252?): save the "
            "file as UTF-8"
        ) from None
