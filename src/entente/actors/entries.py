"""The records of actor data files (shipped ``data/*.yaml`` and ``--actors FILE``), validated.

Each section of a file is a list of entries (``context`` and ``patterns`` are
mappings); :func:`section` validates one with :mod:`entente.data` into these
frozen dataclasses, so a malformed file (``forms: [" "]``, ``forms: [null, 3]``,
nested lists, an unknown key) is one E008 line naming the file and the entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from entente import data
from entente.errors import E, EntenteError
from entente.records import ActorKind

Names = tuple[str, ...]


@dataclass(frozen=True)
class StateEntry:
    id: str
    name: str
    official: str | None = None
    aliases: Names = ()
    status: str | None = None
    capital: str | None = None
    capital_aliases: Names = ()
    seat_of_government: str | None = None
    demonyms: Names = ()
    adjectives: Names = ()
    ambiguous: Names = ()


@dataclass(frozen=True)
class MetonymEntry:
    form: str
    actor: str
    ambiguous: bool = False


@dataclass(frozen=True)
class OrganisationEntry:
    id: str
    name: str
    kind: ActorKind = "organisation"
    of: str | None = None
    aliases: Names = ()
    ambiguous: Names = ()
    members: Names = ()
    permanent_members: Names = ()


@dataclass(frozen=True)
class ActorEntry:
    """User files: ``actors: [{id, kind, name, forms: [...]}]`` (the gold format)."""

    id: str
    kind: ActorKind = "organisation"
    name: str | None = None
    of: str | None = None
    forms: Names = ()


@dataclass(frozen=True)
class TermEntry:
    actor: str
    office: str = "other"
    title: str = field(default="", metadata={"blank": True})
    start: Any = None  # a YAML date, or "YYYY" / "YYYY-MM"
    end: Any = None


@dataclass(frozen=True)
class LeaderEntry:
    name: str
    aliases: Names = ()
    gender: str | None = None
    terms: tuple[TermEntry, ...] = ()


@dataclass(frozen=True)
class ContextCues:
    against_near: Names = ()
    against_adjacent: Names = ()
    for_: Names = field(default=(), metadata={"key": "for"})
    against: Names = ()
    needs: Names = ()
    reading: Names = ()
    reading_when: Names = ()
    reading_against_near: Names = ()

    def as_dict(self) -> dict[str, list[str]]:
        """The cues as the context rules read them: key -> phrases (keys without phrases left out)."""
        pairs = (
            ("against_near", self.against_near),
            ("against_adjacent", self.against_adjacent),
            ("for", self.for_),
            ("against", self.against),
            ("needs", self.needs),
            ("reading", self.reading),
            ("reading_when", self.reading_when),
            ("reading_against_near", self.reading_against_near),
        )
        return {k: list(v) for k, v in pairs if v}


LIST_SECTIONS: dict[str, type] = {
    "states": StateEntry,
    "metonyms": MetonymEntry,
    "organisations": OrganisationEntry,
    "actors": ActorEntry,
    "leaders": LeaderEntry,
    "people": LeaderEntry,  # user files may call the section "people"
}
SECTIONS = (*LIST_SECTIONS, "context", "patterns")


def section(name: str, entries: Any, source: str) -> Any:
    """One validated section: a tuple of entries, or a mapping for ``context`` and ``patterns``."""
    where = f"section {name!r}"
    if name == "context":
        cues = data.build(_Context, {"cues": entries or {}}, source=source, where=where).cues
        return {form: c.as_dict() for form, c in cues.items()}
    if name == "patterns":
        return data.build(_Patterns, {"words": entries or {}}, source=source, where=where).words
    cls = LIST_SECTIONS.get(name)
    if cls is None:
        raise EntenteError(E.E008, source=source, cause=data.unknown_key(name, "the top level", SECTIONS))
    return data.build_list(cls, entries, source=source, where=where)


@dataclass(frozen=True)
class _Context:
    cues: dict[str, ContextCues]


@dataclass(frozen=True)
class _Patterns:
    words: dict[str, Names]
