"""PLACEHOLDER: replaced by the ingestion work (issue 2)."""

from __future__ import annotations

from array import array
from datetime import date

from entente.ingest.document import Document
from entente.records import ArticleInfo


def load_text(text: str, *, source: str = "<text>", published: date | None = None,
              title: str | None = None) -> Document:
    info = ArticleInfo(source=source, title=title, outlet=None, published=published,
                       date_source="option" if published else None, text=text, input_format="text")
    return Document(raw=text, info=info, offsets=array("l", range(len(text) + 1)))


def load_document(source: str, *, published: date | None = None) -> Document:
    with open(source, encoding="utf-8") as fh:
        return load_text(fh.read(), source=source, published=published)
