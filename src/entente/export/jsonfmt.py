"""JSON: nodes, the period's edges, the per-window rows and a balance summary, in one object."""

from __future__ import annotations

import json
import math
import sys
from datetime import date
from pathlib import Path
from typing import Any

from entente.export.bundle import Bundle
from entente.graph.network import balance


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def to_dict(bundle: Bundle) -> dict[str, Any]:
    g = bundle.graph
    result = balance(g)
    return {
        "date_from": _plain(bundle.date_from),
        "date_to": _plain(bundle.date_to),
        "window": str(bundle.window),
        "nodes": [{"id": n, **{k: _plain(v) for k, v in d.items()}} for n, d in sorted(g.nodes(data=True))],
        "edges": [
            {"a": min(u, v), "b": max(u, v), **{k: _plain(x) for k, x in d.items()}}
            for u, v, d in g.edges(data=True)
        ],
        "windows": [{k: _plain(v) for k, v in row.items()} for row in bundle.table.to_dict("records")],
        "balance": {
            "triads": len(result.triads),
            "balanced": result.balanced,
            "frustration": result.frustration.index,
            "frustration_method": result.frustration.method,
            "blocs": [list(b) for b in result.blocs.blocs],
        },
    }


def write(bundle: Bundle, out: Path) -> None:
    text = json.dumps(to_dict(bundle), indent=2, ensure_ascii=False) + "\n"
    if str(out) == "-":
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
