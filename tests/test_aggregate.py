"""``dyad_days``: kept current by every write (new, duplicate, replaced by a newer version), equal to
a rebuild from ``events``, filled by migration 0002, and read by the aggregate queries."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, select

from entente.store import aggregate, open_store
from entente.store.engine import _config, normalise_url
from entente.store.schema import dyad_days
from entente.store.write import write_rows

TEXTS = {
    "a1": "Russia and Iran signed a naval agreement in Astrakhan while Azerbaijan protested loudly.",
    "a2": "Turkey hosted talks between Ukraine and Russia on grain shipments through the Black Sea.",
    # a1 again with one word changed: a near-copy, not canonical
    "a3": "Russia and Iran signed a naval agreement in Astrakhan while Azerbaijan protested strongly.",
}


def article(aid: str, version: str = "1.0", published: date = date(2023, 5, 3)) -> dict[str, Any]:
    return {
        "id": aid.ljust(16, "0"),
        "input_hash": aid.ljust(16, "0"),
        "source": f"{aid}.txt",
        "outlet": None,
        "url": None,
        "title": aid,
        "published": published,
        "date_source": None,
        "language": "en",
        "input_format": "text",
        "text": TEXTS[aid],
        "input": None,
        "warnings": [],
        "version": version,
        "schema_version": "1",
        "analysed_at": datetime(2026, 1, 1, tzinfo=UTC),
    }


def event(aid: str, seq: int, source: str, target: str | None, type_: str, quad: str, day: date | None,
          status: str = "asserted", intensity: float = 1.0) -> dict[str, Any]:  # fmt: skip
    return {
        "article_id": aid.ljust(16, "0"), "seq": seq, "source": source, "target": target, "type": type_,
        "quad_class": quad, "intensity": intensity, "status": status, "mode": None,
        "trigger_start": 0, "trigger_end": 6, "trigger_text": "signed",
        "evidence_start": 0, "evidence_end": 20, "evidence_text": "Russia and Iran signed",
        "date_value": None, "date_precision": None, "day": day, "place": None, "place_name": None,
        "attributed_to": None,
    }  # fmt: skip


def records(events: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {"mentions": [], "people": [], "quotes": [], "events": events, "relations": []}


D1, D2, D3 = date(2023, 5, 3), date(2023, 5, 4), date(2023, 6, 20)


def stored(bind: Any) -> list[tuple[Any, ...]]:
    with bind.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(select(dyad_days)))


def fill(url: str, version: str = "1.0") -> Any:
    store = open_store(url)
    writes = [
        ("a1", [event("a1", 0, "RUS", "IRN", "AGREE", "verbal_cooperation", D1, intensity=2.0),
                event("a1", 1, "AZE", "RUS", "DISAPPROVE", "verbal_conflict", D1, intensity=-2.0),
                event("a1", 2, "RUS", None, "CONSULT", "verbal_cooperation", D1)]),
        ("a2", [event("a2", 0, "TUR", "UKR", "CONSULT", "verbal_cooperation", D2),
                event("a2", 1, "IRN", "RUS", "AGREE", "verbal_cooperation", D3, status="hypothetical")]),
        ("a3", [event("a3", 0, "RUS", "IRN", "AGREE", "verbal_cooperation", D1, intensity=2.0)]),
    ]  # fmt: skip
    outcomes = []
    for aid, evs in writes:
        with store.engine.begin() as conn:
            outcomes.append(write_rows(conn, article(aid, version), records(evs), []).outcome)
    assert outcomes == ["new", "new", "duplicate"]
    return store


def test_writes_keep_dyad_days_current(store_url: str) -> None:
    with fill(store_url) as store:
        rows = {(r[0], r[1], r[2], r[3], r[5]): r[6:] for r in stored(store.engine)}
        # a1 and its near-copy a3 each count; only a1 is canonical
        assert rows[("RUS", "IRN", D1, "AGREE", "asserted")] == (2, 1, 4.0, 2.0)
        assert rows[("AZE", "RUS", D1, "DISAPPROVE", "asserted")] == (1, 1, -2.0, -2.0)
        assert ("RUS", None) not in {(k[0], k[1]) for k in rows}  # no target: not a dyad
        assert len(rows) == 4
        before = stored(store.engine)
        with store.engine.begin() as conn:
            assert aggregate.rebuild(conn) == 4
        assert stored(store.engine) == before


def test_a_newer_version_replaces_the_counts(store_url: str) -> None:
    with fill(store_url) as store:
        with store.engine.begin() as conn:
            evs = [event("a1", 0, "RUS", "IRN", "AGREE", "verbal_cooperation", D2, intensity=3.0)]
            assert write_rows(conn, article("a1", "2.0"), records(evs), []).outcome == "replaced"
        rows = {(r[0], r[1], r[2], r[3], r[5]): r[6:] for r in stored(store.engine)}
        assert rows[("RUS", "IRN", D1, "AGREE", "asserted")] == (1, 0, 2.0, 0.0)  # a3 only
        assert rows[("RUS", "IRN", D2, "AGREE", "asserted")] == (1, 1, 3.0, 3.0)
        assert ("AZE", "RUS", D1, "DISAPPROVE", "asserted") not in rows  # n fell to 0: gone
        after = stored(store.engine)
        with store.engine.begin() as conn:
            aggregate.rebuild(conn)
        assert stored(store.engine) == after


def test_the_queries(store_url: str) -> None:
    with fill(store_url) as store:
        e = store.engine
        may = aggregate.dyad_window_counts(e, date(2023, 5, 1), date(2023, 5, 31))
        assert [(r["a"], r["b"], r["quad_class"], r["n"]) for r in may] == [
            ("AZE", "RUS", "verbal_conflict", 1),
            ("RUS", "IRN", "verbal_cooperation", 2),
            ("TUR", "UKR", "verbal_cooperation", 1),
        ]
        unique = aggregate.dyad_window_counts(e, D1, D1, ["RUS", "IRN"], by=(), canonical_only=True)
        assert [(r["a"], r["b"], r["n"], r["intensity_sum"]) for r in unique] == [("RUS", "IRN", 1, 2.0)]
        both = aggregate.dyad_days(e, "IRN", "RUS")
        assert [(r["a"], r["day"], r["n"]) for r in both] == [("RUS", D1, 2), ("IRN", D3, 1)]
        assert aggregate.dyad_days(e, "IRN", "RUS", directed=True, status="asserted") == []
        series = aggregate.dyad_series(e, "RUS", "IRN", window="month")
        assert [(r["start"], r["n"]) for r in series] == [(date(2023, 5, 1), 2), (date(2023, 6, 1), 1)]
        weeks = aggregate.dyad_series(e, "RUS", "IRN", window="week", status=["asserted"])
        assert [(r["start"], r["n"]) for r in weeks] == [(date(2023, 5, 1), 2)]
        explain = aggregate.dyad_events(e, "RUS", "IRN", date_from=D1, date_to=D3)
        assert [(r["day"], r["source"], r["canonical"]) for r in explain] == [
            (D3, "IRN", True),
            (D1, "RUS", True),
            (D1, "RUS", False),
        ]
        assert len(aggregate.dyad_events(e, "RUS", "IRN", canonical_only=True, limit=1)) == 1


def test_migration_0002_fills_dyad_days_from_stored_events(store_url: str) -> None:
    with fill(store_url) as store:
        expected = stored(store.engine)
    engine = create_engine(normalise_url(store_url))
    try:
        with engine.begin() as conn:
            command.downgrade(_config(conn), "0001")
            command.upgrade(_config(conn), "head")
        assert stored(engine) == expected
    finally:
        engine.dispose()


def test_pair_day_counts_are_the_graphs_event_counts(store_url: str) -> None:
    """The rows entente.graph reads from raw events, from dyad_days instead."""
    queries = pytest.importorskip("entente.graph.queries")
    with fill(store_url) as store:
        mine = sorted(
            (r["a"], r["b"], r["day"], r["quad_class"], r["status"], int(r["n"]))
            for r in aggregate.pair_day_counts(store.engine)
        )
        frame = queries.event_counts_from_events(store.engine)
        theirs = sorted((a, b, d, q, s, int(n)) for a, b, d, q, s, n in frame.itertuples(index=False))
        assert mine == theirs
        assert ("IRN", "RUS", D1, "verbal_cooperation", "asserted", 1) in mine  # a3 is a copy
        pair = aggregate.pair_day_counts(store.engine, D3, D3, pair=("RUS", "IRN"))
        assert [(r["a"], r["b"], r["n"]) for r in pair] == [("IRN", "RUS", 1)]
