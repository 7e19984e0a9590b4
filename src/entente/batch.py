"""Streams of documents that never die on one bad document: what was skipped is recorded with why.

:func:`analyze_stream` is the one entry point for many documents: it reads
lazily, keeps a bounded number of documents in memory, and yields each item
with either its :class:`~entente.records.Analysis` or a :class:`Failure`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from spacy.language import Language

from entente.analyze import analyze_many
from entente.errors import EntenteError, W
from entente.ingest import Document, load_string
from entente.records import Analysis

InputFormat = Literal["text", "html", "auto"]


@dataclass(frozen=True)
class Item:
    """One document of a stream, before it is read: its content and what the collection says of it."""

    id: str  # the name a user recognises: a path, a URL, "file.csv:17"
    text: str  # plain text or HTML, as found
    published: date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    format: InputFormat = "auto"


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
    """Analyse ``items`` in order, ``batch_size`` at a time; yields ``(item, analysis or failure)``.

    Memory holds one batch of documents at most. ``workers`` > 1 runs the
    pipeline in that many processes.
    """
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, batch_size)):
        read = [(item, _read(item)) for item in chunk]
        good = [(i, d) for i, (_, d) in enumerate(read) if isinstance(d, Document)]
        results: dict[int, Analysis | Failure] = {}
        try:
            docs = [d for _, d in good]
            for (i, _), analysis in zip(
                good, analyze_many(docs, nlp=nlp, batch_size=batch_size, workers=workers), strict=True
            ):
                results[i] = analysis
        except Exception:
            for i, document in good:  # find the one that breaks the batch
                if i in results:
                    continue
                try:
                    results[i] = next(iter(analyze_many([document], nlp=nlp)))
                except Exception as exc:
                    results[i] = Failure(read[i][0].id, f"analysis failed ({type(exc).__name__}: {exc})")
        for i, (item, d) in enumerate(read):
            yield item, d if isinstance(d, Failure) else results[i]


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
