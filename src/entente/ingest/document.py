"""The document model shared by ingestion and the later stages."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from entente.records import ArticleInfo, Span


@dataclass(frozen=True)
class Document:
    """One article, read and cleaned.

    ``raw`` is the original input as text (for HTML: the page's main text as
    extracted, see docs); ``info.text`` is the cleaned text that the NLP reads;
    ``offsets[i]`` is the index in ``raw`` of cleaned character ``i`` (with one
    extra entry for ``len(info.text)``).
    """

    raw: str
    info: ArticleInfo
    offsets: array = field(repr=False)  # array('l')
    warnings: tuple[str, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned-text span to the original input."""
        if start >= end:
            pos = self.offsets[min(start, len(self.offsets) - 1)]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def map_span(self, span: Span) -> Span:
        start, end = self.to_original(span.start, span.end)
        return Span(start, end, self.raw[start:end])
