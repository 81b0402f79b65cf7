"""Build rules/lexicons/person_nouns.txt.gz, the nouns that name a person by what they are or do.

Nouns are an open class (SPEC §8.4): the role lexicon (rules/lexicons/owners.yaml) knows sales
roles, but plans name their doers in every trade's words ("the committee secretary", "our head
voicer", "district agronomists"). This table is derived from WordNet 3.0 (Princeton University;
its licence, which permits redistribution with its notice, is in
rules/lexicons/WORDNET-LICENSE.txt): a common noun whose *first* sense, the most frequent one,
sits in the lexicographer file noun.person, and none of whose first three senses is a made thing
(noun.artifact). The first sense, so that "plant", "head" and "counter", whose rarer senses name
people, stay things; no artifact among the first three, so that the machines named like the
people who once did their work ("server", "scanner", "router", "monitor") stay machines.

One word a line, after a header of `#` lines. stratlint reads the shipped table and does not
need WordNet at run time.

Run (Debian or Ubuntu; the package is data only, nothing is installed):
    apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb /tmp/wn
    .venv/bin/python tools/build_person_nouns.py /tmp/wn/usr/share/wordnet
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "rules" / "lexicons" / "person_nouns.txt.gz"
NOUN_PERSON = 18  # WordNet's lexicographer file numbers: noun.person,
NOUN_ARTIFACT = 6  # noun.artifact
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")

HEADER = """\
# Nouns whose first WordNet sense names a person (noun.person) and none of the first three
# a made thing (noun.artifact), lower case, one a line.
# Derived from WordNet 3.0 by tools/build_person_nouns.py.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# Licence and disclaimer: rules/lexicons/WORDNET-LICENSE.txt
"""


def _synsets(data_noun: Path) -> dict[str, tuple[int, dict[str, str]]]:
    """Each synset's lexicographer file and its words (lower case → as written)."""
    out: dict[str, tuple[int, dict[str, str]]] = {}
    with data_noun.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("  "):
                continue  # the licence header
            parts = line.split()
            count = int(parts[3], 16)
            words = parts[4 : 4 + 2 * count : 2]
            written = {re.sub(r"\(.*\)$", "", w).lower(): w for w in words}
            out[parts[0]] = (int(parts[1]), written)
    return out


def person_nouns(wordnet_dir: Path) -> list[str]:
    synsets = _synsets(wordnet_dir / "data.noun")
    found = []
    with (wordnet_dir / "index.noun").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("  "):
                continue
            parts = line.split()
            lemma, pointers = parts[0], int(parts[3])
            offsets = parts[4 + pointers + 2 :]
            if not offsets or not _WORD.fullmatch(lemma):
                continue
            lexfile, written = synsets[offsets[0]]
            machine = any(synsets[o][0] == NOUN_ARTIFACT for o in offsets[:3])
            # A name ("Mills", "Dean Martin") is written with a capital: a person, not a role.
            if lexfile == NOUN_PERSON and not machine and written.get(lemma, lemma).islower():
                found.append(lemma)
    return sorted(found)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: build_person_nouns.py WORDNET_DICT_DIR (holding index.noun, data.noun)")
    words = person_nouns(Path(sys.argv[1]))
    body = HEADER + "".join(w + "\n" for w in words)
    OUT.write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
    print(f"{len(words)} person nouns -> {OUT}")


if __name__ == "__main__":
    main()
