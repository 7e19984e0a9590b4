"""``entente eval``: score entente against gold files and gate on the committed floors."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any

import click

from entente.cli.base import echo_error, main
from entente.errors import EntenteError
from entente.eval.run import DEFAULT_FLOORS, EvalResult, FloorCheck, check_floors, evaluate, load_floors
from entente.eval.table import render

HELP = """Score entente against gold files and check the floors.

PATH is a gold file (NAME.gold.yaml or NAME.gold.json, format: ../shared/gold/FORMAT.md)
or a folder searched recursively for them. Each gold file's article text
(article.file, else NAME.txt beside it) is analysed and every section the file holds
is scored. Totals pool the counts of all files (micro-average).

\b
Example:
  entente eval ../shared/gold/russia-iran-entente.gold.yaml --json
  entente eval ../shared/gold --summary --misses

\b
Exit status:
  0  every floor met
  1  a figure is below its floor
  5  a gold or floors file is malformed
"""


def to_json(result: EvalResult, checks: list[FloorCheck]) -> dict[str, Any]:
    """``files`` and ``total`` hold the 19 figures; counts, misses and floors sit beside them."""
    names = result.keys
    return {
        "files": {n: s.figures for n, s in zip(names, result.scores, strict=True)},
        "total": result.total,
        "counts": {
            "files": {n: s.counts for n, s in zip(names, result.scores, strict=True)},
            "total": result.total_counts,
        },
        "misses": {n: s.misses for n, s in zip(names, result.scores, strict=True)},
        "floors": [{**asdict(c.floor), "value": c.value, "ok": c.ok, "files": c.files} for c in checks],
        "seconds": round(result.seconds, 2),
    }


@main.command("eval", help=HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True), metavar="PATH...")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--floors",
    "floors_file",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help=f"Floors file to check against (default: the committed {DEFAULT_FLOORS.name}).",
)
@click.option("--no-floors", is_flag=True, help="Report the figures without checking floors (exit 0).")
@click.option("--summary", is_flag=True, help="Print only the total and the floors, not each file.")
@click.option("--misses", is_flag=True, help="List under each file what was missed or wrong.")
def eval_command(
    paths: tuple[str, ...],
    as_json: bool,
    floors_file: str | None,
    no_floors: bool,
    summary: bool,
    misses: bool,
) -> None:
    try:
        floors = [] if no_floors else load_floors(floors_file or DEFAULT_FLOORS)
        result = evaluate(paths)
    except EntenteError as exc:
        echo_error(f"error: {exc}")
        sys.exit(exc.exit_status)
    checks = check_floors(result, floors)
    if as_json:
        click.echo(json.dumps(to_json(result, checks), indent=2, ensure_ascii=False))
    else:
        click.echo(render(result, checks, per_file=not summary, misses=misses))
    click.echo(f"evaluated {len(result.scores)} gold files in {result.seconds:.1f} s", err=True)
    failed = [c for c in checks if not c.ok]
    if failed:
        click.echo(f"{len(failed)} of {len(checks)} floors not met", err=True)
        sys.exit(1)
