"""Regenerate the unlabelled candidate pairs that ``event_pairs.jsonl`` was labelled from.

Samples NewsArticles articles with ``random.Random(13)``, runs entente's actor
and people steps (the quotes and events steps are disabled: the labels were
written without looking at entente's event output) and writes one candidate
per (sentence, unordered actor-id pair) to a JSONL file outside the
repository. Offsets index ``CorpusArticle.text``; no article text is written
except the short actor span texts.

    .venv/bin/python train/make_candidates.py 560 /tmp/candidates.jsonl
    .venv/bin/python train/make_candidates.py 700 /tmp/second.jsonl --seed 29 --exclude-used

``--exclude-used`` leaves out, before sampling, every article already in
``event_pairs.jsonl`` and every NewsArticles article named in ``gold/`` (the
density, hand-check and held-out sets), so a second sample adds new articles
and keeps the evaluation sets unseen (copies of those articles, with the
same first 300 characters, go too).

The candidates depend on entente's actor layer at the time of running; the
labelled file does not (it stores its own offsets), so later changes to the
actor layer do not invalidate it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
from pathlib import Path

from entente import pipeline
from entente.corpora import newsarticles
from entente.ingest import load_text
from entente.nlp import extensions as ext
from entente.records import Span

MAX_TOKENS = 80
SEED = 13
HERE = Path(__file__).resolve().parent
GOLD = HERE.parent / "gold"


def used_articles() -> set[str]:
    """Articles already labelled, and every NewsArticles article a gold file names."""
    used = {json.loads(line)["doc"] for line in (HERE / "event_pairs.jsonl").open(encoding="utf-8")}
    for path in GOLD.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        used.update(re.findall(r"newsarticles:\d+", text))
        if "corpus: newsarticles" in text:
            used.update(f"newsarticles:{n}" for n in re.findall(r"^\s+row: (\d+)", text, re.M))
    return used


def _actor_mentions(doc) -> list[tuple[int, int, str, str]]:
    """(start, end, actor id, how) in the cleaned text, overlaps resolved.

    Actor mentions and the mentions of people who speak for an actor are
    pooled; where two overlap the longer wins, then the actor mention (this
    drops e.g. a stray "UN" inside "Kim Jong Un").
    """
    pool = [(m.span.start, m.span.end, m.actor_id, "actor") for m in ext.mentions(doc) if m.actor_id]
    for person in ext.people(doc):
        if person.actor_id:
            pool += [(s.start, s.end, person.actor_id, "person") for s in person.mentions]
    pool.sort(key=lambda m: (-(m[1] - m[0]), 0 if m[3] == "actor" else 1, m[0]))
    kept: list[tuple[int, int, str, str]] = []
    for m in pool:
        if not any(m[0] < k[1] and k[0] < m[1] for k in kept):
            kept.append(m)
    return sorted(kept)


def main(n_articles: int, out_path: str, seed: int = SEED, exclude_used: bool = False) -> None:
    articles = list(newsarticles())
    if exclude_used:
        used = used_articles()
        # copies of a used article (the corpus repeats some) go too: same opening words
        heads = {a.text[:300] for a in articles if a.id in used}
        articles = [a for a in articles if a.id not in used and a.text[:300] not in heads]
    sample = random.Random(seed).sample(articles, n_articles)
    nlp = pipeline.load()
    disable = [c for c in ("entente_quotes", "entente_events", "entente_relations") if c in nlp.pipe_names]
    loaded = [(a, load_text(a.text, source=a.id, published=a.published)) for a in sample if a.text.strip()]
    docs = (pipeline.make_doc(nlp, d.info.text, d.info.published) for _, d in loaded)
    analysed = nlp.pipe(docs, disable=disable, batch_size=8)
    with open(out_path, "w", encoding="utf-8") as out:
        for (article, document), doc in zip(loaded, analysed, strict=True):
            mentions = _actor_mentions(doc)
            for sent in doc.sents:
                if len(sent) > MAX_TOKENS:
                    continue
                s0, s1 = sent.start_char, sent.end_char
                first: dict[str, tuple[int, int]] = {}
                for start, end, actor_id, _ in mentions:
                    if s0 <= start and end <= s1 and actor_id not in first:
                        first[actor_id] = (start, end)
                if len(first) < 2:
                    continue
                raw_sent = document.map_span(Span(s0, s1, doc.text[s0:s1]))
                ordered = sorted(first.items(), key=lambda kv: kv[1][0])
                for (a_id, (a0, a1)), (b_id, (b0, b1)) in itertools.combinations(ordered, 2):
                    ra = document.map_span(Span(a0, a1, doc.text[a0:a1]))
                    rb = document.map_span(Span(b0, b1, doc.text[b0:b1]))
                    raw = article.text
                    if raw[ra.start : ra.end] != ra.text or raw[rb.start : rb.end] != rb.text:
                        continue
                    row = {
                        "doc": article.id,
                        "sent": [raw_sent.start, raw_sent.end],
                        "a": [ra.start, ra.end],
                        "a_id": a_id,
                        "a_text": ra.text,
                        "b": [rb.start, rb.end],
                        "b_id": b_id,
                        "b_text": rb.text,
                    }
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n_articles", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--exclude-used", action="store_true", help="leave out labelled and gold articles")
    args = ap.parse_args()
    main(args.n_articles, args.out, args.seed, args.exclude_used)
