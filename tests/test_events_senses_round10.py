"""Word senses, round 10: a weapon or programme that endangers a state, a relation named as a topic,
a standing treaty named by its parties, a state's goods declined, air support as military aid
(``data/senses.yaml``, ``events/sense_frames.py``, ``events/sense_args.py``).

Each row is a sentence written for this test and the events a careful reader finds in it
("SOURCE TARGET TYPE STATUS"; mutual types are listed both ways by the helper); a "!" row must not
be found. Each "!" row is a reading the rules gave before; the rows beside it keep the right readings.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from event_helpers import events, unmet_in

CASES = [
    # a weapon, a test or a programme "threatening" a state endangers it: no threat is issued, also
    # where the participle takes its subject from the verb it hangs on
    (
        "Iran's rocket programme is growing faster and more accurate, threatening Israel and Saudi Arabia.",
        ["!IRN ISR THREATEN asserted", "!IRN SAU THREATEN asserted"],
    ),
    ("Pakistan's missile tests threaten India, the general said.", ["!PAK IND THREATEN attributed"]),
    (
        "The North Korean nuclear arsenal keeps expanding and threatens Japan.",
        ["!PRK JPN THREATEN asserted"],
    ),
    # a state or its leader threatening stays a threat
    ("North Korea threatened Japan with a missile strike on Tuesday.", ["PRK JPN THREATEN asserted"]),
    (
        "Iran's foreign minister threatened Israel on Sunday, warning of a crushing response.",
        ["IRN ISR THREATEN asserted"],
    ),
    ("Russia moved tanks to the border, threatening Ukraine.", ["RUS UKR THREATEN asserted"]),
    # a relation named as the topic of what follows is no act; the relation reported stays
    (
        "As regards cooperation between Japan and Vietnam, the minister listed shipbuilding and farming.",
        ["!JPN VNM COOPERATE asserted"],
    ),
    (
        "With regard to cooperation between Brazil and Argentina, the envoy named energy and transport.",
        ["!BRA ARG COOPERATE asserted"],
    ),
    (
        "Regarding cooperation between Egypt and Greece, the official gave no details.",
        ["!EGY GRC COOPERATE asserted"],
    ),
    ("Cooperation between Brazil and Argentina grew last year.", ["BRA ARG COOPERATE asserted"]),
    ("Russia and India have expanded cooperation in many areas.", ["RUS IND COOPERATE asserted"]),
    # the fields or prospects of cooperation are none; talks on them are a consultation
    (
        "The minister named the fields of cooperation between Egypt and Greece.",
        ["!EGY GRC COOPERATE asserted"],
    ),
    (
        "The two ministers outlined new areas of cooperation between Japan and India.",
        ["!JPN IND COOPERATE attributed", "!JPN IND COOPERATE asserted"],
    ),
    (
        "Russia and Iran discussed the areas of cooperation between the two countries.",
        ["RUS IRN CONSULT asserted", "!RUS IRN COOPERATE asserted"],
    ),
    # a standing treaty named by its parties is a name, no act of agreeing; a signing stays AGREE
    (
        "The so-called Japan-US security treaty is a relic of the past, the Chinese spokesman said.",
        ["!JPN USA AGREE attributed", "!JPN USA AGREE asserted"],
    ),
    (
        "The Japan-US security treaty covers the islands, the defence secretary said.",
        ["!JPN USA AGREE attributed", "!JPN USA AGREE asserted"],
    ),
    ("The Iran-Iraq border treaty was a product of the 1970s.", ["!IRN IRQ AGREE asserted"]),
    ("Japan and the United States signed a security treaty in 1960.", ["JPN USA AGREE asserted"]),
    ("A Japan-India trade agreement could cut tariffs on cars.", ["JPN IND AGREE hypothetical"]),
    ("Japan and the US signed the US-Japan trade deal on Friday.", ["JPN USA AGREE asserted"]),
    ("The US-Japan trade deal reached on Friday cuts tariffs.", ["JPN USA AGREE asserted"]),
    # declining a state's goods is a buyer's choice, no rejection of the state; refusing to meet its
    # officials stays a rejection
    (
        "Cairo later refused to equip the frigates with French or US helicopters.",
        ["!EGY USA REJECT asserted"],
    ),
    ("Turkey refused to buy American missiles last year.", ["!TUR USA REJECT asserted"]),
    ("Egypt refused to meet US officials.", ["EGY USA REJECT asserted"]),
    # air support is military aid; words of support stay SUPPORT
    (
        "The Iraqi army is pushing towards Mosul with the support of America's aviation.",
        ["USA IRQ AID asserted", "!USA IRQ SUPPORT asserted"],
    ),
    (
        "Syrian troops retook the town with the support of Russian bombing.",
        ["RUS SYR AID asserted", "!RUS SYR SUPPORT asserted"],
    ),
    ("Germany voiced support for Ukraine on Monday.", ["DEU UKR SUPPORT asserted"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:40] for t, _ in CASES])
def test_round10(nlp: Language, text: str, expected: list[str]) -> None:
    found = events(nlp, text, date(2017, 3, 1))
    missing, wrong = unmet_in(found, expected)
    assert not missing and not wrong, f"missing {missing}, wrongly found {wrong}; found {sorted(found)}"
