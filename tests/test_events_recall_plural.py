"""entente_events: plural anaphors ("they", "both", "the two", "the pair") and named other parties.

The plural anaphors are off by default (``plural_anaphora`` in
data/descriptions.yaml); their tables switch them on. "They" takes the latest
plural subject of its sentence or the previous one when that subject stands
for actors; "both", "the two", "the pair" and "the two leaders" the parties
of the latest two-party event or the latest subject coordination of two
actors (events/plurals.py). A coordinated subject of a
mutual trigger is not paired when a "with"/"between" phrase names another
party ("held meetings with the local authorities"). A relative clause with a
mutual verb on the last of two coordinated parties is said of both ("X and Y,
who met ..."); "in cooperation with X" under a noun takes the noun's possessor.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from entente.events import plurals
from entente.events.descriptions import load_words
from event_helpers import events as helper_events

PUB = date(2024, 10, 14)

Found = set[tuple[str, str | None, str, str]]  # (source, target, type, status)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline.load()


@pytest.fixture
def plural_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The plural anaphors switched on, as ``plural_anaphora: true`` in the data would."""
    words = dataclasses.replace(load_words(), plural_anaphora=True)
    monkeypatch.setattr(plurals, "load_words", lambda: words)
    yield


def events(nlp: Language, text: str) -> Found:
    return helper_events(nlp, text, PUB)


# (text, events that must be found with the plural anaphors on)
PLURAL_FOUND: list[tuple[str, Found]] = [
    # "they" after a coordination of leaders
    (
        "Putin and Erdogan met in Sochi on Monday. They agreed to expand trade.",
        {("RUS", "TUR", "AGREE", "asserted")},
    ),
    # "they" after one plural phrase that stands for a state
    (
        "Russian officials arrived in Ankara. They accused Ukraine of shelling civilians.",
        {("RUS", "UKR", "ACCUSE", "asserted")},
    ),
    (
        "Russia and China vetoed the resolution. They accused France of hypocrisy.",
        {("RUS", "FRA", "ACCUSE", "asserted"), ("CHN", "FRA", "ACCUSE", "asserted")},
    ),
    # a reported clause reads like the narrative: "X and Y said they ..."
    (
        "Greece and Cyprus said they had condemned Turkey's drilling off the island.",
        {("GRC", "TUR", "ACCUSE", "attributed"), ("CYP", "TUR", "ACCUSE", "attributed")},
    ),
    # "both", "the pair" after a coordinated subject
    (
        "The United States and Japan held talks. Both condemned North Korea.",
        {("USA", "PRK", "ACCUSE", "asserted"), ("JPN", "PRK", "ACCUSE", "asserted")},
    ),
    (
        "Abe and Trump played golf in Florida. The pair later condemned North Korea's missile launch.",
        {("JPN", "PRK", "ACCUSE", "asserted"), ("USA", "PRK", "ACCUSE", "asserted")},
    ),
    # "the two leaders" after a coordination that is no event
    (
        "Angela Merkel and Xi Jinping attended a concert in Hamburg."
        " The two leaders criticised the new US tariffs.",
        {("DEU", "USA", "ACCUSE", "asserted"), ("CHN", "USA", "ACCUSE", "asserted")},
    ),
    # "the two" after a two-party event
    (
        "Angela Merkel spoke with Xi Jinping by phone. The two criticised the new US tariffs.",
        {("DEU", "USA", "ACCUSE", "asserted"), ("CHN", "USA", "ACCUSE", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PLURAL_FOUND)
def test_plural_found(nlp: Language, plural_on: None, text: str, expected: Found) -> None:
    found = events(nlp, text)
    assert expected <= found, f"found {sorted(found, key=str)}"


def test_plural_off_by_default(nlp: Language) -> None:
    found = events(nlp, PLURAL_FOUND[0][0])
    assert not any(f[2] == "AGREE" for f in found), f"found {sorted(found, key=str)}"


# (text, events that must be found, defaults)
FOUND: list[tuple[str, Found]] = [
    # a relative clause on the last of two coordinated people, with a mutual verb, is said of both
    (
        "Sergey Lavrov and Rex Tillerson, who met in Bonn on Thursday, disagreed on Syria.",
        {("RUS", "USA", "CONSULT", "asserted")},
    ),
    # "in cooperation with X" under a noun: the noun's possessor is the other party
    (
        "China's fight against smog in cooperation with the United States was praised by scientists.",
        {("CHN", "USA", "COOPERATE", "asserted")},
    ),
    # "with each other" names no other party
    ("Russia and Turkey signed an agreement with each other.", {("RUS", "TUR", "AGREE", "asserted")}),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_found(nlp: Language, text: str, expected: Found) -> None:
    found = events(nlp, text)
    assert expected <= found, f"found {sorted(found, key=str)}"


# (text, (source, target, type) that must not be reported)
ABSENT = [
    # the nearest plural subject stands for no actor: "they" stands for none
    (
        "The protesters gathered outside the embassy. They accused Ukraine of shelling civilians.",
        ("RUS", "UKR", "ACCUSE"),
    ),
    (
        "Putin and Erdogan met in Sochi. Opposition activists said they blamed Russia for the war.",
        ("TUR", "RUS", "ACCUSE"),
    ),
    # inside a direct quote "they" is the speaker's, not the narrative's
    (
        'Russia and Belarus held joint drills. "They are threatening Poland," a Lithuanian official said.',
        ("RUS", "POL", "THREATEN"),
    ),
    # only subjects are antecedents: "Trump hosted Abe and Modi. They ..." is left alone
    ("Trump hosted Abe and Modi in Florida. They criticised China.", ("JPN", "CHN", "ACCUSE")),
    # the parties of the deal are named, and they are not the subject
    (
        "Russia and Turkey secured a ceasefire deal between rebels and government forces.",
        ("RUS", "TUR", "AGREE"),
    ),
    ("Russian and Turkish officials held meetings with the local authorities.", ("RUS", "TUR", "CONSULT")),
    # "the two" needs a pair: one state named is none
    ("Chile sent aid to the region. The two condemned the attack on Peru.", ("CHL", "PER", "ACCUSE")),
]


@pytest.mark.parametrize(("text", "unwanted"), ABSENT)
def test_absent(nlp: Language, plural_on: None, text: str, unwanted: tuple[str, ...]) -> None:
    found = events(nlp, text)
    assert not any(f[: len(unwanted)] == unwanted for f in found), f"found {sorted(found, key=str)}"
