"""Who the parties of an event are, round 9 of the NewsArticles hand checks.

A party's figure ("Britain's Labour Party leader X", "the Dutch anti-Islam party leader X") is no
state, a ruling party's ("China's Communist Party chief X") and an office held beside it are; plural
nationality nouns listed under a plural common noun ("traders from abroad, including Ethiopians and
Eritreans") are people; "those that cooperate with X" after a list of states is no state of the list;
a report's speaker the parse hangs as an appositive on a noun of the reported clause ("..., Ivan
Petrov, head of the Russian staff's department, said") is no party of the reported act; where a
person lives ("a religious leader who lives in exile in Britain") is no state they speak for.
Sentences are written for these tests; each rule has rows that keep an event."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente.events.vet import load_parties
from entente.people.roles import role_words
from event_helpers import events as helper_events
from event_helpers import parties_unmet

PUB = date(2017, 3, 1)
Row = tuple[str, str | None, str, str]

ROWS = [
    # a party's figure named with a country word is no state
    (
        "Britain's Labour Party leader Jeremy Corbyn criticised Israel over the settlements.",
        {("GBR", "ISR")},
        set(),
    ),
    (
        "The Netherlands' anti-Islam party leader Geert Wilders, who wants a Dutch exit, congratulated "
        "Britain on Friday.",
        {("NLD", "GBR")},
        set(),
    ),
    ("Germany's far-right party leader Frauke Petry praised Russia on Tuesday.", {("DEU", "RUS")}, set()),
    # kept: a ruling party's chief, an office beside the party title, an office alone
    (
        "China's Communist Party chief Xi Jinping met Vietnamese President Tran Dai Quang in Beijing.",
        set(),
        {("CHN", "VNM", "CONSULT", "asserted")},
    ),
    (
        "Britain's Prime Minister and Conservative Party leader Theresa May criticised Russia on Tuesday.",
        set(),
        {("GBR", "RUS", "ACCUSE", "asserted")},
    ),
    (
        "Dutch Prime Minister Mark Rutte congratulated Britain on Friday.",
        set(),
        {("NLD", "GBR", "SUPPORT", "asserted")},
    ),
    # plural nationality nouns listed under people are people
    (
        "The riot ended in clashes between local youths and traders from abroad, including Ethiopians "
        "and Eritreans.",
        {("ETH", "ERI")},
        set(),
    ),
    # "those that cooperate with X" are others than the states listed before them
    (
        "Russia, Iran and those that cooperate with the Syrian army are fighting terrorists in Syria, "
        "he said.",
        {("RUS", "SYR"), ("IRN", "SYR")},
        set(),
    ),
    # kept: the states themselves as the antecedent, a mutual relative clause on a pair
    (
        "Russia and Iran, which cooperate with the Syrian army, are fighting terrorists, he said.",
        set(),
        {("IRN", "SYR", "COOPERATE", "attributed")},
    ),
    (
        "The talks between Iran and Turkey, who met in Astana, ended on Monday.",
        set(),
        {("IRN", "TUR", "CONSULT", "asserted")},
    ),
    # the speaker of a report tail is no target of the reported act
    (
        "Jordanian troops have been deployed to the zones held by the Kurdish militia last week, Ivan "
        "Petrov, Head of the Russian General Staff's Main Operations Department, said on Friday.",
        {("JOR", "RUS")},
        set(),
    ),
    (
        "Syrian troops have been deployed to the areas held by the Kurdish forces on March 3, Oleg "
        "Ivanov, Head of the Russian General Staff's Main Operations Department, said on Friday.",
        {("SYR", "RUS")},
        set(),
    ),
    # kept: a name in apposition that is no speaker
    (
        "Washington sanctioned the Venezuelan vice president, Tareck El Aissami, on Monday.",
        set(),
        {("USA", "VEN", "SANCTION", "asserted")},
    ),
    (
        "China criticised its neighbour, North Korea, on Monday.",
        set(),
        {("CHN", "PRK", "ACCUSE", "asserted")},
    ),
    # where a person lives says nothing of whom they speak for
    (
        "Officials said that the network of Ahmet Demir was behind the plot. Egypt accuses Demir, a "
        "religious leader who lives in exile in Britain, of plotting the attack.",
        {("EGY", "GBR")},
        set(),
    ),
    (
        "Officials said that the network of Ahmet Demir was behind the plot. Egypt accuses Demir, a "
        "religious leader based in Britain, of plotting the attack.",
        {("EGY", "GBR")},
        set(),
    ),
    # kept: an office's own state, in a role phrase and in a relative clause on another verb
    (
        "Officials said that Ali Hassan was behind the plot. Egypt accused Hassan, a senior official "
        "of the Qatari foreign ministry, of plotting the attack.",
        set(),
        {("EGY", "QAT", "ACCUSE", "asserted")},
    ),
    (
        "Officials said that Ali Hassan was behind the plot. Egypt accused Hassan, a senior official "
        "who works for the Qatari foreign ministry, of plotting the attack.",
        set(),
        {("EGY", "QAT", "ACCUSE", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "absent", "present"), ROWS)
def test_parties(nlp: Language, text: str, absent: set[tuple[str, str]], present: set[Row]) -> None:
    found = helper_events(nlp, text, PUB)
    banned, missing = parties_unmet(found, absent, present)
    assert not banned and not missing, found


@pytest.mark.parametrize(
    ("role", "official"),
    [
        ("anti-Islam party leader", False),
        ("far-right party chief", False),
        ("Communist Party chief", True),
        ("Prime Minister and Conservative Party leader", True),
        ("party lawmaker", True),
        ("foreign minister", True),
    ],
)
def test_party_roles(role: str, official: bool) -> None:
    assert role_words().is_official(role) is official


def test_data_loads() -> None:
    parties = load_parties()
    assert "including" in parties.listing_preps and "say" in parties.tail_verbs
    words = role_words()
    assert "party" in words.party_words and "live" in words.residence_verbs
