"""The command line: wires options to the engine and maps results to exit codes.

stratlint [OPTIONS] [PATH]...      same as `stratlint check`
stratlint rules | rule ID | inspect FILE | eval CORPUS | server

`_group` is the command group and the exit codes, `_check` the default command, `_commands` the
others; importing them registers their commands on `main`.
"""

from __future__ import annotations

from stratlint.cli import _check, _commands  # noqa: F401 - registers the subcommands
from stratlint.cli._group import main

__all__ = ["main"]
