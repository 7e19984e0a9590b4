"""CPU cost of each of entente's spaCy components, in ms per document.

Loads ``entente.pipeline.load()``, runs spaCy's own part once (entente's
components after the parser disabled) to get Docs, then runs each entente
component in pipeline order over those Docs, timing each with CPU time
(``time.process_time``: steadier than wall time on a loaded machine).
``entente_paragraphs`` runs before the parser, so it is timed on tokenised
copies. ``--cprofile NAME`` prints the cProfile of one component.

    python bench/profile_components.py [--n 200] [--corpus /tmp/na.jsonl] [--cprofile entente_quotes]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from datetime import date

from entente import pipeline
from entente.ingest import load_text


def read_texts(path: str, n: int) -> list[tuple[str, date | None]]:
    out: list[tuple[str, date | None]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if not row.get("text", "").strip():
                continue
            doc = load_text(
                row["text"], published=date.fromisoformat(row["published"]) if row.get("published") else None
            )
            out.append((doc.info.text, doc.info.published))
            if len(out) >= n:
                break
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=200)
    p.add_argument("--corpus", default="/tmp/na.jsonl")
    p.add_argument("--cprofile", default=None, help="component to cProfile")
    p.add_argument("--top", type=int, default=30)
    args = p.parse_args()

    nlp = pipeline.load()
    texts = read_texts(args.corpus, args.n)
    n = len(texts)
    ours = [name for name in nlp.pipe_names if name.startswith("entente_") and name != "entente_paragraphs"]
    cpu: dict[str, float] = {}

    # entente_paragraphs, on tokenised Docs (what it sees in the pipeline)
    para = nlp.get_pipe("entente_paragraphs")
    made = [pipeline.make_doc(nlp, t, d) for t, d in texts]
    t0 = time.process_time()
    for doc in made:
        para(doc)
    cpu["entente_paragraphs"] = time.process_time() - t0

    t0 = time.process_time()
    with nlp.select_pipes(disable=ours):
        docs = list(nlp.pipe((pipeline.make_doc(nlp, t, d) for t, d in texts), batch_size=32))
    spacy_cpu = time.process_time() - t0 - cpu["entente_paragraphs"]

    prof = cProfile.Profile() if args.cprofile else None
    for name in ours:
        comp = nlp.get_pipe(name)
        if prof is not None and name == args.cprofile:
            prof.enable()
        t0 = time.process_time()
        docs = [comp(doc) for doc in docs]
        cpu[name] = time.process_time() - t0
        if prof is not None and name == args.cprofile:
            prof.disable()

    ms = 1000.0 / n
    print(f"{n} documents; CPU ms per document")
    print(f"  {'spaCy (tok+model, excl. paragraphs)':40s} {spacy_cpu * ms:7.2f}")
    for name, sec in cpu.items():
        print(f"  {name:40s} {sec * ms:7.2f}")
    print(f"  {'entente components, total':40s} {sum(cpu.values()) * ms:7.2f}")
    if prof is not None:
        stats = pstats.Stats(prof)
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
