"""``entente ingest`` and the list commands: idempotent runs, failures listed, kill -9 and resume,
filters, CSV and JSON output."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from entente.cli import main
from entente.store import open_store
from entente.store.schema import ALL_TABLES, copies
from store_helpers import UNRELATED, WIRE, WIRE_EDITED, varied_articles

SUMMIT = (
    "Ankara and Moscow edge closer\n\n"
    "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on "
    "12 March 2017, the Kremlin said. Greece accused Turkey of violating its airspace over the Aegean. "
    "Washington has not imposed new sanctions on Ankara, officials said."
)
VOLATILE = {"analysed_at", "at", "run"}  # times and run ids differ between runs


def write_folder(folder: Path, texts: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in texts.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def ingest(*args: str) -> Any:
    return CliRunner().invoke(main, ["ingest", *args])


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, without times and run ids, sorted."""
    out = {}
    with open_store(url) as store, store.engine.connect() as conn:
        for table in ALL_TABLES:
            columns = [c for c in table.columns if c.name not in VOLATILE]
            rows = conn.execute(select(*columns)).all()
            out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_folder(
        tmp_path / "docs",
        {
            "reuters.txt": WIRE,
            "tehran-times.txt": WIRE_EDITED,
            "euractiv.txt": UNRELATED,
            "summit.txt": SUMMIT,
            "empty.txt": "",
            "scan.txt": b"\x00\x01\x02PDF\x00\xff" * 40,
        },
    )


def test_ingest_twice_adds_nothing_and_lists_every_failure(store_url: str, folder: Path) -> None:
    first = ingest(str(folder), "--db", store_url)
    assert first.exit_code == 6, first.output
    assert "ingested: 4" in first.output and "duplicates: 1" in first.output
    assert "failed: 2" in first.output
    failed = [line for line in first.output.splitlines() if line.startswith("  ")]
    assert len(failed) == 2
    assert any("empty.txt" in line and "empty" in line for line in failed)
    assert any("scan.txt" in line and "binary" in line for line in failed)
    rows = snapshot(store_url)
    second = ingest(str(folder), "--db", store_url)
    assert second.exit_code == 6
    assert "ingested: 0" in second.output and "already there: 4" in second.output
    assert snapshot(store_url) == rows
    with open_store(store_url) as store:
        assert [Path(f["input"]).name for f in store.failures()] == ["empty.txt", "scan.txt"]
        assert store.counts()["articles"] == 4 and store.counts()["stories"] == 3


def test_a_clean_run_exits_0(tmp_path: Path) -> None:
    docs = write_folder(tmp_path / "docs", {"summit.txt": SUMMIT})
    result = ingest(str(docs), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 0, result.output
    assert "ingested: 1" in result.output and "failed: 0" in result.output


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store with the test folder in it, for the list commands."""
    root = tmp_path_factory.mktemp("listed")
    docs = write_folder(root / "docs", {"reuters.txt": WIRE, "summit.txt": SUMMIT, "euractiv.txt": UNRELATED})
    db = f"sqlite:///{root / 'entente.db'}"
    assert ingest(str(docs), "--db", db).exit_code == 0
    return db


def run_list(*args: str) -> Any:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_events_as_csv_with_filters(listed: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run_list("events", "--db", listed, "--format", "csv"))))
    assert rows and {"source", "type", "target", "status", "evidence_text", "day"} <= set(rows[0])
    accuse = list(
        csv.DictReader(
            io.StringIO(
                run_list("events", "--db", listed, "--actor", "GRC", "--type", "accuse", "--format", "csv")
            )
        )
    )
    assert [(r["source"], r["type"], r["target"]) for r in accuse] == [("GRC", "ACCUSE", "TUR")]
    negated = json.loads(run_list("events", "--db", listed, "--status", "negated", "--format", "json"))
    assert negated and all(r["status"] == "negated" for r in negated)
    march = json.loads(
        run_list("events", "--db", listed, "--from", "2017-03-01", "--to", "2017-03-31", "--format", "json")
    )
    assert march and all("2017-03-01" <= r["day"] <= "2017-03-31" for r in march)
    assert json.loads(run_list("events", "--db", listed, "--to", "1990-01-01", "--format", "json")) == []


def test_articles_quotes_actors_as_json_and_table(listed: str) -> None:
    found = json.loads(run_list("articles", "--db", listed, "--format", "json"))
    assert len(found) == 3 and all(len(a["id"]) == 16 for a in found)
    russia = json.loads(run_list("articles", "--db", listed, "--actor", "RUS", "--format", "json"))
    assert {Path(a["source"]).name for a in russia} == {"reuters.txt", "summit.txt"}
    actors = json.loads(run_list("actors", "--db", listed, "--format", "json"))
    assert {"RUS", "TUR", "IRN"} <= {a["id"] for a in actors}
    assert actors == sorted(actors, key=lambda a: (-a["mentions"], a["id"]))
    quotes = json.loads(run_list("quotes", "--db", listed, "--format", "json"))
    assert quotes and all(q["text"] for q in quotes)
    table = run_list("actors", "--db", listed, "--limit", "2").splitlines()
    assert table[0].split() == ["id", "name", "kind", "articles", "mentions"] and len(table) == 4


def test_listing_a_missing_store_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 7
    assert "E020" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "none.db").exists()


def test_kill_9_midway_then_rerun_ends_with_the_rows_of_one_run(tmp_path: Path) -> None:
    paragraphs = varied_articles(60)
    texts: dict[str, str | bytes] = {
        f"{i:02d}.txt": f"{paragraphs[i]}\n\n{paragraphs[i + 30]}" for i in range(30)
    }
    texts["empty.txt"] = ""
    docs = write_folder(tmp_path / "docs", texts)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    assert ingest(str(docs), "--db", reference).exit_code == 6

    killed_db = tmp_path / "killed.db"
    code = "from entente.cli import main; main()"
    args = [sys.executable, "-c", code, "ingest", str(docs), "--db", str(killed_db), "--batch-size", "1"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        stored = _articles(killed_db)
        if stored >= 3:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""
    at_kill = _articles(killed_db)
    assert 3 <= at_kill < 30, f"the kill came too late to test anything ({at_kill} articles stored)"

    again = ingest(str(docs), "--db", str(killed_db))
    assert again.exit_code == 6, again.output
    assert f"already there: {at_kill}" in again.output
    assert snapshot(f"sqlite:///{killed_db}") == snapshot(reference)


def _articles(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("select count(*) from articles").fetchone()[0])
    except sqlite3.Error:  # not created yet
        return 0


def test_two_workers_store_the_rows_of_one(tmp_path: Path) -> None:
    texts: dict[str, str | bytes] = {f"{i:02d}.txt": t for i, t in enumerate(varied_articles(12))}
    texts["summit.txt"] = SUMMIT
    docs = write_folder(tmp_path / "docs", texts)
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    assert ingest(str(docs), "--db", one, "--batch-size", "4").exit_code == 0
    result = ingest(str(docs), "--db", two, "--workers", "2", "--batch-size", "4")
    assert result.exit_code == 0, result.output
    assert snapshot(two) == snapshot(one)


def test_the_same_text_from_two_outlets_is_one_article_with_two_copies(
    store_url: str, tmp_path: Path
) -> None:
    feed = tmp_path / "wire.jsonl"
    records = [
        {"id": "ap", "text": WIRE, "outlet": "apnews.com", "published": "2017-02-06"},
        {"id": "yahoo", "text": WIRE, "outlet": "yahoo.com", "published": "2017-02-06"},
        {"id": "eu", "text": UNRELATED, "outlet": "euractiv.com", "published": "2017-02-07"},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    first = ingest(str(feed), "--db", store_url)
    assert first.exit_code == 0, first.output
    assert "ingested: 3" in first.output and "duplicates: 1" in first.output
    rows = snapshot(store_url)
    assert len(rows["articles"]) == 2 and len(rows["copies"]) == 3
    with open_store(store_url) as store, store.engine.connect() as conn:
        outlets = conn.execute(select(copies.c.outlet).order_by(copies.c.outlet)).scalars().all()
    assert outlets == ["apnews.com", "euractiv.com", "yahoo.com"]
    listed = json.loads(run_list("articles", "--db", store_url, "--format", "json"))
    assert sorted(a["copies"] for a in listed) == [1, 2]
    second = ingest(str(feed), "--db", store_url)
    assert "ingested: 0" in second.output and "already there: 3" in second.output
    assert snapshot(store_url) == rows
