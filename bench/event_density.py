"""entente against an exhaustive hand annotation of happened state-to-state events (issue 13).

The files in ``gold/events-density/`` list, for a seeded random draw of NewsArticles
articles, every event whose source and target are both states and that happened
(asserted or attributed), annotated by hand without entente's output. This script
analyses the same articles (read from the NewsArticles wheel through
``entente.corpora``, or from an export given with ``--input``) and prints:

* the **true density**: gold events per article, with a 95 % interval (bootstrap over
  articles, seeded);
* entente's happened state-to-state events per article on the same articles;
* **recall** (gold events found) and **precision** (entente's events that are gold),
  matched on the pair (either order for mutual types), the type, and a shared
  sentence (an overlap between one of the event's sentences and one of the gold's);
  also the pair-only figures (type ignored).

    python bench/event_density.py [--gold gold/events-density] [--show]
    python bench/event_density.py --agreement gold/events-density/agreement/newsarticles-50-second.yaml

``--learned``: the learned events layer on (``entente_events_learned``, fill mode;
``--threshold``, ``--no-gate``); the events it adds to the rules' are also scored
alone (how many, how many gold).

``--agreement FILE``: a second annotator's file of the same articles against the first
(events per article for each, and the F1 of one against the other by the same matching).
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from entente import corpora, pipeline
from entente.ingest import load_text
from entente.nlp import extensions as ext
from entente.records import Event, Span
from entente.yamlio import load_yaml

HAPPENED = ("asserted", "attributed")
MUTUAL = ("CONSULT", "AGREE", "COOPERATE")


def load_gold(folder: Path) -> list[dict[str, Any]]:
    """Every annotated article of the folder's YAML files, in file then list order."""
    out: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yaml")):
        for item in load_yaml(path.read_text(encoding="utf-8")) or []:
            out.append(item)
    return out


def aligner(raw: str, clean: str) -> Callable[[int], int]:
    """Maps an offset in the exported text to the cleaned text the pipeline reads (cleaning may
    repair quotes and white space), through the blocks the two texts share."""
    if raw == clean:
        return lambda i: i
    blocks = difflib.SequenceMatcher(None, raw, clean, autojunk=False).get_matching_blocks()

    def at(i: int) -> int:
        best = 0
        for a, b, size in blocks:
            if a <= i:
                best = b + min(i - a, size)
        return best

    return at


def load_items(path: Path) -> list[dict[str, Any]]:
    return list(load_yaml(path.read_text(encoding="utf-8")) or [])


def read_rows(wanted: set[str], export: Path | None) -> dict[str, dict[str, Any]]:
    """``{id: {id, published, text}}`` for the wanted articles, from an export or the wheel."""
    rows: dict[str, dict[str, Any]] = {}
    if export is not None:
        with export.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["id"] in wanted:
                    rows[row["id"]] = row
        return rows
    for aid in sorted(wanted):
        art = corpora.article(aid)
        rows[aid] = {
            "id": aid,
            "published": art.published.isoformat() if art.published else None,
            "text": art.text,
        }
    return rows


def _as_event(item: dict[str, Any]) -> Event:
    """A gold item as an :class:`Event`, to match one annotation against another."""
    spans = [Span(a, b, "") for a, b in item["sentences"]]
    return Event(
        source=item["source"],
        target=item["target"],
        type=item["type"],
        quad_class="",
        intensity=0.0,
        status=item.get("status", "asserted"),
        trigger=spans[0],
        evidence=spans[0],
        other_evidence=tuple(spans[1:]),
    )


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> int:
    by_id = {g["article"]: g.get("events") or [] for g in second}
    both = [g for g in first if g["article"] in by_id]
    a = sum(len(g.get("events") or []) for g in both)
    b = sum(len(by_id[g["article"]]) for g in both)
    n = max(len(both), 1)
    print(f"{len(both)} articles annotated twice: first {a} events ({a / n:.3f} per article),", end=" ")
    print(f"second {b} ({b / n:.3f})")
    for label, typed in (("pair and type", True), ("pair only", False)):
        found = sum(
            match(g.get("events") or [], [_as_event(i) for i in by_id[g["article"]]], typed)[0] for g in both
        )
        f1 = 2 * found / max(a + b, 1)
        print(
            f"{label:14} matched {found}: F1 {f1:.3f} (first found by second {found / max(a, 1):.3f},",
            end=" ",
        )
        print(f"second found by first {found / max(b, 1):.3f})")
    return 0


def _spans(ev: Event) -> list[tuple[int, int]]:
    return [(ev.evidence.start, ev.evidence.end)] + [(s.start, s.end) for s in ev.other_evidence]


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _pair_ok(gold: dict[str, Any], ev: Event, typed: bool) -> bool:
    same = (ev.source, ev.target) == (gold["source"], gold["target"])
    mutual = gold["type"] in MUTUAL or ev.type in MUTUAL
    swapped = (ev.source, ev.target) == (gold["target"], gold["source"])
    if typed and ev.type != gold["type"]:
        return False
    return same or (swapped and (mutual or not typed))


def match(golds: list[dict[str, Any]], events: list[Event], typed: bool) -> tuple[int, int]:
    """(gold found, system events that are gold), one-to-one, first come first served."""
    used: set[int] = set()
    found = 0
    for g in golds:
        spans = [tuple(s) for s in g["sentences"]]
        for i, ev in enumerate(events):
            if i not in used and _pair_ok(g, ev, typed) and _overlap(_spans(ev), spans):  # type: ignore[arg-type]
                used.add(i)
                found += 1
                break
    return found, len(used)


def interval(per_article: list[int], seed: int = 13, rounds: int = 2000) -> tuple[float, float]:
    rng = random.Random(seed)
    means = sorted(
        sum(rng.choice(per_article) for _ in per_article) / len(per_article) for _ in range(rounds)
    )
    return means[int(0.025 * rounds)], means[int(0.975 * rounds)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, help="a JSONL export (id, published, text); default: the wheel")
    ap.add_argument("--agreement", type=Path, help="a second annotation of the same articles")
    ap.add_argument("--gold", type=Path, default=Path("gold/events-density"))
    ap.add_argument("--show", action="store_true", help="print misses and extras")
    ap.add_argument("--learned", action="store_true", help="add the learned events layer")
    ap.add_argument("--threshold", type=float, default=None, help="the layer's threshold")
    ap.add_argument("--no-gate", action="store_true", help="the layer without its lexicon gate")
    ap.add_argument("--model", default=None, help="a model folder other than the shipped one")
    args = ap.parse_args(argv)
    gold = load_gold(args.gold)
    if not gold:
        print(f"{args.gold}: no annotated articles", file=sys.stderr)
        return 2
    if args.agreement:
        return agreement(gold, load_items(args.agreement))
    rows = read_rows({g["article"] for g in gold}, args.input)
    nlp = pipeline.load()
    kb = pipeline.knowledge_base(nlp)
    layer = None
    if args.learned:
        layer = pipeline.build()
        config = {"threshold": args.threshold, "gate": not args.no_gate, "model": args.model}
        layer.add_pipe("entente_events_learned", after="entente_events", config=config)
    added_n = added_right = 0

    def is_state(aid: str | None) -> bool:
        try:
            return aid is not None and kb is not None and kb.actor(aid).kind == "state"
        except KeyError:
            return False

    totals = dict.fromkeys(("gold", "system", "found", "right", "found_pair", "right_pair"), 0)
    per_article: list[int] = []
    for g in gold:
        row = rows[g["article"]]
        day = date.fromisoformat(row["published"][:10]) if row.get("published") else None
        document = load_text(row["text"], source=row["id"], published=day)
        at = aligner(row["text"], document.info.text)
        doc = nlp(pipeline.make_doc(nlp, document.info.text, document.info.published))
        events = [
            e for e in ext.events(doc) if e.status in HAPPENED and is_state(e.source) and is_state(e.target)
        ]
        golds = [
            {**item, "sentences": [[at(a), at(b)] for a, b in item["sentences"]]}
            for item in g.get("events") or []
        ]
        added: list[Event] = []
        if layer is not None:
            ruled = {_key(e) for e in events}
            doc = layer(pipeline.make_doc(layer, document.info.text, document.info.published))
            events = [e for e in ext.events(doc) if e.status in HAPPENED]
            events = [e for e in events if is_state(e.source) and is_state(e.target)]
            added = [e for e in events if _key(e) not in ruled]
            added_n += len(added)
            added_right += match(golds, added, typed=True)[1]
        per_article.append(len(golds))
        found, right = match(golds, events, typed=True)
        found_p, right_p = match(golds, events, typed=False)
        for key, value in zip(totals, (len(golds), len(events), found, right, found_p, right_p), strict=True):
            totals[key] += value
        if args.show:
            for ev in events:
                reading = f"{ev.source}>{ev.target} {ev.type} {ev.status}"
                tag = "lrn " if ev in added else "sys "
                print(f"  {tag} {g['article']} {reading} | {ev.evidence.text[:120]}")
            for item in golds:
                reading = f"{item['source']}>{item['target']} {item['type']}"
                print(f"  gold {g['article']} {reading} | {item.get('note', '')}")
    n = len(gold)
    lo, hi = interval(per_article)
    print(f"{n} articles, {totals['gold']} gold events: {totals['gold'] / n:.3f} per article", end=" ")
    print(f"(95 % {lo:.2f}–{hi:.2f})")
    system = totals["system"]
    print(f"entente: {system} happened state-to-state events, {system / n:.3f} per article")
    for label, f, r in (("pair and type", "found", "right"), ("pair only", "found_pair", "right_pair")):
        rec = totals[f] / max(totals["gold"], 1)
        prec = totals[r] / max(totals["system"], 1)
        print(f"{label:14} recall {rec:.3f} ({totals[f]}/{totals['gold']})", end="  ")
        print(f"precision {prec:.3f} ({totals[r]}/{totals['system']})")
    if layer is not None:
        print(f"added by the learned layer: {added_n}, right {added_right}", end=" ")
        print(f"(precision {added_right / max(added_n, 1):.3f})")
    return 0


def _key(ev: Event) -> tuple[str, str | None, str, str, int]:
    return (ev.source, ev.target, ev.type, ev.status, ev.evidence.start)


if __name__ == "__main__":
    sys.exit(main())
