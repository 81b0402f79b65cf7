"""Owners written as a sentence's subject (SPEC §8.6): a named group or team, a person's full
name, people named by what they do; and where a subject is no owner (a weak owner, a pronoun, an
imperative's unwritten doer). The other places owners stand are read in `_owners`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice

from stratlint import lexicon
from stratlint.checks._names import (
    PRONOUNS,
    full_name,
    given_name,
    page_names,
    person_noun,
    titlecase_word,
)
from stratlint.checks._role_places import GROUPS
from stratlint.model import Statement
from stratlint.understand.analysis import Analysis
from stratlint.understand.nlp import Signals
from stratlint.understand.shape import Shape, sentence_shape
from stratlint.understand.signals import Tok

# A subject whose verb is a form of "be" is described, not doing: "Quarterly Reports are published".
BE = frozenset({"is", "are", "was", "were", "be", "been"})

PREPS = frozenset(lexicon.grammar()["preps"]) | {"of", "by", "near", "about", "after", "before"}

# "The whole team", "the entire sales team": everyone, not a named group.
_EVERYONE = frozenset({"whole", "entire", "full", "wider", "extended"})


def _qualified_group(words: Sequence[str]) -> bool:
    """ "The federal team completes …", "The inside sales team calls …": the article with a word
    that names which group is a named group; "The team" alone is a weak owner (SPEC §3 P202)."""
    return (
        len(words) >= 3
        and words[0].lower() == "the"
        and all(w.isalpha() and w.lower() not in _EVERYONE for w in words[1:-1])
    )


def subject_owner(shape: Shape, extra_weak: frozenset[str]) -> bool:
    """The subject of a present or modal sentence names who does it: a named group, or one
    capitalised word that is a name."""
    if shape.frame not in ("present", "modal") or not shape.subject:
        return False
    words = shape.subject.split()
    if (
        len(words) >= 2
        and words[-1].lower() in GROUPS
        and (words[0].lower() not in PRONOUNS or _qualified_group(words))
        and shape.subject.lower() not in extra_weak
    ):
        # "Leadership team will share the minutes", "Events committee books …": the group
        # is named, though "leadership" alone, as an owner field, is too vague.
        return True
    first = words[0]
    return (
        first[:1].isupper()
        and first.isalpha()
        and (
            not lexicon.wordforms().flags.get(first.lower())
            # "Warren will collaborate with …", "Tom chases the proposals": one capitalised
            # word with no article before the verb is a name or a team, even when it is
            # also an English word.
            or shape.subject.strip() == first
        )
        and first.lower() not in PRONOUNS
        and first.lower() not in set(extra_weak)
    )


_APPOSITION = re.compile(r"\([^()]*\)")


def named_doer(a: Analysis, shape: Shape, index: int) -> bool:
    """The subject of a present or modal sentence is a named team ("Rosa's team sends …"), a
    person's full name ("Priyanka Shah drafts …": a surname no English word) or a person the page
    names in full elsewhere ("Tasha books …" beside "Tasha Greene"): who does it, not the business
    the page speaks for ("Brightwater puts an applications chemist on each line", as "we" would;
    "Harbour Freight runs …" ends in an English word)."""
    # "Lea Krüger (marketing) translates …": a bracketed role after the name is its apposition
    shape = shape._replace(subject=" ".join(_APPOSITION.sub(" ", shape.subject).split()))
    words = shape.subject.split()
    if (
        shape.frame in ("present", "modal")
        and len(words) == 2
        and subject_is_full_name(a.signals[index].tokens, words)
    ):
        return True  # "Lea Krüger translates …": a first name may be an English word too
    if not subject_owner(shape, lexicon.term_set("weak-owners", a.lexicon_extra)):
        return False
    if len(words) >= 2 and words[-1].lower() in GROUPS:
        return True
    return bool(page_names(a).get(words[0].lower(), frozenset()) - {index})


def subject_is_full_name(tokens: Sequence[Tok], words: Sequence[str]) -> bool:
    toks = [t for t in tokens if t.text.strip()]
    k = next((i for i, t in enumerate(toks) if t.text == words[0]), -1)
    return k >= 0 and k + 1 < len(toks) and toks[k + 1].text == words[1] and full_name(toks, k)


def titled_name_subject(toks: Sequence[Tok], shape: Shape) -> bool:
    """ "Our perfumer Alain Roy builds …", "Delivery lead Rosa Jimenez puts …": a subject that
    ends in a person's full name after the words of a role names that person; not a name after a
    preposition ("Its contract with Worldpay ends …", "The plot strip at Le Mars flooded …")."""
    words = shape.subject.split()
    return (
        shape.frame in ("present", "modal")
        and len(words) >= 3
        and toks[shape.verb].lower not in BE
        and titlecase_word(words[-2])
        and not any(w.lower() in PREPS for w in words[:-2])
        and subject_is_full_name(toks, words[-2:])
    )


def named_team_subject(toks: Sequence[Tok], shape: Shape) -> bool:
    """ "Customer Service publishes …", "Inside Sales will call …": a subject of capitalised words
    in a present or modal sentence names a team, not when its verb is a form of "be" ("Quarterly
    Reports are published …" names no doer)."""
    words = shape.subject.split()
    return (
        shape.frame in ("present", "modal")
        and len(words) >= 2
        and titlecase_word(words[0])
        and titlecase_word(words[-1])
        # "Tom and Mia Castellano run …": names joined by "and" are people too
        and all(titlecase_word(w) or w in ("and", "&") for w in words)
        and toks[shape.verb].lower not in BE
    )


def people_subject(toks: Sequence[Tok], shape: Shape) -> bool:
    """The subject of a present or modal sentence is people named by what they do ("Each of our
    six district agronomists runs …", "Our planners book …", "The consultants present …"): a
    role, though not one of the role lexicon's words. Its head is a noun of a person's suffix
    (-ist, -ian) or an agent noun of a verb (plan → planner, direct → director, consult →
    consultant)."""
    if shape.frame not in ("present", "modal") or not shape.subject:
        return False
    if toks[shape.verb].lower in BE:
        return False
    words = shape.subject.split()
    raw = words[-1].strip(".,;:()")
    head = raw.lower()
    if not head.isalpha() or head in PRONOUNS:
        return False
    if person_noun(head) or (len(words) >= 2 and head in role_heads()):
        return True
    # "Reps make …", "SDRs make 60 calls a day", "Each AE books …": a role the lexicon knows, in
    # the plural alone or in capitals after a determiner ("AE", "SE": short, so only as written).
    capitals = raw.isupper() or (raw.endswith("s") and raw[:-1].isupper())
    plural = raw.endswith("s") and (capitals or len(head) > 3)
    role = head[:-1] if plural else head
    if capitals and len(role) >= 2:
        return role in _roles() and (len(words) >= 2 or plural)
    return plural and len(role) > 2 and role in role_heads()


def first_words(toks: Sequence[Tok], n: int) -> list[Tok]:
    """The first `n` tokens that are not white space: what the opening readings look at, without
    a pass over a long statement's every token."""
    return list(islice((t for t in toks if t.text.strip()), n))


# Words before a role that opens a sentence: "Each account manager …", "Our account executives …".
_ROLE_OPENERS = frozenset({"each", "every", "our", "all", "the"})


def role_opens(sig: Signals) -> bool:
    """The sentence opens with a role the lexicon knows, and a verb follows it ("Account managers
    make 40 calls a week …", "Each account executive runs …"): people named by what they do as
    the subject. The sentence shape misses it where the role's first word is also a verb
    ("Account" read as a command)."""
    words = first_words(sig.tokens, 2)
    k = 1 if words and words[0].lower in _ROLE_OPENERS else 0
    if k >= len(words):
        return False
    for start, end in sig.get("roles"):
        if start != words[k].start:
            continue
        after = next((t for t in sig.tokens if t.start >= end and t.text.strip()), None)
        return after is not None and "V" in after.flags and after.lower not in BE
    return False


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    """Roles of one word, short ones too ("ae", "sdr", "csm"), that name people."""
    weak = lexicon.term_set("weak-owners")
    return frozenset(w for w in lexicon.term_set("roles") if " " not in w and w not in weak)


@lru_cache(maxsize=1)
def role_heads() -> frozenset[str]:
    """Roles of one word that name people ("rep", "seller", "recruiter"): the head of a subject
    with words before it ("Each inside rep books …", "Our field sellers run …")."""
    weak = lexicon.term_set("weak-owners")
    return frozenset(
        w for w in lexicon.term_set("roles") if " " not in w and w not in weak and len(w) > 2
    )


def assigned_to(toks: Sequence[Tok]) -> str:
    """The name a step is assigned to, the way minutes write it, "<Name> to <verb> …" ("Gareth
    to chase the faculty application", "Lucy Grant to confirm the calving forecast with the
    depot"): a commitment with its doer, as "Gareth will chase …" is (SPEC §8.4). The name is one
    or two capitalised words the word-form table does not know ("Time to build a list", "Move
    to the new CRM", "Sales to review …" name no one; "Someone to join the Durban Port Users
    Forum" is assigned to a weak owner, which `has_owner` does not take); "" for none."""
    words = first_words(toks, 4)
    n = 0
    while (
        n < 2
        and n < len(words)
        and words[n].text[:1].isupper()
        and (not words[n].flags or given_name(words[n]))
    ):
        n += 1
    if n == 0 or n + 1 >= len(words) or words[n].lower != "to" or "V" not in words[n + 1].flags:
        return ""
    return " ".join(t.text for t in words[:n])


def doer_is_no_owner(a: Analysis, st: Statement) -> bool:
    """Where the item writes its doer, it names no owner, whatever the tag model reads into it:
    an imperative leaves the doer out ("Hire a business development manager in Brisbane by 1
    July" names whom to hire; an owner would stand in a bracket, after a dash or in a field,
    which `has_owner` reads), and a weak owner or a pronoun as the subject is none ("The team
    builds …", "We send …": SPEC §3 P202). A bold label closed by a full stop ("**Ramp
    delivery.** Delivery lead Rosa Jimenez puts …") hides the sentence's shape: no verdict."""
    toks = a.signals[st.index].tokens
    shape = sentence_shape(toks)
    if shape.frame == "imperative":
        return not any(t.text == "." for t in toks[:4])
    if shape.frame not in ("present", "modal") or not shape.subject:
        return False
    subject = shape.subject.lower()
    return subject in lexicon.term_set("weak-owners", a.lexicon_extra) or subject in PRONOUNS


# Words that open a time phrase before the subject: "From 1 December, Rosa Ortiz runs …",
# "Every quarter, Jonas reports …", "In March, Cole and the two route reps make …".
_TIME_OPENERS = frozenset(
    {"from", "by", "in", "on", "during", "after", "before", "until", "every", "each", "starting"}
    | {"beginning", "this", "next", "twice", "once", "weekly", "monthly", "quarterly"}
)


def clause_after_label(sig: Signals) -> tuple[Tok, ...]:
    """The sentence after a short label that opens an item, its bold markup gone ("**Association
    presence.** Rick joins the Nebraska Bankers Association …", "**Hotel upsell (Strategy 3):**
    Lachlan runs quarterly reviews …"): its subject is where the owner stands. The label is two to
    eight words closed by a full stop or a colon, and a capital opens what follows; () for none."""
    words = first_words(sig.tokens, 11)
    stop = next((i for i, t in enumerate(words[:9]) if t.text in {".", ":"}), -1)
    if stop < 2 or stop + 2 >= len(words) or not words[stop + 1].text[:1].isupper():
        return ()
    return tuple(t for t in sig.tokens if t.start > words[stop].start)


def clauses_after_time(sig: Signals) -> tuple[tuple[Tok, ...], ...]:
    """The statement's tokens, and, where it opens with a time phrase closed by a comma, the
    clause after it: its subject is where the owner stands."""
    toks = sig.tokens
    words = [t for t in toks if t.text.strip()]
    if len(words) < 4 or words[0].lower not in _TIME_OPENERS:
        return (toks,)
    comma = next((t for t in words[1:8] if t.text == ","), None)
    if comma is None:
        return (toks,)
    timed = any(
        b <= comma.start for lab in ("DATE", "FREQUENCY", "frequencies") for _, b in sig.get(lab)
    )
    if not timed:
        return (toks,)
    return (toks, tuple(t for t in toks if t.start > comma.start))
