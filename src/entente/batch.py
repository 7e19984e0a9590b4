"""Batches that never die on one bad document: what was skipped is recorded with why."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language

from entente.analyze import analyze_many
from entente.errors import EntenteError, W
from entente.ingest import Document, load_text
from entente.records import Analysis


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    published: date | None = None
    title: str | None = None


@dataclass
class BatchResult:
    analyses: list[tuple[str, Analysis]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (id, why)


def _documents(items: Iterable[Item], result: BatchResult) -> Iterator[tuple[str, Document]]:
    for item in items:
        try:
            yield item.id, load_text(item.text, source=item.id, published=item.published, title=item.title)
        except EntenteError as exc:
            result.skipped.append((item.id, exc.text))
        except Exception as exc:
            result.skipped.append((item.id, f"{type(exc).__name__}: {exc}"))


def analyze_batch(items: Iterable[Item], nlp: Language | None = None, batch_size: int = 16) -> BatchResult:
    """Analyse many texts; documents that fail are listed in ``skipped`` with the cause."""
    result = BatchResult()
    docs = list(_documents(items, result))
    ids = [i for i, _ in docs]
    try:
        stream = analyze_many([d for _, d in docs], nlp=nlp, batch_size=batch_size)
        result.analyses.extend(zip(ids, stream, strict=True))
    except Exception:
        done = {i for i, _ in result.analyses}
        for ident, document in docs:
            if ident in done:
                continue
            try:
                result.analyses.extend((ident, a) for a in analyze_many([document], nlp=nlp))
            except Exception as exc:
                result.skipped.append((ident, f"{type(exc).__name__}: {exc}"))
    return result


def skipped_lines(result: BatchResult) -> list[str]:
    return [W.W004.format(doc=ident, cause=why) for ident, why in result.skipped]
