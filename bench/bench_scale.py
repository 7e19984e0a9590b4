"""Scale benchmarks (issue 11): one subcommand per figure in BENCHMARKS.md ("Scale").

The corpus is the NewsArticles JSONL export::

    entente corpus fetch newsarticles
    entente corpus export newsarticles --format jsonl /tmp/na.jsonl

Subcommands (each prints its figures and one JSON line; ``--out DIR`` holds the stores):

    python bench/bench_scale.py ratio   --corpus /tmp/na.jsonl [--n N] [--workers 1] [--rounds 4]
        entente ingest against bare spaCy ``nlp.pipe`` (same model, same process count), on
        the same documents, interleaved in rounds so that load from other work hits both alike
    python bench/bench_scale.py workers --corpus /tmp/na.jsonl --n 1000 [--repeats 2]
        ``entente ingest --workers 1`` against ``--workers 2`` (whole commands, fresh stores,
        interleaved: 1, 2, 1, 2, ...); the speed-up is the sum of the one's times over the other's
    python bench/bench_scale.py rss     --corpus /tmp/na.jsonl --sizes 1000,10000
        peak resident memory of ``entente ingest`` (the process tree, sampled every 0.2 s) at
        each size; the corpus is repeated with new ids and a new first line, so every document
        is analysed
    python bench/bench_scale.py dask    --corpus /tmp/na.jsonl --n 1000
        ``--dask local --workers 2`` against ``--workers 2``
    python bench/bench_scale.py queries --db sqlite:////tmp/synth1m.db [--db postgresql://...]
        on synthetic stores (bench/synth_store.py): one month's graph, one dyad's series and
        explain, 50 times each at random months and dyads (entente.graph's functions 20 times,
        cold and with the month kept): median and p95 in ms, wall and CPU, with the load
    python bench/bench_scale.py queries --postgres --events 1000000
        the same on a throwaway PostgreSQL server (started as in tests/store_helpers.py) filled
        by bench/synth_store.py
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ENTENTE = [sys.executable, "-m", "entente.cli"] if not (ROOT / ".venv/bin/entente").exists() else [
    str(ROOT / ".venv/bin/entente")
]  # fmt: skip


# Documents left out of every run. newsarticles:925 was, until the parse walks compared token
# indices instead of identities (it sent entente_events into an endless loop); none now.
EXCLUDE: tuple[str, ...] = ()


def read_corpus(path: Path, n: int | None, exclude: tuple[str, ...] = EXCLUDE) -> list[dict[str, Any]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("text", "").strip() and row.get("id") not in exclude:
                out.append(row)
            if n and len(out) >= n:
                break
    return out


def repeated(rows: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """``n`` documents: the corpus again and again, each copy with a new id and a new first line."""
    out = []
    for i in range(n):
        row = dict(rows[i % len(rows)])
        lap = i // len(rows)
        if lap:
            row["id"] = f"{row.get('id', i)}#{lap}"
            row["text"] = f"Report {lap} of the series.\n\n{row['text']}"
        out.append(row)
    return out


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
    return path


def ingest_args(jsonl: Path, db: Path, *extra: str) -> list[str]:
    return [*ENTENTE, "ingest", str(jsonl), "--db", f"sqlite:///{db}", *extra]


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and of the children it has waited for (their
    own waited-for children included: worker processes joined by an ``entente ingest``)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def load1() -> float:
    return round(os.getloadavg()[0], 2)


def run_timed(cmd: list[str], sample_rss: bool = False) -> dict[str, Any]:
    """Run ``cmd``; wall seconds, CPU seconds of its process tree, the 1-minute load average
    before and after, and (optionally) the peak RSS of its process tree in MiB."""
    import psutil

    load_before, cpu = load1(), cpu_seconds()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    if sample_rss:
        parent = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                tree = [parent, *parent.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.2)
    out, _ = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 6):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{out[-2000:]}")
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds() - cpu, 2),
        "load": [load_before, load1()],
        "peak_rss_mib": round(peak / 2**20, 1),
        "output": out[-600:],
    }


# ------------------------------------------------------------------------------------------ ratio


def bench_ratio(args: argparse.Namespace, out: Path) -> dict[str, Any]:
    import spacy
    from click.testing import CliRunner

    from entente import pipeline
    from entente.cli import main

    rows = read_corpus(args.corpus, args.n)
    per = -(-len(rows) // args.rounds)
    chunks = [
        write_jsonl(rows[i : i + per], out / f"chunk{i // per}.jsonl") for i in range(0, len(rows), per)
    ]
    model = pipeline.find_model(None)
    bare = spacy.load(model)
    pipeline.load()  # entente's pipeline, loaded once as `entente ingest` does
    db = out / "ratio.db"
    db.unlink(missing_ok=True)
    warm = write_jsonl(rows[:2], out / "warm.jsonl")
    CliRunner().invoke(main, ["ingest", str(warm), "--db", f"sqlite:///{out / 'warm.db'}"])
    list(bare.pipe([r["text"] for r in rows[:2]]))
    times = {"bare": 0.0, "entente": 0.0}
    cpu = {"bare": 0.0, "entente": 0.0}
    loads: list[float] = []
    words = 0
    for k, chunk in enumerate(chunks):
        if k + 1 < args.start_round:
            continue
        texts = [json.loads(line)["text"] for line in chunk.open(encoding="utf-8")]
        words += sum(len(t.split()) for t in texts)
        loads.append(load1())
        t, c = time.perf_counter(), cpu_seconds()
        kwargs: dict[str, Any] = {"batch_size": 16}
        if args.workers > 1:
            kwargs["n_process"] = args.workers
        for _ in bare.pipe(texts, **kwargs):
            pass
        bare_s, bare_cpu = time.perf_counter() - t, cpu_seconds() - c
        loads.append(load1())
        t, c = time.perf_counter(), cpu_seconds()
        result = CliRunner().invoke(
            main, ["ingest", str(chunk), "--db", f"sqlite:///{db}", "--workers", str(args.workers)]
        )
        entente_s, entente_cpu = time.perf_counter() - t, cpu_seconds() - c
        loads.append(load1())
        if result.exit_code not in (0, 6):
            raise SystemExit(result.output)
        times["bare"] += bare_s
        times["entente"] += entente_s
        cpu["bare"] += bare_cpu
        cpu["entente"] += entente_cpu
        print(
            f"round {k + 1}: {len(texts)} docs, bare {bare_s:.1f} s (CPU {bare_cpu:.1f} s), "
            f"entente ingest {entente_s:.1f} s (CPU {entente_cpu:.1f} s), "
            f"bare / entente {bare_s / entente_s:.3f}, load {loads[-3]}-{loads[-1]}",
            flush=True,
        )
    n = sum(
        len(chunk.read_text(encoding="utf-8").splitlines())
        for k, chunk in enumerate(chunks)
        if k + 1 >= args.start_round
    )
    print(
        f"bare spaCy / entente ingest, {args.workers} process(es), {n} documents: "
        f"{times['bare'] / times['entente']:.3f} (CPU {cpu['bare'] / cpu['entente']:.3f})",
        flush=True,
    )
    return {
        "documents": n,
        "words": words,
        "workers": args.workers,
        "model": model,
        "bare_seconds": round(times["bare"], 1),
        "entente_seconds": round(times["entente"], 1),
        "bare_docs_per_s": round(n / times["bare"], 2),
        "entente_docs_per_s": round(n / times["entente"], 2),
        "ratio": round(times["bare"] / times["entente"], 3),  # the figure of issue 11, item 1
        "bare_cpu_seconds": round(cpu["bare"], 1),
        "entente_cpu_seconds": round(cpu["entente"], 1),
        "cpu_ratio": round(cpu["bare"] / cpu["entente"], 3),
        "load_range": [min(loads, default=0.0), max(loads, default=0.0)],
    }


# ------------------------------------------------------------------------------------------ workers, dask


def bench_workers(args: argparse.Namespace, out: Path) -> dict[str, Any]:
    rows = read_corpus(args.corpus, args.n)
    jsonl = write_jsonl(rows, out / "workers.jsonl")
    result: dict[str, Any] = {"documents": len(rows), "runs": []}
    total = {1: 0.0, 2: 0.0}
    for repeat in range(args.repeats):
        for workers in (1, 2):
            db = out / f"workers{workers}.db"
            for old in out.glob(f"workers{workers}.db*"):
                old.unlink()
            r = run_timed(ingest_args(jsonl, db, "--workers", str(workers)))
            total[workers] += r["seconds"]
            run = {"workers": workers, **{k: r[k] for k in ("seconds", "cpu_seconds", "load")}}
            result["runs"].append(run)
            print(
                f"run {repeat + 1}, --workers {workers}: {r['seconds']} s "
                f"(CPU {r['cpu_seconds']} s, load {r['load'][0]}-{r['load'][1]})",
                flush=True,
            )
    result["workers1_seconds"] = round(total[1], 2)
    result["workers2_seconds"] = round(total[2], 2)
    result["speedup"] = round(total[1] / total[2], 3)  # the figure of issue 11, item 2
    print(f"--workers 1 / --workers 2: {result['speedup']}x", flush=True)
    return result


def bench_dask(args: argparse.Namespace, out: Path) -> dict[str, Any]:
    rows = read_corpus(args.corpus, args.n)
    jsonl = write_jsonl(rows, out / "dask.jsonl")
    result: dict[str, Any] = {"documents": len(rows)}
    db = out / "serial2.db"
    db.unlink(missing_ok=True)
    r = run_timed(ingest_args(jsonl, db, "--workers", "2"))
    result["workers2_seconds"] = r["seconds"]
    print(f"--workers 2: {r['seconds']} s", flush=True)
    db = out / "dask2.db"
    db.unlink(missing_ok=True)
    parts = out / "dask-parquet"
    subprocess.run(["rm", "-rf", str(parts)], check=True)
    extra = [
        "--dask",
        "local",
        "--workers",
        "2",
        "--parquet",
        str(parts),
        "--partition-size",
        str(args.partition),
    ]
    r = run_timed(ingest_args(jsonl, db, *extra))
    result["dask_seconds"] = r["seconds"]
    print(f"--dask local --workers 2: {r['seconds']} s", flush=True)
    result["dask_over_workers2"] = round(result["dask_seconds"] / result["workers2_seconds"], 3)
    return result


# ------------------------------------------------------------------------------------------ rss


def bench_rss(args: argparse.Namespace, out: Path) -> dict[str, Any]:
    rows = read_corpus(args.corpus, None)
    result: dict[str, Any] = {"workers": args.workers}
    for size in [int(s) for s in args.sizes.split(",")]:
        jsonl = write_jsonl(repeated(rows, size), out / f"rss{size}.jsonl")
        db = out / f"rss{size}.db"
        db.unlink(missing_ok=True)
        r = run_timed(ingest_args(jsonl, db, "--workers", str(args.workers)), sample_rss=True)
        result[f"rss_mib_{size}"] = r["peak_rss_mib"]
        result[f"seconds_{size}"] = r["seconds"]
        print(f"{size} documents: peak RSS {r['peak_rss_mib']} MiB, {r['seconds']} s", flush=True)
        print(r["output"], flush=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    result["growth"] = round(result[f"rss_mib_{sizes[-1]}"] / result[f"rss_mib_{sizes[0]}"] - 1, 3)
    print(f"peak RSS {sizes[-1]} against {sizes[0]} documents: {result['growth']:+.1%}", flush=True)
    return result


# ------------------------------------------------------------------------------------------ queries


def _percentiles(samples: list[float]) -> dict[str, float]:
    s = sorted(samples)
    return {
        "median_ms": round(s[len(s) // 2] * 1000, 1),
        "p95_ms": round(s[min(len(s) - 1, int(len(s) * 0.95))] * 1000, 1),
        "max_ms": round(s[-1] * 1000, 1),
    }


def time_queries(
    url: str, repeats: int = 50, seed: int = 3, repeats_graph: int | None = 20
) -> dict[str, Any]:
    """Month graph, dyad series and explain on the store at ``url``: the store's queries
    (``entente.store.aggregate``) and the graph functions users call (``entente.graph``: the CLI's
    ``graph``/``explain`` and the API), each cold (no window kept) and, for the network and
    explain, with the window's counts already kept by a first call (what a server sees when the
    network of a month is followed by its explanations)."""
    from sqlalchemy import func, select

    from entente.graph import tally
    from entente.graph.explain import explain
    from entente.graph.network import edge_table_reference, graph_from_table, network
    from entente.graph.queries import actor_info
    from entente.graph.series import dyad_series, dyad_series_reference
    from entente.store import aggregate, open_store
    from entente.store.schema import dyad_days, events
    from entente.store.version import data_version

    store = open_store(url, version="synthetic")
    engine = store.engine
    rng = random.Random(seed)
    with engine.connect() as conn:
        n_events = conn.scalar(select(func.count()).select_from(events))
        first, last = conn.execute(select(func.min(dyad_days.c.day), func.max(dyad_days.c.day))).one()
        dyads = conn.execute(
            select(dyad_days.c.a, dyad_days.c.b, func.sum(dyad_days.c.n).label("n"))
            .group_by(dyad_days.c.a, dyad_days.c.b)
            .order_by(func.sum(dyad_days.c.n).desc())
            .limit(200)
        ).all()
    months = []
    d = first.replace(day=1)
    while d <= last:
        months.append(d)
        d = (d + timedelta(days=32)).replace(day=1)
    chosen: dict[str, Any] = {}

    def month() -> tuple[date, date]:
        start = rng.choice(months)
        return start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)

    def month_graph() -> Any:
        start, end = month()
        rows = aggregate.dyad_window_counts(engine, start, end, by=("quad_class",), canonical_only=True)
        import networkx as nx

        edges: dict[tuple[str, str], dict[str, float]] = {}
        for r in rows:
            w = edges.setdefault((r["a"], r["b"]), {"n": 0, "intensity": 0.0})
            w["n"] += r["n"]
            w["intensity"] += r["intensity_sum"]
        g = nx.DiGraph()
        g.add_edges_from((a, b, w) for (a, b), w in edges.items())
        return g

    def series() -> Any:
        a, b, _ = rng.choice(dyads)
        return aggregate.dyad_series(engine, a, b, window="week", canonical_only=True)

    def evidence() -> Any:
        a, b, _ = rng.choice(dyads)
        return aggregate.dyad_events(engine, a, b, date_from=month()[0], date_to=month()[1], limit=50)

    def cold() -> None:  # a new month and dyad, nothing kept
        tally.clear()
        chosen["month"], chosen["dyad"] = month(), rng.choice(dyads)[:2]

    def kept() -> None:  # a new month and dyad, the month's counts kept by a first network call
        cold()
        network(engine, *chosen["month"])

    def g_network() -> Any:
        return network(engine, *chosen["month"])

    def g_series() -> Any:
        a, b = chosen["dyad"]
        return dyad_series(engine, a, b, first, last, window="month")

    def g_explain() -> Any:
        a, b = chosen["dyad"]
        return explain(engine, a, b, *chosen["month"])

    def ref_network() -> Any:  # what network() did before entente.graph.tally: pandas
        table = edge_table_reference(engine, *chosen["month"])
        return graph_from_table(table, actor_info(engine, sorted(set(table["a"]) | set(table["b"]))))

    def ref_series() -> Any:
        a, b = chosen["dyad"]
        return dyad_series_reference(engine, a, b, first, last, window="month")

    none = None
    timed: list[tuple[str, Any, Any]] = [
        ("month_graph", none, month_graph),
        ("dyad_series", none, series),
        ("explain", none, evidence),
        ("graph.network", cold, g_network),
        ("graph.network (kept)", kept, g_network),
        ("graph.dyad_series", cold, g_series),
        ("graph.explain", cold, g_explain),
        ("graph.explain (after network)", kept, g_explain),
        ("reference: pandas network", cold, ref_network),
        ("reference: pandas dyad_series", cold, ref_series),
    ]
    result: dict[str, Any] = {"url": url.split("@")[-1], "events": n_events}
    result["data_version"] = data_version(engine) is not None  # else nothing is kept
    for name, prepare, fn in timed:
        graph_fn = name.startswith(("graph.", "reference"))
        reps = repeats_graph if graph_fn and repeats_graph is not None else repeats
        if prepare:
            prepare()
        fn()  # warm the connection pool and page cache, as a running server would be
        samples, cpu = [], []
        for _ in range(reps):
            if prepare:
                prepare()
            t, c = time.perf_counter(), time.process_time()
            fn()
            samples.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        # wall time, and this process's CPU time (for SQLite: the whole query, load or not)
        cpu_ms = _percentiles(cpu)
        result[name] = {
            **_percentiles(samples),
            "cpu_median_ms": cpu_ms["median_ms"],
            "cpu_p95_ms": cpu_ms["p95_ms"],
        }
        result[name]["load"] = round(os.getloadavg()[0], 2)
        print(f"{name}: {result[name]}", flush=True)
    store.close()
    return result


def bench_queries(args: argparse.Namespace, out: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for url in args.db or []:
        results[url.split("://")[0]] = time_queries(url, args.repeats)
    if args.postgres:
        sys.path.insert(0, str(ROOT / "tests"))
        sys.path.insert(0, str(ROOT / "bench"))
        from synth_store import build

        from store_helpers import start_postgres

        server = start_postgres()
        try:
            url = server.create_database()
            print(build(url, args.events), flush=True)
            results["postgresql"] = time_queries(url, args.repeats)
        finally:
            server.stop()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    for name in ("ratio", "workers", "rss", "dask"):
        p = sub.add_parser(name)
        p.add_argument("--corpus", type=Path, default=Path("/tmp/na.jsonl"))
        p.add_argument("--n", type=int, default=None)
        p.add_argument("--workers", type=int, default=1)
        p.add_argument("--rounds", type=int, default=4)
        p.add_argument("--start-round", type=int, default=1, help="ratio: skip the rounds before this one")
        p.add_argument("--sizes", default="1000,10000")
        p.add_argument("--partition", type=int, default=32)
        p.add_argument("--repeats", type=int, default=1, help="workers: interleaved runs of each")
        p.add_argument("--out", type=Path, default=None)
    q = sub.add_parser("queries")
    q.add_argument("--db", action="append")
    q.add_argument("--postgres", action="store_true")
    q.add_argument("--events", type=int, default=1_000_000)
    q.add_argument("--repeats", type=int, default=50)
    q.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix=f"entente-bench-{args.what}-"))
    out.mkdir(parents=True, exist_ok=True)
    fn = {"ratio": bench_ratio, "workers": bench_workers, "rss": bench_rss, "dask": bench_dask,
          "queries": bench_queries}[args.what]  # fmt: skip
    started = time.perf_counter()
    result = fn(args, out)
    result["machine_load"] = os.getloadavg()
    result["date"] = str(date.today())
    result["bench_seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps({args.what: result}, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
