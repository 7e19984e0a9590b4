"""Benchmark: entente's quotes against textacy's ``direct_quotations`` on PolNeAR dev.

Both run in this process on the same spaCy docs (the same model), and both are
scored with entente's own scorer (``entente.eval``, the rules of
../shared/gold/FORMAT.md). textacy is installed only for this benchmark:
``make bench-quotes`` builds ``.venv-bench`` with it.

Prints precision, recall, F1 over all attributions, direct-quote F1, speaker
accuracy and the time each extractor takes (excluding the shared spaCy parse).

Usage: python bench/bench_quotes.py [GOLD_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from entente import pipeline
from entente.analyze import analyze_doc
from entente.corpora import shared_dir
from entente.eval.gold import find_gold, load_gold
from entente.eval.quotes import score_quotes
from entente.eval.score import figures, pool
from entente.ingest import Document, load_document
from entente.report.jsonout import span_dict, to_dict

BAILED: list[str] = []


def textacy_quotes(doc: Any, document: Document) -> list[dict[str, Any]]:
    """textacy's direct quotations in entente's JSON shape, offsets in the original text."""
    from textacy.extract.triples import direct_quotations

    out: list[dict[str, Any]] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy bails out on an unclosed quotation mark: no quotes for that article
        BAILED.append(document.info.source)
        return out
    for speaker, _cue, content in triples:
        start, end = document.to_original(content.start_char, content.end_char)
        who = " ".join(t.text for t in speaker)
        mention = None
        if speaker:
            s, e = document.to_original(speaker[0].idx, speaker[-1].idx + len(speaker[-1]))
            mention = {"start": s, "end": e, "text": document.raw[s:e]}
        out.append(
            {
                "text": document.raw[start:end],
                "kind": "direct",
                "content": [{"start": start, "end": end, "text": document.raw[start:end]}],
                "speaker": {"name": who, "actor": None, "mention": mention},
                "cue": span_dict(None),
            }
        )
    return out


def main() -> None:
    default = (shared_dir() or Path("../shared")) / "gold" / "polnear-dev"
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    golds = [load_gold(p) for p in find_gold([root])]
    nlp = pipeline.load()
    base = [n for n in nlp.pipe_names if not n.startswith("entente_") or n == "entente_paragraphs"]
    ours: list[dict[str, int]] = []
    theirs: list[dict[str, int]] = []
    t_ours = t_theirs = t_parse = 0.0
    for gold in golds:
        document = load_document(str(gold.text_path))
        source = document.raw
        doc = pipeline.make_doc(nlp, document.info.text, document.info.published)
        t = time.perf_counter()
        with nlp.select_pipes(enable=base):
            doc = nlp(doc)
        t_parse += time.perf_counter() - t
        t = time.perf_counter()
        for name in ("entente_actors", "entente_people", "entente_quotes"):
            doc = nlp.get_pipe(name)(doc)
        t_ours += time.perf_counter() - t
        system = to_dict(analyze_doc(document, doc))
        ours.append(score_quotes(gold, system, source)[0])
        t = time.perf_counter()
        quotes = textacy_quotes(doc, document)
        t_theirs += time.perf_counter() - t
        theirs.append(score_quotes(gold, {"quotes": quotes}, source)[0])
    print(f"PolNeAR dev: {len(golds)} articles; spaCy parse (shared) {t_parse:.1f} s")
    print(f"textacy bailed out on {len(BAILED)} articles (an unclosed quotation mark)")
    print(f"{'extractor':<34} {'P':>6} {'R':>6} {'F1':>6} {'direct F1':>10} {'speaker':>8} {'time':>8}")
    for name, counts, secs in (
        ("entente (actors+people+quotes)", ours, t_ours),
        ("textacy 0.13 direct_quotations", theirs, t_theirs),
    ):
        f = figures(pool(counts))
        cells = [f.get(k) for k in ("quotes_precision", "quotes_recall", "quotes_f1", "direct_quotes_f1")]
        spk = f.get("speaker_accuracy")
        print(
            f"{name:<34} "
            + " ".join(f"{c:6.3f}" if isinstance(c, float) else f"{'n/a':>6}" for c in cells[:3])
            + (f" {cells[3]:10.3f}" if isinstance(cells[3], float) else f" {'n/a':>10}")
            + (f" {spk:8.3f}" if isinstance(spk, float) else f" {'n/a':>8}")
            + f" {secs:7.2f}s"
        )


if __name__ == "__main__":
    main()
