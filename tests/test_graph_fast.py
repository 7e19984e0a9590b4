"""The graph's fast path (entente.graph.tally: counts in SQL from ``dyad_days``, no pandas, a window
kept under the store's data version) against the pandas reference it replaced, on SQLite and
PostgreSQL, and the data version that keeps what is kept honest.

The store is test_graph_store's five hand-made articles (February-March 2017: events of every
status, a quote with two stances, a relational statement, a syndicated copy) plus a few more
articles spread over the weeks, so that windows, weights and filters all have something to cut.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import networkx as nx
import pandas as pd
import pytest

from entente.graph import dyad_series, explain, network, queries, tally
from entente.graph.explain import third_parties
from entente.graph.network import edge_table, edge_table_reference, graph_from_table
from entente.graph.series import COUNT_COLUMNS, Weights, daily, dyad_series_reference
from entente.records import Quote
from entente.store import Store, aggregate, open_store
from entente.store.pairs import pair_totals
from entente.store.schema import meta
from entente.store.version import KEY, data_version
from store_helpers import WIRE, WIRE_EDITED, varied_articles
from test_graph_store import FEB, MAR, _analysis, _event, _span, corpus

EXTRA_TEXTS = varied_articles(8)[3:]
WEIGHTS = [Weights(), Weights(event=2.0, quote=0.25, statement=1.5)]


def _extra() -> list[Any]:
    """Five more articles, a week apart from 2017-02-10: events both ways, a quote, an undated day."""
    day = date(2017, 2, 10)
    out = []
    plans = [
        (("IRN", "AGREE", "RUS"), ("SAU", "ACCUSE", "IRN")),
        (("USA", "ACCUSE", "CHN"), ("RUS", "CONSULT", "USA")),
        (("IRN", "SUPPORT", "RUS"), ("RUS", "AGREE", "SAU")),
        (("CHN", "AGREE", "RUS"), ("USA", "ACCUSE", "IRN")),
        (("SAU", "CONSULT", "USA"), ("IRN", "ACCUSE", "USA")),
    ]
    for i, (text, plan) in enumerate(zip(EXTRA_TEXTS, plans, strict=True)):
        events = tuple(_event(s, k, t) for s, k, t in plan)
        quote = Quote(
            content=(_span("They cannot be trusted"),),
            kind="direct",
            speaker=_span("Zarif"),
            speaker_name="Javad Zarif",
            speaker_actor="IRN",
            stance=(("SAU", -0.6), ("USA", -0.4 if i % 2 else 0.3)),
        )
        out.append(_analysis(text, day + timedelta(days=7 * i), "Wire", f"extra{i}", events, (quote,)))
    return out


@pytest.fixture
def store(store_url: str) -> Store:
    s = open_store(store_url)
    for analysis in [*corpus(), *_extra()]:
        s.write(analysis)
    tally.clear()
    return s


BOUNDS = [
    (None, None),
    (FEB, MAR),
    (date(2017, 2, 1), date(2017, 2, 28)),
    (date(2017, 3, 1), date(2017, 3, 4)),
]


@pytest.mark.parametrize("bounds", BOUNDS)
def test_edge_table_is_the_reference(store: Store, bounds: tuple[date | None, date | None]) -> None:
    for weights in WEIGHTS:
        for actors in (None, ["RUS", "IRN", "SAU"]):
            for top in (None, 3):
                fast = edge_table(store, *bounds, actors=actors, top=top, weights=weights)
                ref = edge_table_reference(store, *bounds, actors=actors, top=top, weights=weights)
                assert list(fast.columns) == list(ref.columns)
                pd.testing.assert_frame_equal(fast.reset_index(drop=True), ref.reset_index(drop=True))


def _edges(g: nx.Graph) -> dict[tuple[str, str], dict[str, Any]]:
    return {tuple(sorted((a, b))): d for a, b, d in g.edges(data=True)}


@pytest.mark.parametrize("bounds", BOUNDS[:2])
def test_network_is_the_graph_of_the_reference(store: Store, bounds: tuple[date | None, date | None]) -> None:
    g = network(store, *bounds)
    ref = graph_from_table(edge_table_reference(store, *bounds))
    assert g.number_of_edges() == ref.number_of_edges() > 3
    assert _edges(g).keys() == _edges(ref).keys()
    for pair, data in _edges(ref).items():
        assert _edges(g)[pair] == pytest.approx(data)
    assert list(g.nodes) == list(ref.nodes)  # the same order: strongest first
    assert g.nodes["RUS"]["name"] == "Russia"


@pytest.mark.parametrize("window", ["month", "week", "10d"])
def test_dyad_series_is_the_reference(store: Store, window: str) -> None:
    for a, b in (("RUS", "IRN"), ("USA", "IRN"), ("SAU", "CHN")):
        for bounds in BOUNDS:
            for weights in WEIGHTS:
                fast = dyad_series(store, a, b, *bounds, window=window, weights=weights)
                ref = dyad_series_reference(store, a, b, *bounds, window=window, weights=weights)
                pd.testing.assert_frame_equal(fast, ref)


def test_explain_counts_and_third_parties_are_the_reference(store: Store) -> None:
    for bounds in BOUNDS[:3]:
        for a, b in (("IRN", "RUS"), ("USA", "IRN"), ("SAU", "USA")):
            x = explain(store, a, b, *bounds)
            days = daily(store, *bounds, pair=(a, b))
            assert x.counts == {c: float(days[c].sum()) for c in COUNT_COLUMNS}
            g = graph_from_table(edge_table_reference(store, *bounds), queries.actor_info(store.engine))
            together, apart = third_parties(g, a, b)
            assert (x.together, x.apart) == (tuple(together), tuple(apart))
    x = explain(store, "IRN", "RUS", FEB, MAR)
    assert x.together and x.apart  # the store has both kinds: the comparison above is not empty


def test_pair_totals_are_the_sums_of_pair_day_counts(store: Store) -> None:
    for bounds in BOUNDS:
        for by_day in (False, True):
            expected: dict[tuple[Any, ...], list[int]] = {}
            for r in aggregate.pair_day_counts(store.engine, *bounds):
                key = (r["a"], r["b"], r["day"]) if by_day else (r["a"], r["b"])
                v = expected.setdefault(key, [0] * 8)
                if r["status"] in ("asserted", "attributed"):
                    v[tally.BASE.index(r["quad_class"])] += int(r["n"])
                v[tally.BASE.index(r["status"])] += int(r["n"])
            found = {
                tuple(row[: 3 if by_day else 2]): [int(n) for n in row[3 if by_day else 2 :]]
                for row in pair_totals(store.engine, *bounds, by_day=by_day)
            }
            assert found == expected


def test_a_window_is_kept_until_a_write(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    before = network(store, FEB, MAR)
    version = data_version(store.engine)
    assert version is not None

    def unreachable(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the window was read again")

    with monkeypatch.context() as m:  # kept: the same answer without reading the store
        m.setattr(tally, "pair_totals", unreachable)
        assert _edges(network(store, FEB, MAR)) == _edges(before)
    # an ingest writes: a new article with a new pair and more evidence on an old one
    text = varied_articles(9)[8]
    store.write(
        _analysis(
            text,
            date(2017, 3, 10),
            "Wire",
            "later",
            (_event("CHN", "AGREE", "SAU"), _event("RUS", "ACCUSE", "IRN")),
        )
    )
    assert data_version(store.engine) != version
    after = network(store, FEB, MAR)
    assert ("CHN", "SAU") in _edges(after) and ("CHN", "SAU") not in _edges(before)
    assert _edges(after)[("IRN", "RUS")]["conflict"] == _edges(before)[("IRN", "RUS")]["conflict"] + 1
    assert explain(store, "SAU", "CHN", FEB, MAR).counts["events"] == 1
    assert _edges(after) == _edges(graph_from_table(edge_table_reference(store, FEB, MAR)))


def test_a_store_without_a_data_version_is_read_each_time(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.engine.begin() as conn:
        conn.execute(meta.delete().where(meta.c.key == KEY))
    assert data_version(store.engine) is None
    calls: list[int] = []
    real = tally.pair_totals

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(tally, "pair_totals", counted)
    network(store, FEB, MAR)
    network(store, FEB, MAR)
    assert len(calls) == 2


def test_every_write_and_a_rebuild_change_the_data_version(store: Store) -> None:
    seen = {data_version(store.engine)}
    store.write(_analysis(varied_articles(10)[9], date(2017, 3, 20), "Blog", "quiet"))  # no events
    seen.add(data_version(store.engine))
    with store.engine.begin() as conn:
        aggregate.rebuild(conn)
    seen.add(data_version(store.engine))
    assert len(seen) == 3 and None not in seen


def _extent_by_aggregates(store: Store) -> tuple[date | None, date | None]:
    """The store's extent as min/max over the join (what queries.extent computed before)."""
    from sqlalchemy import func, select

    from entente.store.schema import articles, events

    canonical = articles.c.canonical.is_(True)
    with store.engine.connect() as conn:
        ev = conn.execute(
            select(func.min(events.c.day), func.max(events.c.day))
            .select_from(events.join(articles, articles.c.id == events.c.article_id))
            .where(canonical)
        ).one()
        ar = conn.execute(
            select(func.min(articles.c.published), func.max(articles.c.published)).where(canonical)
        ).one()
    days = [d for d in (*ev, *ar) if d is not None]
    return (min(days), max(days)) if days else (None, None)


def test_extent_skips_the_days_of_syndicated_copies_only(store_url: str) -> None:
    s = open_store(store_url)
    assert queries.extent(s.engine) == (None, None)
    s.write(_analysis(WIRE, date(2017, 2, 6), "Reuters", "wire", (_event("RUS", "AGREE", "IRN"),)))
    # the copy's events are dated before and after everything else: it is not canonical
    early, late = (
        _event("USA", "ACCUSE", "IRN", when="2016-12-01"),
        _event("USA", "AGREE", "SAU", when="2018-01-05"),
    )
    assert (
        s.write(_analysis(WIRE_EDITED, date(2017, 2, 7), "Copy", "copy", (early, late))).outcome
        == "duplicate"
    )
    assert queries.extent(s.engine) == _extent_by_aggregates(s) == (date(2017, 2, 6), date(2017, 2, 6))
    s.write(
        _analysis(
            varied_articles(1)[0],
            date(2017, 3, 1),
            "Blog",
            "later",
            (_event("CHN", "ACCUSE", "USA", when="2016-11-30"),),
        )
    )
    assert queries.extent(s.engine) == _extent_by_aggregates(s) == (date(2016, 11, 30), date(2017, 3, 1))
