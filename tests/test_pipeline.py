"""entente's steps are registered spaCy components that work in anyone's pipeline."""

from __future__ import annotations

from datetime import date

import spacy

import entente  # noqa: F401  (registers the factories)
from entente import pipeline
from entente.nlp import extensions as ext


def test_components_in_a_plain_spacy_pipeline() -> None:
    nlp = spacy.load(pipeline.find_model())
    nlp.add_pipe("entente_paragraphs", before="parser")
    for name in ("entente_actors", "entente_people", "entente_quotes", "entente_events"):
        nlp.add_pipe(name)
    doc = nlp("Talks in Ankara\n\nTurkey accused Greece of violating its airspace, Ankara said on Monday.")
    assert ("Turkey", "TUR") in [(m.span.text, m.actor_id) for m in ext.mentions(doc)]
    assert next(s.text.strip() for s in doc.sents) == "Talks in Ankara"  # a line break ends a sentence
    assert any((e.source, e.target, e.type) == ("TUR", "GRC", "ACCUSE") for e in ext.events(doc))


def test_the_publication_date_reaches_the_components() -> None:
    nlp = pipeline.load()
    text = "The US president said on Monday that Washington would respond to Russia."
    for day, name in ((date(1995, 3, 1), "Bill Clinton"), (date(2017, 3, 1), "Donald Trump")):
        doc = nlp(pipeline.make_doc(nlp, text, day))
        assert ext.published(doc) == day
        assert [(q.speaker_name, q.speaker_actor) for q in ext.quotes(doc)] == [(name, "USA")]


def test_entry_points_name_every_component() -> None:
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(pipeline.COMPONENTS) <= names
