"""Benchmark: entente against bare spaCy on the same articles, in one process.

Prints
* cold time for the reference article (a fresh interpreter: imports, model
  load, one analysis) and warm time (the same article again, pipeline loaded);
* articles/s and words/s on N NewsArticles for bare ``nlp.pipe`` (the same
  spaCy model without entente's components) and for the full entente
  analysis (ingest + components), and the ratio between them;
* the share of time each entente component takes (spaCy's own timing hooks).

Usage: python bench/bench_analyze.py [--n 500] [--reference PATH]
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import spacy

from entente import corpora, pipeline
from entente.analyze import analyze_document, analyze_many
from entente.ingest import load_document, load_text

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "gold" / "russia-iran-entente.txt"
COLD = (
    "import time,sys; t=time.perf_counter(); from datetime import date; from entente.analyze import analyze; "
    "analyze(sys.argv[1], published=date(2024,10,14)); print(time.perf_counter()-t)"
)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, spaCy {spacy.__version__}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--reference", default=str(REFERENCE))
    args = ap.parse_args()
    print(f"machine: {machine()}")
    print(f"model: {pipeline.find_model()}")

    if Path(args.reference).exists():
        out = subprocess.run(
            [sys.executable, "-c", COLD, args.reference], capture_output=True, text=True, check=True
        )
        cold = float(out.stdout.strip().splitlines()[-1])
        nlp = pipeline.load()
        document = load_document(args.reference, published=date(2024, 10, 14))
        analyze_document(document, nlp=nlp)
        t = time.perf_counter()
        runs = 5
        for _ in range(runs):
            analyze_document(load_document(args.reference, published=date(2024, 10, 14)), nlp=nlp)
        warm = (time.perf_counter() - t) / runs
        print(f"reference article: cold {cold:.2f} s (fresh process), warm {warm * 1000:.0f} ms")

    articles = [a for a in corpora.newsarticles() if a.text.strip()][: args.n]  # a few are empty
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(pipeline.find_model())
    full = pipeline.load()
    list(bare.pipe(texts[:20]))  # warm both
    list(full.pipe(texts[:20]))

    t = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=32):
        pass
    t_bare = time.perf_counter() - t

    t = time.perf_counter()
    documents = [load_text(a.text, source=a.id, published=a.published) for a in articles]
    t_ingest = time.perf_counter() - t
    t = time.perf_counter()
    n_events = n_quotes = n_mentions = 0
    for analysis in analyze_many(documents, nlp=full, batch_size=32):
        n_events += len(analysis.events)
        n_quotes += len(analysis.quotes)
        n_mentions += len(analysis.mentions)
    t_full = time.perf_counter() - t + t_ingest

    n = len(texts)
    print(f"{n} NewsArticles, {words:,} words")
    print(
        f"  bare spaCy nlp.pipe : {n / t_bare:7.2f} articles/s {words / t_bare:9.0f} words/s ({t_bare:.1f} s)"
    )
    print(
        f"  entente (full)      : {n / t_full:7.2f} articles/s {words / t_full:9.0f} words/s ({t_full:.1f} s)"
    )
    print(f"  ratio entente/bare time: {t_full / t_bare:.2f}x  (ingest {t_ingest:.2f} s)")
    print(
        f"  found: {n_mentions} actor mentions, {n_quotes} quotes, {n_events} events "
        f"({n_events / t_full:.1f} events/s)"
    )

    # per-component time on the same texts (one pass each, components in order)
    docs = [pipeline.make_doc(full, d.info.text, d.info.published) for d in documents]
    timings = dict.fromkeys(full.pipe_names, 0.0)
    for doc in docs:
        for name, proc in full.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            timings[name] += time.perf_counter() - t
    total = sum(timings.values())
    print("  time per component (share of the full pipeline):")
    for name, secs in timings.items():
        print(f"    {name:<16} {secs:6.2f} s  {100 * secs / total:5.1f}%")


if __name__ == "__main__":
    main()
