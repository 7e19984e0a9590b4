"""A synthetic store: N events with realistic actor and time distributions, written fast (no NLP).

    python bench/synth_store.py --events 1000000 --db sqlite:////tmp/synth.db
    python bench/synth_store.py --events 1000000 --db postgresql://postgres@127.0.0.1:5432/synth

What it looks like (all draws from one seeded generator, so the same arguments give the same store):

- **actors**: 150 ids from entente's knowledge base (a head of frequently reported states and
  organisations, then other states), popularity Zipf-like (weight 1/rank^1.1): the top ten take
  about 40 % of the event ends;
- **pairs clustered**: each actor has 8 usual partners (drawn by popularity); an event's target
  is one of the source's partners 80 % of the time, else any actor by popularity;
- **time**: ``--years`` (default 3) of days from ``--start``; articles per day follow weekly
  seasonality (weekends at about half a weekday), a slow upward trend and a few bursts of news;
  an event's day is its article's publication day, or 1-6 days before it for 15 % of events;
- **events**: PLOVER types from entente's ``plover.yaml`` with their quad class and intensity;
  quad classes in shares verbal cooperation 45 %, material cooperation 12 %, verbal conflict
  30 %, material conflict 13 %; statuses asserted 72 %, attributed 18 %, hypothetical 7 %,
  negated 3 %; 5 % of events have no target (one-sided);
- **articles**: 1-8 events each (mean about 3, all about one focal dyad for half of them);
  10 % are syndicated copies of an article of the last week (same events, ``canonical`` false,
  a ``duplicates`` row), as wire copies are.

Rows go in with bulk inserts of 20,000 (COPY on PostgreSQL), then ``dyad_days`` is rebuilt from
``events`` in one statement. Prints the counts and the seconds taken.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

HEAD = ["USA", "RUS", "CHN", "UKR", "ISR", "IRN", "TUR", "GBR", "FRA", "DEU", "EU", "UN", "NATO", "IND",
        "PAK", "SAU", "SYR", "PRK", "KOR", "JPN", "QAT", "EGY", "IRQ", "AFG", "POL", "BLR", "VEN", "BRA",
        "ZAF", "AUS"]  # fmt: skip
QUADS = {"verbal_coop": 0.45, "material_coop": 0.12, "verbal_conflict": 0.30, "material_conflict": 0.13}
STATUSES = {"asserted": 0.72, "attributed": 0.18, "hypothetical": 0.07, "negated": 0.03}
WEEKDAY = [1.0, 1.08, 1.06, 1.02, 0.95, 0.52, 0.45]  # Monday first
CHUNK = 20_000
VERSION = "synthetic"


def actor_ids(n: int) -> list[str]:
    from entente.actors.kb import default_kb

    kb = default_kb()
    ids = [a for a in HEAD if a in kb.actors]
    states = sorted(a for a, x in kb.actors.items() if x.kind == "state" and a not in ids)
    return (ids + states)[:n]


def plover_types() -> dict[str, list[tuple[str, float]]]:
    path = Path(__file__).resolve().parents[1] / "src/entente/events/data/plover.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))["categories"]
    out: dict[str, list[tuple[str, float]]] = {}
    for name, cat in spec.items():
        out.setdefault(cat["quad_class"], []).append((name, float(cat["intensity"])))
    return out


class Generator:
    def __init__(self, seed: int, n_actors: int, start: date, years: int) -> None:
        self.rng = random.Random(seed)
        self.actors = actor_ids(n_actors)
        self.weights = [1 / (rank + 1) ** 1.1 for rank in range(len(self.actors))]
        self.partners = {
            a: [p for p in self.rng.choices(self.actors, self.weights, k=12) if p != a][:8]
            or [self.actors[0]]
            for a in self.actors
        }
        self.types = plover_types()
        days = [start + timedelta(days=i) for i in range(365 * years)]
        bursts = set(self.rng.sample(range(len(days)), k=max(1, len(days) // 60)))
        self.days = days
        self.day_weights = [
            WEEKDAY[d.weekday()] * (1 + 0.5 * i / len(days)) * (3.0 if i in bursts else 1.0)
            for i, d in enumerate(days)
        ]

    def actor(self) -> str:
        return self.rng.choices(self.actors, self.weights)[0]

    def target(self, source: str) -> str:
        if self.rng.random() < 0.8:
            return self.rng.choice(self.partners[source])
        while (t := self.actor()) == source:
            pass
        return t

    def event(self, source: str, target: str | None, published: date) -> dict[str, Any]:
        r = self.rng
        quad = r.choices(list(QUADS), list(QUADS.values()))[0]
        type_, intensity = r.choice(self.types[quad])
        day = published - timedelta(days=r.randint(1, 6)) if r.random() < 0.15 else published
        return {
            "source": source, "target": target, "type": type_, "quad_class": quad,
            "intensity": intensity, "status": r.choices(list(STATUSES), list(STATUSES.values()))[0],
            "mode": None, "trigger_start": 10, "trigger_end": 16, "trigger_text": type_.lower(),
            "evidence_start": 0, "evidence_end": 40,
            "evidence_text": f"{source} {type_.lower()} {target or ''} (synthetic)",
            "date_value": None, "date_precision": None, "day": day, "place": None, "place_name": None,
            "attributed_to": None,
        }  # fmt: skip

    def articles(self, n_events: int) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]], str | None]]:
        """``(article row, its events, the story it copies or None)`` until ``n_events`` are made."""
        r, made, i = self.rng, 0, 0
        recent: list[tuple[str, date, list[dict[str, Any]]]] = []
        now = datetime(2026, 1, 1, tzinfo=UTC)
        while made < n_events:
            i += 1
            aid = f"{i:016x}"
            if recent and r.random() < 0.10:
                story, published, events = r.choice(recent[-200:])
                copied = [dict(e) for e in events]
                copy_of: str | None = story
            else:
                published = r.choices(self.days, self.day_weights)[0]
                k = min(8, max(1, int(r.expovariate(1 / 3.0)) + 1))
                source = self.actor()
                focal = self.target(source)
                copied = []
                for _ in range(k):
                    if r.random() < 0.5:
                        s, t = (source, focal) if r.random() < 0.6 else (focal, source)
                    else:
                        s = self.actor()
                        t = self.target(s)
                    copied.append(self.event(s, None if r.random() < 0.05 else t, published))
                copy_of = None
                recent.append((aid, published, copied))
                if len(recent) > 400:
                    del recent[:200]
            events = [{**e, "article_id": aid, "seq": s} for s, e in enumerate(copied[: n_events - made])]
            made += len(events)
            row = {
                "id": aid, "input_hash": aid, "source": f"synthetic:{i}", "outlet": f"o{r.randint(1, 60)}",
                "url": None, "title": f"Synthetic article {i}", "published": published, "date_source": "item",
                "language": "en", "input_format": "text", "text": f"Synthetic article {i}.", "input": None,
                "warnings": [], "version": VERSION, "schema_version": "1", "analysed_at": now,
                "story_id": copy_of or aid, "canonical": copy_of is None,
            }  # fmt: skip
            yield row, events, copy_of


def _copy(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL COPY of ``rows`` into ``table`` (text format)."""
    import json

    columns = [c.name for c in table.columns]

    def cell(v: Any) -> str:
        if v is None:
            return "\\N"
        if isinstance(v, bool):
            return "t" if v else "f"
        if isinstance(v, list | dict):
            v = json.dumps(v)
        return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")

    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(cell(row.get(c)) for c in columns) + "\n")
    raw = conn.connection.dbapi_connection
    with raw.cursor() as cur, cur.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        copy.write(buffer.getvalue())


def build(url: str, n_events: int, seed: int = 7, n_actors: int = 150, start: date = date(2021, 1, 1),
          years: int = 3) -> dict[str, Any]:  # fmt: skip
    from sqlalchemy import func, select

    from entente.store import aggregate, open_store
    from entente.store.schema import actors, articles, duplicates, events

    started = time.perf_counter()
    gen = Generator(seed, n_actors, start, years)
    store = open_store(url, version=VERSION)
    engine = store.engine
    postgres = engine.dialect.name == "postgresql"
    from entente.actors.kb import default_kb

    kb = default_kb()
    with engine.begin() as conn:
        conn.execute(
            actors.insert(),
            [
                {"id": a, "name": kb.actor(a).name, "kind": kb.actor(a).kind, "of_actor": None}
                for a in gen.actors
            ],
        )
    batches: dict[str, list[dict[str, Any]]] = {"articles": [], "events": [], "duplicates": []}
    tables = {"articles": articles, "events": events, "duplicates": duplicates}
    counts = dict.fromkeys(batches, 0)

    def flush(conn: Any) -> None:
        for name in ("articles", "duplicates", "events"):  # parents first
            rows = batches[name]
            if rows:
                if postgres:
                    _copy(conn, tables[name], rows)
                else:
                    conn.execute(tables[name].insert(), rows)
                counts[name] += len(rows)
                rows.clear()

    with engine.begin() as conn:
        for row, evs, copy_of in gen.articles(n_events):
            batches["articles"].append(row)
            batches["events"].extend(evs)
            if copy_of:
                batches["duplicates"].append(
                    {"article_id": row["id"], "story_id": copy_of, "canonical_id": copy_of, "similarity": 0.9}
                )
            if len(batches["events"]) >= CHUNK:
                flush(conn)
        flush(conn)
    inserted = time.perf_counter() - started
    with engine.begin() as conn:
        dyad_rows = aggregate.rebuild(conn)
    if postgres:
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    with engine.connect() as conn:
        days = conn.execute(select(func.min(events.c.day), func.max(events.c.day))).one()
    store.close()
    return {
        **counts,
        "dyad_days": dyad_rows,
        "actors": len(gen.actors),
        "first_day": str(days[0]),
        "last_day": str(days[1]),
        "insert_seconds": round(inserted, 1),
        "total_seconds": round(time.perf_counter() - started, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument(
        "--db", required=True, help="sqlite:///path.db or postgresql://... (an empty database)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--actors", type=int, default=150)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2021, 1, 1))
    parser.add_argument("--years", type=int, default=3)
    args = parser.parse_args(argv)
    result = build(args.db, args.events, args.seed, args.actors, args.start, args.years)
    for key, value in result.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
