"""Vetting event mentions: word senses and places that report no event between two states.

Run on an article's event mentions before event coreference (one call in the events
component). A mention found here is dropped:

* a trigger used in a sense that reports no event (``data/senses.yaml``): "as opposed
  to its neighbours", "stood next to Merkel", "Together with Honduras, Chile has ...";
* a treaty's or agreement's name ("the Treaty of Friendship and Cooperation", "the
  North American Free Trade Agreement"): a name is no event;
* one event per country in a plural ("the Syria and Yemen wars"): no war between them;
* a place taken as the target of an event noun whose clause names who was hit ("a
  Russian airstrike in Syria killed three Turkish soldiers": the target is Turkey).

An act of a leader outside the term is not the state's (``office.py``: "During his
campaign last year, Trump praised Putin").

A possessed event noun inside reported speech ("Russia said its strikes had killed
...") is given, not reported, and so is a relative clause that describes the speaker or
the addressee ("asked Lam, who is backed by Beijing, to resign"): attributed becomes
asserted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc, Token

from entente.events.arguments import ActorIndex
from entente.events.attribution import hedged
from entente.events.coref import Mention
from entente.events.dates import after_publication
from entente.events.lexicon import Lexicon, load_lexicon
from entente.events.office import actor_tokens as _actor_tokens
from entente.events.office import dates_clause as _dates_clause
from entente.events.office import office_vet
from entente.events.senses import (
    Context,
    Sense,
    load_acts,
    load_former_nouns,
    load_senses,
    senses_from_data,
)
from entente.events.status import StatusReader
from entente.events.status_cues import StatusCues
from entente.events.vet import Parties, load_parties
from entente.nlp import extensions as ext
from entente.records import Event

NAME_LABELS = frozenset({"LAW", "ORG", "EVENT", "WORK_OF_ART", "FAC"})
__all__ = ["Sense", "load_senses", "senses_from_data", "vet_mentions"]


@cache
def _lexicon_parts() -> tuple[frozenset[str], StatusReader]:
    """The hostile verbs and a status reader, built once (not per document)."""
    lex = load_lexicon()
    hostile = frozenset(
        v
        for v, trigs in lex.verbs.items()
        if any(lex.category(t.type).quad_class.endswith("conflict") for t in trigs)
    )
    return hostile, StatusReader(StatusCues.from_data(lex.cues), lex.light_verbs)


def vet_mentions(
    doc: Doc,
    mentions: Sequence[Mention],
    index: ActorIndex,
    senses: Sequence[Sense] | None = None,
    parties: Parties | None = None,
) -> None:
    """Mark as dropped the mentions that report no event between their two actors."""
    senses = load_senses() if senses is None else senses
    parties = parties or load_parties()
    lex = load_lexicon()
    hostile, reader = _lexicon_parts()
    for m in mentions:
        if m.dropped:
            continue
        tok = doc[m.token_i]
        ctx = _context(tok, m, index, lex, hostile)
        sense = next((s for s in senses if s.matches(tok, ctx)), None)
        if sense is not None and (sense.to is not None or sense.status is not None):
            # "welcomed Merkel to the White House": a visit hosted
            if sense.to is not None and sense.to != m.event.type:
                cat = lex.category(sense.to)
                ev = m.event
                ev = dataclasses.replace(ev, type=cat.name, quad_class=cat.quad_class, mode=sense.mode)
                m.event = dataclasses.replace(ev, intensity=cat.intensity)
            at = sense.status_token(tok)
            if at is not None:  # "issues of cooperation were discussed": the discussion's status
                m.event = _status_of(at, m.event, reader)
            if sense.status is not None and m.event.status != "negated":  # "a deal to buy X": agreed only
                m.event = dataclasses.replace(m.event, status=sense.status, attributed_to=None)
            sense = None
        if (
            sense is not None
            or is_name(tok)
            or _distributive(tok, m, index, parties)
            or _place_target(tok, m, mentions, index, parties)
            or _borrowed_target(tok, m, mentions, index)
            or former_owner(tok, m, index)
            or office_vet(doc, tok, m, index)
            or copular_subject(tok, m, index)
            or stray_proverb(tok, m, mentions, lex)
        ):
            m.dropped = True
        elif (
            m.event.status == "attributed"
            and not hedged(tok, lex.cues)  # status dev hook: "Russia's alleged interference"
            and (presupposed(tok) or describes_participant(doc, tok))
        ):
            m.event = dataclasses.replace(m.event, status="asserted", attributed_to=None)


def _status_of(at: Token, ev: Event, reader: StatusReader) -> Event:
    """A recoded event takes the status of the word whose act it now reports: hypothetical or
    negated as that word reads; asserted where the old trigger alone read hypothetical (a quote's
    attribution, and a date after publication, stay)."""
    status, _ = reader.read(at)
    if status in ("hypothetical", "negated") and status != ev.status:
        return dataclasses.replace(ev, status=status, attributed_to=None)
    if status == "asserted" and ev.status == "hypothetical":
        if ev.date is not None and after_publication(ev.date, ext.published(at.doc)):
            return ev
        return dataclasses.replace(ev, status="asserted")
    return ev


def _context(tok: Token, m: Mention, index: ActorIndex, lex: Lexicon, hostile: frozenset[str]) -> Context:
    targets = frozenset(_actor_tokens(tok, m.event.target, index))
    return Context(
        targets=targets,
        has_target=m.event.target is not None,
        target_is_person=any(i in index.people for i in targets),
        dated=m.event.date is not None and _dates_clause(tok.doc, tok, m.event.date.span),
        acts=load_acts(),
        light_verbs=lex.light_verbs,
        event_nouns=frozenset(lex.nouns),
        group_nouns=lex.group_nouns,
        conflict_verbs=hostile,
    )


def stray_proverb(tok: Token, m: Mention, mentions: Sequence[Mention], lex: Lexicon) -> bool:
    """ "dipped a toe into sanctioning Chinese firms and by doing so is looking to ...", "how to
    repair ties or whether doing so might involve ...": "doing so" takes up the act verb before it
    in its own sentence (a trigger, or a verb with an object, not one it depends on: "said that by
    doing so"), not an event of an earlier one."""
    if m.event.mode != "anaphoric" or tok.lemma_.lower() != "do" or m.antecedent is None:
        return False
    ante = mentions[m.antecedent].token_i
    above, cur = set(), tok  # the verbs "doing so" depends on, up to a coordination ("X or whether doing so")
    while cur.head.i != cur.i and cur.dep_ != "conj":
        cur = cur.head
        above.add(cur.i)
    return any(
        ante < t.i < tok.i
        and t.pos_ == "VERB"
        and t.i not in above
        and (t.lemma_.lower() in lex.verbs or any(c.dep_ in ("dobj", "obj") for c in t.children))
        for t in tok.sent
    )


def presupposed(tok: Token) -> bool:
    """ "Russia said its strikes on Syria had killed ...": a possessed event noun inside reported
    speech is taken as given (the speaker talks about it, not reports it)."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in tok.children):
        return False
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")


def describes_participant(doc: Doc, tok: Token) -> bool:
    """ "They asked Carrie Lam, who is supported by Beijing, to resign": a relative clause on the
    reporting verb's own subject or object is the narrator's description, not what was said."""
    clause = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if clause.dep_ != "relcl" or clause.head.dep_ not in ("nsubj", "dobj", "dative", "nsubjpass"):
        return False
    verb = clause.head.head
    for quote in ext.quotes(doc):
        cue = quote.cue
        if cue is not None and cue.start <= verb.idx < cue.end:
            return True
    return False


def is_name(tok: Token) -> bool:
    """ "the Treaty of Friendship", "the Free Trade Agreement": a capitalised trigger inside a name."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.i == tok.sent.start:
        return False
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
        return False  # "signed the Indus Waters Treaty": the act on the named treaty is the event
    words = [t for t in tok.sent if t.is_alpha]
    if words and sum(t.text[:1].isupper() for t in words) > 0.6 * len(words):
        return False  # a headline in title case
    if tok.ent_type_ in NAME_LABELS:
        return True
    named_children = any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper() for c in tok.children
    )
    of_name = any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
        for c in tok.children
    )
    return named_children or of_name


def _distributive(tok: Token, m: Mention, index: ActorIndex, parties: Parties) -> bool:
    """ "the Syria and Yemen wars": a plural event noun after coordinated country names."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in parties.distributive_nouns:
        return False
    mods = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod")]
    coordinated = {g.i for c in mods for g in c.subtree}
    # the trigger's own phrase, without what is coordinated to it ("the wars and its drawdowns")
    other = {g.i for c in tok.children if c.dep_ == "conj" for g in c.subtree}
    own = {t.i for t in tok.subtree} - other
    pair = (m.event.source, m.event.target)
    sides = [[i for i in _actor_tokens(tok, a, index) if i in own] for a in pair]
    return all(bool(found) and all(i in coordinated for i in found) for found in sides)


def _place_target(
    tok: Token, m: Mention, mentions: Sequence[Mention], index: ActorIndex, parties: Parties
) -> bool:
    """An event noun's place taken as its target where its clause names the target."""
    if not m.nominal or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    places = [
        i
        for i in _actor_tokens(tok, m.event.target, index)
        if tok.doc[i].dep_ == "pobj"
        and tok.doc[i].head.lower_ in parties.place_preps
        and tok.doc[i].head.head.i == tok.i
    ]
    if not places:
        return False
    verb = tok.head.i
    return any(
        o.token_i == verb and o.event.source == m.event.source and o.event.target != m.event.target
        for o in mentions
    )


def _borrowed_target(tok: Token, m: Mention, mentions: Sequence[Mention], index: ActorIndex) -> bool:
    """ "When Iraq invaded Kuwait, ... the US response to the Iraqi invasion": an event noun whose
    target is not in its own phrase (here taken from the responder) where a verb of the same
    sentence reports the same act by the same source on another target."""
    if not m.nominal:
        return False
    own = {t.i for t in tok.subtree}
    if any(i in own for i in _actor_tokens(tok, m.event.target, index)):
        return False
    return any(
        not o.nominal
        and o.sent_i == m.sent_i
        and o.event.type == m.event.type
        and o.event.source == m.event.source
        and o.event.target not in (m.event.target, None)
        for o in mentions
    )


def copular_subject(tok: Token, m: Mention, index: ActorIndex) -> bool:
    """ "Beijing was Tillerson's final stop after visiting Seoul": the subject of a copula with a
    possessed noun is not who did the act of a subjectless clause on it (the possessor is)."""
    if tok.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children):
        return False
    gov = tok.head.head if tok.dep_ == "pcomp" else tok.head if tok.dep_ == "advcl" else None
    if gov is not None and gov.dep_ == "attr":  # "... stop after visiting" hung on the noun
        gov = gov.head
    if gov is None or gov.lemma_ != "be":
        return False
    owned = any(c.dep_ == "attr" and any(g.dep_ == "poss" for g in c.children) for c in gov.children)
    subjects = {c.i for c in gov.children if c.dep_ == "nsubj"}
    return owned and bool(subjects & set(_actor_tokens(tok, m.event.source, index)))


def former_owner(tok: Token, m: Mention, index: ActorIndex) -> bool:
    """ "The former Portuguese colony was invaded by Indonesia": a nationality on a former
    possession names its former ruler, not the place the event hit."""
    former = load_former_nouns()
    for i in _actor_tokens(tok, m.event.target, index):
        head = tok.doc[i].head
        if tok.doc[i].dep_ not in ("amod", "compound", "poss") or head.lemma_.lower() not in former:
            continue
        if any(c.lower_ in ("former", "ex") for c in head.children):
            return True
    return False
