"""Reading the store: lists with filters, streamed row by row (plain dicts), and counts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy import Engine, Select, func, or_, select

from entente.store.schema import ALL_TABLES, actors, articles, copies, duplicates, events, mentions, quotes

YIELD_PER = 500


def _rows(engine: Engine, stmt: Select[Any], limit: int | None) -> Iterator[dict[str, Any]]:
    if limit:
        stmt = stmt.limit(limit)
    with engine.connect() as conn:
        result = conn.execute(stmt.execution_options(yield_per=YIELD_PER))
        for row in result:
            yield dict(row._mapping)


def day_range(column: Any, date_from: date | None, date_to: date | None) -> list[Any]:
    """The conditions keeping ``column`` between two days (both included; either may be None).

    Without a bound, rows without a day (None) are kept: the one date-range helper of the store,
    its lists (here), ``entente.store.aggregate`` and ``entente.graph.queries``.
    """
    where: list[Any] = []
    if date_from is not None:
        where.append(column >= date_from)
    if date_to is not None:
        where.append(column <= date_to)
    return where


def _event_end(conn: Any, last: bool) -> date | None:
    """The first (or last) day of an event in a canonical article: the ends of the index on
    ``events.day``, day by day until one holds a canonical event (the first, nearly always)."""
    day_col = events.c.day
    bound: date | None = None
    while True:
        stmt = select(func.max(day_col) if last else func.min(day_col))
        if bound is not None:
            stmt = stmt.where(day_col < bound if last else day_col > bound)
        day = conn.scalar(stmt)
        if day is None:
            return None
        held = (
            select(events.c.article_id)
            .select_from(events.join(articles, articles.c.id == events.c.article_id))
            .where(day_col == day, articles.c.canonical.is_(True))
            .limit(1)
        )
        if conn.execute(held).first() is not None:
            return day
        bound = day


def extent(engine: Engine) -> tuple[date | None, date | None]:
    """The first and last day of any canonical event or article publication in the store.

    Read from the ends of the indexes on ``events.day`` and ``articles.published``, not by an
    aggregate over the join of every event with its article (a second on a million events).
    """
    published = articles.c.published
    canonical = articles.c.canonical.is_(True)
    ends: list[date | None] = []
    with engine.connect() as conn:
        ends += [_event_end(conn, last=False), _event_end(conn, last=True)]
        for order in (published.asc(), published.desc()):
            stmt = select(published).where(canonical, published.is_not(None)).order_by(order).limit(1)
            ends.append(conn.scalar(stmt))
    found = [d for d in ends if d is not None]
    return (min(found), max(found)) if found else (None, None)


def list_articles(
    engine: Engine,
    *,
    actor: str | None = None,
    outlet: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    canonical_only: bool = False,
    limit: int | None = None,
) -> Iterator[dict[str, Any]]:
    a = articles.c
    where = day_range(a.published, date_from, date_to)
    if actor:
        where.append(a.id.in_(select(mentions.c.article_id).where(mentions.c.actor_id == actor)))
    if outlet:
        where.append(a.outlet == outlet)
    if canonical_only:
        where.append(a.canonical.is_(True))
    stmt = (
        select(
            a.id,
            a.published,
            a.outlet,
            a.title,
            a.source,
            a.url,
            a.language,
            a.story_id,
            a.canonical,
            duplicates.c.similarity,
            select(func.count())
            .where(copies.c.article_id == a.id)
            .scalar_subquery()
            .label("copies"),  # inputs that gave this text: outlets, URLs, rows
            a.version,
        )
        .outerjoin(duplicates, duplicates.c.article_id == a.id)
        .where(*where)
        .order_by(a.published, a.id)
    )
    return _rows(engine, stmt, limit)


def list_events(
    engine: Engine,
    *,
    actor: str | None = None,
    type: str | None = None,
    status: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    canonical_only: bool = False,
    limit: int | None = None,
) -> Iterator[dict[str, Any]]:
    e = events.c
    where = day_range(e.day, date_from, date_to)
    if actor:
        where.append(or_(e.source == actor, e.target == actor))
    if type:
        where.append(e.type == type.upper())
    if status:
        where.append(e.status == status.lower())
    if canonical_only:
        where.append(articles.c.canonical.is_(True))
    stmt = (
        select(
            e.article_id,
            e.seq,
            e.day,
            e.source,
            e.type,
            e.target,
            e.status,
            e.quad_class,
            e.intensity,
            e.mode,
            e.attributed_to,
            e.place,
            e.date_value,
            e.trigger_text,
            e.evidence_start,
            e.evidence_end,
            e.evidence_text,
            articles.c.outlet,
            articles.c.story_id,
            articles.c.canonical,
        )
        .join(articles, articles.c.id == e.article_id)
        .where(*where)
        .order_by(e.day, e.article_id, e.seq)
    )
    return _rows(engine, stmt, limit)


def list_quotes(
    engine: Engine,
    *,
    actor: str | None = None,
    speaker: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    canonical_only: bool = False,
    limit: int | None = None,
) -> Iterator[dict[str, Any]]:
    q = quotes.c
    where = day_range(articles.c.published, date_from, date_to)
    if actor:
        where.append(q.speaker_actor == actor)
    if speaker:
        where.append(q.speaker_name == speaker)
    if canonical_only:
        where.append(articles.c.canonical.is_(True))
    stmt = (
        select(
            q.article_id,
            q.seq,
            articles.c.published,
            q.speaker_name,
            q.speaker_actor,
            q.kind,
            q.text,
            q.addressee,
            q.stance,
            articles.c.outlet,
            articles.c.story_id,
            articles.c.canonical,
        )
        .join(articles, articles.c.id == q.article_id)
        .where(*where)
        .order_by(articles.c.published, q.article_id, q.seq)
    )
    return _rows(engine, stmt, limit)


def list_actors(
    engine: Engine,
    *,
    actor: str | None = None,
    kind: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    canonical_only: bool = False,
    limit: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Actors of the knowledge base found in the store, most mentioned first."""
    where = day_range(articles.c.published, date_from, date_to)
    if actor:
        where.append(actors.c.id == actor)
    if kind:
        where.append(actors.c.kind == kind)
    if canonical_only:
        where.append(articles.c.canonical.is_(True))
    n_mentions = func.count().label("mentions")
    stmt = (
        select(
            actors.c.id,
            actors.c.name,
            actors.c.kind,
            func.count(func.distinct(mentions.c.article_id)).label("articles"),
            n_mentions,
        )
        .join(mentions, mentions.c.actor_id == actors.c.id)
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(*where)
        .group_by(actors.c.id, actors.c.name, actors.c.kind)
        .order_by(n_mentions.desc(), actors.c.id)
    )
    return _rows(engine, stmt, limit)


def counts(engine: Engine) -> dict[str, int]:
    """Rows per table, and ``stories``: articles that count for their story (the canonical ones)."""
    out: dict[str, int] = {}
    with engine.connect() as conn:
        for table in ALL_TABLES:
            out[table.name] = conn.scalar(select(func.count()).select_from(table)) or 0
        out["stories"] = (
            conn.scalar(select(func.count()).select_from(articles).where(articles.c.canonical.is_(True))) or 0
        )
    return out
