"""Cheaper reads of a ``Doc``: a cache of ``doc.ents`` (rebuilt by spaCy on every access), and
token look-ups on the document's arrays.

``doc.ents`` walks every token of the document (and builds a ``Token`` for
each) on each access; entente's components read it many times per document.
The cached value is kept with a fingerprint of the entity tags it is built
from, so a change to them rebuilds it: the value is always what spaCy gives.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import numpy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, LOWER, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

_ENT_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
_FEW = 16  # up to this many values, :func:`column_in` compares them one by one

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
    return numpy.flatnonzero(column_in(lower, wanted)).tolist()  # type: ignore[no-any-return]


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


def tokens_text_in(doc: Doc, words: Collection[str]) -> list[int]:
    """Indices, in order, of the tokens whose ``text`` is one of ``words`` (exact case)."""
    if not len(doc) or not words:
        return []
    orth = doc.to_array(ORTH)
    wanted = [get_string_id(w) for w in words]
    return numpy.flatnonzero(column_in(orth, wanted)).tolist()  # type: ignore[no-any-return]


def tokens_pos_in(doc: Doc, tags: Collection[str], words: Collection[str] | None = None) -> list[int]:
    """Indices, in order, of the tokens whose coarse ``pos_`` is one of ``tags`` (and, with
    ``words``, whose ``lower_`` is one of them)."""
    if not len(doc) or not tags or (words is not None and not words):
        return []
    found: list[int] = numpy.flatnonzero(column_in(doc.to_array(POS), pos_ids(tags))).tolist()
    if words is None:
        return found
    return [i for i in found if doc[i].lower_ in words]  # a few tokens: cheaper than the LOWER column


def tokens_pos_lemma_in(doc: Doc, tags: Collection[str], lemmas: Collection[str]) -> list[int]:
    """Indices, in order, of the tokens whose coarse ``pos_`` is one of ``tags`` and whose
    lower-cased ``lemma_`` is one of ``lemmas``."""
    if not len(doc) or not tags or not lemmas:
        return []
    cols = doc.to_array([POS, LEMMA])
    hit = column_in(cols[:, 0], pos_ids(tags))
    if not hit.any():
        return []
    strings = doc.vocab.strings
    seen = numpy.unique(cols[hit, 1]).tolist()
    wanted = [h for h in seen if strings[h].lower() in lemmas]
    hit &= column_in(cols[:, 1], wanted)
    return numpy.flatnonzero(hit).tolist()  # type: ignore[no-any-return]


def tokens_lemma_in(doc: Doc, lemmas: Collection[str]) -> list[int]:
    """Indices, in order, of the tokens whose lower-cased ``lemma_`` is one of ``lemmas``."""
    if not len(doc) or not lemmas:
        return []
    lemma = doc.to_array(LEMMA)
    strings = doc.vocab.strings
    wanted = [h for h in numpy.unique(lemma).tolist() if strings[h].lower() in lemmas]
    return numpy.flatnonzero(column_in(lemma, wanted)).tolist()  # type: ignore[no-any-return]


def pos_ids(tags: Collection[str]) -> list[int]:
    """The ``POS`` column's values of coarse tags ("VERB"), as plain ints (spaCy's are enum
    members, which numpy compares slowly)."""
    return [int(POS_IDS[t]) for t in tags]


def heads(doc: Doc) -> list[int]:
    """``[t.head.i for t in doc]``, read from the document's arrays."""
    if not len(doc):
        return []
    rel = doc.to_array(HEAD).astype("int64")  # offsets to the head, stored unsigned
    return (rel + numpy.arange(len(doc), dtype="int64")).tolist()  # type: ignore[no-any-return]


def column_in(column: numpy.ndarray[Any, Any], wanted: list[int]) -> numpy.ndarray[Any, Any]:
    """``numpy.isin(column, wanted)``; for a few values, compared one by one (cheaper than isin's
    sort on a column of a few hundred tokens)."""
    if len(wanted) > _FEW:
        return numpy.isin(column, wanted)
    hit = numpy.zeros(len(column), dtype=bool)
    for value in wanted:
        hit |= column == column.dtype.type(value)  # exact for 64-bit hashes
    return hit
