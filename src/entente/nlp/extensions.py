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

import dataclasses
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

#: record class -> its field names (None: not a dataclass), for :func:`plain_value`
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}
_UNSEEN: Any = object()

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
    value = _value(doc, "entente_published")
    return date.fromisoformat(value) if value else None


def _value(doc: Doc, name: str) -> Any:
    """``doc._.get(name)``, read straight from ``doc.user_data`` where spaCy stores a plain
    extension's value (building ``doc._`` costs more than the look-up; components read these
    values dozens of times per document)."""
    found = Doc.get_extension(name)
    if found is not None and found[1] is None and found[2] is None:  # no method, no getter
        user_data: dict[Any, Any] = doc.user_data  # keyed by tuples, whatever spaCy's stub says
        stored = user_data.get(("._.", name, None, None), _UNSEEN)  # spaCy's key for a Doc value
        if stored is not _UNSEEN:
            return stored
    return doc._.get(name)


def _records(doc: Doc, name: str) -> tuple[Any, ...]:
    plain = _value(doc, name)
    if plain is None:
        return ()
    entry = _cache.get(doc)
    cached = entry.get(name) if entry is not None else None
    if cached is not None and cached[0] is plain:
        return cached[1]
    cls = RECORD_EXTENSIONS[name][0]
    records = tuple(from_plain(cls, item) for item in plain)
    _cache.setdefault(doc, {})[name] = (plain, records)
    return records


def _store(doc: Doc, name: str, records: Sequence[Any]) -> None:
    plain = [plain_value(r) for r in records]
    doc._.set(name, plain)
    _cache.setdefault(doc, {})[name] = (plain, tuple(records))


def plain_value(obj: Any) -> Any:
    """:func:`entente.records.to_plain`, the same values built faster: each record class's field
    names are looked up once, and plain scalars are returned at once (components store every
    record of a document through it)."""
    cls = type(obj)
    if obj is None or cls is str or cls is int or cls is float or cls is bool:
        return obj
    names = _FIELD_NAMES.get(cls, _UNSEEN)
    if names is _UNSEEN:
        names = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
        _FIELD_NAMES[cls] = names
    if names is not None:
        return {n: plain_value(getattr(obj, n)) for n in names}
    if isinstance(obj, tuple | list):
        return [plain_value(v) for v in obj]
    return to_plain(obj)  # dates and the rest: records' own rules


def has(doc: Doc, name: str) -> bool:
    """Whether the component that writes ``name`` has run on ``doc``."""
    return _value(doc, name) is not None


def require(doc: Doc, component: str, *names: str) -> None:
    """Raise a clear error when ``component`` runs before the components it reads."""
    for name in names:
        if _value(doc, name) is None:
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
