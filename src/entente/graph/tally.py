"""The evidence of every pair in a window, counted in SQL and plain Python: what :func:`network`,
:func:`explain` and :func:`dyad_series` are built from (no pandas on the way).

:func:`counts` returns, per unordered pair (``a < b``) and optionally per day, the twelve base
counts :data:`BASE` (events per quad class and status from ``dyad_days``, quotes and statements
per sign); :func:`scored` turns one such vector into the :data:`COUNT_COLUMNS` and the score of
:mod:`entente.graph.series` (the same numbers as its pandas reference, tested).

A window's counts are kept, per engine, under the store's data version
(:func:`entente.store.version.data_version`, changed by every write of analysis rows): the next
call for the same window answers from memory until an ingest writes; a store without a data
version is always read afresh.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.engine import Engine

from entente.graph import queries
from entente.graph.score import dyad_score
from entente.store.pairs import pair_totals
from entente.store.version import data_version

#: the columns of a series row / a relations table, in order
COUNT_COLUMNS = [
    "events",
    "events_coop",
    "events_conflict",
    *queries.QUAD_CLASSES,
    *queries.STATUSES,
    "quotes",
    "quotes_coop",
    "quotes_conflict",
    "statements",
    "statements_coop",
    "statements_conflict",
    "coop",
    "conflict",
]
#: the counts kept per pair (and day): happened events per quad class, all events per status,
#: quotes and statements per sign
BASE = (
    *queries.QUAD_CLASSES,
    *queries.STATUSES,
    "quotes_coop",
    "quotes_conflict",
    "statements_coop",
    "statements_conflict",
)
ZERO = (0,) * len(BASE)
_QUOTES, _STATEMENTS = BASE.index("quotes_coop"), BASE.index("statements_coop")

#: how many windows are kept per engine
KEEP = 64

Key = tuple[Any, ...]  # (a, b) or (a, b, day)
Counts = dict[Key, tuple[int, ...]]


@dataclass(frozen=True)
class Weights:
    """How much one piece of each kind of evidence weighs in ``coop`` / ``conflict``."""

    event: float = 1.0
    quote: float = 0.5
    statement: float = 0.5


WEIGHTS = Weights()

_kept: weakref.WeakKeyDictionary[Engine, OrderedDict[Key, Counts]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def clear() -> None:
    """Forget every kept window (benchmarks measure cold calls with it)."""
    with _lock:
        _kept.clear()


def _read(
    engine: Engine,
    date_from: date | None,
    date_to: date | None,
    actors: Sequence[str] | None,
    pair: tuple[str, str] | None,
    by_day: bool,
) -> Counts:
    width = 3 if by_day else 2
    out: dict[Key, list[int]] = {}
    for row in pair_totals(engine, date_from, date_to, actors=actors, pair=pair, by_day=by_day):
        out[tuple(row[:width])] = [*(int(v or 0) for v in row[width:]), 0, 0, 0, 0]
    for offset, found in (
        (_QUOTES, queries.stance_rows(engine, date_from, date_to, actors=actors, pair=pair)),
        (_STATEMENTS, queries.statement_rows(engine, date_from, date_to, actors=actors, pair=pair)),
    ):
        for a, b, day, sign in found:
            key = (a, b, day) if by_day else (a, b)
            values = out.get(key)
            if values is None:
                values = out[key] = [0] * len(BASE)
            values[offset if sign > 0 else offset + 1] += 1
    return {key: tuple(v) for key, v in out.items()}


def counts(
    engine: Engine,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Sequence[str] | None = None,
    pair: tuple[str, str] | None = None,
    by_day: bool = False,
) -> Counts:
    """Per pair ``(a, b)`` (``a < b``), or per ``(a, b, day)`` with ``by_day``: the :data:`BASE`
    counts between two days (both included), canonical articles only.

    Without bounds, quotes and statements without a day count (under ``queries.UNDATED`` by
    day). ``actors``: pairs with both ends among them; ``pair``: that pair only. Do not change
    the answer: it may be kept for the next caller.
    """
    version = data_version(engine)  # before the rows: a write in between is seen next time
    key = (
        date_from,
        date_to,
        tuple(sorted(set(actors))) if actors is not None else None,
        tuple(sorted(pair)) if pair is not None else None,
        by_day,
    )
    if version is not None:
        with _lock:
            kept = _kept.get(engine)
            found = kept.get((version, key)) if kept is not None else None
            if found is not None:
                kept.move_to_end((version, key))  # type: ignore[union-attr]
                return found
    result = _read(engine, date_from, date_to, actors, pair, by_day)
    if version is not None:
        with _lock:
            kept = _kept.setdefault(engine, OrderedDict())
            kept[(version, key)] = result
            while len(kept) > KEEP:
                kept.popitem(last=False)
    return result


def total(values: Sequence[tuple[int, ...]]) -> tuple[int, ...]:
    """The sum of count vectors."""
    return tuple(map(sum, zip(ZERO, *values, strict=True)))


def scored(values: Sequence[int], weights: Weights = WEIGHTS) -> dict[str, Any]:
    """The :data:`COUNT_COLUMNS` (ints, ``coop``/``conflict`` floats) and ``score``,
    ``score_low``, ``score_high`` of one :data:`BASE` count vector."""
    vc, mc, vk, mk, asserted, attributed, hypothetical, negated, qc, qk, sc, sk = values
    coop = float(weights.event * (vc + mc) + weights.quote * qc + weights.statement * sc)
    conflict = float(weights.event * (vk + mk) + weights.quote * qk + weights.statement * sk)
    s = dyad_score(coop, conflict)
    return {
        "events": vc + mc + vk + mk,
        "events_coop": vc + mc,
        "events_conflict": vk + mk,
        "verbal_coop": vc,
        "material_coop": mc,
        "verbal_conflict": vk,
        "material_conflict": mk,
        "asserted": asserted,
        "attributed": attributed,
        "hypothetical": hypothetical,
        "negated": negated,
        "quotes": qc + qk,
        "quotes_coop": qc,
        "quotes_conflict": qk,
        "statements": sc + sk,
        "statements_coop": sc,
        "statements_conflict": sk,
        "coop": coop,
        "conflict": conflict,
        "score": s.score,
        "score_low": s.low,
        "score_high": s.high,
    }
