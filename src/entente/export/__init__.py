"""Writing the alignment network to files: one module per format, one registry.

>>> from entente.export import export
>>> export(store, "season.gexf", "gexf", date(2017, 2, 1), date(2017, 3, 31))  # doctest: +SKIP

- ``gexf``: GEXF 1.3, **dynamic** (one interval per window on each edge and its values), for
  Gephi's timeline;
- ``graphml``: the network of the whole period (static);
- ``csv`` / ``parquet``: the relations table, one row per pair and window;
- ``json``: the nodes, the period's edges, the windows' rows and the balance summary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from entente.export import gexf, graphml, jsonfmt, tables
from entente.export.bundle import Bundle, collect

Writer = Callable[[Bundle, Path], None]

FORMATS: dict[str, Writer] = {
    "gexf": gexf.write,
    "graphml": graphml.write,
    "csv": tables.write_csv,
    "parquet": tables.write_parquet,
    "json": jsonfmt.write,
}


def export(
    store: Any,
    out: str | Path,
    fmt: str,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    window: str = "month",
    actors: Sequence[str] | None = None,
    top: int | None = None,
) -> Bundle:
    """Write the network between two days to ``out`` in ``fmt`` (a key of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    bundle = collect(store, date_from, date_to, window=window, actors=actors, top=top)
    FORMATS[fmt](bundle, Path(out))
    return bundle


__all__ = ["FORMATS", "Bundle", "collect", "export"]
