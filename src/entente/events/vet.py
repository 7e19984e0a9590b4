"""Vetting event arguments: who is not the state a country word names.

A country name or demonym makes its state an event argument only where the phrase
stands for the state. "Chinese investors", "Mexican protesters", "Syria's
opposition", "Afghan refugees", "a Uruguayan lawyer" and a bare plural nationality
("22,000 Afghans were deported", "Muslims and Mexicans") name people of that country, not its government.
:func:`nonstate_tokens` finds those state tokens so that :class:`ActorIndex` leaves
them out; the head nouns and modifiers are data (``data/parties.yaml``).

Also not the state: a country word in the description of a named person who holds no
office ("German Nobel laureate Albert Einstein", "the Scottish-American chemist X":
a person counts through a state only with an official role, see ``people/data/roles.yaml``),
an office held in the past ("a former British ambassador"), the press and private firms
("South Korean media"; "state media" stays the state), a pageant title ("the former Miss
Hungary"), the countries a state "joins on the list" of those that do something, and, for
states whose adjective names a people more often than a government (``people_states``),
that adjective on a popular or violent act ("a Palestinian attack").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from entente.data import build, parse_yaml
from entente.nlp import doccache
from entente.people.roles import role_words

from .vet_people import listed_people, owners, party_title

PARTIES_FILE = "parties.yaml"
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod", "nummod"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


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
    state_marks: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    company_verbs: frozenset[str] = frozenset()
    company_nouns: frozenset[str] = frozenset()
    people_states: frozenset[str] = frozenset()
    people_act_nouns: frozenset[str] = frozenset()
    topic_participles: frozenset[str] = frozenset()
    cause_group_heads: frozenset[str] = frozenset()
    cause_group_marks: frozenset[str] = frozenset()
    circle_nouns: frozenset[str] = frozenset()
    comparison_openers: frozenset[str] = frozenset()
    relation_nouns: frozenset[str] = frozenset()
    terrain_words: frozenset[str] = frozenset()
    refuge_nouns: frozenset[str] = frozenset()
    press_compounds: frozenset[str] = frozenset()
    stationed_nouns: frozenset[str] = frozenset()
    listing_preps: frozenset[str] = frozenset()
    tail_verbs: frozenset[str] = frozenset()
    disputing_verbs: frozenset[str] = frozenset()
    disputed_accords: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: object, source: str = PARTIES_FILE) -> Parties:
        """Validated by the typed loader (an unknown key or a non-word is E008); words lower-cased."""
        built = build(cls, data, source=source, where=source)
        words = {
            f.name: frozenset(w.lower() for w in getattr(built, f.name)) for f in dataclasses.fields(cls)
        }
        words["people_states"] = frozenset(w.upper() for w in built.people_states)  # actor ids
        return cls(**words)

    def relation(self, tok: Token) -> bool:
        """ "Germany's Baltic allies", "Pyongyang's main ally", "a US partner": a noun for a state's
        relation to others; the state before it names the other end, not the phrase's referent
        ("Syria's Russian allies" keeps its adjective: the allies are Russian)."""
        return tok.pos_ == "NOUN" and (
            tok.lemma_.lower() in self.relation_nouns or tok.lower_ in self.relation_nouns
        )

    def topic(self, tok: Token) -> bool:
        """A state name in a hyphenated topic adjective: "China-related tweets", "Iran-focused talks"."""
        doc = tok.doc
        if tok.i + 2 >= len(doc) or tok.whitespace_ or doc[tok.i + 1].text not in ("-", "–"):
            return False
        return not doc[tok.i + 1].whitespace_ and doc[tok.i + 2].lower_ in self.topic_participles

    def nonstate_head(self, head: Token) -> bool:
        """Whether the phrase headed by ``head`` names private people or a non-state group."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return False
        before = head.doc[head.left_edge.i : head.i]
        if any(t.lower_ in self.state_marks for t in before):  # "Chinese state media", "state-owned firms"
            return False
        if _former_official(head):  # "a former British ambassador"
            return True
        if self.given_refuge(head):  # "refused refuge to the Russian emperor"
            return True
        if head.lemma_.lower() in self.nonstate_heads or head.lower_ in self.nonstate_heads:
            return True
        if any(c.dep_ == "compound" and self._press(c) for c in head.children):
            return True  # "Japanese media rumours", "a Chinese company spokesman"
        if (head.lemma_.lower() in self.cause_group_heads or head.lower_ in self.cause_group_heads) and any(
            t.lemma_.lower() in self.cause_group_marks or t.lower_ in self.cause_group_marks
            for t in [*before, *_cause_phrase(head)]
        ):
            return True  # "Peruvian and Egyptian rights groups", "the Kenyan Centre for Civic Freedoms"
        return any(
            c.dep_ in MODIFIER_DEPS and c.lemma_.lower() in self.nonstate_modifiers for c in head.children
        )

    def stationed(self, tok: Token) -> bool:
        """ "asked for more troops in Afghanistan", "sent jets over Syria": a military group noun
        that is no subject, with a place phrase, stands for its own modifiers only; the place is
        where the troops go or are, not whose they are ("US troops in Iraq" stays the US)."""
        if tok.lemma_.lower() not in self.stationed_nouns and tok.lower_ not in self.stationed_nouns:
            return False
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return False
        return any(c.dep_ == "prep" and c.lower_ in self.place_preps for c in tok.children)

    def _press(self, tok: Token) -> bool:
        return tok.lower_ in self.press_compounds or tok.lemma_.lower() in self.press_compounds

    def given_refuge(self, head: Token) -> bool:
        """ "granted asylum to the ousted king", "refuge for the exiled emperor": who is given refuge
        is a person in flight, not the state they come from."""
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ not in ("to", "for"):
            return False
        up = prep.head
        nouns = [up, *(c for c in up.children if c.dep_ in ("dobj", "attr", "nsubjpass"))]
        return any(n.lemma_.lower() in self.refuge_nouns or n.lower_ in self.refuge_nouns for n in nouns)

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
        # "Afghans expelled by Pakistan": a participle says what befell them; "Iraqis who helped
        # US forces": a relative clause on people
        undergoing = any(c.dep_ == "acl" and c.tag_ == "VBN" for c in tok.children)
        described = any(
            c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") for g in c.children) for c in tok.children
        )
        return counted or tok.dep_ == "nsubjpass" or crowd or undergoing or described

    def with_people(self, tok: Token, states: set[int]) -> bool:
        """ "targeted Muslims and Mexicans": a plural nationality noun coordinated with a plural
        noun that is no state word names people too ("the Russians and their allies" keeps the state)."""
        if tok.tag_ not in ("NNPS", "NNS"):
            return False
        if any(c.dep_ == "det" and c.lower_ in self.state_plural_determiners for c in tok.children):
            return False
        partners = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
        return any(p.tag_ in ("NNPS", "NNS") and p.i not in states for p in partners)

    def in_circle(self, tok: Token) -> bool:
        """ "people in Trump's orbit", "Putin's inner circle": a name before "'s" and a word for the
        people around it is no state, read from the words (the parse often misses the phrase)."""
        doc = tok.doc
        end = tok.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_iob_ == "I":
            end += 1  # the last word of a name: "Donald Trump's"
        return (
            end + 1 < len(doc)
            and doc[end].text in POSSESSIVES
            and (doc[end + 1].lower_ in self.circle_nouns or doc[end + 1].lemma_.lower() in self.circle_nouns)
        )

    def titled(self, tok: Token) -> bool:
        """ "the former Miss Hungary": a country name in a title is no state."""
        return any(c.dep_ == "compound" and c.lower_ in self.title_words for c in tok.children)

    def in_company(self, tok: Token) -> bool:
        """ "Israel joins Egypt and Cuba on the list of states that ...": the states joined are
        company in a list or a group, not parties; nor is a state that names the topic of the
        body joined ("join the Syria ceasefire monitoring group")."""
        named = tok
        while tok.dep_ in ("conj", "compound") and tok.head.i != tok.i:  # "Cuba and North Korea"
            tok = tok.head
        verb = tok.head
        if named.dep_ in ("compound", "nmod") and named.head.i == tok.i and tok.pos_ == "NOUN":
            # "joined the Syria ceasefire monitoring group": the body joined, named for its topic
            return tok.dep_ == "dobj" and verb.lemma_.lower() in self.company_verbs
        if tok.dep_ != "dobj" or verb.lemma_.lower() not in self.company_verbs:
            return False
        # the "on the list" phrase hangs on the verb or, misparsed, on one of the states joined
        holders = [verb, *(t for t in tok.subtree if t.i == tok.i or t.dep_ == "conj")]
        return any(
            prep.dep_ == "prep"
            and any(
                o.lemma_.lower() in self.company_nouns or o.lower_ in self.company_nouns
                for o in prep.children
            )
            for holder in holders
            for prep in holder.children
        )

    def people_act(self, tok: Token, actor_id: str | None) -> bool:
        """ "a Palestinian attack": the adjective of a state in ``people_states`` on a popular or
        violent act names who did it by people, not the government."""
        return (
            actor_id in self.people_states
            and tok.dep_ == "amod"
            and tok.head.lemma_.lower() in self.people_act_nouns
        )


OPENING = frozenset({"--", "—", "–", "(", "-"})
CLOSING = frozenset({",", "--", "—", "–", ")", ";", ":"})


def compared_tokens(doc: Doc, parties: Parties | None = None) -> set[int]:
    """Tokens of comparisons that open a sentence or a dashed aside, up to their comma or dash:
    "Just as the US borders Canada and Mexico, India and Pakistan fought wars" (not Canada and
    Mexico), "Unlike Britain, France ..."; none without a closing comma or dash."""
    openers = [o.split() for o in (parties or load_parties()).comparison_openers]
    firsts = {words[0] for words in openers}
    out: set[int] = set()
    last = len(doc) - 1
    starts = {s.start for s in doc.sents} | {i + 1 for i in doccache.tokens_text_in(doc, OPENING) if i < last}
    for i in sorted(starts):
        tok = doc[i]
        if tok.lower_ not in firsts:
            continue
        for words in openers:
            end = tok.i + len(words)
            if end > len(doc) or [t.lower_ for t in doc[tok.i : end]] != words:
                continue
            stop = next((t.i for t in doc[end : tok.sent.end] if t.text in CLOSING), None)
            if stop is not None:
                out.update(range(end, stop))
            break
    return out


@cache
def load_parties() -> Parties:
    text = resources.files("entente.events").joinpath("data", PARTIES_FILE).read_text(encoding="utf-8")
    source = f"entente/events/data/{PARTIES_FILE}"
    return Parties.from_data(parse_yaml(text, source=source), source)


def _phrase_head(tok: Token, demonyms: set[int]) -> Token:
    """The noun a modifier belongs to, through chains of modifiers and "X-led"-style compounds.

    Also through coordinated modifiers ("US and Russian investors"), "one X" appositives and
    appositive nationality words ("two women -- one Indonesian, one Vietnamese").
    """
    head = tok
    for _ in range(6):
        up = head.head
        if up.i == head.i:
            break
        coordinated = head.dep_ == "conj" and (up.dep_ in MODIFIER_DEPS or up.i in demonyms or _one(up))
        apposed = head.dep_ == "appos" and (head.i in demonyms or _one(head)) and up.pos_ == "NOUN"
        if not (head.dep_ in MODIFIER_DEPS or coordinated or apposed):
            break
        head = up
    return head


def _cause_phrase(head: Token) -> list[Token]:
    """The words of a group's "for"/"of" phrase: "Initiative for Personal Rights"."""
    return [t for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of") for t in c.subtree]


def _former_official(head: Token) -> bool:
    """An office noun with a word that puts it in the past: "a former British ambassador"; and the
    government an "of" phrase names under people marked past: "former members of the Libyan
    regime", "a former official of the Iraqi government"."""
    roles = role_words()

    office = head.lemma_.lower() in roles.official or head.lower_ in roles.official
    past = any(c.dep_ in ("amod", "advmod") and c.lower_ in roles.past_qualifiers for c in head.children)
    return (office and past) or _of_former(head)


def _of_former(tok: Token) -> bool:
    """ "former members of the Libyan regime": the government named under people marked past (not
    an office's own state, "former president of the Swiss Confederation X": the office rules read
    that, and the name may be glued to the state)."""
    roles = role_words()
    prep = tok.head
    group = prep.head
    return (
        tok.dep_ == "pobj"
        and tok.ent_type_ != "PERSON"
        and prep.lower_ == "of"
        and group.pos_ == "NOUN"
        and group.lemma_.lower() not in roles.official
        and any(c.dep_ in ("amod", "advmod") and c.lower_ in roles.past_qualifiers for c in group.children)
    )


def _one(tok: Token) -> bool:
    """ "one" heading a nationality word in an appositive: "one Indonesian"."""
    return tok.lower_ in ("one", "another", "other") and tok.dep_ in ("appos", "conj", "nummod")


def _person_without_office(tok: Token, head: Token) -> bool:
    """Whether ``tok`` describes a named person (``head``) with no official role between them.

    "German Nobel laureate Albert Einstein" (no office: not Germany), "Russian President
    Vladimir Putin" (an office: Russia). Only the words between the country word and the name
    are read; a country word right before the name is left as it is.
    """
    if head.ent_type_ != "PERSON" or head.i <= tok.i:
        return False
    doc = tok.doc
    start = head.i
    while start > tok.i + 1 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].pos_ == "PROPN":
        start -= 1
    between = [t for t in doc[tok.i + 1 : start] if t.is_alpha]
    if not between:
        return False
    roles = role_words()
    words = [t.lower_ for t in between]
    parties = load_parties()
    if any(w in parties.nonstate_modifiers for w in words) or role_words().party_figure(words):
        return True  # "Russian opposition leader X", "the Dutch anti-Islam party leader X"
    official = roles.official
    lemmas = [t.lemma_.lower() for t in between]
    for seq in (words, lemmas):
        for n in (1, 2, 3):
            if any(" ".join(seq[k : k + n]) in official for k in range(len(seq) - n + 1)):
                return False
    return True


def nonstate_tokens(
    doc: Doc,
    state_tokens: Iterable[int],
    demonyms: Iterable[int],
    parties: Parties | None = None,
    actors: Mapping[int, str] | None = None,
) -> set[int]:
    """The tokens of state mentions that stand for people of the state, not the state.

    ``state_tokens``: tokens marked with a state actor; ``demonyms``: those of them
    that came from a nationality word ("Afghans", "Mexican"); ``actors``: the state of each
    token, where known.
    """
    parties = parties or load_parties()
    demonym_set = set(demonyms)
    actors = actors or {}
    out: set[int] = set()
    state_tokens_list = list(state_tokens)
    for i in state_tokens_list:
        tok = doc[i]
        head = _phrase_head(tok, demonym_set)
        modifier_of_people = head.i != tok.i and (
            parties.nonstate_head(head)
            or _person_without_office(tok, head)
            or party_title(tok, head)
            or any(parties.nonstate_head(h) for h in owners(tok, head))  # "a Chinese firm's US deal"
        )
        bare_plural = (
            i in demonym_set
            and head.i == tok.i
            and (parties.bare_plural(tok) or parties.with_people(tok, set(state_tokens_list)))
        )
        if (
            modifier_of_people
            or bare_plural
            or parties.titled(tok)
            or parties.in_company(tok)
            or parties.people_act(tok, actors.get(i))
            or parties.topic(tok)
            or parties.in_circle(tok)
            or listed_people(tok, demonym_set, parties)
            or (head.i == tok.i and _of_former(tok))  # "the Libyan regime" as one mention
        ):
            out.add(i)
    return out
