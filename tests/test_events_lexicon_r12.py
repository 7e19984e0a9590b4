"""Lexicon, round 12 (recall): words with no trigger among the misses of the labelled pairs
(``data/verbs.yaml``, ``data/nouns.yaml``): a snub, complaints about a state, reaching out to a
state, inking a deal, armed forces battling a foe, overrunning a place.

Each row is a sentence written for this test and the events a careful reader finds in it
("SOURCE TARGET TYPE STATUS"; mutual types are listed both ways by the helper); a "!" row must not
be found. The rows where the new entries must stay silent sit next to the rows they add.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from event_helpers import events, unmet_in

CASES = [
    # a snub aimed at a state is a rejection of it
    ("North Korea launched a missile during the summit, in a snub to China.", ["PRK CHN REJECT asserted"]),
    # complaining about a state's act is an accusation
    ("Japan complained about China's naval drills near the islands.", ["JPN CHN ACCUSE asserted"]),
    ("Vietnam complained to the press about the weather.", ["!VNM CHN ACCUSE asserted"]),
    # reaching out to a state is a contact made; reaching an agreement stays AGREE
    ("Japan's foreign minister reached out to Beijing last week.", ["JPN CHN CONSULT asserted"]),
    (
        "Peru reached an agreement with Chile on the border.",
        ["PER CHL AGREE asserted", "!PER CHL CONSULT asserted"],
    ),
    # inking a deal is signing it; inking a drawing is none
    ("Britain inked a trade agreement with Japan last week.", ["GBR JPN AGREE asserted"]),
    ("A Chinese artist inked a portrait of the Japanese emperor.", ["!CHN JPN AGREE asserted"]),
    # armed forces battling a foe fight it; a state battling another over a policy does not
    ("Iraqi forces are battling ISIL in western Mosul.", ["IRQ ISIS ASSAULT asserted"]),
    ("Britain is battling the EU over the size of the divorce bill.", ["!GBR EU ASSAULT asserted"]),
    # overrunning a state's army or capital is an assault
    (
        "Houthi fighters overran the Yemeni army's positions near the capital.",
        ["HOUTHIS YEM ASSAULT asserted"],
    ),
    ("The Iraqi army was overrun by ISIL fighters in 2014.", ["ISIS IRQ ASSAULT asserted"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round12_lexicon(nlp: Language, text: str, expected: list[str]) -> None:
    missing, wrong = unmet_in(events(nlp, text, date(2017, 3, 1)), expected)
    assert not missing, f"not found: {missing}"
    assert not wrong, f"found, but must not be: {wrong}"
