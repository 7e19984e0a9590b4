"""The relations table as CSV or Parquet: one row per pair and window (``a < b``; both window
days included; ``events`` counts happened events)."""

from __future__ import annotations

import sys
from pathlib import Path

from entente.export.bundle import Bundle


def write_csv(bundle: Bundle, out: Path) -> None:
    if str(out) == "-":
        bundle.table.to_csv(sys.stdout, index=False, float_format="%.6g")
    else:
        bundle.table.to_csv(out, index=False, float_format="%.6g")


def write_parquet(bundle: Bundle, out: Path) -> None:
    bundle.table.to_parquet(out, index=False, engine="pyarrow")
