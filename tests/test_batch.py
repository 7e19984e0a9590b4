"""Batches never die on one bad document; they say what they skipped and why."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from entente import pipeline
from entente.batch import Failure, Item, analyze_batch, analyze_stream, skipped_lines


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
