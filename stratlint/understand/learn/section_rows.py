"""A section's genre and domain model inputs as row numbers of each model: `SectionRows`.

A section's inputs (`inputs.section_inputs`) are mostly the names of its content's words (`cw:`,
one per distinct word of its own statements) and its page's inputs: a few hundred strings a
section, made by walking its statements and merging their words, each then looked up in the
genre model's index and, filtered by prefix, in the domain model's. The words of a statement
are the same wherever it stands, and a page's inputs are the same for each of its sections:
here a statement's word rows are found once per text (kept by the identity of its signals, as
its facts are), a page's once per page, and a name once per process; a section's rows are the
union of its statements' word rows, its page's rows and the rows of its other names (heading,
place, content shares, voice), sorted (issue 15).

The rows are those of the names of `section_inputs`, exactly (a set is a set: the union of the
parts' known rows is the set of the known rows of all names), and the domain rows those of
`domain_inputs` of them; `tests/test_learn.py` checks both on the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from stratlint.understand.learn.facts import KEPT_MAX, facts
from stratlint.understand.learn.features import _named_content_word
from stratlint.understand.learn.rows import RowOf
from stratlint.understand.nlp import Signals

Rows = tuple[int, ...]


def _same(name: object) -> str:
    return str(name)


class SectionRows:
    """Section inputs → (genre rows, domain rows), in the models' own row numbers
    (`LinearModel.row_index`); the domain's are empty when there is no domain model."""

    def __init__(self, genre_index: Mapping[str, int], domain_index: Mapping[str, int]) -> None:
        self._genre_name = RowOf(genre_index, _same).__getitem__
        self._domain_name = RowOf(domain_index, _same).__getitem__
        self._genre_word = RowOf(genre_index, _named_content_word).__getitem__
        self._domain_word = RowOf(domain_index, _named_content_word).__getitem__
        self._words: dict[tuple[int, str], tuple[Signals, Rows, Rows]] = {}

    def of_names(self, names: Iterable[str], domain_names: Iterable[str]) -> tuple[Rows, Rows]:
        """The known rows of `names` in the genre model and of `domain_names` in the domain's."""
        genre = set(map(self._genre_name, names))
        genre.discard(None)
        domain = set(map(self._domain_name, domain_names))
        domain.discard(None)
        return tuple(genre), tuple(domain)  # type: ignore[arg-type]

    def of(
        self,
        names: Iterable[str],
        domain_names: Iterable[str],
        words_of: Sequence[tuple[Signals, str]],
        page: tuple[Rows, Rows],
    ) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """A section's rows: of its names but its content words (`names`, and the domain
        model's share of them), of the words of its statements (`words_of`: each one's signals
        and form) and of its page's inputs (`page`, from `of_names`)."""
        genre, domain = self.of_names(names, domain_names)
        g, d = set(genre), set(domain)
        g.update(page[0])
        d.update(page[1])
        for sig, form in words_of:
            gw, dw = self._word_rows(sig, form)
            g.update(gw)
            d.update(dw)
        return tuple(sorted(g)), tuple(sorted(d))

    def _word_rows(self, sig: Signals, form: str) -> tuple[Rows, Rows]:
        """The genre and domain rows of the `cw:` names of a statement's words, kept by the
        identity of its signals (checked on a hit), as its facts are."""
        key = (id(sig), form)
        hit = self._words.get(key)
        if hit is not None and hit[0] is sig:
            return hit[1], hit[2]
        words = facts(sig, form).words
        genre = set(map(self._genre_word, words))
        genre.discard(None)
        domain = set(map(self._domain_word, words))
        domain.discard(None)
        out: tuple[Rows, Rows] = (tuple(genre), tuple(domain))  # type: ignore[arg-type]
        if len(self._words) >= KEPT_MAX:
            self._words.clear()
        self._words[key] = (sig, *out)
        return out
