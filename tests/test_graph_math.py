"""Signed-graph mathematics on small graphs whose answers were worked out by hand."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest

from entente.graph.balance import actor_balance, frustration_index, triads
from entente.graph.blocs import signed_blocs
from entente.graph.score import dyad_score, score_frame, wilson
from entente.graph.signed import edge_sign, from_relations, signed_graph
from entente.graph.trend import halves_test, mann_kendall, trend, two_proportions
from entente.records import Relation

# --- score and interval ---------------------------------------------------------------------
# Wilson, z = 1.96: centre = (p + z^2/2n) / (1 + z^2/n), half = z/(1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2)
# 8 of 10: z^2 = 3.8415; 1 + z^2/n = 1.38415; centre = (0.8 + 0.19208)/1.38415 = 0.71674;
#          half = 1.41600 * sqrt(0.016 + 0.0096038) = 1.41600 * 0.16001 = 0.22658 -> (0.49016, 0.94332);
#          on the score scale 2p - 1: (-0.01968, 0.88663), score 0.6.
# 1 of 1: centre = (1 + 1.92079)/4.84158 = 0.60327, half = 0.40481 * 0.97998 = 0.39673 -> (0.20655, 1.0)
# 80 of 100: the same share with ten times the evidence: (0.42234, 0.73327) on the score scale.


def test_wilson_by_hand() -> None:
    low, high = wilson(8, 10)
    assert low == pytest.approx(0.49016, abs=1e-4)
    assert high == pytest.approx(0.94332, abs=1e-4)
    assert wilson(1, 1)[0] == pytest.approx(0.20655, abs=1e-4)
    assert wilson(1, 1)[1] == pytest.approx(1.0)
    assert wilson(0, 0) == (0.0, 1.0)
    with pytest.raises(ValueError):
        wilson(3, 2)


def test_dyad_score_by_hand() -> None:
    s = dyad_score(8, 2)
    assert s.score == pytest.approx(0.6)
    assert (s.low, s.high) == (pytest.approx(-0.01968, abs=1e-4), pytest.approx(0.88663, abs=1e-4))
    many = dyad_score(80, 20)
    assert many.score == pytest.approx(0.6)
    assert (many.low, many.high) == (pytest.approx(0.42234, abs=1e-4), pytest.approx(0.73327, abs=1e-4))
    assert many.width < s.width  # more evidence, narrower interval
    one = dyad_score(1, 0)
    assert one.score == 1.0 and one.low == pytest.approx(2 * 0.20655 - 1, abs=2e-4)
    none = dyad_score(0, 0)
    assert (none.score, none.low, none.high) == (0.0, -1.0, 1.0)  # no evidence: anything goes


def test_score_frame_adds_columns() -> None:
    frame = score_frame(pd.DataFrame({"a": ["X"], "b": ["Y"], "coop": [8], "conflict": [2]}))
    assert list(frame.columns)[-3:] == ["score", "score_low", "score_high"]
    assert frame.loc[0, "score"] == pytest.approx(0.6)


# --- trend ----------------------------------------------------------------------------------
# 2 of 10 against 8 of 10: pooled p = 0.5, se = sqrt(0.25 * (1/10 + 1/10)) = 0.22361,
# z = 0.6 / 0.22361 = 2.68328, two-sided p = erfc(2.68328 / sqrt 2) = 0.00729.
# Mann-Kendall on 1, 2, 3, 4, 5: S = 10 (all ten pairs rise), var = 5*4*15/18 = 16.667,
# z = (10 - 1)/4.0825 = 2.20454, p = 0.02749.
# On 0.1, -0.1, 0.1, -0.1: S = -1 -1 +1 -1 = -2 (two tied pairs count 0); ties: two groups of 2,
# var = (4*3*13 - 2*(2*1*9))/18 = 6.667, z = (-2 + 1)/2.582 = -0.3873, p = 0.6985.


def test_two_proportions_by_hand() -> None:
    t = two_proportions(2, 10, 8, 10)
    assert t.z == pytest.approx(2.68328, abs=1e-4)
    assert t.p_value == pytest.approx(0.00729, abs=1e-4)
    assert t.direction == "warming"
    assert two_proportions(8, 10, 2, 10).direction == "cooling"


def test_mann_kendall_by_hand() -> None:
    rising = mann_kendall([1, 2, 3, 4, 5])
    assert rising.statistic == 10
    assert rising.z == pytest.approx(2.20454, abs=1e-4)
    assert rising.p_value == pytest.approx(0.02749, abs=1e-4)
    assert rising.direction == "warming"
    flat = mann_kendall([0.1, -0.1, 0.1, -0.1])
    assert flat.statistic == -2
    assert flat.z == pytest.approx(-1 / math.sqrt(120 / 18), abs=1e-6)
    assert flat.p_value == pytest.approx(0.6985, abs=1e-3)
    assert flat.direction == "steady"


def test_clear_warming_is_significant() -> None:
    # first half: 4 coop of 30; second half: 25 of 30 -> pooled 29/60, z = 0.7/0.12903 = 5.425
    windows = [(1, 9), (2, 8), (1, 9), (8, 2), (9, 1), (8, 2)]
    t = trend(windows)
    assert t.direction == "warming"
    assert t.halves.z == pytest.approx(5.425, abs=1e-3)
    assert t.p_value < 1e-6
    assert t.first_score == pytest.approx(2 * 4 / 30 - 1)
    assert t.second_score == pytest.approx(2 * 25 / 30 - 1)


def test_flat_noise_is_not_significant() -> None:
    windows = [(5, 5), (6, 4), (4, 6), (5, 5), (4, 6), (6, 4)]
    t = trend(windows)
    assert t.direction == "steady"
    assert t.p_value == pytest.approx(1.0)  # 15 of 30 in each half: z = 0
    assert t.mann_kendall.direction == "steady"


def test_few_events_cannot_make_a_trend() -> None:
    # 0 of 1 then 1 of 1: the share jumps from 0 to 1, yet z = 1/sqrt(0.25 * 2) = 1.414, p = 0.157
    t = halves_test([(0, 1), (1, 0)])
    assert t.z == pytest.approx(math.sqrt(2))
    assert t.direction == "steady"


# --- balance --------------------------------------------------------------------------------


def test_triads_and_actor_balance() -> None:
    # A-B +, A-C -, B-C -: balanced (+ - -); A-D +, B-D +: A-B-D (+ + +) balanced;
    # C-D +: A-C-D (- + +) unbalanced, B-C-D (- + +) unbalanced.
    g = signed_graph(
        [("A", "B", "+"), ("A", "C", "-"), ("B", "C", "-"), ("A", "D", "+"), ("B", "D", "+"), ("C", "D", "+")]
    )
    verdicts = {t.actors: t.balanced for t in triads(g)}
    assert verdicts == {
        ("A", "B", "C"): True,
        ("A", "B", "D"): True,
        ("A", "C", "D"): False,
        ("B", "C", "D"): False,
    }
    balance = actor_balance(g)
    assert (balance["A"].balanced, balance["A"].triads) == (2, 3)
    assert balance["C"].share == pytest.approx(1 / 3)
    assert balance["D"].share == pytest.approx(1 / 3)


def test_frustration_of_known_graphs() -> None:
    one_negative = signed_graph([("A", "B", "+"), ("B", "C", "+"), ("A", "C", "-")])
    f = frustration_index(one_negative)
    assert (f.index, f.method) == (1, "exact")
    assert len(f.frustrated) == 1

    two_blocs = signed_graph(
        [("A", "B", "+"), ("C", "D", "+"), ("A", "C", "-"), ("B", "D", "-"), ("A", "D", "-")]
    )
    f = frustration_index(two_blocs)
    assert f.index == 0
    assert f.colouring["A"] == f.colouring["B"] != f.colouring["C"] == f.colouring["D"]

    # all-negative K4: a 2-2 split leaves one negative edge inside each camp (2), a 3-1 split
    # three, no split six: the index is 2.
    k4 = signed_graph(
        [(a, b, "-") for a, b in [("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D")]]
    )
    assert frustration_index(k4).index == 2
    # components add up: K4 above plus a separate triangle with one negative edge
    both = nx.union(k4, nx.relabel_nodes(one_negative, {"A": "X", "B": "Y", "C": "Z"}))
    assert frustration_index(both).index == 3


def test_frustration_above_the_exact_limit_uses_the_bounded_heuristic() -> None:
    k4 = signed_graph(
        [(a, b, "-") for a, b in [("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D")]]
    )
    f = frustration_index(k4, exact_limit=3)
    assert (f.index, f.method) == (2, "local search")
    # two factions of 15, + inside and - across, with three planted sign errors: the planted
    # split frustrates exactly those 3, and moving any node across breaks more than 10 edges
    g = nx.Graph()
    left, right = [f"L{i}" for i in range(15)], [f"R{i}" for i in range(15)]
    for side in (left, right):
        for i, a in enumerate(side):
            for b in side[i + 1 :]:
                g.add_edge(a, b, sign="+")
    for a in left:
        for b in right:
            g.add_edge(a, b, sign="-")
    for a, b in [("L0", "L1"), ("R3", "R4"), ("L5", "R5")]:
        g[a][b]["sign"] = "-" if g[a][b]["sign"] == "+" else "+"
    f = frustration_index(g)
    assert (f.index, f.method) == (3, "local search")
    assert set(map(frozenset, f.frustrated)) == {
        frozenset(p) for p in [("L0", "L1"), ("R3", "R4"), ("L5", "R5")]
    }
    assert frustration_index(g, seed=7).index == 3


def test_edge_signs() -> None:
    assert [edge_sign({"sign": s}) for s in ("+", "-", 1, -2.5)] == [1, -1, 1, -1]
    assert edge_sign({"weight": -0.3}) == -1
    with pytest.raises(ValueError):
        edge_sign({"sign": 0})


def test_graph_from_relations() -> None:
    g = from_relations([Relation(("IRN", "RUS"), "+", 2.0), Relation(("IRN", "USA"), "-", 0.4)])
    assert g["IRN"]["RUS"] == {"sign": 1, "weight": 2.0}
    assert g["USA"]["IRN"]["sign"] == -1


# --- blocs ----------------------------------------------------------------------------------


def _factions() -> nx.Graph:
    left, right = ["A", "B", "C"], ["D", "E", "F"]
    edges = [(a, b, "+") for side in (left, right) for i, a in enumerate(side) for b in side[i + 1 :]]
    edges += [(a, b, "-") for a in left for b in right]
    return signed_graph(edges)


def test_blocs_of_two_clear_factions() -> None:
    blocs = signed_blocs(_factions(), seed=1)
    assert sorted(blocs.blocs) == [("A", "B", "C"), ("D", "E", "F")]
    assert blocs.membership["A"] == blocs.membership["C"] != blocs.membership["D"]
    assert signed_blocs(_factions(), seed=1) == blocs  # seeded: reproducible


def test_negative_ties_alone_split_a_pair() -> None:
    # Only a negative layer: A and B are enemies, nothing else.
    blocs = signed_blocs(signed_graph([("A", "B", "-")]))
    assert blocs.membership["A"] != blocs.membership["B"]


def test_blocs_weights_decide_a_torn_node() -> None:
    # X has a strong + tie to A (weight 5) and a weak + tie to D (weight 0.2), factions as above
    g = _factions()
    g.add_edge("X", "A", sign="+", weight=5.0)
    g.add_edge("X", "B", sign="+", weight=5.0)
    g.add_edge("X", "D", sign="+", weight=0.2)
    blocs = signed_blocs(g, seed=3)
    assert blocs.membership["X"] == blocs.membership["A"]
