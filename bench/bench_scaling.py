"""Benchmark: does analysis time (and memory) grow linearly with the size of the input?

Real news text (the NewsArticles corpus, articles joined with blank lines) is cut
to each size and analysed once in a fresh subprocess per size, so that peak
memory is that size's own. For each size it prints the wall time of the
analysis, the time per KB, the peak resident memory of the process and the peak
growth during the analysis (over the process after loading the pipeline), and
the ratio of time per KB to that of the smallest size: flat (about 1) means
linear.

Usage: python bench/bench_scaling.py [--sizes 10,100,1000] [--kind news|quotes|actors]

``--kind quotes`` and ``--kind actors`` measure synthetic worst cases instead (a
flood of unmatched quotation marks, one a paragraph; a text dense in ambiguous actor
names).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

CHILD = r"""
import json, resource, sys, time
from entente import corpora, pipeline
from entente.analyze import analyze_text

kind, size = sys.argv[1], int(sys.argv[2])

def news(n):
    parts, total = [], 0
    for a in corpora.newsarticles():
        if a.text.strip():
            parts.append(a.text)
            total += len(a.text) + 2
        if total >= n:
            break
    return "\n\n".join(parts)[:n]

def quotes(n):
    return ("“ab\n" * (n // 4 + 1))[:n]  # unmatched opening marks, one a paragraph

def actors(n):
    names = ["Georgia", "Jordan", "Washington", "Russia", "Moscow", "Chad", "Niger", "Turkey", "Paris"]
    out, i = [], 0
    while sum(map(len, out)) < n:
        out.append(f"{names[i % 9]} met {names[(i * 4) % 9]} in {names[(i * 7) % 9]}.")
        i += 1
    return " ".join(out)[:n]

text = {"news": news, "quotes": quotes, "actors": actors}[kind](size)
nlp = pipeline.load()
analyze_text("Moscow and Tehran signed a deal on Tuesday.", nlp=nlp)  # warm
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
analysis = analyze_text(text, nlp=nlp)
seconds = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"chars": len(text), "bytes": len(text.encode()), "seconds": seconds,
                  "peak_mb": peak / 1024, "growth_mb": (peak - before) / 1024,
                  "events": len(analysis.events), "quotes": len(analysis.quotes)}))
"""


def measure(kind: str, kb: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(kb * 1000)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{kind} {kb} KB failed:\n{done.stderr[-2000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10,100,1000", help="sizes in KB (1 KB = 1000 characters)")
    ap.add_argument("--kind", choices=("news", "quotes", "actors"), default="news")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for kb in sizes:
        r = measure(args.kind, kb)
        rows.append((kb, r))
        print(f"  measured {kb} KB: {r['seconds']:.1f} s", file=sys.stderr, flush=True)
    base = rows[0][1]["seconds"] / (rows[0][1]["bytes"] / 1000)
    print(f"kind: {args.kind}")
    print("size KB   seconds   s/KB     ratio   peak RSS MB   growth MB   growth MB/KB")
    for kb, r in rows:
        per_kb = r["seconds"] / (r["bytes"] / 1000)
        print(
            f"{kb:>7}   {r['seconds']:>7.1f}   {per_kb:>6.3f}   {per_kb / base:>5.2f}   "
            f"{r['peak_mb']:>11.0f}   {r['growth_mb']:>9.0f}   {r['growth_mb'] / kb:>12.2f}"
        )


if __name__ == "__main__":
    main()
