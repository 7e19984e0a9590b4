"""Datelines: a line that is only a date ("Friday, January 4, 2019", "17:41 JST, October 13, 2024")."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from entente.ingest.data import load


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    data = load("furniture")
    months = {m.lower(): i + 1 for i, m in enumerate(data["months"])}
    abbrev = "|".join(m[:3] for m in months)
    month = "(?P<{g}>" + "|".join(months) + "|" + abbrev + r")\.?"
    prefix = "|".join(re.escape(p) for p in sorted(data["dateline_prefixes"], key=len, reverse=True))
    weekday = "|".join(data["weekdays"])
    body = (
        rf"{month.format(g='m1')}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
        rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{month.format(g='m2')},?\s+(?P<y2>\d{{4}})"
        r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
    )
    time = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?"  # "17:41 JST, October 13, 2024"
    pattern = (
        rf"(?:(?:{prefix})\s*:?\s*)?(?:{time},?\s+)?(?:(?:{weekday}),?\s+)?(?:{body})"
        r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*"
    )
    return re.compile(pattern, re.IGNORECASE), months


def parse_dateline(line: str) -> date | None:
    """The date when ``line`` holds a date and nothing else, else None."""
    pattern, months = _pattern()
    m = pattern.fullmatch(line.strip())
    if not m:
        return None
    g = m.groupdict()
    try:
        if g["y3"]:
            return date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        name = (g["m1"] or g["m2"]).lower().rstrip(".")
        month = months.get(name) or next(v for k, v in months.items() if k.startswith(name))
        return date(int(g["y1"] or g["y2"]), month, int(g["d1"] or g["d2"]))
    except (ValueError, StopIteration):
        return None
