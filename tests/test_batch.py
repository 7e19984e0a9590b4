"""Batches never die on one bad document; they say what they skipped and why."""

from __future__ import annotations

from spacy.language import Language

from entente.batch import Item, analyze_batch, skipped_lines


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
