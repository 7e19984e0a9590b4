"""Time windows for the dyad series and the dynamic network: ``day``, ``week``, ``month`` or a
custom length (``10d``, ``2w``).

A window is ``(start, end)`` with both days included. ``day``, ``week`` (ISO: Monday to
Sunday) and ``month`` (calendar) are aligned on the calendar; a custom length counts from the
first day asked for (``date_from``), or from the first day with data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_CUSTOM = re.compile(r"^\s*(\d+)\s*([dw])\s*$")
NAMED = ("day", "week", "month")


@dataclass(frozen=True)
class WindowSpec:
    """How to cut time: ``unit`` is ``day``, ``week``, ``month`` or ``days`` (a custom length)."""

    unit: str
    days: int = 1  # the length, for ``days``

    def __str__(self) -> str:
        return f"{self.days}d" if self.unit == "days" else self.unit


def parse_window(value: str | WindowSpec) -> WindowSpec:
    """``day``, ``week``, ``month``, ``Nd`` (N days) or ``Nw`` (N weeks); ValueError otherwise."""
    if isinstance(value, WindowSpec):
        return value
    text = value.strip().lower()
    if text in NAMED:
        return WindowSpec(text)
    match = _CUSTOM.match(text)
    if match:
        n = int(match.group(1)) * (7 if match.group(2) == "w" else 1)
        if n >= 1:
            return WindowSpec("days", n)
    raise ValueError(f"not a window: {value!r} (use day, week, month, or a length such as 10d or 2w)")


def window_of(day: date, spec: WindowSpec, origin: date) -> tuple[date, date]:
    """The window holding ``day``; ``origin`` anchors custom lengths."""
    if spec.unit == "day":
        return day, day
    if spec.unit == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if spec.unit == "month":
        start = day.replace(day=1)
        nxt = (start + timedelta(days=32)).replace(day=1)
        return start, nxt - timedelta(days=1)
    k = (day - origin).days // spec.days
    start = origin + timedelta(days=k * spec.days)
    return start, start + timedelta(days=spec.days - 1)


def windows_between(
    first: date, last: date, spec: WindowSpec, origin: date | None = None
) -> list[tuple[date, date]]:
    """Every window from the one holding ``first`` to the one holding ``last``, in order."""
    origin = origin or first
    out: list[tuple[date, date]] = []
    if last < first:
        return out
    start, end = window_of(first, spec, origin)
    while start <= last:
        out.append((start, end))
        start, end = window_of(end + timedelta(days=1), spec, origin)
    return out
