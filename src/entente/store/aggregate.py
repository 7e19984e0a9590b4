"""Events pre-aggregated by directed dyad and day (``dyad_days``): what the graph reads, not raw events.

One row per (source ``a``, target ``b``, ``day``, PLOVER ``type``, ``quad_class``, ``status``)
with ``n`` events, ``n_canonical`` of them in canonical articles (a story counted once),
``intensity_sum`` and ``intensity_canonical``. Events without a target or a day are left out.

Writing keeps the table current in the article's own transaction (:func:`add_events` after a new
article's rows, :func:`retract_article` before an older version's rows are replaced), so a reader
never sees an article without its counts. :func:`rebuild` recomputes the table from ``events``.

Reading (for :mod:`entente.graph` and the API; every function takes an Engine or a Connection):

- :func:`dyad_window_counts`: every dyad's counts over a window (one month's graph), optionally
  only among some actors, grouped by quad class and/or status and/or type;
- :func:`pair_day_counts`: per unordered pair, day, quad class and status (what
  ``entente.graph.queries.event_counts`` returns, read from ``dyad_days``);
- :func:`dyad_days`: one dyad's rows, day by day (both directions unless ``directed``);
- :func:`dyad_series`: one dyad's counts per day, week or month and quad class;
- :func:`dyad_events`: the events behind a dyad in a window, with their evidence (explain),
  read from ``events`` through the index on (source, target, day).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import Connection, Engine, and_, case, delete, func, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from entente.store.query import day_range
from entente.store.schema import articles, events
from entente.store.schema import dyad_days as dyad_table
from entente.store.version import touch

KEY = ("a", "b", "day", "type", "quad_class", "status")
GROUPS = ("type", "quad_class", "status")
Window = Literal["day", "week", "month"]
Bind = Engine | Connection

# ------------------------------------------------------------------------------------------ writing


def _deltas(rows: Iterable[dict[str, Any]], canonical: bool, sign: int) -> dict[tuple[Any, ...], list[Any]]:
    out: dict[tuple[Any, ...], list[Any]] = {}
    for e in rows:
        if e.get("target") is None or e.get("day") is None:
            continue
        key = (e["source"], e["target"], e["day"], e["type"], e["quad_class"], e["status"])
        d = out.setdefault(key, [0, 0, 0.0, 0.0])
        d[0] += sign
        d[1] += sign if canonical else 0
        d[2] += sign * float(e["intensity"])
        d[3] += sign * float(e["intensity"]) if canonical else 0.0
    return out


def _upsert(conn: Connection, deltas: dict[tuple[Any, ...], list[Any]]) -> None:
    if not deltas:
        return
    rows = [
        {
            **dict(zip(KEY, key, strict=True)),
            "n": d[0],
            "n_canonical": d[1],
            "intensity_sum": d[2],
            "intensity_canonical": d[3],
        }
        for key, d in sorted(deltas.items(), key=lambda kv: tuple(map(str, kv[0])))
    ]
    c = dyad_table.c
    if conn.dialect.name == "postgresql":
        pg = postgresql.insert(dyad_table)
        stmt: Any = pg.on_conflict_do_update(
            index_elements=[c[k] for k in KEY],
            set_={
                "n": c.n + pg.excluded.n,
                "n_canonical": c.n_canonical + pg.excluded.n_canonical,
                "intensity_sum": c.intensity_sum + pg.excluded.intensity_sum,
                "intensity_canonical": c.intensity_canonical + pg.excluded.intensity_canonical,
            },
        )
    elif conn.dialect.name == "sqlite":
        sq = sqlite.insert(dyad_table)
        stmt = sq.on_conflict_do_update(
            index_elements=[c[k] for k in KEY],
            set_={
                "n": c.n + sq.excluded.n,
                "n_canonical": c.n_canonical + sq.excluded.n_canonical,
                "intensity_sum": c.intensity_sum + sq.excluded.intensity_sum,
                "intensity_canonical": c.intensity_canonical + sq.excluded.intensity_canonical,
            },
        )
    else:  # pragma: no cover - the store supports SQLite and PostgreSQL only
        raise NotImplementedError(conn.dialect.name)
    conn.execute(stmt, rows)
    if any(d[0] < 0 for d in deltas.values()):
        conn.execute(delete(dyad_table).where(c.n <= 0))


def add_events(conn: Connection, event_rows: Iterable[dict[str, Any]], *, canonical: bool) -> None:
    """Count one article's event rows (as written to ``events``) into ``dyad_days``, and give the
    store a new data version (the article's quotes and relations are new too)."""
    _upsert(conn, _deltas(event_rows, canonical, +1))
    touch(conn)


def retract_article(conn: Connection, article_id: str) -> None:
    """Take a stored article's events out of ``dyad_days`` (before its rows are replaced)."""
    canonical = conn.scalar(select(articles.c.canonical).where(articles.c.id == article_id))
    rows = conn.execute(
        select(
            events.c.source,
            events.c.target,
            events.c.day,
            events.c.type,
            events.c.quad_class,
            events.c.status,
            events.c.intensity,
        ).where(events.c.article_id == article_id)
    )
    _upsert(conn, _deltas((dict(r._mapping) for r in rows), bool(canonical), -1))
    touch(conn)


def rebuild(conn: Connection) -> int:
    """Recompute ``dyad_days`` from ``events``; returns its number of rows."""
    e, ar = events.c, articles.c
    conn.execute(delete(dyad_table))
    canon = case((ar.canonical.is_(True), 1), else_=0)
    select_rows = (
        select(
            e.source,
            e.target,
            e.day,
            e.type,
            e.quad_class,
            e.status,
            func.count(),
            func.sum(canon),
            func.sum(e.intensity),
            func.sum(case((ar.canonical.is_(True), e.intensity), else_=0.0)),
        )
        .join(articles, ar.id == e.article_id)
        .where(e.target.is_not(None), e.day.is_not(None))
        .group_by(e.source, e.target, e.day, e.type, e.quad_class, e.status)
    )
    columns = [*KEY, "n", "n_canonical", "intensity_sum", "intensity_canonical"]
    conn.execute(insert(dyad_table).from_select(columns, select_rows))
    touch(conn)
    return int(conn.scalar(select(func.count()).select_from(dyad_table)) or 0)


# ------------------------------------------------------------------------------------------ reading


def _rows(bind: Bind, stmt: Any) -> list[dict[str, Any]]:
    if not isinstance(bind, Connection):
        with bind.connect() as conn:
            return _rows(conn, stmt)
    result = bind.execute(stmt)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def _filters(
    date_from: date | None,
    date_to: date | None,
    status: str | Sequence[str] | None,
    quad_class: str | Sequence[str] | None = None,
    columns: Any = None,
) -> list[Any]:
    """Conditions on day, status and quad class of ``columns`` (``dyad_days``' by default; the
    events table has columns of the same names)."""
    c = columns if columns is not None else dyad_table.c
    where = day_range(c.day, date_from, date_to)
    for column, value in ((c.status, status), (c.quad_class, quad_class)):
        if isinstance(value, str):
            where.append(column == value)
        elif value is not None:
            where.append(column.in_(list(value)))
    return where


def _pair(a: str, b: str, directed: bool) -> Any:
    c = dyad_table.c
    one = and_(c.a == a, c.b == b)
    return one if directed else or_(one, and_(c.a == b, c.b == a))


def dyad_window_counts(
    bind: Bind,
    date_from: date | None,
    date_to: date | None,
    actors: Iterable[str] | None = None,
    *,
    by: Sequence[str] = ("quad_class",),
    status: str | Sequence[str] | None = None,
    canonical_only: bool = False,
) -> list[dict[str, Any]]:
    """Every directed dyad's events between ``date_from`` and ``date_to`` (inclusive).

    Rows ``{a, b, *by, n, intensity_sum}`` (``by``: any of ``type``, ``quad_class``, ``status``),
    ordered by a, b; ``actors``: only dyads with both ends among them; ``canonical_only``: counts
    and intensities of canonical articles only (each story once). One month's graph is one call.
    """
    unknown = set(by) - set(GROUPS)
    if unknown:
        raise ValueError(f"cannot group by {sorted(unknown)}; choose from {GROUPS}")
    c = dyad_table.c
    n = c.n_canonical if canonical_only else c.n
    intensity = c.intensity_canonical if canonical_only else c.intensity_sum
    groups = [c.a, c.b, *(c[g] for g in by)]
    where = _filters(date_from, date_to, status)
    if actors is not None:
        wanted = sorted(set(actors))
        where += [c.a.in_(wanted), c.b.in_(wanted)]
    stmt = (
        select(*groups, func.sum(n).label("n"), func.sum(intensity).label("intensity_sum"))
        .where(*where)
        .group_by(*groups)
        .having(func.sum(n) > 0)
        .order_by(*groups)
    )
    return _rows(bind, stmt)


def pair_day_counts(
    bind: Bind,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Iterable[str] | None = None,
    pair: tuple[str, str] | None = None,
    canonical_only: bool = True,
) -> list[dict[str, Any]]:
    """Events per unordered pair (``a < b``, both directions summed), day, quad class and status.

    Rows ``{a, b, day, quad_class, status, n}``; events of an actor on itself are left out;
    ``canonical_only`` (default): each story once. The same rows as
    ``entente.graph.queries.event_counts`` reads from ``events``, from ``dyad_days``.
    """
    c = dyad_table.c
    n = c.n_canonical if canonical_only else c.n
    lo = case((c.a < c.b, c.a), else_=c.b)
    hi = case((c.a < c.b, c.b), else_=c.a)
    where = [c.a != c.b, *_filters(date_from, date_to, None)]
    if pair is not None:
        where.append(_pair(pair[0], pair[1], directed=False))
    if actors is not None:
        wanted = sorted(set(actors))
        where += [c.a.in_(wanted), c.b.in_(wanted)]
    stmt = (
        select(lo.label("a"), hi.label("b"), c.day, c.quad_class, c.status, func.sum(n).label("n"))
        .where(*where)
        .group_by(lo, hi, c.day, c.quad_class, c.status)
        .having(func.sum(n) > 0)
    )
    return _rows(bind, stmt)


def dyad_days(
    bind: Bind,
    a: str,
    b: str,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    directed: bool = False,
    status: str | Sequence[str] | None = None,
    canonical_only: bool = False,
) -> list[dict[str, Any]]:
    """The ``dyad_days`` rows of ``a`` and ``b`` (both directions unless ``directed``), by day.

    Rows ``{a, b, day, type, quad_class, status, n, intensity_sum}``; with ``canonical_only`` the
    canonical counts (rows left at 0 are dropped).
    """
    c = dyad_table.c
    n = c.n_canonical if canonical_only else c.n
    intensity = c.intensity_canonical if canonical_only else c.intensity_sum
    stmt = (
        select(
            c.a, c.b, c.day, c.type, c.quad_class, c.status, n.label("n"), intensity.label("intensity_sum")
        )
        .where(_pair(a, b, directed), *_filters(date_from, date_to, status), n > 0)
        .order_by(c.day, c.a, c.b, c.type, c.quad_class, c.status)
    )
    return _rows(bind, stmt)


def window_start(day: date, window: Window) -> date:
    """The first day of the day, ISO week (Monday) or month holding ``day``."""
    if window == "day":
        return day
    if window == "week":
        return day - timedelta(days=day.weekday())
    if window == "month":
        return day.replace(day=1)
    raise ValueError(f"window must be day, week or month, not {window!r}")


def dyad_series(
    bind: Bind,
    a: str,
    b: str,
    *,
    window: Window = "month",
    date_from: date | None = None,
    date_to: date | None = None,
    directed: bool = False,
    status: str | Sequence[str] | None = None,
    canonical_only: bool = False,
) -> list[dict[str, Any]]:
    """One dyad's events per ``window`` and quad class: rows ``{start, quad_class, n, intensity_sum}``
    in time order (windows without events are absent)."""
    c = dyad_table.c
    n = c.n_canonical if canonical_only else c.n
    intensity = c.intensity_canonical if canonical_only else c.intensity_sum
    stmt = (
        select(c.day, c.quad_class, func.sum(n).label("n"), func.sum(intensity).label("intensity_sum"))
        .where(_pair(a, b, directed), *_filters(date_from, date_to, status))
        .group_by(c.day, c.quad_class)
        .order_by(c.day, c.quad_class)
    )
    out: dict[tuple[date, str], list[Any]] = {}
    for r in _rows(bind, stmt):
        if not r["n"]:
            continue
        acc = out.setdefault((window_start(r["day"], window), r["quad_class"]), [0, 0.0])
        acc[0] += int(r["n"])
        acc[1] += float(r["intensity_sum"] or 0.0)
    return [
        {"start": start, "quad_class": quad, "n": v[0], "intensity_sum": v[1]}
        for (start, quad), v in sorted(out.items())
    ]


def dyad_events(
    bind: Bind,
    a: str,
    b: str,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    directed: bool = False,
    status: str | Sequence[str] | None = None,
    quad_class: str | Sequence[str] | None = None,
    canonical_only: bool = False,
    limit: int | None = 50,
) -> list[dict[str, Any]]:
    """The events behind a dyad in a window, newest first, with evidence and their article (explain).

    Rows: the event's article_id, seq, day, source, target, type, quad_class, status, intensity,
    trigger and evidence text and offsets, and the article's title, url, outlet, published,
    story_id and canonical.
    """
    e, ar = events.c, articles.c
    pair = and_(e.source == a, e.target == b)
    if not directed:
        pair = or_(pair, and_(e.source == b, e.target == a))
    where: list[Any] = [pair, *_filters(date_from, date_to, status, quad_class, columns=e)]
    if canonical_only:
        where.append(ar.canonical.is_(True))
    stmt = (
        select(
            e.article_id,
            e.seq,
            e.day,
            e.source,
            e.target,
            e.type,
            e.quad_class,
            e.status,
            e.intensity,
            e.trigger_text,
            e.evidence_start,
            e.evidence_end,
            e.evidence_text,
            ar.title,
            ar.url,
            ar.outlet,
            ar.published,
            ar.story_id,
            ar.canonical,
        )
        .join(articles, ar.id == e.article_id)
        .where(*where)
        .order_by(e.day.desc(), e.article_id, e.seq)
    )
    if limit:
        stmt = stmt.limit(limit)
    return _rows(bind, stmt)
