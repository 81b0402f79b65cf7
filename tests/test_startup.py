"""Start-up data in the forms a run reads fastest (issue 15) read like the forms they replace:
the word-form table as one sorted string, the lexicon's term tables and the patterns' reading
kept with the derived rule data, patterns compiled when first run."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from stratlint import lexicon
from stratlint._wordtable import WordTable
from stratlint.understand import components, nlp, patterns


def _dicts() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The word-form table read the plain way, as three dicts."""
    raw = (lexicon.data_dir() / "lexicons" / "wordforms.tsv.gz").read_bytes()
    flags: dict[str, str] = {}
    verb: dict[str, str] = {}
    noun: dict[str, str] = {}
    for line in gzip.decompress(raw).decode("utf-8").split("\n"):
        if line:
            word, fl, vl, nl = line.split("\t")
            flags[word] = fl
            if vl:
                verb[word] = vl
            if nl:
                noun[word] = nl
    return flags, verb, noun


def test_the_word_table_reads_like_the_dicts_it_replaces() -> None:
    flags, verb, noun = _dicts()
    wf = lexicon.wordforms()
    probes = [*flags, "", "zzzzzz", "\n", "a\tb", "Grow", "ı", "~", "aa", "0"]
    for w in probes:
        assert wf.flags.get(w) == flags.get(w), w
        assert wf.verb_lemma.get(w) == verb.get(w), w
        assert wf.noun_lemma.get(w) == noun.get(w), w
        expected = (flags[w], verb.get(w) or noun.get(w) or w) if flags.get(w) else ("", w)
        assert lexicon.word_class(wf, w) == expected, w
    assert set(wf.verb_lemma) == set(verb) and len(wf.flags) == len(flags)
    forms: dict[str, set[str]] = {}
    for w, lemma in verb.items():
        forms.setdefault(lemma, set()).add(w)
    assert {k: set(v) for k, v in wf.verb_forms.items()} == forms


def test_a_word_table_made_dumped_and_loaded_finds_every_word_and_no_other() -> None:
    lines = {
        "grow": ("V", "", ""),
        "grew": ("VD", "grow", ""),
        "é": ("N", "", "é"),
        "a": ("", "", ""),
    }
    table = WordTable.load(WordTable.of_lines(lines).dump())
    assert table is not None and len(table) == 4
    for word, row in lines.items():
        assert table.row(word) == row
    for other in ("", "b", "gro", "growth", "zz", "\x00"):
        assert table.row(other) is None
    assert WordTable.load(("x", b"\x01\x00")) is None  # torn: not a table
    assert WordTable.load(["x", b""]) is None


def test_the_lexicon_term_tables_are_kept_and_a_damaged_copy_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    special = nlp.pipeline("{}").tokenizer.rules  # type: ignore[attr-defined]
    monkeypatch.setattr(lexicon, "DERIVED_DIR", tmp_path)
    additions = {"segments": ["cobblers", "shoe repair shops"]}
    first = components._term_tables(additions, special)
    (kept,) = tmp_path.glob("terms-*.marshal")
    assert components._term_tables(additions, special) == first
    assert first[0]["cobblers"] == ("segments",) and "shoe repair shops" in first[1]["segments"]
    kept.write_bytes(kept.read_bytes()[:40])  # torn: ignored, made again, written again
    assert components._term_tables(additions, special) == first
    assert kept.stat().st_size > 40
    assert components._term_tables({}, special) != first  # other additions: other tables


def test_lazily_compiled_patterns_are_the_patterns_of_the_rule_data() -> None:
    lazy = patterns._patterns_for_join()
    compiled = patterns._patterns()
    assert [(label, p.pattern) for label, p, _, _ in lazy] == [
        (label, rx.pattern) for label, rx in compiled
    ]
    assert all(
        p.compiled().flags == rx.flags for (_, p, _, _), (_, rx) in zip(lazy, compiled, strict=True)
    )
    assert all(isinstance(p.compiled(), re.Pattern) for _, p, _, _ in lazy)


def test_the_term_tables_are_kept_under_the_word_table_they_were_inflected_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    special = nlp.pipeline("{}").tokenizer.rules  # type: ignore[attr-defined]
    monkeypatch.setattr(lexicon, "DERIVED_DIR", tmp_path)
    wf = lexicon.wordforms()
    assert len(wf.digest) == 64
    components._term_tables({}, special)
    monkeypatch.setattr(wf, "digest", "0" * 64)
    components._term_tables({}, special)
    assert len(list(tmp_path.glob("terms-*.marshal"))) == 2
