"""Why two actors stand where they do: the relation, its trend, the sentences and quotes behind
it with their articles, and the third parties that push the pair together or hold it apart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import pandas as pd

from entente.graph import queries, tally
from entente.graph.network import graph_from_rows
from entente.graph.score import DyadScore, dyad_score
from entente.graph.series import COUNT_COLUMNS, WEIGHTS, Weights, dyad_series, dyad_trend, engine_of
from entente.graph.trend import Trend
from entente.graph.windows import WindowSpec


@dataclass(frozen=True)
class Source:
    """The article a piece of evidence comes from."""

    article_id: str
    title: str | None
    url: str | None  # the URL, else the source it was read from (a path)
    outlet: str | None
    published: date | None


@dataclass(frozen=True)
class Evidence:
    """One sentence or quote bearing on the pair."""

    kind: Literal["event", "quote", "statement", "not counted"]
    sign: int  # +1 cooperation / alignment, -1 conflict / hostility
    text: str  # the sentence, or the quote
    detail: str  # "USA ACCUSE MEX (asserted)", "Sergei Lavrov (RUS) toward USA", the phrase
    day: date | None
    source: Source


@dataclass(frozen=True)
class ThirdParty:
    """An actor related to both: its sign with each, and what that does to the pair."""

    actor: str
    name: str
    sign_a: int
    sign_b: int
    effect: Literal["together", "apart"]
    balanced: bool | None  # of the triad with the pair's own sign; None when the pair has none
    weight: float  # the weaker of its two ties (|coop - conflict|)
    reading: str  # one line


@dataclass(frozen=True)
class Explanation:
    a: str
    b: str
    names: tuple[str, str]
    date_from: date | None
    date_to: date | None
    relation: DyadScore  # over the whole period
    counts: dict[str, float]  # the series' count columns summed
    series: pd.DataFrame  # per window (see entente.graph.series.dyad_series)
    trend: Trend
    evidence: tuple[Evidence, ...]  # events and statements, strongest first
    quotes: tuple[Evidence, ...]
    not_counted: tuple[Evidence, ...]  # hypothetical and negated events
    together: tuple[ThirdParty, ...]  # strongest first
    apart: tuple[ThirdParty, ...]


def _source(row: dict[str, Any]) -> Source:
    return Source(
        row["article_id"],
        row.get("title"),
        row.get("url") or row.get("article_source"),
        row.get("outlet"),
        row.get("published"),
    )


def reading(a: str, b: str, third: str, sign_a: int, sign_b: int) -> str:
    """One line on what ``third`` does to the pair (the wording of the per-article triads)."""
    if sign_a > 0 and sign_b > 0:
        return f"shared ties to {third} push {a} and {b} together"
    if sign_a < 0 and sign_b < 0:
        return f"shared hostility to {third} pushes {a} and {b} together"
    friend, foe = (a, b) if sign_a > 0 else (b, a)
    return f"{friend}'s ties to {third}, a foe of {foe}, hold {a} and {b} apart"


def third_parties(g: Any, a: str, b: str) -> tuple[list[ThirdParty], list[ThirdParty]]:
    """The actors tied to both ``a`` and ``b`` in ``g``: those that push them together and
    those that hold them apart, the strongest (by the weaker of the two ties) first."""
    if a not in g or b not in g:
        return [], []
    own = g[a][b]["sign"] if g.has_edge(a, b) else 0
    together: list[ThirdParty] = []
    apart: list[ThirdParty] = []
    for c in sorted(set(g[a]) & set(g[b]) - {a, b}, key=str):
        sa, sb = int(g[a][c]["sign"]), int(g[b][c]["sign"])
        if not sa or not sb:
            continue
        effect: Literal["together", "apart"] = "together" if sa * sb > 0 else "apart"
        item = ThirdParty(
            c,
            str(g.nodes[c].get("name", c)),
            sa,
            sb,
            effect,
            (own * sa * sb > 0) if own else None,
            min(float(g[a][c]["weight"]), float(g[b][c]["weight"])),
            reading(a, b, c, sa, sb),
        )
        (together if effect == "together" else apart).append(item)
    for group in (together, apart):
        group.sort(key=lambda t: (-t.weight, t.actor))
    return together, apart


def _dedupe(items: list[Evidence], limit: int) -> tuple[Evidence, ...]:
    seen, out = set(), []
    for item in items:
        key = (item.kind, " ".join(item.text.split()).lower())
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
        if len(out) >= limit:
            break
    return tuple(out)


def explain(
    store: Any,
    a: str,
    b: str,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    window: str | WindowSpec = "month",
    limit: int = 5,
    weights: Weights | None = None,
) -> Explanation:
    """The relation of ``a`` and ``b`` between two days and why (see :class:`Explanation`)."""
    engine = engine_of(store)
    w = weights or WEIGHTS
    pair = (a, b)
    series = dyad_series(store, a, b, date_from, date_to, window=window, weights=w)
    # the whole window's counts (undated evidence too): the pair's own, and its third parties';
    # the same counts network() reads, kept for the next call on the window
    found = tally.counts(engine, date_from, date_to)
    x, y = sorted((a, b))
    own = tally.scored(found.get((x, y), tally.ZERO), w)
    counts = {c: float(own[c]) for c in COUNT_COLUMNS}
    relation = dyad_score(counts["coop"], counts["conflict"])
    near = [{"a": p, "b": q, **tally.scored(v, w)} for (p, q), v in found.items() if {p, q} & {a, b}]
    ids = sorted({r["a"] for r in near} | {r["b"] for r in near} | {a, b})
    names_found = queries.actor_info(engine, ids)
    names = (names_found.get(a, (a, ""))[0], names_found.get(b, (b, ""))[0])

    def event_item(row: dict[str, Any], kind: Literal["event", "not counted"]) -> Evidence:
        sign = 1 if row["quad_class"] in queries.COOP else -1
        detail = f"{row['source']} {row['type']} {row['target']} ({row['status']}"
        detail += f", per {row['attributed_to']})" if row.get("attributed_to") else ")"
        return Evidence(kind, sign, row["evidence_text"], detail, row["day"], _source(row))

    happened = [
        event_item(r, "event")
        for r in queries.event_evidence(engine, pair, date_from, date_to, limit=limit * 6)
    ]
    statements = [
        Evidence(
            "statement",
            1 if r["sign"] == "+" else -1,
            r["sentence"] or r["phrase"],
            f'"{r["phrase"]}" ({r["detail"]})' if r["detail"] else f'"{r["phrase"]}"',
            r["published"],
            _source(r),
        )
        for r in queries.statement_evidence(engine, pair, date_from, date_to, limit=limit * 3)
    ]
    quotes = [
        Evidence(
            "quote",
            1 if r["stance_value"] > 0 else -1,
            r["text"],
            f"{r['speaker_name'] or 'unnamed'} ({r['speaker_actor']}) toward {r['toward']}: "
            f"{r['stance_value']:+.2f}",
            r["published"],
            _source(r),
        )
        for r in queries.quote_evidence(engine, pair, date_from, date_to, limit=limit * 3)
    ]
    not_counted = [
        event_item(r, "not counted")
        for r in queries.event_evidence(engine, pair, date_from, date_to, happened=False, limit=limit * 3)
    ]
    # the edges touching a or b: all that third_parties() reads of the window's network
    together, apart = third_parties(graph_from_rows(near, names_found), a, b)
    return Explanation(
        a,
        b,
        names,
        date_from,
        date_to,
        relation,
        counts,
        series,
        dyad_trend(series),
        _dedupe(statements[:limit] + happened, limit * 2),
        _dedupe(quotes, limit),
        _dedupe(not_counted, limit),
        tuple(together),
        tuple(apart),
    )
