"""One-to-one matching of gold entries with system items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

G = TypeVar("G")
S = TypeVar("S")


def match_one_to_one(
    gold: Sequence[G], system: Sequence[S], score: Callable[[G, S], float | None]
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, best score first; ``score`` is ``None`` for no match."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            value = score(g, s)
            if value is not None:
                candidates.append((-value, gi, si))
    candidates.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, gi, si in candidates:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return sorted(pairs)
