"""Checks shared by the ingestion tests."""

from __future__ import annotations

from entente.ingest import Document

# Characters the punctuation repair puts in place of a mangled '"' or '?'.
REPLACEMENTS = frozenset("’— £€")


def assert_offsets_exact(doc: Document) -> None:
    """Every cleaned character maps to the same character of ``raw``, or is a repair of '"'/'?'."""
    text, raw, offsets = doc.info.text, doc.raw, doc.offsets
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(raw)
    prev = -1
    for i, char in enumerate(text):
        pos = offsets[i]
        assert prev <= pos < len(raw), (i, pos)
        if raw[pos] != char:
            assert char in REPLACEMENTS and raw[pos] in '"?', (i, char, raw[pos - 20 : pos + 20])
        prev = pos
    for span in doc.info.removed:
        assert raw[span.start : span.end] == span.text
