"""spaCy component ``entente_events``: PLOVER events with status, date, place and evidence.

Writes ``doc._.events``. (Stub until its issue lands.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from entente.nlp import extensions as _extensions  # noqa: F401


class EventsComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory("entente_events")
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent()
