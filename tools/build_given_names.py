"""Build rules/lexicons/given_names.txt, the given names that are English words too, and
rules/lexicons/first_names.txt, the given names that are no English word.

An owner is often written by a first name alone ("Ray calls the top 30 accounts", "Tom to run a
pilot", "… by 15 February — Mark"; SPEC §8.4, §8.6). stratlint takes a capitalised word it does not
know as English for a name where owners stand, but a name that is also a word ("ray", "tom", "mark",
"jack", "hector") reads as a noun or a command. This table lists those names, so that the owner
checks may take them for names in an owner's place (the sentence's subject before its verb, a
bracket with no date in it, after a dash), and nowhere else. A bracket of a first name and a date
("(Mark, 1 March)") still needs the page to name the person in full, as for any first name.

The names are the most common given names of the 1990 United States census (the top 600 male and
1,200 female names, about nine in ten of the people counted; public-domain data, as distributed
in the MIT-licensed `names` package on PyPI). Kept: those the word-form table
(rules/lexicons/wordforms.tsv.gz) knows as English words. Left out: past forms of verbs ("drew",
"rose"), months, seasons and modals ("august", "summer", "will"), and the words a plan uses as a
label or an amount ("Grant: $20k", "Miles: 400"), listed in LEFT_OUT below.

The others, the names the word-form table does not know ("hannah", "jerome", "marisol"), go to
first_names.txt: a capitalised word the table lacks may be a name, a product or a firm
("Northpaw launches …"); one the census counts as a given name is a person.

One name a line, lower case, after a header of `#` lines. stratlint reads the shipped table and
does not need the census files at run time.

Run:
    .venv/bin/pip download names==0.3.0 --no-deps -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python tools/build_given_names.py /tmp/names/names-0.3.0/names
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stratlint import lexicon  # noqa: E402

OUT = ROOT / "rules" / "lexicons" / "given_names.txt"
FIRST = ROOT / "rules" / "lexicons" / "first_names.txt"
TOP = {"dist.male.first": 600, "dist.female.first": 1200}
LEFT_OUT = frozenset(
    (
        *("will", "may", "june", "april", "august", "autumn", "summer", "winter", "sun"),
        *("young", "queen", "gay", "earnest", "junior", "sterling", "christen", "aline"),
        *("van", "don", "guy", "angel", "grant", "miles", "chase", "hope", "faith", "charity"),
        "lance",
    )
)

HEADER = """\
# Given names that are English words too, lower case, one a line. Derived by
# tools/build_given_names.py from the 1990 US census given names (public domain) and the
# word-form table; read by the owner checks for a name in an owner's place.
"""

FIRST_HEADER = """\
# Given names that are no English word, lower case, one a line. Derived by
# tools/build_given_names.py from the 1990 US census given names (public domain) and the
# word-form table; read where a plan's content is confirmed, for a step a person takes.
"""


def main(folder: Path) -> None:
    forms = lexicon.wordforms().flags
    names: set[str] = set()
    first: set[str] = set()
    for file, top in TOP.items():
        with (folder / file).open(encoding="ascii") as fh:
            for rank, line in enumerate(fh):
                if rank >= top:
                    break
                name = line.split()[0].lower()
                flags = forms.get(name)
                if flags is None:
                    first.add(name)
                elif "D" not in flags and name not in LEFT_OUT:
                    names.add(name)
    for out, header, kept in ((OUT, HEADER, names), (FIRST, FIRST_HEADER, first)):
        out.write_text(header + "".join(f"{n}\n" for n in sorted(kept)), encoding="utf-8")
        print(f"{len(kept)} names -> {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
