"""The alignment network endpoints, over :mod:`entente.graph`.

The scores, the network of a window, the dyad series, the trend, the blocs, the
triads and the third parties come from the graph package (``network``,
``dyad_series``, ``dyad_trend``, ``explain``, ``signed_blocs``, ``triads``: see
docs/alignment.md). This module turns them into JSON, and adds what the
dashboard needs on top: each evidence sentence with the offsets of its trigger
and of the pair's mentions inside it (to highlight them), read from the same
sources the graph counts (happened events, relational statements, quotes with
a stance; canonical articles only).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import networkx as nx
import pandas as pd
from sqlalchemy import Engine, String, and_, cast, func, or_, select

from entente import graph
from entente.graph.explain import reading
from entente.graph.network import signed_part
from entente.graph.series import Weights
from entente.store.schema import articles, events, mentions, quotes, relations

Period = Literal["day", "week", "month"]
Kind = Literal["event", "quote", "statement"]


@dataclass(frozen=True)
class Window:
    date_from: date | None = None
    date_to: date | None = None
    kind: Kind | None = None  # only this kind of evidence counts

    def weights(self) -> Weights | None:
        if self.kind is None:
            return None
        base = Weights()
        return Weights(
            event=base.event if self.kind == "event" else 0.0,
            quote=base.quote if self.kind == "quote" else 0.0,
            statement=base.statement if self.kind == "statement" else 0.0,
        )

    def json(self) -> dict[str, Any]:
        return {
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
        }


#: the most periods one series may hold (a day per period for ten years)
MAX_PERIODS = 3660
_DAYS = {"day": 1, "week": 7, "month": 30}


def clamp(store: Any, w: Window, period: Period) -> Window:
    """``w`` cut to the store's first and last day, so that a far-off bound costs nothing; 422 if
    the series would still be over :data:`MAX_PERIODS` periods long."""
    from entente.api.errors import ApiError
    from entente.graph import queries

    first, last = queries.extent(store.engine)
    if first is None or last is None:
        return w
    if w.date_to is not None and w.date_to < first:  # before the store: one empty day
        return Window(w.date_to, w.date_to, w.kind)
    if w.date_from is not None and w.date_from > last:  # after it
        return Window(w.date_from, w.date_from, w.kind)
    lo = max(w.date_from, first) if w.date_from else first
    hi = min(w.date_to, last) if w.date_to else last
    if hi < lo:  # from after to: nothing
        return w
    if (hi - lo).days // _DAYS[period] > MAX_PERIODS:
        raise ApiError(422, "too_many_periods", f"over {MAX_PERIODS} {period}s: ask for a longer period")
    return Window(lo, hi, w.kind)


def _num(x: Any) -> float:
    value = float(x)
    return round(value, 6) if math.isfinite(value) else 0.0


def _sign(value: float) -> str:
    return "+" if value > 0 else "-"


def _pieces(d: dict[str, Any], kind: Kind | None) -> int:
    counts = {"event": int(d["events"]), "quote": int(d["quotes"]), "statement": int(d["statements"])}
    return counts[kind] if kind else sum(counts.values())


def window_graph(store: Any, w: Window, min_n: int = 1) -> nx.Graph:
    """:func:`entente.graph.network` of the window, without edges whose evidence cancels or falls
    under ``min_n`` pieces (of the kind asked for)."""
    g = signed_part(graph.network(store, w.date_from, w.date_to, weights=w.weights()))
    weak = [(a, b) for a, b, d in g.edges(data=True) if _pieces(d, w.kind) < min_n or d["sign"] == 0]
    g.remove_edges_from(weak)
    g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
    return g


def _edge(a: str, b: str, d: dict[str, Any]) -> dict[str, Any]:
    x, y = sorted((a, b))
    return {
        "source": x,
        "target": y,
        "sign": "+" if d["sign"] > 0 else "-",
        "score": _num(d["score"]),
        "low": _num(d["score_low"]),
        "high": _num(d["score_high"]),
        "coop": _num(d["coop"]),
        "conflict": _num(d["conflict"]),
        "events": int(d["events"]),
        "quotes": int(d["quotes"]),
        "statements": int(d["statements"]),
        "n": int(d["events"]) + int(d["quotes"]) + int(d["statements"]),
    }


def network(store: Any, w: Window, *, min_n: int = 1, actor: str | None = None) -> dict[str, Any]:
    """Nodes (with their bloc), signed edges with score and interval, and the blocs."""
    g = window_graph(store, w, min_n)
    if actor is not None:
        g = g.subgraph({actor, *g.neighbors(actor)} if actor in g else set()).copy()
    blocs = graph.signed_blocs(g, seed=0)
    nodes = [
        {
            "id": n,
            "name": str(g.nodes[n].get("name", n)),
            "kind": g.nodes[n].get("kind"),
            "bloc": blocs.membership.get(n, 0),
            "degree": g.degree(n),
        }
        for n in sorted(g.nodes)
    ]
    edges = sorted(
        (_edge(a, b, d) for a, b, d in g.edges(data=True)), key=lambda e: (e["source"], e["target"])
    )
    return {"window": w.json(), "nodes": nodes, "edges": edges, "blocs": [list(b) for b in blocs.blocs]}


def blocs(store: Any, w: Window, min_n: int = 1) -> dict[str, Any]:
    g = window_graph(store, w, min_n)
    result = graph.signed_blocs(g, seed=0)
    out = []
    for i, members in enumerate(result.blocs):
        inside = g.subgraph(members)
        pos = sum(1 for *_, d in inside.edges(data=True) if d["sign"] > 0)
        out.append(
            {
                "bloc": i,
                "members": [{"id": m, "name": str(g.nodes[m].get("name", m))} for m in members],
                "positive_inside": pos,
                "negative_inside": inside.number_of_edges() - pos,
            }
        )
    across = [d["sign"] for a, b, d in g.edges(data=True) if result.membership[a] != result.membership[b]]
    return {
        "window": w.json(),
        "method": result.method,
        "blocs": out,
        "negative_across": sum(1 for s in across if s < 0),
        "positive_across": sum(1 for s in across if s > 0),
    }


def triad_list(store: Any, w: Window, actor: str | None, limit: int, min_n: int = 1) -> dict[str, Any]:
    g = window_graph(store, w, min_n)
    out = []
    for t in graph.triads(g):
        if actor is not None and actor not in t.actors:
            continue
        a, b, c = t.actors
        readings = []
        for (x, y), z in (((a, b), c), ((a, c), b), ((b, c), a)):
            sx, sy = int(g[x][z]["sign"]), int(g[y][z]["sign"])
            readings.append(
                {
                    "pair": [x, y],
                    "third": z,
                    "effect": "together" if sx * sy > 0 else "apart",
                    "text": reading(x, y, z, sx, sy),
                }
            )
        out.append(
            {
                "actors": list(t.actors),
                "signs": [_sign(s) for s in t.signs],
                "balanced": t.balanced,
                "reading": readings,
            }
        )
        if len(out) >= limit:
            break
    return {"window": w.json(), "triads": out}


def _source(s: Any) -> dict[str, Any]:
    return {
        "id": s.article_id,
        "title": s.title,
        "url": s.url,
        "outlet": s.outlet,
        "published": s.published.isoformat() if s.published else None,
    }


def explain(
    store: Any, pair: tuple[str, str], w: Window, period: Period = "month", limit: int = 5
) -> dict[str, Any]:
    """:func:`entente.graph.explain`: the relation, its trend, the evidence and the third parties."""
    a, b = pair
    w = clamp(store, w, period)
    x = graph.explain(store, a, b, w.date_from, w.date_to, window=period, limit=limit, weights=w.weights())

    def third(t: Any) -> dict[str, Any]:
        return {
            "third": t.actor,
            "name": t.name,
            "effect": t.effect,
            "text": t.reading,
            "sign_a": _sign(t.sign_a),
            "sign_b": _sign(t.sign_b),
            "strength": _num(t.weight),
            "balanced": t.balanced,
        }

    def item(e: Any) -> dict[str, Any]:
        return {
            "kind": e.kind,
            "sign": _sign(e.sign),
            "text": e.text or "",
            "detail": e.detail,
            "day": e.day.isoformat() if e.day else None,
            "article": _source(e.source),
        }

    r = x.relation
    return {
        "pair": [x.a, x.b],
        "names": list(x.names),
        "window": w.json(),
        "relation": {
            "coop": _num(r.coop),
            "conflict": _num(r.conflict),
            "score": _num(r.score),
            "low": _num(r.low),
            "high": _num(r.high),
        },
        "trend": {"direction": x.trend.direction, "p_value": _num(x.trend.p_value)},
        "together": [third(t) for t in x.together],
        "apart": [third(t) for t in x.apart],
        "evidence": [item(e) for e in x.evidence],
        "quotes": [item(e) for e in x.quotes],
        "not_counted": [item(e) for e in x.not_counted],
    }


# ------------------------------------------------------------------------------ a dyad over time


def _series_rows(frame: Any) -> list[dict[str, Any]]:
    out = []
    for row in frame.itertuples(index=False):
        out.append(
            {
                "start": row.window_start.isoformat(),
                "end": row.window_end.isoformat(),
                "coop": _num(row.coop),
                "conflict": _num(row.conflict),
                "events": int(row.events),
                "quotes": int(row.quotes),
                "statements": int(row.statements),
                "score": _num(row.score),
                "low": _num(row.score_low),
                "high": _num(row.score_high),
            }
        )
    return out


def _total(rows: list[dict[str, Any]]) -> dict[str, Any]:
    coop = sum(r["coop"] for r in rows)
    conflict = sum(r["conflict"] for r in rows)
    s = graph.dyad_score(coop, conflict)
    return {
        "coop": _num(coop),
        "conflict": _num(conflict),
        "n": sum(r["events"] + r["quotes"] + r["statements"] for r in rows),
        "score": _num(s.score),
        "low": _num(s.low),
        "high": _num(s.high),
    }


def _in_window(column: Any, w: Window) -> list[Any]:
    out = [articles.c.canonical.is_(True)]
    if w.date_from is not None:
        out.append(column >= w.date_from)
    if w.date_to is not None:
        out.append(column <= w.date_to)
    return out


def sentences(engine: Engine, pair: tuple[str, str], w: Window, limit: int) -> list[dict[str, Any]]:
    """The sentences behind the pair's score, newest first: happened events and relational
    statements, each with its trigger and the pair's mentions as offsets into the sentence."""
    x, y = pair
    items: list[dict[str, Any]] = []
    with engine.connect() as conn:
        if w.kind in (None, "event"):
            e = events.c
            stmt = (
                select(
                    e.article_id,
                    e.source,
                    e.target,
                    e.type,
                    e.quad_class,
                    e.status,
                    e.day,
                    e.trigger_start,
                    e.trigger_end,
                    e.trigger_text,
                    e.evidence_start,
                    e.evidence_end,
                    e.evidence_text,
                )
                .join(articles, articles.c.id == e.article_id)
                .where(
                    or_(and_(e.source == x, e.target == y), and_(e.source == y, e.target == x)),
                    e.status.in_(("asserted", "attributed")),
                    *_in_window(e.day, w),
                )
                .order_by(e.day.desc(), e.article_id, e.seq)
                .limit(limit)
            )
            for r in conn.execute(stmt):
                items.append(
                    {
                        "article_id": r.article_id,
                        "day": r.day,
                        "kind": "event",
                        "detail": f"{r.source} {r.type} {r.target} ({r.status})",
                        "sign": "+" if str(r.quad_class).endswith("coop") else "-",
                        "span": (r.trigger_start, r.trigger_end, r.trigger_text),
                        "sentence": (r.evidence_start, r.evidence_end, r.evidence_text),
                    }
                )
        if w.kind in (None, "statement"):
            rel = relations.c
            stmt = (
                select(rel.article_id, rel.evidence, articles.c.published)
                .join(articles, articles.c.id == rel.article_id)
                .where(
                    or_(and_(rel.actor_a == x, rel.actor_b == y), and_(rel.actor_a == y, rel.actor_b == x)),
                    *_in_window(articles.c.published, w),
                )
                .order_by(articles.c.published.desc(), rel.article_id, rel.seq)
                .limit(limit)
            )
            for rr in conn.execute(stmt):
                for ev in rr.evidence or []:
                    if ev.get("kind") != "statement":
                        continue
                    span, sent = ev.get("span") or {}, ev.get("sentence") or ev.get("span") or {}
                    items.append(
                        {
                            "article_id": rr.article_id,
                            "day": rr.published,
                            "kind": "statement",
                            "detail": f'"{span.get("text", "")}" {ev.get("detail", "")}'.strip(),
                            "sign": "+" if ev.get("sign") == "+" else "-",
                            "span": (span.get("start"), span.get("end"), span.get("text", "")),
                            "sentence": (sent.get("start"), sent.get("end"), sent.get("text", "")),
                        }
                    )
    items.sort(key=lambda i: (i["day"] or date.min, i["article_id"]), reverse=True)
    items = items[:limit]
    marks = _mentions(engine, {i["article_id"] for i in items}, pair)
    info = article_links(engine, {i["article_id"] for i in items})
    out = []
    for i in items:
        lo, hi, text = i["sentence"]
        text = text or ""
        trigger = None
        s0, s1, stext = i["span"]
        if lo is not None and s0 is not None and lo <= s0 and s1 - lo <= len(text):
            trigger = {"start": s0 - lo, "end": s1 - lo, "text": stext}
        actors_in = [
            {**m, "start": m["start"] - lo, "end": m["end"] - lo}
            for m in marks.get(i["article_id"], [])
            if lo is not None and hi is not None and lo <= m["start"] and m["end"] <= hi
        ]
        out.append(
            {
                "article": info.get(i["article_id"], {"id": i["article_id"]}),
                "day": i["day"].isoformat() if i["day"] else None,
                "kind": i["kind"],
                "detail": i["detail"],
                "sign": i["sign"],
                "sentence": text,
                "trigger": trigger,
                "actors": actors_in,
            }
        )
    return out


def _mentions(engine: Engine, ids: set[str], pair: tuple[str, str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not ids:
        return out
    m = mentions.c
    stmt = (
        select(m.article_id, m.actor_id, m.span_start, m.span_end, m.span_text)
        .where(m.article_id.in_(sorted(ids)), m.actor_id.in_(list(pair)))
        .order_by(m.article_id, m.span_start)
    )
    with engine.connect() as conn:
        for r in conn.execute(stmt):
            out[r.article_id].append(
                {"actor": r.actor_id, "start": r.span_start, "end": r.span_end, "text": r.span_text}
            )
    return out


def article_links(engine: Engine, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    a = articles.c
    stmt = select(a.id, a.title, a.url, a.outlet, a.published).where(a.id.in_(sorted(ids)))
    with engine.connect() as conn:
        return {
            r.id: {
                "id": r.id,
                "title": r.title,
                "url": r.url,
                "outlet": r.outlet,
                "published": r.published.isoformat() if r.published else None,
            }
            for r in conn.execute(stmt)
        }


def pair_quotes(engine: Engine, pair: tuple[str, str], w: Window, limit: int) -> list[dict[str, Any]]:
    """Quotes by a speaker for one of the pair that take a stance on the other (or name it)."""
    from entente.api.lists import like

    a, b = pair
    q = quotes.c
    named = [
        and_(
            q.speaker_actor == speaker,
            or_(
                cast(q.mentions, String).like(like(f'"{other}"'), escape="\\"),
                cast(q.stance, String).like(like(f'"{other}"'), escape="\\"),
            ),
        )
        for speaker, other in ((a, b), (b, a))
    ]
    stmt = (
        select(
            q.article_id,
            q.seq,
            q.speaker_name,
            q.speaker_actor,
            q.kind,
            q.text,
            q.stance,
            articles.c.published,
            articles.c.title,
            articles.c.url,
        )
        .join(articles, articles.c.id == q.article_id)
        .where(or_(*named), *_in_window(articles.c.published, w))
        .order_by(articles.c.published.desc(), q.article_id, q.seq)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [
            {
                "article_id": r.article_id,
                "seq": r.seq,
                "speaker_name": r.speaker_name,
                "speaker_actor": r.speaker_actor,
                "kind": r.kind,
                "text": r.text,
                "stance": {str(x): float(s) for x, s in (r.stance or [])},
                "published": r.published.isoformat() if r.published else None,
                "title": r.title,
                "url": r.url,
            }
            for r in conn.execute(stmt)
        ]


def dyad(
    store: Any, pair: tuple[str, str], w: Window, period: Period = "month", limit: int = 100
) -> dict[str, Any]:
    """:func:`entente.graph.dyad_series` and its trend, with the sentences, quotes and articles."""
    a, b = sorted(pair)
    w = clamp(store, w, period)
    frame = graph.dyad_series(store, a, b, w.date_from, w.date_to, window=period, weights=w.weights())
    series = _series_rows(frame)
    t = graph.dyad_trend(frame) if len(series) >= 2 else None
    said = sentences(store.engine, (a, b), w, limit)
    spoken = pair_quotes(store.engine, (a, b), w, limit) if w.kind in (None, "quote") else []
    links = {x["article"]["id"]: x["article"] for x in said}
    links.update(article_links(store.engine, {q["article_id"] for q in spoken} - set(links)))
    return {
        "pair": [a, b],
        "window": w.json(),
        "period": period,
        "total": _total(series),
        "trend": None if t is None else {"direction": t.direction, "p_value": _num(t.p_value)},
        "series": series,
        "evidence": said,
        "quotes": spoken,
        "articles": sorted(links.values(), key=lambda r: (r.get("published") or "", r["id"]), reverse=True),
    }


def actor_relations(store: Any, actor: str, w: Window, period: Period = "month") -> dict[str, Any]:
    """An actor's score with each partner per period (:func:`entente.graph.relations_table`)."""
    w = clamp(store, w, period)
    frame = graph.relations_table(store, w.date_from, w.date_to, window=period, weights=w.weights())
    if len(frame):
        frame = frame[(frame["a"] == actor) | (frame["b"] == actor)]
    by_partner: dict[str, list[Any]] = defaultdict(list)
    for row in frame.itertuples(index=False):
        by_partner[str(row.b if row.a == actor else row.a)].append(row)
    from entente.graph import queries

    names = queries.actor_info(store.engine, [actor, *by_partner])
    partners: list[dict[str, Any]] = []
    for other, rows in by_partner.items():
        series = _series_rows(pd.DataFrame(rows))
        partners.append(
            {"id": other, "name": names.get(other, (other, ""))[0], "total": _total(series), "series": series}
        )
    partners.sort(key=lambda p: (-p["total"]["n"], p["id"]))
    name, kind = names.get(actor, (actor, None))
    return {
        "actor": {"id": actor, "name": name, "kind": kind},
        "window": w.json(),
        "period": period,
        "partners": partners,
    }


def timeline(engine: Engine) -> dict[str, Any]:
    """The store's first and last publication day and articles per month (the time slider)."""
    a = articles.c
    with engine.connect() as conn:
        first, last = conn.execute(select(func.min(a.published), func.max(a.published))).one()
        stmt = select(a.published, func.count()).where(a.published.is_not(None)).group_by(a.published)
        per_day = list(conn.execute(stmt))
    months: dict[str, int] = defaultdict(int)
    for day, n in per_day:
        months[day.strftime("%Y-%m")] += int(n)
    return {
        "first": first.isoformat() if first else None,
        "last": last.isoformat() if last else None,
        "months": [{"month": m, "articles": n} for m, n in sorted(months.items())],
    }
