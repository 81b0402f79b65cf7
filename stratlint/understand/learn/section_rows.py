"""A section's genre and domain model inputs as row numbers of each model: `SectionRows`.

A section's inputs (`inputs.section_inputs`) are the names of its heading, its place and its
own content in aggregate (forms, hand classes, labels, frames, fields, marks, voice), of its
content's words (`cw:`, one per distinct word of its own statements) and its page's inputs: a
few hundred strings a section, made by walking its statements three times (content, voice,
words), each then looked up in the genre model's index and, filtered by prefix, in the domain
model's. Here a section is read in one pass over its statements, and each of its names is found
by what it is made of (a label and its share, a frame and its share…): the name is made and
looked up in both models once per process, when those parts are first met, not once per
section (issue 15). A statement's word rows are found once per text (kept by the identity of
its signals, as its facts are), a page's once per page (`of_names`); a section's rows are the
union of its parts' rows, its statements' word rows and its page's rows, sorted.

The rows are those of the names of `section_inputs`, exactly: the same names, made from the
same counts by the same rules as `features.section_features` and `voice.voice_features` (a set
is a set: the union of the parts' known rows is the set of the known rows of all names), and
the domain rows those of `domain_inputs` of them; `tests/test_learn.py` checks both on the
corpus. A change to either feature function is a change here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from stratlint.model import Section, Statement
from stratlint.understand.classify import Verdict
from stratlint.understand.learn.facts import KEPT_MAX, facts
from stratlint.understand.learn.features import (
    SectionPlace,
    _bucket,
    _kind,
    _marks,
    _named_content_word,
    _share,
)
from stratlint.understand.learn.rows import RowOf
from stratlint.understand.nlp import Signals

Rows = tuple[int, ...]
# What the domain model reads of a section's genre inputs: its words (content, heading, the page's
# title) and the lexicon classes it uses, not its layout (`inputs.domain_inputs`).
DOMAIN_PREFIXES = ("cw:", "hw:", "dt:", "agg:")
_CLASSES = ("GOAL", "CHOICE", "ACTION", "CONTEXT")
_FORMS = ("sentence", "item", "row")


def _same(name: object) -> str:
    return str(name)


def _voice(
    n: int, you: int, we: int, links: int, past: int, imperative: int, classes: dict[str, int]
) -> list[tuple[object, ...]]:
    """The parts of a section's voice: `voice.voice_features("sec_", …)` of `n` statements."""
    return [
        ("sec_you:%s", _share(you, n)),
        ("sec_we:%s", _share(we, n)),
        ("sec_links:%s", _share(links, n)),
        ("sec_past:%s", _share(past, n)),
        ("sec_imperative:%s", _share(imperative, n)),
        ("sec_n:%s", _bucket(n, (3, 10, 30, 100))),
        ("sec_you_we:%s_%s", _share(you, n), _share(we, n)),
        *(("sec_%s:%s", c, _share(k, n)) for c, k in classes.items()),
    ]


class SectionRows:
    """Section inputs → (genre rows, domain rows), in the models' own row numbers
    (`LinearModel.row_index`); the domain's are empty when there is no domain model."""

    def __init__(self, genre_index: Mapping[str, int], domain_index: Mapping[str, int]) -> None:
        self.genre_index, self.domain_index = genre_index, domain_index
        self._genre_name = RowOf(genre_index, _same).__getitem__
        self._domain_name = RowOf(domain_index, _same).__getitem__
        self._genre_word = RowOf(genre_index, _named_content_word).__getitem__
        self._domain_word = RowOf(domain_index, _named_content_word).__getitem__
        self._words: dict[tuple[int, str], tuple[Signals, Rows, Rows]] = {}
        self._parts: dict[tuple[object, ...], tuple[int | None, int | None]] = {}

    def of_names(self, names: Iterable[str], domain_names: Iterable[str]) -> tuple[Rows, Rows]:
        """The known rows of `names` in the genre model and of `domain_names` in the domain's."""
        genre = set(map(self._genre_name, names))
        genre.discard(None)
        domain = set(map(self._domain_name, domain_names))
        domain.discard(None)
        return tuple(genre), tuple(domain)  # type: ignore[arg-type]

    def of_section(
        self,
        sec: Section,
        place: SectionPlace,
        statements: Sequence[Statement],
        signals: Sequence[Signals],
        verdicts: Sequence[Verdict | None],
        page: tuple[Rows, Rows],
    ) -> tuple[Rows, Rows]:
        """The rows of `section_features(sec, place, statements, signals, verdicts)` and
        `voice_features("sec_", statements, signals, verdicts)`, with the section's content
        words, and of its page's inputs (`page`, from `of_names`): (genre rows, domain rows),
        each sorted."""
        g, d = set(page[0]), set(page[1])
        kind = _kind(place.hint)
        parts: list[tuple[object, ...]] = [
            ("hint:%s", kind),
            ("hint_src:%s", place.source),
            ("parent_hint:%s", _kind(place.parent)),
            ("doc_hint:%s", _kind(place.top)),
            ("lvl:%s", min(sec.level, 4)),
        ]
        if place.is_title:
            parts.append(("title",))
        parts.extend(("hw:%s", w) for w in place.heading_words)
        parts.extend(("child_hint:%s", k) for k in {_kind(c) for c in place.children})
        n = len(statements)
        parts.append(("n:%s", _bucket(n, (0, 1, 3, 6, 12, 25))))
        if n == 0:
            parts.append(("empty_children:%s", _bucket(len(place.children), (0, 1, 3))))
            parts.append(("sec_empty",))
        else:
            self._content(parts, g, d, kind, statements, signals, verdicts)
        part = self._part
        for key in parts:
            gr, dr = part(key)
            if gr is not None:
                g.add(gr)
            if dr is not None:
                d.add(dr)
        return tuple(sorted(g)), tuple(sorted(d))

    def _content(
        self,
        parts: list[tuple[object, ...]],
        g: set[int],
        d: set[int],
        kind: str,
        statements: Sequence[Statement],
        signals: Sequence[Signals],
        verdicts: Sequence[Verdict | None],
    ) -> None:
        """The parts of a section's own content and voice (`features._content_features`,
        `voice.voice_features`), read in one pass; its words' rows go into `g` and `d`."""
        n = len(statements)
        forms: dict[str, int] = {}
        classes: dict[str, int] = {}
        labels: dict[str, int] = {}
        frames: dict[str, int] = {}
        fields: set[str] = set()
        placeholders = questions = links = who = why = you = we = past = imperative = 0
        word_rows = self._word_rows
        for st, sig, v in zip(statements, signals, verdicts, strict=True):
            form = st.form
            fx = facts(sig, form)
            forms[form] = forms.get(form, 0) + 1
            for label in fx.labels:
                labels[label] = labels.get(label, 0) + 1
            frame = fx.frame
            frames[frame] = frames.get(frame, 0) + 1
            gw, dw = word_rows(sig, form)
            g.update(gw)
            d.update(dw)
            if st.fields:
                fields.update(fl.label for fl in st.fields)
            placeholder, question = _marks(st, sig, fx)
            placeholders += placeholder
            questions += question
            links += bool(st.links)
            you += fx.you
            we += fx.we
            past += frame == "past"
            imperative += frame == "imperative"
            if v is not None:
                cls = v.cls._value_
                classes[cls] = classes.get(cls, 0) + 1
                who += v.who
                why += v.why
        parts.extend(("form_%s:%s", f, _share(forms.get(f, 0), n)) for f in _FORMS)
        for c in _CLASSES:
            share, count = _share(classes.get(c, 0), n), _bucket(classes.get(c, 0), (0, 1, 3))
            parts += [("hv_%s:%s", c, share), ("hv_%s_n:%s", c, count)]
            parts.append(("hv_%s_hint:%s_%s", c, share, kind))
        parts.extend(("agg:%s:%s", label, _share(k, n)) for label, k in labels.items())
        parts.extend(("frame:%s:%s", frame, _share(k, n)) for frame, k in frames.items())
        parts.extend(("field:%s", x) for x in fields)
        parts.append(("placeholder:%s", _share(placeholders, n)))
        parts.append(("question:%s", _share(questions, n)))
        parts.append(("links:%s", _share(links, n)))
        parts.append(("who:%s", _bucket(who, (0, 1))))
        parts.append(("why:%s", _bucket(why, (0, 1))))
        parts.extend(_voice(n, you, we, links, past, imperative, classes))

    def _part(self, key: tuple[object, ...]) -> tuple[int | None, int | None]:
        """The genre and domain rows of the name `key[0] % key[1:]`, made and looked up once
        (the domain's only for the names it reads: `DOMAIN_PREFIXES`)."""
        hit = self._parts.get(key)
        if hit is None:
            name = key[0] % key[1:]  # type: ignore[operator]
            domain = self.domain_index.get(name) if name.startswith(DOMAIN_PREFIXES) else None
            if len(self._parts) >= KEPT_MAX:
                self._parts.clear()
            hit = self._parts[key] = (self.genre_index.get(name), domain)
        return hit

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
