"""Batches never die on one bad document; they say what they skipped and why."""

from __future__ import annotations

import os

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from entente import pipeline
from entente.batch import Failure, Item, analyze_batch, analyze_stream, finish_stream, skipped_lines
from entente.records import Analysis


def test_a_bad_document_is_skipped_and_recorded(nlp: Language) -> None:
    items = [
        Item("good-1", "Turkey and Russia agreed on a ceasefire in Idlib, officials in Ankara said."),
        Item("empty", ""),
        Item("good-2", "The European Union imposed new sanctions on Belarus on Monday."),
    ]
    result = analyze_batch(items, nlp=nlp)
    assert [i for i, _ in result.analyses] == ["good-1", "good-2"]
    assert [i for i, _ in result.skipped] == ["empty"]
    (line,) = skipped_lines(result)
    assert "empty" in line


@Language.component("entente_test_boom")
def _boom(doc: Doc) -> Doc:
    """A component that fails on one document, as a bug would."""
    if "BOOM" in doc.text:
        raise RuntimeError("a component failed")
    return doc


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_that_breaks_the_pipe_is_skipped_and_the_stream_goes_on(workers: int) -> None:
    nlp = pipeline.build()
    nlp.add_pipe("entente_test_boom", first=True)
    items = [Item(f"d{i}", f"Turkey accused Greece of violating its airspace on day {i}.") for i in range(7)]
    items[3] = Item("d3", "Turkey accused Greece of violating its airspace. BOOM")
    items.insert(5, Item("empty", ""))
    outcomes = [
        (item.id, outcome) for item, outcome in analyze_stream(items, nlp=nlp, batch_size=2, workers=workers)
    ]
    assert [i for i, _ in outcomes] == [item.id for item in items]  # every item, in order
    failed = {i: o.cause for i, o in outcomes if isinstance(o, Failure)}
    assert set(failed) == {"d3", "empty"}
    assert "RuntimeError" in failed["d3"]
    assert all(o.events for i, o in outcomes if i not in failed)


@Language.component("entente_test_crash")
def _crash(doc: Doc) -> Doc:
    """A component that ends its process on one document, as a segfault or the OOM killer would."""
    if "CRASH" in doc.text:
        os._exit(70)
    return doc


def test_a_document_that_kills_its_worker_process_is_skipped_and_the_stream_goes_on() -> None:
    nlp = pipeline.build()
    nlp.add_pipe("entente_test_crash", first=True)
    items = [Item(f"d{i}", f"Greece recalled its ambassador from Turkey on day {i}.") for i in range(9)]
    items[4] = Item("d4", "Greece recalled its ambassador from Turkey. CRASH")
    outcomes = [(item.id, o) for item, o in analyze_stream(items, nlp=nlp, batch_size=2, workers=2)]
    assert [i for i, _ in outcomes] == [item.id for item in items]
    failed = {i: o.cause for i, o in outcomes if isinstance(o, Failure)}
    assert set(failed) == {"d4"}
    assert "process died" in failed["d4"]
    assert all(o.events for i, o in outcomes if i != "d4")


def _length(item: Item, analysis: Analysis) -> tuple[str, int]:
    if "Chile" in item.text:
        raise ValueError("no rows for this one")
    return item.id, len(analysis.article.text)


@pytest.mark.parametrize("workers", [1, 2])
def test_finish_stream_gives_what_finish_makes_of_each_analysis_in_order(workers: int, nlp: Language) -> None:
    items = [Item(f"d{i}", f"Peru expelled the ambassador of Bolivia on day {i}.") for i in range(5)]
    items[2] = Item("d2", "Chile expelled the ambassador of Peru.")
    items.insert(4, Item("empty", " "))
    outcomes = list(finish_stream(items, _length, nlp=nlp, batch_size=2, workers=workers))
    assert [i.id for i, _ in outcomes] == [item.id for item in items]
    failed = {i.id: o.cause for i, o in outcomes if isinstance(o, Failure)}
    assert set(failed) == {"d2", "empty"}
    assert "ValueError" in failed["d2"]
    assert [o for i, o in outcomes if i.id not in failed] == [
        (i.id, len(i.text)) for i in items if i.id not in failed
    ]
