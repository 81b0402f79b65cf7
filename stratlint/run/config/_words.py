"""Decoders of the sections that extend the vocabulary: `sections` (heading words per kind) and
`lexicon` (terms per lexicon under `rules/lexicons/`)."""

from __future__ import annotations

from typing import Any

from stratlint.run.config._base import Decoding, KeyPath, suggest, type_name

KINDS = ("strategy", "plan", "goals")


def sections(d: Decoding, path: KeyPath, value: Any) -> dict[str, Any]:
    out: dict[str, list[str]] = {}
    if not isinstance(value, dict):
        d.err(
            path,
            f"'sections' must map kinds ({', '.join(KINDS)}) to lists of heading "
            f"words, got {type_name(value)}",
        )
        return {"sections": out}
    for kind, words in value.items():
        if kind not in KINDS:
            d.err(
                (*path, str(kind)),
                f"unknown section kind '{kind}'"
                f"{suggest(str(kind), list(KINDS))}; kinds: {', '.join(KINDS)}",
            )
            continue
        out[kind] = [w.lower() for w in d.strings((*path, kind), words, "heading words")]
    return {"sections": out}


def lexicon(d: Decoding, path: KeyPath, value: Any) -> dict[str, Any]:
    from stratlint.lexicon import LEXICONS

    out: dict[str, list[str]] = {}
    if not isinstance(value, dict):
        d.err(path, f"'lexicon' must map lexicon names to lists of terms, got {type_name(value)}")
        return {"lexicon": out}
    for name, terms in value.items():
        if name not in LEXICONS:
            d.err(
                (*path, str(name)),
                f"unknown lexicon '{name}'"
                f"{suggest(str(name), list(LEXICONS))}; lexicons: "
                f"{', '.join(LEXICONS)}",
            )
            continue
        out[name] = d.strings((*path, name), terms, "terms")
    return {"lexicon": out}
