"""Event coreference within one article.

* Anaphoric events: "talk of Moscow doing so. But that has yet to occur." The
  pro-verb ("doing so") and the anaphoric subject ("that has yet to occur")
  take up the event of a preceding sentence; the chain is reported once, with
  the status of its latest mention and that mention's sentence as evidence.
* Definite descriptions: "the Putin-Pezeshkian meeting" after a reported
  meeting of the same actors is the same meeting, not a new one (a factual
  one is dropped after a factual report whatever its own status: "they said
  the agreement is void").
* Unrealized events: a hypothetical or negated event between the same actors
  mentioned again with the same status is the same possibility, reported once
  (its first mention).
* One sentence reports a (type, actors, status) once: "X attacked and
  bombed Y", or a headline glued to the first sentence ("Germany bans ...
  Germany on Monday banned ...").
* Dated mentions: two mentions of the same event type between the same actors
  with the same status and compatible dates ("on October 11, 2024" and "in the
  second week of October") are one event; a narrative sentence is preferred as
  evidence over a photo caption or a headline-style present ("Putin meets ...
  on October 11"), and the more precise date is kept.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from entente import doctext
from entente.events.candidates import Candidate
from entente.events.dates import compatible
from entente.records import Event, Span

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
PRECISION_RANK = {"day": 0, "month": 1, "range": 2, "year": 3}
CAPTION = re.compile(
    r"\b(?:Photo(?:graph)?|Image|Picture|Credit|File photo)\s*:|\((?:Photo|AP|AFP|Reuters)\b", re.I
)


@dataclass
class Mention:
    event: Event
    cand: Candidate
    token_i: int
    sent_i: int
    nominal: bool
    definite: bool
    mutual: bool
    antecedent: int | None = None  # index of the mention this one takes up
    present: bool = False  # a dated event told in the present tense (headline style)
    dropped: bool = False
    also: list[Span] = dataclasses.field(default_factory=list)  # sentences of the mentions merged in

    def key(self) -> tuple[str, object]:
        pair: object = (
            frozenset((self.event.source, self.event.target))
            if self.mutual
            else (self.event.source, self.event.target)
        )
        return self.event.type, pair


def in_caption(doc: Doc, start: int) -> bool:
    """Whether the character at ``start`` sits in a photo-caption line."""
    text = doctext.text(doc)  # built once per Doc, not per event
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return bool(CAPTION.search(line))


def _headline_style(doc: Doc, m: Mention) -> bool:
    """A photo caption, or a past event told in the present tense ("Putin meets ... on October 11")."""
    return in_caption(doc, m.event.evidence.start) or m.present


def _better_date(a: Event, b: Event) -> Event:
    da, db = a.date, b.date
    if db is not None and (da is None or PRECISION_RANK[db.precision] < PRECISION_RANK[da.precision]):
        a = dataclasses.replace(a, date=db)
    if a.place is None and b.place is not None:
        a = dataclasses.replace(a, place=b.place, place_name=b.place_name)
    return a


def resolve(doc: Doc, mentions: list[Mention]) -> list[Event]:
    """The article's events, each happening once."""
    for m in mentions:
        if m.antecedent is not None:
            mentions[m.antecedent].dropped = True
            m.also.append(mentions[m.antecedent].event.evidence)
    kept: list[Mention] = []
    by_key: dict[tuple[str, object], list[Mention]] = {}  # kept mentions by key, in order: no scan of all
    for m in mentions:
        if m.dropped:
            continue
        key = m.key()
        group = by_key.get(key, [])
        same = [k for k in group if k.event.status == m.event.status]
        factual = ("asserted", "attributed")
        # "the agreement" after the agreement was reported, whatever is said about it now
        reported = any(k.event.status in factual for k in group)
        if m.nominal and m.definite and m.event.status in factual and reported:
            next(k for k in group if k.event.status in factual).also.append(m.event.evidence)
            continue
        if m.nominal and m.definite and same:
            same[0].also.append(m.event.evidence)
            continue
        unrealized = m.event.status in ("hypothetical", "negated")
        twin = next(
            (k for k in same if unrealized or k.sent_i == m.sent_i or compatible(k.event.date, m.event.date)),
            None,
        )
        if twin is not None:
            if not unrealized and _headline_style(doc, twin) and not _headline_style(doc, m):
                twin.event, m.event = m.event, twin.event
            twin.event = _better_date(twin.event, m.event)
            twin.also.append(m.event.evidence)
            continue
        kept.append(m)
        by_key.setdefault(key, []).append(m)
    return [_with_others(k) for k in kept]


def _with_others(m: Mention) -> Event:
    """The kept mention's event with the other sentences that report it, each once, in text order."""
    others = sorted({s for s in m.also if s != m.event.evidence}, key=lambda s: s.start)
    return dataclasses.replace(m.event, other_evidence=tuple(others)) if others else m.event
