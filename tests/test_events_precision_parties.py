"""Who the parties of an event are, round 3 of the NewsArticles hand checks.

Candidates and people at leisure hold no office; nationalities listed with other people are
people; a former office-holder speaks for no state; coordinated nationalities under one plural
event noun are no pair; the subject of a copula with a possessed noun did not do the act of a
subjectless clause on it; a standing conflict to be resolved or studied is no fighting; a
capitalised "He" after a heading is not the name in the heading. Sentences are written for
these tests; each rule has rows that keep an event."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from entente.events.referents import pronoun_actors
from event_helpers import found_as_told

PUB = date(2017, 3, 1)
Row = tuple[str, str | None, str, str]


def events(nlp: Language, text: str) -> set[Row]:
    return found_as_told(nlp, text, PUB)


# (text, (source, target) pairs that must not be found, events that must be found)
PARTIES = [
    # a candidate, and people at leisure, are not their state
    (
        "Putin told the French presidential candidate at their meeting that he valued France.",
        {("RUS", "FRA")},
        set(),
    ),
    ("Irish yachtsman rescued off Australian coast.", {("IRL", "AUS"), ("AUS", "IRL")}, set()),
    # a plural nationality coordinated with a plural noun for people (not with "the")
    ("Trump has previously targeted Muslims and Mexicans in his rhetoric.", {("USA", "MEX")}, set()),
    ("Israel arrested Palestinians and foreigners at the crossing.", {("ISR", "PSE")}, set()),
    ("The Russians and their allies attacked Ukraine.", set(), {("RUS", "UKR", "ASSAULT", "asserted")}),
    # a named person introduced as a former office-holder, acting after the term
    (
        "Laurent Fabius, the former French foreign minister, denounced Trump's decision on Tuesday.",
        {("FRA", "USA")},
        set(),
    ),
    ("John Kerry, the former US secretary of state, praised Iran's restraint.", {("USA", "IRN")}, set()),
    ("Laurent Fabius criticised China in 2014.", set(), {("FRA", "CHN", "ACCUSE", "asserted")}),
    # coordinated nationalities under one plural noun, with more coordinated after the noun
    (
        "Experts see it as a reply to Washington's choice not to enter the Libyan or Syrian civil wars "
        "and its drawdowns in Iraq.",
        {("LBY", "SYR"), ("SYR", "LBY")},
        set(),
    ),
    ("The war between Russia and Ukraine killed thousands.", set(), {("RUS", "UKR", "ASSAULT", "asserted")}),
    # the subject of "X was Y's stop" did not do what the trip did
    ("Seoul was Kerry's second stop after meeting Japan's leaders.", {("KOR", "JPN"), ("JPN", "KOR")}, set()),
    ("Japan was angry after meeting China.", set(), {("JPN", "CHN", "CONSULT", "asserted")}),
    # a standing conflict to resolve, or a field of study, is no fighting
    (
        "Resolving the Israeli-Palestinian conflict is necessary for regional security.",
        {("PSE", "ISR"), ("ISR", "PSE")},
        set(),
    ),
    (
        "A researcher specialising in the Palestinian-Israeli conflict spoke at the event.",
        {("ISR", "PSE"), ("PSE", "ISR")},
        set(),
    ),
    (
        "Both leaders shared their views on the conflict between Armenia and Azerbaijan.",
        set(),
        {("ARM", "AZE", "ASSAULT", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "absent", "expected"), PARTIES)
def test_who_the_parties_are(
    nlp: Language, text: str, absent: set[tuple[str, str]], expected: set[Row]
) -> None:
    found = events(nlp, text)
    assert not {(s, t) for s, t, _, _ in found} & absent
    assert expected <= found


def _parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    ents = ["O"] * len(words)
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_capitalised_pronoun_after_a_heading_skips_the_heading_name(nlp: Language) -> None:
    # "Zuhri spoke . A lesson for Trump He urged Jordan ." with "Trump" parsed onto "He"
    words = ["Zuhri", "spoke", ".", "A", "lesson", "for", "Trump", "He", "urged", "Jordan", "."]
    heads = [1, 1, 1, 4, 4, 4, 7, 8, 4, 8, 4]
    deps = ["nsubj", "ROOT", "punct", "det", "ROOT", "prep", "compound", "nsubj", "relcl", "dobj", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PRON", "VERB", "PROPN", "PUNCT"]
    doc = _parsed(nlp, words, heads, deps, pos)
    by_token = {0: "HAMAS", 6: "USA", 9: "JOR"}
    assert pronoun_actors(doc, by_token, {0, 6}).get(7) == "HAMAS"
    # lower case, the pronoun takes the name just before it in its sentence
    doc = _parsed(nlp, [w if w != "He" else "he" for w in words], heads, deps, pos)
    assert pronoun_actors(doc, by_token, {0, 6}).get(7) == "USA"
