"""Every read of the store the alignment network makes, in one module (SQLAlchemy Core).

Only articles that count for their story (``articles.canonical``) are read: a wire story
re-posted by ten outlets counts once. Events are counted in SQL, grouped by unordered actor
pair, day, quad class and status, so the rows returned grow with pairs x days, not with the
events in the store; events are dated by ``events.day`` (the event's own date, else the
article's). Quotes and relational statements keep their actors in JSON (``quotes.stance``,
``relations.evidence``), which SQL cannot group portably: their rows are filtered in SQL
(window, canonical, a speaker that speaks for an actor, a non-empty stance; the pair where one
is asked for) and unpacked here; they are dated by the article's publication day.

Without ``date_from`` and ``date_to``, evidence without a day (an article with no publication
date) is read too, under the day :data:`UNDATED`: it counts in a period's network, never in a
window.

Events are read from the pre-aggregated ``dyad_days`` (``entente.store.aggregate``); the network,
explain and the dyad series count them per pair in SQL through ``entente.store.pairs`` (see
:mod:`entente.graph.tally`), and keep the functions here that count per day as their reference.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import String, and_, case, cast, func, or_, select
from sqlalchemy.engine import Engine

from entente.store import aggregate
from entente.store.query import day_range
from entente.store.query import extent as extent  # the store's first and last day (read here by the graph)
from entente.store.schema import actors as actors_table
from entente.store.schema import articles, events, quotes, relations

HAPPENED = ("asserted", "attributed")
COOP = ("verbal_coop", "material_coop")
CONFLICT = ("verbal_conflict", "material_conflict")
QUAD_CLASSES = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
STATUSES = ("asserted", "attributed", "hypothetical", "negated")

EVENT_COLUMNS = ["a", "b", "day", "quad_class", "status", "n"]
STANCE_COLUMNS = ["a", "b", "day", "sign", "n"]


#: the day of evidence whose article has no publication date (and events without a date of their
#: own): kept when no bound is asked for (the period's network counts it), never in a window
UNDATED = date.min


def _sorted(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x <= y else (y, x)


def _rows(engine: Engine, stmt: Any) -> Iterator[Any]:
    with engine.connect() as conn:
        yield from conn.execute(stmt.execution_options(yield_per=1000))


def event_counts(
    engine: Engine,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Sequence[str] | None = None,
    pair: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """Events between two actors, counted per unordered pair (``a < b``), day, quad class and status.

    Read from the store's pre-aggregated ``dyad_days`` (kept current by ingest; the same rows
    as :func:`event_counts_from_events`, tested), so a window's cost does not grow with the
    number of raw events.
    """
    rows = aggregate.pair_day_counts(engine, date_from, date_to, actors=actors, pair=pair)
    return pd.DataFrame(
        [(r["a"], r["b"], r["day"] or UNDATED, r["quad_class"], r["status"], int(r["n"])) for r in rows],
        columns=EVENT_COLUMNS,
    )


def event_counts_from_events(
    engine: Engine,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Sequence[str] | None = None,
    pair: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """:func:`event_counts` computed from the raw events (the reference the aggregate is tested against)."""
    e = events.c
    lo = case((e.source < e.target, e.source), else_=e.target)
    hi = case((e.source < e.target, e.target), else_=e.source)
    where = [
        articles.c.canonical.is_(True),
        e.target.is_not(None),
        e.source != e.target,
        *day_range(e.day, date_from, date_to),
    ]
    if pair is not None:
        x, y = pair
        where.append(or_(and_(e.source == x, e.target == y), and_(e.source == y, e.target == x)))
    if actors is not None:
        where += [e.source.in_(list(actors)), e.target.in_(list(actors))]
    stmt = (
        select(lo.label("a"), hi.label("b"), e.day, e.quad_class, e.status, func.count().label("n"))
        .select_from(events.join(articles, articles.c.id == e.article_id))
        .where(*where)
        .group_by(lo, hi, e.day, e.quad_class, e.status)
    )
    rows = [(a, b, day or UNDATED, quad, status, n) for a, b, day, quad, status, n in _rows(engine, stmt)]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def _stance_frame(rows: list[tuple[str, str, date, int]]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame(columns=STANCE_COLUMNS)
    frame = pd.DataFrame(rows, columns=["a", "b", "day", "sign"])
    return frame.groupby(["a", "b", "day", "sign"], as_index=False).size().rename(columns={"size": "n"})


def _wanted(x: str, y: str, actors: Sequence[str] | None, pair: tuple[str, str] | None) -> bool:
    if x == y:
        return False
    if pair is not None and _sorted(x, y) != _sorted(*pair):
        return False
    return actors is None or (x in actors and y in actors)


def _quote_select(date_from: date | None, date_to: date | None, speakers: Sequence[str] | None) -> Any:
    q = quotes.c
    where = [
        articles.c.canonical.is_(True),
        q.speaker_actor.is_not(None),
        cast(q.stance, String) != "[]",
        *day_range(articles.c.published, date_from, date_to),
    ]
    if speakers is not None:
        where.append(q.speaker_actor.in_(list(speakers)))
    return (
        select(q.speaker_actor, q.stance, articles.c.published)
        .select_from(quotes.join(articles, articles.c.id == q.article_id))
        .where(*where)
    )


def stance_counts(
    engine: Engine,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Sequence[str] | None = None,
    pair: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """Quoted stances (a speaker's actor toward another, sign of the stance; 0 is none), per pair and day."""
    return _stance_frame(stance_rows(engine, date_from, date_to, actors=actors, pair=pair))


def stance_rows(
    engine: Engine,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Sequence[str] | None = None,
    pair: tuple[str, str] | None = None,
) -> list[tuple[str, str, date, int]]:
    """:func:`stance_counts` before counting: one ``(a, b, day, sign)`` per quoted stance."""
    speakers = list(pair) if pair is not None else (list(actors) if actors is not None else None)
    out: list[tuple[str, str, date, int]] = []
    for speaker, stance, day in _rows(engine, _quote_select(date_from, date_to, speakers)):
        for target, value in stance or ():
            if not value or not _wanted(speaker, target, actors, pair):
                continue
            a, b = _sorted(speaker, target)
            out.append((a, b, day or UNDATED, 1 if value > 0 else -1))
    return out


def _relation_select(
    date_from: date | None,
    date_to: date | None,
    actors: Sequence[str] | None,
    pair: tuple[str, str] | None,
) -> Any:
    r = relations.c
    where = [articles.c.canonical.is_(True), *day_range(articles.c.published, date_from, date_to)]
    if pair is not None:
        x, y = pair
        where.append(or_(and_(r.actor_a == x, r.actor_b == y), and_(r.actor_a == y, r.actor_b == x)))
    if actors is not None:
        where += [r.actor_a.in_(list(actors)), r.actor_b.in_(list(actors))]
    return (
        select(r.actor_a, r.actor_b, r.evidence, articles.c.published)
        .select_from(relations.join(articles, articles.c.id == r.article_id))
        .where(*where)
    )


def statement_counts(
    engine: Engine,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Sequence[str] | None = None,
    pair: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """Relational statements ("strategic partnership", "arch-rivals") per pair, day and sign.

    Only the relations' evidence of kind ``statement``: their events and quotes are counted
    from the events and quotes tables already.
    """
    return _stance_frame(statement_rows(engine, date_from, date_to, actors=actors, pair=pair))


def statement_rows(
    engine: Engine,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Sequence[str] | None = None,
    pair: tuple[str, str] | None = None,
) -> list[tuple[str, str, date, int]]:
    """:func:`statement_counts` before counting: one ``(a, b, day, sign)`` per statement."""
    out: list[tuple[str, str, date, int]] = []
    for x, y, evidence, day in _rows(engine, _relation_select(date_from, date_to, actors, pair)):
        if x == y:
            continue
        a, b = _sorted(x, y)
        for item in evidence or ():
            if item.get("kind") == "statement":
                out.append((a, b, day or UNDATED, 1 if item.get("sign") == "+" else -1))
    return out


def actor_info(engine: Engine, ids: Sequence[str] | None = None) -> dict[str, tuple[str, str]]:
    """``id -> (name, kind)`` of the knowledge-base actors (all, or ``ids``)."""
    a = actors_table.c
    stmt = select(a.id, a.name, a.kind)
    if ids is not None:
        stmt = stmt.where(a.id.in_(list(ids)))
    return {i: (n, k) for i, n, k in _rows(engine, stmt)}


# ------------------------------------------------------------------ evidence with its articles (explain)

_ARTICLE = (
    articles.c.id.label("article_id"),
    articles.c.title,
    articles.c.url,
    articles.c.source.label("article_source"),
    articles.c.outlet,
    articles.c.published,
)


def event_evidence(
    engine: Engine,
    pair: tuple[str, str],
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    happened: bool = True,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Events between the pair with their sentences and articles, the most intense first.

    ``happened``: asserted or attributed events; else the hypothetical and negated ones.
    """
    e = events.c
    x, y = pair
    statuses = HAPPENED if happened else ("hypothetical", "negated")
    stmt = (
        select(
            e.source,
            e.target,
            e.type,
            e.quad_class,
            e.intensity,
            e.status,
            e.day,
            e.trigger_text,
            e.evidence_text,
            e.attributed_to,
            *_ARTICLE,
        )
        .select_from(events.join(articles, articles.c.id == e.article_id))
        .where(
            articles.c.canonical.is_(True),
            or_(and_(e.source == x, e.target == y), and_(e.source == y, e.target == x)),
            e.status.in_(statuses),
            *day_range(e.day, date_from, date_to),
        )
        .order_by(func.abs(e.intensity).desc(), e.day.desc(), e.article_id, e.seq)
        .limit(limit)
    )
    return [dict(r._mapping) for r in _rows(engine, stmt)]


def quote_evidence(
    engine: Engine,
    pair: tuple[str, str],
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Quotes whose speaker speaks for one of the pair with a stance toward the other."""
    q = quotes.c
    x, y = pair
    stmt = (
        select(q.speaker_actor, q.speaker_name, q.kind, q.text, q.stance, *_ARTICLE)
        .select_from(quotes.join(articles, articles.c.id == q.article_id))
        .where(
            articles.c.canonical.is_(True),
            q.speaker_actor.in_([x, y]),
            cast(q.stance, String) != "[]",
            *day_range(articles.c.published, date_from, date_to),
        )
        .order_by(articles.c.published.desc(), q.article_id, q.seq)
    )
    out: list[dict[str, Any]] = []
    for row in _rows(engine, stmt):
        other = y if row.speaker_actor == x else x
        values = [v for t, v in (row.stance or ()) if t == other and v]
        if values:
            item = dict(row._mapping)
            item["toward"] = other
            item["stance_value"] = float(values[0])
            out.append(item)
            if len(out) >= limit:
                break
    return out


def statement_evidence(
    engine: Engine,
    pair: tuple[str, str],
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """The relational statements about the pair, with their sentences and articles."""
    r = relations.c
    x, y = pair
    stmt = (
        select(r.actor_a, r.actor_b, r.evidence, *_ARTICLE)
        .select_from(relations.join(articles, articles.c.id == r.article_id))
        .where(
            articles.c.canonical.is_(True),
            or_(and_(r.actor_a == x, r.actor_b == y), and_(r.actor_a == y, r.actor_b == x)),
            *day_range(articles.c.published, date_from, date_to),
        )
        .order_by(articles.c.published.desc(), r.article_id, r.seq)
    )
    out: list[dict[str, Any]] = []
    for row in _rows(engine, stmt):
        base = {k: v for k, v in row._mapping.items() if k != "evidence"}
        for item in row.evidence or ():
            if item.get("kind") != "statement":
                continue
            sentence = item.get("sentence") or item.get("span") or {}
            out.append(
                {
                    **base,
                    "sign": item.get("sign"),
                    "weight": item.get("weight"),
                    "detail": item.get("detail", ""),
                    "phrase": (item.get("span") or {}).get("text", ""),
                    "sentence": sentence.get("text", ""),
                }
            )
        if len(out) >= limit:
            break
    return out[:limit]
