"""Status and party kinds of round 12 (status.py, tense.py, data/status.yaml, data/parties.yaml).

Sentences written for each kind, with rows that keep the other reading next to the rows a rule
changes: a past participle after its noun ("talks brokered by Russia") reads the noun's own
context, not the noun as a head of intent, next to a noun that is expected or wanted; a
present clause of "before" or "until" is still ahead under a past or perfect main clause, next
to a past clause of "before" and a main clause that stays asserted; a complement of "ensure";
a place joined by a hyphen ("Pakistan-based") and a city's mayor are no parties, next to the
state's own officials; dated roles: a leader resolves to the office held on the article's date.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from event_helpers import events, statuses_of

PUB = date(2017, 3, 1)

# (text, (source, target, type), status)
STATUS_ROWS = [
    # a reduced passive after its noun: the brokering happened
    (
        "Talks in Astana, brokered by Russia, Turkey and Iran, have focused on a truce.",
        ("RUS", "IRN", "COOPERATE"),
        "asserted",
    ),
    (
        "Talks in Geneva are expected to resume while talks brokered by Russia and Turkey have stalled.",
        ("RUS", "TUR", "COOPERATE"),
        "asserted",
    ),
    # ... its noun's predicate is the noun's fate, not the brokering's
    ("The truce brokered by Turkey and Iran may collapse.", ("TUR", "IRN", "COOPERATE"), "asserted"),
    # ... and an event noun that a participle tells as given ("imposed on")
    (
        "The UN sanctions imposed on Pyongyang should be seen as an incentive.",
        ("UN", "PRK", "SANCTION"),
        "asserted",
    ),
    ("The UN sanctions on Pyongyang should be lifted.", ("UN", "PRK", "SANCTION"), "hypothetical"),
    # ... but a noun expected, planned or wanted keeps it ahead
    (
        "Talks brokered by Russia and Turkey are expected next week.",
        ("RUS", "TUR", "COOPERATE"),
        "hypothetical",
    ),
    (
        "Planned talks brokered by Russia and Turkey will focus on a truce.",
        ("RUS", "TUR", "COOPERATE"),
        "hypothetical",
    ),
    # ... the noun's own verb tells the noun, not the participle
    (
        "Russia sent troops to consolidate a truce brokered by Turkey and Iran.",
        ("TUR", "IRN", "COOPERATE"),
        "asserted",
    ),
    # a present clause of "before" / "until" is ahead even under a perfect main clause
    (
        "The prime minister has refused a new vote before Britain leaves the European Union.",
        ("GBR", "EU", "REJECT"),
        "hypothetical",
    ),
    (
        "The president said he will wait until Russia withdraws its troops from Georgia.",
        ("RUS", "GEO", "RETREAT"),
        "hypothetical",
    ),
    # ... a past clause of "before" happened, and so did the main clause
    (
        "China attacked Vietnam before the United States withdrew its troops.",
        ("CHN", "VNM", "ASSAULT"),
        "asserted",
    ),
    ("The ministers met in Paris before Russia invaded Ukraine.", ("RUS", "UKR", "ASSAULT"), "asserted"),
    # "to ensure that ...": what is to be made sure of
    (
        "May was determined to ensure that Britain leaves the EU as one country.",
        ("GBR", "EU", "REJECT"),
        "hypothetical",
    ),
    (
        "The treaty will ensure that Russia withdraws its troops from Georgia.",
        ("RUS", "GEO", "RETREAT"),
        "hypothetical",
    ),
    # ... a past complement of "ensure" happened
    ("May ensured last year that Britain left the EU.", ("GBR", "EU", "REJECT"), "asserted"),
    # ... a report of the act stays on the reporter's word
    ("The UN said Russia had attacked Georgia.", ("RUS", "GEO", "ASSAULT"), "attributed"),
    # a participle of planning after the noun keeps it ahead, as "a planned visit" does (lead, r12)
    (
        "The programme includes two visits of the Indian premier to Nepal scheduled for this year.",
        ("IND", "NPL", "CONSULT"),
        "hypothetical",
    ),
    ("A visit by Modi to Nepal scheduled for June was confirmed.", ("IND", "NPL", "CONSULT"), "hypothetical"),
    # an event under "a ban on" is forbidden, not held (lead, r12); "the absence of" as before
    (
        "Despite a ban on talks between Turkey and the EU, the ministers met.",
        ("TUR", "EU", "CONSULT"),
        "negated",
    ),
]


@pytest.mark.parametrize(("text", "event", "status"), STATUS_ROWS)
def test_status_round12(nlp: Language, text: str, event: tuple[str, str | None, str], status: str) -> None:
    found = events(nlp, text, PUB)
    assert statuses_of(found, event) == {status}, found


# (text, pairs that must not be found in either direction, pairs that must be found)
PARTY_ROWS = [
    ("Police arrested three Pakistan-based supporters of ISIS.", {("PAK", "ISIS")}, set()),
    ("China-based hackers attacked the United States.", {("CHN", "USA")}, set()),
    ("The Berlin mayor visited Moscow last week.", {("DEU", "RUS")}, set()),
    ("Berlin's mayor met Russian officials in Moscow.", {("DEU", "RUS")}, set()),
    # the state's own officials still count
    ("The German foreign minister visited Moscow last week.", set(), {("DEU", "RUS")}),
    ("Berlin's envoy met Russian officials in Moscow.", set(), {("DEU", "RUS")}),
    ("Saudi Arabia bombed Yemen with US-made jets.", {("USA", "YEM")}, {("SAU", "YEM")}),
]


@pytest.mark.parametrize(("text", "absent", "present"), PARTY_ROWS)
def test_parties_round12(
    nlp: Language, text: str, absent: set[tuple[str, str]], present: set[tuple[str, str]]
) -> None:
    pairs = {(s, t) for s, t, _, _ in events(nlp, text, PUB)}
    assert not {p for p in absent if p in pairs or p[::-1] in pairs}, pairs
    assert present <= pairs, pairs


# dated roles: the same name on two dates, (text, date, source)
DATED_ROWS = [
    ("Rutte criticised Turkey on Sunday.", date(2017, 3, 12), "NLD"),
    ("Rutte criticised Russia on Sunday.", date(2025, 3, 9), "NATO"),
    ("Stoltenberg criticised Russia on Sunday.", date(2012, 3, 11), "NOR"),
    ("Stoltenberg criticised Russia on Sunday.", date(2017, 3, 12), "NATO"),
]


@pytest.mark.parametrize(("text", "day", "source"), DATED_ROWS)
def test_dated_roles_round12(nlp: Language, text: str, day: date, source: str) -> None:
    found = events(nlp, text, day)
    assert {s for s, _, ty, _ in found if ty == "ACCUSE"} == {source}, found
