"""Visits read off an arrival, a trip or a stay: "Tillerson arrived in Beijing", "Abe is in Washington".

A clause whose verb is one of ``arrival_verbs`` (with an ``arrival_preps``
phrase), ``trip_verbs`` (with a ``trip_preps`` phrase: "flew to Seoul") or
``stay_verbs`` (with a ``stay_preps`` phrase) is a visit
(CONSULT) from the subject's state to the place's state when:

* the subject is a state official: a person the article ties to a state, a
  "he"/"she" standing for one (after an arrival only: "he was in Washington"
  is as often a background place), or an ``official_nouns`` phrase with its state
  ("the Japanese foreign minister"); troops, tourists or a sports team are no
  visitors;
* the place is a state or stands for one (a capital), one of them, not a
  conference or seat city (``not_hosts``: "in Brussels" is NATO's or the EU's),
  and not the visitor's own state ("Trump arrived in Florida");
* no "for" phrase names a private purpose (``private_purposes``: "is in
  Singapore for medical treatment").

Status and dates come from the verb as for any trigger ("will arrive in Tokyo
next week" is hypothetical). The words are data: ``data/visits.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from entente.data import build, parse_yaml
from entente.events.arguments import ActorIndex, conjuncts
from entente.events.lexicon import Lexicon, Trigger
from entente.events.places import is_state

SUBJECTS = ("nsubj",)
PRONOUNS = ("he", "she")


@dataclass(frozen=True)
class VisitWords:
    """The shape of data/visits.yaml (an unknown key or a non-word is E008)."""

    arrival_verbs: frozenset[str] = frozenset()
    arrival_preps: frozenset[str] = frozenset()
    trip_verbs: frozenset[str] = frozenset()
    trip_preps: frozenset[str] = frozenset()
    stay_verbs: frozenset[str] = frozenset()
    stay_preps: frozenset[str] = frozenset()
    official_nouns: frozenset[str] = frozenset()
    not_hosts: frozenset[str] = frozenset()
    private_purposes: frozenset[str] = frozenset()
    visits: bool = False


@lru_cache(maxsize=1)
def load_visit_words() -> VisitWords:
    source = "events/data/visits.yaml"
    text = resources.files("entente.events").joinpath("data", "visits.yaml").read_text(encoding="utf-8")
    return build(VisitWords, parse_yaml(text, source=source) or {}, source=source, where=source)


def visit_trigger(lex: Lexicon) -> Trigger | None:
    """The lexicon's plain CONSULT sense of "visit", which a visit read here takes."""
    return next((t for t in lex.verbs.get("visit", ()) if t.type == "CONSULT" and not t.needs), None)


class Visits:
    """Finds visits told as an arrival or a stay."""

    def __init__(self, index: ActorIndex, words: VisitWords | None = None) -> None:
        self.index = index
        self.words = words or load_visit_words()

    def pair(self, verb: Token) -> tuple[str, str] | None:
        """(visitor's state, host state) when ``verb`` tells a state official's arrival or stay."""
        w = self.words
        lemma = verb.lemma_.lower()
        if not w.visits or verb.pos_ not in ("VERB", "AUX"):
            return None
        if lemma in w.arrival_verbs and verb.pos_ == "VERB":
            preps = w.arrival_preps
        elif lemma in w.trip_verbs and verb.pos_ == "VERB":
            preps = w.trip_preps
        elif lemma in w.stay_verbs:
            preps = w.stay_preps
            if any(c.dep_ in ("attr", "acomp", "xcomp", "ccomp") for c in verb.children):
                return None  # "X is in charge of ...", "X is a minister in Kabul"
        else:
            return None
        if self.private(verb):
            return None
        visitor = self.visitor(verb, pronoun=lemma not in w.stay_verbs)
        hosts = {h for p in self.places(verb, preps) if (h := self.host(p))}
        if visitor is None or len(hosts) != 1:
            return None
        host = hosts.pop()
        return (visitor, host) if host != visitor else None

    def private(self, verb: Token) -> bool:
        """Whether a "for" phrase of the verb names a private purpose ("for medical treatment")."""
        return any(
            p.lemma_.lower() in self.words.private_purposes
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "for"
            for p in c.children
            if p.dep_ == "pobj"
        )

    def visitor(self, verb: Token, pronoun: bool = True) -> str | None:
        """The state of the official the verb's subject names; a pronoun only when ``pronoun``
        ("he was in Washington" is often a background place, and a misread pronoun costs a wrong state)."""
        subj = [c for c in verb.children if c.dep_ in SUBJECTS]
        if len(subj) != 1 or any(c.dep_ == "conj" for c in subj[0].children):
            return None
        tok = subj[0]
        index = self.index
        if tok.pos_ == "PRON" and not pronoun:
            return None
        if tok.i in index.people or (pronoun and tok.lower_ in PRONOUNS and tok.pos_ == "PRON"):
            actor = index.get(tok)
        elif tok.lemma_.lower() in self.words.official_nouns:
            mods = [g for c in tok.children if c.dep_ in ("amod", "compound", "poss") for g in conjuncts(c)]
            found = {a for g in mods if (a := index.get(g))}  # "the Japanese and Chinese ministers": two
            actor = found.pop() if len(found) == 1 else None
        else:
            return None
        return actor if actor and self.is_state(actor) else None

    def places(self, verb: Token, preps: frozenset[str]) -> list[Token]:
        """The places of the verb's ``preps`` phrases, and the town of "at the airport in X"."""
        out: list[Token] = []
        for c in verb.children:
            if c.dep_ != "prep" or c.lower_ not in preps:
                continue
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                out.append(p)
                out.extend(g for q in p.children if q.dep_ == "prep" and q.lower_ == "in" for g in q.children)
        return out

    def host(self, place: Token) -> str | None:
        """The state a place stands for: a state or capital name, not a seat city."""
        if place.ent_type_ != "GPE" or place.pos_ != "PROPN":
            return None
        ent = next((e for e in place.doc.ents if e.start <= place.i < e.end), None)
        name = (ent.text if ent is not None else place.text).lower().removeprefix("the ").strip()
        if name in self.words.not_hosts or f"the {name}" in self.words.not_hosts:
            return None
        actor = self.index.get(place)
        return actor if actor and self.is_state(actor) else None

    def is_state(self, actor: str) -> bool:
        return is_state(actor, self.index)
