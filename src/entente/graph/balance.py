"""Structural balance of a signed graph: triads, per-actor balance, the frustration index.

The frustration index is the least number of edges whose removal (equivalently,
whose sign flip) leaves the graph balanced: a split of the nodes into two camps
with every positive edge inside a camp and every negative edge across. It is
the minimum, over 2-colourings ``s``, of the edges with ``sign != s_u * s_v``,
and adds up over connected components. A component of at most ``exact_limit``
nodes is solved exactly by trying every colouring (vectorised, 2^(n-1) of
them: the mirror image of a colouring frustrates the same edges); a larger one
by a bounded local search (``restarts`` random colourings, each improved by
single-node flips until none helps, at most ``max_passes`` passes), which
gives an upper bound.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Literal

import networkx as nx
import numpy as np

from entente.graph.signed import edge_sign

#: components up to this many nodes are solved exactly (2^19 colourings at most)
EXACT_LIMIT = 20
RESTARTS = 64
MAX_PASSES = 100

Method = Literal["exact", "local search", "exact+local search"]


@dataclass(frozen=True)
class TriadVerdict:
    actors: tuple[Any, Any, Any]  # sorted
    signs: tuple[int, int, int]  # of (a, b), (a, c), (b, c)
    balanced: bool


def triads(g: nx.Graph) -> list[TriadVerdict]:
    """Every triangle of ``g``, balanced iff the product of its signs is positive."""
    out = []
    nodes = sorted(g.nodes, key=str)
    rank = {n: i for i, n in enumerate(nodes)}
    for a in nodes:
        higher = sorted((n for n in g[a] if rank[n] > rank[a]), key=rank.__getitem__)
        for b, c in combinations(higher, 2):
            if g.has_edge(b, c):
                signs = (edge_sign(g[a][b]), edge_sign(g[a][c]), edge_sign(g[b][c]))
                out.append(TriadVerdict((a, b, c), signs, signs[0] * signs[1] * signs[2] > 0))
    return out


@dataclass(frozen=True)
class ActorBalance:
    balanced: int
    triads: int

    @property
    def share(self) -> float | None:
        return self.balanced / self.triads if self.triads else None


def actor_balance(g: nx.Graph) -> dict[Any, ActorBalance]:
    """For each node: how many of the triads it is in are balanced."""
    counts = {n: [0, 0] for n in g.nodes}
    for t in triads(g):
        for n in t.actors:
            counts[n][1] += 1
            counts[n][0] += int(t.balanced)
    return {n: ActorBalance(b, k) for n, (b, k) in counts.items()}


@dataclass(frozen=True)
class Frustration:
    index: int  # edges to remove to balance the graph (exact, or an upper bound)
    method: Method
    colouring: dict[Any, int]  # node -> +1 / -1: the two camps found
    frustrated: tuple[tuple[Any, Any], ...]  # the edges that disagree with the colouring


def _frustrated(edges: list[tuple[int, int, int]], colours: list[int]) -> int:
    return sum(1 for u, v, s in edges if colours[u] * colours[v] != s)


def _exact(n: int, edges: list[tuple[int, int, int]]) -> list[int]:
    if n == 1 or not edges:
        return [1] * n
    # colourings with node 0 fixed to +1: rows are the integers 0 .. 2^(n-1)-1 in binary
    codes = np.arange(2 ** (n - 1), dtype=np.int64)
    best_count, best_code = None, 0
    chunk = 1 << 16
    for start in range(0, len(codes), chunk):
        block = codes[start : start + chunk]
        bits = ((block[:, None] >> np.arange(n - 1)) & 1).astype(np.int8)
        colours = np.concatenate([np.ones((len(block), 1), dtype=np.int8), 1 - 2 * bits], axis=1)
        bad = np.zeros(len(block), dtype=np.int32)
        for u, v, s in edges:
            bad += (colours[:, u] * colours[:, v] != s).astype(np.int32)
        i = int(np.argmin(bad))
        if best_count is None or int(bad[i]) < best_count:
            best_count, best_code = int(bad[i]), int(block[i])
    return [1] + [1 - 2 * ((best_code >> k) & 1) for k in range(n - 1)]


def _local(n: int, edges: list[tuple[int, int, int]], restarts: int, max_passes: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for u, v, s in edges:
        adj[u].append((v, s))
        adj[v].append((u, s))
    best: list[int] = [1] * n
    best_count = _frustrated(edges, best)
    for _ in range(restarts):
        colours = [rng.choice((1, -1)) for _ in range(n)]
        for _ in range(max_passes):
            improved = False
            for u in rng.sample(range(n), n):
                # flipping u changes each incident edge's state: gain = frustrated now - satisfied now
                gain = sum(1 if colours[u] * colours[v] != s else -1 for v, s in adj[u])
                if gain > 0:
                    colours[u] = -colours[u]
                    improved = True
            if not improved:
                break
        count = _frustrated(edges, colours)
        if count < best_count:
            best, best_count = colours, count
    return best


def frustration_index(
    g: nx.Graph,
    exact_limit: int = EXACT_LIMIT,
    restarts: int = RESTARTS,
    max_passes: int = MAX_PASSES,
    seed: int = 0,
) -> Frustration:
    """The frustration index of ``g``: exact per component up to ``exact_limit`` nodes, else a bound."""
    colouring: dict[Any, int] = {}
    methods = set()
    for component in nx.connected_components(g):
        nodes = sorted(component, key=str)
        idx = {node: i for i, node in enumerate(nodes)}
        edges = [(idx[u], idx[v], edge_sign(d)) for u, v, d in g.subgraph(nodes).edges(data=True)]
        if len(nodes) <= exact_limit:
            colours = _exact(len(nodes), edges)
            methods.add("exact")
        else:
            colours = _local(len(nodes), edges, restarts, max_passes, seed)
            methods.add("local search")
        colouring.update({node: colours[i] for node, i in idx.items()})
    frustrated = tuple(
        (u, v) for u, v, d in g.edges(data=True) if colouring[u] * colouring[v] != edge_sign(d)
    )
    method: Method = (
        "exact+local search"
        if len(methods) == 2
        else "local search"
        if "local search" in methods
        else "exact"
    )
    return Frustration(len(frustrated), method, colouring, frustrated)
