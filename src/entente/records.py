"""Typed, frozen records that flow between entente's stages.

Every span carries ``start``/``end`` character offsets. Inside a spaCy ``Doc``
they index the cleaned text (``doc.text``); in an :class:`Analysis` returned by
:func:`entente.analyze` they have been mapped back to the original input.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, TypeVar

ActorKind = Literal["state", "organisation", "bloc", "armed_group", "person", "other"]
QuoteKind = Literal["direct", "reported", "mixed"]
EventStatus = Literal["asserted", "attributed", "hypothetical", "negated"]
DatePrecision = Literal["day", "month", "year", "range"]

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Span:
    """A stretch of text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """An entry of the knowledge base: a state, organisation, bloc or armed group."""

    id: str
    name: str
    kind: ActorKind
    of: str | None = None  # armed groups: the state they are tied to


@dataclass(frozen=True)
class ActorMention:
    """A piece of text that refers to an actor.

    ``actor_id`` is ``None`` for names the statistical NER found but the
    knowledge base lacks: they stay in the output as unresolved mentions.
    """

    span: Span
    actor_id: str | None
    kind: ActorKind
    form: str  # which knowledge-base form matched ("the Kremlin", "capital", ...)
    method: str  # "name", "capital", "metonym", "adjective", "leader", "pattern", "ner"
    label: str | None = None  # spaCy NER label where one applies


@dataclass(frozen=True)
class Person:
    """A person named in the article."""

    name: str
    mentions: tuple[Span, ...]
    role: str | None = None
    affiliation: str | None = None
    actor_id: str | None = None  # the actor they speak for; None for independents
    gender: str | None = None


@dataclass(frozen=True)
class Quote:
    """An attributed statement."""

    content: tuple[Span, ...]
    kind: QuoteKind
    speaker: Span | None  # the mention in the text ("he", "Katz", "the ministry")
    speaker_name: str | None  # resolved name ("Mark Katz"); None if unknown
    speaker_actor: str | None = None
    cue: Span | None = None
    addressee: str | None = None
    mentions: tuple[str, ...] = ()  # actor ids mentioned in the content
    stance: tuple[tuple[str, float], ...] = ()  # (actor id, -1..+1) of the speaker toward it

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.content)


@dataclass(frozen=True)
class EventDate:
    value: str  # ISO: 2024-10-11, 2024-10, 2024, or "2022/2024-10-14" for ranges
    precision: DatePrecision
    span: Span | None = None


@dataclass(frozen=True)
class Event:
    """Who did what to whom, PLOVER-coded, with its status and evidence."""

    source: str
    target: str | None  # None for events with no target actor
    type: str  # PLOVER category: AGREE, CONSULT, ...
    quad_class: str  # verbal_coop, material_coop, verbal_conflict, material_conflict
    intensity: float  # -10..+10
    status: EventStatus
    trigger: Span
    evidence: Span  # the sentence
    mode: str | None = None  # PLOVER mode where one applies
    attributed_to: str | None = None  # speaker name for attributed events
    date: EventDate | None = None
    place: str | None = None  # ISO3 of the country where named
    place_name: str | None = None


@dataclass(frozen=True)
class Relation:
    pair: tuple[str, str]
    sign: Literal["+", "-"]
    weight: float
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Triad:
    actors: tuple[str, str, str]
    balanced: bool
    signs: tuple[str, str, str]


@dataclass(frozen=True)
class ArticleInfo:
    source: str  # path, URL or "-"
    title: str | None
    outlet: str | None
    published: date | None
    date_source: str | None  # "html", "option", "text", None
    text: str  # the cleaned text the NLP ran on
    input_format: str  # "text" or "html"
    language: str | None = None
    removed: tuple[Span, ...] = ()  # page furniture removed, offsets in the input
    id: str = ""  # content hash of the input (see :func:`article_id`)
    url: str | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything entente read out of one article. Offsets index the original input."""

    article: ArticleInfo
    actors: tuple[Actor, ...]
    mentions: tuple[ActorMention, ...]
    people: tuple[Person, ...]
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    triads: tuple[Triad, ...] = ()
    warnings: tuple[str, ...] = ()
    schema_version: str = field(default=SCHEMA_VERSION)


def article_id(content: str) -> str:
    """A stable id for an article: the first 16 hex digits of the SHA-256 of its input text."""
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]


T = TypeVar("T")


def map_spans(obj: T, mapper: Any) -> T:
    """Return ``obj`` with every :class:`Span` inside replaced by ``mapper(span)``.

    Walks dataclasses, tuples and lists; other values are kept as they are.
    """
    if isinstance(obj, Span):
        return mapper(obj)  # type: ignore[no-any-return]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            new = map_spans(value, mapper)
            if new is not value:
                changes[f.name] = new
        return dataclasses.replace(obj, **changes) if changes else obj  # type: ignore[type-var]
    if isinstance(obj, tuple):
        items = tuple(map_spans(v, mapper) for v in obj)
        return items if any(a is not b for a, b in zip(items, obj, strict=True)) else obj  # type: ignore[return-value]
    if isinstance(obj, list):
        return [map_spans(v, mapper) for v in obj]  # type: ignore[return-value]
    return obj
