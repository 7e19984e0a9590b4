"""entente_events, round 12 completion: a noun trigger's parties named on its participle or by "of".

"The sanctions imposed on Iran", "the aid delivered to Yemen by Britain": the target (and the agent)
of an event noun hang on a past participle that modifies it. "The sanctions of the EU against Russia":
with the target named by its preposition, the "of" phrase is who acts. "As Trump hosted Japanese Prime
Minister Abe": a verb the parser hung as an adjective on its object, yet with its own subject.
Rows where the rule must not fire sit next to the rows it adds.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from event_helpers import events, unmet_rows

PUB = date(2017, 3, 14)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline.load()


CASES: list[tuple[str, list[str]]] = [
    # the participle names the target
    ("Analysts said the Japanese sanctions imposed on Russia hurt exporters.", ["JPN RUS SANCTION asserted"]),
    ("The British aid delivered to Yemen last week fed thousands of families.", ["GBR YEM AID asserted"]),
    # the participle names the agent and the target
    (
        "Officials said the sanctions imposed on Iran by the United States had cut its oil exports.",
        ["USA IRN SANCTION attributed"],
    ),
    # "of" names who acts once the target is named by its preposition
    (
        "The sanctions of the European Union against Russia have hurt farmers on both sides.",
        ["EU RUS SANCTION asserted"],
    ),
    # not fired: the participle's phrase is a place, not a party
    (
        "The French strikes carried out in Syria last month were criticised by activists.",
        ["!FRA SYR ASSAULT asserted"],
    ),
    # not fired: "of" names the target's place when the preposition is a place ("in")
    ("The bombing of the Russian embassy in Turkey shocked diplomats.", ["!RUS TUR ASSAULT asserted"]),
    # a verb the parser hangs as an adjective on the noun after it, with its own subject
    (
        "The drone, launched as Trump hosted Japanese Prime Minister Shinzo Abe at his resort, "
        "crashed in the desert.",
        ["USA JPN CONSULT asserted"],
    ),
    # not fired: a participle used as an adjective has no subject
    ("The sanctioned Iranian bank was closed by regulators in London.", ["!GBR IRN SANCTION asserted"]),
    # a quantity noun is not read through ("tens of thousands of US troops" is no party: withdrawn in
    # round 12 after "host thousands of US troops" became a meeting on the whole corpus)
    ("Japan and South Korea both host tens of thousands of US troops.", ["!JPN USA CONSULT asserted"]),
    # "between" on the participle names the parties of a mutual noun
    ("Washington praised the accord brokered between Israel and Morocco.", ["ISR MAR AGREE asserted"]),
    ("The deal signed in Cairo between Sudan and Egypt was welcomed.", ["SDN EGY AGREE asserted"]),
    # a meeting its possessor holds is not the clause's joint subject's (lead, r12): the report tail
    # "said at the committee's meeting" gives no second, held meeting of the two states
    (
        "Thai and Malaysian diplomats will hold talks in Bangkok on May 3 to discuss a report on trade "
        "between the two countries, Somchai Wong, chairman of Thailand's senate foreign affairs "
        "committee, said at the committee's meeting on Monday.",
        ["THA MYS CONSULT hypothetical", "!THA MYS CONSULT asserted"],
    ),
    ("Japan and China agreed in a phone call to ease tensions.", ["JPN CHN CONSULT asserted"]),
    # ... a time as the possessor holds nothing: the talk is still the two leaders'
    (
        "During yesterday's phone talk, the leaders of France and Italy agreed to ease tensions.",
        ["FRA ITA CONSULT asserted"],
    ),
    # kept: the usual readings
    ("Canada imposed sanctions on Venezuela on Monday.", ["CAN VEN SANCTION asserted"]),
    ("The Chinese delegation held talks with India in Delhi.", ["CHN IND CONSULT asserted"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_completion_r12(nlp: Language, text: str, expected: list[str]) -> None:
    found = events(nlp, text, PUB)
    missing, wrong = unmet_rows(found, expected)
    assert not missing and not wrong, (missing, wrong, found)
