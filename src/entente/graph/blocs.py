"""Signed blocs: Leiden community detection on a positive and a negative layer.

The graph is split into two igraph layers over the same nodes - positive edges
and negative edges, each with its strength as weight - and
``leidenalg.find_partition_multiplex`` optimises modularity on both with
``layer_weights=[1, -1]``: positive ties are rewarded inside a bloc, negative
ties are rewarded across blocs (the leidenalg documentation's recipe for
negative links). The seed makes the result reproducible.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import igraph as ig
import leidenalg
import networkx as nx

from entente.graph.signed import edge_sign, edge_weight


@dataclass(frozen=True)
class Blocs:
    membership: dict[Any, int]  # node -> bloc number (0 is the largest bloc)
    blocs: tuple[tuple[Any, ...], ...]  # the blocs, largest first, nodes sorted
    improvement: float  # the quality gained by the optimiser
    method: str


def _layer(n: int, edges: list[tuple[int, int, float]]) -> ig.Graph:
    layer = ig.Graph(n=n, edges=[(u, v) for u, v, _ in edges])
    layer.es["weight"] = [w for _, _, w in edges]
    return layer


def signed_blocs(g: nx.Graph, seed: int = 0, n_iterations: int = -1) -> Blocs:
    """Blocs of a signed graph (edge ``sign`` and optional ``weight``), reproducible with ``seed``."""
    nodes = sorted(g.nodes, key=str)
    if not nodes:
        return Blocs({}, (), 0.0, "none")
    idx = {n: i for i, n in enumerate(nodes)}
    pos = [(idx[u], idx[v], edge_weight(d)) for u, v, d in g.edges(data=True) if edge_sign(d) > 0]
    neg = [(idx[u], idx[v], edge_weight(d)) for u, v, d in g.edges(data=True) if edge_sign(d) < 0]
    layers, weights = [], []
    if pos:
        layers.append(_layer(len(nodes), pos))
        weights.append(1.0)
    if neg:
        layers.append(_layer(len(nodes), neg))
        weights.append(-1.0)
    if not layers:
        membership = list(range(len(nodes)))
        improvement = 0.0
    else:
        membership, improvement = leidenalg.find_partition_multiplex(
            layers,
            leidenalg.ModularityVertexPartition,
            layer_weights=weights,
            n_iterations=n_iterations,
            seed=seed,
            weights="weight",
        )
    groups: dict[int, list[Any]] = {}
    for node, m in zip(nodes, membership, strict=True):
        groups.setdefault(m, []).append(node)
    ordered = sorted(groups.values(), key=lambda grp: (-len(grp), str(grp[0])))
    renumber = {node: i for i, grp in enumerate(ordered) for node in grp}
    return Blocs(
        renumber,
        tuple(tuple(grp) for grp in ordered),
        float(improvement),
        "leiden multiplex (positive layer +1, negative layer -1)",
    )
