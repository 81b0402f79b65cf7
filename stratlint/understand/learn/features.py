"""Named features of statements and sections, from the signals the pipeline already computes.

Nothing here is a phrase list: features are word lemmas, word classes, the sentence frame, the
labels of lexicon and pattern hits (metric, change verb, date, money…), fields, the list and table
structure, and the hand-written classifier's verdict with its evidence. The models learn how much
each one counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from stratlint.model import Kind, Section, Statement
from stratlint.understand.classify import Verdict
from stratlint.understand.learn.facts import (
    KEPT_MAX,
    WORDS_MAX,
    Facts,
    facts,
    has_placeholder,
)
from stratlint.understand.nlp import Signals

_SUBJECTS = frozenset(
    {
        "we",
        "our",
        "you",
        "your",
        "i",
        "they",
        "it",
        "this",
        "each",
        "every",
        "the",
        "a",
        "an",
        "all",
    }
)


def _bucket(n: float, edges: Sequence[float]) -> str:
    for i, e in enumerate(edges):
        if n <= e:
            return str(i)
    return str(len(edges))


def _share(n: int, total: int) -> str:
    if total == 0 or n == 0:
        return "0"
    r = n / total
    return "lo" if r < 0.34 else "mid" if r < 0.67 else "hi"


# The feature names of words and word pairs, made once per process: the same few thousand come
# back in every statement, and a name made once has its hash kept, which the models' lookups
# need (making and hashing new strings was a tenth of the models' time; issue 15).
class _Names(dict[Any, str]):
    """Names made by `make` on first use and kept (at most `WORDS_MAX`, then started afresh)."""

    def __init__(self, make: Callable[[Any], str]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> str:
        if len(self) >= WORDS_MAX:
            self.clear()
        name = self[key] = self.make(key)
        return name


_named_word = _Names(lambda w: f"w:{w}").__getitem__
_named_content_word = _Names(lambda w: f"cw:{w}").__getitem__
_named_pair = _Names(lambda p: f"bi:{p[0]}_{p[1]}").__getitem__
# The other names of a statement's signal features, by what they are made from.
_named_first = _Names(lambda w: f"first:{w}").__getitem__
_named_first2 = _Names(lambda p: f"first2:{p[0]}_{p[1]}").__getitem__
_named_len = _Names(lambda n: f"len:{_bucket(n, (3, 6, 12, 25, 45))}").__getitem__
_named_label = _Names(lambda label: f"sig:{label}").__getitem__
_named_frame = _Names(lambda frame: f"frame:{frame}").__getitem__
_named_frame_form = _Names(lambda p: f"frame_form:{p[0]}_{p[1]}").__getitem__
_named_verb = _Names(lambda lemma: f"verb:{lemma.lower()}").__getitem__
_named_subject = _Names(lambda subject: _subject_head(subject)).__getitem__  # "" for none
_named_flags = _Names(lambda flags: f"verbflags:{''.join(sorted(set(flags)))}").__getitem__


# The features a statement's signals and form give (`_read_signal_features`), by the identity of
# the signals (checked on a hit): a text's Signals are one object wherever the text comes back
# (`nlp.analyse`), in any section, with any verdict. Kept as a tuple of names made once.
_BY_SIGNALS: dict[tuple[int, str], tuple[Signals, tuple[str, ...]]] = {}
_BY_SIGNALS_MAX = KEPT_MAX


def _one_name(name: str) -> str:
    """The first string equal to `name` met: the kept features hold each name once ("len:2",
    "frame:modal", "sig:DATE" are in thousands of statements)."""
    if len(_ONE_NAME) >= WORDS_MAX:
        _ONE_NAME.clear()
    return _ONE_NAME.setdefault(name, name)


_ONE_NAME: dict[str, str] = {}


def _signal_features(sig: Signals, form: str) -> tuple[str, ...]:
    key = (id(sig), form)
    hit = _BY_SIGNALS.get(key)
    if hit is not None and hit[0] is sig:
        return hit[1]
    out = tuple(_read_signal_features(sig, form))
    if len(_BY_SIGNALS) >= _BY_SIGNALS_MAX:
        _BY_SIGNALS.clear()
    _BY_SIGNALS[key] = (sig, out)
    return out


def _read_signal_features(sig: Signals, form: str) -> list[str]:
    """Words, word pairs, length, labels, frame, subject and verb of a statement. Each name is
    made once per process, kept by what it is made from (`_Names`): no string is formatted,
    hashed and looked up again to find the one kept."""
    f: list[str] = []
    fx = facts(sig, form)
    words = fx.words
    # Each word and bigram once: models read features as a set; repeats cost memory (issue 15).
    f.extend(map(_named_word, dict.fromkeys(words)))
    f.extend(map(_named_pair, dict.fromkeys(zip(words, words[1:], strict=False))))
    if words:
        f.append(_named_first(words[0]))
        if len(words) > 1:
            f.append(_named_first2((words[0], words[1])))
    f.append(_named_len(len(sig.tokens)))
    f.extend(map(_named_label, fx.labels))
    frame, subject, verb = fx.frame, fx.subject, fx.verb
    f.append(_named_frame(frame))
    f.append(_named_frame_form((frame, form)))
    if subject:
        head = _named_subject(subject)
        if head:
            f.append(head)
    if 0 <= verb < len(sig.tokens):
        v = sig.tokens[verb]
        f.append(_named_verb(v.lemma or v.lower))
        f.append(_named_flags(v.flags))
    return f


def _subject_head(subject: str) -> str:
    """The name of a subject's head word ("subj:we", "subj:cap" for a name), "" for none."""
    subj = subject.lower().split()
    if not subj:
        return ""
    head = subj[0] if subj[0] in _SUBJECTS else ("cap" if subject[:1].isupper() else "x")
    return f"subj:{head}"


def statement_features(
    st: Statement,
    sig: Signals,
    verdict: Verdict | None,
    hint: Kind | None,
    has_children: bool = False,
) -> list[str]:
    """The features of one statement, in the section whose heading hints `hint`."""
    f: list[str] = list(_head_names(st.form, min(st.depth, 2), hint))
    f.extend(_signal_features(sig, st.form))
    f.extend(own_names(st, sig, has_children))
    if verdict is not None:
        f.extend(_verdict_features(verdict, hint))
    return f


def own_names(st: Statement, sig: Signals, has_children: bool) -> list[str]:
    """The statement's own features: its fields, table columns, links, checkbox, children and
    marks (a placeholder, a question)."""
    f: list[str] = [f"field:{fld.label}" for fld in st.fields]
    if st.cells:
        f.append("table")
        f.extend(f"col:{h.lower()[:20]}" for h, _ in st.cells[:6] if h)
    if st.links:
        f.append("link")
    if st.checkbox:
        f.append("checkbox")
    if has_children:
        f.append("parent")
    placeholder, question = _marks(st, sig, facts(sig, st.form))
    if placeholder:
        f.append("placeholder")
    if question:
        f.append("question")
    return f


def _marks(st: Statement, sig: Signals, fx: Facts) -> tuple[bool, bool]:
    """Whether the statement's text holds a placeholder, and ends with a question mark: read
    from its facts (`fx`, of `sig`) when the signals are its text's, as they are in a run."""
    if st.text is sig.text or st.text == sig.text:
        return fx.placeholder, fx.question
    return has_placeholder(st.text), st.text.rstrip().endswith("?")


# The names that open a statement's features, by (form, depth, hint): a handful of them, made once
# (issue 15: three new strings a statement, each hashed again by the models' index).
_HEADS: dict[tuple[str, int, Kind | None], tuple[str, str, str]] = {}


def _head_names(form: str, depth: int, hint: Kind | None) -> tuple[str, str, str]:
    key = (form, depth, hint)
    names = _HEADS.get(key)
    if names is None:
        if len(_HEADS) >= WORDS_MAX:
            _HEADS.clear()
        names = _HEADS[key] = (f"form:{form}", f"depth:{depth}", f"hint:{_kind(hint)}")
    return names


# The features a hand verdict gives in a section of some hint, by the identity of the verdict
# (checked on a hit): `classify` gives one verdict object to a line repeated in the same kind of
# section, and its names are made once.
_BY_VERDICT: dict[tuple[int, Kind | None], tuple[Verdict, tuple[str, ...]]] = {}


def _verdict_features(verdict: Verdict, hint: Kind | None) -> tuple[str, ...]:
    key = (id(verdict), hint)
    hit = _BY_VERDICT.get(key)
    if hit is not None and hit[0] is verdict:
        return hit[1]
    cls = verdict.cls._value_  # the plain attribute: `.value` is a property, and slower
    f = [f"hv:{cls}", f"hv_hint:{cls}_{_kind(hint)}"]
    f.extend(f"hv_ev:{e.label}" for e in verdict.evidence)
    f.extend(f"hv_sp:{e.label}" for e in verdict.specific)
    if verdict.who:
        f.append("hv_who")
    if verdict.why:
        f.append("hv_why")
    if verdict.vague:
        f.append("hv_vague")
    out = tuple(map(_one_name, f))
    if len(_BY_VERDICT) >= KEPT_MAX:
        _BY_VERDICT.clear()
    _BY_VERDICT[key] = (verdict, out)
    return out


class SectionPlace(NamedTuple):
    """Where a section stands, as the genre model reads it: its heading's kind words, the kind
    its heading suggests (None for none) and whether its own heading names it ("own") or it is
    "inherited", its parent's and its page title's kinds, its children's, whether it is the
    title."""

    heading_words: Sequence[str]
    hint: Kind | None
    source: str
    parent: Kind | None
    top: Kind | None
    children: Sequence[Kind | None]
    is_title: bool


def section_features(
    sec: Section,
    place: SectionPlace,
    statements: Sequence[Statement],
    signals: Sequence[Signals],
    verdicts: Sequence[Verdict | None],
    content_words: bool = True,
) -> list[str]:
    """The features of one section: its heading, its place, and its own content in aggregate.
    `content_words=False`: all but the names of its content's words (`cw:`), which a run reads
    as rows, statement by statement (`learn/section_rows.py`)."""
    f: list[str] = [
        f"hint:{_kind(place.hint)}",
        f"hint_src:{place.source}",
        f"parent_hint:{_kind(place.parent)}",
        f"doc_hint:{_kind(place.top)}",
        f"lvl:{min(sec.level, 4)}",
    ]
    if place.is_title:
        f.append("title")
    f.extend(f"hw:{w}" for w in place.heading_words)
    for k in sorted({_kind(c) for c in place.children}):
        f.append(f"child_hint:{k}")
    n = len(statements)
    f.append(f"n:{_bucket(n, (0, 1, 3, 6, 12, 25))}")
    if n == 0:
        f.append(f"empty_children:{_bucket(len(place.children), (0, 1, 3))}")
        return f
    f.extend(_content_features(statements, signals, verdicts, place.hint, content_words))
    return f


def _content_features(
    statements: Sequence[Statement],
    signals: Sequence[Signals],
    verdicts: Sequence[Verdict | None],
    hint: Kind | None,
    content_words: bool = True,
) -> list[str]:
    """A section's own content in aggregate: forms, hand classes, labels, frames, words, fields."""
    n = len(statements)
    f: list[str] = []
    forms = Counter(st.form for st in statements)
    for form in ("sentence", "item", "row"):
        f.append(f"form_{form}:{_share(forms[form], n)}")
    classes = Counter(v.cls._value_ for v in verdicts if v is not None)
    for c in ("GOAL", "CHOICE", "ACTION", "CONTEXT"):
        f.append(f"hv_{c}:{_share(classes[c], n)}")
        f.append(f"hv_{c}_n:{_bucket(classes[c], (0, 1, 3))}")
        f.append(f"hv_{c}_hint:{_share(classes[c], n)}_{_kind(hint)}")
    # Plain dicts, not Counters: `Counter.update` was most of a section's time here (issue 15).
    # `words` keeps each word once, in the order first met; only the words are read.
    labels: dict[str, int] = {}
    frames: dict[str, int] = {}
    words: dict[str, None] = {}
    fields: set[str] = set()
    placeholders = questions = links = who = why = 0
    for st, sig, v in zip(statements, signals, verdicts, strict=True):
        fx = facts(sig, st.form)
        for k in fx.labels:
            labels[k] = labels.get(k, 0) + 1
        frames[fx.frame] = frames.get(fx.frame, 0) + 1
        if content_words:
            words.update(dict.fromkeys(fx.words))
        if st.fields:
            fields.update(fl.label for fl in st.fields)
        placeholder, question = _marks(st, sig, fx)
        placeholders += placeholder
        questions += question
        links += bool(st.links)
        if v is not None:
            who += v.who
            why += v.why
    for label, count in labels.items():
        f.append(f"agg:{label}:{_share(count, n)}")
    for frame, count in frames.items():
        f.append(f"frame:{frame}:{_share(count, n)}")
    f.extend(map(_named_content_word, words))
    f.extend(f"field:{x}" for x in sorted(fields))
    f.append(f"placeholder:{_share(placeholders, n)}")
    f.append(f"question:{_share(questions, n)}")
    f.append(f"links:{_share(links, n)}")
    f.append(f"who:{_bucket(who, (0, 1))}")
    f.append(f"why:{_bucket(why, (0, 1))}")
    return f


def _kind(k: Kind | None) -> str:
    # `_value_`, the plain attribute: `.value` is a property, and asked for every feature list
    value: str = k._value_ if k is not None else "none"
    return value
