"""Dates of events, resolved against the publication date.

:func:`find_dates` reads the date expressions of a sentence ("on October 11,
2024", "the second week of October", "since 2022", "in May 2018", "last
week", "on Monday") into :class:`~entente.records.EventDate` values with a
precision: ``day`` (2024-10-11), ``month`` (2018-05), ``year`` (2022) or
``range`` ("2024-10-08/2024-10-14").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span as SpacySpan

from entente.records import EventDate, Span

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1}
_M = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rx, re.I))
    for kind, rx in (
        (
            "week_of",
            r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|last|final)\s+week\s+of\s+"
            + _M
            + r"(?:\s*,?\s*"
            + _Y
            + r")?",
        ),
        ("mdy", r"\b" + _M + r"\s+" + _D + r"(?:\s*,\s*|\s+)" + _Y + r"\b"),
        ("dmy", r"\b" + _D + r"\s+(?:of\s+)?" + _M + r"\s*,?\s*" + _Y + r"\b"),
        ("md", r"\b" + _M + r"\s+" + _D + r"\b(?!\s*,?\s*\d)"),
        ("dm", r"\b" + _D + r"\s+(?:of\s+)?" + _M + r"\b"),
        ("my", r"\b" + _M + r"\s*,?\s+" + _Y + r"\b"),
        ("since_year", r"\bsince\s+" + _Y + r"\b"),
        ("year_range", r"\b(?:from\s+|between\s+)?" + _Y + r"\s*(?:-|–|to|and)\s*(?P<year2>(?:19|20)\d\d)\b"),
        (
            "ago",
            r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"(?P<unit>day|week|month|year)s?\s+ago\b",
        ),
        (
            "relative",
            r"\b(?P<rel>yesterday|today|tomorrow|last\s+(?:week|month|year)|this\s+(?:week|month|year)|"
            r"earlier\s+this\s+(?:week|month|year)|next\s+(?:week|month|year))\b",
        ),
        (
            "weekday",
            r"\b(?:on\s+|last\s+|this\s+|next\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|"
            r"sunday)\b",
        ),
        (
            "month",
            r"\b(?:in|since|during|by|until|early|mid|late|last|this|next|(?:beginning|start|end|middle)\s+of)[\s-]+"
            + _M
            + r"\b",
        ),
        ("year", r"\b(?:in|since|during|by|until|of|from)\s+(?:early\s+|mid-?|late\s+)?" + _Y + r"\b"),
    )
)
YEARLESS = frozenset({"md", "dm", "week_of", "month"})  # read forward in a clause of the future
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


@dataclass(frozen=True)
class FoundDate:
    start: int  # doc char offsets of the expression
    end: int
    value: EventDate
    clause: tuple[int, int] | None = None  # read forward: the char range of its "will" clause


def _year_for(month: int, day: int, pub: date | None, ahead: bool = False) -> int | None:
    """A month (and day) without a year: the latest one not much after the publication date;
    in a clause of the future ("will visit at the beginning of June"), any later one this year."""
    if pub is None:
        return None
    year = pub.year
    try:
        when = date(year, month, min(day, 28))
    except ValueError:
        return None
    return year - 1 if when > pub + timedelta(days=31) and not ahead else year


FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})


def _ahead(sent: SpacySpan, char: int) -> tuple[int, int] | None:
    """The char range of the clause with "will" that the date expression at ``char`` belongs to
    ("talks will be held at the beginning of June"): the first verb up its heads, or one it hangs
    from (xcomp, conj); None when there is none."""
    tok = next((t for t in sent if t.idx <= char < t.idx + len(t.text)), None)
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    for _ in range(3):
        if tok is None or tok.pos_ not in ("VERB", "AUX"):
            return None
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
            words = list(tok.subtree)
            return words[0].idx, words[-1].idx + len(words[-1].text)
        tok = tok.head if tok.dep_ in ("xcomp", "conj") else None
    return None


def _week_range(start: date) -> str:
    return f"{start.isoformat()}/{(start + timedelta(days=6)).isoformat()}"


def _resolve(kind: str, m: re.Match[str], pub: date | None, ahead: bool = False) -> tuple[str, str] | None:
    g = m.groupdict()
    month = MONTHS.get((g.get("month") or "").lower().rstrip("."))
    if kind in ("mdy", "dmy", "md", "dm"):
        day = int(g["day"])
        year = int(g["year"]) if g.get("year") else _year_for(month or 1, day, pub, ahead)
        if year is None or month is None:
            return None
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
    if kind == "week_of" and month:
        year = int(g["year"]) if g.get("year") else _year_for(month, 1, pub, ahead)
        if year is None:
            return None
        n = ORDINALS[g["ord"].lower()]
        last = calendar.monthrange(year, month)[1]
        first = date(year, month, 1) + timedelta(days=7 * (n - 1)) if n > 0 else date(year, month, last - 6)
        end = min(first + timedelta(days=6), date(year, month, last))
        return f"{first.isoformat()}/{end.isoformat()}", "range"
    if kind == "my" and month:
        return f"{int(g['year']):04d}-{month:02d}", "month"
    if kind == "month" and month:
        year = _year_for(month, 1, pub, ahead)
        if year and pub and m.group(0).lower().startswith("last") and (year, month) >= (pub.year, pub.month):
            year -= 1  # "last April" in a paper of March: the April before
        return (f"{year:04d}-{month:02d}", "month") if year else None
    if kind == "since_year":  # open-ended without a publication date (ISO 8601-2 "..")
        return f"{g['year']}/{pub.isoformat() if pub else '..'}", "range"
    if kind == "year_range":
        return f"{g['year']}/{g['year2']}", "range"
    if kind == "year":
        return g["year"], "year"
    if pub is None:
        return None
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else NUMBERS[g["n"].lower()]
        unit = g["unit"].lower()
        if unit == "day":
            return (pub - timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            return _week_range(pub - timedelta(days=7 * n + pub.weekday())), "range"
        if unit == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
            return f"{y:04d}-{mo + 1:02d}", "month"
        return str(pub.year - n), "year"
    if kind == "relative":
        rel = " ".join(g["rel"].lower().split())
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}
        if rel in shift:
            return (pub + timedelta(days=shift[rel])).isoformat(), "day"
        unit = rel.split()[-1]
        step = -1 if rel.startswith("last") else (1 if rel.startswith("next") else 0)
        if unit == "week":
            return _week_range(pub - timedelta(days=pub.weekday()) + timedelta(days=7 * step)), "range"
        if unit == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 + step, 12)
            return f"{y:04d}-{mo + 1:02d}", "month"
        return str(pub.year + step), "year"
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        back = (pub.weekday() - wd) % 7
        text = m.group(0).lower()
        if text.startswith("next"):
            return (pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)).isoformat(), "day"
        if text.startswith("last") and back == 0:
            back = 7
        return (pub - timedelta(days=back)).isoformat(), "day"
    return None


def find_dates(sent: SpacySpan, pub: date | None) -> list[FoundDate]:
    """Date expressions of a sentence, longest first where they overlap."""
    text, base = sent.text, sent.start_char
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            clause = _ahead(sent, base + s) if kind in YEARLESS else None
            resolved = _resolve(kind, m, pub, clause is not None)
            if resolved is None:
                continue
            taken.append((s, e))
            span = Span(base + s, base + e, m.group(0))
            value = EventDate(resolved[0], resolved[1], span)  # type: ignore[arg-type]
            found.append(FoundDate(base + s, base + e, value, clause))
    return sorted(found, key=lambda f: f.start)


def contains(outer: EventDate, inner: EventDate) -> bool:
    """Whether ``inner`` falls within ``outer`` (equal values included)."""
    lo, _, hi = outer.value.partition("/")
    hi = "9999" if hi == ".." else (hi or lo)
    ilo, _, ihi = inner.value.partition("/")
    ihi = "9999" if ihi == ".." else (ihi or ilo)
    return lo <= ilo[: len(lo)] and ihi[: len(hi)] <= hi


def compatible(a: EventDate | None, b: EventDate | None) -> bool:
    if a is None or b is None:
        return False
    return contains(a, b) or contains(b, a)


def pick(found: list[FoundDate], trigger_start: int) -> EventDate | None:
    """The date expression nearest the trigger in its sentence; a date read forward in a "will"
    clause only for a trigger inside that clause ("Macron will win on May 7 - but after Britain's
    vote to leave the EU ...": the vote is not dated May 7)."""
    found = [f for f in found if f.clause is None or f.clause[0] <= trigger_start < f.clause[1]]
    if not found:
        return None
    return min(found, key=lambda f: abs(f.start - trigger_start)).value


def after_publication(when: EventDate, published: date | None) -> bool:
    """True when the whole of ``when`` lies after the publication date: a report cannot have
    seen it happen ("Xi's visit to Switzerland from 15 to 18 January" in a paper of the 13th)."""
    if published is None:
        return False
    first = when.value.split("/")[0]
    parts = [int(p) for p in first.split("-")]
    if len(parts) == 3:
        return date(*parts) > published
    if len(parts) == 2:
        return (parts[0], parts[1]) > (published.year, published.month)
    return parts[0] > published.year
