"""Warming or cooling of a dyad over windows, with a test that tells change from noise.

Two tests, both two-sided:

- :func:`halves_test`: the share of cooperation in the first half of the
  windows against the second half, a two-proportion z-test on the pooled
  counts. It weighs each window by how much evidence it has, so a quiet
  window cannot fake a trend.
- :func:`mann_kendall`: the Mann-Kendall test on the window scores (a
  monotonic trend of any shape, each window counting once; ties corrected).

:func:`trend` runs both and calls the direction from the halves test.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from entente.graph.score import dyad_score

Direction = Literal["warming", "cooling", "steady"]


def normal_two_sided(z: float) -> float:
    """P(|Z| >= |z|) for a standard normal Z."""
    return math.erfc(abs(z) / math.sqrt(2))


@dataclass(frozen=True)
class Significance:
    statistic: float  # z (halves) or S (Mann-Kendall)
    z: float
    p_value: float
    direction: Direction  # the sign of the change, "steady" when not significant


def _direction(z: float, p: float, alpha: float) -> Direction:
    if p >= alpha or z == 0:
        return "steady"
    return "warming" if z > 0 else "cooling"


def two_proportions(k1: float, n1: float, k2: float, n2: float, alpha: float = 0.05) -> Significance:
    """Two-proportion z-test of ``k2/n2`` against ``k1/n1`` (pooled standard error)."""
    if n1 <= 0 or n2 <= 0:
        return Significance(0.0, 0.0, 1.0, "steady")
    p1, p2 = k1 / n1, k2 / n2
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return Significance(0.0, 0.0, 1.0, "steady")
    z = (p2 - p1) / se
    p = normal_two_sided(z)
    return Significance(z, z, p, _direction(z, p, alpha))


def halves_test(windows: Sequence[tuple[float, float]], alpha: float = 0.05) -> Significance:
    """``windows``: (coop, conflict) per window, in time order; an odd middle window is left out."""
    half = len(windows) // 2
    first, second = windows[:half], windows[len(windows) - half :]
    k1, k2 = sum(c for c, _ in first), sum(c for c, _ in second)
    n1, n2 = sum(c + f for c, f in first), sum(c + f for c, f in second)
    return two_proportions(k1, n1, k2, n2, alpha)


def mann_kendall(values: Sequence[float], alpha: float = 0.05) -> Significance:
    """Mann-Kendall trend test: S = sum of sign(x_j - x_i) over i < j, normal approximation."""
    n = len(values)
    if n < 3:
        return Significance(0.0, 0.0, 1.0, "steady")
    s = 0
    for i in range(n - 1):
        for j in range(i + 1, n):
            d = values[j] - values[i]
            s += (d > 0) - (d < 0)
    ties: dict[float, int] = {}
    for v in values:
        ties[v] = ties.get(v, 0) + 1
    var = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties.values())) / 18
    if var <= 0:
        return Significance(float(s), 0.0, 1.0, "steady")
    z = (s - 1) / math.sqrt(var) if s > 0 else (s + 1) / math.sqrt(var) if s < 0 else 0.0
    p = normal_two_sided(z)
    return Significance(float(s), z, p, _direction(z, p, alpha))


@dataclass(frozen=True)
class Trend:
    direction: Direction
    p_value: float  # of the halves test
    halves: Significance
    mann_kendall: Significance
    first_score: float
    second_score: float


def trend(windows: Sequence[tuple[float, float]], alpha: float = 0.05) -> Trend:
    """Warming / cooling / steady over ``windows`` of (coop, conflict) counts in time order."""
    halves = halves_test(windows, alpha)
    scores = [dyad_score(c, f).score for c, f in windows if c + f > 0]
    mk = mann_kendall(scores, alpha)
    half = len(windows) // 2
    first, second = windows[:half], windows[len(windows) - half :]
    s1 = dyad_score(sum(c for c, _ in first), sum(f for _, f in first)).score
    s2 = dyad_score(sum(c for c, _ in second), sum(f for _, f in second)).score
    return Trend(halves.direction, halves.p_value, halves, mk, s1, s2)
