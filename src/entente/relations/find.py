"""``find_relations``: an article's signed relations and triads from events, quotes and statements."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Token

from entente import doctext
from entente.records import (
    ActorMention,
    Event,
    Person,
    Quote,
    Relation,
    RelationEvidence,
    RelationSign,
    Span,
    Triad,
)
from entente.relations.actors import ActorIndex
from entente.relations.lexicon import Lexicon, load_lexicon
from entente.relations.statements import Reader, find_matches
from entente.relations.triads import find_triads

#: a quote's stance of +-1 weighs this much
QUOTE_WEIGHT = 0.5
#: events count when they happened
HAPPENED = ("asserted", "attributed")


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _sign(value: float) -> RelationSign:
    return "+" if value > 0 else "-"


def _event_sign(e: Event) -> RelationSign | None:
    if e.quad_class.endswith("_coop"):
        return "+"
    if e.quad_class.endswith("_conflict"):
        return "-"
    return _sign(e.intensity) if e.intensity else None


def _trigger_tokens(doc: Doc, e: Event) -> list[Token]:
    span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _also(doc: Doc, e: Event, index: ActorIndex) -> set[str]:
    """Actors that share an event's role: "Aside from X, no other country has been as supportive of Y"."""
    lex = index.lexicon
    found: set[str] = set()
    for t in _trigger_tokens(doc, e)[:1]:
        clause = [t, *t.ancestors][:4]
        for x in clause:
            for c in x.children:
                preps = []
                if c.dep_ == "prep" and c.lower_ in lex.also_preps:
                    preps.append(c)
                for p in c.children:
                    if p.dep_ == "prep" and (c.lower_, p.lower_) in lex.also_two_words:
                        preps.append(p)
                for p in preps:
                    for o in p.children:
                        if o.dep_ == "pobj":
                            found |= index.group(o)
    return found - {e.source, e.target or ""}


def event_evidence(
    doc: Doc, events: Iterable[Event], index: ActorIndex
) -> Iterator[tuple[str, str, RelationEvidence]]:
    """Happened events between two actors; hypothetical and negated ones weigh nothing."""
    for e in events:
        sign = _event_sign(e)
        if e.status not in HAPPENED or not e.target or e.target == e.source or sign is None:
            continue
        weight = round(min(abs(e.intensity), 10.0) / 10.0, 3) or 0.1
        ev = RelationEvidence(e.trigger, "event", sign, weight, e.evidence, e.type)
        yield e.source, e.target, ev
        for other in sorted(_also(doc, e, index)):
            if other != e.target:
                yield (
                    other,
                    e.target,
                    RelationEvidence(e.trigger, "event", sign, weight, e.evidence, f"{e.type} (also)"),
                )


def quote_evidence(doc: Doc, quotes: Iterable[Quote]) -> Iterator[tuple[str, str, RelationEvidence]]:
    """A speaker who speaks for an actor, toward the actors of the quote's stance."""
    text = doctext.text(doc)
    for q in quotes:
        if not q.speaker_actor or not q.content:
            continue
        span = _span(text, q.content[0].start, q.content[-1].end)
        for actor, value in q.stance:
            if actor == q.speaker_actor or not value:
                continue
            weight = round(QUOTE_WEIGHT * min(abs(value), 1.0), 3)
            detail = q.speaker_name or q.speaker_actor
            yield q.speaker_actor, actor, RelationEvidence(span, "quote", _sign(value), weight, None, detail)


def statement_evidence(
    doc: Doc, events: Sequence[Event], index: ActorIndex, lexicon: Lexicon
) -> Iterator[tuple[str, str, RelationEvidence]]:
    """Relational phrases; a phrase that is an event's trigger is left to the event."""
    triggers = {t.i for e in events for t in _trigger_tokens(doc, e)}
    reader = Reader(index)
    statements = [
        s for m in find_matches(doc, lexicon.phrases) if m.head not in triggers for s in reader.read(m)
    ]
    text = doctext.text(doc)
    for s in [*statements, *reader.backed()]:
        sign: RelationSign = "+" if s.sign == "+" else "-"
        sentence = _span(text, *s.sentence)
        ev = RelationEvidence(_span(text, s.start, s.end), "statement", sign, s.weight, sentence, s.detail)
        yield s.a, s.b, ev


def combine(items: Iterable[tuple[str, str, RelationEvidence]]) -> tuple[Relation, ...]:
    """One relation per pair: the sign of the summed signed weights (pairs summing to 0 are left out)."""
    by_pair: dict[tuple[str, str], list[RelationEvidence]] = defaultdict(list)
    for a, b, ev in items:
        if a == b:
            continue
        pair = (a, b) if a < b else (b, a)
        if ev not in by_pair[pair]:
            by_pair[pair].append(ev)
    out = []
    for pair in sorted(by_pair):
        evidence = sorted(by_pair[pair], key=lambda e: (e.span.start, e.kind))
        total = sum(e.weight if e.sign == "+" else -e.weight for e in evidence)
        if abs(total) < 1e-9:
            continue
        out.append(Relation(pair, _sign(total), round(abs(total), 3), tuple(evidence)))
    return tuple(out)


def find_relations(
    doc: Doc,
    mentions: Sequence[ActorMention] | None,
    events: Sequence[Event] | None,
    quotes: Sequence[Quote] | None,
    people: Sequence[Person] | None = None,
    *,
    lexicon: Lexicon | None = None,
) -> tuple[tuple[Relation, ...], tuple[Triad, ...]]:
    """The article's relations and triads.

    ``mentions``, ``events``, ``quotes`` and ``people`` are the components'
    records with offsets into ``doc.text``; ``people`` lets "Putin" and "his"
    stand for the actor a person speaks for.
    """
    lexicon = lexicon or load_lexicon()
    events = tuple(events or ())
    index = ActorIndex(doc, mentions or (), people or (), lexicon, quotes or ())
    items = [
        *event_evidence(doc, events, index),
        *quote_evidence(doc, quotes or ()),
        *statement_evidence(doc, events, index, lexicon),
    ]
    relations = combine(items)
    return relations, find_triads(relations)


__all__ = ["find_relations"]
