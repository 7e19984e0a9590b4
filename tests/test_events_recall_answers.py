"""entente_events, recall round 2: answers, appositions, examples, summons and exit bans.

* A denial ("denies the charge", "rejected the allegations", "dismissed the
  claims") is a REJECT aimed at whoever accused the denier in the last
  sentences (an ACCUSE event, else a quote against it); with no such
  accusation it is no event (events/answers.py).
* An event noun with a source and no target that an answer verb takes as
  object ("refused demands by X", "rejected X's request") is aimed at the
  verb's subject and shares the answer's status: the demand was made.
* Names in apposition to a common noun are its actors ("US allies South
  Korea and Japan"), not the noun's modifier.
* Examples that are nouns give their modifiers ("including the British and
  German ambassadors").
* A tensed verb coordinated with the trigger is no head of it ("questioned
  the inquiry and refused to ..." is a refusal that happened).
* "summoned the Afghan embassy official X" (a named object's title) and
  "barred three Malaysian diplomats from leaving" (a state's agents held back).
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from event_helpers import events as helper_events

PUB = date(2024, 10, 14)

Found = set[tuple[str, str | None, str, str]]  # (source, target, type, status)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline.load()


def events(nlp: Language, text: str) -> Found:
    return helper_events(nlp, text, PUB)


# (text, events that must be found)
FOUND: list[tuple[str, Found]] = [
    (
        "Pakistan accused Afghanistan of sheltering militants. Afghanistan denies the charge.",
        {("AFG", "PAK", "REJECT", "asserted")},
    ),
    (
        "Kiev accused Moscow of arming the rebels on Monday. The Kremlin dismissed the claims.",
        {("RUS", "UKR", "REJECT", "asserted")},
    ),
    (
        "Russia accused Ukraine of shelling the town. Kiev rejected the allegations.",
        {("UKR", "RUS", "REJECT", "asserted")},
    ),
    # the accuser only quoted: the speaker of a quote against the denier
    (
        '"Russian hackers attacked our election," the US president said. Moscow denied the claims.',
        {("RUS", "USA", "REJECT", "asserted")},
    ),
    (
        "Malaysia has refused demands by the Indonesian government for the release of the ship.",
        {("IDN", "MYS", "REQUEST", "asserted"), ("MYS", "IDN", "REJECT", "asserted")},
    ),
    (
        "Russia dismissed British accusations of meddling in the French election.",
        {("GBR", "RUS", "ACCUSE", "asserted")},
    ),
    (
        "Germany rejected Turkey's request for extradition of the suspects.",
        {("TUR", "DEU", "REQUEST", "asserted")},
    ),
    (
        "The US secretary of state flew to Beijing after visiting US allies South Korea and Japan.",
        {("USA", "KOR", "CONSULT", "asserted"), ("USA", "JPN", "CONSULT", "asserted")},
    ),
    (
        "China criticized Russia's partners Iran and Turkey.",
        {("CHN", "IRN", "ACCUSE", "asserted"), ("CHN", "TUR", "ACCUSE", "asserted")},
    ),
    (
        "US Senator Jeff Sessions had talks with foreign ambassadors, including the British, French "
        "and German ambassadors.",
        {
            ("USA", "GBR", "CONSULT", "asserted"),
            ("USA", "FRA", "CONSULT", "asserted"),
            ("USA", "DEU", "CONSULT", "asserted"),
        },
    ),
    (
        "North Korea questioned the inquiry and refused to cooperate with Malaysia.",
        {("PRK", "MYS", "REJECT", "asserted")},
    ),
    (
        "China planned and carried out an attack on Vietnam.",
        {("CHN", "VNM", "ASSAULT", "asserted")},
    ),
    (
        "The Pakistani Foreign Office summoned senior Afghan embassy official Ahmed Karim.",
        {("PAK", "AFG", "ACCUSE", "asserted")},
    ),
    (
        "North Korea barred three Malaysian diplomats from leaving the country.",
        {("PRK", "MYS", "COERCE", "asserted")},
    ),
]

# (text, events that must not be found)
NOT_FOUND: list[tuple[str, Found]] = [
    # a denial with no accusation behind it, or of something else, answers no one
    (
        "The US imposed new sanctions on Iran. Iran rejected the accusations.",
        {("IRN", "USA", "REJECT", "asserted")},
    ),
    (
        "The Netherlands accused Turkey of meddling. Turkey then denied entry to the Dutch minister.",
        {("TUR", "NLD", "REJECT", "asserted")},
    ),
    # the denier was not the one accused
    (
        "Britain accused Russia of the attack. France denies the charge.",
        {("FRA", "GBR", "REJECT", "asserted")},
    ),
    # a quote that praises the denier accuses it of nothing
    (
        '"Iran is a great partner," the Russian president said. Tehran rejected the claims.',
        {("IRN", "RUS", "REJECT", "asserted")},
    ),
    # no denial at all
    (
        "Britain accused Russia of the attack. Russia did not deny the charge.",
        {("RUS", "GBR", "REJECT", "asserted")},
    ),
    # a demand that may never be made is no happened demand
    (
        "Iran will reject any US demand to halt the tests.",
        {("USA", "IRN", "REQUEST", "asserted")},
    ),
    # welcoming a call is no answer to it: the call was aimed at others
    (
        "Germany welcomed the US call for a ceasefire in Yemen.",
        {("USA", "DEU", "REQUEST", "asserted")},
    ),
    # the appositive names the allies: the US is no party visited
    (
        "China criticized Russia's partners Iran and Turkey.",
        {("CHN", "RUS", "ACCUSE", "asserted")},
    ),
    # a travel ban on a state's citizens is no coercion of its agents
    (
        "Saudi Arabia barred Qatari citizens from entering the kingdom.",
        {("SAU", "QAT", "COERCE", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_found(nlp: Language, text: str, expected: Found) -> None:
    found = events(nlp, text)
    assert expected <= found, f"missing {expected - found} in {found}"


@pytest.mark.parametrize(("text", "unexpected"), NOT_FOUND)
def test_not_found(nlp: Language, text: str, unexpected: Found) -> None:
    found = events(nlp, text)
    assert not unexpected & found, f"unexpected {unexpected & found}"


def test_answer_words_are_read_by_the_typed_loader() -> None:
    from entente.errors import EntenteError
    from entente.events.answers import answer_words_from_data, load_answer_words

    words = load_answer_words()
    assert "deny" in words.denial_verbs and "REQUEST" in words.answered_types
    with pytest.raises(EntenteError) as info:
        answer_words_from_data({"denial_verb": ["deny"]})
    assert info.value.message.code == "E008" and "'denial_verb'" in str(info.value)
