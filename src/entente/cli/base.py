"""The ``entente`` group, its error handling and shared option parsers."""

from __future__ import annotations

import os
from datetime import date
from typing import Any

import click

from entente.errors import E, EntenteError

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
