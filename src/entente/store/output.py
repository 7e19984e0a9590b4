"""Rows of the store as a table (chosen columns), CSV or a JSON array (every column), streamed."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, TextIO

WIDE = {"title": 50, "evidence_text": 60, "text": 70, "trigger_text": 20}


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(_plain(value))


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, columns: list[str], out: TextIO) -> int:
    """Write ``rows`` as a table, CSV (every column) or a JSON array (every column); returns how many."""
    n = 0
    if fmt == "json":
        out.write("[")
        for n, row in enumerate(rows, 1):
            out.write(("\n  " if n == 1 else ",\n  ") + json.dumps({k: _plain(v) for k, v in row.items()}))
        out.write("\n]\n" if n else "]\n")
        return n
    if fmt == "csv":
        writer: Any = None
        for row in rows:
            n += 1
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
                writer.writeheader()
            writer.writerow({k: _cell(v) for k, v in row.items()})
        return n
    table = [[_cut(c, _cell(row.get(c))) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in table)]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in table:
        out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")
    return len(table)


def _cut(column: str, text: str) -> str:
    text = " ".join(text.split())
    limit = WIDE.get(column)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"
