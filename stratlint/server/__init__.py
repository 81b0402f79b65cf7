"""`stratlint server`: a Language Server (LSP over stdio) that shows findings as you write.

    stratlint server            # what an editor runs; `--stdio` is accepted and is the default

Built on pygls (the optional extra: `pip install 'stratlint[server]'`). The spaCy pipeline is
loaded once per server; each change to a document is linted by the same engine as the CLI, with
the same configuration, and published as diagnostics. Modules:

- `_server`: the protocol — open/change/save/close, the debounce, hover, code actions, one
  handler per LSP method (`_features` lists them); `_protocol`: pygls' protocol, a leak plugged;
- `_linter`: the lint thread — settings per document, the project of open and on-disk
  documents, which open documents depend on a change;
- `_diagnostics`: findings → diagnostics (positions in the client's encoding), rule docs;
- `_actions`: the suppression comments a code action writes.

Set-up for VS Code, Neovim, Helix and Zed: docs/editors.md. Figures: `python -m
stratlint.server.bench`.
"""

from __future__ import annotations

import logging
import os
import sys

__all__ = ["main"]


def main() -> int:
    """Serve LSP on standard input and output until `exit`; 0 after `shutdown`, else 1."""
    from stratlint.server._server import build

    logging.basicConfig(
        stream=sys.stderr,
        level=os.environ.get("STRATLINT_LOG_LEVEL", "WARNING").upper(),
        format="stratlint server %(levelname)s %(name)s: %(message)s",
    )
    server = build()
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must never corrupt the protocol stream
    server.start_io(stdin, stdout)
    return 0 if server.shutdown_requested else 1
