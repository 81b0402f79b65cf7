"""File names as the user sees them: one reversible form for every output (docs/limits.md).

A file name on Linux is bytes; Python hands a name that is not valid UTF-8 over as a str with
each undecodable byte as a lone surrogate (U+DC80–U+DCFF, `os.fsdecode`). Such a str cannot be
written as UTF-8, so every reporter shows names through `display`:

- a name of printable characters is shown as it is (`docs/plan.md`, `docs/café.md`);
- any other name, and any name that itself starts with `$'`, is shown in the shell's ANSI-C
  quoting, `$'…'`: each undecodable byte as `\\xNN`, a control, format or separator character
  as `\\xNN` (ASCII) or `\\uHHHH` / `\\UHHHHHHHH`, a backslash as `\\\\`, a quote as `\\'`.

So a Latin-1 `café.md` is shown `$'caf\\xe9.md'`, which bash and zsh read back as the same
bytes: the name can be pasted into a command (`stratlint $'caf\\xe9.md'`). `parse_display`
undoes `display` exactly. SARIF, which wants URIs, gets `uri`: the raw bytes percent-encoded.
Messages pass through `clean`, so no output ever holds a lone surrogate.
"""

from __future__ import annotations

import os
import re
import unicodedata
from urllib.parse import quote

QUOTE_START, QUOTE_END = "$'", "'"
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_SURROGATE = re.compile("[\ud800-\udfff]")


def _undecodable(ch: str) -> bool:
    return "\udc80" <= ch <= "\udcff"


def _plain(ch: str) -> bool:
    return unicodedata.category(ch) not in _ESCAPED_CATEGORIES


def display(path: str) -> str:
    """The name to show for `path`: itself when printable, else `$'…'` with escapes."""
    if path.isascii() and path.isprintable() and not path.startswith(QUOTE_START):
        return path  # the common case, checked in C: in ASCII only controls are not printable
    if all(_plain(ch) for ch in path) and not path.startswith(QUOTE_START):
        return path
    out = [QUOTE_START]
    for ch in path:
        code = ord(ch)
        if ch == "\\" or ch == "'":
            out.append("\\" + ch)
        elif _undecodable(ch):
            out.append(f"\\x{code - 0xDC00:02x}")
        elif _plain(ch):
            out.append(ch)
        elif code < 0x80:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append(QUOTE_END)
    return "".join(out)


_HEX = {"x": 2, "u": 4, "U": 8}


def parse_display(shown: str) -> str:
    """The path (as Python holds it: `os.fsdecode` of its bytes) that `display` showed as `shown`.

    ValueError for a `$'…'` form `display` cannot have written."""
    if not (shown.startswith(QUOTE_START) and shown.endswith(QUOTE_END) and len(shown) >= 3):
        return shown
    body = shown[len(QUOTE_START) : -len(QUOTE_END)]
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        kind = body[i + 1 : i + 2]
        if kind in ("\\", "'"):
            out.append(kind)
            i += 2
        elif kind in _HEX:
            digits = body[i + 2 : i + 2 + _HEX[kind]]
            if len(digits) != _HEX[kind]:
                raise ValueError(f"short escape at {i} in {shown!r}")
            code = int(digits, 16)
            out.append(chr(0xDC00 + code) if kind == "x" and code >= 0x80 else chr(code))
            i += 2 + _HEX[kind]
        else:
            raise ValueError(f"unknown escape at {i} in {shown!r}")
    return "".join(out)


def clean(text: str) -> str:
    """Text that can be written as UTF-8: undecodable bytes (lone surrogates) as `\\xNN`."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return "".join(
        f"\\x{ord(ch) - 0xDC00:02x}"
        if _undecodable(ch)
        else f"\\u{ord(ch):04x}"
        if "\ud800" <= ch <= "\udfff"
        else ch
        for ch in text
    )


def uri(path: str) -> str:
    """`path` percent-encoded from its raw bytes (`/` kept), for a URI reference."""
    return quote(os.fsencode(path), safe="/")
