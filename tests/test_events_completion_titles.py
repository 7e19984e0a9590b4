"""entente_events: parties completed in round 11 (issue 13): titles and gathered meetings.

"senior Afghan embassy official X" stands for Afghanistan, as "a senior Afghan
embassy official" does, even where the people layer has not read X's
affiliation (a long name after the title): the state is the modifier of the
institution noun (descriptions.yaml's ``institution_nouns``) two levels below
the name. A title whose middle noun names no state institution ("energy
company executive", "opposition leader") gives no state.

"The talks in Geneva brought together the ministers of X and Y": a mutual
event noun as the subject of a gathering verb (descriptions.yaml's
``gathering_verbs``) takes its parties from the verb's object.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from event_helpers import Row, events

PUB = date(2024, 10, 14)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline.load()


# (text, events that must be found, pairs that must not be found in either direction)
CASES: list[tuple[str, set[Row], set[tuple[str, str]]]] = [
    # the rule's rows: a long name after an embassy or ministry title
    (
        "The Indian Foreign Office summoned senior Pakistani embassy official Syed Abdul Nasir Qureshi"
        " on Friday.",
        {("IND", "PAK", "ACCUSE", "asserted")},
        set(),
    ),
    (
        "The Dutch government summoned senior Turkish embassy official Mehmet Ali Kaya Demir on Monday.",
        {("NLD", "TUR", "ACCUSE", "asserted")},
        set(),
    ),
    # kept: the title without a name, and a short name the people layer reads
    (
        "The Pakistani Foreign Office summoned a senior Afghan embassy official after the attack.",
        {("PAK", "AFG", "ACCUSE", "asserted")},
        set(),
    ),
    (
        "Germany summoned Turkish ambassador Ali Aydin over the remarks.",
        {("DEU", "TUR", "ACCUSE", "asserted")},
        set(),
    ),
    # must not fire: the middle noun is no state institution
    (
        "Russian energy company executive Igor Ivanovich Sechin Petrov met Chinese officials in Beijing.",
        set(),
        {("RUS", "CHN")},
    ),
    (
        "Russian opposition leader Alexei Anatolievich Navalny Jr criticised China on Sunday.",
        set(),
        {("RUS", "CHN")},
    ),
    # an armed group named like a state's army is no state institution's title
    (
        "Free Syrian Army commander Abu Mohammed Saeed al-Halabi accused Russia of bombing civilians.",
        set(),
        {("SYR", "RUS")},
    ),
    # gathered meetings: the object of "bring together" holds the parties
    (
        "The summit in Astana brought together delegations of Russia, Turkey and Iran.",
        {
            ("RUS", "TUR", "CONSULT", "asserted"),
            ("RUS", "IRN", "CONSULT", "asserted"),
            ("TUR", "IRN", "CONSULT", "asserted"),
        },
        set(),
    ),
    (
        "The talks in Geneva brought together the foreign ministers of Russia and the United States.",
        {("RUS", "USA", "CONSULT", "asserted")},
        set(),
    ),
    # status from the usual steps: a meeting still to come
    (
        "The summit next month will bring together the leaders of Russia, Turkey and Iran.",
        {("RUS", "TUR", "CONSULT", "hypothetical")},
        set(),
    ),
    # must not fire: no event noun, private parties, or one state only
    ("The festival brought together artists from France and Germany.", set(), {("FRA", "DEU")}),
    (
        "The talks brought together business leaders from China and the United States.",
        set(),
        {("CHN", "USA")},
    ),
    ("The summit brought together refugees from Syria and Iraq.", set(), {("SYR", "IRQ")}),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES)
def test_completed_parties(nlp: Language, text: str, present: set[Row], absent: set[tuple[str, str]]) -> None:
    found = events(nlp, text, PUB)
    assert present <= found, (text, found)
    pairs = {(s, t) for s, t, _, _ in found}
    assert not any((a, b) in pairs or (b, a) in pairs for a, b in absent), (text, found)
