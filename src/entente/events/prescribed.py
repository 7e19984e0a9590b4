"""Noun events that are only prescribed, demanded or absent, and reports glued across a break.

"Cooperation is the only option", "a good partnership is necessary", "a settlement is the
goal": a noun event that is the subject of a predicate of necessity or choice is a
prescription, not something that happened. "His terms: recognition of Israel as ..." names
a demanded condition. "The absence of a peace treaty" denies the treaty. Their words live
in data/status.yaml (``prescribed``).

A reporting verb can also reach a clause that the sentence splitter glued to it ("... the
two countries.- May's spokeswoman said ...", "met in February -"There's ...," he told"):
such a clause is the article's own narration, not the speaker's; and a past "when" clause
inside indirect speech is background the speaker takes for granted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from spacy.tokens import Token

from entente import doctext
from entente.data import build


@dataclass(frozen=True)
class PrescribedCues:
    necessity: frozenset[str] = frozenset()  # "is necessary", "is the goal": any tense
    choices: frozenset[str] = frozenset()  # "the only option": with a choice modifier
    choice_modifiers: frozenset[str] = frozenset()  # only, best, sole, right
    conditions: frozenset[str] = frozenset()  # "his terms: recognition ..."
    absences: frozenset[str] = frozenset()  # "the absence of a treaty"
    bans: frozenset[str] = frozenset()  # "a ban on such visits"
    during_preps: frozenset[str] = frozenset()  # "during their first meeting" under a future

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> PrescribedCues:
        """The ``prescribed`` block of status.yaml, through the typed loader (an unknown key is E008)."""
        source = "events/data/status.yaml"
        built = build(cls, data.get("prescribed") or {}, source=source, where=f"{source}: prescribed")
        return cls(**{f.name: frozenset(w.lower() for w in getattr(built, f.name)) for f in fields(cls)})


def prescribed(noun: Token, cues: PrescribedCues) -> bool:
    """Whether a noun event is the subject of a predicate of necessity or choice."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.lemma_ != "be":
        return False
    for pred in head.children:
        if pred.dep_ not in ("attr", "acomp"):
            continue
        low = pred.lemma_.lower()
        if low in cues.necessity:
            return True
        mods = {c.lower_ for c in pred.children if c.dep_ in ("amod", "advmod")}
        if low in cues.choices and mods & cues.choice_modifiers:
            return True
    return False


def demanded(noun: Token, cues: PrescribedCues) -> bool:
    """ "his own terms: recognition of Israel", "recognition as a precondition"."""
    if noun.dep_ == "appos" and noun.head.lemma_.lower() in cues.conditions:
        return True
    # "his terms: recognition of ...", however the colon was parsed
    left = min(t.i for t in noun.subtree if not t.is_punct)
    if left >= 2 and noun.doc[left - 1].text == ":" and noun.doc[left - 2].lemma_.lower() in cues.conditions:
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(p.dep_ == "pobj" and p.lemma_.lower() in cues.conditions for p in c.children)
        for c in noun.children
    )


def absent(noun: Token, cues: PrescribedCues) -> bool:
    """ "the absence of a peace treaty", "a lack of cooperation", "a ban on such visits": the event
    is denied (or forbidden)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    head = prep.head.lemma_.lower()
    return (prep.lower_ == "of" and head in cues.absences) or (prep.lower_ == "on" and head in cues.bans)


# a lower-case word of four letters or more ending a sentence glued to the next one
# ("countries.- May's"), or a quote opened after the clause ("February -"There's")
_BREAK = re.compile(r"[a-z]{4,}[.!?][\"”’)]?[-–—]?\s*[\"“]?[A-Z]|[-–—]\s*[\"“][A-Z]")


def glued_report(clause: Token, reporter: Token) -> bool:
    """Whether a clause before its reporting verb is cut from it by a sentence break.

    A break without a full stop counts too: a capitalised function word right after a
    lower-case word ("US slaps sanctions on Iran over missile test In a post on Twitter,
    Trump said"), outside a name ("talks in The Hague").
    """
    if clause.i >= reporter.i:
        return False
    between = doctext.text(clause.doc)[clause.idx + len(clause.text) : reporter.idx]
    if _BREAK.search(between):
        return True
    doc = clause.doc
    return any(
        t.is_stop
        and t.is_title
        and t.text != "I"
        and not t.ent_type_
        and doc[t.i - 1].is_lower
        and doc[t.i - 1].is_alpha
        for t in doc[clause.i + 1 : reporter.i]
    )


# Temporal subordinators whose past clause is presupposed: "when the Dutch expelled a minister".
# Not "after": "ejected after the embassy refused ..., according to reports" is the report's news.
BACKGROUND_MARKS = frozenset({"when"})


def background(verb: Token) -> bool:
    """A past temporal clause inside indirect speech: taken for granted, not the speaker's claim."""
    if verb.tag_ != "VBD" or verb.dep_ not in ("advcl", "relcl"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in verb.children):
        return False
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in BACKGROUND_MARKS for c in verb.children)


FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})


def future_chain(verb: Token, reporting: frozenset[str] = frozenset()) -> bool:
    """Whether a verb or a verb it hangs from (xcomp, conj) carries "will": "will seek to stress".

    Not "could" or "would": "could relate their lives during the occupation" is no future;
    but "would" in what a reporting verb says is a reported "will" ("said Putin would take
    part in the forum during his visit").
    """
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children) and _reported(verb, reporting):
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _reported(verb: Token, reporting: frozenset[str]) -> bool:
    """Whether a reporting verb governs ``verb``, directly or through a misparse ("said at a
    press conference that Putin would ...", the clause parsed under "conference")."""
    head = verb
    for _ in range(5):
        if head.head.i == head.i:
            return False
        head = head.head
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in reporting:
            return True
    return False


def denied_that(clause: Token, head: Token) -> bool:
    """ "It was not that X attacked Y": a negated bare "be" whose that-clause is denied (not "it
    was not clear that ...", where the clause is only in doubt)."""
    if head.lemma_ != "be" or not any(c.dep_ == "neg" for c in head.children):
        return False
    if any(c.dep_ in ("acomp", "attr") for c in head.children):
        return False
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
