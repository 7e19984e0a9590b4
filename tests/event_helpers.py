"""Shared by the events rule tables: the events a sentence gives, mutual ones in both orders."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from entente import pipeline
from entente.nlp import extensions as ext

MUTUAL = ("CONSULT", "COOPERATE", "AGREE")
Row = tuple[str, str | None, str, str]  # (source, target, type, status)


def events(nlp: Language, text: str, published: date) -> set[Row]:
    """Every event of ``text`` as (source, target, type, status); a mutual one also reversed."""
    doc = nlp(pipeline.make_doc(nlp, text, published))
    found = {(e.source, e.target, e.type, e.status) for e in ext.events(doc)}
    return found | {(t, s, ty, st) for s, t, ty, st in found if ty in MUTUAL and t}
