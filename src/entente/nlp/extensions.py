"""``Doc._`` extensions that entente's components read and write.

Every value stored on a ``Doc`` is plain data (str, numbers, lists, dicts), so
an annotated ``Doc`` survives ``doc.to_bytes()``, ``DocBin(store_user_data=True)``,
pickling and ``nlp.pipe(n_process=N)``. Components read each other's output as
typed records through the accessors below (:func:`mentions`, :func:`people`,
...), which rebuild the records from the plain values once per ``Doc`` and
cache them. Offsets index ``doc.text``.

=====================  ===================  ==========================================
extension              written by           value
=====================  ===================  ==========================================
``entente_published``  :func:`set_published`  ISO date of publication, or None
``entente_mentions``   ``entente_actors``   list of :class:`~entente.records.ActorMention`
``entente_people``     ``entente_people``   list of :class:`~entente.records.Person`
``entente_quotes``     ``entente_quotes``   list of :class:`~entente.records.Quote`
``entente_events``     ``entente_events``   list of :class:`~entente.records.Event`
``entente_relations``  ``entente_relations``  list of :class:`~entente.records.Relation`
=====================  ===================  ==========================================
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from datetime import date
from typing import Any

from spacy.tokens import Doc

from entente.errors import E, EntenteError
from entente.records import ActorMention, Event, Person, Quote, Relation, from_plain, to_plain

#: extension name -> (record type, the component that writes it)
RECORD_EXTENSIONS: dict[str, tuple[type, str]] = {
    "entente_mentions": (ActorMention, "entente_actors"),
    "entente_people": (Person, "entente_people"),
    "entente_quotes": (Quote, "entente_quotes"),
    "entente_events": (Event, "entente_events"),
    "entente_relations": (Relation, "entente_relations"),
}
DOC_EXTENSIONS = ("entente_published", *RECORD_EXTENSIONS)

_cache: weakref.WeakKeyDictionary[Doc, dict[str, tuple[object, tuple[Any, ...]]]] = (
    weakref.WeakKeyDictionary()
)


def register_extensions() -> None:
    """Register entente's ``Doc._`` attributes (idempotent); every default is None (not run yet)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def set_published(doc: Doc, published: date | None) -> None:
    doc._.entente_published = published.isoformat() if published else None


def published(doc: Doc) -> date | None:
    value = doc._.entente_published
    return date.fromisoformat(value) if value else None


def _records(doc: Doc, name: str) -> tuple[Any, ...]:
    plain = doc._.get(name)
    if plain is None:
        return ()
    cached = _cache.setdefault(doc, {}).get(name)
    if cached is not None and cached[0] is plain:
        return cached[1]
    cls = RECORD_EXTENSIONS[name][0]
    records = tuple(from_plain(cls, item) for item in plain)
    _cache[doc][name] = (plain, records)
    return records


def _store(doc: Doc, name: str, records: Sequence[Any]) -> None:
    plain = [to_plain(r) for r in records]
    doc._.set(name, plain)
    _cache.setdefault(doc, {})[name] = (plain, tuple(records))


def has(doc: Doc, name: str) -> bool:
    """Whether the component that writes ``name`` has run on ``doc``."""
    return doc._.get(name) is not None


def require(doc: Doc, component: str, *names: str) -> None:
    """Raise a clear error when ``component`` runs before the components it reads."""
    for name in names:
        if doc._.get(name) is None:
            raise EntenteError(E.E015, component=component, needs=RECORD_EXTENSIONS[name][1])


def mentions(doc: Doc) -> tuple[ActorMention, ...]:
    return _records(doc, "entente_mentions")


def people(doc: Doc) -> tuple[Person, ...]:
    return _records(doc, "entente_people")


def quotes(doc: Doc) -> tuple[Quote, ...]:
    return _records(doc, "entente_quotes")


def events(doc: Doc) -> tuple[Event, ...]:
    return _records(doc, "entente_events")


def relations(doc: Doc) -> tuple[Relation, ...]:
    return _records(doc, "entente_relations")


def set_relations(doc: Doc, records: Sequence[Relation]) -> None:
    _store(doc, "entente_relations", records)


def set_mentions(doc: Doc, records: Sequence[ActorMention]) -> None:
    _store(doc, "entente_mentions", records)


def set_people(doc: Doc, records: Sequence[Person]) -> None:
    _store(doc, "entente_people", records)


def set_quotes(doc: Doc, records: Sequence[Quote]) -> None:
    _store(doc, "entente_quotes", records)


def set_events(doc: Doc, records: Sequence[Event]) -> None:
    _store(doc, "entente_events", records)


register_extensions()
