"""Signed-graph mathematics for the alignment network (pure functions; see docs/alignment.md).

- :mod:`entente.graph.signed`: edge conventions, graphs from relations
- :mod:`entente.graph.score`: a dyad's score with a Wilson interval
- :mod:`entente.graph.trend`: warming / cooling, with a significance test
- :mod:`entente.graph.balance`: triads, per-actor balance, frustration index
- :mod:`entente.graph.blocs`: signed blocs (Leiden, positive and negative layers)

Across the store (read through SQLAlchemy Core, never a Doc):

- :mod:`entente.graph.series`: dyad series per window, the relations table, trends
- :mod:`entente.graph.network`: the network of a period, its balance, balance per window
- :mod:`entente.graph.explain`: a pair's relation, evidence and third parties
- :mod:`entente.graph.queries`: every query of the store, in one module
- :mod:`entente.graph.tally`: a window's counts per pair (SQL on ``dyad_days``, no pandas), kept
  under the store's data version until the next write
"""

from entente.graph.balance import Frustration, actor_balance, frustration_index, triads
from entente.graph.blocs import Blocs, signed_blocs
from entente.graph.explain import Evidence, Explanation, ThirdParty, explain
from entente.graph.network import Balance, balance, balance_series, edge_table, network
from entente.graph.score import DyadScore, dyad_score, score_frame, wilson
from entente.graph.series import Weights, dyad_series, dyad_trend, relations_table
from entente.graph.signed import from_relations, signed_graph
from entente.graph.trend import Trend, mann_kendall, trend, two_proportions
from entente.graph.windows import WindowSpec, parse_window

__all__ = [
    "Balance",
    "Blocs",
    "DyadScore",
    "Evidence",
    "Explanation",
    "Frustration",
    "ThirdParty",
    "Trend",
    "Weights",
    "WindowSpec",
    "actor_balance",
    "balance",
    "balance_series",
    "dyad_score",
    "dyad_series",
    "dyad_trend",
    "edge_table",
    "explain",
    "from_relations",
    "frustration_index",
    "mann_kendall",
    "network",
    "parse_window",
    "relations_table",
    "score_frame",
    "signed_blocs",
    "signed_graph",
    "trend",
    "triads",
    "two_proportions",
    "wilson",
]
