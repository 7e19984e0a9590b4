"""Triads over an article's relations: balance and the reading a user needs."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from entente.records import Relation, Triad, TriadReading


def _reading(pair: tuple[str, str], third: str, s_a: str, s_b: str) -> TriadReading:
    a, b = pair
    if s_a == s_b:
        shared = "ties" if s_a == "+" else "hostility"
        text = f"shared {shared} to {third} pushes {a} and {b} together"
        return TriadReading(pair, third, "together", text)
    friend, foe = (a, b) if s_a == "+" else (b, a)
    text = f"{friend}'s ties to {third}, a foe of {foe}, hold {a} and {b} apart"
    return TriadReading(pair, third, "apart", text)


def find_triads(relations: Sequence[Relation]) -> tuple[Triad, ...]:
    """Every three actors related pairwise; balanced iff the product of the signs is positive.

    Each triad reads, for each of its pairs, whether the third actor pushes
    the pair together (it is a shared friend or a shared foe) or holds it
    apart (a friend of one and a foe of the other).
    """
    sign = {r.pair: r.sign for r in relations}
    actors = sorted({a for r in relations for a in r.pair})
    neighbours: dict[str, set[str]] = {a: set() for a in actors}
    for a, b in sign:
        neighbours[a].add(b)
        neighbours[b].add(a)
    out = []
    for a, b, c in combinations(actors, 3):
        if b not in neighbours[a] or c not in neighbours[a] or c not in neighbours[b]:
            continue
        s_ab, s_ac, s_bc = sign[(a, b)], sign[(a, c)], sign[(b, c)]
        negatives = [s_ab, s_ac, s_bc].count("-")
        reading = (
            _reading((a, b), c, s_ac, s_bc),
            _reading((a, c), b, s_ab, s_bc),
            _reading((b, c), a, s_ab, s_ac),
        )
        out.append(Triad((a, b, c), negatives % 2 == 0, (s_ab, s_ac, s_bc), reading))
    return tuple(out)
