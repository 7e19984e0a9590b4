"""entente.nlp.doccache: cheaper reads of a Doc must give what spaCy itself gives."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from entente.nlp import doccache

_NLP = spacy.blank("en")


def _doc(text: str, ents: list[tuple[int, int, str]]) -> Doc:
    doc = _NLP(text)
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


def test_ents_equal_spacys_and_follow_changes() -> None:
    doc = _doc("The mayor of Lyon met Anna Berg on Friday.", [(3, 4, "GPE"), (5, 7, "PERSON")])
    assert doccache.ents(doc) == doc.ents
    assert doccache.ents(doc) is doccache.ents(doc)  # built once
    doc.ents = [Span(doc, 8, 9, label="DATE")]
    assert doccache.ents(doc) == doc.ents  # a change of the tags rebuilds it
    other = _doc("Anna Berg spoke.", [(0, 2, "PERSON")])
    assert doccache.ents(other) == other.ents
    assert doccache.ents(doc) == doc.ents


def test_token_lookups_match_a_scan() -> None:
    doc = _NLP("He said she had told him that Berg and BERG were talking, he added.")
    for words in ({"he", "she", "him"}, {"berg"}, {"nobody"}, set()):
        assert doccache.tokens_lower_in(doc, words) == [t.i for t in doc if t.lower_ in words]
    words = {"said", "berg", "talking"}
    expected = [t.i for t in doc if t.lower_ in words or t.lemma_.lower() in words]
    assert doccache.tokens_lower_or_lemma_in(doc, words) == expected
    assert doccache.tokens_lower_in(_NLP(""), {"he"}) == []
