"""Load and check the labelled (sentence, actor pair) examples in ``event_pairs.jsonl``.

The file holds references only: article id, character offsets into
``CorpusArticle.text`` and the sha1 of the sentence. This script re-reads the
NewsArticles corpus (``entente.corpora``), checks every reference and prints
counts per label, direction and status.

    .venv/bin/python train/check_pairs.py            # check and print counts
    .venv/bin/python train/check_pairs.py --quiet    # exit status only

From Python::

    from train.check_pairs import load_pairs
    for ex in load_pairs():          # each a dict; ex["sentence"] is the text
        ...
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "event_pairs.jsonl"

LABELS = (
    "NONE",
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
DIRECTIONS = ("a>b", "b>a", "mutual")
STATUSES = ("asserted", "attributed", "hypothetical", "negated")


def sha1_12(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def read_rows(path: Path = PAIRS) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _articles(ids: set[str]) -> dict[str, str]:
    """Corpus text of every article id referenced (one pass over each corpus)."""
    from entente import corpora

    texts: dict[str, str] = {}
    if any(i.startswith("newsarticles:") for i in ids):
        texts.update({a.id: a.text for a in corpora.newsarticles() if a.id in ids})
    if any(i.startswith("wikinews:") for i in ids):
        texts.update({a.id: a.text for a in corpora.wikinews() if a.id in ids})
    return texts


def problems(row: dict, text: str | None) -> list[str]:
    """What is wrong with one example (empty when it checks out)."""
    out: list[str] = []
    if text is None:
        return [f"article {row['doc']} not found in the corpus"]
    s0, s1 = row["sent"]
    (a0, a1), (b0, b1) = row["a"], row["b"]
    if not (0 <= s0 < s1 <= len(text)):
        out.append("sentence offsets out of range")
        return out
    if sha1_12(text[s0:s1]) != row["sha1"]:
        out.append("sentence sha1 differs")
    if text[a0:a1] != row["a_text"]:
        out.append(f"a span text differs: {text[a0:a1]!r} != {row['a_text']!r}")
    if text[b0:b1] != row["b_text"]:
        out.append(f"b span text differs: {text[b0:b1]!r} != {row['b_text']!r}")
    if not (s0 <= a0 < a1 <= b0 < b1 <= s1):
        out.append("spans not inside the sentence, or a not before b")
    if row["a_id"] == row["b_id"]:
        out.append("a and b are the same actor")
    if row["label"] not in LABELS:
        out.append(f"unknown label {row['label']!r}")
    if row["label"] == "NONE":
        if row["direction"] is not None or row["status"] is not None:
            out.append("NONE with a direction or status")
    else:
        if row["direction"] not in DIRECTIONS:
            out.append(f"bad direction {row['direction']!r}")
        if row["status"] not in STATUSES:
            out.append(f"bad status {row['status']!r}")
    return out


def load_pairs(path: Path = PAIRS, strict: bool = True) -> Iterator[dict]:
    """Examples with the sentence text filled in from the corpus.

    Each dict is the stored row plus ``sentence`` (the text) and ``a_rel`` /
    ``b_rel`` (the spans as offsets into ``sentence``). With ``strict`` a
    reference that does not check out raises ``ValueError``; otherwise it is
    skipped.
    """
    rows = read_rows(path)
    texts = _articles({r["doc"] for r in rows})
    for row in rows:
        text = texts.get(row["doc"])
        bad = problems(row, text)
        if bad:
            if strict:
                raise ValueError(f"{row['doc']} {row['sent']}: {'; '.join(bad)}")
            continue
        assert text is not None
        s0, s1 = row["sent"]
        yield {
            **row,
            "sentence": text[s0:s1],
            "a_rel": [row["a"][0] - s0, row["a"][1] - s0],
            "b_rel": [row["b"][0] - s0, row["b"][1] - s0],
        }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(PAIRS))
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)

    rows = read_rows(Path(args.path))
    texts = _articles({r["doc"] for r in rows})
    bad = 0
    seen: set[tuple] = set()
    for row in rows:
        key = (row["doc"], tuple(row["sent"]), tuple(sorted((row["a_id"], row["b_id"]))))
        errs = problems(row, texts.get(row["doc"]))
        if key in seen:
            errs.append("duplicate (sentence, actor pair)")
        seen.add(key)
        if errs:
            bad += 1
            print(f"BAD {row['doc']} {row['sent']} {row['a_id']}-{row['b_id']}: {'; '.join(errs)}")
    if not args.quiet:
        n = len(rows)
        print(f"{n} examples, {len({r['doc'] for r in rows})} articles, {bad} bad references")
        for title, key in (("label", "label"), ("direction", "direction"), ("status", "status")):
            counts = Counter(str(r[key]) for r in rows)
            print(f"\n{title}:")
            for value, c in counts.most_common():
                print(f"  {value:<13} {c:5d}  {100 * c / n:5.1f}%")
        events = [r for r in rows if r["label"] != "NONE"]
        quad = Counter(
            "verbal cooperation" if r["label"] in LABELS[1:5]
            else "material cooperation" if r["label"] in LABELS[5:8]
            else "verbal conflict" if r["label"] in LABELS[8:12]
            else "material conflict"
            for r in events
        )  # fmt: skip
        print("\nquad class (events only):")
        for value, c in quad.most_common():
            print(f"  {value:<21} {c:5d}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
