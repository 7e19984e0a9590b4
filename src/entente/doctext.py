"""Per-document indexes that keep the stages linear in the length of the text.

``doc.text`` is rebuilt from the tokens on every access (O(n)); a search of the
whole text per mention or a scan of all quoted ranges per token makes an
analysis quadratic. These helpers compute such things once per ``Doc``:

* :func:`text` — ``doc.text``, built once and cached for the life of the Doc;
* :func:`has_phrase` — whether the text holds a phrase as whole words, memoised per Doc;
* :func:`memo` — any other per-Doc index, computed on first use;
* :class:`Ranges` — membership of a position in a union of ranges in O(log n);
* :class:`Stabber` — which of many ranges may hold a position, without a scan of them all;
* :func:`make_doc_bounded` — tokenisation that stays linear on long runs without white space.

Caches are keyed weakly on the ``Doc``: they go when the Doc goes, and never
travel with it (nothing is stored on ``Doc._``).
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar, cast

from spacy.language import Language
from spacy.tokens import Doc


@dataclass
class _DocCache:
    text: str
    phrases: dict[str, bool] = field(default_factory=dict)
    values: dict[str, object] = field(default_factory=dict)


T = TypeVar("T")
_cache: weakref.WeakKeyDictionary[Doc, _DocCache] = weakref.WeakKeyDictionary()


def _entry(doc: Doc) -> _DocCache:
    entry = _cache.get(doc)
    if entry is None or len(entry.text) != _length(doc):
        entry = _DocCache(doc.text)
        _cache[doc] = entry
    return entry


def _length(doc: Doc) -> int:
    """Length of ``doc.text`` from the last token, without building the text."""
    if len(doc) == 0:
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    return _entry(doc).text


def has_phrase(doc: Doc, phrase: str) -> bool:
    """Whether the Doc's text holds ``phrase`` with no letter or digit touching either end."""
    entry = _entry(doc)
    found = entry.phrases.get(phrase)
    if found is None:
        found = phrase_in(entry.text, phrase)
        entry.phrases[phrase] = found
    return found


def memo(doc: Doc, key: str, compute: Callable[[Doc], T], depends: object = None) -> T:
    """``compute(doc)``, computed once per Doc and ``key`` (for indexes read per mention or token).

    With ``depends`` (the object the index is built from, e.g. the tuple of actor mentions), the
    value is computed again when a different object is passed: an index never outlives its data.
    """
    values = _entry(doc).values
    found = values.get(key)
    if found is None or cast(tuple[object, object], found)[0] is not depends:
        found = (depends, compute(doc))
        values[key] = found
    return cast(T, cast(tuple[object, object], found)[1])


def phrase_in(text: str, phrase: str) -> bool:
    """Whether ``text`` holds ``phrase`` with no letter or digit touching either end."""
    idx = text.find(phrase)
    while idx != -1:
        before = text[idx - 1] if idx > 0 else " "
        after = text[idx + len(phrase)] if idx + len(phrase) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        idx = text.find(phrase, idx + 1)
    return False


class Ranges:
    """A union of half-open ranges ``[a, b)``; ``pos in ranges`` costs O(log n)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted((a, b) for a, b in ranges if a < b):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def __len__(self) -> int:
        return len(self._starts)


class Stabber:
    """Which of a list of ranges ``[start, end)`` may hold a position, without a scan of them all.

    Built once from each item's (start, end); :meth:`covering` returns, in list
    order, the indexes of the items whose range holds ``pos``. Ranges that shrink
    afterwards are still found (a superset): check the exact condition on each.
    """

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        order = sorted(range(len(ranges)), key=lambda i: ranges[i][0])
        self._order = order
        self._starts = [ranges[i][0] for i in order]
        self._reach: list[int] = []  # the furthest end among the items up to here, in start order
        best = -1
        for i in order:
            best = max(best, ranges[i][1])
            self._reach.append(best)

    def covering(self, pos: int) -> list[int]:
        out = []
        j = bisect.bisect_right(self._starts, pos) - 1
        while j >= 0 and self._reach[j] > pos:
            out.append(self._order[j])
            j -= 1
        return sorted(out)


def make_doc_bounded(nlp: Language, text: str, longest: int = 200) -> Doc:
    """``nlp.make_doc(text)`` that stays linear on runs of characters without white space.

    spaCy's tokenizer splits prefixes and suffixes off a whitespace-free run one at a
    time, each time searching the rest of the run: quadratic in the run's length (20 KB
    of ``"`` takes minutes). Runs longer than ``longest`` are cut into pieces of
    ``longest`` characters, each tokenised alone, and the pieces joined again: the text,
    and so every offset, stays exactly the same; only such runs are tokenised differently.
    """
    long_run = re.compile(rf"\S{{{longest + 1},}}")
    if long_run.search(text) is None:
        return nlp.make_doc(text)
    pieces: list[str] = []
    pos = 0
    for m in long_run.finditer(text):
        if m.start() > pos:
            pieces.append(text[pos : m.start()])
        pieces.extend(text[i : min(i + longest, m.end())] for i in range(m.start(), m.end(), longest))
        pos = m.end()
    if pos < len(text):
        pieces.append(text[pos:])
    doc = Doc.from_docs([nlp.make_doc(p) for p in pieces], ensure_whitespace=False)
    assert doc.text == text
    return doc
