"""`import spacy` without spaCy's command line: a third of spaCy's import time.

`spacy/__init__.py` imports `spacy.cli.info` only to offer `spacy.info()`, and with it the whole
command line (typer, requests, weasel and some 360 modules): about half a second on a small
machine, more than stratlint's own start-up. The linter never runs spaCy's command line, so
while spaCy is first imported `spacy.cli` is a stand-in; right after, the stand-in is removed, so
a later `import spacy.cli` (a user's code in the same process) imports the real one, and
`spacy.info()` does too on first call. spaCy's models, tokenizer and matchers are untouched.

If anything about this fails (another spaCy version), spaCy is imported the ordinary way.
Set STRATLINT_FULL_SPACY_IMPORT=1 to always import it the ordinary way.
"""

from __future__ import annotations

import os
import sys
import types
from typing import Any

_STANDINS = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _import() -> types.ModuleType:
    if "spacy" in sys.modules or os.environ.get("STRATLINT_FULL_SPACY_IMPORT"):
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    installed = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(installed)
    try:
        import spacy
    except Exception:
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    finally:
        for name, module in installed.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        delattr(spacy, "cli")
    return spacy


spacy = _import()
