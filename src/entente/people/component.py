"""spaCy component ``entente_people``: people named in the article, with role, affiliation and the actor they speak for.

Writes ``doc._.people``. (Stub until its issue lands.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from entente.nlp import extensions as _extensions  # noqa: F401


class PeopleComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.people = []
        return doc


@Language.factory("entente_people")
def make_people(nlp: Language, name: str) -> PeopleComponent:
    return PeopleComponent()
