"""The ``entente`` command line: one module per verb group. Every command's help ends with a
runnable example (tested)."""

from __future__ import annotations

from entente.cli import (
    analyze,  # noqa: F401  (registers the commands)
    corpus,  # noqa: F401  (registers corpus list, fetch, export)
    evaluate,  # noqa: F401  (registers eval)
    graph,  # noqa: F401  (registers graph, explain, export)
    pages,  # noqa: F401  (registers eval-pages)
    serve,  # noqa: F401  (registers serve)
    store,  # noqa: F401  (registers ingest, articles, events, quotes, actors)
)
from entente.cli.base import EXIT_INTERNAL, EntenteGroup, main, parse_date

__all__ = ["EXIT_INTERNAL", "EntenteGroup", "main", "parse_date"]

if __name__ == "__main__":  # pragma: no cover
    main()
