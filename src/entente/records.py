"""Typed, frozen records that flow between entente's stages.

Every span carries ``start``/``end`` character offsets. Inside a spaCy ``Doc``
they index the cleaned text (``doc.text``); in an :class:`Analysis` returned by
:func:`entente.analyze` they have been mapped back to the original input.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, Literal, TypeVar

ActorKind = Literal["state", "organisation", "bloc", "armed_group", "person", "other"]
QuoteKind = Literal["direct", "reported", "mixed"]
EventStatus = Literal["asserted", "attributed", "hypothetical", "negated"]
DatePrecision = Literal["day", "month", "year", "range"]

SCHEMA_VERSION = "1.1"


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
    other_evidence: tuple[Span, ...] = ()  # other sentences reporting the same event (headline and body)


RelationSign = Literal["+", "-"]
EvidenceKind = Literal["event", "quote", "statement"]


@dataclass(frozen=True)
class RelationEvidence:
    """One piece of text that bears on a relation.

    ``kind``: ``event`` (a happened event: asserted or attributed), ``quote`` (a
    quoted speaker's stance toward the other actor) or ``statement`` (a
    relational phrase in the text: "strategic partnership", "rivalry with").
    ``span`` is the words that carry it (the trigger, the phrase, the quote);
    ``sentence`` the sentence around them.
    """

    span: Span
    kind: EvidenceKind
    sign: RelationSign
    weight: float  # > 0; the relation's weight sums the signed weights
    sentence: Span | None = None
    detail: str = ""  # PLOVER type, the phrase's name, or the speaker


@dataclass(frozen=True)
class Relation:
    """A signed, weighted relation between two actors; ``pair`` is sorted."""

    pair: tuple[str, str]
    sign: RelationSign
    weight: float  # |sum of the evidence's signed weights|
    evidence: tuple[RelationEvidence, ...] = ()


@dataclass(frozen=True)
class TriadReading:
    """What the third actor of a triad does to a pair: push it together or hold it apart.

    ``together`` when the pair shares the third party's friend or foe; ``apart``
    when one is tied to it and the other hostile.
    """

    pair: tuple[str, str]
    third: str
    effect: Literal["together", "apart"]
    text: str  # "shared hostility to USA pushes IRN and RUS together"


@dataclass(frozen=True)
class Triad:
    """Three actors related pairwise; balanced iff the product of the three signs is positive."""

    actors: tuple[str, str, str]  # sorted
    balanced: bool
    signs: tuple[str, str, str]  # of (a, b), (a, c), (b, c)
    reading: tuple[TriadReading, ...] = ()  # one per pair


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
    input: str = ""  # the text every span of an Analysis indexes (for HTML: the page's main text)


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Read back the JSON form (``entente analyze --format json``); see :mod:`entente.report.jsonout`."""
        from entente.jsonform import from_dict  # the JSON shape, beside the records

        return from_dict(data)


InputFormat = Literal["text", "html", "auto"]


@dataclass(frozen=True)
class Item:
    """One document of a stream, before it is read: its content and what the collection says of it."""

    id: str  # the name a user recognises: a path, a URL, "file.csv:17"
    text: str  # plain text or HTML, as found
    published: date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    format: InputFormat = "auto"


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


# ------------------------------------------------------------------ plain values
# Records cross process and storage boundaries (``Doc._``, DocBin, JSON, the
# store) as plain values: dicts, lists, str, int, float, bool and None.


def to_plain(obj: Any) -> Any:
    """``obj`` as plain values: dataclasses become dicts, tuples lists, dates ISO strings."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple | list):
        return [to_plain(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_plain(tp: Any, data: Any) -> Any:
    """Rebuild a value of type ``tp`` (a record class or a type hint) from :func:`to_plain` output.

    Raises ``ValueError`` on keys a record does not have or values of the wrong shape.
    """
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) == 1:
            return from_plain(options[0], data)
        return data
    if origin is typing.Literal:
        if data not in typing.get_args(tp):
            raise ValueError(f"{data!r} is not one of {typing.get_args(tp)}")
        return data
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(data, list | tuple):
            raise ValueError(f"expected a list, got {type(data).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_plain(args[0], v) for v in data)
        return tuple(from_plain(a, v) for a, v in zip(args, data, strict=True))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise ValueError(f"expected an object for {tp.__name__}, got {type(data).__name__}")
        hints = _hints(tp)
        unknown = set(data) - set(hints)
        if unknown:
            raise ValueError(f"{tp.__name__} has no field {sorted(unknown)[0]!r}")
        return tp(**{k: from_plain(hints[k], v) for k, v in data.items()})
    if tp is date:
        return date.fromisoformat(data)
    if tp is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if tp in (str, int, bool) and not isinstance(data, tp):
        raise ValueError(f"expected {tp.__name__}, got {type(data).__name__}")
    return data
