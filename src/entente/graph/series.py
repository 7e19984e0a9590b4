"""Dyad series across the store: per pair and time window, the evidence counted and scored.

Three kinds of evidence between two actors (docs/alignment.md, "Across the store"):

- **events** that happened (status ``asserted`` or ``attributed``): cooperation (verbal or
  material) or conflict, one unit each; hypothetical and negated events are counted in their
  own columns and never weigh in the score;
- **quotes**: a speaker who speaks for one actor with a stance toward the other, its sign;
- **statements**: relational phrases found in an article ("strategic partnership").

``coop`` and ``conflict`` are the weighted sums (:class:`Weights`: an event 1, a quote or a
statement 0.5) that :func:`entente.graph.score.dyad_score` turns into a score with a Wilson
interval. Only canonical articles count (a syndicated copy counts once).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy.engine import Engine

from entente.graph import queries, tally
from entente.graph.score import score_frame
from entente.graph.tally import COUNT_COLUMNS, WEIGHTS, Weights
from entente.graph.trend import Trend, trend
from entente.graph.windows import WindowSpec, parse_window, window_of, windows_between

__all__ = ["COLUMNS", "COUNT_COLUMNS", "WEIGHTS", "Weights", "daily", "dyad_series", "relations_table"]

SCORE_COLUMNS = ["score", "score_low", "score_high"]
COLUMNS = ["a", "b", "window_start", "window_end", *COUNT_COLUMNS, *SCORE_COLUMNS]


WeightsLike = Weights | None


def engine_of(store: Any) -> Engine:
    """The SQLAlchemy engine of a :class:`~entente.store.Store` (or an engine itself)."""
    return store if isinstance(store, Engine) else store.engine


def daily(
    store: Any,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Sequence[str] | None = None,
    pair: tuple[str, str] | None = None,
    weights: Weights = WEIGHTS,
) -> pd.DataFrame:
    """One row per unordered pair (``a < b``) and day with evidence: the count columns, no scores.

    Without bounds, evidence without a day is kept under ``queries.UNDATED`` (``date.min``).
    """
    engine = engine_of(store)
    keys = ["a", "b", "day"]
    ev = _dated(queries.event_counts(engine, date_from, date_to, actors=actors, pair=pair))
    parts: list[pd.DataFrame] = []
    if len(ev):
        happened = ev[ev["status"].isin(queries.HAPPENED)]
        by_class = happened.pivot_table(index=keys, columns="quad_class", values="n", aggfunc="sum")
        by_status = ev.pivot_table(index=keys, columns="status", values="n", aggfunc="sum")
        parts += [by_class, by_status]
    for kind, frame in (
        ("quotes", queries.stance_counts(engine, date_from, date_to, actors=actors, pair=pair)),
        ("statements", queries.statement_counts(engine, date_from, date_to, actors=actors, pair=pair)),
    ):
        frame = _dated(frame)
        if len(frame):
            wide = frame.pivot_table(index=keys, columns="sign", values="n", aggfunc="sum")
            wide = wide.rename(columns={1: f"{kind}_coop", -1: f"{kind}_conflict"})
            parts.append(wide)
    if not parts:
        return pd.DataFrame(columns=[*keys, *COUNT_COLUMNS])
    out = pd.concat(parts, axis=1).fillna(0)
    out.columns = [str(c) for c in out.columns]
    for column in COUNT_COLUMNS:
        if column not in out.columns:
            out[column] = 0
    out["events_coop"] = out["verbal_coop"] + out["material_coop"]
    out["events_conflict"] = out["verbal_conflict"] + out["material_conflict"]
    out["events"] = out["events_coop"] + out["events_conflict"]
    out["quotes"] = out["quotes_coop"] + out["quotes_conflict"]
    out["statements"] = out["statements_coop"] + out["statements_conflict"]
    _weigh(out, weights)
    out = out.reset_index()[[*keys, *COUNT_COLUMNS]]
    ints = [c for c in COUNT_COLUMNS if c not in ("coop", "conflict")]
    out[ints] = out[ints].astype("int64")
    return out.sort_values(keys, ignore_index=True)


def _dated(frame: pd.DataFrame) -> pd.DataFrame:
    """Undated rows (day None) under :data:`~entente.graph.queries.UNDATED`, so that groupings keep them."""
    if len(frame) and frame["day"].isna().any():
        frame = frame.copy()
        frame["day"] = [queries.UNDATED if d is None or pd.isna(d) else d for d in frame["day"]]
    return frame


def _weigh(frame: pd.DataFrame, w: Weights) -> None:
    frame["coop"] = (
        w.event * frame["events_coop"]
        + w.quote * frame["quotes_coop"]
        + w.statement * frame["statements_coop"]
    ).astype(float)
    frame["conflict"] = (
        w.event * frame["events_conflict"]
        + w.quote * frame["quotes_conflict"]
        + w.statement * frame["statements_conflict"]
    ).astype(float)


def _bounds(store: Any, date_from: date | None, date_to: date | None) -> tuple[date | None, date | None]:
    if date_from is not None and date_to is not None:
        return date_from, date_to
    first, last = queries.extent(engine_of(store))
    return date_from or first, date_to or last


def windowed(days: pd.DataFrame, spec: WindowSpec, origin: date) -> pd.DataFrame:
    """Sum a :func:`daily` frame into windows and score each pair and window (undated rows left out)."""
    frame = days[days["day"] != queries.UNDATED].copy() if len(days) else days
    if not len(frame):
        return pd.DataFrame(columns=COLUMNS)
    bounds = [window_of(d, spec, origin) for d in frame["day"]]
    frame["window_start"] = [s for s, _ in bounds]
    frame["window_end"] = [e for _, e in bounds]
    out = frame.groupby(["a", "b", "window_start", "window_end"], as_index=False)[COUNT_COLUMNS].sum()
    return score_frame(out)[COLUMNS].sort_values(["window_start", "a", "b"], ignore_index=True)


def relations_table(
    store: Any,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    window: str | WindowSpec = "month",
    actors: Sequence[str] | None = None,
    weights: WeightsLike = None,
) -> pd.DataFrame:
    """One row per pair (``a < b``) and window with evidence: counts, ``coop``/``conflict``, score.

    Columns: ``a, b, window_start, window_end`` (both days included), ``events`` (happened
    events), ``events_coop``, ``events_conflict``, the four quad classes (happened), the four
    statuses (all events), ``quotes`` (+ ``_coop``/``_conflict``), ``statements`` (likewise),
    ``coop``, ``conflict`` (weighted), ``score``, ``score_low``, ``score_high``.
    """
    spec = parse_window(window)
    first = date_from or _bounds(store, None, date_to)[0]
    days = daily(store, date_from, date_to, actors=actors, weights=weights or WEIGHTS)
    if first is None:
        return pd.DataFrame(columns=COLUMNS)
    return windowed(days, spec, first)


def dyad_series(
    store: Any,
    a: str,
    b: str,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    window: str | WindowSpec = "month",
    weights: WeightsLike = None,
) -> pd.DataFrame:
    """The pair's evidence and score in every window from ``date_from`` to ``date_to``.

    Windows without evidence are kept (zero counts, score 0, interval [-1, 1]) so that the rows
    are the time axis; bounds left out default to the store's first and last day. Columns as
    :func:`relations_table`; ``a``/``b`` are the pair sorted. Counted by :mod:`entente.graph.tally`
    (the same numbers as :func:`dyad_series_reference`, tested).
    """
    spec = parse_window(window)
    x, y = sorted((a, b))
    first, last = _bounds(store, date_from, date_to)
    if first is None or last is None:
        return pd.DataFrame(columns=COLUMNS)
    days = tally.counts(engine_of(store), date_from, date_to, pair=(x, y), by_day=True)
    found: dict[tuple[date, date], list[tuple[int, ...]]] = {}
    for (_, _, day), values in days.items():
        if day is not None and day != queries.UNDATED:
            found.setdefault(window_of(day, spec, first), []).append(values)
    rows = [
        {"a": x, "b": y, "window_start": start, "window_end": end}
        | tally.scored(tally.total(found.get((start, end), [])), weights or WEIGHTS)
        for start, end in windows_between(first, last, spec, first)
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    ints = [c for c in COUNT_COLUMNS if c not in ("coop", "conflict")]
    frame[ints] = frame[ints].astype("int64")
    return frame


def dyad_series_reference(
    store: Any,
    a: str,
    b: str,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    window: str | WindowSpec = "month",
    weights: WeightsLike = None,
) -> pd.DataFrame:
    """:func:`dyad_series` computed with pandas from :func:`daily` (the reference it is tested against)."""
    spec = parse_window(window)
    x, y = sorted((a, b))
    first, last = _bounds(store, date_from, date_to)
    days = daily(store, date_from, date_to, pair=(x, y), weights=weights or WEIGHTS)
    if first is None or last is None:
        return pd.DataFrame(columns=COLUMNS)
    found = windowed(days, spec, first)
    rows = []
    for start, end in windows_between(first, last, spec, first):
        rows.append({"a": x, "b": y, "window_start": start, "window_end": end})
    grid = pd.DataFrame(rows, columns=["a", "b", "window_start", "window_end"])
    merged = grid.merge(
        found.drop(columns=SCORE_COLUMNS), on=["a", "b", "window_start", "window_end"], how="left"
    ).fillna({c: 0 for c in COUNT_COLUMNS})
    ints = [c for c in COUNT_COLUMNS if c not in ("coop", "conflict")]
    merged[ints] = merged[ints].astype("int64")
    merged[["coop", "conflict"]] = merged[["coop", "conflict"]].astype(float)
    return score_frame(merged)[COLUMNS]


def dyad_trend(series: pd.DataFrame, alpha: float = 0.05) -> Trend:
    """Warming / cooling over a :func:`dyad_series` (graph/trend.py: halves test + Mann-Kendall)."""
    windows = [(float(c), float(k)) for c, k in zip(series["coop"], series["conflict"], strict=True)]
    return trend(windows, alpha)
