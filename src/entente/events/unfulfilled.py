"""Events a copular or itinerary frame leaves unfulfilled (round 9 of the status rules).

Three kinds of sentence whose event the clause's own cues miss:

* a modal copula: "the strike could have been part of a deal between X and Y", "it could be
  about the cooperation between X and Y": the event noun inside the predicate of a "be" with a
  modal (or a condition) is only supposed, so hypothetical; under a plain "was" it is given;
* a wanted complement: "the last thing any leader wants is US support for X", "what Tokyo needs
  is a summit with Seoul": the predicate of a "be" whose subject is what someone wants, needs or
  fears is only wished (or wished against), so hypothetical;
* a tour's later stops: "the king is visiting Malaysia, Indonesia, Brunei, Japan and China":
  a present-progressive visit of a list of three stops or more is a tour under way; the
  first stops may be now, but a stop after the second is still ahead (hypothetical), unless
  the clause is in the past ("visited A, B and C": all happened).

The words live in data/status.yaml (``unfulfilled``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from entente.data import build, lowered


@dataclass(frozen=True)
class UnfulfilledCues:
    copula_preps: frozenset[str] = frozenset()  # "it could be about the cooperation"
    part_nouns: frozenset[str] = frozenset()  # "could have been part of a deal"
    wish_verbs: frozenset[str] = frozenset()  # "the last thing he wants is ..."
    visit_verbs: frozenset[str] = frozenset()  # "is visiting A, B, C"
    stops_now: int = 2  # stops of an ongoing tour that may be under way at once

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> UnfulfilledCues:
        """The ``unfulfilled`` block of status.yaml, through the typed loader (an unknown key is
        E008); words lower-cased."""
        source = "events/data/status.yaml"
        built = build(cls, data.get("unfulfilled") or {}, source=source, where=f"{source}: unfulfilled")
        return lowered(built)


def _copula(tok: Token) -> bool:
    return tok.lemma_ == "be" and tok.pos_ in ("AUX", "VERB")


def modal_predicate(noun: Token, cues: UnfulfilledCues, unrealised: Callable[[Token], bool]) -> bool:
    """The event noun in the predicate of a "be" that ``unrealised`` (modal, condition) marks."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    gov = prep.head
    if prep.dep_ != "prep":
        return False
    if _copula(gov) and prep.lower_ in cues.copula_preps:
        return unrealised(gov)  # "it could be about the cooperation between X and Y"
    if prep.lower_ == "of" and gov.lemma_.lower() in cues.part_nouns and gov.dep_ == "attr":
        return _copula(gov.head) and unrealised(gov.head)  # "could have been part of a deal"
    return False


def wanted(noun: Token, cues: UnfulfilledCues) -> bool:
    """ "The last thing he wants is US support for X": the predicate of what is wished."""
    if noun.dep_ != "attr" or not _copula(noun.head):
        return False
    for subj in noun.head.children:
        wish = any(c.dep_ == "relcl" and c.lemma_.lower() in cues.wish_verbs for c in subj.children)
        if subj.dep_ == "nsubj" and subj.i < noun.i and wish:
            return True  # "the last thing any leader wants"
        if subj.dep_ == "csubj" and subj.lemma_.lower() in cues.wish_verbs:
            return True  # "what Tokyo needs"
    return False


def _ongoing(verb: Token) -> bool:
    """ "is visiting": a present progressive."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in verb.children
    )


def later_stop(
    verb: Token, pair: tuple[str, str], actor_of: Callable[[Token], str | None], cues: UnfulfilledCues
) -> bool:
    """Whether ``pair`` meets at a stop after the first ``stops_now`` of an ongoing visit list."""
    if verb.lemma_.lower() not in cues.visit_verbs or not _ongoing(verb):
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:
        return False
    stops = [objs[0]]
    stack = [c for c in objs[0].children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        stops.append(c)
        stack.extend(g for g in c.children if g.dep_ == "conj")
    if len(stops) <= cues.stops_now:
        return False
    stops.sort(key=lambda t: t.i)
    ids = [actor_of(s) for s in stops]
    early = {a for a in ids[: cues.stops_now] if a}
    late = {a for a in ids[cues.stops_now :] if a}
    return any(a in late and a not in early for a in pair)
