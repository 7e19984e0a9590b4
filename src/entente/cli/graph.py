"""``entente graph`` (the strongest relations, blocs and balance of a period), ``entente explain``
(one pair: relation, trend, evidence, third parties) and ``entente export`` (GEXF, GraphML, CSV,
Parquet, JSON)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import click

from entente.cli.base import main, parse_date, printable

DB_HELP = "The store: a SQLite path or URL, or postgresql://user@host/db (env ENTENTE_DB)."
DEFAULT_DB = "sqlite:///entente.db"
WINDOW_HELP = "Time window: day, week, month, or a length such as 10d or 2w."


def _open(db: str) -> Any:
    from entente.cli.store import _open_existing

    return _open_existing(db)


def _actors(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [a.strip().upper() for a in value.split(",") if a.strip()]


def _window(value: str) -> str:
    from entente.graph.windows import parse_window

    try:
        parse_window(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--window") from exc
    return value


def period_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Last day (included).")(f)
    f = click.option("--from", "date_from", metavar="YYYY-MM-DD", help="First day.")(f)
    return click.option("--db", default=DEFAULT_DB, show_default=True, envvar="ENTENTE_DB", help=DB_HELP)(f)


def _interval(low: float, high: float) -> str:
    return f"[{low:+.2f}, {high:+.2f}]"


def _date(value: date | None) -> str:
    return value.isoformat() if value else "?"


def _period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "all dates"
    return f"{_date(start) if start else 'the start'} to {_date(end) if end else 'the end'}"


# ---------------------------------------------------------------------------------- graph


@main.command("graph")
@period_options
@click.option("--top", type=click.IntRange(1), default=30, show_default=True, help="Relations to show.")
@click.option("--actors", "actor_list", metavar="A,B,...", help="Only pairs of these actors (ids).")
@click.option("--seed", default=0, show_default=True, help="Seed of the bloc search.")
def graph_command(
    db: str, date_from: str | None, date_to: str | None, top: int, actor_list: str | None, seed: int
) -> None:
    """Print the strongest relations of a period, the blocs and the balance of the network.

    Relations are scored from the text alone: events that happened (hypothetical and negated
    ones are not counted), quoted stances and relational statements, each syndicated story
    counted once. The score is 2p - 1 for p the share of cooperation, with a 95 % Wilson
    interval; "strongest" is the most net evidence. Blocs and balance are computed on the
    TOP relations shown.

    Example:
      entente graph --db sqlite:///entente.db --from 2017-02-01 --to 2017-03-31 --top 30
    """
    from entente.graph.network import balance, edge_table, graph_from_table
    from entente.graph.queries import actor_info

    start, end = parse_date(date_from), parse_date(date_to)
    store = _open(db)
    try:
        table = edge_table(store, start, end, actors=_actors(actor_list), top=top)
        ids = sorted(set(table["a"]) | set(table["b"]))
        names = actor_info(store.engine, ids) if ids else {}
    finally:
        store.close()
    g = graph_from_table(table, names)
    click.echo(f"entente graph: {_period(start, end)}, the {len(table)} strongest relations")
    if not len(table):
        click.echo("(no relations in this period)")
        return
    click.echo(
        f"{'pair':<16}{'score':>7}  {'95% interval':<17}{'events':>7}{'coop':>7}{'confl':>7}"
        f"{'quotes':>7}{'stmts':>6}"
    )
    for row in table.to_dict("records"):
        pair = f"{row['a']}-{row['b']}"
        click.echo(
            f"{pair:<16}{row['score']:>+7.2f}  {_interval(row['score_low'], row['score_high']):<17}"
            f"{int(row['events']):>7}{row['coop']:>7.1f}{row['conflict']:>7.1f}{int(row['quotes']):>7}{int(row['statements']):>6}"
        )
    result = balance(g, seed)
    click.echo("")
    click.echo(f"blocs ({result.blocs.method}):")
    for i, bloc in enumerate(result.blocs.blocs, 1):
        click.echo(f"  {i}. {', '.join(bloc)}")
    f = result.frustration
    click.echo("")
    triad_part = (
        f"{result.balanced} of {len(result.triads)} triads balanced ({result.share:.0%})"
        if result.share is not None
        else "no triads among these relations"
    )
    click.echo(
        f"balance: {triad_part}; frustration index {f.index} of {g.number_of_edges()} edges ({f.method})"
    )
    unbalanced = [t for t in result.triads if not t.balanced]
    for t in unbalanced[:5]:
        signs = " ".join("+" if s > 0 else "-" for s in t.signs)
        click.echo(f"  unbalanced: {'-'.join(t.actors)} (signs {signs})")
    lows = sorted(
        ((n, b) for n, b in result.actors.items() if b.triads), key=lambda x: (x[1].share or 0, -x[1].triads)
    )
    if lows:
        shown = ", ".join(f"{n} {b.balanced}/{b.triads}" for n, b in lows[:5])
        click.echo(f"  least balanced actors: {shown}")


# ---------------------------------------------------------------------------------- explain


@main.command("explain")
@click.argument("a")
@click.argument("b")
@period_options
@click.option(
    "--window", default="month", show_default=True, callback=lambda c, p, v: _window(v), help=WINDOW_HELP
)
@click.option(
    "--limit", default=5, show_default=True, type=click.IntRange(1), help="Sentences and quotes to show."
)
def explain_command(
    a: str, b: str, db: str, date_from: str | None, date_to: str | None, window: str, limit: int
) -> None:
    """Explain the relation of two actors: its score and trend, the sentences and quotes behind
    it with their articles, and the third parties that push the pair together or hold it apart.

    Example:
      entente explain USA MEX --db sqlite:///entente.db --from 2017-02-01 --to 2017-03-31
    """
    from entente.graph.explain import explain

    start, end = parse_date(date_from), parse_date(date_to)
    store = _open(db)
    try:
        x = explain(store, a.upper(), b.upper(), start, end, window=window, limit=limit)
    finally:
        store.close()
    r = x.relation
    c = x.counts
    click.echo(f"{x.a} ({x.names[0]}) - {x.b} ({x.names[1]}), {_period(start, end)}")
    click.echo(
        f"relation: score {r.score:+.2f}, 95% interval {_interval(r.low, r.high)}, from "
        f"{int(c.get('events', 0))} events that happened ({int(c.get('events_coop', 0))} cooperative, "
        f"{int(c.get('events_conflict', 0))} conflictual), {int(c.get('quotes', 0))} quotes, "
        f"{int(c.get('statements', 0))} statements; not counted: {int(c.get('hypothetical', 0))} "
        f"hypothetical, {int(c.get('negated', 0))} negated events"
    )
    t = x.trend
    click.echo(
        f"trend by {x.series['window_start'].size} {window} windows: {t.direction} (first half "
        f"{t.first_score:+.2f}, second half {t.second_score:+.2f}; halves test p = {t.p_value:.2f}, "
        f"Mann-Kendall p = {t.mann_kendall.p_value:.2f})"
    )
    for row in x.series.to_dict("records"):
        if row["coop"] + row["conflict"]:
            click.echo(
                f"  {row['window_start']} to {row['window_end']}: {row['score']:+.2f} "
                f"{_interval(row['score_low'], row['score_high'])}"
                f" coop {row['coop']:g}, conflict {row['conflict']:g}"
            )
    for title, items in (
        ("evidence", x.evidence),
        ("quotes", x.quotes),
        ("not counted (hypothetical or negated)", x.not_counted),
    ):
        click.echo("")
        click.echo(f"{title}:" if items else f"{title}: none")
        for e in items:
            text = printable(" ".join(e.text.split()), one_line=True)
            if len(text) > 300:
                text = text[:297] + "..."
            sign = "+" if e.sign > 0 else "-"
            click.echo(f"  {sign} {text}")
            s = e.source
            where = " | ".join(str(p) for p in (s.outlet, _date(s.published), s.title, s.url) if p)
            click.echo(f"      [{printable(e.detail, one_line=True)}] {printable(where, one_line=True)}")
    click.echo("")
    if not x.together and not x.apart:
        click.echo("third parties: none related to both in this period")
    for title, parties in (("pushing together", x.together), ("holding apart", x.apart)):
        if parties:
            click.echo(f"third parties {title}:")
            for p in parties[:limit]:
                verdict = (
                    ""
                    if p.balanced is None
                    else (" (balanced triad)" if p.balanced else " (unbalanced triad)")
                )
                click.echo(f"  {p.reading}{verdict}")


# ---------------------------------------------------------------------------------- export


@main.command("export")
@click.argument("out")
@period_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gexf", "graphml", "csv", "parquet", "json"]),
    required=True,
    help="gexf: dynamic (a Gephi timeline); graphml: the whole period; csv/parquet: one row per "
    "pair and window; json: all of it.",
)
@click.option(
    "--window", default="month", show_default=True, callback=lambda c, p, v: _window(v), help=WINDOW_HELP
)
@click.option("--top", type=click.IntRange(1), help="Only the N strongest pairs of the period.")
@click.option("--actors", "actor_list", metavar="A,B,...", help="Only pairs of these actors (ids).")
def export_command(
    out: str,
    db: str,
    date_from: str | None,
    date_to: str | None,
    fmt: str,
    window: str,
    top: int | None,
    actor_list: str | None,
) -> None:
    """Write the alignment network to OUT (- for standard output with csv and json).

    Example:
      entente export season.gexf --db sqlite:///entente.db --format gexf --window week
    """
    from entente.export import export

    if out == "-" and fmt not in ("csv", "json"):
        raise click.BadParameter(f"{fmt} needs a file", param_hint="OUT")
    start, end = parse_date(date_from), parse_date(date_to)
    store = _open(db)
    try:
        bundle = export(store, out, fmt, start, end, window=window, actors=_actors(actor_list), top=top)
    finally:
        store.close()
    if out != "-":
        click.echo(
            f"wrote {out}: {bundle.graph.number_of_nodes()} actors, {bundle.graph.number_of_edges()} "
            f"pairs, {len(bundle.table)} pair-windows ({bundle.window})",
            err=True,
        )
