"""Small readings of a clause shared by the linker: the sense that fits a trigger, a verb's subjects,
short quoted names.

Split out of ``phrases.py``; :mod:`entente.events.phrases` and :mod:`entente.events.triggers` use them.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from entente.events.lexicon import Trigger

# "X attacked Y after accusing Z": the gerund after these takes the clause's subject
GERUND_PREPS = frozenset(
    {"after", "before", "by", "in", "while", "since", "without", "despite", "upon", "on"}
)
SUBJ_DEPS = ("nsubj", "csubj")
OBJ_DEPS = ("dobj", "dative", "iobj", "obj")
RELATIVE = frozenset({"that", "which", "who", "whom"})


def dedupe(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def child_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children} | {c.lemma_.lower() for c in tok.children}


def select(tok: Token, options: tuple[Trigger, ...]) -> Trigger | None:
    """The most specific sense of ``tok`` whose constraints fit."""
    words = child_words(tok)
    if tok.pos_ == "VERB":  # "call on" has its particle after the verb; "On Thursday, X called" does not
        words = {w for c in tok.children if c.i > tok.i for w in (c.lower_, c.lemma_.lower())}
    objs = {c.lemma_.lower() for c in tok.children if c.dep_ in OBJ_DEPS} | {
        c.lower_ for c in tok.children if c.dep_ in OBJ_DEPS
    }
    # "summoned Afghan embassy official Ahmed Karim": a named object's title
    objs |= {
        g.lemma_.lower()
        for c in tok.children
        if c.dep_ in OBJ_DEPS and c.pos_ == "PROPN"
        for g in c.children
        if g.dep_ == "compound" and g.pos_ == "NOUN"
    }
    subjects = {c.lemma_.lower() for c in clause_subjects(tok)} if tok.pos_ == "VERB" else set()
    if tok.pos_ == "VERB":  # "called for NATO members to raise": the marker of a following clause
        words |= {
            g.lower_
            for c in tok.children
            if c.dep_ in ("advcl", "ccomp")
            for g in c.children
            if g.dep_ == "mark"
        }
    if tok.pos_ != "VERB":
        # a noun's modifiers may be hyphenated compounds ("air strike", "arms sales")
        words |= {g.lower_ for c in tok.children for g in c.children}
    else:  # "designated X as a terrorist organization"
        words |= {
            t.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree
        }
    for trig in options:
        if trig.needs and not words & set(trig.needs):
            continue
        if trig.objects and not objs & set(trig.objects):
            continue
        if trig.subjects and not subjects & set(trig.subjects):
            continue
        return trig
    return None


def clause_subjects(verb: Token) -> list[Token]:
    """The subject tokens of ``verb``, or of the verb it is coordinated with or controlled by."""
    for head in (verb, verb.head if verb.dep_ in ("conj", "xcomp") else verb):
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj
    return []


def scare_quoted(sent: SpacySpan, longest: int = 5) -> set[int]:
    """Token indices inside short quoted phrases (names, scare quotes)."""
    out: set[int] = set()
    marks = [t for t in sent if t.text in ('"', "“", "”", "‘", "’")]
    for a, b in itertools.pairwise(marks):
        inside = a.doc[a.i + 1 : b.i]
        quoted = a.text in ('"', "“", "‘") and b.text in ('"', "”", "’") and 0 < len(inside) <= longest
        if quoted and not any(t.pos_ in ("VERB", "AUX") for t in inside):  # a name, not a statement
            out.update(range(a.i + 1, b.i))
    return out
