"""entente_events: visits told as an arrival or a stay, and lists of envoys by their states (issue 13).

"The Dutch foreign minister arrived in Ankara" is a visit (CONSULT) of the
Netherlands to Turkey when the one arriving speaks for a state; tourists,
troops or a team arriving are not, nor an arrival at home or at a conference
city. "the Polish, Czech and Slovak envoys" stand for all three states.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from entente.events.arguments import ActorIndex
from entente.events.visits import Visits, load_visit_words
from event_helpers import Row, events

PUB = date(2024, 10, 14)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline.load()


# (text, events that must be found as (source, target, type, status))
FOUND: list[tuple[str, set[Row]]] = [
    # a named official of one state arriving in another state's capital
    (
        "Dutch Foreign Minister Bert Koenders arrived in Ankara on Tuesday morning.",
        {("NLD", "TUR", "CONSULT", "asserted")},
    ),
    # an official noun with its state
    (
        "The Indian prime minister landed in Kabul on a surprise trip.",
        {("IND", "AFG", "CONSULT", "asserted")},
    ),
    # a stay: "is in" / "was in" a state
    (
        "Canadian Prime Minister Justin Trudeau was in Mexico last week for a two-day trip.",
        {("CAN", "MEX", "CONSULT", "asserted")},
    ),
    # a pronoun standing for the official
    (
        "Egyptian President Abdel Fattah el-Sisi left Cairo on Sunday. He arrived in Riyadh that evening.",
        {("EGY", "SAU", "CONSULT", "asserted")},
    ),
    # a purpose that is no private one keeps the visit
    (
        "Cuban President Raul Castro was in Venezuela for talks on oil in May.",
        {("CUB", "VEN", "CONSULT", "asserted")},
    ),
    # an arrival still ahead keeps its status
    (
        "Australian Prime Minister Malcolm Turnbull will arrive in Jakarta next week.",
        {("AUS", "IDN", "CONSULT", "hypothetical")},
    ),
    # coordinated demonyms under one noun: every state, not the first two
    (
        "The Hungarian minister spoke with the Polish, Czech, Slovak and Austrian envoys on Friday.",
        {
            ("HUN", "POL", "CONSULT", "asserted"),
            ("HUN", "CZE", "CONSULT", "asserted"),
            ("HUN", "SVK", "CONSULT", "asserted"),
            ("HUN", "AUT", "CONSULT", "asserted"),
        },
    ),
]

# (text, event pairs that must not be found as (source, target))
NOT_FOUND: list[tuple[str, set[tuple[str, str]]]] = [
    # private people, troops and teams are no visitors
    ("Chinese tourists arrived in Thailand in record numbers this spring.", {("CHN", "THA")}),
    ("Russian troops arrived in Syria in the autumn of 2015.", {("RUS", "SYR")}),
    ("The Brazilian football team arrived in Argentina on Monday.", {("BRA", "ARG")}),
    # a conference or seat city stands for no host state
    ("US Vice President Mike Pence arrived in Brussels on Monday.", {("USA", "BEL")}),
    ("The Iranian foreign minister arrived in Geneva for the talks.", {("IRN", "CHE")}),
    # a pronoun's stay is left alone (often a background place, or a pronoun misread)
    (
        "Nigerian President Muhammadu Buhari thanked his doctors. He was in Britain for medical treatment.",
        {("NGA", "GBR")},
    ),
    # a private purpose is no visit
    ("Cuban President Raul Castro was in Venezuela for medical treatment in May.", {("CUB", "VEN")}),
    ("The Thai king arrived in Germany for a holiday on Friday.", {("THA", "DEU")}),
    # "is in" something that is no place
    ("French President Emmanuel Macron is in favour of closer ties.", set()),
    # a stay that describes a post, not a trip
    ("Ambassador John Smith is the British envoy in Cairo.", {("GBR", "EGY")}),
    # two visitors of different states: left alone
    (
        "The Japanese and Chinese ministers arrived in Seoul on Monday.",
        {("JPN", "KOR"), ("CHN", "KOR")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_found(nlp: Language, text: str, expected: set[Row]) -> None:
    assert expected <= events(nlp, text, PUB)


@pytest.mark.parametrize(("text", "unwanted"), NOT_FOUND)
def test_not_found(nlp: Language, text: str, unwanted: set[tuple[str, str]]) -> None:
    found = {(s, t) for s, t, _, _ in events(nlp, text, PUB) if t}
    assert not (unwanted & found)


def test_switch_off(nlp: Language) -> None:
    """``visits: false`` in data/visits.yaml leaves arrivals alone."""
    doc = nlp(pipeline.make_doc(nlp, "Dutch Foreign Minister Bert Koenders arrived in Ankara.", PUB))
    verb = next(t for t in doc if t.lemma_ == "arrive")
    off = dataclasses.replace(load_visit_words(), visits=False)
    assert Visits(ActorIndex(doc), load_visit_words()).pair(verb) == ("NLD", "TUR")
    assert Visits(ActorIndex(doc), off).pair(verb) is None


TRIPS = dataclasses.replace(load_visit_words(), trip_verbs=frozenset({"travel", "fly"}))
# trips (off in the data: ``trip_verbs: []``): (text, the verb, the pair expected or None)
TRIP_ROWS: list[tuple[str, str, tuple[str, str] | None]] = [
    (
        "Kenyan President Uhuru Kenyatta flew to Addis Ababa on Thursday for a regional summit.",
        "fly",
        ("KEN", "ETH"),
    ),
    ("Thousands of Syrian refugees travelled to Germany in 2015.", "travel", None),
    ("The Japanese foreign minister flew to Tokyo after the summit.", "fly", None),  # a trip home
]


@pytest.mark.parametrize(("text", "lemma", "pair"), TRIP_ROWS)
def test_trips(nlp: Language, text: str, lemma: str, pair: tuple[str, str] | None) -> None:
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    verb = next(t for t in doc if t.lemma_ == lemma)
    assert Visits(ActorIndex(doc), TRIPS).pair(verb) == pair
    assert Visits(ActorIndex(doc), load_visit_words()).pair(verb) is None  # off by default
