"""The ``entente`` command line: one module per verb group. Every command's help ends with a
runnable example (tested)."""

from __future__ import annotations

from entente.cli import analyze  # noqa: F401  (registers the commands)
from entente.cli.base import EXIT_INTERNAL, EntenteGroup, main, parse_date

__all__ = ["EXIT_INTERNAL", "EntenteGroup", "main", "parse_date"]

if __name__ == "__main__":  # pragma: no cover
    main()
