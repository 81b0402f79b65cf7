"""Rule data under `rules/`: lexicons, heading words, the word-form table, rule metadata.

The data ship inside the wheel as `stratlint/_rules`; in a source checkout they are read from the
top-level `rules/` folder. Lexicon terms are lemmas: `forms()` expands them to every inflection the
word-form table knows, so "lift" also matches "lifts", "lifted" and "lifting".
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from stratlint._wordtable import Column, WordTable

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_dir() -> Path:
    here = Path(__file__).resolve().parent
    shipped = here / "_rules"
    return shipped if shipped.is_dir() else here.parent / "rules"


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)


@lru_cache(maxsize=1)
def raw_lexicons() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for p in sorted((data_dir() / "lexicons").glob("*.yaml")):
        out[p.stem] = load_yaml(p)
    return out


# Lexicon name (as users write it in config) → (file, key) in rules/lexicons.
LEXICONS: dict[str, tuple[str, str]] = {
    "metrics": ("metrics", "terms"),
    "change-up": ("change_verbs", "up"),
    "change-improve": ("change_verbs", "improve"),
    "change-multiply": ("change_verbs", "multiply"),
    "change-reach": ("change_verbs", "reach"),
    "change-down": ("change_verbs", "down"),
    "change-hold": ("change_verbs", "hold"),
    "aspirations": ("aspirations", "terms"),
    "aspiration-verbs": ("aspirations", "verbs"),
    "segments": ("segments", "tiers"),
    "industries": ("segments", "industries"),
    "personas": ("segments", "personas"),
    "geographies": ("segments", "geographies"),
    "markets": ("segments", "markets"),
    "channels": ("segments", "channels"),
    "universal": ("segments", "universal"),
    "value": ("value_cues", "terms"),
    "value-weak": ("value_cues", "weak"),
    "challenge": ("challenge_cues", "terms"),
    "tradeoff": ("tradeoff_cues", "terms"),
    "activity-verbs": ("activities", "verbs"),
    "activity-nouns": ("activities", "nouns"),
    "choice-verbs": ("activities", "choice_verbs"),
    "frequencies": ("time", "frequencies"),
    "vague-times": ("time", "vague"),
    "months": ("time", "months"),
    "time-units": ("time", "units"),
    "roles": ("owners", "roles"),
    "weak-owners": ("owners", "weak"),
    "vague-quantities": ("quantities", "terms"),
    "resources": ("resources", "terms"),
    "buzzwords": ("buzzwords", "terms"),
}


class WordForms:
    """The word-form table: each word's classes (`flags`) and lemmas, and each lemma's forms.

    Read as a `WordTable` (one sorted string, looked up by bisection): the five dicts it was
    made into cost a tenth of stratlint's start-up (issue 15). `flags`, `verb_lemma` and
    `noun_lemma` read like those dicts; `verb_forms` and `noun_forms`, which only building the
    lexicon matcher needs, are made on first use."""

    __slots__ = ("table", "digest", "flags", "verb_lemma", "noun_lemma", "_forms")

    def __init__(self, table: WordTable, digest: str = "") -> None:
        self.table = table
        self.digest = digest  # of the source table: what data derived from it is kept under
        self.flags: Mapping[str, str] = Column(table, 0)
        self.verb_lemma: Mapping[str, str] = Column(table, 1)
        self.noun_lemma: Mapping[str, str] = Column(table, 2)
        self._forms: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]] | None = None

    @property
    def verb_forms(self) -> Mapping[str, tuple[str, ...]]:
        return self._inverse()[0]

    @property
    def noun_forms(self) -> Mapping[str, tuple[str, ...]]:
        return self._inverse()[1]

    def _inverse(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        if self._forms is None:
            vforms: dict[str, list[str]] = {}
            nforms: dict[str, list[str]] = {}
            for word, _fl, vl, nl in self.table.lines():
                if vl:
                    vforms.setdefault(vl, []).append(word)
                if nl:
                    nforms.setdefault(nl, []).append(word)
            self._forms = (
                {k: tuple(v) for k, v in vforms.items()},
                {k: tuple(v) for k, v in nforms.items()},
            )
        return self._forms

    def has(self, word: str, flag: str) -> bool:
        return flag in (self.flags.get(word) or "")


def word_class(wf: WordForms, low: str) -> tuple[str, str]:
    """(flags, lemma) of a lower-case word: V verb, Z 3rd person, D past, G -ing, N, A, R.
    A word the table does not know that is a verb prefix and a verb it knows ("relaunch",
    "requoted", "onboard", "upsells") is that verb's form: the prefix makes a new verb."""
    row = wf.table.row(low)
    if row is not None and row[0]:
        return row[0], row[1] or row[2] or low
    for prefix in VERB_PREFIXES:
        rest = low[len(prefix) :]
        if low.startswith(prefix) and len(rest) >= 3:
            base = wf.table.row(rest)
            if base is not None and "V" in base[0] and base[1]:
                flags = "".join(f for f in base[0] if f in "VZDG")
                return flags, prefix + base[1]
    return "", low


# Prefixes that make a verb of a verb ("re-quote", "prequalify", "co-host", "outbid").
VERB_PREFIXES = ("re", "pre", "co", "over", "under", "out", "mis", "up", "on")


DERIVED_DIR: Path | None = None  # where parsed rule data may be kept (set by the engine)


@lru_cache(maxsize=1)
def wordforms() -> WordForms:
    import hashlib

    source = data_dir() / "lexicons" / "wordforms.tsv.gz"
    raw = source.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    key = b"wordtable\0" + digest.encode()
    table = WordTable.load(load_derived("wordtable", key))
    if table is None:
        lines: dict[str, tuple[str, str, str]] = {}
        text = gzip.decompress(raw).decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        for line in text.split("\n"):
            if not line:
                continue
            word, fl, vl, nl = line.split("\t")
            lines[word] = (fl, vl, nl)
        table = WordTable.of_lines(lines)
        keep_derived("wordtable", key, table.dump())
    return WordForms(table, digest)


def _derived_file(name: str, key: bytes) -> Path | None:
    if DERIVED_DIR is None:
        return None
    import hashlib
    import sys

    tag = hashlib.sha256(key + b"\0" + sys.version.encode()).hexdigest()[:24]
    return DERIVED_DIR / f"{name}-{tag}.marshal"


def load_derived(name: str, key: bytes) -> Any:
    """Data derived from rule data by an earlier run (parsed tables, tokenized phrases), kept
    under a hash of `key` (the source data) in `DERIVED_DIR`; None if there is none. The file
    holds a SHA-256 of the payload, then the payload (marshal): anything else is ignored.
    Callers check the type of what they get."""
    path = _derived_file(name, key)
    if path is None:
        return None
    import hashlib
    import marshal

    try:
        blob = path.read_bytes()
        if hashlib.sha256(blob[32:]).digest() != blob[:32]:
            return None
        return marshal.loads(blob[32:])
    except (OSError, ValueError, EOFError, TypeError):
        return None


def keep_derived(name: str, key: bytes, value: Any) -> None:
    path = _derived_file(name, key)
    if path is None:
        return
    import hashlib
    import marshal
    import os
    import tempfile

    payload = marshal.dumps(value)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(hashlib.sha256(payload).digest() + payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError:
        pass


def terms(name: str, extra: Mapping[str, Iterable[str]] | None = None) -> list[str]:
    file, key = LEXICONS[name]
    values = list(raw_lexicons()[file].get(key) or [])
    if extra and name in extra:
        values.extend(extra[name])
    return [str(v).lower() for v in values]


# Lexicons of things (nouns): their terms inflect as nouns only, so "base" gives "bases", not
# "based", and "partner" does not match "partnered".
NOUN_LEXICONS = frozenset(
    {
        "metrics",
        "segments",
        "industries",
        "personas",
        "geographies",
        "markets",
        "channels",
        "roles",
        "activity-nouns",
        "resources",
        "aspirations",
    }
)


def forms(term: str, lex: str | None = None) -> set[str]:
    """A lexicon term with every inflection of its head word (last word; first for
    verbs+particle)."""
    wf = wordforms()
    words = term.split()
    out = {term}
    nouns_only = lex in NOUN_LEXICONS
    for pos in {0, len(words) - 1}:
        w = words[pos]
        if nouns_only and pos != len(words) - 1:
            continue
        variants = (
            set(wf.noun_forms.get(w, ()))
            if nouns_only
            else (set(wf.verb_forms.get(w, ())) | set(wf.noun_forms.get(w, ())))
        )
        if not variants and w.isalpha() and len(w) > 2:
            variants = {w + "s", w + "es", w[:-1] + "ies" if w.endswith("y") else w + "s"}
        for v in variants:
            out.add(" ".join(words[:pos] + [v] + words[pos + 1 :]))
    return out


def term_set(name: str, extra: Mapping[str, Iterable[str]] | None = None) -> frozenset[str]:
    """A lexicon's terms (with the user's additions) as a set, built once per configuration."""
    added = tuple(sorted(str(t).lower() for t in (extra or {}).get(name, ())))
    return _term_set(name, added)


@lru_cache(maxsize=64)
def _term_set(name: str, added: tuple[str, ...]) -> frozenset[str]:
    return frozenset(terms(name, {name: list(added)}))


@lru_cache(maxsize=1)
def grammar() -> dict[str, frozenset[str]]:
    """Closed classes of words (modals, determiners, clause openers) from grammar.yaml."""
    data = raw_lexicons()["grammar"] or {}  # read with the other lexicons, not again
    return {k: frozenset(str(w) for w in v) for k, v in data.items()}


@lru_cache(maxsize=1)
def section_words() -> dict[str, Any]:
    return dict(raw_lexicons()["sections"])


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names that are English words too ("ray", "tom", "mark"), from
    rules/lexicons/given_names.txt (derived from census names by tools/build_given_names.py)."""
    return _names_file("given_names.txt")


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names, whether English words too or not ("hannah", "jerome", "ray"), from
    rules/lexicons/first_names.txt and given_names.txt (tools/build_given_names.py)."""
    return _names_file("first_names.txt") | given_names()


def _names_file(name: str) -> frozenset[str]:
    lines = (data_dir() / "lexicons" / name).read_text(encoding="utf-8").split("\n")
    return frozenset(w for w in lines if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns whose most frequent sense names a person ("secretary", "agronomist", "voicer"), from
    rules/lexicons/person_nouns.txt.gz (derived from WordNet by tools/build_person_nouns.py)."""
    raw = gzip.decompress((data_dir() / "lexicons" / "person_nouns.txt.gz").read_bytes())
    lines = raw.decode("utf-8").split("\n")
    return frozenset(w for w in lines if w and not w.startswith("#"))
