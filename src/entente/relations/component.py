"""spaCy component ``entente_relations``: the article's signed relations between actors.

Reads the other components' records (``doc._.entente_mentions``, ``_people``,
``_quotes``, ``_events``) and writes ``doc._.entente_relations``: plain values
of :class:`~entente.records.Relation`, each with its evidence (events, quoted
stances, relational statements). Triads are derived from the relations when
the analysis is built (:func:`entente.relations.find_triads`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from entente.nlp import extensions as ext
from entente.relations.find import find_relations
from entente.relations.lexicon import Lexicon, load_lexicon

READS = ("entente_mentions", "entente_people", "entente_quotes", "entente_events")


class RelationsComponent:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        ext.require(doc, "entente_relations", *READS)
        relations, _ = find_relations(
            doc, ext.mentions(doc), ext.events(doc), ext.quotes(doc), ext.people(doc), lexicon=self.lexicon
        )
        ext.set_relations(doc, relations)
        return doc


@Language.factory(
    "entente_relations",
    default_config={"actor_files": []},
    requires=[
        "doc._.entente_mentions",
        "doc._.entente_people",
        "doc._.entente_quotes",
        "doc._.entente_events",
    ],
    assigns=["doc._.entente_relations"],
)
def make_relations(nlp: Language, name: str, actor_files: list[str]) -> RelationsComponent:
    return RelationsComponent(load_lexicon())
