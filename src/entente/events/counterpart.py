"""The other party of a meeting left unnamed in its clause, read off the sentence before (issue 13).

"Russia's ambassador had dinner with aides of the campaign. Sessions met
him twice" names the counterpart; "The US envoy arrived in Beijing on
Friday. He held talks on trade the next day" leaves it to the sentence
before. A mutual event (``counterpart_types`` in ``data/descriptions.yaml``)
whose trigger links exactly one source and no target takes as its target the
one state the previous sentence names besides the source, when:

* the trigger (and the light verb that carries a noun) has no object and no
  "with"/"between"/"to" phrase: "met reporters", "held talks with the
  unions" name a counterpart of their own, actor or not;
* the sentence itself names no other actor before or after the trigger
  ("Sessions met in Washington with ..." is left to the parse);
* the previous sentence names exactly one state besides the source (a person
  counts through the state they speak for, a capital through its state); two
  candidates, or none, give nothing;
* and that state met the source there: an event of ``counterpart_types``
  between the two ("arrived in Beijing", "met Wang Yi") in the previous
  sentence. "X criticised Y. X had a meeting on Monday" is no meeting with Y.

A meeting held in another state ("Abe held talks in Moscow", "during his
meetings in Beijing") takes the host state instead, when its source is one
state, the place is a state or capital and no seat city (``not_hosts`` in
``data/visits.yaml``) and the sentence names no one else; any named place
that is no host stops both readings ("held talks in Geneva").

Neither applies to "X and Y met", "who met", "our meeting" (the other party
is in the phrase), nor to "to meet", "meeting" (plans and purposes).

Off unless ``counterpart_anaphora`` (the sentence before) and
``counterpart_hosts`` (the host) are true in ``data/descriptions.yaml``.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from entente.events.arguments import ActorIndex
from entente.events.descriptions import Words
from entente.events.places import is_state
from entente.events.visits import Visits

OBJECT_DEPS = ("dobj", "obj", "iobj", "dative", "attr", "oprd")
PARTY_PREPS = ("with", "between", "to", "among", "alongside")
SHARED = frozenset({"our", "my", "their", "we", "i", "they"})  # "our meeting": with the one spoken to


def sentence_of(tok: Token) -> tuple[int, int]:
    sent = tok.sent
    return sent.start, sent.end


def one_party(verb: Token) -> bool:
    """Whether the verb's subject is one party: not "X and Y met", not a relative "who met"."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subj) != 1 or subj[0].tag_ in ("WP", "WDT") or subj[0].lower_ in SHARED:
        return False
    return not any(c.dep_ == "conj" for c in subj[0].children)


def names_party(head: Token, noun: Token) -> bool:
    """Whether ``head`` has an object besides ``noun`` or a party phrase: "met reporters", "talks with X"."""
    for c in head.children:
        if c.dep_ in OBJECT_DEPS and c.i != noun.i:
            return True
        if c.dep_ == "prep" and c.lower_ in PARTY_PREPS:
            return True
    return False


class Counterparts:
    """Fills the target of a one-sided mutual event from the previous sentence."""

    def __init__(
        self, index: ActorIndex, types: frozenset[str], on: bool, visits: Visits | None = None
    ) -> None:
        self.index = index
        self.types = types
        self.on = on
        self.visits = visits  # the host of "talks in Beijing"; None leaves hosts out
        self.met: dict[int, set[frozenset[str]]] = {}  # sentence -> pairs of its events of ``types``

    @classmethod
    def of(cls, index: ActorIndex, words: Words, visits: Visits) -> Counterparts:
        """The reader as ``data/descriptions.yaml`` sets it (``counterpart_anaphora``, ``_hosts``)."""
        hosts = visits if words.counterpart_hosts else None
        return cls(index, words.counterpart_types, words.counterpart_anaphora, hosts)

    def note(self, sent_i: int, type_: str, pairs: list[tuple[str, str]]) -> None:
        if type_ in self.types:
            self.met.setdefault(sent_i, set()).update(frozenset(p) for p in pairs if p[0] != p[1])

    def target(self, tok: Token, type_: str, sources: list[str], light_verbs: Collection[str]) -> list[str]:
        """The counterpart of ``tok``'s event, or [] (``light_verbs``: "hold", "have" carrying a noun)."""
        if not self.on or type_ not in self.types or len(sources) != 1:
            return []
        heads = self.heads(tok, light_verbs)
        if not heads or any(names_party(h, tok) for h in heads):
            return []
        start, end = sentence_of(tok)
        others = {a for i, a in self.index.by_token.items() if start <= i < end} - set(sources)
        hosts = self.hosts(heads, sources) if is_state(sources[0], self.index) else set()
        named_place = any(p.ent_type_ == "GPE" for h in heads for p in self.places(h))
        if hosts or (self.visits is not None and named_place):  # "in Brussels": a seat city, no host
            # "held talks in Beijing": the host, when the sentence names no one else
            return sorted(hosts) if len(hosts) == 1 and others <= hosts else []
        if others or (heads[0].pos_ != "VERB" and len(heads) == 1):
            return []  # "his talks": the previous sentence only for a clause of its own
        sents = list(tok.doc.sents)
        here = next(i for i, s in enumerate(sents) if s.start == start)
        if here == 0:
            return []
        prev = sents[here - 1]
        named = {
            a
            for i, a in self.index.by_token.items()
            if prev.start <= i < prev.end and a not in sources and is_state(a, self.index)
        }
        if len(named) != 1:
            return []
        other = next(iter(named))
        return [other] if frozenset((sources[0], other)) in self.met.get(here - 1, set()) else []

    def heads(self, tok: Token, light_verbs: Collection[str]) -> list[Token]:
        """The trigger and its light verb when the event is one held by one party ("held talks",
        "met", "his talks in Beijing"), else []: "to meet", "meeting" are purposes and plans; "X and
        Y met", "who met", "our meeting" have their other party in the phrase itself."""
        if tok.pos_ in ("NOUN", "PROPN"):
            owners = [c for c in tok.children if c.dep_ == "poss"]
            if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in light_verbs:
                if owners or not one_party(tok.head):
                    return []  # "held his talks": taken up from elsewhere
                return [tok, tok.head]
            if len(owners) == 1 and owners[0].lower_ not in SHARED and tok.dep_ not in ("nsubj", "nsubjpass"):
                return [tok]  # "during his meetings in Beijing"
            return []
        if tok.pos_ != "VERB" or tok.tag_ in ("VBG", "VB") or not one_party(tok):
            return []
        return [tok]

    def places(self, head: Token) -> list[Token]:
        return [p for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children]

    def hosts(self, heads: list[Token], sources: list[str]) -> set[str]:
        """The states of the "in" places of ``heads`` (not a seat city, not the source's own)."""
        if self.visits is None:
            return set()
        return {
            h for head in heads for p in self.places(head) if (h := self.visits.host(p)) and h not in sources
        }
