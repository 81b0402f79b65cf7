"""Section kinds from heading words (SPEC §2, §8.1): strategy / plan / goals / mixed.

Within a heading the last kind word wins; a heading that joins a strategy word and a plan word
("Strategy & plan") is mixed; a heading about planning as a subject ("Roadmap planning", "How to
suggest a plan") sets no kind. The words are data: rules/lexicons/sections.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from stratlint import lexicon
from stratlint.model import Document, Kind
from stratlint.understand.nlp import Signals

_STOP = lexicon.grammar()["stop"]


@dataclass(frozen=True)
class HeadingKind:
    kind: Kind | None
    role: str | None  # "title" | "component"
    words: tuple[str, ...] = ()


_HEADING_TOKEN = re.compile(r"30[-/ ]60[-/ ]90|[a-z0-9]+(?:['’][a-z]+)?|&|\+|/", re.IGNORECASE)


def _phrases(extra: dict[str, list[str]] | None) -> list[tuple[tuple[str, ...], Kind, str]]:
    data = lexicon.section_words()
    out = []
    for kind in (Kind.STRATEGY, Kind.PLAN, Kind.GOALS):
        block = data.get(kind.value) or {}
        for role in ("title", "component"):
            for phrase in block.get(role) or []:
                out.append(
                    (
                        tuple(_HEADING_TOKEN.findall(str(phrase).lower().replace("’", "'"))),
                        kind,
                        role,
                    )
                )
        for phrase in (extra or {}).get(kind.value, []):
            out.append((tuple(_HEADING_TOKEN.findall(phrase.lower())), kind, "title"))
    out.sort(key=lambda p: -len(p[0]))
    return out


_TOPIC_WORDS = frozenset(lexicon.section_words().get("topic") or ())
_BEYOND_WORDS = frozenset(lexicon.section_words().get("beyond") or ())


_PHRASE_CACHE: dict[str, list[tuple[tuple[str, ...], Kind, str]]] = {}


_BY_FIRST: dict[str, dict[str, list[tuple[tuple[str, ...], Kind, str]]]] = {}


def _by_first_word(
    phrases: list[tuple[tuple[str, ...], Kind, str]],
) -> dict[str, list[tuple[tuple[str, ...], Kind, str]]]:
    """The phrases by their first word, each word's in the order of `phrases` (longest first):
    a heading's word is compared with the few phrases it can start, not with all of them."""
    out: dict[str, list[tuple[tuple[str, ...], Kind, str]]] = {}
    for p in phrases:
        if p[0]:
            out.setdefault(p[0][0], []).append(p)
    return out


_KINDS: dict[tuple[str, str], HeadingKind] = {}  # (title, additions) → its kind, read once
_KINDS_MAX = 20_000


def heading_kind(title: str, extra: dict[str, list[str]] | None = None) -> HeadingKind:
    key = repr(sorted(extra.items())) if extra else "[]"
    known = _KINDS.get((title, key))
    if known is None:
        if len(_KINDS) >= _KINDS_MAX:
            _KINDS.clear()
        known = _KINDS[(title, key)] = _heading_kind(title, key, extra)
    return known


def _heading_kind(title: str, key: str, extra: dict[str, list[str]] | None) -> HeadingKind:
    phrases = _PHRASE_CACHE.get(key)
    if phrases is None:
        phrases = _PHRASE_CACHE[key] = _phrases(extra)
    words = [w.lower().replace("’", "'") for w in _HEADING_TOKEN.findall(title)]
    if len(words) >= 5:
        fl = lexicon.wordforms().flags.get(words[0], "")
        if "V" in fl and "N" not in fl:
            return HeadingKind(None, None)  # "Align and bring clarity to our strategy": a topic
    by_first = _BY_FIRST.get(key)
    if by_first is None:
        by_first = _BY_FIRST[key] = _by_first_word(phrases)
    found: list[tuple[int, int, Kind, str, str]] = []
    i = 0
    while i < len(words):
        for ph, kind, role in by_first.get(words[i], ()):
            if tuple(words[i : i + len(ph)]) == ph:
                found.append((i, i + len(ph), kind, role, " ".join(ph)))
                i += len(ph)
                break
        else:
            i += 1
    if not found:
        return HeadingKind(None, None)
    outside = [w for k, w in enumerate(words) if not any(a <= k < b for a, b, *_ in found)]
    if set(outside) & _TOPIC_WORDS or (
        " ".join(words[:2]) in ("how to", "how we", "how do") and found[0][0] > 1
    ):
        return HeadingKind(None, None)  # "Roadmap planning", "Feature rollout process": about plans
    if _joins_strategy_and_plan(words, found):
        return HeadingKind(Kind.MIXED, "title", tuple(f[4] for f in found))
    last = found[-1]
    label = _LABEL.match(title)
    if label:
        # "Objective 3: Keep our customers": the label before the colon says what the section is;
        # the words after it are its name.
        n = len(_HEADING_TOKEN.findall(label.group(1)))
        named = [f for f in found if f[1] <= n]
        if named and _only_label(words[:n], named):
            last = named[-1]
    if last[2] == Kind.PLAN and set(outside) & _BEYOND_WORDS:
        return HeadingKind(None, None)  # "Future plans": intentions, not commitments (§8.9)
    return HeadingKind(last[2], last[3], tuple(f[4] for f in found))


# A heading's label: a few words (and a number) before a colon ("Objective 3:", "KR 2:").
_LABEL = re.compile(r"^\W*([A-Za-z][\w '’&/-]{0,30}?)\s*:\s*\S")
# What may stand beside the kind words of a label: a number, a letter, a period ("Q3 plan:").
_LABEL_MARK = re.compile(
    r"\d+[a-z]?|[a-z]|[ivx]+|[qh][1-4]|fy\d+|one|two|three|four|five|six"
    r"|first|second|third|fourth|fifth|sixth"
)


def _only_label(words: list[str], named: list[tuple[int, int, Kind, str, str]]) -> bool:
    """The words before the colon are a label — kind words with a number or a period ("Objective
    3:", "KR 2:", "Q3 plan:") — not a name that holds a kind word ("Kestrel wellness plans: sales
    strategy 2027" names a product; the last kind word decides, SPEC §8.1)."""
    return all(
        any(a <= k < b for a, b, *_ in named) or _LABEL_MARK.fullmatch(w)
        for k, w in enumerate(words)
    )


_JOINERS = frozenset({"&", "and", "+", "/", "vs", "versus", "with"})
# Words that may stand between "strategy" and "plan" in a heading that names both.
_FILLER = frozenset(
    {
        "the",
        "our",
        "this",
        "next",
        "year's",
        "years",
        "year",
        "fy",
        "quarter's",
        "sales",
        "go",
        "to",
        "market",
        "gtm",
        "team's",
        "s",
    }
)


def _joins_strategy_and_plan(
    words: list[str], found: list[tuple[int, int, Kind, str, str]]
) -> bool:
    """A heading that joins a strategy and a plan ("Strategy & plan", "FY25 strategy and Q1
    plan"): the two kind words side by side with only joiners, filler and time frames between."""
    kinds = {f[2] for f in found}
    if not (Kind.STRATEGY in kinds and Kind.PLAN in kinds):
        return False
    for a, b in zip(found, found[1:], strict=False):
        if {a[2], b[2]} == {Kind.STRATEGY, Kind.PLAN}:
            between = words[a[1] : b[0]]
            if (
                between
                and any(w in _JOINERS for w in between)
                and all(
                    w in _JOINERS
                    or w in _FILLER
                    or w[:2] in ("fy", "20")
                    or re.fullmatch(r"[qh][1-4]|\d+", w)
                    for w in between
                )
            ):
                return True
    return False


_SHOWN_WORDS = frozenset(lexicon.section_words().get("shown") or ())
_TAUGHT_WORDS = frozenset(lexicon.section_words().get("taught") or ())


def names_anothers_kind(title: str, hk: HeadingKind) -> bool:
    """The kind the heading names is not the writer's own (SPEC §8.9): the reader's ("Document
    your cloud adoption plan", "Your 30-60-90 day plan": a page on how to write or follow one) or
    one shown to learn from ("Example of a cloud adoption plan with four horizons"), or a lesson's
    or a test's plan ("Scrum workshop plan", "Test plan": an agenda or a procedure). Not a model
    input: the models read the heading's kind as they were fitted on it (`page_kinds`)."""
    if hk.kind is None or not hk.words:
        return False
    words = [w.lower().replace("’", "'") for w in _HEADING_TOKEN.findall(title)]
    if _SHOWN_WORDS.intersection(words):
        return True
    last = tuple(_HEADING_TOKEN.findall(hk.words[-1]))
    starts = [i for i in range(len(words)) if tuple(words[i : i + len(last)]) == last]
    if not starts:
        return False
    if hk.kind == Kind.PLAN and starts[-1] and words[starts[-1] - 1] in _TAUGHT_WORDS:
        return True  # "Scrum workshop plan": a lesson's agenda, not the writer's commitments
    return "your" in words[: starts[-1]]


def heading_is_statement(title: str, sig: Signals, hk: HeadingKind) -> bool:
    """A heading is a statement only where it says more than kind words and a time frame."""
    text = title.lower()
    for w in hk.words:
        text = text.replace(w, " ")
    for a, b in sig.get("DATE") + sig.get("QUARTER"):
        text = text[:a] + " " * (b - a) + text[b:]
    rest = [w for w in re.findall(r"[a-z$€£%0-9]+", text) if w not in _STOP and len(w) > 1]
    if sig.has("PERCENT", "MONEY", "MULTIPLIER"):
        return True
    return len(rest) >= 3


def hint_owner(doc: Document, hk: Sequence[HeadingKind], idx: int) -> int | None:
    """The heading a section inherits its kind from (None when it names its own kind or is the
    title)."""
    if hk[idx].kind is not None or idx == doc.title:
        return None
    a = doc.sections[idx].parent
    while a is not None and hk[a].kind is None and a not in (0, doc.title):
        a = doc.sections[a].parent
    if a is None or hk[a].kind is None:
        return None
    return a


def declared_above(doc: Document, hk: Sequence[HeadingKind], idx: int) -> bool:
    """True when no heading between this section and the document's top sets a kind of its own."""
    p = doc.sections[idx].parent
    while p is not None and p not in (0, doc.title):
        if hk[p].kind is not None:
            return False
        p = doc.sections[p].parent
    return True
