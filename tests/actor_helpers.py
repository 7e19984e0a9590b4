"""Shared by the actor tests: checking that the mentions at a surface form resolve as expected."""

from __future__ import annotations

import re
from collections.abc import Iterable

from entente.records import ActorMention


def occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Where ``form`` ('Chad', or 'Chad@2' for the second one only) occurs in ``text`` as whole words."""
    base, _, nth = form.partition("@")
    found = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)" + re.escape(base) + r"(?!\w)", text)]
    if nth:
        return found[int(nth) - 1 : int(nth)]
    return found


def check_form(mentions: Iterable[ActorMention], offset: int, text: str, form: str, want: str | None) -> str:
    """'' when every occurrence of ``form`` in ``text`` resolves as wanted, else what went wrong.

    ``text`` starts at ``offset`` in the analysed document. ``want`` is an actor id: a mention
    overlapping the occurrence must resolve to it; or None: no overlapping mention may resolve
    to any actor (the form is not an actor here).
    """
    mentions = list(mentions)
    spots = occurrences(text, form)
    if not spots:
        return f"{form!r} does not occur in the text"
    problems = []
    for start, end in spots:
        start, end = start + offset, end + offset
        over = [m for m in mentions if m.span.start < end and m.span.end > start]
        got = [(m.span.text, m.actor_id) for m in over]
        ok = all(m.actor_id is None for m in over) if want is None else any(m.actor_id == want for m in over)
        if not ok:
            problems.append(f"{form!r} at {start}: want {want}, got {got or 'no mention'}")
    return "; ".join(problems)
