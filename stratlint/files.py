"""Reading input files: text decoded strictly (which files to lint: `discover`).

An unreadable, binary or non-UTF-8 file raises `ReadError` with a message a person can act on;
the caller reports it and goes on with the other files.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_BYTES = 10 * 2**20  # a larger file is reported, not linted (docs/limits.md)
_SNIFF = 8192  # bytes looked at for NUL bytes, as git does to tell binary from text


class ReadError(Exception):
    """A file that cannot be linted, with the reason in words."""


def read_text(path: Path | str) -> str:
    """The text of a file, decoded; ReadError for anything that is not a text file to lint.

    A regular file's size is checked before it is read, so a huge file costs nothing; pipes and
    devices are read up to the size limit, never further.
    """
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise ReadError("is a directory")
        if stat.S_ISREG(st.st_mode):
            _check_size(st.st_size)
            data = p.read_bytes()
        elif stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
            with p.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        else:
            raise ReadError("not a regular file (a socket or block device); not linted")
    except FileNotFoundError:
        if p.is_symlink():
            raise ReadError(f"broken symbolic link (points to {os.readlink(p)}, which does not "
                            "exist)") from None
        raise ReadError("no such file") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError("symbolic link loop: following the link leads back to it") from None
        raise ReadError(exc.strerror or "cannot be read") from None
    return decode(data)


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise ReadError(f"file is {size / 2**20:.1f} MB, larger than the {MAX_BYTES // 2**20} MB "
                        "limit; not linted")


def decode(data: bytes) -> str:
    """Bytes → text: UTF-8 (a BOM is dropped), or UTF-16/UTF-32 with a BOM.

    Binary data (a NUL byte in the first 8 KB) and text in other encodings raise ReadError naming
    the line (and column) of the first bad byte.
    """
    _check_size(len(data))
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ReadError(f"not valid {codec.upper()} text (bad data at byte {exc.start}); "
                                "save it as UTF-8") from None
    if not data.startswith(b"\xef\xbb\xbf"):
        nul = data.find(b"\x00", 0, _SNIFF)
        if nul >= 0:
            head = data[:_SNIFF]
            even, odd = head[0::2].count(0), head[1::2].count(0)
            if max(even, odd) > len(head) // 4 and min(even, odd) * 8 < max(even, odd):
                raise ReadError("looks like UTF-16 text without a byte-order mark; save it as "
                                "UTF-8")
            line = data.count(b"\n", 0, nul) + 1
            raise ReadError(f"binary file (NUL byte at line {line}); not linted")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8-sig", "replace")) + 1
        byte = data[exc.start]
        raise ReadError(f"not UTF-8 text (invalid byte at line {line}); byte 0x{byte:02X} at "
                        f"column {column} is not UTF-8 (Latin-1 or Windows-1252?): save the "
                        "file as UTF-8") from None

