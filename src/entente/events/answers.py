"""Answers to an event just reported: denials of an accusation, replies to a demand.

* "Pakistan accused Afghanistan of sheltering militants. Afghanistan denies the
  charge.": a denial verb (``denial_verbs``) whose object is an accusation word
  (``accusation_words``) or that has none, with no target of its own, is a
  REJECT by its subject aimed at the accuser: the source of an ACCUSE event of
  this sentence or the ``ANSWER_WINDOW`` sentences before whose target is the
  denier, else the speaker of a quote there against the denier (a negative
  stance toward it). With no such accusation the denial is no event.
* "Malaysia refused demands by the Indonesian government": an event noun of an
  ``answered_types`` type with a source (by-phrase, possessor) and no target,
  object of an answer verb (``answer_verbs``), is aimed at that verb's subject.

The words are data: ``data/answers.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from entente.data import build, parse_yaml
from entente.events.lexicon import Trigger
from entente.nlp import extensions as ext

ANSWER_WINDOW = 3  # sentences back a denial may answer an accusation from
OBJ_DEPS = ("dobj", "dative", "iobj", "obj")


@dataclass(frozen=True)
class AnswerWords:
    denial_verbs: frozenset[str] = frozenset()
    accusation_words: frozenset[str] = frozenset()
    answer_verbs: frozenset[str] = frozenset()
    answered_types: frozenset[str] = frozenset()


def answer_words_from_data(data: object, source: str = "events/data/answers.yaml") -> AnswerWords:
    """Through the typed loader (an unknown key or a non-word is E008); words lower-cased, types upper."""
    built = build(AnswerWords, data or {}, source=source, where=source)
    return AnswerWords(
        denial_verbs=frozenset(w.lower() for w in built.denial_verbs),
        accusation_words=frozenset(w.lower() for w in built.accusation_words),
        answer_verbs=frozenset(w.lower() for w in built.answer_verbs),
        answered_types=frozenset(w.upper() for w in built.answered_types),
    )


@cache
def load_answer_words() -> AnswerWords:
    path = resources.files("entente.events").joinpath("data", "answers.yaml")
    source = "events/data/answers.yaml"
    return answer_words_from_data(parse_yaml(path.read_text(encoding="utf-8"), source=source), source)


class Accusations:
    """The ACCUSE events read so far, and the accusers a denial answers."""

    def __init__(self) -> None:
        self.words = load_answer_words()
        self.seen: list[tuple[int, int, list[str], list[str]]] = []  # (sentence, token, sources, targets)

    def note(self, sent_i: int, tok_i: int, sources: list[str], targets: list[str]) -> None:
        self.seen.append((sent_i, tok_i, list(sources), list(targets)))

    def denial(self, verb: Token, sources: list[str], sent_i: int) -> tuple[Trigger, list[str]] | None:
        """The REJECT trigger and the accusers a denial by ``sources`` answers, or None."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.words.denial_verbs or not sources:
            return None
        if any(c.dep_ == "neg" for c in verb.children):  # "did not deny the charge"
            return None
        objs = [c for c in verb.children if c.dep_ in OBJ_DEPS]
        if any(
            o.lower_ not in self.words.accusation_words
            and o.lemma_.lower() not in self.words.accusation_words
            for o in objs
        ):
            return None  # "denied entry", "rejected the plan": not an answer to an accusation
        if any(c.dep_ == "ccomp" for c in verb.children) and objs:
            return None
        accusers: list[str] = []
        for s_i, t_i, accuser, accused in reversed(self.seen):
            if s_i < sent_i - ANSWER_WINDOW or (s_i == sent_i and t_i > verb.i):
                continue
            if set(accused) & set(sources):
                accusers = [a for a in accuser if a not in sources]
                if accusers:
                    break
        if not accusers:
            accusers = quoted_accusers(verb, sources)
        if not accusers:
            return None
        return Trigger(lemma=verb.lemma_.lower(), type="REJECT", pos="verb", mode="denial"), accusers

    def answered(self, noun: Token, trig: Trigger, sources: list[str]) -> bool:
        """Whether ``noun`` (an event noun with ``sources``) is the object of an answer verb."""
        return (
            bool(sources)
            and trig.type in self.words.answered_types
            and noun.dep_ in OBJ_DEPS
            and noun.head.pos_ == "VERB"
            and noun.head.lemma_.lower() in self.words.answer_verbs
        )


def quoted_accusers(verb: Token, sources: list[str]) -> list[str]:
    """ "'Russian hackers attacked us,' the US said. Moscow denied the claims.": the speaker of a quote
    that ends before the denial's sentence, in the ``ANSWER_WINDOW`` sentences before it, and speaks
    against the denier (a negative stance toward it)."""
    doc, sent = verb.doc, verb.sent
    starts = [s.start_char for s in doc.sents if s.start_char < sent.start_char]
    earliest = starts[-ANSWER_WINDOW] if len(starts) >= ANSWER_WINDOW else 0
    found: list[str] = []
    for quote in ext.quotes(doc):
        end = max((s.end for s in quote.content), default=0)
        speaker = quote.speaker_actor
        if not earliest <= end <= sent.start_char or not speaker or speaker in sources:
            continue
        if any(actor in sources and stance < 0 for actor, stance in quote.stance):
            found = [speaker]  # the latest such quote
    return found
