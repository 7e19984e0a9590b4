"""Word senses, round 7: a deal named as a basis or topic, a conflict named in a heading, a clash of
views, a reassurance, a blocked website (``data/senses.yaml``).

Each row is a sentence written for this test and the events a careful reader finds in it
("SOURCE TARGET TYPE STATUS"; mutual types are listed both ways by the helper); a "!" row must not
be found. Each "!" row is a reading the rules gave before; the rows beside it keep the right readings.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente.events.senses import senses_from_data
from event_helpers import events, unmet_in

CASES = [
    # a named deal cited as a legal basis or a topic: no agreeing reported
    (
        "The suspect could be sent to Ankara under the Greek-Turkish extradition treaty, a Greek judge said.",
        ["!GRC TUR AGREE attributed", "!GRC TUR AGREE asserted"],
    ),
    (
        "Obama used the summit to reassure Gulf leaders of his Iran nuclear deal in 2015.",
        ["!USA IRN AGREE asserted"],
    ),
    ("The ministers talked about the US-Russia arms deal.", ["!USA RUS AGREE asserted"]),
    ("Iran and Russia disagree over the Iran-Russia gas deal.", ["!IRN RUS AGREE asserted"]),
    # the deal itself reached or signed stays an agreement
    ("Greece and Turkey signed an extradition treaty in 2015.", ["GRC TUR AGREE asserted"]),
    ("Japan and India reached a deal on nuclear energy.", ["JPN IND AGREE asserted"]),
    ("Russia and Turkey agreed on a ceasefire deal.", ["RUS TUR AGREE asserted"]),
    # a heading naming a conflict: no act of fighting; a conflict that flares up stays
    (
        "Investors pay a price in Saudi-Iran conflict The markets fell again on Tuesday.",
        ["!SAU IRN ASSAULT asserted"],
    ),
    ("The Armenia-Azerbaijan conflict erupted again in 2016.", ["AZE ARM ASSAULT asserted"]),
    # a clash of views at some level is a dispute, not fighting; a clash at the border stays
    (
        "Iran and Saudi Arabia have also clashed at a diplomatic level.",
        ["!IRN SAU ASSAULT asserted"],
    ),
    ("Indian and Chinese troops clashed at the border on Monday.", ["IND CHN ASSAULT asserted"]),
    # a reassurance that a partnership holds is words of support, not cooperation
    (
        "The British envoy assured the French that the partnership between Britain and France remains.",
        ["GBR FRA SUPPORT asserted", "!GBR FRA COOPERATE asserted"],
    ),
    ("Britain and France strengthened their military partnership last year.", ["GBR FRA COOPERATE asserted"]),
    # blocking a website is censorship, COERCE, not a rejection; blocking a resolution stays REJECT
    (
        "Turkey has blocked the Dutch government's website from being seen in Turkey.",
        ["TUR NLD COERCE asserted", "!TUR NLD REJECT asserted"],
    ),
    ("China blocked a Japanese proposal at the meeting.", ["CHN JPN REJECT asserted"]),
    ("Russia blocked Ukraine's bid to join the council.", ["RUS UKR REJECT asserted"]),
    # agreeing that a fact holds is a view shared, no deal; agreeing on what will be done stays AGREE
    ("Russia and China agreed that the sanctions had hurt trade.", ["!RUS CHN AGREE asserted"]),
    ("Russia and China agreed that they would hold talks in May.", ["RUS CHN AGREE asserted"]),
    # (round 8: a view no one's named, agreed with by both, is a view shared: no SUPPORT between them
    # either; round 7 had SUPPORT here)
    (
        "Japan and India agreed with the view that the talks should resume.",
        ["!JPN IND SUPPORT asserted", "!JPN IND AGREE asserted"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:40] for t, _ in CASES])
def test_round7(nlp: Language, text: str, expected: list[str]) -> None:
    found = events(nlp, text, date(2017, 3, 1))
    missing, wrong = unmet_in(found, expected)
    assert not missing and not wrong, f"missing {missing}, wrongly found {wrong}; found {sorted(found)}"


def test_new_conditions_load() -> None:
    (basis, heading, told, view) = senses_from_data(
        {
            "senses": [
                {"lemma": "deal", "pos": "noun", "in_preps": ["under"]},
                {"lemma": "conflict", "pos": "noun", "headline": True},
                {"lemma": "deal", "of_heads": ["reassure"]},
                {"lemma": "agree", "view_complement": True},
            ]
        }
    )
    assert basis.in_preps == frozenset({"under"}) and not basis.headline
    assert heading.headline and not heading.in_preps
    assert told.of_heads == frozenset({"reassure"}) and view.view_complement and not told.view_complement
