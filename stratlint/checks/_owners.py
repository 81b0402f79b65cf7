"""Whether a plan item has an owner (P202): in its fields, its text, the items it sits under or
the headings above it, within its plan. Owners written as the subject are read in `_subjects`,
deadlines (P203) in `_deadlines`."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from stratlint import lexicon
from stratlint.checks._chain import PLACEHOLDER, answer_above
from stratlint.checks._doers import doer_then_verb, name_leads_after_label, role_alone
from stratlint.checks._items import LEAD_IN, list_intro
from stratlint.checks._names import (
    LABELS,
    PRONOUNS,
    english_word,
    full_name,
    given_name,
    heading_names_person,
    opens_with_page_name,
    owner_set_off,
    page_names,
    set_off_name,
    titlecase,
)
from stratlint.checks._page_team import page_team
from stratlint.checks._role_places import (
    AUDIENCE,
    CLAUSE_OPENERS,
    GROUPS,
    function_alone,
    hyphen_modifier,
    in_audience_phrase,
    in_counted_object,
    modifies_object,
    names_a_workstream,
    owner_slot,
    verb_goes_on,
)
from stratlint.checks._subjects import (
    assigned_to,
    clause_after_label,
    clauses_after_time,
    named_doer,
    named_team_subject,
    people_subject,
    subject_owner,
    titled_name_subject,
)
from stratlint.model import Field, Statement
from stratlint.understand.analysis import Analysis, Scope
from stratlint.understand.nlp import Signals
from stratlint.understand.shape import sentence_shape
from stratlint.understand.signals import Tok

# A role after one of these, outside the subject, is whom the item acts on, not who does it.
_OBJECT_DETERMINERS = frozenset(
    {"each", "every", "all", "the", "their", "its", "any", "his", "her"}
)
# Spans where a capitalised word is not a name (months, places, segments, dates, money...).
_SKIPLABELS = (
    "months",
    "geographies",
    "industries",
    "segments",
    "resources",
    "DATE",
    "channels",
    "activity-nouns",
    "metrics",
    "MONEY",
)


def _weak(value: str, weak: frozenset[str]) -> bool:
    v = value.strip().strip("*_ ").lower()
    if PLACEHOLDER.match(v):
        return True
    # "Owner: TBD, due 30 June", "Owner: TBD. Bundle …": the owner is the part before the comma
    # or the sentence's end (an inline field's value runs on to the next label)
    head = re.split(r"[,;]|\.\s", v, maxsplit=1)[0].strip()
    return v in weak or v.rstrip(".") in weak or head in weak or bool(PLACEHOLDER.match(head))


# -- owners -------------------------------------------------------------------------------------


def _owner_in_text(a: Analysis, sig: Signals, heading: bool = False) -> bool:
    if sig.has("HANDLE"):
        return True
    if sig.has("OWNER_MARKER"):
        return True
    toks = sig.tokens
    roles = sig.get("roles")
    weak = lexicon.term_set("weak-owners", a.lexicon_extra)
    assignee = "" if heading else assigned_to(toks).lower()
    if assignee and assignee not in weak and assignee not in PRONOUNS:
        return True  # "Tom to run a pilot at Kirkstall Retail Park from April 2027"
    shape = sentence_shape(toks)
    subject_end = toks[shape.verb].start if shape.verb >= 0 and shape.subject else -1
    for a0, b0 in roles:
        k = next((i for i, t in enumerate(toks) if t.start == a0), -1)
        prev = toks[k - 1].lower if k > 0 else ""
        prev2 = toks[k - 2].lower if k > 1 else ""
        if prev in AUDIENCE or in_audience_phrase(toks, k):
            continue  # the audience: "a webinar for IT managers", "with the IBA HR forum"
        if prev in _OBJECT_DETERMINERS and a0 >= subject_end and prev2 != "by":
            continue  # whom the item acts on: "Call each HR director on the list"
        if shape.frame == "imperative" and in_counted_object(toks, shape.verb, k):
            continue  # "Hire one territory manager", "Invite two HR business partners"
        if k == shape.verb and shape.frame == "imperative" and verb_goes_on(toks, k):
            continue  # "Partner with two packaging-compliance consultancies": the verb
        if shape.frame == "imperative" and modifies_object(toks, shape.verb, k, prev):
            continue  # "Get listed on the state IT vendor portal": a noun's modifier
        word = sig.text[a0:b0]
        if word.lower() in weak or hyphen_modifier(toks, k) or prev in CLAUSE_OPENERS:
            continue  # "Partner-programme renewal calls", "so HR can reorder without a PO"
        if heading and (names_a_workstream(sig, roles, b0) or function_alone(sig, a0, b0)):
            continue  # "## Partner recruitment": what the items are about, not who does them
        # A role or team owns the item where it is written as a name ("RevOps", "AE", "Marketing")
        # or stands where owners stand (the subject, in brackets, after a dash).
        if (
            any(c.isupper() for c in word)
            or a0 < subject_end
            or (prev in {"(", "—", "–", "-", ":", "/", "|", "by"} and sig.text[a0 - 1 : a0] != "-")
        ):
            return True
    return (
        _person(sig, heading, weak, page_names(a))
        or _bracketed_page_name(a, toks)
        or _bracketed_full_name(a, toks, sig)
        or (not heading and _name_opens(a, sig))
    )


def _name_opens(a: Analysis, sig: Signals) -> bool:
    """A person's name and verb open the sentence, the clause after its time phrase, or the
    sentence after its label ("**Load-test every unit.** Hector Ruiz runs the 24-hour test …")."""
    after_label = clause_after_label(sig)
    clauses = (*clauses_after_time(sig), *((after_label,) if after_label else ()))
    return any(doer_then_verb(a, clause) for clause in clauses)


def _bracketed_page_name(a: Analysis, toks: Sequence[Tok]) -> bool:
    """ "Send Paul the service report (Gemma, 20 Feb)": a first name in the bracket that gives who
    and when, where the page names that person in full ("owner: Gemma Harlow"). A bracket of a
    place and a date ("(Galveston, June)") names no one the page knows."""
    names = page_names(a)
    return any(
        toks[k - 1].text == "(" and toks[k + 1].text == "," and toks[k].lower in names
        for k in range(1, len(toks) - 1)
    )


def _bracketed_full_name(a: Analysis, toks: Sequence[Tok], sig: Signals) -> bool:
    """ "**Target list** (Keisha Grant, by 31 July)": a first name and a surname opening the
    bracket that gives who and when, where another statement of the page writes that first name
    too ("Keisha Grant runs a clinical lunch …", "Resources: Keisha full-time"). A place in a
    dated bracket ("(San Antonio, March 2027)") is not a name the page's people go by."""
    for k in range(1, len(toks) - 2):
        t = toks[k]
        if (
            toks[k - 1].text == "("
            and toks[k + 2].text == ","
            and titlecase(t)
            and titlecase(toks[k + 1])
            and not english_word(t)
            and t.lower not in PRONOUNS
            and t.lower not in LABELS
            and _written_elsewhere(a, t.lower, sig)
        ):
            return True
    return False


def _written_elsewhere(a: Analysis, word: str, sig: Signals) -> bool:
    """Another statement of the page writes `word` capitalised ("Keisha Grant runs …"). Read once
    a page."""
    where: dict[str, set[int]] | None = a.memo.get("capitalised_words")
    if where is None:
        where = {}
        for x in a.signals:
            for t in x.tokens:
                if titlecase(t):
                    where.setdefault(t.lower, set()).add(id(x))
        a.memo["capitalised_words"] = where
    return bool(where.get(word, set()) - {id(sig)})


def _labelled_subject(sig: Signals, extra_weak: frozenset[str]) -> bool:
    """A short label sentence (at most eleven words and marks), then one whose subject names who
    does it: "Port of Antwerp logistics. Jeroen calls on 30 multi-site operators …", "**Broker
    appointments in the Midwest and Southeast.** Marcus Lee appoints 30 retail brokers …"."""
    toks = sig.tokens
    stop = next((k for k, t in enumerate(toks[:12]) if t.text == "."), -1)
    if stop <= 0 or stop + 2 >= len(toks):
        return False
    rest = toks[stop + 1 :]
    shape = sentence_shape(rest)
    return subject_owner(shape, extra_weak) or named_team_subject(rest, shape)


def _full_name_set_off(toks: list[Tok], i: int) -> bool:
    """A full name after a dash or a bracket ("… in Q2 — Tom Ashworth"), or set off by commas
    beside the subject ("Our compliance counsel, Farah Sheikh, briefs …"): a person, though the
    first name is an English word too."""
    if not (titlecase(toks[i]) and full_name(toks, i)) or toks[i].lower in PRONOUNS:
        return False
    prev = toks[i - 1].text if i else ""
    return prev in {"(", "[", "—", "–", "|"} or (
        prev == "," and i + 2 < len(toks) and toks[i + 2].text == "," and i <= 6
    )


def _joined(toks: Sequence[Tok], k: int) -> bool:
    """Token `k` is an en or em dash written with no space either side: it joins two names into
    a route or a range ("Dubai–Manila", "the Auburn–Kendallville corridor"); it sets nothing off.
    A hyphen joins the halves of one word, a name's too ("Kerry-Ann Doyle")."""
    return (
        toks[k].text in {"—", "–"}
        and 0 < k < len(toks) - 1
        and toks[k - 1].end == toks[k].start
        and toks[k].end == toks[k + 1].start
    )


def _dated_bracket(sig: Signals, toks: list[Tok], i: int) -> bool:
    """The bracket opened before token `i` also holds a date: it says where and when ("Sponsor
    KubeCon Europe (Amsterdam, March 2027)"), not who."""
    end = next((t.start for t in toks[i:] if t.text == ")"), len(sig.text))
    return any(toks[i].end <= a < end for lab in ("DATE", "months") for a, _ in sig.get(lab))


def _named_before_colon(toks: Sequence[Tok], skip_spans: Sequence[tuple[int, int]]) -> bool:
    """ "Tom: write the template", "Camila and Diego: attend …", "Solutions team — …": names (or
    a named group) before a colon or dash that opens the item."""
    colon = next((k for k, t in enumerate(toks[:5]) if t.text in {":", "—", "–"}), -1)
    return (
        colon > 0
        and all(
            t.text[:1].isupper()
            or t.lower in {"and", "&", ",", "/"}
            or (k == colon - 1 and k > 0 and t.lower in GROUPS)
            for k, t in enumerate(toks[:colon])
        )
        and toks[0].lower not in LABELS
        and not (colon == 1 and _label_word(toks[0]))
        and toks[0].lower not in PRONOUNS  # "The team —", "Our team:": weak owners
        and not any(a <= toks[0].start < b for a, b in skip_spans)
    )


def _label_word(t: Tok) -> bool:
    """One word before an item's colon that names a workstream, not who: a plural noun
    ("Friends: send an appeal letter …", "Approvals — set up …") or an adjective ("Online:",
    "Residential —"); a name is neither. A role or team before the colon is read as one
    elsewhere ("Marketing:", "Partnerships —")."""
    flags = lexicon.wordforms().flags.get(t.lower) or ""
    plural = "N" in flags and t.lower.endswith("s") and not t.lower.endswith("ss")
    return plural or ("A" in flags and "N" not in flags)


def _group_set_off(toks: Sequence[Tok]) -> bool:
    """A named group after a colon or dash, where an item's owner is written ("Add punch-out
    catalogues for the two depot buyers: web team, June 2027"): a word or two and a group word,
    then the end of the clause."""
    for k, t in enumerate(toks):
        if t.text not in {":", "—", "–"}:
            continue
        for j in (k + 2, k + 3):
            if j >= len(toks) or toks[j].lower not in GROUPS:
                continue
            between = toks[k + 1 : j]
            end = toks[j + 1].text if j + 1 < len(toks) else "."
            if end in {",", ".", ";", ")"} and all(
                x.text.isalpha() and x.lower not in PRONOUNS for x in between
            ):
                return True
    return False


def _subject_owns(sig: Signals, extra_weak: frozenset[str]) -> bool:
    """The subject of the sentence, of the clause after its opening time phrase, or of the
    sentence after its opening label, does it."""
    after_label = clause_after_label(sig)
    return any(
        subject_owner(shape, extra_weak)
        or named_team_subject(clause, shape)
        or people_subject(clause, shape)
        or titled_name_subject(clause, shape)
        for clause in (*clauses_after_time(sig), *((after_label,) if after_label else ()))
        for shape in (sentence_shape(clause),)
    )


def _person(
    sig: Signals, heading: bool, extra_weak: frozenset[str], known: Mapping[str, object]
) -> bool:
    """A person's name where owners stand: the subject, in brackets, or after a dash at the end."""
    toks = [t for t in sig.tokens if t.text.strip()]
    if not toks:
        return False
    skip_spans = [s for lab in _SKIPLABELS for s in sig.get(lab)]

    def name_like(i: int) -> bool:
        t = toks[i]
        if not titlecase(t):
            return False
        if (english_word(t) and not given_name(t)) or t.lower in PRONOUNS or t.lower in extra_weak:
            return False
        return not any(a <= t.start < b for a, b in skip_spans)

    if heading and len(toks) > 2 and toks[1].text == "(" and _dated_bracket(sig, toks, 2):
        return False  # "## Tacoma (reopens 1 May 2027)": a site and its date, not who
    # A heading is a noun phrase: its "subject" and "verb" are words of a name ("Cocktail bars and
    # restaurants", "Referral partners in Washington", "February and March"), not who does it.
    if (
        (not heading and _subject_owns(sig, extra_weak))
        or _group_set_off(toks)
        or owner_slot(sig, toks, skip_spans, extra_weak)
        or _labelled_subject(sig, extra_weak)
        or _named_before_colon(toks, skip_spans)
    ):
        return True
    for i in range(len(toks)):
        prev = toks[i - 1].text if i else ""
        if i > 1 and _joined(toks, i - 1):
            continue  # "Dubai–Manila routings", "the Auburn–Kendallville corridor": one name
        if _full_name_set_off(toks, i) or set_off_name(sig, toks, i, skip_spans):
            return True
        if not name_like(i) or (prev == "(" and _dated_bracket(sig, toks, i)):
            continue
        if owner_set_off(toks, i) or (
            i == 0
            and len(toks) > 1
            and (
                toks[1].text in {":", "—", "–", "(", "to", "will", "owns", "leads", "'s"}
                or "Z" in toks[1].flags
            )
        ):
            return True
        if heading and i == 0 and (toks[0].lower in known or heading_names_person(toks)):
            return True  # "## Dana Whitfield", "### Priya's accounts"; "## Rollout" names no one
        if prev == "." and i + 1 < len(toks) and toks[i + 1].text in {",", "and", "&"}:
            return True  # "Run two lunch-and-learns. Gil, March and May." / "Kayla and Gil, …"
        if prev.lower() in {".", "by"} and full_name(toks, i):
            # "**Recruitment panel.** Sofie Jensen builds …", "… built by Daniela Ruiz by 28 Feb"
            return True
        if i >= len(toks) - 3 and prev in {",", "by", "with"}:
            return True
        if prev == "," and i + 2 < len(toks) and toks[i + 1].text == "to":
            return True  # "Rebate tier for distributors above $1.5M, Tom to propose."
    return False


def _field_owner(fields: tuple[Field, ...], weak: frozenset[str]) -> bool | None:
    """True: a real owner; False: only weak or placeholder owners; None: no owner field."""
    vals = [f.value for f in fields if f.label == "owner"]
    if not vals:
        return None
    return any(not _weak(v, weak) for v in vals)


def has_owner(a: Analysis, st: Statement, scope: Scope) -> bool:
    weak = lexicon.term_set("weak-owners", a.lexicon_extra)
    team = page_team(a)
    return answer_above(
        a,
        st,
        scope,
        lambda fields: _field_owner(tuple(f for f in fields if f not in team), weak),
        lambda item: (
            _owner_in_text(a, a.signals[item.index])
            or opens_with_page_name(a, a.signals[item.index], item.index)
            or (item.index != st.index and role_alone(item.text))
            or name_leads_after_label(a, item)
        ),
        lambda heading: _owner_in_text(a, a.signals[heading], heading=True),
        lead_in=lambda top: _lead_in_owner(a, top),
    )


def _lead_in_owner(a: Analysis, top: Statement) -> bool:
    """The sentence that opens the item's list names who does the steps: "Owen Marsh's team
    connects our job system to the three asset platforms by 31 January 2027:" over "1. Civica
    connector live by 31 July 2026." owns each of them, as a field under a heading does (SPEC
    §8.6)."""
    intro = list_intro(a, top)
    if intro is None or not LEAD_IN.search(intro.text):
        return False
    # A named doer as the subject: a person, a named team, people by their role. A noun phrase
    # ("Additional actions from the December district meeting:") names no one.
    toks = a.signals[intro.index].tokens
    shape = sentence_shape(toks)
    return (
        named_doer(a, shape, intro.index)
        or people_subject(toks, shape)
        or titled_name_subject(toks, shape)
    )
