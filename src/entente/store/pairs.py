"""Canonical events per unordered actor pair (and day), counted in SQL from ``dyad_days``: what
``entente.graph`` builds a window's network, a dyad's series and explain's counts from.

:func:`pair_totals` returns one row per pair (and day) with the events that happened per quad
class and all events per status, instead of :func:`entente.store.aggregate.pair_day_counts`'
one row per pair, day, quad class and status (the same sums, tested): a month of a million-event
store is a few thousand rows, not tens of thousands.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, and_, case, func, or_, select

from entente.store.query import day_range
from entente.store.schema import dyad_days as dyad_table

#: the columns of :func:`pair_totals` after the pair (and day): events that happened (asserted or
#: attributed) per quad class, then all events per status
QUAD_CLASSES = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
STATUSES = ("asserted", "attributed", "hypothetical", "negated")
HAPPENED = ("asserted", "attributed")


def pair_totals(
    bind: Engine | Connection,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Iterable[str] | None = None,
    pair: tuple[str, str] | None = None,
    by_day: bool = False,
    touching: Iterable[str] | None = None,
) -> list[tuple[Any, ...]]:
    """Canonical events per unordered pair (``a < b``, both directions summed), and per day with
    ``by_day``, counted in SQL: one row per pair (and day) instead of one per quad class and status.

    Rows ``(a, b, [day,] *QUAD_CLASSES, *STATUSES)``: the events that happened per quad class,
    then all events per status (the sums of
    :func:`entente.store.aggregate.pair_day_counts`' rows, tested). Events of an
    actor on itself are left out; ``actors``: both ends among them; ``pair``: that pair only;
    ``touching``: pairs with at least one end among them.
    """
    c = dyad_table.c
    n = c.n_canonical
    lo = case((c.a < c.b, c.a), else_=c.b)
    hi = case((c.a < c.b, c.b), else_=c.a)
    happened = c.status.in_(HAPPENED)
    sums = [func.sum(case((and_(happened, c.quad_class == q), n), else_=0)) for q in QUAD_CLASSES]
    sums += [func.sum(case((c.status == s, n), else_=0)) for s in STATUSES]
    where = [c.a != c.b, *day_range(c.day, date_from, date_to)]
    if pair is not None:
        x, y = pair
        where.append(or_(and_(c.a == x, c.b == y), and_(c.a == y, c.b == x)))
    if actors is not None:
        wanted = sorted(set(actors))
        where += [c.a.in_(wanted), c.b.in_(wanted)]
    if touching is not None:
        ends = sorted(set(touching))
        where.append(or_(c.a.in_(ends), c.b.in_(ends)))
    keys = [lo, hi, c.day] if by_day else [lo, hi]
    stmt = select(*keys, *sums).where(*where).group_by(*keys).having(func.sum(n) > 0)
    if isinstance(bind, Connection):
        return [tuple(r) for r in bind.execute(stmt)]
    with bind.connect() as conn:
        return [tuple(r) for r in conn.execute(stmt)]
