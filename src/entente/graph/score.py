"""A dyad's signed score with an uncertainty, from counts of cooperative and conflictual evidence.

``p`` is the share of cooperation among the evidence, ``score = 2p - 1`` in
[-1, +1], and its interval is the Wilson score interval of ``p`` mapped the
same way. See docs/alignment.md for the formula and why it was chosen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

#: z of a two-sided 95% interval
Z95 = 1.959963984540054


@dataclass(frozen=True)
class DyadScore:
    coop: float
    conflict: float
    score: float  # 2p - 1; 0 when there is no evidence
    low: float  # the interval's ends on the same scale
    high: float

    @property
    def n(self) -> float:
        return self.coop + self.conflict

    @property
    def width(self) -> float:
        return self.high - self.low


def wilson(k: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion ``k / n``; ``(0, 1)`` when ``n == 0``.

    Counts may be weighted (non-integer); ``n`` then acts as the sample size.
    """
    if n < 0 or k < 0 or k > n:
        raise ValueError(f"need 0 <= k <= n, got k={k}, n={n}")
    if n == 0:
        return 0.0, 1.0
    p = k / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = (z / denom) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def dyad_score(coop: float, conflict: float, z: float = Z95) -> DyadScore:
    """Score of a dyad from its cooperative and conflictual evidence (counts or weights)."""
    if coop < 0 or conflict < 0:
        raise ValueError("counts must be non-negative")
    n = coop + conflict
    low, high = wilson(coop, n, z)
    score = 2 * coop / n - 1 if n else 0.0
    return DyadScore(coop, conflict, score, 2 * low - 1, 2 * high - 1)


def score_frame(
    frame: pd.DataFrame, coop: str = "coop", conflict: str = "conflict", z: float = Z95
) -> pd.DataFrame:
    """``frame`` with ``score``, ``score_low``, ``score_high`` columns added from its count columns."""
    out = frame.copy()
    scores = [dyad_score(float(c), float(k), z) for c, k in zip(out[coop], out[conflict], strict=True)]
    out["score"] = [s.score for s in scores]
    out["score_low"] = [s.low for s in scores]
    out["score_high"] = [s.high for s in scores]
    return out
