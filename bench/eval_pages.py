"""Benchmark: entente's HTML main text against bare trafilatura on saved publisher pages.

FOLDER holds pages in the fundus-en format (``NAME.html.gz`` + ``NAME.json``, see
../shared/corpora/fundus-en/README.md). Both extractors run in this process on the
same pages; both are scored by ``entente eval-pages`` (word-level P/R/F1 against the
verified text, macro-averaged; titles; headline repeats; standfirsts; language flags).
Prints the figures and each extractor's time per page.

Usage: python bench/eval_pages.py [FOLDER] [--pages]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from entente.cli.pages import (
    Summary,
    entente_extract,
    read_pages,
    render,
    score_page,
    trafilatura_extract,
)
from entente.corpora import shared_dir


def main(argv: list[str]) -> int:
    per_page = "--pages" in argv
    args = [a for a in argv if a != "--pages"]
    shared = shared_dir()
    if args:
        folder = Path(args[0])
    elif shared is not None:
        folder = shared / "corpora" / "fundus-en"
    else:
        print("usage: python bench/eval_pages.py FOLDER (../shared is absent)", file=sys.stderr)
        return 2
    pages = list(read_pages(folder))
    if not pages:
        print(f"no pages in {folder}", file=sys.stderr)
        return 2
    summaries, timing = [], []
    for name, extractor in (("entente", entente_extract), ("trafilatura", trafilatura_extract)):
        extractor(pages[0])  # warm up: imports, the language model
        start = time.perf_counter()
        scores = tuple(score_page(p, extractor(p)) for p in pages)
        timing.append(f"{name}: {1000 * (time.perf_counter() - start) / len(pages):.0f} ms/page")
        summaries.append(Summary(name, scores))
    print(f"{folder} ({len(pages)} pages)")
    print(render(summaries, per_page))
    print("time: " + ", ".join(timing))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
