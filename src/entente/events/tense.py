"""Events still ahead of the report: present tense with a future time, clauses of a future.

English reports a scheduled event in the present tense with a time expression ("Trump
meets Netanyahu later in the week", "the talks open on Friday" in a paper of Wednesday),
and a temporal clause under a future uses the present tense too ("when he visits China,
he will ..."). These readers tell such clauses apart from the asserted present of an
ongoing event; their words live in data/status.yaml (``future_time``, ``pending``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Token

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# Dependents that open a clause of their own: their time words are not this clause's.
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "pcomp"})
PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "'m"})


def _fs(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(v).lower() for v in data.get(key) or ())


@dataclass(frozen=True)
class TenseCues:
    future_words: frozenset[str] = frozenset()  # "tomorrow", "tonight"
    later_units: frozenset[str] = frozenset()  # "later this week", "later in the month"
    ahead_modifiers: frozenset[str] = frozenset()  # "next week", "the coming days"
    ahead_units: frozenset[str] = frozenset()
    this_units: frozenset[str] = frozenset()  # "this weekend" in a paper of a weekday
    temporal_marks: frozenset[str] = frozenset()  # "when he visits", "before talks start"
    ahead_marks: frozenset[str] = frozenset()  # "before Britain leaves": ahead of any main clause
    ensure_heads: frozenset[str] = frozenset()  # "to ensure that we leave the EU"
    scheduled_nouns: frozenset[str] = frozenset()  # events held on a date: talks, a visit
    purpose_heads: frozenset[str] = frozenset()  # "the visit is aimed at ..."
    proceed_preps: dict[str, frozenset[str]] | None = None  # "pressing ahead with talks"

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> TenseCues:
        future = data.get("future_time") or {}
        pending = data.get("pending") or {}
        preps = {str(k): frozenset(v) for k, v in (pending.get("proceed_preps") or {}).items()}
        return cls(
            future_words=_fs(future, "words"),
            later_units=_fs(future, "later_units"),
            ahead_modifiers=_fs(future, "ahead_modifiers"),
            ahead_units=_fs(future, "ahead_units"),
            this_units=_fs(future, "this_units"),
            temporal_marks=_fs(pending, "temporal_marks"),
            ahead_marks=_fs(pending, "ahead_marks"),
            ensure_heads=_fs(pending, "ensure_heads"),
            scheduled_nouns=_fs(pending, "scheduled_nouns"),
            purpose_heads=_fs(pending, "purpose_heads"),
            proceed_preps=preps,
        )


def present(verb: Token) -> bool:
    """Present simple or progressive, not perfect: "meets", "is meeting", "is aimed"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" or a.tag_ in ("VBD", "MD") for a in auxes):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ in ("VBG", "VBN") and any(a.lower_ in PRESENT_AUX for a in auxes)


def _own_clause(verb: Token) -> list[Token]:
    out, todo = [], [c for c in verb.children if c.dep_ not in CLAUSAL]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo.extend(c for c in tok.children if c.dep_ not in CLAUSAL)
    return out


def _after(weekday: int, published: date | None) -> bool:
    """Whether a weekday falls later in the publication's week (Monday to Sunday).

    Read conservatively: "meets on Friday" in a paper of Wednesday is ahead; the same day
    is not after, and a day earlier in the week may be a headline's past ("meets Abe on
    Friday" in a paper of Saturday).
    """
    return published is not None and weekday > published.weekday()


def future_time(verb: Token, cues: TenseCues, published: date | None) -> bool:
    """Whether a present-tense clause names a time after the report ("later in the week")."""
    if not present(verb):
        return False
    for tok in _own_clause(verb):
        low = tok.lower_
        if low in cues.future_words:
            return True
        past = any(c.lower_ in ("last", "past") for c in tok.children)
        if low in WEEKDAYS and _after(WEEKDAYS[low], published) and not past:
            return True
        if low == "later":
            words = [t.lower_ for t in tok.doc[tok.i + 1 : tok.i + 4]]  # "later (in) this week"
            if any(w in cues.later_units for w in words):
                return True
        if low in cues.ahead_units and any(c.lower_ in cues.ahead_modifiers for c in tok.children):
            return True
        weekday = published is not None and published.weekday() < 5
        if low in cues.this_units and weekday and any(c.lower_ == "this" for c in tok.children):
            return True
    return False


def pending_clause(clause: Token, cues: TenseCues) -> bool:
    """A present-tense temporal clause ("when he visits", "before the two sides start")."""
    marks = [c for c in clause.children if c.dep_ in ("mark", "advmod") and c.lower_ in cues.temporal_marks]
    return bool(marks) and present(clause)


def ahead_clause(clause: Token, cues: TenseCues) -> bool:
    """A present-tense clause of "before" or "until": later than its main clause, whatever that
    clause's tense ("has rejected a vote before Britain leaves the EU")."""
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in cues.ahead_marks]
    return bool(marks) and present(clause)


def ensured(clause: Token, cues: TenseCues) -> bool:
    """A present or base clause that a verb of making sure governs: what is to be made sure of
    ("to ensure that we leave the EU"); "ensured that Britain left" happened."""
    head = clause.head
    if clause.dep_ != "ccomp" or head.lemma_.lower() not in cues.ensure_heads:
        return False
    return present(clause) or (clause.tag_ == "VB" and not any(c.tag_ == "VBD" for c in clause.children))


def noun_ahead(noun: Token, modifiers: frozenset[str], expecting: frozenset[str]) -> bool:
    """Whether the noun a reduced passive tells of is still ahead: "planned talks brokered by X",
    "talks brokered by X are expected". The noun is no head of intent ("talk" is one in "talk of
    war"), and its own verb tells the noun, not the participle ("to consolidate a truce brokered
    by X": the truce was brokered)."""
    if {c.lower_ for c in noun.children if c.dep_ in ("amod", "advmod")} & modifiers:
        return True
    return noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in expecting


def pending_noun(noun: Token, cues: TenseCues) -> bool:
    """A scheduled event noun that a present clause aims or proceeds with: not held yet.

    "Lavrov's visit to Tokyo is aimed at ...", "Moscow is pressing ahead with a fresh round
    of talks". A past tense ("was aimed at", "pressed ahead with") leaves it asserted.
    """
    if noun.lemma_.lower() not in cues.scheduled_nouns and noun.lower_ not in cues.scheduled_nouns:
        return False
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return head.lemma_.lower() in cues.purpose_heads and present(head)
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        preps = (cues.proceed_preps or {}).get(verb.lemma_.lower(), frozenset())
        return head.lower_ in preps and present(verb)
    return False


def reduced_passive(verb: Token) -> bool:
    """A past participle modifying a noun with no auxiliary of its own: "talks brokered by
    Russia", "the deal signed in 2015"; not "talks to be brokered by Russia"."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def planned(noun: Token, heads: frozenset[str]) -> bool:
    """A noun event told by a participle of planning after it: "two visits scheduled for May"."""
    return any(reduced_passive(c) and c.lemma_.lower() in heads for c in noun.children)
