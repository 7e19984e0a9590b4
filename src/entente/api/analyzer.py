"""``POST /api/analyze``: text, HTML or a URL in, an :class:`~entente.records.Analysis` out.

URLs go through entente's fetcher (:func:`entente.ingest.fetch.fetch`): public
addresses only, checked after every redirect and DNS resolution, unless the
operator started the server with ``--allow-private``; the settings' size and
time limits bound every fetch. The spaCy pipeline is loaded on the first call
and shared; one analysis runs at a time (a pipeline is not thread-safe).
"""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

from entente.api.settings import Settings
from entente.records import Analysis


class Analyzer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._nlp: Any = None

    def _pipeline(self) -> Any:
        if self._nlp is None:
            from entente import pipeline

            self._nlp = pipeline.load()
        return self._nlp

    def document(
        self,
        *,
        text: str | None,
        html: str | None,
        url: str | None,
        published: date | None,
        title: str | None,
    ) -> Any:
        """The cleaned :class:`~entente.ingest.Document` of one input (raises EntenteError)."""
        from entente.ingest import load_string
        from entente.ingest.decode import decode
        from entente.ingest.fetch import fetch, redact

        if url is not None:
            s = self.settings
            body, charset, final = fetch(
                url, max_bytes=s.fetch_max_bytes, timeout=s.fetch_timeout, allow_private=s.allow_private
            )
            source = redact(url)
            content = None
            if charset:
                try:
                    content = body.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    content = None
            if content is None:
                content, _ = decode(body, source)
            return load_string(content, source=source, published=published, title=title, url=redact(final))
        if html is not None:
            return load_string(html, source="<html>", published=published, title=title, input_format="html")
        return load_string(text or "", source="<text>", published=published, title=title, input_format="text")

    def analyze(self, document: Any) -> Analysis:
        from entente.analyze import analyze_document

        with self._lock:
            return analyze_document(document, nlp=self._pipeline())
