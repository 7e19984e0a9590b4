"""A leader's act placed before the term without a full date: a year before the term in the
act's clause, or a campaign or candidacy phrase. Sentences are written for these tests; each
rule has rows that must keep the state reading."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from entente.events.senses import load_campaign
from entente.nlp import extensions as ext

PUB = date(2017, 3, 1)
Row = tuple[str, str | None, str, str]


def events(nlp: Language, text: str) -> set[Row]:
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    return {(e.source, e.target, e.type, e.status) for e in ext.events(doc)}


# (text, (source, target) pairs that must not be found, events that must be found)
CAMPAIGN = [
    # a year before the term in the act's own clause
    ("Trump has praised Vladimir Putin since 2014.", {("USA", "RUS")}, set()),
    ("Trump criticised Iran during the 2016 race.", {("USA", "IRN")}, set()),
    # a campaign phrase, for a leader new in office
    ("On the campaign trail, Trump criticised China.", {("USA", "CHN")}, set()),
    ("Trump criticised China as a candidate.", {("USA", "CHN")}, set()),
    ("During the election race, Khamenei criticised Donald Trump.", {("IRN", "USA")}, set()),
    # kept: a year inside the term, a leader long in office, a campaign word that is no time phrase
    ("Barack Obama criticised Russia in 2015.", set(), {("USA", "RUS", "ACCUSE", "asserted")}),
    ("Vladimir Putin criticised Japan during the campaign.", set(), {("RUS", "JPN", "ACCUSE", "asserted")}),
    ("Trump criticised China last week.", set(), {("USA", "CHN", "ACCUSE", "asserted")}),
]


@pytest.mark.parametrize(("text", "absent", "expected"), CAMPAIGN)
def test_acts_placed_before_the_term(
    nlp: Language, text: str, absent: set[tuple[str, str]], expected: set[Row]
) -> None:
    found = events(nlp, text)
    assert not {(s, t) for s, t, _, _ in found} & absent
    assert expected <= found


def test_campaign_words_load() -> None:
    words = load_campaign()
    assert "campaign" in words.nouns and "since" in words.preps and "run" in words.verbs


# a state word deeper in the sentence is no party that keeps the person's act the state's
DEEPER = [
    (
        "Last year, during the race, Khamenei attacked Trump for revealing the flaws of the US.",
        {("IRN", "USA")},
    ),
    ("Trump praised Moscow's media campaign during the 2016 US election, an expert said.", {("USA", "RUS")}),
]


@pytest.mark.parametrize(("text", "absent"), DEEPER)
def test_state_words_below_the_act_do_not_keep_it(
    nlp: Language, text: str, absent: set[tuple[str, str]]
) -> None:
    assert not {(s, t) for s, t, _, _ in events(nlp, text)} & absent
