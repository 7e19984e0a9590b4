"""Draw the hand-check sample of happened state-to-state events from an entente store.

Usage: python gold/events-check/sample.py STORE.db [N] [SEED]

Happened state-to-state events: events whose source and target are both actors
of kind 'state', with status 'asserted' or 'attributed', in canonical articles.
The rows are sorted by (article_id, seq) and N of them (default 100) are drawn
with random.Random(SEED).sample (default seed 100). Prints one JSON line per
drawn event (references only: article, article_id, seq, evidence offsets, sha1
of the evidence text, the system's reading), in draw order, then a summary line
on stderr with the population size and events per canonical article.
"""

import hashlib
import json
import random
import sqlite3
import sys

QUERY = """
SELECT e.article_id, e.seq, a.source, e.source, e.target, e.type, e.status,
       e.evidence_start, e.evidence_end, e.evidence_text
FROM events e
JOIN actors s ON s.id = e.source
JOIN actors t ON t.id = e.target
JOIN articles a ON a.id = e.article_id
WHERE s.kind = 'state' AND t.kind = 'state'
  AND e.status IN ('asserted', 'attributed')
  AND a.canonical = 1
ORDER BY e.article_id, e.seq
"""


def draw(path, n=100, seed=100):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = con.execute(QUERY).fetchall()
    articles = con.execute("SELECT count(*) FROM articles WHERE canonical = 1").fetchone()[0]
    con.close()
    picked = random.Random(seed).sample(rows, n)
    out = []
    for art_id, seq, art_src, src, tgt, typ, status, es, ee, etext in picked:
        out.append({
            "article": art_src,
            "article_id": art_id,
            "seq": seq,
            "evidence": [es, ee],
            "sha1": hashlib.sha1(etext.encode("utf-8")).hexdigest()[:12],
            "system": f"{src} {tgt} {typ} {status}",
        })
    return out, len(rows), articles


def main(argv):
    path = argv[1]
    n = int(argv[2]) if len(argv) > 2 else 100
    seed = int(argv[3]) if len(argv) > 3 else 100
    sample, population, articles = draw(path, n, seed)
    for item in sample:
        print(json.dumps(item))
    print(f"population={population} canonical_articles={articles} "
          f"per_article={population / articles:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
