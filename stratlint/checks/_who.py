"""Reading whom a strategy names: the headings and labels of its audience ("## Where we play",
"**Who we are for**"), a segment only excluded is no choice of whom we sell to ("We will not
chase SMB or carriers"), and an account plan sells to the account it is written for."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from stratlint import lexicon
from stratlint.model import Statement
from stratlint.understand.analysis import Analysis, Scope
from stratlint.understand.classify import WHO
from stratlint.understand.learn.facts import has_placeholder
from stratlint.understand.nlp import Signals
from stratlint.understand.signals import Tok

WHO_HEADINGS = (
    "where we play",
    "where to play",
    "target market",
    "icp",
    "ideal customer",
    "target segments",
    "target customers",
    "who we sell to",
    "our customers",
)
# A section of the strategy about its audience names whom it serves, whatever its heading's kind
# ("## Our audience", "## Who we serve", "## Personas").
WHO_TITLE = re.compile(
    r"\b(?:audiences?|who we serve|who we are for|who it is for|personas?|customer segments|"
    r"our (?:buyers|clients|customers|users|members))\b",
    re.IGNORECASE,
)


def who_label(a: Analysis, st: Statement) -> bool:
    """A line that is only a label of whom the strategy serves ("**Who we are for**", "Where we
    play:", "**Who.**" before its answer on the same line), with content after it in its
    section: a heading written in bold, as "## Who we are for" would be (SPEC §8.3's who,
    answered under it)."""
    text = st.text.strip(" *_:.")
    if st.form != "sentence" or len(text.split()) > 6:
        return False
    if not (WHO_TITLE.fullmatch(text) or text.lower() in WHO_HEADINGS or text.lower() == "who"):
        return False
    nxt = st.index + 1
    return (
        nxt < len(a.doc.statements)
        and a.doc.statements[nxt].section == st.section
        and not a.doc.statements[nxt].is_field
    )


# "Who: OCs of residential towers with 3 or more lifts", "**Who:** mid-size growers": the field
# names the strategy's audience. On a plan item the same label names its owner (SPEC §8.6).
_WHO_FIELD = re.compile(r"^\W*who\W*:", re.IGNORECASE)


_WHO_HEADING_SET = frozenset(WHO_HEADINGS)


def who_section_beside(a: Analysis, scope: Scope) -> bool:
    """A section about the strategy's audience beside it ("## Target market" next to "## Strategy"
    under the same parent), with content: it names whom the strategy sells to even where its
    own content was too thin to be confirmed as strategy material. An absence claim is silenced
    by what sits next to the strategy, not only by what was confirmed into it (§8.3, §8.9)."""
    secs = a.doc.sections
    parents = {secs[s].parent for s in scope.sections if s}
    for sec in secs:
        if sec.parent not in parents or sec.index in scope.sections or not sec.index:
            continue
        words = a.heading_kinds[sec.index].words
        if not (_WHO_HEADING_SET.intersection(words) or WHO_TITLE.search(sec.title)):
            continue
        if any(not a.doc.statements[i].quoted for i in sec.statements):
            return True
    return False


def who_field(a: Analysis, st: Statement) -> bool:
    """A `Who:` field in a strategy that describes its buyers ("Who: residential towers with 3 or
    more lifts in Port Phillip") or names a market word: the strategy's who, written as a field,
    not an owner. A name or two ("Who: Sam Okafor") may be a person; a placeholder names no one."""
    m = _WHO_FIELD.match(st.text)
    if not st.is_field or m is None or has_placeholder(st.text):
        return False
    return len(st.text[m.end() :].split()) >= 3 or a.signals[st.index].has(*WHO)


_NEGATIONS = {
    "not",
    "won't",
    "wont",
    "never",
    "no longer",
    "stop",
    "avoid",
    "exclude",
    "excluding",
    "excluded",
    "decline",
    "will not",
    "we do not",
    "we don't",
    "not pursue",
    "do not pursue",
    "not chase",
    "don't chase",
    "exit",
    "deprioritize",
    "deprioritise",
    "walk away",
    "pass on",
    "say no",
    "out of scope",
    "not a fit",
}


_CLAUSE = re.compile(r"[;:,—–]|\bbut\b|\bwhile\b|\binstead\b|\brather than\b")


def only_excludes(sig: Signals) -> bool:
    """Every clause that names a segment also negates it: "We will not chase SMB or carriers"."""
    low = sig.text.lower()
    if not {w.lower() for w in sig.words("tradeoff")} & _NEGATIONS:
        return False
    who = [sp for lab in WHO for sp in sig.get(lab)]
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(low)] + [len(low)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        clause = low[a:b]
        if any(a <= x < b for x, _ in who) and not any(
            re.search(r"\b" + re.escape(n) + r"\b", clause) for n in _NEGATIONS
        ):
            return False
    return True


# An account plan or account strategy is written for one customer, named in its title: that
# account is whom the strategy sells to (S103), whatever its choices say.
_ACCOUNT_PAGE = re.compile(r"\baccount (?:plan|strategy|growth plan)\b", re.IGNORECASE)


def account_page(a: Analysis, scope: Scope) -> bool:
    """The page is an account plan, or the strategy an account strategy: its title or the
    strategy's heading says so ("Account plan: First Meridian Bank", "## Account strategy")."""
    title = a.doc.sections[a.doc.title].title if a.doc.title is not None else ""
    heads = [a.doc.sections[s].title for s in scope.sections[:1] if s]
    return any(_ACCOUNT_PAGE.search(t) for t in [title, *heads])


_WHERE = frozenset(lexicon.grammar()["where_preps"]) - {"with", "through", "via"}
# Spans where a capitalised word names a time, an amount or a measure, not a place or account.
_NOT_NAMES = ("DATE", "MONEY", "PERCENT", "metrics")


def names_place_or_account(a: Analysis, st: Statement) -> bool:
    """The statement names where it sells by a proper name the lexicons cannot know: a place or
    an account after a where-word ("Win 8 new logos in the Fraser Valley", "Add $2.5M at Target"),
    or one the change is on ("Grow Vancouver Island machine sales", "Grow Best Buy revenue"). The
    object of a goal names whom a strategy sells to (bank/GUIDE.md, the `who` tag)."""
    sig = a.signals[st.index]
    toks = [t for t in sig.tokens if t.text.strip()]
    skip = [sp for lab in _NOT_NAMES for sp in sig.get(lab)]
    flags = lexicon.wordforms().flags
    # The first word after a label ("S1.", "Objective 2:") opens the sentence.
    opening = max((k + 1 for k, t in enumerate(toks[:3]) if t.text in {".", ":", ")"}), default=0)
    for i, t in enumerate(toks):
        initials = _place_initials(toks, i)
        if (
            i <= opening
            or not (t.text[:1].isupper() and t.text[1:2].islower() or initials)
            or flags.get(t.lower)
            or any(x <= t.start < y for x, y in skip)
        ):
            continue
        before = [u.lower for u in toks[max(opening, i - 3) : i]]
        if any(w in _WHERE for w in before) or (i == opening + 1 and not initials):
            return True
    return False


# Where a place's initials stand ("in regional NSW", "across DACH"): after a word of place, at
# the end of its noun phrase ("in NZ dollars" names a currency, "the Kesoft AM range" a product).
_IN_PLACE = frozenset({"in", "across", "throughout", "into"})
_PHRASE_ENDS = frozenset(lexicon.grammar()["stop"])  # "in NSW to A$650k", "in NSW by June"


def _place_initials(toks: Sequence[Tok], i: int) -> bool:
    word = toks[i].text
    if not (word.isalpha() and word.isupper() and 2 <= len(word) <= 5):
        return False
    if not any(u.lower in _IN_PLACE for u in toks[max(0, i - 3) : i]):
        return False
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    return not (nxt.isalpha() and nxt.islower()) or nxt in _PHRASE_ENDS


def names_others(sig: Signals) -> bool:
    """A market word the strategy chooses, not one that names us: "our audit practice", "our Bend
    studio", "focus our energy" describe the seller (the word before is "our", or "our" and one
    more word)."""
    text = sig.text
    for lab in WHO:
        for a0, _ in sig.get(lab):
            before = text[max(0, a0 - 80) : a0].lower().split()[-2:]  # not the whole text
            if "our" not in before:
                return True
    return False


# A verb that aims at buyers ("Focus on poultry processors along the I-80", "Target converters
# that already run our grade", "We sell to renters and homeowners"): its object names whom the
# strategy sells to, an open class the segment lexicon cannot list.
_AIMS = re.compile(
    r"\b(?:sell(?:s|ing)?(?: \w+)? to|focus(?:es|ed|ing)?(?: \w+)? on|target(?:s|ing)?|"
    r"serv(?:e|es|ing)|go(?:es|ing)? after|chas(?:e|es|ing)|pursu(?:e|es|ing)|"
    r"concentrat(?:e|es|ing) on|speciali[sz](?:e|es|ing) in)\s",
    re.IGNORECASE,
)
_GENERIC = frozenset(lexicon.grammar()["generic_who"])
# Words that end the object's noun phrase before its head: a preposition, a verb's helper, us.
_ENDS_OBJECT = frozenset(lexicon.grammar()["stop"]) - {"the", "a", "an", "all", "every", "each"}
_US = frozenset({"our", "us", "we", "them", "their", "it", "its", "this", "that"})
# How plural names of people and firms end, for words the word-form table lacks.
_AGENT_ENDS = ("ers", "ors", "ists", "ians", "ants", "ents")


def aims_at_others(sig: Signals) -> bool:
    """The choice aims a verb at buyers named by a plural noun within its first four words
    ("Focus on touring musicals and regional producing theatres"), not at a generic one
    ("customers"), at us ("our base"), at an amount ("30% margins") or at a measure."""
    toks = [t for t in sig.tokens if t.text.strip()]
    forms = lexicon.wordforms()
    flags, lemma = forms.flags, forms.noun_lemma
    skip = [sp for lab in ("metrics", "PERCENT", "MONEY", "CARDINAL") for sp in sig.get(lab)]
    for m in _AIMS.finditer(sig.text):
        after = [t for t in toks if t.start >= m.end()][:4]
        for t in after:
            if not t.text.isalpha() or t.lower in _ENDS_OBJECT or t.lower in _US:
                break
            if any(x <= t.start < y for x, y in skip):
                break
            if _plural_noun(t.lower, flags, lemma):
                if t.lower not in _GENERIC:
                    return True
                break
    return False


def _plural_noun(low: str, flags: Mapping[str, str], lemma: Mapping[str, str]) -> bool:
    """A plural noun: the table's, or a word it lacks that ends like people and firms
    ("processors", "fabricators", "orthodontists")."""
    if not low.endswith("s"):
        return False
    if low in flags:
        return "N" in flags[low] and lemma.get(low, low) != low
    return "N" in flags.get(low[:-1], "") or low.endswith(_AGENT_ENDS)
