"""Linear time: the per-document indexes give the same answers as the scans they replace, and the
issue's pathological inputs (quote-mark floods) finish in bounded time.

Time is checked only with generous bounds, on inputs where the old quadratic code took one to
several minutes; BENCHMARKS.md and bench/bench_scaling.py hold the real measurements.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from entente import doctext, pipeline
from entente.nlp import extensions as ext
from entente.nlp.marks import Segment
from entente.quotes.component import find_quotes
from entente.quotes.direct import _bounds, _Neighbours
from entente.quotes.draft import inside
from entente.quotes.reported import _Outer

ranges = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=30)


@given(ranges, st.integers(-5, 205))
def test_ranges_answer_like_a_scan(spans: list[tuple[int, int]], pos: int) -> None:
    assert inside(pos, doctext.Ranges(spans)) == any(a <= pos < b for a, b in spans)


@given(ranges, st.integers(-5, 205))
def test_stabber_finds_every_range_that_holds_a_position(spans: list[tuple[int, int]], pos: int) -> None:
    found = doctext.Stabber(spans).covering(pos)
    assert found == sorted(found)
    assert {i for i in found if spans[i][0] <= pos < spans[i][1]} == {
        i for i, (a, b) in enumerate(spans) if a <= pos < b
    }


def _segments(bounds: list[tuple[int, int]]) -> list[Segment]:
    """Disjoint outer segments in text order (as find_segments makes them)."""
    out, pos = [], 0
    for gap, length in bounds:
        start = pos + gap
        end = start + length + 2
        out.append(Segment(start, end, start + 1, end - 1, paragraph=0))
        pos = end
    return out


seg_lists = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 6)), max_size=25)


@given(seg_lists, st.integers(0, 150), st.integers(0, 40))
def test_outer_segments_touching_a_range_like_a_scan(bounds: list[tuple[int, int]], a: int, n: int) -> None:
    segments = _segments(bounds)
    b = a + n
    expected = [
        i
        for i, s in enumerate(segments)
        if max(0, min(s.inner_end, b) - max(s.inner_start, a)) > 0 and not s.depth
    ]
    assert sorted(_Outer(segments).touching(a, b)) == expected


@given(seg_lists)
def test_bounds_between_neighbours_like_a_scan(bounds: list[tuple[int, int]]) -> None:
    segments = _segments(bounds)
    paras = [(0, 10_000)]
    for i, seg in enumerate(segments):
        lo, hi = paras[0]
        for j, other in enumerate(segments):
            if j != i and other.end <= seg.start:
                lo = max(lo, other.end)
            elif j != i and other.start >= seg.end:
                hi = min(hi, other.start)
        assert _bounds(seg, i, segments, paras, _Neighbours(segments)) == (lo, hi)


def test_bounds_of_many_segments_in_bounded_time() -> None:
    segments = _segments([(1, 3)] * 30_000)
    neighbours = _Neighbours(segments)
    start = time.perf_counter()
    for i, seg in enumerate(segments):
        _bounds(seg, i, segments, [(0, 10**7)], neighbours)
    assert time.perf_counter() - start < 10  # the scan per segment took minutes here


def test_make_doc_bounded_keeps_the_text(nlp: Language) -> None:
    for text in ['"' * 1000, "Moscow " + "“" * 450 + " said.", "plain text, no long run", ""]:
        doc = doctext.make_doc_bounded(nlp, text)
        assert doc.text == text
    plain = "Russia said, “We will win.” " * 20
    assert [t.text for t in doctext.make_doc_bounded(nlp, plain)] == [t.text for t in nlp.make_doc(plain)]


def test_has_phrase_and_memo_once_per_doc(nlp: Language) -> None:
    doc = nlp.make_doc("Victoria is the capital of the Seychelles.")
    assert doctext.has_phrase(doc, "Seychelles") and not doctext.has_phrase(doc, "Seychelle")
    calls: list[int] = []

    def count(d: object) -> int:
        calls.append(1)
        return len(calls)

    for _ in range(3):
        doctext.memo(doc, "k", count)
    assert len(calls) == 1
    doctext.memo(doc, "k", count, depends=object())
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("text", "old_seconds"),
    [
        ('"' * 20_000, 117),  # 20 KB of straight quotes
        ("“ab\n" * 8_750, 59),  # 8,750 unmatched opening marks in 35 KB, one a paragraph
    ],
)
def test_quote_floods_finish(nlp: Language, text: str, old_seconds: int) -> None:
    doc = doctext.make_doc_bounded(nlp, text)
    ext.set_published(doc, None)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    start = time.perf_counter()
    find_quotes(doc)  # once more, timed alone: the quote stage itself
    assert time.perf_counter() - start < old_seconds / 4


def test_a_verbless_headline_with_an_event_noun_ends(nlp: Language) -> None:
    """Climbing a parse to its root ends there: spaCy makes a new Token object on every access, so
    the walk compares indices, never identity (a noun-rooted fragment used to loop forever)."""
    import signal

    def stop(*_: object) -> None:
        raise TimeoutError("the analysis did not end")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(30)
    try:
        doc = nlp(pipeline.make_doc(nlp, "A new offensive with the support of the Russian air force.", None))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert ext.events(doc) == ()
