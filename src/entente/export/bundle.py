"""What every export format writes, read from the store once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx
import pandas as pd

from entente.graph.network import network
from entente.graph.series import relations_table
from entente.graph.windows import WindowSpec, parse_window


@dataclass(frozen=True)
class Bundle:
    date_from: date | None
    date_to: date | None
    window: WindowSpec
    graph: nx.Graph  # the whole period (entente.graph.network)
    table: pd.DataFrame  # one row per pair and window (entente.graph.series.relations_table)

    @property
    def windows(self) -> list[tuple[date, date]]:
        pairs = self.table[["window_start", "window_end"]].drop_duplicates()
        return sorted(zip(pairs["window_start"], pairs["window_end"], strict=True))


def collect(
    store: Any,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    window: str | WindowSpec = "month",
    actors: Sequence[str] | None = None,
    top: int | None = None,
) -> Bundle:
    """The period's network and its per-window table; ``top`` keeps the N strongest pairs of the
    period (in both)."""
    spec = parse_window(window)
    g = network(store, date_from, date_to, actors=actors, top=top)
    table = relations_table(store, date_from, date_to, window=spec, actors=actors)
    if top is not None:
        keep = {tuple(sorted(e)) for e in g.edges}
        mask = [(a, b) in keep for a, b in zip(table["a"], table["b"], strict=True)]
        table = table[mask].reset_index(drop=True)
    return Bundle(date_from, date_to, spec, g, table)
