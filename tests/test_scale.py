"""``entente ingest --dask``: a real LocalCluster of 2 workers gives the rows of a serial run;
complete Parquet partitions are merged without being analysed again; re-runs add nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from entente.cli import main
from entente.scale import parquet
from entente.store import open_store
from entente.store.schema import AGGREGATE_TABLES, ALL_TABLES

pytest.importorskip("distributed")

# Twelve short reports written for this test: actors, quotes and events of several kinds; the
# last is a re-post of the first (a near-duplicate: same story, not canonical).
DOCUMENTS = {
    "01-caspian.txt": (
        "Caspian pact signed\n\n"
        "Russia and Iran signed a naval cooperation agreement in Astrakhan on 3 May 2023, the "
        "Kremlin said. Iranian Foreign Minister Hossein Amir-Abdollahian said the two navies would "
        "hold joint patrols. Azerbaijan criticised the deal and summoned the Russian ambassador."
    ),
    "02-grain.txt": (
        "Turkey brokers grain talks\n\n"
        "Turkey hosted talks between Ukraine and Russia on grain shipments in Istanbul on Tuesday. "
        "Ankara said both delegations agreed to meet again next month. The United Nations welcomed "
        "the meeting and promised to send observers."
    ),
    "03-sanctions.txt": (
        "New sanctions on Minsk\n\n"
        "The European Union imposed sanctions on Belarus on Friday over the detention of "
        'opposition activists. "This is a message to Minsk," the EU foreign policy chief said. '
        "Belarus accused Brussels of interfering in its internal affairs."
    ),
    "04-border.txt": (
        "Clashes on the border\n\n"
        "India accused China of sending troops across the disputed border in Ladakh on Sunday. "
        "Beijing denied the claim and said Indian soldiers had provoked the clash. Washington "
        "urged both countries to show restraint."
    ),
    "05-aid.txt": (
        "Aid for Khartoum\n\n"
        "Egypt sent humanitarian aid to Sudan on Wednesday as fighting continued in Khartoum. "
        "Saudi Arabia and the United States called for a ceasefire. Cairo said it would keep its "
        "border crossings open for refugees."
    ),
    "06-visit.txt": (
        "Lula in Beijing\n\n"
        "Brazilian President Luiz Inacio Lula da Silva met Chinese President Xi Jinping in Beijing "
        "on 14 April 2023. Brazil and China signed fifteen trade agreements, the Chinese foreign "
        "ministry said."
    ),
    "07-drills.txt": (
        "Drills near Taiwan\n\n"
        "China held military drills around Taiwan on Saturday after the Taiwanese president "
        "returned from the United States. Taipei condemned the exercises. Japan said it was "
        "watching the situation closely."
    ),
    "08-expel.txt": (
        "Diplomats expelled\n\n"
        "Poland expelled three Russian diplomats on Thursday, accusing them of spying. Moscow "
        "said it would respond in kind. Lithuania and Latvia expressed support for Warsaw."
    ),
    "09-mediation.txt": (
        "Qatar mediates\n\n"
        "Qatar mediated talks between Israel and Hamas in Doha on Monday. Egyptian officials said "
        "the sides might agree to a truce. Israel said it would not negotiate under fire."
    ),
    "10-gas.txt": (
        "Gas deal\n\n"
        "Germany signed a long-term gas supply agreement with Qatar on Tuesday. Berlin said the "
        "deal would reduce its dependence on Russian energy. Norway promised to raise its exports "
        "to Germany as well."
    ),
    "11-summit.txt": (
        "Summit in Nairobi\n\n"
        "Kenya hosted a summit of East African leaders in Nairobi on Friday. Ethiopia and Somalia "
        "agreed to cooperate on border security, the Kenyan government said. Eritrea did not "
        "attend."
    ),
    "12-caspian-repost.txt": (
        "Russia, Iran seal Caspian pact\n\n"
        "Russia and Iran signed a naval cooperation agreement in Astrakhan on 3 May 2023, the "
        "Kremlin said. Iranian Foreign Minister Hossein Amir-Abdollahian said the two navies would "
        "hold joint patrols. Azerbaijan criticised the deal and summoned the Russian ambassador."
    ),
}
COMPARED = ("articles", "actors", "mentions", "people", "quotes", "events", "relations", "duplicates")
VOLATILE = {"analysed_at", "at", "run"}


def write_corpus(folder: Path) -> Path:
    folder.mkdir()
    for name, text in DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    tables = {t.name: t for t in (*ALL_TABLES, *AGGREGATE_TABLES)}
    out = {}
    with open_store(url) as store, store.engine.connect() as conn:
        for name in (*COMPARED, "dyad_days"):
            table = tables[name]
            columns = [c for c in table.columns if c.name not in VOLATILE]
            out[name] = sorted((tuple(r) for r in conn.execute(select(*columns))), key=repr)
    return out


def ingest(*args: str) -> Any:
    result = CliRunner().invoke(main, ["ingest", *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A serial run and a --dask run (LocalCluster, 2 workers, partitions of 4) of the corpus."""
    root = tmp_path_factory.mktemp("scale")
    corpus = write_corpus(root / "news")
    serial = f"sqlite:///{root / 'serial.db'}"
    dask = f"sqlite:///{root / 'dask.db'}"
    parts = root / "parquet"
    ingest(str(corpus), "--db", serial)
    first = ingest(str(corpus), "--db", dask, "--dask", "local", "--workers", "2",
                   "--partition-size", "4", "--parquet", str(parts))  # fmt: skip
    return {"root": root, "corpus": corpus, "serial": serial, "dask": dask, "parquet": parts, "first": first}


def test_dask_gives_the_rows_of_a_serial_run(runs: dict[str, Any]) -> None:
    serial, dask = rows(runs["serial"]), rows(runs["dask"])
    assert len(serial["articles"]) == 12
    assert serial["events"], "the corpus must give events"
    assert serial["quotes"] and serial["mentions"] and serial["duplicates"]
    for name in serial:
        assert dask[name] == serial[name], name
    assert "3 partitions analysed, 0 complete" in runs["first"].output


def test_the_parquet_layout(runs: dict[str, Any]) -> None:
    root: Path = runs["parquet"]
    markers = sorted((root / parquet.MARKERS).glob("*.json"))
    assert len(markers) == 3
    for kind in parquet.KINDS:
        assert len(list((root / kind).glob("part-*.parquet"))) == 3, kind
    keys = [m.stem for m in markers]
    events = [r for k in keys for r in parquet.read_rows(root, "events", k)]
    with open_store(runs["serial"]) as store, store.engine.connect() as conn:
        stored = conn.execute(select(*store_columns("events"))).all()
    assert sorted(tuple(r[c] for c in parquet.schema("events").names) for r in events) == sorted(
        tuple(r) for r in stored
    )


def store_columns(name: str) -> list[Any]:
    table = {t.name: t for t in ALL_TABLES}[name]
    return [table.c[n] for n in parquet.schema(name).names]


def test_a_second_dask_run_adds_nothing(runs: dict[str, Any]) -> None:
    before = rows(runs["dask"])
    again = ingest(str(runs["corpus"]), "--db", runs["dask"], "--dask", "local", "--workers", "2",
                   "--partition-size", "4", "--parquet", str(runs["parquet"]))  # fmt: skip
    assert "ingested: 0" in again.output
    assert "already there: 12" in again.output
    assert rows(runs["dask"]) == before


def test_complete_partitions_are_not_analysed_again(runs: dict[str, Any]) -> None:
    """An interrupted run left partitions on disk: a new run merges them and analyses the rest."""
    root: Path = runs["parquet"]
    markers = sorted((root / parquet.MARKERS).glob("*.json"))
    stamps = {p: p.stat().st_mtime_ns for p in (root / "events").glob("*.parquet")}
    markers[0].unlink()  # this partition was cut short: its marker is missing
    fresh = f"sqlite:///{runs['root'] / 'resumed.db'}"
    resumed = ingest(str(runs["corpus"]), "--db", fresh, "--dask", "local", "--workers", "2",
                     "--partition-size", "4", "--parquet", str(root))  # fmt: skip
    assert "1 partitions analysed, 2 complete" in resumed.output
    changed = [p for p, t in stamps.items() if p.stat().st_mtime_ns != t]
    assert [p.name for p in changed] == [f"part-{markers[0].stem}.parquet"]
    assert rows(fresh) == rows(runs["serial"])


class LazyFuture:
    def __init__(self, run: Any) -> None:
        self.run = run

    def result(self) -> Any:
        return self.run()

    def release(self) -> None:
        pass


class InProcessClient:
    """Runs each submitted partition when its result is asked for, counting what is in flight."""

    def __init__(self) -> None:
        self.submitted = 0

    def submit(self, fn: Any, *args: Any, key: str, pure: bool, **kwargs: Any) -> LazyFuture:
        self.submitted += 1
        return LazyFuture(lambda: fn(*args, **kwargs))

    def register_plugin(self, plugin: Any) -> None:
        pass


def test_the_client_reads_lazily_and_holds_a_bounded_number_of_partitions(tmp_path: Path) -> None:
    from entente.batch import Item
    from entente.scale import run as scale_run

    pulled = 0

    def items() -> Any:
        nonlocal pulled
        for i in range(40):
            pulled += 1
            yield Item(f"doc{i}.txt", f"Russia criticised Iran on Monday, report number {i} said.")

    seen: list[int] = []
    client = InProcessClient()
    with open_store(f"sqlite:///{tmp_path / 'lazy.db'}") as store:
        tally = scale_run._run(
            store, items(), client, tmp_path / "parts", 4, 2, 16, None, (), lambda _: seen.append(pulled)
        )
        assert sum(tally.outcomes.values()) == 40 and client.submitted == 10
    # when each of the 10 partitions was merged, at most (2 in flight + 1 being cut) x 4 were read ahead
    merged = [4 * (k + 1) for k in range(10)]
    assert all(p - m <= 3 * 4 for p, m in zip(seen, merged, strict=True)), seen
    assert seen[0] < 40


def test_identical_inputs_in_one_partition_are_stored_once(tmp_path: Path) -> None:
    """Two inputs with the same text in one partition: analysed once, the rows of a serial run."""
    corpus = tmp_path / "twice"
    corpus.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):  # b repeats a; c is another story
        text = DOCUMENTS["10-gas.txt" if name != "c.txt" else "08-expel.txt"]
        (corpus / name).write_text(text, encoding="utf-8")
    serial, dask = f"sqlite:///{tmp_path / 's.db'}", f"sqlite:///{tmp_path / 'd.db'}"
    ingest(str(corpus), "--db", serial)
    out = ingest(str(corpus), "--db", dask, "--dask", "local", "--workers", "2",
                 "--partition-size", "4", "--parquet", str(tmp_path / "parts"))  # fmt: skip
    assert "failed: 0" in out.output and "duplicates: 1" in out.output
    got, want = rows(dask), rows(serial)
    assert len(want["articles"]) == 2
    for name in want:
        assert got[name] == want[name], name
