"""Who the parties of an event are, round 6 of the NewsArticles hand checks.

Two clauses joined by "and" keep their own parties (a second subject the parser hung on the
first clause's object, a gapped second clause); a campaign phrase on a leader's act is not undone
by "his" naming the state, and a later verb of the same coordination shares it; an ally hosting
a guest's deployment is no target; a state before a relation noun ("X's allies", "a US ally")
names the other end of the relation. Sentences are written for these tests; each rule has rows
that keep an event."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from entente.events.gapping import gapped_tokens, stranded_subject
from entente.events.hosts import Stationed, load_hosts
from entente.events.vet import load_parties
from event_helpers import found_as_told, parties_unmet

PUB = date(2017, 3, 1)
Row = tuple[str, str | None, str, str]


def events(nlp: Language, text: str) -> set[Row]:
    return found_as_told(nlp, text, PUB)


# (text, (source, target) pairs that must not be found, events that must be found)
PARTIES = [
    # a second clause whose subject the parser took for a conjunct of the first clause's object
    (
        "Over the past decade Spain has apologised to Morocco and Portugal has apologised to Angola.",
        {("ESP", "AGO"), ("ESP", "PRT")},
        {("ESP", "MAR", "CONCEDE", "asserted"), ("PRT", "AGO", "CONCEDE", "asserted")},
    ),
    (
        "France condemned Syria and Turkey has criticised Iran.",
        {("FRA", "TUR"), ("FRA", "IRN")},
        {("FRA", "SYR", "ACCUSE", "asserted"), ("TUR", "IRN", "ACCUSE", "asserted")},
    ),
    # kept: a plain list of objects, coordinated subjects, a passive after the list
    (
        "Spain apologised to Morocco and Angola.",
        set(),
        {("ESP", "MAR", "CONCEDE", "asserted"), ("ESP", "AGO", "CONCEDE", "asserted")},
    ),
    (
        "The United States imposed sanctions on Iran and Russia.",
        set(),
        {("USA", "IRN", "SANCTION", "asserted"), ("USA", "RUS", "SANCTION", "asserted")},
    ),
    # a gapped second clause: what follows its subject is not the first clause's
    ("Spain apologised to Morocco, and Portugal to Angola.", {("ESP", "AGO")}, set()),
    ("Spain apologised to Morocco, and Portugal to Angola.", set(), {("ESP", "MAR", "CONCEDE", "asserted")}),
    # a campaign phrase with "his": the person's, not the state named
    (
        "Ties have been uneasy since the election of Trump, who accused China during his campaign of "
        "stealing jobs and threatened to tax Chinese goods.",
        {("USA", "CHN")},
        set(),
    ),
    ("Trump accused Mexico of unfair trade during his campaign.", {("USA", "MEX")}, set()),
    # kept: a time phrase that is no campaign, a later verb with its own time
    (
        "Putin accused Ukraine during his speech of breaking the truce and threatened Kiev.",
        set(),
        {("RUS", "UKR", "ACCUSE", "asserted"), ("RUS", "UKR", "THREATEN", "asserted")},
    ),
    (
        "Trump accused China of unfair trade last week and threatened Mexico with tariffs.",
        set(),
        {("USA", "CHN", "ACCUSE", "asserted"), ("USA", "MEX", "THREATEN", "asserted")},
    ),
    # an ally hosting a guest's deployment is no target
    (
        "The US army on Monday began to deploy parts of its missile-defence system to South Korea.",
        {("USA", "KOR")},
        set(),
    ),
    ("Britain deployed 500 troops to Estonia in February.", {("GBR", "EST")}, set()),
    ("The United States sent troops to Poland in January.", {("USA", "POL")}, set()),
    # kept: a state not hosting the guest, aid sent to an ally, a strike on the host itself
    ("Russia deployed troops to Ukraine.", set(), {("RUS", "UKR", "MOBILIZE", "asserted")}),
    ("The United States sent aid to Japan after the flood.", set(), {("USA", "JPN", "AID", "asserted")}),
    ("Turkey shelled Syria on Monday.", set(), {("TUR", "SYR", "ASSAULT", "asserted")}),
    # a state before a relation noun names the other end of the relation
    ("Russia threatened Germany's Baltic allies.", {("RUS", "DEU")}, set()),
    ("Iran threatened a US ally.", {("IRN", "USA")}, set()),
    (
        "The talks come as the US Secretary of State Rex Tillerson visits China - Pyongyang's main ally.",
        {("USA", "PRK")},
        {("USA", "CHN", "CONSULT", "asserted")},
    ),
    # kept: the ally named, a nationality adjective, a counterpart
    ("Moscow criticised its ally Syria.", set(), {("RUS", "SYR", "ACCUSE", "asserted")}),
    ("Iran sent weapons to its Russian allies.", set(), {("IRN", "RUS", "AID", "asserted")}),
    (
        "Germany's foreign minister met his French counterpart.",
        set(),
        {("DEU", "FRA", "CONSULT", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "absent", "present"), PARTIES)
def test_parties(nlp: Language, text: str, absent: set[tuple[str, str]], present: set[Row]) -> None:
    found = events(nlp, text)
    banned, missing = parties_unmet(found, absent, present, mutual=True)
    assert not banned and not missing, found


def test_stranded_subject_needs_a_verb_without_subject(nlp: Language) -> None:
    doc = nlp(
        pipeline.make_doc(nlp, "Spain has apologised to Morocco and Portugal has apologised to Angola.", PUB)
    )
    verbs = [t for t in doc if t.lower_ == "apologised"]
    found = stranded_subject(verbs[1])
    assert found is not None and found.text == "Portugal"
    assert stranded_subject(verbs[0]) is None  # "Spain" is its own subject
    plain = nlp(pipeline.make_doc(nlp, "Sanctions on Iran and Russia were lifted.", PUB))
    assert all(stranded_subject(t) is None for t in plain)


def test_gapped_tokens_only_after_a_gapped_subject(nlp: Language) -> None:
    doc = nlp(pipeline.make_doc(nlp, "Spain apologised to Morocco and Angola.", PUB))
    assert gapped_tokens(doc) == set()


def test_data_loads() -> None:
    hosts = load_hosts()
    assert any("USA" in r.guests and "KOR" in r.hosts for r in hosts.stationed)
    assert Stationed(("USA",), ("EST",), 2004).covers(2017) and not Stationed(
        ("USA",), ("EST",), 2004
    ).covers(2001)
    assert "deploy" in hosts.deploy_acts and "troop" in hosts.forces
    parties = load_parties()
    assert "ally" in parties.relation_nouns and "counterpart" not in parties.relation_nouns
