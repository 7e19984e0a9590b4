"""Person names in a document: which entities are people, and which name forms go together."""

from __future__ import annotations

import bisect
import re
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from entente import doctext
from entente.nlp import doccache
from entente.nlp import extensions as ext
from entente.people.roles import RoleWords

_POSSESSIVE = ("'s", "’s", "'", "’")
# a name token glued by the source to the words after it: "Hariri,-the", "Putin.-He"
_GLUED_TAIL = re.compile(r"[,;:.]+[-–—]+\S*$")


def clean_name(ent: Span, words: RoleWords) -> Span | None:
    """The name inside an entity: without titles before it and a possessive after it."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and (doc[end - 1].text in _POSSESSIVE or not doc[end - 1].text[:1].isalpha()):
        end -= 1
    while start < end and (doc[start].lower_ in words.titles or doc[start].lower_ == "the"):
        start += 1
    if start >= end or not all(
        t.text[:1].isupper() or (t.i < end - 1 and t.lower_ in words.particles) or _given_name_tail(t)
        for t in doc[start:end]
        if t.is_alpha
    ):
        return None
    return doc[start:end]


def _given_name_tail(tok: Token) -> bool:
    """The lower-case second syllable of a hyphenated given name: "ho" of "Yoo Il-ho", "in" of
    "Moon Jae-in" (the name is a person's; a KB leader is not read from "Il" alone)."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text not in ("-", "‑") or doc[tok.i - 1].whitespace_:
        return False
    first = doc[tok.i - 2]
    return not first.whitespace_ and first.is_alpha and first.text[:1].isupper() and tok.text.islower()


def name_text(name: Span) -> str:
    """The name's text without what a glued last token carries after it ("Nasr al-Hariri,-the")."""
    return _GLUED_TAIL.sub("", name.text)


def is_modifier(name: Span, words: RoleWords) -> bool:
    """A name that qualifies something else: "the Trump administration", "Putin's government"."""
    root = name.root
    head = root.head
    # a last token glued to the words after it ("Hariri,-the Syrian opposition") ends the name there
    glued = bool(_GLUED_TAIL.search(name[-1].text))
    if root.dep_ == "compound" and head.i >= name.end and head.pos_ in ("NOUN", "PROPN") and not glued:
        return True
    if root.dep_ == "poss" and head.lemma_.lower() in words.state_heads:
        return True
    if root.dep_ == "poss" and head.ent_type_ in ("GPE",):  # "Pezeshkian's Iran"
        return True
    starts, reach = doctext.memo(
        name.doc, "names.pattern_reach", _pattern_reach, depends=ext.mentions(name.doc)
    )
    # a pattern or leader mention that starts at or before the name and runs past it
    i = bisect.bisect_right(starts, name.start_char)
    return i > 0 and reach[i - 1] > name.end_char + 1


def _pattern_reach(doc: Doc) -> tuple[list[int], list[int]]:
    """Starts of the pattern and leader mentions, sorted, and the furthest end up to each (per Doc)."""
    spans = sorted((m.span.start, m.span.end) for m in ext.mentions(doc) if m.method in ("pattern", "leader"))
    reach: list[int] = []
    for _, end in spans:
        reach.append(max(end, reach[-1]) if reach else end)
    return [s for s, _ in spans], reach


def looks_like_person(ent: Span, words: RoleWords) -> bool:
    """A name the NER labelled otherwise: a known given name and capitalised words ("Aleksandr Dugin")."""
    tokens = [t for t in ent if t.lower_ != "the"]
    return (
        1 < len(tokens) <= 3
        and tokens[0].lower_ in words.male_names | words.female_names
        and all(t.is_alpha and t.text[:1].isupper() for t in tokens)
        and not any(t.lower_ in words.institutions for t in tokens)
    )


def candidates(doc: Doc, words: RoleWords, kb: Any, on: date | None) -> list[Span]:
    spans = []
    for ent in doccache.ents(doc):
        other = ent.label_ in ("NORP", "ORG", "GPE", "FAC", "WORK_OF_ART")
        if ent.label_ == "PERSON" or (
            other and (looks_like_person(ent, words) or kb_leader(kb, ent.text, on))
        ):
            name = clean_name(ent, words)
            if name is not None and not is_modifier(name, words):
                spans.append(name)
    return spans


def kb_leader(kb: Any, name: str, on: date | None) -> Any:
    """The KB person called ``name``; a full name the KB lacks is found by its surname when the
    given name agrees ("Khalifa Hifter": the surname spelling is an alias of Khalifa Haftar)."""
    if kb is None:
        return None
    try:
        found = kb.leader(name, on)
        words = name.split()
        if found is None and len(words) > 1:
            by_surname = kb.leader(words[-1], on)
            if by_surname is not None and by_surname.name.split()[0].lower() == words[0].lower():
                found = by_surname
        if found is not None and len(words) == 1 and not _names_alone(found, name, on):
            return None
        return found
    except Exception:  # the KB's API is the actor layer's: stay robust to its changes
        return None


def _names_alone(leader: Any, word: str, on: date | None) -> bool:
    """A bare word names a KB person when it is one of their listed aliases, or when they hold
    office on the date: a surname the KB does not list ("Graham" of a former Canadian minister)
    names a namesake more often than a long-gone office-holder."""
    folded = word.casefold()
    if folded in {a.casefold() for a in getattr(leader, "aliases", ())}:
        return True
    return on is None or bool(getattr(leader, "current", True))


HEAD_OFFICES = frozenset({"head_of_state", "head_of_government"})


def state_named(doc: Doc, leader: Any, name: str) -> bool:
    """Whether a one-word ``name`` may stand for the KB person ``leader`` in this article: a head
    of state or government may be named by surname alone anywhere; anyone else only where the
    article names their state ("Aman", a refugee's name, is no Malaysian minister in an article
    that never names Malaysia). Longer names always may."""
    if len(name.split()) > 1 or leader is None or getattr(leader, "office", None) in HEAD_OFFICES:
        return True
    actor = getattr(leader, "actor_id", None)
    return actor is None or any(m.actor_id == actor for m in ext.mentions(doc))


def in_office(kb: Any, leader: Any, on: date | None) -> bool:
    try:
        holder = kb.office_holder(leader.actor_id, leader.title, on)
    except Exception:
        return False
    return holder is not None and holder.name == leader.name


def same_person(a: str, b: str) -> bool:
    """Two full names of one person: one ends the other ("Abo Rokba", "Mamoun Abo Rokba"), the
    same surname with given names that start alike ("Steve"/"Stephen"), or two spellings of one
    transliterated name, word by word one letter apart ("Usama bin Ladin"/"Osama bin Laden")."""
    x, y = a.lower().split(), b.lower().split()
    if len(x) < 2 or len(y) < 2:
        return False
    if x[-len(y) :] == y or y[-len(x) :] == x:
        return True
    if len(x) == len(y) and all(_one_apart(p, q) for p, q in zip(x, y, strict=True)):
        return len(x[-1]) >= 4
    return x[-1] == y[-1] and x[0][:3] == y[0][:3]


def _one_apart(p: str, q: str) -> bool:
    """Equal, or one letter substituted ("ladin"/"laden")."""
    return len(p) == len(q) and sum(c != d for c, d in zip(p, q, strict=True)) <= 1


def kb_gender(value: str | None) -> str | None:
    """The KB's gender ("m"/"f"/"male"/...) as "male"/"female"."""
    if not value:
        return None
    return {"m": "male", "f": "female"}.get(value.lower()[:1])
