"""Who the parties of an event are, round 7 of the NewsArticles hand checks.

"Both sides" read from the states named before it leaves out the state the scene lies on
("eastern Ukraine", "the north of Syria"); a person held or sought for a crime, and a person
given refuge, is not their state; an official of "the Syrian opposition" speaks for no state;
a name token glued by the source to the words after it ("Hariri,-the") still names the
article's person, so that the surname alone later is that person and not a namesake of the
knowledge base. Sentences are written for these tests; each rule has rows that keep an event."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente.events.vet import load_parties
from entente.people.names import name_text
from event_helpers import events as helper_events
from event_helpers import pairs_both_ways, parties_unmet

PUB = date(2017, 3, 1)
Row = tuple[str, str | None, str, str]


def events(nlp: Language, text: str) -> set[Row]:
    return helper_events(nlp, text, PUB)


def pairs(found: set[Row]) -> set[tuple[str, str | None]]:
    return pairs_both_ways(found)


# (text, (source, target) pairs that must not be found, events that must be found)
PARTIES = [
    # "both sides" with no two-party event before it: the state the fighting is on is no side
    (
        "Police in Kiev detained six men, a Russian news agency reported. Despite the fighting "
        "in eastern Ukraine, both sides agreed that the blockade hurt trade.",
        {("UKR", "RUS")},
        set(),
    ),
    (
        "Russian jets bombed a ridge near the town. The strike happened in the north of Syria "
        "where both sides are fighting against IS.",
        {("SYR", "ISIS")},
        set(),
    ),
    # kept: the parties of an event before it, two states named with no scene
    (
        "Envoys of India and Pakistan met in Dubai. Both sides agreed to reopen the border.",
        set(),
        {("IND", "PAK", "AGREE", "asserted")},
    ),
    (
        "Japan sent a letter to South Korea last week. Both countries agreed to resume talks.",
        set(),
        {("JPN", "KOR", "AGREE", "asserted")},
    ),
    (
        "Police in Malaysia charged two women. A statement by the North Korean government said "
        "both countries agreed to return the body.",
        set(),
        {("PRK", "MYS", "AGREE", "attributed")},
    ),
    # a person held or sought for a crime is no state
    (
        "A Vietnamese suspect arrested by Malaysia will be charged on Monday.",
        {("MYS", "VNM")},
        set(),
    ),
    ("Thai police detained a Cambodian fugitive at the border.", {("THA", "KHM")}, set()),
    # kept: the state's own officials arrested
    (
        "Turkey arrested two Greek soldiers at the border.",
        set(),
        {("TUR", "GRC", "COERCE", "asserted")},
    ),
    # an official of the opposition speaks for it, not for the state named with it
    (
        "Omar Haddad, the Syrian opposition's chief negotiator, accused Russia of bombing civilians.",
        {("SYR", "RUS")},
        set(),
    ),
    # kept: an official of the state
    (
        "Omar Haddad, the Syrian foreign minister, accused Turkey of bombing civilians.",
        set(),
        {("SYR", "TUR", "ACCUSE", "asserted")},
    ),
    # who is given refuge is a person in flight, not the state
    ("Britain refused to provide refuge to the Russian emperor.", {("GBR", "RUS")}, set()),
    ("Greece granted asylum to a Turkish officer.", {("GRC", "TUR")}, set()),
    # kept: a state refused something that is no refuge
    (
        "Germany refused entry to the Russian ambassador.",
        set(),
        {("DEU", "RUS", "REJECT", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "absent", "present"), PARTIES)
def test_parties(nlp: Language, text: str, absent: set[tuple[str, str]], present: set[Row]) -> None:
    found = events(nlp, text)
    banned, missing = parties_unmet(found, absent, present)
    assert not banned and not missing, found


# a surname alone after the article's full name: that person, not a KB namesake
SURNAMES = [
    (
        "For his part, Nasr al-Hariri,-the opposition's chief negotiator, criticised the talks. "
        "Later, Hariri accused the government of Syria of bad faith.",
        {("LBN", "SYR")},
    ),
    (
        "For his part, Nasr al-Hariri, the opposition's chief negotiator, criticised the talks. "
        "Later, Hariri accused the government of Syria of bad faith.",
        {("LBN", "SYR")},
    ),
]


@pytest.mark.parametrize(("text", "absent"), SURNAMES)
def test_surname_of_the_articles_person(nlp: Language, text: str, absent: set[tuple[str, str]]) -> None:
    assert not (absent & pairs(events(nlp, text)))


def test_surname_alone_still_names_the_leader(nlp: Language) -> None:
    found = events(nlp, "Prime Minister Saad Hariri flew to Paris. Hariri accused Syria of meddling.")
    assert ("LBN", "SYR", "ACCUSE", "asserted") in found


def test_name_text_drops_a_glued_tail(nlp: Language) -> None:
    doc = nlp.make_doc("Nasr al-Hariri,-the negotiator met Ann Lee.")
    assert name_text(doc[0:4]) == "Nasr al-Hariri"
    assert name_text(doc[6:8]) == "Ann Lee"


def test_data_loads() -> None:
    parties = load_parties()
    assert "eastern" in parties.terrain_words and "asylum" in parties.refuge_nouns
    assert "suspect" in parties.nonstate_heads and "government" not in parties.terrain_words
