"""Signed graphs as networkx graphs: the edge conventions shared by balance and blocs.

An edge carries ``sign`` ("+" / "-", or a number whose sign counts) and an
optional ``weight`` (its strength, > 0; 1 when absent).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from entente.records import Relation


def edge_sign(data: Mapping[str, Any]) -> int:
    """+1 or -1 from an edge's ``sign`` (falling back on the sign of ``weight``)."""
    value = data.get("sign", data.get("weight", 1))
    if isinstance(value, str):
        if value.strip() in ("+", "+1", "1"):
            return 1
        if value.strip() in ("-", "-1"):
            return -1
        raise ValueError(f"not a sign: {value!r}")
    number = float(value)
    if number == 0:
        raise ValueError("an edge of sign 0 is not a signed edge")
    return 1 if number > 0 else -1


def edge_weight(data: Mapping[str, Any]) -> float:
    """An edge's strength (> 0): ``abs(weight)``, 1 when absent."""
    w = abs(float(data.get("weight", 1.0)))
    return w if w > 0 else 1.0


def signed_graph(edges: Iterable[tuple[str, str, str | float]]) -> nx.Graph:
    """A graph from ``(a, b, sign)`` triples; ``sign`` is "+"/"-" or a signed number (its weight)."""
    g = nx.Graph()
    for a, b, s in edges:
        if isinstance(s, str):
            g.add_edge(a, b, sign=edge_sign({"sign": s}), weight=1.0)
        else:
            g.add_edge(a, b, sign=edge_sign({"sign": s}), weight=abs(float(s)))
    return g


def from_relations(relations: Iterable[Relation]) -> nx.Graph:
    """The signed graph of an article's (or a window's) relations."""
    g = nx.Graph()
    for r in relations:
        g.add_edge(r.pair[0], r.pair[1], sign=1 if r.sign == "+" else -1, weight=r.weight or 1.0)
    return g
