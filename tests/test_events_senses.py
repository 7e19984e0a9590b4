"""Word senses: is it this event type, or an event at all? (``events/senses.py``, ``data/senses.yaml``).

Each row is a sentence written for this test and the events a careful reader finds in it
("SOURCE TARGET TYPE STATUS"; mutual types match in either order; "!..." must not be found in
that order).
Every "!" row is a reading the rules gave before the sense was added; the rows without "!"
are the neighbouring readings that must survive it.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from entente.errors import EntenteError
from entente.events.senses import Context, load_acts, load_former_nouns, load_senses, senses_from_data
from event_helpers import found_as_told, unmet_rows

MUTUAL = {"CONSULT", "AGREE", "COOPERATE", "ASSAULT"}  # either order, in the rows to be found

CASES = [
    # a standing dispute is no assault; the conflict going on, or flaring up, is
    (
        "The two-state solution to end the region's long-running conflict between Israel and the "
        "Palestinians is fading.",
        ["!ISR PSE ASSAULT asserted", "!PSE ISR ASSAULT asserted"],
    ),
    (
        '"The root of the problem is the conflicts between Sudan and South Sudan," the envoy said.',
        ["!SDN SSD ASSAULT attributed", "!SSD SDN ASSAULT attributed"],
    ),
    (
        "The decades-old conflict between Armenia and Azerbaijan flared up again on Sunday.",
        ["ARM AZE ASSAULT asserted"],
    ),
    ("Analysts pointed to the armed conflicts between Sudan and Chad.", ["SDN TCD ASSAULT asserted"]),
    ("What are your views on the conflict between Serbia and Kosovo?", ["SRB XKX ASSAULT asserted"]),
    (
        "The Syrian war is a complex conflict in which Iran, as the ally of Assad, "
        "stands opposed to Saudi Arabia.",
        ["!IRN SAU REJECT asserted"],
    ),
    # speaking with one voice is a shared position, not talks
    (
        "On that question, Trump and Abe struggled to speak with a unified voice.",
        ["!USA JPN CONSULT asserted", "!JPN USA CONSULT asserted"],
    ),
    (
        "The leaders of Germany and France spoke with one voice on the migrant crisis.",
        ["!DEU FRA CONSULT asserted", "!FRA DEU CONSULT asserted"],
    ),
    ("Putin spoke with Erdogan on Tuesday.", ["RUS TUR CONSULT asserted"]),
    # welcoming a visitor is hosting a visit; welcoming a decision is support
    (
        "The Indian prime minister welcomed the Japanese prime minister to New Delhi for talks on trade.",
        ["IND JPN CONSULT asserted", "!IND JPN SUPPORT asserted"],
    ),
    (
        "Putin welcomed the Chinese delegation in the Kremlin.",
        ["RUS CHN CONSULT asserted", "!RUS CHN SUPPORT asserted"],
    ),
    ("Chile welcomed Peru's decision to reopen the border.", ["CHL PER SUPPORT asserted"]),
    # a warning about someone is an allegation; a warning to someone of consequences a threat
    (
        "Officials in Paris warn Russia could be meddling in the vote.",
        ["FRA RUS ACCUSE asserted", "!FRA RUS THREATEN asserted"],
    ),
    ("Swedish officials warned that Russia was meddling in the election.", ["SWE RUS ACCUSE asserted"]),
    (
        "China's foreign minister warned the US and North Korea could be heading for war.",
        ["!CHN USA THREATEN asserted", "!CHN USA ACCUSE asserted"],
    ),
    ("The US warned Iran that it would pay a heavy price.", ["USA IRN THREATEN asserted"]),
    ("The US warned that Iran would face severe consequences.", ["USA IRN THREATEN asserted"]),
    ("The US warned Iran not to test another missile.", ["USA IRN THREATEN asserted"]),
    (
        "The US defence secretary has warned Pyongyang that any nuclear attack by North Korea would "
        "trigger an overwhelming response.",
        ["USA PRK THREATEN asserted", "!USA PRK ACCUSE asserted"],
    ),
    (
        "Swedish officials warned that Russian intelligence agencies were meddling in the election.",
        ["SWE RUS ACCUSE asserted", "!SWE RUS THREATEN asserted"],
    ),
    # backing an act against a state, or a policy about it, is no support of that state
    (
        "Danish lawmakers on Friday backed preventing-Russian politicians from campaigning in Denmark.",
        ["!DNK RUS SUPPORT asserted"],
    ),
    ("Denmark backed leading Ukrainian politicians.", ["DNK UKR SUPPORT asserted"]),
    (
        "Poland said it supports a two-state solution to the Israeli-Palestinian conflict.",
        ["!POL PSE SUPPORT attributed"],
    ),
    ("Germany backed Italy's plan to reform the budget rules.", ["DEU ITA SUPPORT asserted"]),
    ("Lithuania supports the people of Ukraine.", ["LTU UKR SUPPORT asserted"]),
    ("Norway backed the peace plan for Colombia.", ["!NOR COL SUPPORT asserted"]),
    (
        "Russia supports the efforts of Afghanistan's government to stabilise the country.",
        ["RUS AFG SUPPORT asserted"],
    ),
    # a response with no act it answers is no assault
    ("Macron praised Obama's measured response to Russia.", ["!USA RUS ASSAULT asserted"]),
    ("Kenya condemned the Ugandan response to the Somali attack.", ["UGA SOM ASSAULT asserted"]),
    # recognising a status is endorsement; recognising a state an agreement
    (
        "Norway recognized Brazil's market economy status in 2009.",
        ["NOR BRA SUPPORT asserted", "!NOR BRA AGREE asserted"],
    ),
    ("Spain recognised Kosovo in 2012.", ["ESP XKX AGREE asserted"]),
    # economic retaliation is a sanction
    (
        "Beijing carried out economic retaliation against South Korea over the missile system.",
        ["CHN KOR SANCTION asserted", "!CHN KOR ASSAULT asserted"],
    ),
    # a ban that keeps people from leaving is coercion; a ban on goods a sanction
    (
        "Iran announced a ban on Canadian departures after the dispute.",
        ["IRN CAN COERCE asserted", "!IRN CAN SANCTION asserted"],
    ),
    ("Russia imposed a ban on Turkish fruit imports.", ["RUS TUR SANCTION asserted"]),
    # an agreement named as the thing ended reports its ending, not an agreement
    (
        "After the suspension of the free trade agreement between Georgia and Russia, Moscow raised tariffs.",
        ["!GEO RUS AGREE asserted", "!RUS GEO AGREE asserted"],
    ),
    ("Russia suspended the free trade agreement with Georgia.", ["RUS GEO REJECT asserted"]),
    ("The free trade agreement between Georgia and Russia took effect in 2015.", ["GEO RUS AGREE asserted"]),
    # the invasion's target is the invaded state named by the verb, not the responder
    (
        "In 1990, when Iraq invaded Kuwait, officials said the US response to the Iraqi invasion was swift.",
        ["IRQ KWT ASSAULT asserted", "!IRQ USA ASSAULT attributed"],
    ),
    (
        "Russia's invasion of Ukraine drew a swift response from the European Union.",
        ["RUS UKR ASSAULT asserted"],
    ),
    # a nationality on a former possession names its former ruler, not the state hit
    ("Iraq invaded the former British protectorate in 1990.", ["!IRQ GBR ASSAULT asserted"]),
    (
        "In 1975 the former Portuguese territory was occupied by Indonesian troops.",
        ["!IDN PRT COERCE asserted"],
    ),
    ("Argentina invaded the British territory in 1982.", ["ARG GBR ASSAULT asserted"]),
    # a warning about a danger to both sides, named as coordinated subjects, is no threat
    (
        "Brazil's minister warned on Monday that Peru and Chile and Bolivia were heading for a crisis.",
        ["!BRA CHL THREATEN asserted", "!BRA BOL THREATEN asserted"],
    ),
    ("Brazil warned Chile that it would face consequences.", ["BRA CHL THREATEN asserted"]),
    # clashing over an issue is a dispute, not fighting; clashing with troops at a border is fighting
    (
        "Tokyo and Seoul have clashed for months over the fishing rights around the islands.",
        ["!JPN KOR ASSAULT asserted"],
    ),
    (
        "Indian troops clashed with Pakistani soldiers near the border on Tuesday.",
        ["IND PAK ASSAULT asserted"],
    ),
    ("Syrian and Turkish troops clashed over the weekend near the border.", ["SYR TUR ASSAULT asserted"]),
    # providing cover for an act is political backing, not aid
    ("Critics said Moscow provided diplomatic cover for Syria at the council.", ["!RUS SYR AID attributed"]),
    ("Japan provided emergency loans to Sri Lanka.", ["JPN LKA AID asserted"]),
    # valuing cooperation is a stance, no act of cooperation
    (
        '"We attach great importance to our cooperation with Spain," the Chilean minister said.',
        ["!CHL ESP COOPERATE asserted", "!CHL ESP COOPERATE attributed"],
    ),
    ("Chile and Spain agreed on closer cooperation in fisheries last week.", ["CHL ESP AGREE asserted"]),
    # encouraging a state's acts emboldens it; encouraging a state to act is a request
    (
        "The editorial argues that Canada encourages Mexico's violations of the accord.",
        ["!CAN MEX REQUEST asserted"],
    ),
    ("Canada encouraged Mexico to sign the accord.", ["CAN MEX REQUEST asserted"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:40] for t, _ in CASES])
def test_senses(nlp: Language, text: str, expected: list[str]) -> None:
    found = found_as_told(nlp, text, date(2017, 3, 1))
    missing, wrong = unmet_rows(found, expected, MUTUAL)
    assert not missing and not wrong, f"missing {missing}, wrongly found {wrong}; found {sorted(found)}"


@pytest.mark.parametrize(
    ("text", "trigger", "target", "expected"),
    [
        (
            "Peru joins Chile and Bolivia on the list of countries that ban the pesticide.",
            "joins",
            "Chile",
            True,
        ),
        ("Peru joined Chile in the talks on the border.", "joined", "Chile", False),
    ],
)
def test_join_on_a_list_is_no_cooperation(
    nlp: Language, text: str, trigger: str, target: str, expected: bool
) -> None:
    doc = nlp(pipeline.make_doc(nlp, text, date(2017, 3, 1)))
    tok = next(t for t in doc if t.text == trigger)
    ctx = Context(targets=frozenset(t.i for t in doc if t.text == target))
    joins = [s for s in load_senses() if s.lemma == "join"]
    assert joins and any(s.matches(tok, ctx) for s in joins) is expected


def test_senses_data_loads_with_the_new_conditions() -> None:
    senses = load_senses()
    assert any(s.to == "CONSULT" and s.lemma == "welcome" for s in senses)
    assert any(s.standing and s.lemma == "conflict" for s in senses)
    assert "erupt" in load_acts() and "colony" in load_former_nouns()


@pytest.mark.parametrize(
    "entry",
    [
        {"lemma": "warn", "to": "THREATEN_HARD"},  # not a PLOVER category
        {"lemma": "warn", "pos": "adverb"},
        {"lemma": "warn", "abuot": True},  # a misspelt condition must not silently match everything
        {"lemma": "warn", "preps": "to"},
        {"lemma": "support", "object_preps": ["to", True]},  # an unquoted on read as a boolean
    ],
)
def test_malformed_sense_is_a_catalogued_error(entry: dict[str, object]) -> None:
    with pytest.raises(EntenteError) as info:
        senses_from_data({"senses": [entry]})
    assert info.value.message.code == "E008"
