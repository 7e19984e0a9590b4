"""The ``entente`` group, its error handling and shared option parsers."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
from datetime import date
from typing import Any

import click

from entente.errors import E, EntenteError

EXIT_INTERNAL = 70
#: errors of writing the output (not of reading the input): a full disk, a closed pipe
OUTPUT_ERRNOS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str, *, one_line: bool = False) -> str:
    """``text`` safe for a terminal: control characters (ESC, CR, BEL...) shown as escapes.

    Terminal escape sequences in a file name, a URL or an article (clear-screen,
    set-title) are printed as ``\\x1b[...`` instead of acting; with ``one_line``
    line breaks and tabs are escaped too, so an error stays one line.
    """
    pattern = _CONTROL_LINE if one_line else _CONTROL
    return pattern.sub(lambda m: repr(m.group())[1:-1], text)


def echo_error(line: str) -> None:
    """One line on stderr, control characters escaped."""
    with contextlib.suppress(OSError):  # nowhere left to say it
        click.echo(printable(line, one_line=True), err=True)


def _silence_stdout() -> None:
    """After an output error, point stdout at /dev/null so that Python's flush at exit stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


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
            echo_error(f"error: {exc}")
            ctx.exit(exc.exit_status)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            echo_error("error: interrupted")
            ctx.exit(130)
        except OSError as exc:
            if exc.errno not in OUTPUT_ERRNOS:
                self._internal(ctx, exc)
            _silence_stdout()
            out = EntenteError(E.E031, source="<stdout>", cause=exc.strerror or type(exc).__name__)
            echo_error(f"error: {out}")
            ctx.exit(out.exit_status)
        except Exception as exc:
            self._internal(ctx, exc)

    def _internal(self, ctx: click.Context, exc: Exception) -> None:
        if os.environ.get("ENTENTE_DEBUG"):
            raise exc
        echo_error(
            f"error: internal error ({type(exc).__name__}: {exc}). "
            "Set ENTENTE_DEBUG=1 for a traceback and report it."
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
