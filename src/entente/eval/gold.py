"""Gold files (``NAME.gold.yaml`` / ``NAME.gold.json``): loading and validation.

The format is ``../shared/gold/FORMAT.md``. Only the sections a file holds are
scored; a section that is absent stays ``None`` here, a section that is present
but empty (``quotes: null`` or ``quotes: []``) is an empty tuple.
Any malformation raises ``EntenteError(E.E009)`` naming the file and the cause.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from entente.errors import E, EntenteError
from entente.yamlio import load_yaml

GOLD_SUFFIXES = (".gold.yaml", ".gold.yml", ".gold.json")

#: PLOVER category -> quad class (FORMAT.md, "Conventions")
QUAD_CLASS: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal_coop"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material_coop"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal_conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material_conflict"),
}
STATUSES = ("asserted", "attributed", "hypothetical", "negated")
QUOTE_KINDS = ("direct", "reported", "mixed")


@dataclass(frozen=True)
class GoldActor:
    id: str
    forms: tuple[str, ...]
    kind: str | None = None
    of: str | None = None  # armed groups: the state they are tied to


@dataclass(frozen=True)
class GoldPerson:
    name: str
    forms: tuple[str, ...] = ()
    role: str | None = None
    has_affiliation: bool = False  # whether the entry states an affiliation (null included)
    affiliation: str | None = None
    actor: str | None = None


@dataclass(frozen=True)
class GoldQuote:
    speaker: str | None
    kind: str | None = None
    starts: str | None = None
    content_spans: tuple[tuple[int, int], ...] = ()
    source_span: tuple[int, int] | None = None
    speaker_is_pronoun: bool = False


@dataclass(frozen=True)
class GoldEvent:
    sources: tuple[str, ...]
    targets: tuple[str, ...]  # empty: a mutual event between two of the sources
    type: str
    status: str
    evidence: str | None = None
    date: str | None = None
    place: str | None = None

    @property
    def quad_class(self) -> str:
        return QUAD_CLASS[self.type]


@dataclass(frozen=True)
class GoldRelation:
    pair: tuple[str, str]
    sign: str


@dataclass(frozen=True)
class GoldTriad:
    actors: tuple[str, str, str]
    balanced: bool


@dataclass(frozen=True)
class Gold:
    """One gold file, validated. Sections the file lacks are ``None``."""

    path: Path
    text_path: Path
    reference_date: date | None
    boilerplate: tuple[str, ...] | None = None
    caption_once: str | None = None
    actors: tuple[GoldActor, ...] | None = None
    people: tuple[GoldPerson, ...] | None = None
    quotes: tuple[GoldQuote, ...] | None = None
    not_quotes: tuple[str, ...] | None = None
    events: tuple[GoldEvent, ...] | None = None
    relations: tuple[GoldRelation, ...] | None = None
    triads: tuple[GoldTriad, ...] | None = None

    @property
    def name(self) -> str:
        return gold_name(self.path)


def gold_name(path: Path) -> str:
    """``NAME`` of ``NAME.gold.yaml``."""
    for suffix in GOLD_SUFFIXES:
        if path.name.endswith(suffix):
            return path.name[: -len(suffix)]
    return path.stem


def is_gold_file(path: Path) -> bool:
    return path.name.endswith(GOLD_SUFFIXES)


def find_gold_in(paths: Iterable[str | Path]) -> list[tuple[Path, tuple[str, ...]]]:
    """Gold files named by ``paths``, each with the names of the folders from the given folder
    down to it (empty for a file given directly). Folders are searched recursively, in order."""
    found: dict[Path, tuple[str, ...]] = {}
    for p in map(Path, paths):
        if p.is_dir():
            root = p.resolve()
            for f in sorted(f for f in p.rglob("*") if f.is_file() and is_gold_file(f)):
                between = f.resolve().parent.relative_to(root).parts
                found.setdefault(f, (root.name, *between))
        elif p.is_file():
            found.setdefault(p, ())
        else:
            raise EntenteError(E.E001, source=str(p))
    return list(found.items())


def find_gold(paths: Iterable[str | Path]) -> list[Path]:
    """Gold files named by ``paths``: files as given, folders searched recursively, in order."""
    return [path for path, _ in find_gold_in(paths)]


class _Invalid(Exception):
    """A validation failure inside one file; turned into E009 by :func:`load_gold`."""


def _require(cond: bool, cause: str) -> None:
    if not cond:
        raise _Invalid(cause)


def _str(value: Any, where: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    # YAML reads some bare words as numbers or dates; a gold form "2024" is still a form.
    if isinstance(value, int | float | date) and not isinstance(value, bool):
        return str(value)
    _require(isinstance(value, str) and value.strip() != "", f"{where} must be a non-empty string")
    return str(value)


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    _require(isinstance(value, list), f"{where} must be a list of strings")
    return tuple(str(_str(v, f"{where}[{i}]")) for i, v in enumerate(value))


def _mapping(value: Any, where: str) -> dict[str, Any]:
    _require(isinstance(value, dict), f"{where} must be a mapping")
    return dict(value)


def _entries(data: dict[str, Any], section: str) -> list[Any] | None:
    if section not in data:
        return None
    value = data[section]
    if value is None:
        return []
    _require(isinstance(value, list), f"'{section}' must be a list")
    return list(value)


def _span(value: Any, where: str) -> tuple[int, int]:
    ok = (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )
    _require(ok, f"{where} must be [start, end] (two integers)")
    start, end = int(value[0]), int(value[1])
    _require(0 <= start < end, f"{where} must have 0 <= start < end, got [{start}, {end}]")
    return start, end


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _Invalid(f"{where} must be a date YYYY-MM-DD, got {value!r}") from None


def _article(
    data: dict[str, Any], path: Path
) -> tuple[Path, date | None, tuple[str, ...] | None, str | None]:
    art = _mapping(data.get("article") or {}, "'article'")
    file = _str(art.get("file"), "article.file", optional=True) or gold_name(path) + ".txt"
    ref = _date(art.get("reference_date"), "article.reference_date")
    published = _date(art.get("published"), "article.published")
    boilerplate = _str_list(art["boilerplate"], "article.boilerplate") if "boilerplate" in art else None
    caption = _str(art.get("caption_once"), "article.caption_once", optional=True)
    return path.parent / file, ref or published, boilerplate, caption


def _actor(entry: Any, where: str) -> GoldActor:
    e = _mapping(entry, where)
    return GoldActor(
        id=str(_str(e.get("id"), f"{where}.id")),
        forms=_str_list(e.get("forms"), f"{where}.forms"),
        kind=_str(e.get("kind"), f"{where}.kind", optional=True),
        of=_str(e.get("of"), f"{where}.of", optional=True),
    )


def _person(entry: Any, where: str) -> GoldPerson:
    e = _mapping(entry, where)
    return GoldPerson(
        name=str(_str(e.get("name"), f"{where}.name")),
        forms=_str_list(e.get("forms"), f"{where}.forms"),
        role=_str(e.get("role"), f"{where}.role", optional=True),
        has_affiliation="affiliation" in e,
        affiliation=_str(e.get("affiliation"), f"{where}.affiliation", optional=True),
        actor=_str(e.get("actor"), f"{where}.actor", optional=True),
    )


def _quote(entry: Any, where: str) -> GoldQuote:
    e = _mapping(entry, where)
    starts = _str(e.get("starts"), f"{where}.starts", optional=True)
    raw_spans = e.get("content_spans")
    spans: tuple[tuple[int, int], ...] = ()
    if raw_spans is not None:
        _require(
            isinstance(raw_spans, list) and raw_spans != [], f"{where}.content_spans must be a list of spans"
        )
        spans = tuple(_span(s, f"{where}.content_spans[{i}]") for i, s in enumerate(raw_spans))
    _require(starts is not None or bool(spans), f"{where} needs 'starts' or 'content_spans'")
    kind = _str(e.get("kind"), f"{where}.kind", optional=True)
    _require(kind is None or kind in QUOTE_KINDS, f"{where}.kind must be one of {', '.join(QUOTE_KINDS)}")
    source = e.get("source_span")
    pronoun = e.get("speaker_is_pronoun", False)
    _require(
        isinstance(pronoun, bool) or pronoun is None, f"{where}.speaker_is_pronoun must be true or false"
    )
    return GoldQuote(
        speaker=_str(e.get("speaker"), f"{where}.speaker", optional=True),
        kind=kind,
        starts=starts,
        content_spans=spans,
        source_span=None if source is None else _span(source, f"{where}.source_span"),
        speaker_is_pronoun=bool(pronoun),
    )


def _ids(value: Any, where: str, *, allow_empty: bool) -> tuple[str, ...]:
    ids = _str_list(value, where)
    _require(allow_empty or bool(ids), f"{where} must name at least one actor id")
    return ids


def _event(entry: Any, where: str) -> GoldEvent:
    e = _mapping(entry, where)
    sources = _ids(e.get("source"), f"{where}.source", allow_empty=False)
    targets = _ids(e.get("target"), f"{where}.target", allow_empty=True)
    _require(bool(targets) or len(sources) >= 2, f"{where}: a mutual event (empty target) needs two sources")
    etype = str(_str(e.get("type"), f"{where}.type")).upper()
    _require(etype in QUAD_CLASS, f"{where}.type '{etype}' is not a PLOVER category")
    status = str(_str(e.get("status"), f"{where}.status"))
    _require(status in STATUSES, f"{where}.status must be one of {', '.join(STATUSES)}")
    return GoldEvent(
        sources=sources,
        targets=targets,
        type=etype,
        status=status,
        evidence=_str(e.get("evidence"), f"{where}.evidence", optional=True),
        date=_str(e.get("date"), f"{where}.date", optional=True),
        place=_str(e.get("place"), f"{where}.place", optional=True),
    )


def _relation(entry: Any, where: str) -> GoldRelation:
    e = _mapping(entry, where)
    pair = _str_list(e.get("pair"), f"{where}.pair")
    _require(len(pair) == 2 and pair[0] != pair[1], f"{where}.pair must be two different actor ids")
    sign = e.get("sign")
    _require(sign in ("+", "-"), f"{where}.sign must be '+' or '-'")
    return GoldRelation(pair=(pair[0], pair[1]), sign=str(sign))


def _triad(entry: Any, where: str) -> GoldTriad:
    e = _mapping(entry, where)
    actors = _str_list(e.get("actors"), f"{where}.actors")
    _require(len(set(actors)) == 3 and len(actors) == 3, f"{where}.actors must be three different actor ids")
    _require(isinstance(e.get("balanced"), bool), f"{where}.balanced must be true or false")
    return GoldTriad(actors=(actors[0], actors[1], actors[2]), balanced=bool(e["balanced"]))


def _section(data: dict[str, Any], name: str, parse: Any) -> tuple[Any, ...] | None:
    entries = _entries(data, name)
    if entries is None:
        return None
    return tuple(parse(entry, f"{name}[{i}]") for i, entry in enumerate(entries))


def parse_gold(data: Any, path: Path) -> Gold:
    """Validate already-parsed YAML/JSON ``data`` of the gold file at ``path``."""
    try:
        doc = _mapping(data, "the top level")
        text_path, ref, boilerplate, caption = _article(doc, path)
        not_quotes = None if "not_quotes" not in doc else _str_list(doc["not_quotes"], "not_quotes")
        return Gold(
            path=path,
            text_path=text_path,
            reference_date=ref,
            boilerplate=boilerplate,
            caption_once=caption,
            actors=_section(doc, "actors", _actor),
            people=_section(doc, "people", _person),
            quotes=_section(doc, "quotes", _quote),
            not_quotes=not_quotes,
            events=_section(doc, "events", _event),
            relations=_section(doc, "relations", _relation),
            triads=_section(doc, "triads", _triad),
        )
    except _Invalid as exc:
        raise EntenteError(E.E009, source=str(path), cause=str(exc)) from None


def load_gold(path: str | Path, *, check_text: bool = True) -> Gold:
    """Read and validate one gold file; with ``check_text``, its article text must exist."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EntenteError(E.E001, source=str(p)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EntenteError(E.E009, source=str(p), cause=f"cannot read it ({exc})") from None
    try:
        data = json.loads(raw) if p.name.endswith(".json") else load_yaml(raw)
    except (yaml.YAMLError, ValueError) as exc:
        cause = " ".join(str(exc).split())
        raise EntenteError(E.E009, source=str(p), cause=f"not valid YAML/JSON ({cause})") from None
    gold = parse_gold(data, p)
    if check_text and not gold.text_path.is_file():
        cause = f"its article text {gold.text_path.name} is not beside it (set article.file)"
        raise EntenteError(E.E009, source=str(p), cause=cause)
    return gold


def load_all(paths: Iterable[str | Path]) -> Iterator[Gold]:
    for path in find_gold(paths):
        yield load_gold(path)
