"""Precision of state-to-state events: who is not the state, and triggers that report no event.

Rule tables on sentences written for the error kinds of the NewsArticles hand check
(gold/events-check): private people and non-state groups named with a country word,
places and topics taken as parties, word senses and names that are no events. Each
table has rows that must keep the state reading, so that no rule can pass by
dropping everything.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente.errors import EntenteError
from entente.events.descriptions import load_words, words_from_data
from entente.events.vet import Parties, load_parties
from entente.events.vet_senses import load_senses, senses_from_data
from event_helpers import events as helper_events

PUB = date(2017, 3, 1)
Row = tuple[str, str | None, str, str]


def events(nlp: Language, text: str) -> set[Row]:
    return helper_events(nlp, text, PUB)


def pairs(nlp: Language, text: str) -> set[tuple[str, str | None]]:
    return {(s, t) for s, t, _, _ in events(nlp, text)}


# (text, (source, target) pairs that must NOT be found)
NOT_THE_STATE = [
    # nationals, refugees, migrants, families, tourists
    ("Thousands of Syrian refugees were turned back by Lebanon at the border.", {("LBN", "SYR")}),
    ("Some 4,000 Afghans were deported by the Iranian authorities last month.", {("IRN", "AFG")}),
    ("Egypt is sheltering more than 100,000 Sudanese refugees, the agency said.", {("EGY", "SDN")}),
    ("Turkey detained two German citizens on terrorism charges.", {("TUR", "DEU")}),
    ("The ministry is helping the family of a Canadian man who died in Bali.", {("IDN", "CAN")}),
    ("Gunmen in Kenya killed four Italian tourists on Sunday.", {("KEN", "ITA")}),
    # private business
    ("Japanese investors are buying up office blocks in Australia's big cities.", {("JPN", "AUS")}),
    ("Korean businessmen signed deals with Vietnam's biggest ports.", {("KOR", "VNM")}),
    # protesters, activists, the opposition, militants
    ("Polish protesters marched against the German embassy in Warsaw.", {("POL", "DEU")}),
    ("Egypt deported a French human rights activist on Tuesday.", {("EGY", "FRA")}),
    ("Venezuela's opposition asked Brazil to press the government in Caracas.", {("VEN", "BRA")}),
    ("The Syrian opposition group urged Turkey to stop the shelling.", {("SYR", "TUR")}),
    ("Afghan militants attacked a Pakistani checkpoint overnight.", {("AFG", "PAK")}),
    # a bare plural nationality is the people, not the state
    ("Mexicans staged large protests against the United States on Sunday.", {("MEX", "USA")}),
    ("Hundreds of Eritreans were expelled by Israel this year.", {("ISR", "ERI")}),
    # an international official described by nationality
    (
        "Caracas accused Juan Perez, a Chilean lawyer who heads the regional body, of bias.",
        {("VEN", "CHL")},
    ),
]

# (text, events that must still be found): the state itself, its officials, forces and agencies
STILL_THE_STATE = [
    (
        "Turkish soldiers shelled Syrian government positions near the border.",
        {("TUR", "SYR", "ASSAULT", "asserted")},
    ),
    (
        "The US intelligence community blamed Russia for the hacking of the party's email.",
        {("USA", "RUS", "ACCUSE", "asserted")},
    ),
    ("The Russians accused the Americans of lying about the strike.", {("RUS", "USA", "ACCUSE", "asserted")}),
    ("Iranian officials met their Iraqi counterparts in Baghdad.", {("IRN", "IRQ", "CONSULT", "asserted")}),
    ("The Chinese government criticised Japan over the islands.", {("CHN", "JPN", "ACCUSE", "asserted")}),
]


@pytest.mark.parametrize(("text", "absent"), NOT_THE_STATE)
def test_people_of_a_state_are_not_the_state(nlp: Language, text: str, absent: set[tuple[str, str]]) -> None:
    assert not pairs(nlp, text) & absent


@pytest.mark.parametrize(("text", "expected"), STILL_THE_STATE)
def test_the_state_and_its_agents_stay(nlp: Language, text: str, expected: set[Row]) -> None:
    assert expected <= events(nlp, text)


# (text, events that must be found, (source, target) pairs that must not)
PARTIES = [
    # "X-led" acts for X; "X-backed" does not make the phrase X; the place is not the party
    (
        "Britain also backs the Saudi-led coalition in Yemen.",
        {("GBR", "SAU", "SUPPORT", "asserted")},
        {("GBR", "YEM")},
    ),
    ("France criticised the Iran-backed militias in Iraq.", set(), {("FRA", "IRN"), ("FRA", "IRQ")}),
    # a place where an attack happened is not its target where the clause names the victims
    (
        "A Syrian air strike in Turkey killed five Iraqi soldiers.",
        {("SYR", "IRQ", "ASSAULT", "asserted")},
        {("SYR", "TUR")},
    ),
    # one war per country, not a war between them
    ("Both powers back opposite sides in the Libya and Sudan conflicts.", set(), {("LBY", "SDN")}),
    ("Oil prices rose during the Iraq and Afghanistan wars.", set(), {("IRQ", "AFG")}),
]


@pytest.mark.parametrize(("text", "expected", "absent"), PARTIES)
def test_places_and_backers_are_not_parties(
    nlp: Language, text: str, expected: set[Row], absent: set[tuple[str, str]]
) -> None:
    found = events(nlp, text)
    assert expected <= found
    assert not {(s, t) for s, t, _, _ in found} & absent


# (text, (source, target, type) that must not be found, events that must be found)
SENSES = [
    # comparisons
    (
        "As opposed to Norway and Iceland, Sweden must follow the bloc's fishing rules.",
        ("SWE", "NOR", "REJECT"),
        set(),
    ),
    ("Poland opposed Germany's plan for the pipeline.", None, {("POL", "DEU", "REJECT", "asserted")}),
    (
        "Together with Argentina, Uruguay has the largest beef herds per person.",
        ("URY", "ARG", "COOPERATE"),
        set(),
    ),
    # standing beside a leader is physical; standing by a country is support
    (
        "Macron spoke about trade as he stood next to Angela Merkel in Berlin.",
        ("FRA", "DEU", "SUPPORT"),
        set(),
    ),
    ("Lithuania stood by Ukraine throughout the war.", None, {("LTU", "UKR", "SUPPORT", "asserted")}),
    # popular support for a leader is no state's act; a state's own support is
    (
        "Orban's war of words with the Austrian government appeared to have boosted support for Kurz.",
        ("HUN", "AUT", "SUPPORT"),
        set(),
    ),
    ("Norway boosted its support for Ukraine.", None, {("NOR", "UKR", "SUPPORT", "asserted")}),
    # a treaty's or agreement's name is no event; signing it is
    (
        "The two leaders talked about the old Treaty of Friendship between Georgia and Armenia.",
        ("GEO", "ARM", "AGREE"),
        set(),
    ),
    (
        "Ethiopia and Egypt signed the Nile Basin Accord in 2015.",
        None,
        {("ETH", "EGY", "AGREE", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "absent", "expected"), SENSES)
def test_senses_and_names_that_are_no_events(
    nlp: Language, text: str, absent: tuple[str, str, str] | None, expected: set[Row]
) -> None:
    found = events(nlp, text)
    if absent is not None:
        assert absent not in {(s, t, ty) for s, t, ty, _ in found}
    assert expected <= found


# (text, (source, target) pairs that must not be found, events that must be found): a person
# counts as their state only from the day they took office
BEFORE_OFFICE = [
    ("During his campaign last year, Trump praised Vladimir Putin.", {("USA", "RUS")}, set()),
    ("Vladimir Putin praised Donald Trump in 2015.", {("RUS", "USA")}, set()),
    ("Last month Trump praised Vladimir Putin.", set(), {("USA", "RUS", "SUPPORT", "asserted")}),
    ("In 2016 Barack Obama criticised Russia.", set(), {("USA", "RUS", "ACCUSE", "asserted")}),
    # the state itself acted, whoever else the sentence names
    (
        "Israel annexed East Jerusalem in 1967, and Netanyahu asked Trump to recognise it.",
        set(),
        {("ISR", "PSE", "COERCE", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "absent", "expected"), BEFORE_OFFICE)
def test_acts_before_taking_office_are_not_the_states(
    nlp: Language, text: str, absent: set[tuple[str, str]], expected: set[Row]
) -> None:
    found = events(nlp, text)
    assert not {(s, t) for s, t, _, _ in found} & absent
    assert expected <= found


def test_parties_data_loads_with_every_class() -> None:
    parties = load_parties()
    assert {"refugee", "investor", "protester", "opposition"} <= parties.nonstate_heads
    assert "led" in parties.leading_participles and "backed" in parties.backing_participles
    assert load_senses()


@pytest.mark.parametrize("data", [["refugee"], {"nonstate_heads": "refugee"}, {"nonstate_heads": [1, 2]}])
def test_malformed_parties_data_is_a_catalogued_error(data: object) -> None:
    with pytest.raises(EntenteError) as info:
        Parties.from_data(data)
    assert info.value.message.code == "E008"


@pytest.mark.parametrize("data", [[], {"senses": "oppose"}, {"senses": [{"marks": ["as"]}]}])
def test_malformed_senses_data_is_a_catalogued_error(data: object) -> None:
    with pytest.raises(EntenteError) as info:
        senses_from_data(data)
    assert info.value.message.code == "E008"


def test_parties_data_rejects_an_unknown_key() -> None:
    with pytest.raises(EntenteError) as info:
        Parties.from_data({"nonstate_heads": ["refugee"], "nonstate_modifier": ["exiled"]})
    assert info.value.message.code == "E008" and "'nonstate_modifier'" in str(info.value)


def test_descriptions_data_is_read_by_the_typed_loader() -> None:
    words = load_words()
    assert "two" in words.pair_counts and "government" in words.institutions
    with pytest.raises(EntenteError) as info:
        words_from_data({"pair_count": ["two"]})
    assert info.value.message.code == "E008" and "'pair_count'" in str(info.value)
    with pytest.raises(EntenteError):
        words_from_data({"pair_counts": "two"})
