"""A statement's class and tag model inputs as row numbers of the joint matrix: `StatementRows`.

`statement_features` names a statement's fifty-odd features as strings, and the joint scorer
then looks every name up in its index (`feature_rows`) to find the rows it sums. Most of those
names come in a few parts that repeat: the features of the statement's signals (its words, word
pairs, labels, frame, verb: one set per text), of its hand verdict in a section of some hint (one
set per verdict), and of its form, depth and hint (a handful). Here each part's rows are looked
up once, when the part is first met, and a statement's rows are the union of its parts' rows
and the few of its own (fields, table columns, marks), sorted: no list of names is built and no
name is looked up again per statement (issue 15).

The rows are those of `feature_rows(index, statement_features(...))`, exactly: the same parts,
named by the same functions (`features`), each looked up in the same index; the union of the
parts' known rows is the set of the known rows of all the names. `tests/test_learn.py` checks it
on the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping

from stratlint.model import Kind, Statement
from stratlint.understand.classify import Verdict
from stratlint.understand.learn.facts import KEPT_MAX, WORDS_MAX, facts
from stratlint.understand.learn.features import (
    _head_names,
    _named_first,
    _named_first2,
    _named_flags,
    _named_frame,
    _named_frame_form,
    _named_label,
    _named_len,
    _named_pair,
    _named_subject,
    _named_verb,
    _named_word,
    _verdict_features,
    own_names,
)
from stratlint.understand.nlp import Signals


class RowOf(dict[Hashable, "int | None"]):
    """What a feature is made from (a word, a word pair, a frame…) → its row in `index`, None
    where the index does not know it: the name is made (by `features`' own namer, `name_of`) and
    looked up once, on first use (at most `WORDS_MAX` kept, then started afresh)."""

    def __init__(self, index: Mapping[str, int], name_of: Callable[[Hashable], str]) -> None:
        super().__init__()
        self.index, self.name_of = index, name_of

    def __missing__(self, key: Hashable) -> int | None:
        if len(self) >= WORDS_MAX:
            self.clear()
        row = self[key] = self.index.get(self.name_of(key))
        return row


class StatementRows:
    """Statement inputs → rows of `index` (a joint scorer's: `JointScorer.index`), by parts kept
    once per process (bounded like the features' own caches)."""

    def __init__(self, index: Mapping[str, int]) -> None:
        self.index = index
        self._heads: dict[tuple[str, int, Kind | None], tuple[int, ...]] = {}
        self._signals: dict[tuple[int, str], tuple[Signals, tuple[int, ...]]] = {}
        self._verdicts: dict[tuple[int, Kind | None], tuple[Verdict, tuple[int, ...]]] = {}
        self._names: dict[str, int | None] = {}
        self._by_value: dict[Hashable, tuple[int, ...]] = {}
        row_of = {
            name: RowOf(index, namer).__getitem__
            for name, namer in (
                ("word", _named_word),
                ("pair", _named_pair),
                ("first", _named_first),
                ("first2", _named_first2),
                ("len", _named_len),
                ("label", _named_label),
                ("frame", _named_frame),
                ("frame_form", _named_frame_form),
                ("verb", _named_verb),
                ("subject", _named_subject),
                ("flags", _named_flags),
            )
        }
        self._row_of = row_of

    def of(
        self,
        st: Statement,
        sig: Signals,
        verdict: Verdict | None,
        hint: Kind | None,
        has_children: bool = False,
    ) -> tuple[int, ...]:
        """`feature_rows(index, statement_features(st, sig, verdict, hint, has_children))`."""
        rows = set(self._signal_rows(sig, st.form))
        rows.update(self._head_rows(st.form, min(st.depth, 2), hint))
        if verdict is not None:
            rows.update(self._verdict_rows(verdict, hint))
        for name in own_names(st, sig, has_children):
            row = self._name_row(name)
            if row is not None:
                rows.add(row)
        return tuple(sorted(rows))

    def _name_row(self, name: str) -> int | None:
        row = self._names.get(name, -1)
        if row == -1:
            if len(self._names) >= KEPT_MAX:
                self._names.clear()
            row = self._names[name] = self.index.get(name)
        return row

    def _known(self, names: Iterable[str]) -> tuple[int, ...]:
        index = self.index
        return tuple({index[f] for f in names if f in index})

    def _head_rows(self, form: str, depth: int, hint: Kind | None) -> tuple[int, ...]:
        key = (form, depth, hint)
        rows = self._heads.get(key)
        if rows is None:
            if len(self._heads) >= KEPT_MAX:
                self._heads.clear()
            rows = self._heads[key] = self._known(_head_names(form, depth, hint))
        return rows

    def _signal_rows(self, sig: Signals, form: str) -> tuple[int, ...]:
        """Kept by the identity of the signals (checked on a hit), as `_signal_features` is."""
        key = (id(sig), form)
        hit = self._signals.get(key)
        if hit is not None and hit[0] is sig:
            return hit[1]
        rows = self._read_signal_rows(sig, form)
        if len(self._signals) >= KEPT_MAX:
            self._signals.clear()
        self._signals[key] = (sig, rows)
        return rows

    def _read_signal_rows(self, sig: Signals, form: str) -> tuple[int, ...]:
        """The rows of `features._read_signal_features(sig, form)`, each part's row found from
        what its name is made of (`RowOf`): the names of a text's words and word pairs are not
        looked up again for every text that holds them."""
        row_of = self._row_of
        fx = facts(sig, form)
        words = fx.words
        rows = set(map(row_of["word"], words))
        rows.update(map(row_of["pair"], zip(words, words[1:], strict=False)))
        if words:
            rows.add(row_of["first"](words[0]))
            if len(words) > 1:
                rows.add(row_of["first2"]((words[0], words[1])))
        rows.add(row_of["len"](len(sig.tokens)))
        rows.update(map(row_of["label"], fx.labels))
        rows.add(row_of["frame"](fx.frame))
        rows.add(row_of["frame_form"]((fx.frame, form)))
        if fx.subject:
            rows.add(row_of["subject"](fx.subject))  # no name ("") is no row
        if 0 <= fx.verb < len(sig.tokens):
            v = sig.tokens[fx.verb]
            rows.add(row_of["verb"](v.lemma or v.lower))
            rows.add(row_of["flags"](v.flags))
        rows.discard(None)
        return tuple(rows)  # type: ignore[arg-type]

    def _verdict_rows(self, verdict: Verdict, hint: Kind | None) -> tuple[int, ...]:
        """Kept by the identity of the verdict (checked on a hit), as `_verdict_features` is,
        and by what its features are made of: the many verdicts that give the same names."""
        key = (id(verdict), hint)
        hit = self._verdicts.get(key)
        if hit is not None and hit[0] is verdict:
            return hit[1]
        value = (
            verdict.cls,
            tuple(e.label for e in verdict.evidence),
            tuple(e.label for e in verdict.specific),
            verdict.who,
            verdict.why,
            verdict.vague,
            hint,
        )
        rows = self._by_value.get(value)
        if rows is None:
            rows = self._known(_verdict_features(verdict, hint))
            if len(self._by_value) >= KEPT_MAX:
                self._by_value.clear()
            self._by_value[value] = rows
        if len(self._verdicts) >= KEPT_MAX:
            self._verdicts.clear()
        self._verdicts[key] = (verdict, rows)
        return rows
