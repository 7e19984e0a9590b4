"""Who the parties of an event are, round 10 of the NewsArticles hand checks.

Hackers, volunteers, settlers, villagers, experts and the like named by a country word are
people, not the state ("state hackers", military intelligence and intelligence analysts stay the
state); a country word on a firm that owns a deal ("a Chinese company's US deal") is the firm's,
not the state's; a state that only names an agreement disputed ("opposes the Iran nuclear deal",
"the Paris accord, which the US rejected") is no target, while an act of the state itself
("condemned Iran's missile launch") stays; "it" after "X's influence over Y" takes X, the owner,
not the state in the owned noun's phrase. Sentences are written for these tests; each rule has
rows that keep an event."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente.events.vet import load_parties
from event_helpers import events as helper_events
from event_helpers import parties_unmet

PUB = date(2017, 3, 1)
Row = tuple[str, str | None, str, str]

ROWS = [
    # hackers and volunteers named by a country word are people of the country
    (
        "Russian hackers allegedly targeted the Dutch government before the vote, a broadcaster reported.",
        {("RUS", "NLD")},
        set(),
    ),
    ("Chinese hackers reportedly attacked Taiwan's election commission in January.", {("CHN", "TWN")}, set()),
    ("Russian volunteers fought against Ukraine in the east.", {("RUS", "UKR")}, set()),
    # kept: hackers marked as the state's, a state agency, troops
    (
        "Russian state hackers attacked Ukraine's power grid, the ministry said.",
        set(),
        {("RUS", "UKR", "ASSAULT", "attributed")},
    ),
    (
        "Russian military intelligence attacked Ukraine's power grid, the ministry said.",
        set(),
        {("RUS", "UKR", "ASSAULT", "attributed")},
    ),
    ("Russian troops attacked Ukraine last year.", set(), {("RUS", "UKR", "ASSAULT", "asserted")}),
    # people who settle, trade, study or comment are no state
    ("Israeli settlers attacked a Palestinian village on Friday.", {("ISR", "PSE")}, set()),
    ("Chinese experts criticised the United States for its trade policy.", {("CHN", "USA")}, set()),
    ("Russian historians accused Poland of rewriting history.", {("RUS", "POL")}, set()),
    ("A Russian oligarch met Ukrainian officials in Vienna.", {("RUS", "UKR")}, set()),
    ("Afghan villagers protested against the US raid.", {("AFG", "USA")}, set()),
    ("North Korean defectors criticised China for the repatriations.", {("PRK", "CHN")}, set()),
    # kept: the state's police, diplomats, officials and intelligence analysts
    (
        "Israeli police clashed with Palestinian security forces near Hebron.",
        set(),
        {("ISR", "PSE", "ASSAULT", "asserted")},
    ),
    ("Russian diplomats met Ukrainian officials in Vienna.", set(), {("RUS", "UKR", "CONSULT", "asserted")}),
    (
        "US intelligence analysts accused Russia of hacking the election.",
        set(),
        {("USA", "RUS", "ACCUSE", "asserted")},
    ),
    (
        "US military experts train Somali forces at the base, Somali officials said.",
        set(),
        {("USA", "SOM", "AID", "attributed")},
    ),
    # a country word on the firm that owns a deal is the firm's
    ("The Chinese company's US deal was blocked.", {("CHN", "USA")}, set()),
    ("A Chinese firm's takeover deal with the US collapsed on Monday.", {("CHN", "USA")}, set()),
    # kept: the state, its government or its diplomats owning the act
    ("China's deal with Pakistan was signed last week.", set(), {("CHN", "PAK", "AGREE", "asserted")}),
    (
        "The Turkish government's deal with Russia was signed last week.",
        set(),
        {("TUR", "RUS", "AGREE", "asserted")},
    ),
    (
        "The Chinese diplomats' talks with India ended on Monday.",
        set(),
        {("CHN", "IND", "CONSULT", "asserted")},
    ),
    # a state that only names the agreement disputed is no target
    ("Saudi Arabia strongly opposes the Iran nuclear agreement.", {("SAU", "IRN")}, set()),
    ("Israel condemned the Iran nuclear deal as a historic mistake.", {("ISR", "IRN")}, set()),
    (
        "Trump said he would scrap the Iran nuclear deal, which Israel fiercely opposes.",
        {("ISR", "IRN")},
        set(),
    ),
    # kept: the state's own act criticised, the state itself opposed, a demand rejected
    ("Israel condemned Iran's missile launch on Sunday.", set(), {("ISR", "IRN", "ACCUSE", "asserted")}),
    ("Israel condemned Iran over its missile test.", set(), {("ISR", "IRN", "ACCUSE", "asserted")}),
    ("Iran rejected the US demand for new talks.", set(), {("IRN", "USA", "REJECT", "asserted")}),
    # "it" after "X's influence over Y" is X
    (
        "\"We know China's influence over North Korea, and we are always encouraging it to play a "
        'bigger role," a US State Department spokesman said.',
        {("USA", "PRK")},
        {("USA", "CHN", "REQUEST", "attributed")},
    ),
    (
        "Washington values Beijing's leverage over Pyongyang and is urging it to use that leverage.",
        {("USA", "PRK")},
        {("USA", "CHN", "REQUEST", "asserted")},
    ),
    # kept: the addressee named, with a target inside the infinitive for its own act
    (
        "The United States encouraged China to put more pressure on North Korea.",
        set(),
        {("USA", "CHN", "REQUEST", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "absent", "present"), ROWS)
def test_parties(nlp: Language, text: str, absent: set[tuple[str, str]], present: set[Row]) -> None:
    found = helper_events(nlp, text, PUB)
    banned, missing = parties_unmet(found, absent, present)
    assert not banned and not missing, found


def test_data_loads() -> None:
    parties = load_parties()
    assert {"hacker", "volunteer", "settler", "expert"} <= parties.nonstate_heads
    assert {"intelligence", "military"} <= parties.state_marks
    assert "oppose" in parties.disputing_verbs and "deal" in parties.disputed_accords
    assert "plan" not in parties.disputed_accords  # "rejected the Russian peace plan" keeps Russia
