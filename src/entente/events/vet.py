"""Vetting event arguments: who is not the state a country word names.

A country name or demonym makes its state an event argument only where the phrase
stands for the state. "Chinese investors", "Mexican protesters", "Syria's
opposition", "Afghan refugees", "a Uruguayan lawyer" and a bare plural nationality
("22,000 Afghans were deported") name people of that country, not its government.
:func:`nonstate_tokens` finds those state tokens so that :class:`ActorIndex` leaves
them out; the head nouns and modifiers are data (``data/parties.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from entente.data import parse_yaml
from entente.errors import E, EntenteError

PARTIES_FILE = "parties.yaml"
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod", "nummod"})


@dataclass(frozen=True)
class Parties:
    """Heads and modifiers that mark a phrase as private people or a non-state group."""

    nonstate_heads: frozenset[str]
    nonstate_modifiers: frozenset[str]
    state_plural_determiners: frozenset[str]
    leading_participles: frozenset[str] = frozenset()
    backing_participles: frozenset[str] = frozenset()
    distributive_nouns: frozenset[str] = frozenset()
    place_preps: frozenset[str] = frozenset()
    people_quantifiers: frozenset[str] = frozenset()
    people_acts: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: object, source: str = PARTIES_FILE) -> Parties:
        if not isinstance(data, Mapping):
            raise EntenteError(E.E008, source=source, cause=f"{source}: expected a mapping")

        def words(key: str) -> frozenset[str]:
            value = data.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise EntenteError(E.E008, source=source, cause=f"{source}: {key} must be a list of words")
            return frozenset(v.lower() for v in value)

        return cls(
            nonstate_heads=words("nonstate_heads"),
            nonstate_modifiers=words("nonstate_modifiers"),
            state_plural_determiners=words("state_plural_determiners"),
            leading_participles=words("leading_participles"),
            backing_participles=words("backing_participles"),
            distributive_nouns=words("distributive_nouns"),
            place_preps=words("place_preps"),
            people_quantifiers=words("people_quantifiers"),
            people_acts=words("people_acts"),
        )

    def nonstate_head(self, head: Token) -> bool:
        """Whether the phrase headed by ``head`` names private people or a non-state group."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return False
        if head.lemma_.lower() in self.nonstate_heads or head.lower_ in self.nonstate_heads:
            return True
        return any(
            c.dep_ in MODIFIER_DEPS and c.lemma_.lower() in self.nonstate_modifiers for c in head.children
        )

    def bare_plural(self, tok: Token) -> bool:
        """ "22,000 Afghans were deported", "Mexicans held protests": a plural nationality noun
        that names people (counted, undergoing the act, or acting as a crowd)."""
        if tok.tag_ not in ("NNPS", "NNS") or tok.dep_ in MODIFIER_DEPS:
            return False
        if any(c.dep_ == "det" and c.lower_ in self.state_plural_determiners for c in tok.children):
            return False
        counted = any(c.dep_ == "nummod" or c.lower_ in self.people_quantifiers for c in tok.children) or (
            tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in self.people_quantifiers
        )
        verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
        crowd = verb is not None and (
            verb.lemma_.lower() in self.people_acts
            or any(c.dep_ == "dobj" and c.lemma_.lower() in self.people_acts for c in verb.children)
        )
        return counted or tok.dep_ == "nsubjpass" or crowd


@cache
def load_parties() -> Parties:
    text = resources.files("entente.events").joinpath("data", PARTIES_FILE).read_text(encoding="utf-8")
    source = f"entente/events/data/{PARTIES_FILE}"
    return Parties.from_data(parse_yaml(text, source=source), source)


def _phrase_head(tok: Token) -> Token:
    """The noun a modifier belongs to, through chains of modifiers and "X-led"-style compounds."""
    head = tok
    for _ in range(4):
        if head.dep_ not in MODIFIER_DEPS or head.head.i == head.i:
            break
        head = head.head
    return head


def nonstate_tokens(
    doc: Doc, state_tokens: Iterable[int], demonyms: Iterable[int], parties: Parties | None = None
) -> set[int]:
    """The tokens of state mentions that stand for people of the state, not the state.

    ``state_tokens``: tokens marked with a state actor; ``demonyms``: those of them
    that came from a nationality word ("Afghans", "Mexican").
    """
    parties = parties or load_parties()
    demonym_set = set(demonyms)
    out: set[int] = set()
    for i in state_tokens:
        tok = doc[i]
        head = _phrase_head(tok)
        modifier_of_people = head.i != tok.i and parties.nonstate_head(head)
        bare_plural = i in demonym_set and head.i == tok.i and parties.bare_plural(tok)
        if modifier_of_people or bare_plural:
            out.add(i)
    return out
