"""``entente ingest`` (sources into the store) and ``articles``, ``events``, ``quotes``, ``actors``
(list what is stored)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from entente.cli.base import main, parse_date
from entente.errors import E, EntenteError
from entente.store.ingest import Tally

DB_HELP = "The store: a SQLite path or URL, or postgresql://user@host/db (env ENTENTE_DB)."
DEFAULT_DB = "sqlite:///entente.db"
DASK_HELP = (
    "Analyse on Dask: a scheduler address (tcp://host:8786), or `local` for a LocalCluster of "
    "--workers processes; partitions go to --parquet as Parquet files, then into the store."
)


# ---------------------------------------------------------------------------------- sources


def read_sources(paths: tuple[str, ...], columns: dict[str, str | None]) -> tuple[Iterator[Any], Any]:
    """The items of ``paths`` and the failures of inputs that gave none, one at a time, with the
    readers' running counts (:mod:`entente.ingest.sources`: folders, CSV, JSONL, RSS/Atom, WARC,
    URL lists, URLs, ``-``)."""
    from entente.ingest.sources import SourceStats, iter_items

    stats = SourceStats()
    items = iter_items(
        list(paths),
        text_column=columns.get("text"),
        title_column=columns.get("title"),
        date_column=columns.get("date"),
        url_column=columns.get("url"),
        outlet_column=columns.get("outlet"),
        stats=stats,
    )
    return items, stats


def estimate_total(paths: Iterable[str]) -> int | None:
    """How many documents ``paths`` hold, for the progress bar's ETA; None where it is unknown
    without reading (URLs, feeds, WARC, compressed files). Lines stand for CSV/JSONL rows."""
    from entente.ingest.sources import kind_of
    from entente.ingest.sources.files import FOLDER_FORMATS

    total = 0
    for name in paths:
        path = Path(name)
        if name == "-" or "://" in name:
            return None
        if path.is_dir():
            total += sum(
                1
                for f in path.rglob("*")
                if f.suffix.lower() in FOLDER_FORMATS and not f.name.startswith(".") and f.is_file()
            )
        elif not path.is_file():
            total += 1  # a failure
        elif (kind := kind_of(path)) in ("html", "txt", "document"):
            total += 1
        elif kind in ("csv", "jsonl") and not path.name.lower().endswith(".gz"):
            total += _lines(path) - (kind == "csv")
        else:
            return None
    return total


def _lines(path: Path) -> int:
    count = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            count += chunk.count(b"\n")
    return count


# ---------------------------------------------------------------------------------- progress


class Progress:
    """A tqdm bar (rate, ETA) on a terminal; otherwise a plain line every few seconds, on stderr."""

    def __init__(self, total: int | None, every: float = 5.0) -> None:
        self.started = time.monotonic()
        self.last = self.started
        self.every = every
        self.count = 0
        self.bar: Any = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", desc="ingest", file=sys.stderr)

    def step(self, tally: Tally) -> None:
        self.count += 1
        if self.bar is not None:
            self.bar.update(1)
            return
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            rate = self.count / max(now - self.started, 1e-9)
            click.echo(
                f"ingest: {self.count} documents ({rate:.1f}/s): {tally.ingested} ingested, "
                f"{tally.already} already there, {len(tally.failures)} failed",
                err=True,
            )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# ---------------------------------------------------------------------------------- ingest


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, envvar="ENTENTE_DB", help=DB_HELP)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1), help="Processes.")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1))
@click.option("--text-column", help="CSV column / JSONL key holding the text.")
@click.option("--title-column", help="... the title.")
@click.option("--date-column", help="... the publication date.")
@click.option("--url-column", help="... the URL.")
@click.option("--outlet-column", help="... the outlet.")
@click.option("--model", default=None, help="spaCy pipeline to load (default: en_core_web_sm if installed).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(), metavar="FILE")
# --- scale (issue 11): entente.scale runs the analysis on Dask; everything else is as above
@click.option("--dask", "dask_address", metavar="ADDRESS|local", help=DASK_HELP)
@click.option(
    "--parquet",
    "parquet_dir",
    default="entente-parquet",
    show_default=True,
    metavar="DIR",
    help="With --dask: the folder of analysed partitions (shared storage on a real cluster).",
)
@click.option(
    "--partition-size",
    default=32,
    show_default=True,
    type=click.IntRange(1),
    help="With --dask: documents per partition (one task).",
)
def ingest_command(
    paths: tuple[str, ...],
    db: str,
    workers: int,
    batch_size: int,
    text_column: str | None,
    title_column: str | None,
    date_column: str | None,
    url_column: str | None,
    outlet_column: str | None,
    model: str | None,
    actor_files: tuple[str, ...],
    dask_address: str | None = None,
    parquet_dir: str = "entente-parquet",
    partition_size: int = 32,
) -> None:
    """Analyse documents into a store, skipping those already there; re-runs add nothing.

    PATH is a folder of .txt/.html files, a file (CSV, JSONL, RSS, WARC, a list of
    URLs, an article), a URL, or - for standard input. Each article is written in
    one transaction with all its records: a run killed midway loses only the
    articles in flight, and running it again completes the rest. Near-duplicates
    (wire copies) are grouped into stories. Failures are recorded in the store
    and listed at the end; the exit status is 6 when some documents failed.

    \b
    Example:
      entente ingest examples/ --db sqlite:///entente.db --workers 2
    """
    from entente.store import open_store

    columns = {
        "text": text_column,
        "title": title_column,
        "date": date_column,
        "url": url_column,
        "outlet": outlet_column,
    }
    store = open_store(db)
    try:
        if dask_address:  # scale (issue 11)
            dask = {"address": dask_address, "parquet_dir": parquet_dir, "partition_size": partition_size}
            tally = _ingest_dask(store, paths, columns, workers, batch_size, model, actor_files, dask)
        else:
            tally = _ingest(store, paths, columns, workers, batch_size, model, actor_files)
    finally:
        store.close()
    _summary(tally, store.url)
    if tally.failures:
        sys.exit(6)


def _ingest(
    store: Any,
    paths: tuple[str, ...],
    columns: dict[str, str | None],
    workers: int,
    batch_size: int,
    model: str | None,
    actor_files: tuple[str, ...],
) -> Tally:
    from entente.store.ingest import ingest

    items, stats = read_sources(paths, columns)
    progress = Progress(estimate_total(paths))
    try:
        tally = ingest(
            store,
            items,
            workers=workers,
            batch_size=batch_size,
            model=model,
            actor_files=actor_files,
            on_step=progress.step,
        )
    finally:
        progress.close()
    tally.skipped = dict(stats.skipped)
    return tally


def _ingest_dask(
    store: Any,
    paths: tuple[str, ...],
    columns: dict[str, str | None],
    workers: int,
    batch_size: int,
    model: str | None,
    actor_files: tuple[str, ...],
    dask: dict[str, Any],
) -> Tally:
    """``--dask``: the analysis on a Dask cluster, merged in input order (entente.scale, issue 11)."""
    from entente.scale import ingest_dask

    items, stats = read_sources(paths, columns)
    result = ingest_dask(
        store,
        items,
        workers=workers,
        batch_size=batch_size,
        model=model,
        actor_files=tuple(actor_files),
        report=lambda line: click.echo(line, err=True),
        **dask,
    )
    tally = Tally(failures=result.failures, skipped=dict(stats.skipped))
    for outcome, n in result.outcomes.items():
        for _ in range(n):
            tally.count(outcome)
    return tally


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def _summary(tally: Tally, url: str) -> None:
    from entente.store.engine import shown

    replaced = f" ({tally.replaced} re-analysed for this version)" if tally.replaced else ""
    click.echo(f"store: {shown(url)}")
    click.echo(f"ingested: {tally.ingested}{replaced}")
    click.echo(f"already there: {tally.already}")
    click.echo(f"duplicates: {tally.duplicates} (copies of a stored story, kept as evidence)")
    if tally.skipped:
        click.echo("not documents: " + ", ".join(f"{why} {n}" for why, n in tally.skipped.items()))
    click.echo(f"failed: {len(tally.failures)}")
    for name, cause in tally.failures:
        click.echo(f"  {name}: {cause}")


# ---------------------------------------------------------------------------------- listing

TABLE_COLUMNS = {
    "articles": ["id", "published", "outlet", "title", "story_id", "canonical", "copies"],
    "events": ["day", "source", "type", "target", "status", "trigger_text", "evidence_text", "article_id"],
    "quotes": ["published", "speaker_name", "speaker_actor", "kind", "text", "article_id"],
    "actors": ["id", "name", "kind", "articles", "mentions"],
}


def _open_existing(db: str) -> Any:
    from sqlalchemy.engine import make_url

    from entente.store import normalise_url, open_store
    from entente.store.engine import shown

    url = normalise_url(db)
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise EntenteError(E.E020, url=db, cause=str(exc)) from exc
    database = parsed.database or ""
    in_file = parsed.get_backend_name() == "sqlite" and database not in ("", ":memory:")
    if in_file and not Path(database).exists():
        cause = f"no such file; run `entente ingest PATH --db {db}` first"
        raise EntenteError(E.E020, url=shown(url), cause=cause)
    return open_store(url)


def list_options() -> Callable[[Any], Any]:
    """The options every list command shares."""

    def wrap(f: Any) -> Any:
        for option in reversed(
            [
                click.option(
                    "--db", default=DEFAULT_DB, show_default=True, envvar="ENTENTE_DB", help=DB_HELP
                ),
                click.option("--actor", help="Actor id, e.g. RUS."),
                click.option("--from", "date_from", metavar="YYYY-MM-DD", help="On or after this day."),
                click.option("--to", "date_to", metavar="YYYY-MM-DD", help="On or before this day."),
                click.option("--unique", is_flag=True, help="One article per story (canonical copies)."),
                click.option(
                    "--limit", default=50, show_default=True, help="At most this many rows; 0: all."
                ),
                click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table"),
            ]
        ):
            f = option(f)
        return f

    return wrap


def _list(listing: str, db: str, fmt: str, limit: int, **filters: Any) -> None:
    filters["date_from"] = parse_date(filters.get("date_from"))
    filters["date_to"] = parse_date(filters.get("date_to"))
    filters["canonical_only"] = filters.pop("unique", False)
    from entente.store import output

    store = _open_existing(db)
    try:
        rows = getattr(store, listing)(limit=limit or None, **filters)
        output.write_rows(rows, fmt, TABLE_COLUMNS[listing], sys.stdout)
    finally:
        store.close()


@main.command("articles")
@list_options()
@click.option("--outlet", help="Only this outlet.")
def articles_command(db: str, fmt: str, limit: int, **filters: Any) -> None:
    """List stored articles (publication date, outlet, title, story); --actor: those naming it.

    \b
    Example:
      entente articles --db sqlite:///entente.db --actor RUS --from 2017-02-01 --format csv
    """
    _list("articles", db, fmt, limit, **filters)


@main.command("events")
@list_options()
@click.option("--type", "type_", metavar="PLOVER", help="Event type, e.g. ASSAULT, AGREE.")
@click.option(
    "--status", type=click.Choice(["asserted", "attributed", "hypothetical", "negated"]), help="Event status."
)
def events_command(db: str, fmt: str, limit: int, type_: str | None, **filters: Any) -> None:
    """List stored events; --actor matches source or target, --from/--to the event's day.

    \b
    Example:
      entente events --actor RUS --type ASSAULT --status asserted --from 2017-02-01 --to 2017-03-31
    """
    _list("events", db, fmt, limit, type=type_, **filters)


@main.command("quotes")
@list_options()
@click.option("--speaker", help="The speaker's resolved name, e.g. 'Sergei Lavrov'.")
def quotes_command(db: str, fmt: str, limit: int, **filters: Any) -> None:
    """List stored quotes; --actor matches the actor the speaker speaks for.

    \b
    Example:
      entente quotes --db sqlite:///entente.db --actor RUS --format json
    """
    _list("quotes", db, fmt, limit, **filters)


@main.command("actors")
@list_options()
@click.option("--kind", type=click.Choice(["state", "organisation", "bloc", "armed_group", "other"]))
def actors_command(db: str, fmt: str, limit: int, **filters: Any) -> None:
    """List the actors found in stored articles, most mentioned first, with article counts.

    \b
    Example:
      entente actors --db sqlite:///entente.db --from 2017-03-01 --limit 20
    """
    _list("actors", db, fmt, limit, **filters)
