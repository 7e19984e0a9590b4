"""spaCy component ``entente_quotes``: attributed statements: content, speaker, cue, addressee.

Writes ``doc._.quotes``. (Stub until its issue lands.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from entente.nlp import extensions as _extensions  # noqa: F401


class QuotesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc


@Language.factory("entente_quotes")
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()
