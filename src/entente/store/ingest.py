"""``ingest``: items into the store, skipping what is there; the library function behind
``entente ingest`` and ``entente demo``.

Each item already stored by this entente version (same input hash) is skipped
before any analysis; the same text from another input is recorded as a copy;
the rest goes through :func:`entente.batch.finish_stream`, which turns each
analysis into its rows (in the worker processes when there are several), and is
written one article per transaction. Reading and analysis failures are recorded in the
store's failures table and returned in the :class:`Tally`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from entente.batch import Failure, Item, finish_stream
from entente.ingest.sources import SourceFailure
from entente.records import Analysis, article_id
from entente.store.core import Store
from entente.store.write import Rows, rows_of


@dataclass
class Tally:
    """What an ingest did."""

    ingested: int = 0
    replaced: int = 0
    already: int = 0
    duplicates: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # not documents: other files, ... -> how many

    def count(self, outcome: str) -> None:
        """Count a write's outcome (see :class:`entente.store.WriteResult`)."""
        if outcome == "exists":
            self.already += 1
            return
        self.ingested += 1
        self.replaced += outcome == "replaced"
        self.duplicates += outcome in ("duplicate", "copy")


def known(store: Store, item: Item) -> tuple[str, bool | None]:
    """The item's input hash, and what the store knows of it: None (new: analyse it), False (this
    input is stored already), True (the same text came from another input: recorded as a copy)."""
    digest = article_id(item.text)
    return digest, store.add_copy(
        digest, source=item.id, outlet=item.outlet, url=item.url, title=item.title, published=item.published
    )


def ingest(
    store: Store,
    items: Iterable[Item | SourceFailure],
    *,
    workers: int = 1,
    batch_size: int = 16,
    model: str | None = None,
    actor_files: Sequence[str] = (),
    on_step: Callable[[Tally], None] | None = None,
) -> Tally:
    """Analyse ``items`` into ``store``; ``on_step`` is called after every item (progress).

    The spaCy pipeline is loaded only when some item is new.
    """
    tally = Tally()
    step = on_step or (lambda _t: None)

    def todo() -> Iterator[Item]:
        """Items not yet stored by this version; failures of reading are recorded on the way."""
        for item in items:
            if isinstance(item, SourceFailure):
                store.record_failure(item.input_name, item.cause)
                tally.failures.append((item.input_name, item.cause))
                step(tally)
                continue
            _, seen = known(store, item)
            if seen is not None:  # stored: this input already, or the same text from elsewhere
                tally.count("copy" if seen else "exists")
                step(tally)
                continue
            yield item

    pending = todo()
    first = next(pending, None)
    if first is None:
        return tally
    from entente import pipeline

    # the same call as everywhere else, so the cached pipeline is shared
    nlp = pipeline.load(model, tuple(actor_files)) if model or actor_files else pipeline.load()
    finish = partial(_rows, store.version)
    for item, outcome in finish_stream(
        _chain(first, pending), finish, nlp=nlp, batch_size=batch_size, workers=workers
    ):
        if isinstance(outcome, Failure):
            cause = " ".join(outcome.cause.split())  # one line, whatever the exception said
            store.record_failure(item.id, cause)
            tally.failures.append((item.id, cause))
        else:
            tally.count(store.write_rows(outcome, input_name=item.id).outcome)
        step(tally)
    return tally


def _rows(version: str, item: Item, analysis: Analysis) -> Rows:
    """What a worker sends back for one item: its rows, keyed by the hash of its raw input."""
    return rows_of(analysis, version=version, input_hash=article_id(item.text))


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest
