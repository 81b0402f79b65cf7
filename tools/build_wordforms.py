"""Build rules/lexicons/wordforms.tsv.gz, the English word-form table the classifier reads.

The table is derived from lemminflect's inflection lookup (MIT licence; its data come from the
SPECIALIST Lexicon and AGID). stratlint ships the derived table and does not import lemminflect
at run time: importing it costs over a second, and the table loads in a few milliseconds.

Each line: `word<TAB>flags<TAB>verb-lemma<TAB>noun-lemma` where flags hold V (verb base form),
Z (third person singular), D (past tense or participle), G (-ing form), N (noun), A (adjective),
R (adverb).

Run: .venv/bin/pip install lemminflect==0.2.3 && .venv/bin/python tools/build_wordforms.py
"""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "rules" / "lexicons" / "wordforms.tsv.gz"


def main() -> None:
    src = resources.files("lemminflect") / "resources" / "infl_lu.csv.gz"
    flags: dict[str, set[str]] = defaultdict(set)
    lemma_of: dict[str, str] = {}
    noun_of: dict[str, str] = {}
    with gzip.open(str(src), "rt", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            lemma, pos, forms = row[0], row[1], row[2:]
            if not lemma.islower() and not lemma.isupper():
                continue  # proper nouns carry no word-class signal we use
            lemma = lemma.lower()
            if pos == "verb":
                past, part, ing, third = (forms + ["", "", "", ""])[:4]
                flags[lemma].add("V")
                lemma_of.setdefault(lemma, lemma)
                for form, flag in ((past, "D"), (part or past, "D"), (ing, "G"), (third, "Z")):
                    for f in form.split("/"):
                        if f:
                            flags[f.lower()].add(flag)
                            lemma_of.setdefault(f.lower(), lemma)
            else:
                flag = {"noun": "N", "adj": "A", "adv": "R"}.get(pos)
                if not flag:
                    continue
                flags[lemma].add(flag)
                for form in forms:
                    for f in form.split("/"):
                        if f:
                            flags[f.lower()].add(flag)
                            if flag == "N":
                                noun_of.setdefault(f.lower(), lemma)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        for word in sorted(flags):
            if "\t" in word or " " in word:
                continue
            marks = "".join(sorted(flags[word]))
            out.write(f"{word}\t{marks}\t{lemma_of.get(word, '')}\t{noun_of.get(word, '')}\n")
    print(f"wrote {len(flags)} words to {OUT}")


if __name__ == "__main__":
    main()
