"""Latency of the network endpoints of ``entente serve`` under a bounded load.

Starts the real server (``entente serve``, uvicorn) on a loopback port in a subprocess, then
this process sends a fixed number of requests per endpoint from ``--concurrency`` threads
(httpx, keep-alive) with a wall-clock bound, and reports p50 / p90 / p99 / max latency and
throughput for:

- ``GET /api/graph``: the network of a month-long window (the dashboard's slider);
- ``GET /api/dyads/{a}/{b}``: a strong pair's series with its evidence;
- ``GET /api/explain/{a}/{b}``: the third parties and evidence of a pair in a window.

Windows and pairs are drawn (seeded) from the store itself: its months and the strongest
edges of its whole-period network.

    python bench/bench_api.py --db sqlite:////tmp/na.db --requests 200 --concurrency 4
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    entente = Path(sys.executable).with_name("entente")
    proc = subprocess.Popen(
        [str(entente), "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {proc.stderr.read().decode() if proc.stderr else ''}")
    proc.kill()
    raise SystemExit("the server did not answer within 60 s")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def load(
    base: str, paths: Callable[[int], str], n: int, concurrency: int, duration: float
) -> tuple[list[float], int, float]:
    """Send ``n`` requests (``paths(i)``) from ``concurrency`` threads, stopping at ``duration``."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + duration
    local = threading.local()

    def one(i: int) -> None:
        nonlocal errors
        if time.monotonic() > stop:
            return
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=base, timeout=60)
        t0 = time.perf_counter()
        response = client.get(paths(i))
        elapsed = time.perf_counter() - t0
        with lock:
            if response.status_code == 200:
                latencies.append(elapsed)
            else:
                errors += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(n)))
    return latencies, errors, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=os.environ.get("ENTENTE_DB", "sqlite:////tmp/na.db"))
    parser.add_argument("--requests", type=int, default=200, help="per endpoint")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--duration", type=float, default=120.0, help="seconds at most per endpoint")
    parser.add_argument("--pairs", type=int, default=10, help="strongest pairs to draw from")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.db, port)
    try:
        with httpx.Client(base_url=base, timeout=120) as c:
            counts = c.get("/api/health").json()["counts"]
            months = [m["month"] for m in c.get("/api/timeline").json()["months"]]
            whole = c.get("/api/graph").json()
        edges = sorted(whole["edges"], key=lambda e: (-e["n"], e["source"], e["target"]))[: args.pairs]
        if not months or not edges:
            raise SystemExit("the store has no dated articles or no relations between actors")
        rng = random.Random(args.seed)
        windows = []
        for m in months:
            first = date.fromisoformat(f"{m}-01")
            following = (first + timedelta(days=32)).replace(day=1)
            windows.append((first.isoformat(), (following - timedelta(days=1)).isoformat()))
        plan = [(rng.choice(windows), rng.choice(edges)) for _ in range(args.requests)]
        endpoints = {
            "GET /api/graph (a month)": lambda i: f"/api/graph?from={plan[i][0][0]}&to={plan[i][0][1]}",
            "GET /api/dyads/{a}/{b}": lambda i: f"/api/dyads/{plan[i][1]['source']}/{plan[i][1]['target']}",
            "GET /api/explain/{a}/{b} (a month)": lambda i: (
                f"/api/explain/{plan[i][1]['source']}/{plan[i][1]['target']}"
                f"?from={plan[i][0][0]}&to={plan[i][0][1]}"
            ),
        }
        print(
            f"store: {args.db}: {counts['articles']} articles, {counts['events']} events, "
            f"{counts['quotes']} quotes, {counts['relations']} relations; "
            f"{len(whole['nodes'])} actors and {len(whole['edges'])} edges over {len(months)} months"
        )
        print(
            f"load: {args.requests} requests per endpoint, {args.concurrency} threads, "
            f"at most {args.duration:g} s each, one server process (uvicorn), loopback\n"
        )
        print("| endpoint | requests | errors | p50 ms | p90 ms | p99 ms | max ms | req/s |")
        print("|---|---|---|---|---|---|---|---|")
        for name, paths in endpoints.items():
            load(base, paths, min(5, args.requests), 1, 60)  # warm-up
            lat, errors, took = load(base, paths, args.requests, args.concurrency, args.duration)
            if not lat:
                print(f"| {name} | 0 | {errors} | - | - | - | - | - |")
                continue
            ms = [x * 1000 for x in lat]
            cells = [statistics.median(ms), percentile(ms, 0.9), percentile(ms, 0.99), max(ms)]
            shown = " | ".join(f"{x:.0f}" for x in cells)
            print(f"| {name} | {len(lat)} | {errors} | {shown} | {len(lat) / took:.1f} |")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
