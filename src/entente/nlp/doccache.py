"""Cheaper reads of a ``Doc``: a cache of ``doc.ents`` (rebuilt by spaCy on every access), and
token look-ups on the document's arrays.

``doc.ents`` walks every token of the document (and builds a ``Token`` for
each) on each access; entente's components read it many times per document.
The cached value is kept with a fingerprint of the entity tags it is built
from, so a change to them rebuilds it: the value is always what spaCy gives.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

_ENT_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]

#: (doc, fingerprint, its entities) of the latest Doc asked about: components read one Doc at a
#: time, and one entry holds one Doc alive, not every Doc seen (a ``Span`` keeps its ``Doc``)
_last: list[tuple[Doc, bytes, tuple[Span, ...]]] = []


def ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, the token walk done once per state of the document's entity tags."""
    key = doc.to_array(_ENT_ATTRS).tobytes()
    if _last and _last[0][0] is doc and _last[0][1] == key:
        return _last[0][2]
    value = tuple(doc.ents)
    _last[:] = [(doc, key, value)]
    return value


def tokens_lower_in(doc: Doc, words: Collection[str]) -> list[int]:
    """Indices, in order, of the tokens whose ``lower_`` is one of ``words``, read from the
    document's arrays (no ``Token`` is built for the others)."""
    if not len(doc) or not words:
        return []
    lower = doc.to_array(LOWER)
    wanted = [get_string_id(w) for w in words]  # the ids the vocabulary gives these strings
    return numpy.flatnonzero(numpy.isin(lower, wanted)).tolist()  # type: ignore[no-any-return]


def tokens_lower_or_lemma_in(doc: Doc, words: Collection[str]) -> list[int]:
    """Indices, in order, of the tokens whose ``lower_`` or lower-cased ``lemma_`` is one of ``words``."""
    if not len(doc) or not words:
        return []
    cols = doc.to_array([LOWER, LEMMA])
    strings = doc.vocab.strings
    wanted = [get_string_id(w) for w in words]
    wanted_lemma = [h for h in numpy.unique(cols[:, 1]).tolist() if strings[h].lower() in words]
    hit = numpy.isin(cols[:, 0], wanted) | numpy.isin(cols[:, 1], wanted_lemma)
    return numpy.flatnonzero(hit).tolist()  # type: ignore[no-any-return]
