"""Definite descriptions that stand for actors the article has named, read from what came before.

* "both sides", "the two countries", "the two leaders": the two parties of
  the latest two-party event of the last sentences, when both were named there
  ("Officials of Iran and Saudi Arabia met in Baghdad. Both sides agreed ...":
  Iran and Saudi Arabia, not the host). Without such an event the actor index
  takes the last two states named (:meth:`ActorIndex.both`).
* "the government", "the army", "the authorities" with no modifier: the state
  named in the last sentences, when exactly one is ("Protests spread across
  Venezuela. The government blamed the United States ...").
* agent nouns ("an opponent of", "a China critic"): the actor they are said of
  (:meth:`PhraseReader.described`).

The words are data: ``data/descriptions.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from entente.data import build, parse_yaml
from entente.events.arguments import PAIR_NOUNS, ActorIndex, head_actors

WINDOW = 2  # sentences back that a description may take its actors from
BARE_DEPS = frozenset({"det", "punct"})  # "the government": nothing else may modify the noun


@dataclass(frozen=True)
class Words:
    pair_counts: frozenset[str]
    pair_nouns: frozenset[str]  # PAIR_NOUNS and the data's: "the two countries", "the two leaders"
    institutions: frozenset[str]  # "government", "army"
    qualified: frozenset[tuple[str, str]]  # ("foreign", "ministry")
    agents: frozenset[str]  # "opponent", "critic": nouns that describe the actor they are said of
    qualified_heads: frozenset[str]  # "ministry"
    plural_pronouns: frozenset[str] = frozenset()  # "they": events/plurals.py
    pair_words: frozenset[str] = frozenset()  # "the pair"
    plural_anaphora: bool = False  # events/plurals.py on or off
    counterpart_anaphora: bool = False  # events/counterpart.py on or off
    counterpart_types: frozenset[str] = frozenset()
    counterpart_hosts: bool = False
    side_nouns: frozenset[str] = frozenset()  # "both sides": events/descriptions.py
    nonstate_sides: frozenset[str] = frozenset()  # "the opposition", "rebels"
    side_window: int = 0
    gathering: frozenset[tuple[str, str]] = frozenset()  # ("bring", "together"), ("gather", "")


@dataclass(frozen=True)
class WordsFile:
    """The shape of data/descriptions.yaml (an unknown key or a non-word is E008)."""

    pair_counts: frozenset[str] = frozenset()
    pair_nouns: frozenset[str] = frozenset()
    institution_nouns: frozenset[str] = frozenset()
    agent_nouns: frozenset[str] = frozenset()
    plural_anaphora: bool = False
    plural_pronouns: frozenset[str] = frozenset()
    pair_words: frozenset[str] = frozenset()
    counterpart_anaphora: bool = False
    counterpart_types: frozenset[str] = frozenset()
    counterpart_hosts: bool = False
    side_nouns: frozenset[str] = frozenset()
    nonstate_sides: frozenset[str] = frozenset()
    side_window: int = 0
    gathering_verbs: frozenset[str] = frozenset()


def words_from_data(data: object, source: str = "events/data/descriptions.yaml") -> Words:
    f = build(WordsFile, data or {}, source=source, where=source)

    def low(words: frozenset[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in words)

    nouns = [w.lower().split() for w in f.institution_nouns]
    return Words(
        pair_counts=low(f.pair_counts),
        pair_nouns=PAIR_NOUNS | low(f.pair_nouns),
        institutions=frozenset(n[0] for n in nouns if len(n) == 1),
        qualified=frozenset((n[0], n[1]) for n in nouns if len(n) == 2),
        qualified_heads=frozenset(n[1] for n in nouns if len(n) == 2),
        agents=low(f.agent_nouns),
        plural_pronouns=low(f.plural_pronouns),
        pair_words=low(f.pair_words),
        plural_anaphora=f.plural_anaphora,
        counterpart_anaphora=f.counterpart_anaphora,
        counterpart_types=frozenset(f.counterpart_types),
        counterpart_hosts=f.counterpart_hosts,
        side_nouns=low(f.side_nouns),
        nonstate_sides=low(f.nonstate_sides),
        side_window=f.side_window,
        gathering=frozenset((g[0], " ".join(g[1:])) for w in f.gathering_verbs if (g := w.lower().split())),
    )


@lru_cache(maxsize=1)
def load_words() -> Words:
    path = resources.files("entente.events").joinpath("data", "descriptions.yaml")
    source = "events/data/descriptions.yaml"
    return words_from_data(parse_yaml(path.read_text(encoding="utf-8"), source=source), source)


class Descriptions:
    """Reads descriptions against the events and actors of the sentences read so far."""

    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        self.words = load_words()
        self.seen: list[tuple[int, tuple[str, str]]] = []  # (sentence, parties) of two-party events

    def note(self, sent_i: int, pairs: list[tuple[str, str]]) -> None:
        for a, b in pairs:
            if a != b:
                self.seen.append((sent_i, (a, b)))

    def pair(self, tok: Token, sent_i: int) -> list[str]:
        """The parties "both sides" (headed by ``tok``) stands for, or [] to leave it to the index."""
        if not self.numbered_pair(tok):
            return []
        return self.pair_before(tok, sent_i)

    def pair_before(self, tok: Token, sent_i: int) -> list[str]:
        """The parties of the latest two-party event of the last sentences, when named before ``tok``."""
        if not self.seen:
            return []
        last_sent, (a, b) = self.seen[-1]
        if last_sent < sent_i - WINDOW:
            return []
        return [a, b] if {a, b} <= self.named_before(tok) else []

    def nonstate_sides(self, tok: Token) -> bool:
        """ "both sides" where the last sentences name a non-state side ("the opposition", "rebels"):
        the sides are the government and that group, not two states ("De Mistura met both sides in
        separate meetings" after the opposition's talks with Damascus)."""
        if tok.lemma_.lower() not in self.words.side_nouns or not self.numbered_pair(tok):
            return False
        sents = list(tok.doc.sents)
        here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
        start = sents[max(0, here - self.words.side_window)].start
        sides = self.words.nonstate_sides
        return any(t.lemma_.lower() in sides or t.lower_ in sides for t in tok.doc[start : sents[here].end])

    def institution(self, tok: Token) -> list[str]:
        """The one actor a bare "the embassy", "the government" can stand for, or []."""
        if not self.bare_institution(tok):
            return []
        taken_up = self.taken_up(tok)  # "The Chinese embassy protested ... The embassy said"
        if taken_up:
            return taken_up
        # earlier sentences only: "After the US imposed sanctions, the government ..." is not the US
        states = {a for a in self.named_before(tok, own=False) if a in self.index.states}
        return sorted(states) if len(states) == 1 else []

    def taken_up(self, tok: Token) -> list[str]:
        """The actor of the latest phrase with the same head in the last sentences ("the Chinese embassy")."""
        sents = list(tok.doc.sents)
        here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
        start = sents[max(0, here - WINDOW)].start
        lemma = tok.lemma_.lower()
        for prev in reversed(tok.doc[start : tok.i]):
            if prev.lemma_.lower() == lemma and prev.pos_ in ("NOUN", "PROPN"):
                found = head_actors(prev, self.index, frozenset())
                if found:
                    return found if len(found) == 1 else []
        return []

    def stands(self, tok: Token) -> bool:
        """Whether ``tok`` heads a description that may stand for actors named before."""
        return self.numbered_pair(tok) or self.bare_institution(tok)

    def numbered_pair(self, tok: Token) -> bool:
        """ "the two countries", "both sides": a pair noun counted as two."""
        return tok.lemma_.lower() in self.words.pair_nouns and any(
            c.lower_ in self.words.pair_counts and c.dep_ in ("nummod", "det", "predet") for c in tok.children
        )

    def bare_institution(self, tok: Token) -> bool:
        low = tok.lower_
        if low not in self.words.institutions and low not in self.words.qualified_heads:
            return False
        mods = [c for c in tok.children if c.dep_ not in BARE_DEPS]
        dets = [c for c in tok.children if c.dep_ == "det"]
        if len(dets) != 1 or dets[0].lower_ != "the":
            return False
        if not mods:
            return low in self.words.institutions
        # "the foreign ministry": one qualifying word of the pair list, nothing else
        return len(mods) == 1 and (mods[0].lower_, low) in self.words.qualified and not list(mods[0].children)

    def named_before(self, tok: Token, own: bool = True) -> set[str]:
        """The actors of the ``WINDOW`` sentences before ``tok``'s and, with ``own``, of its own up to it."""
        sents = list(tok.doc.sents)
        here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
        start = sents[max(0, here - WINDOW)].start
        end = tok.i if own else sents[here].start
        return {actor for i, actor in self.index.by_token.items() if start <= i < end}
