"""Re-score a hand check against the current code: which checked events are still reported,
and would their verdicts still hold?

Usage: python gold/events-check/recheck.py CHECK.yaml [CHECK.yaml ...] STORE.db [--show]

(all checks: ``gold/events-check/newsarticles-100*.yaml``; the English model is loaded once)

STORE.db is any entente store that holds the checked articles (it supplies their text and
publication date; the events are re-analysed with the code in this tree). For each checked
event: is an event with the same source, target and type (either order for mutual types)
still reported as happened from the same evidence sentence, and with which status?

* kept, same status: right when the verdict was right;
* kept, other happened status: a ``minor:`` verdict (asserted/attributed mix-up) flipped counts as
  mended; an event that was right and changed status counts as lost;
* not kept: "dropped" (a right event dropped is lost recall, a wrong one dropped is mended).

The checks the rules were built on say what a round mended and lost there; they are not a
measure of the code on unseen text (a fresh draw is).
"""

import collections
import sqlite3
import sys
from datetime import date

import yaml

from entente import pipeline
from entente.analyze import analyze_text

MUTUAL = {"CONSULT", "AGREE", "COOPERATE"}
HAPPENED = ("asserted", "attributed")


def _same(event, src, tgt, typ, evidence):
    pair = (event.source, event.target) == (src, tgt) or (
        typ in MUTUAL and (event.source, event.target) == (tgt, src)
    )
    sentences = [event.evidence.text.strip()] + [
        s.text.strip() for s in (getattr(event, "other_evidence", None) or ())
    ]
    return pair and event.type == typ and any(evidence[:60] in s or s[:60] in evidence for s in sentences)


def recheck(check, store, show=False, nlp=None):
    with open(check, encoding="utf-8") as handle:
        rows = yaml.safe_load(handle)
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    nlp = nlp or pipeline.load()
    analyses = {}
    tally = collections.Counter()
    for r in rows:
        aid = r["article_id"]
        text, published, source_text = con.execute(
            "SELECT text, published, coalesce(input, text) FROM articles WHERE id = ?", (aid,)
        ).fetchone()
        evidence = source_text[r["evidence"][0] : r["evidence"][1]].strip()
        if aid not in analyses:
            day = date.fromisoformat(published[:10]) if published else None
            analyses[aid] = analyze_text(text, published=day, nlp=nlp)
        src, tgt, typ, status = r["system"].split()
        hits = [e for e in analyses[aid].events if _same(e, src, tgt, typ, evidence)]
        # several events of one pair and type in one sentence: the one of the checked status first
        happened = sorted((e for e in hits if e.status in HAPPENED), key=lambda e: e.status != status)
        was = "right" if r["correct"] else "wrong"
        if happened:
            now = happened[0].status
            minor = str(r.get("note", "")).startswith("minor:")
            if now == status:
                status_ok = r["status_ok"]
            else:
                status_ok = minor and not r["status_ok"]
            ok = r["source_ok"] and r["target_ok"] and r["type_ok"] and status_ok
            key = (was, "kept-right" if ok else "kept-wrong")
        else:
            now = "status:" + hits[0].status if hits else "gone"
            key = (was, "dropped")
        tally[key] += 1
        changed = key in (("right", "dropped"), ("right", "kept-wrong"), ("wrong", "kept-right"))
        if show and (key[1] == "kept-wrong" or changed):
            note = str(r.get("note", ""))[:100]
            print(f"{was:5}->{key[1]:10} now={now:20} {r['article']} {r['system']} | {note}")
    con.close()
    right = tally[("right", "kept-right")] + tally[("wrong", "kept-right")]
    kept = right + tally[("right", "kept-wrong")] + tally[("wrong", "kept-wrong")]
    lost = tally[("right", "dropped")] + tally[("right", "kept-wrong")]
    mended = tally[("wrong", "dropped")] + tally[("wrong", "kept-right")]
    name = check.replace("\\", "/").split("/")[-1]
    print(
        f"{name}: right now {right}/{kept} kept = {right / max(1, kept):.3f}; "
        f"right lost {lost}, wrong mended {mended}"
    )


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        sys.exit(__doc__)
    shared = pipeline.load()
    for path in args[:-1]:
        recheck(path, args[-1], show="--show" in sys.argv, nlp=shared)
