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

from entente.data import read_text
from entente.errors import E, EntenteError
from entente.eval.source import CORPORA, CorpusRef, corpus_text, file_text, inside_folder
from entente.eval.source import GOLD_SUFFIXES as GOLD_SUFFIXES  # re-exported
from entente.eval.source import find_gold_in as find_gold_in
from entente.eval.source import gold_name as gold_name
from entente.eval.source import is_gold_file as is_gold_file
from entente.yamlio import load_yaml

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
    corpus_ref: CorpusRef | None = None  # the article is this corpus row, not the file text_path

    @property
    def name(self) -> str:
        return gold_name(self.path)

    @property
    def source_name(self) -> str:
        """The article's name in messages and reports: its file, or ``corpus:row``."""
        return self.corpus_ref.id if self.corpus_ref else str(self.text_path)


def gold_text(gold: Gold) -> str:
    """The article text the gold offsets index: the file as stored, or the corpus row's text."""
    if gold.corpus_ref is not None:
        return corpus_text(gold.corpus_ref, gold.path)[0]
    return file_text(gold.text_path, gold.path)


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
) -> tuple[Path, date | None, tuple[str, ...] | None, str | None, CorpusRef | None]:
    art = _mapping(data.get("article") or {}, "'article'")
    corpus = _corpus_ref(art) if "corpus" in art or "row" in art else None
    file = _str(art.get("file"), "article.file", optional=True)
    _require(corpus is None or file is None, "'article' names both a file and a corpus row: keep one")
    name = file or gold_name(path) + ".txt"
    text_path = inside_folder(path.parent, name)
    _require(
        text_path is not None,
        f"article.file {name!r} leaves the gold file's folder: name a file in that folder or below it",
    )
    assert text_path is not None
    if corpus is not None:
        text_path = path.parent / f"{corpus.corpus}-{corpus.row}.txt"  # a name only: the text is the row's
    ref = _date(art.get("reference_date"), "article.reference_date")
    published = _date(art.get("published"), "article.published")
    boilerplate = _str_list(art["boilerplate"], "article.boilerplate") if "boilerplate" in art else None
    caption = _str(art.get("caption_once"), "article.caption_once", optional=True)
    return text_path, ref or published, boilerplate, caption, corpus


def _corpus_ref(art: dict[str, Any]) -> CorpusRef:
    """``article: {corpus: wikinews, row: 157, url: ...}``: the article is a corpus row."""
    corpus = art.get("corpus")
    _require(corpus in CORPORA, f"article.corpus must be one of {', '.join(CORPORA)}, got {corpus!r}")
    row = art.get("row")
    _require(
        isinstance(row, int) and not isinstance(row, bool) and row >= 0,
        f"article.row must be a row number (0 or more), got {row!r}",
    )
    url = _str(art.get("url"), "article.url", optional=True)
    assert isinstance(row, int)
    return CorpusRef(str(corpus), row, url)


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
        text_path, ref, boilerplate, caption, corpus = _article(doc, path)
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
            corpus_ref=corpus,
        )
    except _Invalid as exc:
        raise EntenteError(E.E009, source=str(path), cause=str(exc)) from None


def load_gold(path: str | Path, *, check_text: bool = True) -> Gold:
    """Read and validate one gold file (with a size cap).

    With ``check_text``, its article text must exist (a file beside it, or the corpus row
    with the url the file gives) and every offset must lie inside that text.
    """
    p = Path(path)
    raw = read_text(p, code=E.E009)
    try:
        data = json.loads(raw) if p.name.endswith(".json") else load_yaml(raw)
    except RecursionError:
        raise EntenteError(E.E009, source=str(p), cause="it is nested too deeply") from None
    except (yaml.YAMLError, ValueError) as exc:
        cause = " ".join(str(exc).split())[:300]
        raise EntenteError(E.E009, source=str(p), cause=f"not valid YAML/JSON ({cause})") from None
    gold = parse_gold(data, p)
    if not check_text:
        return gold
    if gold.corpus_ref is None and not gold.text_path.is_file():
        cause = f"its article text {gold.text_path.name} is not beside it (set article.file)"
        raise EntenteError(E.E009, source=str(p), cause=cause)
    _check_offsets(gold, len(gold_text(gold)))
    return gold


def _check_offsets(gold: Gold, length: int) -> None:
    """Every character offset of the gold file must lie inside its article's text."""
    for i, q in enumerate(gold.quotes or ()):
        spans = [*q.content_spans, *([q.source_span] if q.source_span else [])]
        for start, end in spans:
            if end > length:
                cause = (
                    f"quotes[{i}] has the span [{start}, {end}] past the end of its article "
                    f"({gold.source_name}, {length} characters): fix the offsets, or the article it names"
                )
                raise EntenteError(E.E009, source=str(gold.path), cause=cause)


def load_all(paths: Iterable[str | Path]) -> Iterator[Gold]:
    for path in find_gold(paths):
        yield load_gold(path)
