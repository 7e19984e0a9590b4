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

An act dated before its source person took office is not the state's ("During his
campaign last year, Trump praised Putin").

A possessed event noun inside reported speech ("Russia said its strikes had killed
...") is given, not reported, and so is a relative clause that describes the speaker or
the addressee ("asked Lam, who is backed by Beijing, to resign"): attributed becomes
asserted.
"""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Token

from entente.events.arguments import ActorIndex
from entente.events.coref import Mention
from entente.events.lexicon import Lexicon, load_lexicon
from entente.events.senses import Context, Sense, load_acts, load_former_nouns, load_senses, senses_from_data
from entente.events.status import hedged
from entente.events.vet import Parties, load_parties
from entente.nlp import extensions as ext
from entente.records import Span

NAME_LABELS = frozenset({"LAW", "ORG", "EVENT", "WORK_OF_ART", "FAC"})
__all__ = ["Sense", "load_senses", "senses_from_data", "vet_mentions"]


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
    hostile = frozenset(
        v
        for v, trigs in lex.verbs.items()
        if any(lex.category(t.type).quad_class.endswith("conflict") for t in trigs)
    )
    for m in mentions:
        if m.dropped:
            continue
        tok = doc[m.token_i]
        ctx = _context(tok, m, index, lex, hostile)
        sense = next((s for s in senses if s.matches(tok, ctx)), None)
        if sense is not None and sense.to is not None:
            if sense.to != m.event.type:  # "welcomed Merkel to the White House": a visit hosted
                cat = lex.category(sense.to)
                ev = m.event
                ev = dataclasses.replace(ev, type=cat.name, quad_class=cat.quad_class, mode=sense.mode)
                m.event = dataclasses.replace(ev, intensity=cat.intensity)
            sense = None
        if (
            sense is not None
            or is_name(tok)
            or _distributive(tok, m, index, parties)
            or _place_target(tok, m, mentions, index, parties)
            or _borrowed_target(tok, m, mentions, index)
            or former_owner(tok, m, index)
            or before_office(doc, tok, m, index)
        ):
            m.dropped = True
        elif (
            m.event.status == "attributed"
            and not hedged(tok, lex.cues)  # status dev hook: "Russia's alleged interference"
            and (presupposed(tok) or describes_participant(doc, tok))
        ):
            m.event = dataclasses.replace(m.event, status="asserted", attributed_to=None)


def _context(tok: Token, m: Mention, index: ActorIndex, lex: Lexicon, hostile: frozenset[str]) -> Context:
    targets = frozenset(_actor_tokens(tok, m.event.target, index))
    return Context(
        targets=targets,
        target_is_person=any(i in index.people for i in targets),
        dated=m.event.date is not None and _dates_clause(tok.doc, tok, m.event.date.span),
        acts=load_acts(),
        light_verbs=lex.light_verbs,
        event_nouns=frozenset(lex.nouns),
        group_nouns=lex.group_nouns,
        conflict_verbs=hostile,
    )


def presupposed(tok: Token) -> bool:
    """ "Russia said its strikes on Syria had killed ...": a possessed event noun inside reported
    speech is taken as given (the speaker talks about it, not reports it)."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in tok.children):
        return False
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")


def before_office(doc: Doc, tok: Token, m: Mention, index: ActorIndex) -> bool:
    """ "During his campaign last year, Trump praised Putin": dated before a party (a person
    counted as their state) took office, the act was not the state's."""
    when = m.event.date
    if when is None or index.kb is None or "/" in when.value or not when.value[:4].isdigit():
        return False
    if not _dates_clause(doc, tok, when.span):
        return False  # "dismissed Russia's role in the downing of MH17 in July 2014": another event's date
    parts = when.value.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 12
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else calendar.monthrange(year, month)[1]
    period_end = date(year, month, day)
    for actor in (m.event.source, m.event.target):
        named = _actor_tokens(tok, actor, index)
        if any(i not in index.people for i in named):
            continue  # the state itself is named ("Israel annexed ... in 1967")
        tokens = set(named)
        for person in ext.people(doc) if tokens else ():
            spans = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in person.mentions]
            if not any(sp is not None and tokens & {t.i for t in sp} for sp in spans):
                continue
            info = index.kb.leader(person.name, period_end)
            if info is not None and info.actor_id == actor and info.start and info.start > period_end:
                return True
    return False


def _dates_clause(doc: Doc, tok: Token, span: Span | None, hops: int = 3) -> bool:
    """Whether the date expression at ``span`` hangs on the trigger within a few steps."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand") if span is not None else None
    if found is None:
        return False
    if min(abs(found.start - tok.i), abs(found.end - 1 - tok.i)) > 2 * hops:
        return False  # far from the trigger: more likely another event's date
    cur = found.root
    for _ in range(hops + 1):
        if cur.i == tok.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


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


def _actor_tokens(tok: Token, actor: str | None, index: ActorIndex) -> list[int]:
    """Tokens of the trigger's sentence that stand for ``actor``."""
    if actor is None:
        return []
    return [t.i for t in tok.sent if index.by_token.get(t.i) == actor]


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
    parties_here = [i for a in (m.event.source, m.event.target) for i in _actor_tokens(tok, a, index)]
    return bool(parties_here) and all(i in coordinated for i in parties_here)


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
