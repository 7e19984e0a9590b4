"""Streams of documents that never die on one bad document: what was skipped is recorded with why.

:func:`analyze_stream` is the one entry point for many documents: it reads
lazily, keeps a bounded number of documents in memory, and yields each item
with either its :class:`~entente.records.Analysis` or a :class:`Failure`.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, TypeVar

from spacy.language import Language

from entente import pipeline
from entente.analyze import analyze_many
from entente.errors import EntenteError, W
from entente.ingest import Document, load_string
from entente.records import Analysis, Item

R = TypeVar("R")


@dataclass(frozen=True)
class Failure:
    """A document that could not be analysed, and why (one line a user understands)."""

    item_id: str
    cause: str


@dataclass
class BatchResult:
    analyses: list[tuple[str, Analysis]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (id, why)


def read_item(item: Item) -> Document:
    """Clean one item into a :class:`Document` (raises :class:`EntenteError` on bad input)."""
    return load_string(
        item.text,
        source=item.id,
        published=item.published,
        title=item.title,
        url=item.url,
        outlet=item.outlet,
        input_format=item.format,
    )


def _read(item: Item) -> Document | Failure:
    try:
        return read_item(item)
    except EntenteError as exc:
        return Failure(item.id, exc.text)
    except Exception as exc:  # a reader bug must not end the batch
        return Failure(item.id, f"{type(exc).__name__}: {exc}")


def analyze_stream(
    items: Iterable[Item], *, nlp: Language | None = None, batch_size: int = 16, workers: int = 1
) -> Iterator[tuple[Item, Analysis | Failure]]:
    """Analyse ``items`` in order; yields ``(item, analysis or failure)`` for every item.

    One pipe serves the whole stream; items are read as the pipe asks for
    them, so memory holds the documents in flight only (a few batches). When
    the pipe fails on a document, the documents in flight are analysed again
    one by one, the one that fails is recorded as a :class:`Failure`, and a new
    pipe takes the rest. ``workers`` > 1: see :func:`finish_stream`.
    """
    nlp = nlp or pipeline.load()
    if workers > 1 and _can_fork():
        yield from _pooled(items, nlp, _as_is, batch_size, workers)
        return
    source = iter(items)
    flight: deque[tuple[Item, Document | Failure]] = deque()  # read, not yet yielded, in order

    def documents() -> Iterator[Document]:
        for item in source:
            read = _read(item)
            flight.append((item, read))
            if isinstance(read, Document):
                yield read

    while True:
        try:
            for analysis in analyze_many(documents(), nlp=nlp, batch_size=batch_size, workers=workers):
                while isinstance(flight[0][1], Failure):
                    yield _pop(flight)
                item, _ = flight.popleft()
                yield item, analysis
            while flight:  # failures read after the last document
                yield _pop(flight)
            return
        except Exception:  # the pipe died: find the document that breaks it, then go on
            if not flight:
                raise  # not a document's fault: the pipeline itself fails
            while flight:
                item, read = flight.popleft()
                yield item, read if isinstance(read, Failure) else _alone(read, item, nlp)


def _pop(flight: deque[tuple[Item, Document | Failure]]) -> tuple[Item, Failure]:
    item, read = flight.popleft()
    assert isinstance(read, Failure)
    return item, read


def _alone(document: Document, item: Item, nlp: Language) -> Analysis | Failure:
    try:
        return next(analyze_many([document], nlp=nlp))
    except Exception as exc:
        return Failure(item.id, f"analysis failed ({type(exc).__name__}: {exc})")


def analyze_batch(items: Iterable[Item], nlp: Language | None = None, batch_size: int = 16) -> BatchResult:
    """Analyse many texts; documents that fail are listed in ``skipped`` with the cause."""
    result = BatchResult()
    for item, outcome in analyze_stream(items, nlp=nlp, batch_size=batch_size):
        if isinstance(outcome, Failure):
            result.skipped.append((item.id, outcome.cause))
        else:
            result.analyses.append((item.id, outcome))
    return result


def skipped_lines(result: BatchResult) -> list[str]:
    return [W.W004.format(doc=ident, cause=why) for ident, why in result.skipped]


# ------------------------------------------------------------------ worker processes


def finish_stream(
    items: Iterable[Item],
    finish: Callable[[Item, Analysis], R],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    workers: int = 1,
) -> Iterator[tuple[Item, R | Failure]]:
    """:func:`analyze_stream`, with ``finish(item, analysis)`` applied to every analysis.

    With ``workers`` > 1 (where processes can be forked), that many worker
    processes share the stream: each takes half a batch of items at a time, and
    reads, analyses and finishes them itself, so only ``finish``'s plain result
    (e.g. the rows to store) comes back, never a spaCy Doc, and the parent's
    serial share is what it does with those results. At most two such pieces
    per worker are in flight; results come back in input order. A document that
    fails is a :class:`Failure` as in :func:`analyze_stream`; a worker process
    that dies (killed, out of memory) is replaced, the items of its piece are
    tried again one by one, and the one that kills it again is a Failure.
    """
    nlp = nlp or pipeline.load()
    if workers > 1 and _can_fork():
        yield from _pooled(items, nlp, finish, batch_size, workers)
        return
    for item, outcome in analyze_stream(items, nlp=nlp, batch_size=batch_size, workers=workers):
        yield item, outcome if isinstance(outcome, Failure) else _finished(finish, item, outcome)


def _as_is(_item: Item, analysis: Analysis) -> Analysis:
    return analysis


def _can_fork() -> bool:
    """Worker processes are forked (they share the loaded pipeline); elsewhere spaCy's own
    ``n_process`` serves (see :func:`entente.analyze.analyze_many`)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _finished(finish: Callable[[Item, Analysis], R], item: Item, analysis: Analysis) -> R | Failure:
    try:
        return finish(item, analysis)
    except Exception as exc:  # a bug in one document's rows must not end the batch
        return Failure(item.id, f"analysis failed ({type(exc).__name__}: {exc})")


_worker: dict[str, Any] = {}  # in a worker process: the pipeline and the finishing step


def _start_worker(nlp: Language, finish: Callable[[Item, Analysis], Any], batch_size: int) -> None:
    _worker.update(nlp=nlp, finish=finish, batch_size=batch_size)  # forked: nothing is pickled


def _work(chunk: list[Item]) -> list[Any]:
    """In a worker process: the outcome of each item of ``chunk``, in order."""
    nlp, finish = _worker["nlp"], _worker["finish"]
    stream = analyze_stream(chunk, nlp=nlp, batch_size=_worker["batch_size"])
    return [o if isinstance(o, Failure) else _finished(finish, item, o) for item, o in stream]


class _Pool:
    """A process pool that can be replaced when one of its processes dies."""

    def __init__(self, nlp: Language, finish: Callable[[Item, Analysis], Any], size: int, batch: int) -> None:
        self.args = (nlp, finish, batch)
        self.size = size
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.size,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=self.args,
        )

    def submit(self, chunk: list[Item]) -> Future[list[Any]]:
        return self.executor.submit(_work, chunk)

    def renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def alone(self, chunk: list[Item]) -> list[Any]:
        """The items of a batch whose process died, each in a batch of its own."""
        out: list[Any] = []
        for item in chunk:
            try:
                out.extend(self.submit([item]).result())
            except BrokenProcessPool:
                out.append(Failure(item.id, "analysis failed (the worker process died)"))
                self.renew()
        return out


def _pooled(
    items: Iterable[Item], nlp: Language, finish: Callable[[Item, Analysis], R], batch_size: int, workers: int
) -> Iterator[tuple[Item, R | Failure]]:
    # the pipeline's objects, shared with the forked workers, are left out of garbage collection:
    # a collection in a worker would otherwise walk them all and copy every page they are on
    gc.collect()
    gc.freeze()
    pool = _Pool(nlp, finish, workers, batch_size)
    flight: deque[tuple[list[Item], Future[list[Any]]]] = deque()
    chunks = _chunks(items, max(1, batch_size // 2))  # small: at the end, one worker waits for less
    try:
        while True:
            while len(flight) < 2 * workers:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                flight.append((chunk, pool.submit(chunk)))
            if not flight:
                return
            chunk, future = flight.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:  # every batch in flight is lost with the pool: send them again
                pool.renew()
                outcomes = pool.alone(chunk)
                flight = deque((c, pool.submit(c)) for c, _ in flight)
            yield from zip(chunk, outcomes, strict=True)
    finally:  # done: the processes end; given up (an error, a closed stream): nothing waits
        pool.executor.shutdown(wait=not flight, cancel_futures=True)
        gc.unfreeze()


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
