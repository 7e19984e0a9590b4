"""Word senses, round 8: material military backing, a diplomatic protest, what an agreement agrees,
views shared (``data/senses.yaml``, ``events/sense_args.py``).

Each row is a sentence written for this test and the events a careful reader finds in it
("SOURCE TARGET TYPE STATUS"; mutual types are listed both ways by the helper); a "!" row must not
be found. Each "!" row is a reading the rules gave before; the rows beside it keep the right readings.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente.errors import EntenteError
from entente.events.senses import senses_from_data
from event_helpers import events, unmet_in

CASES = [
    # backing by a military asset or force is military aid, AID (the newest hand checks; older ones
    # accepted SUPPORT as debatable)
    (
        "Iraqi government forces, backed by US warplanes, are retaking Mosul.",
        ["USA IRQ AID asserted", "!USA IRQ SUPPORT asserted"],
    ),
    ("Iraqi forces backed by American air power pushed into the old city.", ["USA IRQ AID asserted"]),
    (
        "The Syrian army pressed on towards Aleppo with the support of the Russian air force.",
        ["RUS SYR AID asserted", "!RUS SYR SUPPORT asserted"],
    ),
    (
        "Turkish troops, supported by four US helicopters, pushed into the town.",
        ["USA TUR AID asserted", "!USA TUR SUPPORT asserted"],
    ),
    ("Russia has backed Syrian government forces since 2015.", ["RUS SYR AID asserted"]),
    ("China's financial support for Sierra Leone helped the recovery.", ["CHN SLE AID asserted"]),
    ("Russia backed the Syrian army's offensive with airstrikes.", ["RUS SYR AID asserted"]),
    # verbal or political backing stays SUPPORT
    ("Britain backed the US strikes on Syria.", ["GBR USA SUPPORT asserted", "!GBR USA AID asserted"]),
    ("The United States backed Israel at the United Nations.", ["USA ISR SUPPORT asserted"]),
    ("Germany voiced support for Ukraine at the summit.", ["DEU UKR SUPPORT asserted"]),
    ("France backed Germany's proposal on refugees.", ["FRA DEU SUPPORT asserted"]),
    ("Poland reaffirmed its support for Lithuania.", ["POL LTU SUPPORT asserted"]),
    # a government's protest lodged through diplomatic channels is a complaint, ACCUSE
    (
        "Seoul lodged a protest against Tokyo over the textbook on Tuesday.",
        ["KOR JPN ACCUSE asserted", "!KOR JPN PROTEST asserted"],
    ),
    (
        "China lodged a strong protest against the Philippines, a spokesman said.",
        ["CHN PHL ACCUSE attributed", "!CHN PHL PROTEST attributed"],
    ),
    (
        "Vietnam filed a formal protest against China.",
        ["VNM CHN ACCUSE asserted", "!VNM CHN PROTEST asserted"],
    ),
    (
        "Japan strongly protested against China's drilling at sea.",
        ["JPN CHN ACCUSE asserted", "!JPN CHN PROTEST asserted"],
    ),
    # a demonstration stays PROTEST
    ("Protesters in Seoul protested against the Japanese government.", ["KOR JPN PROTEST asserted"]),
    # what an agreement agrees is ahead; the agreement is the event
    (
        "Spain has reached a tacit agreement with Morocco to support its claim to the territory.",
        ["ESP MAR AGREE asserted", "!ESP MAR SUPPORT asserted", "ESP MAR SUPPORT hypothetical"],
    ),
    (
        "Russia and Turkey signed an accord to cooperate on energy.",
        ["RUS TUR AGREE asserted", "!RUS TUR COOPERATE asserted"],
    ),
    (
        "Russia and Turkey signed a deal in Moscow to cooperate on energy.",
        ["RUS TUR AGREE asserted", "RUS TUR COOPERATE hypothetical", "!RUS TUR COOPERATE asserted"],
    ),
    # an act done to carry out a purpose stays an act
    ("France sent troops to support Mali last year.", ["!FRA MLI SUPPORT hypothetical"]),
    ("The United States used the nuclear deal to pressure Iran.", ["USA IRN COERCE asserted"]),
    # views shared are no agreement; agreeing on a course of action stays AGREE
    ("This does not mean that China and Britain agree on everything.", ["!CHN GBR AGREE asserted"]),
    ("China and Britain agree on many issues, the minister said.", ["!CHN GBR AGREE attributed"]),
    ("Germany and France agreed with each other on almost everything.", ["!DEU FRA AGREE asserted"]),
    (
        "Japan and South Korea agreed with the assessment that the missile was new.",
        ["!JPN KOR SUPPORT asserted", "!JPN KOR AGREE asserted"],
    ),
    (
        "Japan agreed with the US assessment that North Korea is a threat.",
        ["JPN USA SUPPORT asserted", "!JPN USA AGREE asserted"],
    ),
    ("Russia and Turkey agreed on a ceasefire in Syria.", ["RUS TUR AGREE asserted"]),
    ("Russia and Turkey agreed on many points during the talks in Moscow.", ["RUS TUR AGREE asserted"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:40] for t, _ in CASES])
def test_round8(nlp: Language, text: str, expected: list[str]) -> None:
    found = events(nlp, text, date(2017, 3, 1))
    missing, wrong = unmet_in(found, expected)
    assert not missing and not wrong, f"missing {missing}, wrongly found {wrong}; found {sorted(found)}"


def test_new_conditions_load() -> None:
    (arms, units, content, views) = senses_from_data(
        {
            "senses": [
                {"lemma": "support", "backers": ["jet"], "to": "AID", "mode": "military"},
                {"lemma": "back", "backed": ["forces"], "tags": ["VBD"]},
                {"lemma": "*", "content_of": ["deal"], "status": "hypothetical"},
                {"lemma": "agree", "preps": ["with"], "foreign_pobj": True},
            ]
        }
    )
    assert arms.backers == frozenset({"jet"}) and arms.to == "AID" and not arms.backed
    assert units.backed == frozenset({"forces"}) and units.tags == frozenset({"vbd"})
    assert content.lemma == "*" and content.status == "hypothetical" and content.to is None
    assert views.foreign_pobj and not content.foreign_pobj


def test_bad_status_is_refused() -> None:
    with pytest.raises(EntenteError):
        senses_from_data({"senses": [{"lemma": "agree", "status": "asserted"}]})
