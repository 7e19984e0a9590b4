"""``Doc._`` extensions that entente's components read and write.

Offsets in these records index ``doc.text`` (the cleaned text).
"""

from __future__ import annotations

from spacy.tokens import Doc

#: name -> default; list defaults are created per Doc by getters in components.
DOC_EXTENSIONS: dict[str, object] = {
    "published": None,  # datetime.date | None: the publication (reference) date
    "actor_mentions": None,  # list[ActorMention]
    "people": None,  # list[Person]
    "quotes": None,  # list[Quote]
    "events": None,  # list[Event]
    "entente_kb": None,  # the KnowledgeBase the actor component used
}


def register_extensions() -> None:
    """Register entente's ``Doc._`` attributes (idempotent)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
