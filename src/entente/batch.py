"""Streams of documents that never die on one bad document: what was skipped is recorded with why.

:func:`analyze_stream` is the one entry point for many documents: it reads
lazily, keeps a bounded number of documents in memory, and yields each item
with either its :class:`~entente.records.Analysis` or a :class:`Failure`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from entente import pipeline
from entente.analyze import analyze_many
from entente.errors import EntenteError, W
from entente.ingest import Document, load_string
from entente.records import Analysis, Item


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

    One pipe serves the whole stream (``workers`` > 1: that many processes,
    started once); items are read as the pipe asks for them, so memory holds
    the documents in flight only (a few batches). When the pipe fails on a
    document, the documents in flight are analysed again one by one, the one
    that fails is recorded as a :class:`Failure`, and a new pipe takes the rest.
    """
    nlp = nlp or pipeline.load()
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
