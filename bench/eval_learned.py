"""Rules alone, the learned model alone, and both, on a gold folder (issue 13).

    .venv/bin/python bench/eval_learned.py [GOLD_PATH ...] [--json OUT]

Default gold: ``gold/wikinews-dev`` (never run it on ``gold/wikinews-test``
while developing: that set is held out). Prints pooled events P/R/F1, type
and status accuracy and the event counts for each of the three set-ups:

* ``rules``: the pipeline as shipped (``entente_events`` only);
* ``model``: ``entente_events_learned`` with ``mode="alone"`` (the model's
  events for every actor pair; the rules' events are dropped);
* ``both``: ``entente_events_learned`` with ``mode="fill"`` (the model only
  where the rules are silent on a pair in a sentence).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from entente import pipeline
from entente.eval.run import evaluate

ROOT = Path(__file__).resolve().parents[1]
KEYS = ("events_precision", "events_recall", "events_f1", "event_type_accuracy", "event_status_accuracy")


def run(
    paths: list[str], threshold: float | None = None, model: str | None = None, gate: bool = True
) -> dict[str, dict[str, float | int | None]]:
    base = pipeline.build()
    out: dict[str, dict[str, float | int | None]] = {}
    for name, mode in (("rules", None), ("model", "alone"), ("both", "fill")):
        nlp = base
        if mode is not None:
            nlp = pipeline.build()
            nlp.add_pipe(
                "entente_events_learned",
                after="entente_events",
                config={"mode": mode, "threshold": threshold, "model": model, "gate": gate},
            )
        started = time.perf_counter()
        result = evaluate(paths, nlp=nlp)
        total, counts = result.total, result.total_counts
        row: dict[str, float | int | None] = {k: total.get(k) for k in KEYS}  # type: ignore[misc]
        row.update(
            gold=counts.get("events_gold"), system=counts.get("events_system"), tp=counts.get("events_tp"),
            seconds=round(time.perf_counter() - started, 1),
        )  # fmt: skip
        out[name] = row
    return out


def pairs_eval(
    split: str = "test", thresholds: Sequence[float | None] = (None,), gate: bool = True
) -> dict[str, dict[str, float | int]]:
    """Rules, model and both on the labelled pairs of the held-out ARTICLES of ``train/event_pairs.jsonl``.

    Every article of the split goes through the pipeline; an event answers a
    labelled pair when one of its sentences is the pair's sentence and its two
    actors are the pair's. Correct: same type and direction (``mutual`` pairs
    accept either order). Only labelled pairs count (events on other pairs are
    not scored).
    """
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from event_pairs import pair_hits, right
    from train.check_pairs import read_rows
    from train.train_events import split_articles

    from entente.corpora import newsarticles
    from entente.ingest import load_text
    from entente.nlp import extensions as ext
    from entente.records import Span

    rows = read_rows()
    parts = split_articles([r["doc"] for r in rows])
    rows = [r for r in rows if parts[r["doc"]] == split]
    ids = {r["doc"] for r in rows}
    articles = [a for a in newsarticles() if a.id in ids]
    nlp = pipeline.build()
    layers = {}
    for thr in thresholds:
        cfg: dict[str, object] = {"threshold": thr, "gate": gate}
        layers[thr] = (
            nlp.add_pipe("entente_events_learned", name=f"alone_{thr}", config={**cfg, "mode": "alone"}),
            nlp.add_pipe("entente_events_learned", name=f"fill_{thr}", config={**cfg, "mode": "fill"}),
        )
    extra = {id(c) for pair in layers.values() for c in pair}
    runs: dict[str, dict[str, list]] = {"rules": {}}
    for art in articles:
        document = load_text(art.text, source=art.id, published=art.published)
        doc = pipeline.make_doc(nlp, document.info.text, document.info.published)
        for _, proc in nlp.pipeline:
            if id(proc) not in extra:
                doc = proc(doc)
        rules = list(ext.events(doc))
        found = {"rules": rules}
        for thr, (alone, fill) in layers.items():
            found[f"model@{thr}"] = list(ext.events(alone(doc)))
            ext.set_events(doc, rules)
            found[f"both@{thr}"] = list(ext.events(fill(doc)))
            ext.set_events(doc, rules)
        for name, events in found.items():
            mapped = []
            for ev in events:
                spans = [
                    document.map_span(Span(e.start, e.end, e.text)) for e in (ev.evidence, *ev.other_evidence)
                ]
                mapped.append((ev, spans))
            runs.setdefault(name, {})[art.id] = mapped
    out: dict[str, dict[str, float | int]] = {}
    for name, by_doc in runs.items():
        answered = correct = detected = status_right = 0
        n_events = sum(r["label"] != "NONE" for r in rows)
        for r in rows:
            hits = pair_hits(by_doc.get(r["doc"], []), r)
            if not hits:
                continue
            answered += 1
            if r["label"] == "NONE":
                continue
            detected += 1
            good = [ev for ev in hits if right(ev, r)]
            if good:
                correct += 1
                status_right += any(ev.status == r["status"] for ev in good)
        p = correct / answered if answered else 0.0
        rc = correct / n_events if n_events else 0.0
        out[name] = {
            "answered": answered,
            "events": n_events,
            "detected": detected,
            "correct": correct,
            "precision": round(p, 3),
            "recall": round(rc, 3),
            "f1": round(2 * p * rc / (p + rc), 3) if p + rc else 0.0,
            "status_accuracy": round(status_right / correct, 3) if correct else 0.0,
        }
    return out


def cost(n: int) -> dict[str, float]:
    """Seconds per component over the first ``n`` NewsArticles (one document at a time), learned layer on."""
    from entente.corpora import newsarticles
    from entente.ingest import load_text
    from entente.nlp import extensions as ext

    nlp = pipeline.build(learned=True)
    seconds = dict.fromkeys(nlp.pipe_names, 0.0)
    added = rules = 0
    done = 0
    for art in newsarticles():
        if done >= n:
            break
        if not art.text.strip():
            continue
        document = load_text(art.text, source=art.id, published=art.published)
        doc = pipeline.make_doc(nlp, document.info.text, document.info.published)
        for name, proc in nlp.pipeline:
            if name == "entente_events_learned":
                rules += len(ext.events(doc))
            started = time.perf_counter()
            doc = proc(doc)
            seconds[name] += time.perf_counter() - started
        added += len(ext.events(doc))
        done += 1
    total = sum(seconds.values())
    learned = seconds["entente_events_learned"]
    out = {f"{k}_s": round(v, 2) for k, v in seconds.items()}
    out.update(
        articles=done, pipeline_s=round(total, 2), rules_events=rules, learned_events=added - rules,
        learned_ms_per_article=round(1000 * seconds["entente_events_learned"] / max(done, 1), 2),
        events_ms_per_article=round(1000 * seconds["entente_events"] / max(done, 1), 2),
        learned_share_of_events_step=round(learned / (seconds["entente_events"] + learned), 3),
        learned_share_of_pipeline=round(seconds["entente_events_learned"] / total, 4),
    )  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=["gold/wikinews-dev"])
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--model", default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--json", default=None)
    ap.add_argument("--cost", type=int, default=0, help="time the layer over the first N NewsArticles")
    ap.add_argument("--split", default="test", help="with --pairs: test or val")
    ap.add_argument("--sweep", default=None, help="with --pairs: thresholds, comma-separated")
    ap.add_argument("--no-gate", dest="gate", action="store_false", help="any type, not only the lexicon's")
    ap.add_argument("--pairs", action="store_true", help="score the labelled pairs of the test split instead")
    args = ap.parse_args(argv)
    held_out = [p for p in args.paths if "wikinews-test" in p or "newsarticles-test" in p]
    if held_out:
        print(f"{held_out[0]} is held out: not while developing", file=sys.stderr)
        return 2
    if args.cost:
        for k, v in cost(args.cost).items():
            print(f"{k:36} {v}")
        return 0
    if args.pairs:
        thresholds = [float(t) for t in args.sweep.split(",")] if args.sweep else [args.threshold]
        figures = pairs_eval(args.split, thresholds, args.gate)
        print(f"{'':12}{'P':>7}{'R':>7}{'F1':>7}{'status':>8}{'events':>8}{'answered':>9}{'right':>6}")
        for name, v in figures.items():
            print(
                f"{name:12}{v['precision']:7.3f}{v['recall']:7.3f}{v['f1']:7.3f}{v['status_accuracy']:8.3f}"
                f"{v['events']:8d}{v['answered']:9d}{v['correct']:6d}"
            )
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
        return 0
    res = run(args.paths, args.threshold, args.model, args.gate)
    print(f"{'':7}{'P':>7}{'R':>7}{'F1':>7}{'type':>7}{'status':>8}{'gold':>6}{'sys':>5}{'tp':>5}")
    for name, r in res.items():
        figs = [r[k] for k in KEYS]
        shown = "".join(f"{v:7.3f}" if isinstance(v, float) else f"{'n/a':>7}" for v in figs[:4])
        st = r["event_status_accuracy"]
        shown += f"{st:8.3f}" if isinstance(st, float) else f"{'n/a':>8}"
        print(f"{name:7}{shown}{r['gold']!s:>6}{r['system']!s:>5}{r['tp']!s:>5}")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
