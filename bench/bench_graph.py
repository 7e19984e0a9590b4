"""Time one month's graph and one dyad's series on a store (BENCHMARKS.md, issue 9).

Every call is cold: the windows ``entente.graph.tally`` keeps are forgotten before each one.

.venv/bin/python bench/bench_graph.py --db sqlite:///na.db --month 2017-03 --pair USA,MEX
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from entente.graph import balance, dyad_series, explain, network, tally
from entente.store import open_store


def timed(f: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        tally.clear()
        start = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--month", default="2017-03")
    parser.add_argument("--pair", default="USA,MEX")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    first = date.fromisoformat(args.month + "-01")
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    a, b = args.pair.split(",")
    store = open_store(args.db)
    print(f"store: {store.counts()}")
    t, g = timed(lambda: network(store, first, last), args.repeat)
    print(
        f"network({args.month}): {t * 1000:.0f} ms median of {args.repeat}, {g.number_of_nodes()} actors, "
        f"{g.number_of_edges()} edges"
    )
    t, result = timed(lambda: balance(g), args.repeat)
    print(
        f"balance of that graph: {t * 1000:.0f} ms, {len(result.triads)} triads, frustration "
        f"{result.frustration.index} ({result.frustration.method}), {len(result.blocs.blocs)} blocs"
    )
    t, s = timed(
        lambda: dyad_series(store, a, b, date(2017, 2, 1), date(2017, 3, 31), window="week"), args.repeat
    )
    print(
        f"dyad_series({a}, {b}, Feb-Mar 2017, week): {t * 1000:.0f} ms, {len(s)} windows, "
        f"{int(s['events'].sum())} events"
    )
    t, _ = timed(lambda: explain(store, a, b, date(2017, 2, 1), date(2017, 3, 31)), args.repeat)
    print(f"explain({a}, {b}, Feb-Mar 2017): {t * 1000:.0f} ms")


if __name__ == "__main__":
    main()
