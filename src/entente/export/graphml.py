"""GraphML: the signed network of the whole period (static; GEXF carries the windows)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from entente.export.bundle import Bundle


def write(bundle: Bundle, out: Path) -> None:
    g = bundle.graph.copy()
    g.graph.update(
        {
            "date_from": str(bundle.date_from or ""),
            "date_to": str(bundle.date_to or ""),
            "window": str(bundle.window),
        }
    )
    nx.write_graphml(g, out)
