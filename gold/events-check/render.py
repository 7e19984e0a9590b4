"""Print drawn events of a hand check for a reviewer: the system's reading, the evidence
sentence and the text before it.

Usage: python gold/events-check/render.py STORE.db SAMPLE.jsonl FROM TO

SAMPLE.jsonl is what sample.py printed; FROM and TO pick items FROM+1..TO of the draw
(0 50 gives the first half). Nothing is written; the text comes from the store.
"""

import json
import sqlite3
import sys

BEFORE = 700  # characters of context before the evidence sentence


def render(store, sample, lo, hi):
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    with open(sample, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    for i, r in enumerate(rows[lo:hi], start=lo + 1):
        text, published, title = con.execute(
            "SELECT coalesce(input, text), published, title FROM articles WHERE id = ?", (r["article_id"],)
        ).fetchone()
        trigger, who, when = con.execute(
            "SELECT trigger_text, attributed_to, date_value FROM events WHERE article_id = ? AND seq = ?",
            (r["article_id"], r["seq"]),
        ).fetchone()
        a, b = r["evidence"]
        print(
            f"=== #{i} {r['article']} (article_id {r['article_id']}, seq {r['seq']}) "
            f"published {published}; title: {title}"
        )
        print(f"SYSTEM: {r['system']}  trigger={trigger!r} attributed_to={who!r} date={when!r}")
        print(f"EVIDENCE [{a}, {b}] sha1 {r['sha1']}: {text[a:b]}")
        print(f"BEFORE: ...{text[max(0, a - BEFORE) : a]}")
        print()
    con.close()


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    render(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
