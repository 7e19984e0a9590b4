"""Shared by the events rule tables: the events a sentence gives, mutual ones in both orders."""

from __future__ import annotations

from collections.abc import Collection
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


def found_as_told(nlp: Language, text: str, published: date) -> set[Row]:
    """Every event of ``text`` in the direction entente reports it (no mutual reversal)."""
    doc = nlp(pipeline.make_doc(nlp, text, published))
    return {(e.source, e.target, e.type, e.status) for e in ext.events(doc)}


def _matches(want: str, found: set[Row], mutual: Collection[str]) -> bool:
    src, tgt, typ, status = want.split()
    pairs = {(src, tgt), (tgt, src)} if typ in mutual else {(src, tgt)}
    return any((s, t) in pairs and ty == typ and st == status for s, t, ty, st in found)


def unmet_rows(
    found: set[Row], expected: list[str], mutual: Collection[str] = MUTUAL
) -> tuple[list[str], list[str]]:
    """Rows "SRC TGT TYPE STATUS" not found (a type of ``mutual`` in either order), and "!"-rows
    found in exactly their direction: what a sense table's sentence got wrong."""
    missing = [w for w in expected if not w.startswith("!") and not _matches(w, found, mutual)]
    wrong = [w for w in expected if w.startswith("!") and _matches(w[1:], found, ())]
    return missing, wrong


def unmet_in(found: set[Row], expected: list[str]) -> tuple[list[str], list[str]]:
    """Rows "SRC TGT TYPE STATUS" missing from ``found`` (as :func:`events` gives it, mutual types
    both ways), and "!"-rows present in it: what a round's sense table got wrong."""
    rows = [(w.lstrip("!"), w.startswith("!")) for w in expected]
    missing = [w for w, neg in rows if not neg and tuple(w.split()) not in found]
    wrong = [w for w, neg in rows if neg and tuple(w.split()) in found]
    return missing, wrong


def parties_unmet(
    found: set[Row], absent: set[tuple[str, str]], present: set[Row], *, mutual: bool = False
) -> tuple[set[tuple[str, str]], set[Row]]:
    """What a parties table's sentence got wrong: the ``absent`` pairs found in either direction,
    and the ``present`` events not found (with ``mutual``, a mutual type counts in either order)."""
    told = found
    if mutual:
        told = found | {(t, s, ty, st) for s, t, ty, st in found if t and ty in MUTUAL}
    return absent & pairs_both_ways(found), present - told


def pairs_both_ways(found: set[Row]) -> set[tuple[str, str | None]]:
    """The (source, target) pairs of ``found``, each also reversed."""
    return {(s, t) for s, t, *_ in found} | {(t, s) for s, t, *_ in found if t}


def statuses_of(found: set[Row], event: tuple[str, str | None, str]) -> set[str]:
    """The statuses ``found`` gives ``event`` (source, target, type; a target of None: any target)."""
    src, tgt, typ = event
    return {st for s, t, ty, st in found if s == src and ty == typ and (tgt is None or t == tgt)}
