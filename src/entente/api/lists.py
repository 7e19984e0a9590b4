"""The list endpoints' queries: filters and keyset (cursor) pagination over the store's tables.

SQLAlchemy Core only: every value from a request is a bound parameter. Each list
has a stable total order ending in its primary key, so a cursor (the key of the
last row served) finds the next page with an indexed comparison, however deep.
Nullable dates sort as 0001-01-01.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine, String, and_, cast, func, literal, or_, select
from sqlalchemy.sql.elements import ColumnElement

from entente.api import cursor
from entente.store.schema import actors, articles, events, mentions, people, quotes, relations

NO_DAY = date(1, 1, 1)


@dataclass(frozen=True)
class Filters:
    actor: str | None = None
    type: str | None = None
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    outlet: str | None = None
    unique: bool = False
    q: str | None = None  # a piece of a name (actors, people) or title (articles)
    about: str | None = None  # quotes: an actor named in the quote
    sign: str | None = None  # relations: "+" or "-"
    kind: str | None = None  # actors: state, organisation, ...


@dataclass
class Page:
    items: list[dict[str, Any]] = field(default_factory=list)
    next: str | None = None


@dataclass(frozen=True)
class Listing:
    name: str
    kinds: tuple[str, ...]  # of the sort key, for the cursor
    columns: tuple[str, ...]  # of each row, in order (CSV header)


def _after(keys: Sequence[ColumnElement[Any]], values: Sequence[Any], descending: Sequence[bool]) -> Any:
    """Rows strictly after ``values`` in the order of ``keys``: (k1 > v1) or (k1 = v1 and k2 > v2) ..."""
    clauses = []
    for i, (col, value) in enumerate(zip(keys, values, strict=True)):
        step = col < value if descending[i] else col > value
        clauses.append(and_(*[keys[j] == values[j] for j in range(i)], step))
    return or_(*clauses)


def like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _day(column: Any) -> ColumnElement[Any]:
    return func.coalesce(column, literal(NO_DAY, type_=column.type))


def _dates(column: Any, f: Filters) -> list[Any]:
    out = []
    if f.date_from is not None:
        out.append(column >= f.date_from)
    if f.date_to is not None:
        out.append(column <= f.date_to)
    return out


def _article_filters(f: Filters) -> list[Any]:
    out = _dates(articles.c.published, f)
    if f.outlet:
        out.append(articles.c.outlet == f.outlet)
    if f.unique:
        out.append(articles.c.canonical.is_(True))
    return out


def _run(
    engine: Engine,
    listing: Listing,
    stmt: Any,
    keys: Sequence[ColumnElement[Any]],
    key_names: Sequence[str],
    after: str | None,
    limit: int,
    descending: Sequence[bool] | None = None,
    having: bool = False,
) -> Page:
    desc = list(descending or [False] * len(keys))
    if after:
        values = cursor.decode(listing.name, after, listing.kinds)
        cond = _after(keys, values, desc)
        stmt = stmt.having(cond) if having else stmt.where(cond)
    stmt = stmt.order_by(*[k.desc() if d else k for k, d in zip(keys, desc, strict=True)])
    stmt = stmt.limit(limit + 1)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(stmt)]
    page = Page()
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        page.next = cursor.encode(listing.name, tuple(last[k] for k in key_names))
    for row in rows:
        for k in [k for k in row if k.startswith("_")]:
            row.pop(k)
    page.items = rows
    return page


# ------------------------------------------------------------------------------ lists

ARTICLES = Listing(
    "articles",
    ("date", "str"),
    ("id", "published", "outlet", "title", "source", "url", "language", "story_id", "canonical"),
)


def list_articles(engine: Engine, f: Filters, after: str | None, limit: int) -> Page:
    a = articles.c
    where = _article_filters(f)
    if f.actor:
        where.append(a.id.in_(select(mentions.c.article_id).where(mentions.c.actor_id == f.actor)))
    if f.q:
        where.append(a.title.ilike(like(f.q), escape="\\"))
    day = _day(a.published).label("_day")
    stmt = select(*[a[c] for c in ARTICLES.columns], day).where(*where)
    return _run(engine, ARTICLES, stmt, [_day(a.published), a.id], ["_day", "id"], after, limit)


EVENTS = Listing(
    "events",
    ("date", "str", "int"),
    (
        "article_id",
        "seq",
        "day",
        "source",
        "type",
        "target",
        "status",
        "quad_class",
        "intensity",
        "mode",
        "attributed_to",
        "place",
        "date_value",
        "trigger_start",
        "trigger_end",
        "trigger_text",
        "evidence_start",
        "evidence_end",
        "evidence_text",
        "outlet",
        "title",
        "url",
    ),
)


def list_events(engine: Engine, f: Filters, after: str | None, limit: int) -> Page:
    e = events.c
    where = [*_article_filters(Filters(outlet=f.outlet, unique=f.unique)), *_dates(e.day, f)]
    if f.actor:
        where.append(or_(e.source == f.actor, e.target == f.actor))
    if f.type:
        where.append(e.type == f.type.upper())
    if f.status:
        where.append(e.status == f.status.lower())
    cols = [articles.c[c] if c in ("outlet", "title", "url") else e[c] for c in EVENTS.columns]
    stmt = (
        select(*cols, _day(e.day).label("_day")).join(articles, articles.c.id == e.article_id).where(*where)
    )
    keys = [_day(e.day), e.article_id, e.seq]
    return _run(engine, EVENTS, stmt, keys, ["_day", "article_id", "seq"], after, limit)


QUOTES = Listing(
    "quotes",
    ("date", "str", "int"),
    (
        "article_id",
        "seq",
        "published",
        "speaker_name",
        "speaker_actor",
        "kind",
        "text",
        "addressee",
        "mentions",
        "stance",
        "outlet",
        "title",
        "url",
    ),
)


def list_quotes(engine: Engine, f: Filters, after: str | None, limit: int) -> Page:
    q = quotes.c
    where = _article_filters(f)
    if f.actor:
        where.append(q.speaker_actor == f.actor)
    if f.about:
        where.append(cast(q.mentions, String).like(like(f'"{f.about}"'), escape="\\"))
    if f.q:
        where.append(q.speaker_name.ilike(like(f.q), escape="\\"))
    cols = [articles.c[c] if c in ("published", "outlet", "title", "url") else q[c] for c in QUOTES.columns]
    stmt = (
        select(*cols, _day(articles.c.published).label("_day"))
        .join(articles, articles.c.id == q.article_id)
        .where(*where)
    )
    keys = [_day(articles.c.published), q.article_id, q.seq]
    page = _run(engine, QUOTES, stmt, keys, ["_day", "article_id", "seq"], after, limit)
    for row in page.items:
        row["mentions"] = list(row["mentions"] or [])
        row["stance"] = {str(a): float(s) for a, s in (row["stance"] or [])}
    return page


PEOPLE = Listing(
    "people",
    ("date", "str", "int"),
    (
        "article_id",
        "seq",
        "published",
        "name",
        "role",
        "affiliation",
        "actor_id",
        "gender",
        "mention_count",
        "outlet",
        "title",
    ),
)


def list_people(engine: Engine, f: Filters, after: str | None, limit: int) -> Page:
    p = people.c
    where = _article_filters(f)
    if f.actor:
        where.append(p.actor_id == f.actor)
    if f.q:
        where.append(p.name.ilike(like(f.q), escape="\\"))
    stmt = (
        select(
            p.article_id,
            p.seq,
            articles.c.published,
            p.name,
            p.role,
            p.affiliation,
            p.actor_id,
            p.gender,
            p.mentions,
            articles.c.outlet,
            articles.c.title,
            _day(articles.c.published).label("_day"),
        )
        .join(articles, articles.c.id == p.article_id)
        .where(*where)
    )
    keys = [_day(articles.c.published), p.article_id, p.seq]
    page = _run(engine, PEOPLE, stmt, keys, ["_day", "article_id", "seq"], after, limit)
    for row in page.items:
        found = row.pop("mentions") or []
        row["mention_count"] = len(found)
    page.items = [{c: row[c] for c in PEOPLE.columns} for row in page.items]
    return page


RELATIONS = Listing(
    "relations",
    ("date", "str", "int"),
    ("article_id", "seq", "published", "actor_a", "actor_b", "sign", "weight", "evidence", "outlet", "title"),
)


def list_relations(engine: Engine, f: Filters, after: str | None, limit: int) -> Page:
    r = relations.c
    where = _article_filters(f)
    if f.actor:
        where.append(or_(r.actor_a == f.actor, r.actor_b == f.actor))
    if f.sign in ("+", "-"):
        where.append(r.sign == f.sign)
    cols = [articles.c[c] if c in ("published", "outlet", "title") else r[c] for c in RELATIONS.columns]
    stmt = (
        select(*cols, _day(articles.c.published).label("_day"))
        .join(articles, articles.c.id == r.article_id)
        .where(*where)
    )
    keys = [_day(articles.c.published), r.article_id, r.seq]
    page = _run(engine, RELATIONS, stmt, keys, ["_day", "article_id", "seq"], after, limit)
    for row in page.items:
        row["evidence"] = list(row["evidence"] or [])
    return page


ACTORS = Listing("actors", ("int", "str"), ("id", "name", "kind", "of_actor", "articles", "mentions"))


def list_actors(engine: Engine, f: Filters, after: str | None, limit: int) -> Page:
    where = _article_filters(f)
    if f.actor:
        where.append(actors.c.id == f.actor)
    if f.kind:
        where.append(actors.c.kind == f.kind)
    if f.q:
        pattern = like(f.q)
        where.append(or_(actors.c.id.ilike(pattern, escape="\\"), actors.c.name.ilike(pattern, escape="\\")))
    n_mentions = func.count()
    stmt = (
        select(
            actors.c.id,
            actors.c.name,
            actors.c.kind,
            actors.c.of_actor,
            func.count(func.distinct(mentions.c.article_id)).label("articles"),
            n_mentions.label("mentions"),
        )
        .join(mentions, mentions.c.actor_id == actors.c.id)
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(*where)
        .group_by(actors.c.id, actors.c.name, actors.c.kind, actors.c.of_actor)
    )
    return _run(
        engine,
        ACTORS,
        stmt,
        [n_mentions, actors.c.id],
        ["mentions", "id"],
        after,
        limit,
        descending=[True, False],
        having=True,
    )


LISTS = {
    "articles": (ARTICLES, list_articles),
    "events": (EVENTS, list_events),
    "quotes": (QUOTES, list_quotes),
    "people": (PEOPLE, list_people),
    "relations": (RELATIONS, list_relations),
    "actors": (ACTORS, list_actors),
}


def all_rows(engine: Engine, name: str, f: Filters, cap: int, chunk: int = 1000) -> Iterator[dict[str, Any]]:
    """Every row of a list, page after page, at most ``cap``."""
    _, fetch = LISTS[name]
    after: str | None = None
    served = 0
    while served < cap:
        page = fetch(engine, f, after, min(chunk, cap - served))
        yield from page.items
        served += len(page.items)
        if page.next is None:
            return
        after = page.next
