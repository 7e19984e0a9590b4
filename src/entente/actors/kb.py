"""The actor knowledge base: states, metonyms, organisations, blocs, armed groups, leaders.

Everything is read from YAML data files (``entente/actors/data``) plus any
files a user passes (``--actors FILE``, format in docs/actors.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from entente.actors.entries import (
    ActorEntry,
    LeaderEntry,
    MetonymEntry,
    OrganisationEntry,
    StateEntry,
    section,
)
from entente.data import parse_yaml, read_yaml
from entente.errors import E, EntenteError
from entente.records import Actor

DATA_FILES = (
    "states.yaml",
    "metonyms.yaml",
    "organisations.yaml",
    "leaders.yaml",
    "patterns.yaml",
    "context.yaml",
)
_REGNAL = re.compile(r"[IVXL]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "`": "'"})


def normalise(form: str) -> str:
    """Key for form look-ups: straight quotes, folded space, no leading 'the', case kept."""
    text = " ".join(form.translate(_QUOTES).split())
    return re.sub(r"^(?:the|The)\s+", "", text)


@dataclass(frozen=True)
class Form:
    """One surface form of an actor in the knowledge base."""

    text: str  # as written in the data file
    actor_id: str
    method: str  # name | capital | adjective | metonym
    ambiguous: bool = False


@dataclass(frozen=True)
class Term:
    actor_id: str
    office: str
    title: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Leader:
    name: str
    aliases: tuple[str, ...]
    gender: str | None
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class LeaderInfo:
    """A person of the knowledge base in one of their terms."""

    name: str
    gender: str | None
    actor_id: str
    title: str
    office: str
    aliases: tuple[str, ...]
    start: date | None
    end: date | None
    current: bool  # the term covers the date asked about


def _to_date(value: Any, end: bool = False) -> date | None:
    """YAML dates, or 'YYYY' / 'YYYY-MM' strings (start of period; end of period when ``end``)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        if end:
            return date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1)
    return date(parts[0] + 1, 1, 1) if end else date(parts[0], 1, 1)


@dataclass
class KnowledgeBase:
    actors: dict[str, Actor] = field(default_factory=dict)
    forms: list[Form] = field(default_factory=list)
    leaders: list[Leader] = field(default_factory=list)
    context: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    patterns: dict[str, list[str]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    territories: set[str] = field(default_factory=set)  # states.yaml status: territory
    _by_form: dict[str, list[Form]] = field(default_factory=dict, repr=False)
    _by_name: dict[str, list[Leader]] = field(default_factory=dict, repr=False)
    # office look-ups: ((leaders, office titles), aliases, terms by actor), rebuilt when either grows
    _offices: tuple[tuple[int, int], dict[str, str], dict[str, list[tuple[Leader, Term]]]] | None = field(
        default=None, repr=False
    )

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, extra_files: Sequence[str] = ()) -> KnowledgeBase:
        kb = cls()
        data = resources.files("entente.actors").joinpath("data")
        for name in DATA_FILES:
            resource = data.joinpath(name)
            if resource.is_file():
                parsed = parse_yaml(resource.read_text("utf-8"), source=f"entente:{name}")
                kb.add_data(parsed, name, source=f"entente:{name}")
        for path in extra_files:
            kb.add_file(path)
        kb._index()
        return kb

    def add_file(self, path: str) -> None:
        """Add a user's actor file (``--actors``): read with a size cap, every section validated."""
        loaded = read_yaml(path)
        if not isinstance(loaded, dict):
            raise EntenteError(E.E008, source=path, cause="the top level must be a mapping of sections")
        for name, entries in loaded.items():
            self.add_data(entries, f"{name}.yaml", source=path)

    def add_data(self, entries: Any, kind: str, source: str) -> None:
        """Add one section; ``kind`` is the data file name it came from (or a user section name)."""
        self.sources.append(source)
        name = str(kind).removesuffix(".yaml")
        checked = section(name, entries, source)
        try:
            if name == "patterns":
                for key, words in checked.items():
                    self.patterns.setdefault(key, []).extend(words)
                return
            if name == "context":
                self.context.update(checked)
                return
            for entry in checked:
                getattr(self, f"_add_{name.rstrip('s')}")(entry)
        except ValueError as exc:  # a term's date that is no date: "2030-13"
            raise EntenteError(E.E008, source=source, cause=f"section {name!r}: {exc}") from exc

    def _add_state(self, e: StateEntry) -> None:
        aid = e.id
        self.actors[aid] = Actor(aid, e.name, "state")
        if e.status == "territory":
            self.territories.add(aid)
        ambiguous = set(e.ambiguous)
        names = [e.name, e.official, *e.aliases]
        capitals = [e.capital, *e.capital_aliases, e.seat_of_government]
        adjectives = [*e.adjectives, *e.demonyms]
        for method, group in (("name", names), ("capital", capitals), ("adjective", adjectives)):
            for text in group:
                if text:
                    self.forms.append(Form(text, aid, method, text in ambiguous))

    def _add_metonym(self, e: MetonymEntry) -> None:
        self.forms.append(Form(e.form, e.actor, "metonym", e.ambiguous))

    def _add_organisation(self, e: OrganisationEntry) -> None:
        aid = e.id
        self.actors[aid] = Actor(aid, e.name, e.kind, e.of)
        ambiguous = set(e.ambiguous)
        for text in [e.name, *e.aliases]:
            self.forms.append(Form(text, aid, "name", text in ambiguous))

    def _add_actor(self, e: ActorEntry) -> None:
        """User files: ``actors: [{id, kind, name, forms: [...]}]`` (the gold format)."""
        aid = e.id
        if e.kind == "state":
            self.actors[aid] = Actor(aid, e.name or aid, "state")
        else:
            self.actors[aid] = Actor(aid, e.name or aid, e.kind, e.of)
        for text in [e.name, *e.forms]:
            if text:
                self.forms.append(Form(text, aid, "name", False))

    def _add_leader(self, e: LeaderEntry) -> None:
        terms = tuple(
            Term(t.actor, t.office, t.title, _to_date(t.start), _to_date(t.end, end=True)) for t in e.terms
        )
        self.leaders.append(Leader(e.name, e.aliases, e.gender, terms))

    _add_people = _add_leader  # user files may call the section "people"

    def _index(self) -> None:
        self._by_form = {}
        for f in self.forms:
            self._by_form.setdefault(normalise(f.text), []).append(f)
        self._by_name = {}
        folded_forms = {k.casefold() for k in self._by_form}
        for person in self.leaders:
            last = person.name.split()[-1]
            # a regnal number ("Abdullah II") is no surname: "World War II" names nobody
            keys = {person.name, *person.aliases} | (set() if _REGNAL.fullmatch(last) else {last})
            for key in keys:
                # a one-word name that is also an actor's form ("Montenegro", "Jordan"), in any
                # case ("Un" of Kim Jong Un and the UN), stands for the actor, not the person
                if " " not in key.strip() and normalise(key).casefold() in folded_forms:
                    continue
                self._by_name.setdefault(normalise(key).casefold(), []).append(person)

    # ------------------------------------------------------------------ queries
    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (an unknown id gives a plain 'other' actor)."""
        return self.actors.get(actor_id) or Actor(actor_id, actor_id, "other")

    def lookup(self, text: str) -> list[Form]:
        """Knowledge-base forms equal to ``text`` (case-sensitive, 'the' and quotes ignored)."""
        return list(self._by_form.get(normalise(text), ()))

    def resolve_form(self, text: str) -> list[str]:
        """Candidate actor ids for a surface form, most specific first."""
        found = self.lookup(text) or [
            f for f in self._by_form.get(normalise(text).title(), ()) if not f.ambiguous
        ]
        out: list[str] = []
        for f in found:
            if f.actor_id not in out:
                out.append(f.actor_id)
        return out

    def _info(self, person: Leader, term: Term, on: date | None) -> LeaderInfo:
        return LeaderInfo(
            person.name,
            person.gender,
            term.actor_id,
            term.title,
            term.office,
            person.aliases,
            term.start,
            term.end,
            on is not None and term.covers(on),
        )

    def leader(self, name: str, on: date | None = None) -> LeaderInfo | None:
        """The KB person called ``name`` (full name, alias or surname), in the term active ``on``.

        Without a current term, the latest term that began before ``on`` (or the
        latest of all when ``on`` is None). Ambiguous surnames prefer the person
        in office on the date.
        """
        candidates = self._by_name.get(normalise(name).casefold(), [])
        best: tuple[tuple[int, date], LeaderInfo] | None = None
        for person in candidates:
            for term in person.terms:
                started = term.start or date.min
                if on is not None and term.covers(on):
                    rank = (2, started)
                elif on is None or started <= on:
                    rank = (1, started)
                else:
                    rank = (0, date.min)
                if best is None or rank > best[0]:
                    best = (rank, self._info(person, term, on))
        if best is None:
            return None
        # an ambiguous surname with nobody in office then is not resolved
        names = {p.name for p in candidates}
        if len(names) > 1 and best[0][0] < 2:
            return None
        return best[1]

    def office_holder(self, actor_id: str, title_or_office: str, on: date | None) -> LeaderInfo | None:
        """Who held the office (a title like 'President' or an office key) of ``actor_id`` on ``on``."""
        wanted = title_or_office.casefold().replace("_", " ")
        office_aliases, terms_of = self._office_index()
        offices = {wanted, office_aliases.get(wanted, wanted)}
        best: tuple[date, LeaderInfo] | None = None
        for person, term in terms_of.get(actor_id, ()):
            if term.title.casefold() not in offices and term.office.replace("_", " ") not in offices:
                continue
            if on is None or term.covers(on):
                started = term.start or date.min
                if best is None or started > best[0]:
                    best = (started, self._info(person, term, on))
        return best[1] if best else None

    def _office_index(self) -> tuple[dict[str, str], dict[str, list[tuple[Leader, Term]]]]:
        """The office aliases and every leader's terms by actor, built once (not per look-up)."""
        size = (len(self.leaders), len(self.patterns.get("office_titles", [])))
        if self._offices is None or self._offices[0] != size:
            aliases = {k.casefold(): v for k, v in self.patterns_map("office_titles").items()}
            terms_of: dict[str, list[tuple[Leader, Term]]] = {}
            for person in self.leaders:
                for term in person.terms:
                    terms_of.setdefault(term.actor_id, []).append((person, term))
            self._offices = (size, aliases, terms_of)
        return self._offices[1], self._offices[2]

    def patterns_map(self, key: str) -> dict[str, str]:
        """A list of 'a => b' lines in patterns.yaml read as a mapping."""
        out = {}
        for line in self.patterns.get(key, []):
            left, _, right = line.partition("=>")
            out[left.strip()] = right.strip()
        return out

    def words(self, key: str) -> frozenset[str]:
        return frozenset(self.patterns.get(key, []))

    def all_forms(self) -> Iterable[Form]:
        return iter(self.forms)


@lru_cache(maxsize=8)
def _cached(extra_files: tuple[str, ...]) -> KnowledgeBase:
    return KnowledgeBase.load(extra_files)


def default_kb(extra_files: Sequence[str] = ()) -> KnowledgeBase:
    """The shared knowledge base (built once per set of extra files)."""
    return _cached(tuple(extra_files))
