"""The alignment network of a time window, read from the store, and its balance.

:func:`network` sums the evidence of every pair between two days into one signed edge;
:func:`balance` runs the signed-graph mathematics on it (triads, frustration index, per-actor
balance, blocs); :func:`balance_series` does both per window.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx
import pandas as pd

from entente.graph import queries, tally
from entente.graph.balance import (
    ActorBalance,
    Frustration,
    TriadVerdict,
    actor_balance,
    frustration_index,
    triads,
)
from entente.graph.blocs import Blocs, signed_blocs
from entente.graph.score import score_frame
from entente.graph.series import COUNT_COLUMNS, WEIGHTS, Weights, daily, engine_of, relations_table
from entente.graph.windows import WindowSpec, parse_window

EDGE_COLUMNS = ["a", "b", *COUNT_COLUMNS, "score", "score_low", "score_high", "strength"]


def edge_rows(
    store: Any,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Sequence[str] | None = None,
    top: int | None = None,
    weights: Weights | None = None,
) -> list[dict[str, Any]]:
    """The rows of :func:`edge_table` as dicts (counted by :mod:`entente.graph.tally`, no pandas)."""
    w = weights or WEIGHTS
    found = tally.counts(engine_of(store), date_from, date_to, actors=actors)
    rows = []
    for (a, b), values in found.items():
        row = {"a": a, "b": b, **tally.scored(values, w)}
        row["strength"] = abs(row["coop"] - row["conflict"])
        rows.append(row)
    rows.sort(key=lambda r: (-r["strength"], -(r["coop"] + r["conflict"]), r["a"], r["b"]))
    return rows[:top] if top else rows


def edge_table(
    store: Any,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Sequence[str] | None = None,
    top: int | None = None,
    weights: Weights | None = None,
) -> pd.DataFrame:
    """One row per pair with evidence between the two days (counts summed, scored), strongest first.

    ``strength`` is the net weighted evidence ``|coop - conflict|``; the rows are ordered by
    it, then by the evidence in all (``coop + conflict``); ``top`` keeps the first N. The same
    table as :func:`edge_table_reference` (tested), without pandas until the end.
    """
    rows = edge_rows(store, date_from, date_to, actors=actors, top=top, weights=weights)
    return pd.DataFrame(rows, columns=EDGE_COLUMNS) if rows else pd.DataFrame(columns=EDGE_COLUMNS)


def edge_table_reference(
    store: Any,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    actors: Sequence[str] | None = None,
    top: int | None = None,
    weights: Weights | None = None,
) -> pd.DataFrame:
    """:func:`edge_table` computed with pandas from :func:`~entente.graph.series.daily` (the
    reference the fast path is tested against)."""
    days = daily(store, date_from, date_to, actors=actors, weights=weights or WEIGHTS)
    if not len(days):
        return pd.DataFrame(columns=EDGE_COLUMNS)
    frame = days.groupby(["a", "b"], as_index=False)[COUNT_COLUMNS].sum()
    frame = score_frame(frame)
    frame["strength"] = (frame["coop"] - frame["conflict"]).abs()
    frame["n"] = frame["coop"] + frame["conflict"]
    frame = frame.sort_values(["strength", "n", "a", "b"], ascending=[False, False, True, True])
    frame = frame.drop(columns="n").reset_index(drop=True)
    return frame.head(top) if top else frame


def _sign(score: float) -> int:
    return 1 if score > 0 else -1 if score < 0 else 0


def graph_from_table(table: pd.DataFrame, names: dict[str, tuple[str, str]] | None = None) -> nx.Graph:
    """The signed graph of an :func:`edge_table` (edge attributes as :func:`network`)."""
    return graph_from_rows(table.to_dict("records"), names)


def graph_from_rows(
    rows: Sequence[Mapping[Any, Any]], names: dict[str, tuple[str, str]] | None = None
) -> nx.Graph:
    """The signed graph of :func:`edge_rows` (or any rows with the :func:`edge_table` columns)."""
    g = nx.Graph()
    names = names or {}
    for row in rows:
        g.add_edge(
            row["a"],
            row["b"],
            score=float(row["score"]),
            score_low=float(row["score_low"]),
            score_high=float(row["score_high"]),
            events=int(row["events"]),
            coop=float(row["coop"]),
            conflict=float(row["conflict"]),
            quotes=int(row["quotes"]),
            statements=int(row["statements"]),
            hypothetical=int(row["hypothetical"]),
            negated=int(row["negated"]),
            sign=_sign(float(row["score"])),
            weight=float(abs(row["coop"] - row["conflict"])) or 1.0,
        )
    for node in g.nodes:
        name, kind = names.get(node, (node, "other"))
        g.nodes[node]["name"] = name
        g.nodes[node]["kind"] = kind
    return g


def network(
    store: Any,
    date_from: date | None = None,
    date_to: date | None = None,
    actors: Sequence[str] | None = None,
    top: int | None = None,
    *,
    weights: Weights | None = None,
) -> nx.Graph:
    """The signed alignment network between two days (both included), from the text alone.

    One edge per pair of actors with evidence, with attributes ``score``, ``score_low``,
    ``score_high`` (Wilson 95 %), ``events`` (happened events), ``coop``, ``conflict``
    (weighted evidence), ``quotes``, ``statements``, ``hypothetical``, ``negated`` (events not
    counted), ``sign`` (+1, -1, or 0 where the evidence cancels) and ``weight`` (``|coop -
    conflict|``, the strength blocs use). Nodes carry ``name`` and ``kind``. ``actors`` keeps
    the pairs whose two actors are both listed; ``top`` the N strongest edges.
    """
    rows = edge_rows(store, date_from, date_to, actors=actors, top=top, weights=weights)
    ids = sorted({r["a"] for r in rows} | {r["b"] for r in rows})
    g = graph_from_rows(rows, queries.actor_info(engine_of(store), ids) if ids else {})
    g.graph.update({"date_from": str(date_from or ""), "date_to": str(date_to or "")})
    return g


def signed_part(g: nx.Graph) -> nx.Graph:
    """``g`` without the edges whose evidence cancels (sign 0): the graph the balance maths reads."""
    h = nx.Graph()
    h.add_nodes_from(g.nodes(data=True))
    h.add_edges_from((u, v, d) for u, v, d in g.edges(data=True) if d.get("sign", 1) != 0)
    return h


@dataclass(frozen=True)
class Balance:
    """Structural balance of a signed network."""

    triads: tuple[TriadVerdict, ...]
    balanced: int  # balanced triads
    frustration: Frustration
    actors: dict[Any, ActorBalance]
    blocs: Blocs

    @property
    def share(self) -> float | None:
        """Balanced triads / triads; None without triads."""
        return self.balanced / len(self.triads) if self.triads else None


def balance(g: nx.Graph, seed: int = 0) -> Balance:
    """Triads and their verdicts, the frustration index, per-actor balance and signed blocs."""
    h = signed_part(g)
    found = tuple(triads(h))
    return Balance(
        found,
        sum(t.balanced for t in found),
        frustration_index(h, seed=seed),
        actor_balance(h),
        signed_blocs(h, seed=seed),
    )


def balance_series(
    store: Any,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    window: str | WindowSpec = "month",
    actors: Sequence[str] | None = None,
    top: int | None = None,
    seed: int = 0,
) -> pd.DataFrame:
    """Per window: actors, edges, triads, balanced triads, their share, the frustration index
    (and whether exact), and the number of blocs."""
    spec = parse_window(window)
    table = relations_table(store, date_from, date_to, window=spec, actors=actors)
    rows = []
    for (start, end), part in table.groupby(["window_start", "window_end"], sort=True):
        part = part.copy()
        part["strength"] = (part["coop"] - part["conflict"]).abs()
        part = part.sort_values(["strength", "a", "b"], ascending=[False, True, True])
        g = graph_from_table(part.head(top) if top else part)
        result = balance(g, seed)
        rows.append(
            {
                "window_start": start,
                "window_end": end,
                "actors": g.number_of_nodes(),
                "edges": g.number_of_edges(),
                "triads": len(result.triads),
                "balanced": result.balanced,
                "balanced_share": result.share,
                "frustration": result.frustration.index,
                "frustration_method": result.frustration.method,
                "blocs": len(result.blocs.blocs),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "window_start",
            "window_end",
            "actors",
            "edges",
            "triads",
            "balanced",
            "balanced_share",
            "frustration",
            "frustration_method",
            "blocs",
        ],
    )
