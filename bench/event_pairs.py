"""The rules against the labelled actor pairs of ``train/event_pairs.jsonl`` (issue 13).

Each labelled pair (sentence, two actor ids) says what event, if any, the
sentence states between the two. This script analyses the pairs' articles
with the shipped pipeline and, for every pair, looks up the rules' events on
the same two ids with a sentence overlapping the pair's. Over **happened**
events (labelled asserted or attributed, and events the rules give as
asserted or attributed) it prints:

* **recall**: labelled happened events the rules give with the same type and
  direction (``mutual`` labels accept either order);
* **precision**: among the pairs the rules answer with a happened event, those
  whose label is that event;
* a verdict per pair: ``found``, ``wrong`` (another type or direction),
  ``status`` (the event, but hypothetical or negated), ``miss``, ``fp`` (a
  pair labelled NONE or not happened that the rules answer), ``none``.

The labels follow the annotators' conventions (``train/README.md``: one main
event per pair), so the figures are a floor for the rules' real precision; the
hand checks of ``gold/events-check`` judge by the project's own rules.

    python bench/event_pairs.py --sample second --half test
    python bench/event_pairs.py --sample second --half dev --out /tmp/after.jsonl
    python bench/event_pairs.py --compare /tmp/before.jsonl /tmp/after.jsonl

``--sample``: ``first`` (the first 311 articles), ``second`` (the 474 of the
second sample) or ``all``; ``--half``: ``dev`` or ``test`` (a hash of the
article id splits the articles in two), or ``all``. ``--out`` writes one JSON
line per pair with its verdict, label, sentence and the rules' readings (the
sentence text stays outside the repository: write it under /tmp).
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

from entente import pipeline
from entente.corpora import newsarticles
from entente.ingest import load_text
from entente.nlp import extensions as ext
from entente.records import Event, Span

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "train" / "event_pairs.jsonl"
FIRST_SAMPLE = 2958  # rows of the first sample, at the head of the file
HAPPENED = ("asserted", "attributed")


def half_of(doc: str) -> str:
    return "test" if zlib.crc32(doc.encode()) % 2 else "dev"


def read_pairs(sample: str, half: str) -> list[dict[str, Any]]:
    with PAIRS.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if sample == "first":
        rows = rows[:FIRST_SAMPLE]
    elif sample == "second":
        rows = rows[FIRST_SAMPLE:]
    return [r for r in rows if half in ("all", half_of(r["doc"]))]


def right(ev: Event, row: dict[str, Any]) -> bool:
    """Whether an event answers a labelled pair: its type, and its direction unless ``mutual``."""
    if ev.type != row["label"]:
        return False
    return row["direction"] == "mutual" or (ev.source == row["a_id"]) == (row["direction"] == "a>b")


def pair_hits(found: list[tuple[Event, list[Span]]], row: dict[str, Any]) -> list[Event]:
    """The events on the pair's two ids with a sentence (spans in the corpus text) overlapping the pair's."""
    s0, s1 = row["sent"]
    return [
        ev
        for ev, spans in found
        if {ev.source, ev.target} == {row["a_id"], row["b_id"]}
        and any(sp.start < s1 and s0 < sp.end for sp in spans)
    ]


def judge(rows: list[dict[str, Any]], out: Path | None) -> Counter[str]:
    ids = {r["doc"] for r in rows}
    articles = {a.id: a for a in newsarticles() if a.id in ids}
    nlp = pipeline.load()
    found: dict[str, list[tuple[Event, list[Span]]]] = {}
    for aid in sorted(ids):
        art = articles[aid]
        document = load_text(art.text, source=art.id, published=art.published)
        doc = nlp(pipeline.make_doc(nlp, document.info.text, document.info.published))
        found[aid] = [
            (ev, [document.map_span(Span(s.start, s.end, s.text)) for s in (ev.evidence, *ev.other_evidence)])
            for ev in ext.events(doc)
        ]
    stat: Counter[str] = Counter()
    fh = out.open("w", encoding="utf-8") if out else None
    for r in rows:
        s0, s1 = r["sent"]
        hits = pair_hits(found[r["doc"]], r)
        happened = [ev for ev in hits if ev.status in HAPPENED]
        labelled = r["label"] != "NONE" and r["status"] in HAPPENED
        answer = labelled and any(right(ev, r) for ev in happened)
        if labelled:
            verdict = "found" if answer else "wrong" if happened else "status" if hits else "miss"
        else:
            verdict = "fp" if happened else "none"
        stat[verdict] += 1
        stat["labelled"] += labelled
        stat["answered"] += bool(happened)
        if fh:
            row = {k: r[k] for k in ("doc", "sent", "a_id", "b_id", "label", "direction", "status")}
            row.update(verdict=verdict, half=half_of(r["doc"]), sentence=articles[r["doc"]].text[s0:s1])
            row["rules"] = [f"{e.source}>{e.target} {e.type} {e.status} [{e.trigger.text}]" for e in hits]
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    if fh:
        fh.close()
    return stat


def compare(before: Path, after: Path) -> int:
    def load(path: Path) -> dict[tuple[Any, ...], dict[str, Any]]:
        with path.open(encoding="utf-8") as fh:
            rows = (json.loads(line) for line in fh)
            return {(r["doc"], tuple(r["sent"]), r["a_id"], r["b_id"]): r for r in rows}

    old, new = load(before), load(after)
    moves: Counter[tuple[str, str]] = Counter()
    for key, rb in new.items():
        ra = old.get(key)
        if ra is None or ra["rules"] == rb["rules"]:
            continue
        moves[(ra["verdict"], rb["verdict"])] += 1
        print(
            f"{ra['verdict']:>6} -> {rb['verdict']:<6} label {rb['a_id']}/{rb['b_id']} {rb['label']}", end=" "
        )
        print(f"{rb['direction']} {rb['status']}\n  before {ra['rules']}\n  after  {rb['rules']}")
        print(f"  {rb['sentence'][:260]!r}")
    for (a, b), n in sorted(moves.items()):
        print(f"{a} -> {b}: {n}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", choices=("first", "second", "all"), default="second")
    ap.add_argument("--half", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--out", type=Path, help="one JSON line per pair (keep it outside the repository)")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    rows = read_pairs(args.sample, args.half)
    stat = judge(rows, args.out)
    print(f"{len(rows)} labelled pairs ({args.sample} sample, {args.half} half),", end=" ")
    print(f"{stat['labelled']} happened events")
    for key in ("found", "wrong", "status", "miss", "fp", "none"):
        print(f"  {key:7}{stat[key]:6d}")
    rec = stat["found"] / max(stat["labelled"], 1)
    prec = stat["found"] / max(stat["answered"], 1)
    print(f"recall {rec:.3f} ({stat['found']}/{stat['labelled']})", end="  ")
    print(f"precision {prec:.3f} ({stat['found']}/{stat['answered']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
