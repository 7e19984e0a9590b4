"""From tokens to actors: who a noun phrase stands for.

An :class:`ActorIndex` maps tokens to actor ids, from the actor layer
(``doc._.entente_mentions``) and from people (``doc._.entente_people``: a mention of
Putin stands for the actor he speaks for, RUS). :func:`np_actors` then reads
the actor of a noun phrase from its head and its modifiers ("Iranian
counterpart", "Israel's army", "officials in Tehran", "US and Russian
negotiators").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from entente.actors.kb import KnowledgeBase
from entente.events.affiliation import Affiliations
from entente.events.gapping import gapped_tokens, stranded
from entente.events.hosts import deployed_tokens, hosted_tokens
from entente.events.referents import pronoun_actors
from entente.events.vet import compared_tokens, load_parties, nonstate_tokens
from entente.events.vet_people import tail_speaker
from entente.nlp import doccache
from entente.nlp import extensions as ext
from entente.people.names import state_named
from entente.records import Span

MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "npadvmod")
HYPHENS = ("-", "–")
PAIR_NOUNS = frozenset({"country", "nation", "state", "side", "government", "neighbour", "neighbor"})
PRONOUNS = frozenset(
    {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "his", "its", "their"}
)


class ActorIndex:
    """Token index -> actor id, for one Doc."""

    def __init__(
        self, doc: Doc, affiliations: Affiliations | None = None, kb: KnowledgeBase | None = None
    ) -> None:
        self.doc = doc
        self.kb = kb
        self.by_token: dict[int, str] = {}
        self.states: set[str] = set()
        self.former: dict[int, str] = {}  # former leaders: their state, for past events only
        self.past = False  # set by the linker while it reads a past-tense trigger
        self.people: set[int] = set()  # tokens of people's names
        self.state_at: list[tuple[int, str]] = []  # (char offset, state) of state mentions
        self._named: set[int] = set()  # tokens of every person's names, with or without an actor
        self._spans: dict[tuple[int, int], SpacySpan | None] = {}  # see _char_span
        self._pairs: set[int] | None = None  # see _pair_nouns
        for person in ext.people(doc):
            for span in person.mentions:
                self._named.update(self._tokens(span))
            if person.actor_id:
                for span in person.mentions:
                    self._mark(span, person.actor_id)
                    self.people.update(self._tokens(span))
            elif (
                self.kb is not None
                and (info := self.kb.leader(person.name, ext.published(doc)))
                and info.actor_id
                and state_named(doc, info, person.name)  # "Aman" is no minister where Malaysia is unnamed
            ):
                for span in person.mentions:
                    self._mark(span, info.actor_id, self.former)
        demonyms: list[int] = []
        for mention in ext.mentions(doc):
            if mention.actor_id:
                self._mark(mention.span, mention.actor_id)
                if mention.kind == "state":
                    self.states.add(mention.actor_id)
                    self.state_at.append((mention.span.start, mention.actor_id))
                    if mention.method == "adjective":
                        demonyms.extend(self._tokens(mention.span))
        self._leaders()
        self._people_of_states(demonyms)
        derived = affiliations.person_actors(doc, self.by_token) if affiliations else {}
        self.people.update(derived)
        self.by_token.update(derived)
        self.by_token.update(pronoun_actors(doc, self.by_token, self.people))
        for i in gapped_tokens(doc):  # "apologised to Namibia, and the Netherlands to Indonesia"
            self.by_token.pop(i, None)

    def _people_of_states(self, demonyms: list[int]) -> None:
        """Leave out state words that name a country's people ("Chinese investors", "Afghans")."""
        states = [i for i, a in self.by_token.items() if self._is_state(a)]
        for i in nonstate_tokens(self.doc, states, demonyms, actors=self.by_token):
            actor = self.by_token.pop(i)
            self.state_at = [(o, a) for o, a in self.state_at if not (o == self.doc[i].idx and a == actor)]
        state_ids = {i: a for i, a in self.by_token.items() if self._is_state(a)}
        for i in hosted_tokens(self.doc, state_ids):  # "the Saudi-led war in Yemen": not against Yemen
            self.by_token.pop(i, None)
        for i in deployed_tokens(self.doc, state_ids):  # "the US deployed THAAD to South Korea"
            self.by_token.pop(i, None)
        for i in compared_tokens(self.doc):  # "Just as the US borders Canada, India and Pakistan ..."
            self.by_token.pop(i, None)

    def _is_state(self, actor_id: str) -> bool:
        if actor_id in self.states:
            return True
        try:
            return self.kb is not None and self.kb.actor(actor_id).kind == "state"
        except KeyError:
            return False

    def _leaders(self) -> None:
        """Leaders' names the people layer did not cover: a leader speaks for their state.

        With the people layer present only hyphenated name compounds ("the
        Putin-Pezeshkian meeting") are looked up; without it, every PERSON name.
        """
        kb = self.kb
        if kb is None:
            return
        names: list[SpacySpan] = []
        if not ext.has(self.doc, "entente_people"):
            names += [ent for ent in doccache.ents(self.doc) if ent.label_ == "PERSON"]
        names += [self.doc[i : i + 1] for i in _hyphen_neighbours(self.doc) if _hyphenated(self.doc[i])]
        for ent in names:
            # "Jaafari" of "Bashar al-Jaafari" is the article's person, not a KB namesake
            if any(t.i in self.by_token or t.i in self._named for t in ent):
                continue
            name = ent.text.removesuffix("'s").removesuffix("’s").strip()
            info = kb.leader(name, ext.published(self.doc))
            hyphen_part = len(ent) == 1 and _hyphenated(ent[0])
            if hyphen_part and not name[:1].isupper():
                continue  # "Ing-wen" of Tsai Ing-wen is no "Wen" of the knowledge base
            if info is not None and info.actor_id:
                for tok in ent:
                    self.by_token.setdefault(tok.i, info.actor_id)
                    self.people.add(tok.i)

    def _char_span(self, span: Span) -> SpacySpan | None:
        """The tokens of ``span`` (``char_span``, expanded), looked up once per span."""
        key = (span.start, span.end)
        if key not in self._spans:
            self._spans[key] = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return self._spans[key]

    def _tokens(self, span: Span) -> list[int]:
        cs = self._char_span(span)
        return [t.i for t in cs or () if not t.is_punct]

    def _mark(self, span: Span, actor_id: str, into: dict[int, str] | None = None) -> None:
        cs = self._char_span(span)
        if cs is None:
            return
        for tok in cs:
            if tok.is_punct or tok.lower_ in ("the", "'s", "’s"):
                continue
            (self.by_token if into is None else into).setdefault(tok.i, actor_id)

    def both(self, tok: Token) -> list[str]:
        """ "the two countries", "both nations": the last two states named before, in this sentence or
        the two previous ones."""
        if len(self.state_at) < 2 or tok.i not in self._pair_nouns():  # lemma in PAIR_NOUNS
            return []
        numbered = any(
            c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in tok.children
        )
        if not numbered:
            return []
        sents = list(self.doc.sents)
        here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
        start = sents[max(0, here - 2)].start_char
        # "fighting in the north of Syria where both sides ...": the state the scene lies in is no side
        terrain = {self.by_token[t.i] for t in self.doc[sents[here].start : tok.i] if _terrain(t, self)}
        found: list[str] = []
        for offset, actor in sorted(self.state_at, reverse=True):
            if start <= offset < tok.idx and actor not in found and actor not in terrain:
                found.append(actor)
        return found[:2] if len(found) >= 2 else []

    def _pair_nouns(self) -> set[int]:
        """Tokens whose lemma is one of ``PAIR_NOUNS`` (read from the arrays once, when first asked)."""
        if self._pairs is None:
            self._pairs = set(doccache.tokens_lemma_in(self.doc, PAIR_NOUNS))
        return self._pairs

    def get(self, tok: Token) -> str | None:
        found = self.by_token.get(tok.i)
        if found is None and self.past:  # "Obama visited Saudi Arabia in 2014"
            found = self.former.get(tok.i)
        return found


def _hyphenated(tok: Token) -> bool:
    """Whether ``tok`` is a name joined to a neighbour by a hyphen ("Putin-Pezeshkian", "the
    Obama-era rules"), and not the given name of a longer name ("diplomat-Burhan Belge", where a
    hyphen stands for a space)."""
    doc = tok.doc
    before = tok.i > 0 and doc[tok.i - 1].text in HYPHENS and not doc[tok.i - 1].whitespace_
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].text in HYPHENS and not tok.whitespace_
    longer = (
        not after
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].pos_ == "PROPN"
        and doc[tok.i + 1].text[:1].isupper()
    )
    return bool(before or after) and not longer


def _hyphen_neighbours(doc: Doc) -> list[int]:
    """Proper nouns next to a hyphen token, in order: the only tokens :func:`_hyphenated` may
    accept (read from the document's arrays, with no ``Token`` built for the others)."""
    dashes = doccache.tokens_text_in(doc, HYPHENS)
    if not dashes:
        return []
    propn = set(doccache.tokens_pos_in(doc, ("PROPN",)))
    return sorted({i for d in dashes for i in (d - 1, d + 1) if i in propn})


def _dedupe(ids: Iterable[str]) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i not in out:
            out.append(i)
    return out


def head_actors(tok: Token, index: ActorIndex, group_nouns: frozenset[str], depth: int = 0) -> list[str]:
    """Actors of the phrase headed by ``tok`` alone (its conjuncts not included)."""
    own = index.get(tok)
    if own:
        return [own]
    if pair := index.both(tok):
        return pair
    if tok.pos_ == "PRON":  # "for Trump He also called": a pronoun takes no modifier (a missed boundary)
        return []
    led = _led_by(tok, index)
    if led is not None:  # "the Saudi-led force in Yemen": SAU; "US-backed rebels": not the US
        return led
    found: list[str] = []
    # "Pyongyang's main ally", "a US ally": the other end of the relation, not the phrase's referent
    # ("China - Pyongyang's main ally": with a possessive there, a name before it is the referent)
    other = _relation_end(tok) if load_parties().relation(tok) else None
    if other is not None and other.dep_ != "poss" and not _names_state(other, index):
        other = None  # "NATO allies", "EU partners": the bloc's members, so the bloc stays
    for child in tok.children:
        if other is not None and child.i == other.i:
            found.extend(a for g in _apposed(child) if (a := index.get(g)))  # "China - Pyongyang's ally"
            continue
        if child.dep_ == "appos" and tail_speaker(child, load_parties()):
            continue  # "the areas held by rebels, John Smith, a Russian general, said": the speaker
        if child.dep_ in MODIFIER_DEPS or (child.dep_ == "appos" and child.ent_type_ != "NORP"):
            a = index.get(child)
            if a is None and child.dep_ in ("compound", "nmod", "appos"):
                # "Russian President Vladimir Putin" has its actor one level down
                a = next((index.get(g) for g in child.children if index.get(g)), None)
            if a is None and child.dep_ == "compound" and tok.pos_ == "PROPN":
                a = _institution_title(child, index)  # round 11: "Afghan embassy official X"
            if a:
                found.append(a)
            if child.dep_ in MODIFIER_DEPS:  # "US and Russian negotiators", "British, Korean and Thai envoys"
                found.extend(b for g in conjuncts(child)[1:] if (b := index.get(g)))  # recall round 5
    if not found and tok.lemma_.lower() in group_nouns | {"counterpart"}:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "for"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":  # "the governments of Iran and Iraq"
                        found.extend(a for c in conjuncts(pobj) if (a := index.get(c)))
                        found.extend(index.both(pobj))  # "the leaders of the two countries"
                    if pobj.dep_ == "pobj" and not found and pobj.lemma_.lower() in group_nouns and depth < 2:
                        # "an assembly of foreign ministers in Cairo"
                        found.extend(head_actors(pobj, index, group_nouns, depth + 1))
    if not found:
        found.extend(exemplars(tok, index))
    return _dedupe(found)


def _institution_title(title: Token, index: ActorIndex) -> str | None:
    """The state of a title before a name that names a state institution ("senior Afghan embassy
    official X", "Turkish army commander X"): the modifier of the institution noun (one of
    descriptions.yaml's ``institution_nouns``), two levels below the name."""
    from entente.events.descriptions import load_words  # descriptions imports this module

    if title.pos_ != "NOUN":
        return None
    words = load_words()
    for inst in title.children:
        if inst.dep_ == "compound" and inst.lemma_.lower() in words.institutions | words.qualified_heads:
            found = [a for g in inst.children if g.dep_ in ("amod", "compound") and (a := index.get(g))]
            if len(found) == 1 and index._is_state(found[0]):
                return found[0]
    return None


def _terrain(tok: Token, index: ActorIndex) -> bool:
    """A state named as the ground a conflict is on: "eastern Ukraine", "the north of Syria"."""
    if index.by_token.get(tok.i) not in index.states:
        return False
    words = load_parties().terrain_words
    # the compass word of a name ("North Korean", "South Sudan") is part of the state's mention
    if any(c.dep_ == "amod" and c.lower_ in words and c.i not in index.by_token for c in tok.children):
        return True
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in words


def _relation_end(tok: Token) -> Token | None:
    """The modifier naming the other end of a relation noun: its possessor, else a name compound."""
    kids = list(tok.children)
    poss = next((c for c in kids if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    return next((c for c in kids if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"), None)


def _names_state(tok: Token, index: ActorIndex) -> bool:
    actor = index.get(tok)
    return actor is not None and index._is_state(actor)


def _apposed(poss: Token) -> list[Token]:
    """Names the parser hung on a possessor across a dash or comma: "visits China - Pyongyang's
    main ally" (China is the ally, apposed to the phrase)."""
    doc = poss.doc
    return [
        g
        for g in poss.children
        if g.dep_ in ("compound", "nmod", "appos")
        and g.i < poss.i
        and any(t.text in ("-", "–", "—", ",") for t in doc[g.right_edge.i + 1 : poss.i])
    ]


def _led_by(tok: Token, index: ActorIndex) -> list[str] | None:
    """The actor of "an X-led coalition" (X); ``[]`` for "X-backed forces"; None without either."""
    parties = load_parties()
    for child in tok.children:
        word = child.lower_
        if child.dep_ != "amod" or word not in parties.leading_participles | parties.backing_participles:
            continue
        if word in parties.backing_participles:
            return []
        leaders = [a for g in child.children if g.dep_ in MODIFIER_DEPS and (a := index.get(g))]
        if leaders:
            return _dedupe(leaders)
    return None


def exemplars(tok: Token, index: ActorIndex) -> list[str]:
    """ "allies such as Germany", "countries including France and Italy": the named examples."""
    found: list[str] = []
    for child in tok.children:
        such_as = (
            child.dep_ == "prep" and child.lower_ == "as" and any(g.lower_ == "such" for g in child.children)
        )
        including = child.lower_ in ("including", "like") and child.dep_ in ("prep", "acl")
        if such_as or including:
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "dobj"):
                    # recall round 2: "including the British and German ambassadors": the modifiers
                    found.extend(a for c in conjuncts(pobj) for a in _example_actors(c, index))
    return found


def _example_actors(tok: Token, index: ActorIndex) -> list[str]:
    """The actor of an example: a name's own, or a noun's modifiers ("the French ambassadors")."""
    own = index.get(tok)
    if own or tok.pos_ != "NOUN":
        return [own] if own else []
    return head_actors(tok, index, frozenset())


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("Russia and Iran")."""
    out = [tok]
    # "to Namibia and the Netherlands has apologised ...": a conjunct that is the next clause's subject
    stack = [c for c in tok.children if c.dep_ == "conj" and not stranded(c)]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack.extend(g for g in c.children if g.dep_ == "conj" and not stranded(g))
    return out


def np_actors(tok: Token, index: ActorIndex, group_nouns: frozenset[str]) -> list[str]:
    """Actors of a (possibly coordinated) noun phrase headed by ``tok``."""
    ids: list[str] = []
    for c in conjuncts(tok):
        ids.extend(head_actors(c, index, group_nouns))
    return _dedupe(ids)


def is_pronoun(tok: Token) -> bool:
    return tok.lower_ in PRONOUNS
