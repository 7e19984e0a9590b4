"""entente_events on sentences written for the general argument and trigger classes of unseen news.

People acting for an actor (appositive, copula, founding verb), pronouns,
coordinated and exemplified actor lists, passive and instrumental sources,
nominal parties, event anaphora, headlines glued to the first sentence, and
the trigger words of real news reporting.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente.nlp import pipeline

PUB = date(2024, 10, 14)
MUTUAL = ("CONSULT", "COOPERATE", "AGREE")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline.load()


def events(nlp: Language, text: str) -> set[tuple[str, str | None, str, str]]:
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    found = {(e.source, e.target, e.type, e.status) for e in doc._.events}
    return found | {(t, s, ty, st) for s, t, ty, st in found if ty in MUTUAL and t}


# (text, events that must be found as (source, target, type, status))
FOUND = [
    # a person stands for the actor named with their role
    (
        "Israeli forces killed Omar Haddad, a senior commander of Syria's army, in a raid.",
        {("ISR", "SYR", "ASSAULT", "asserted")},
    ),
    (
        "Karim Nasser, a spokesman for Hamas, blamed Israel for the bombing.",
        {("HAMAS", "ISR", "ACCUSE", "asserted")},
    ),
    (
        "Yusuf Malik was the deputy leader of Hamas. Israel sanctioned Yusuf Malik in 2019.",
        {("ISR", "HAMAS", "SANCTION", "asserted")},
    ),
    (
        "Abdel Karim founded Hezbollah and ordered attacks on Israel.",
        {("HEZBOLLAH", "ISR", "ASSAULT", "asserted")},
    ),
    # pronouns
    (
        "Viktor Orban arrived in Beijing on Monday. He praised China's economic policy.",
        {("HUN", "CHN", "SUPPORT", "asserted")},
    ),
    ("Iran defended its support for Syria's government.", {("IRN", "SYR", "SUPPORT", "asserted")}),
    # a speaker's own verbal act inside a quote happened
    (
        '"We strongly reject the new Chinese tariffs," said Jan de Vries, the Dutch foreign minister.',
        {("NLD", "CHN", "REJECT", "asserted")},
    ),
    # lists and examples
    (
        "Washington urged allies such as Japan to limit trade with China.",
        {("USA", "JPN", "REQUEST", "asserted")},
    ),
    (
        "Egypt, Greece, Cyprus and France met in Cairo.",
        {("EGY", "FRA", "CONSULT", "asserted"), ("GRC", "CYP", "CONSULT", "asserted")},
    ),
    # passive and instrumental sources
    ("Two Iranian generals were killed in an Israeli airstrike.", {("ISR", "IRN", "ASSAULT", "asserted")}),
    (
        "The rocket attacks on Israel were carried out by members of Hamas.",
        {("HAMAS", "ISR", "ASSAULT", "asserted")},
    ),
    # nominal parties and event anaphora
    (
        "Greece denounced the agreement between Turkey and Libya.",
        {("GRC", "TUR", "ACCUSE", "asserted"), ("GRC", "LBY", "ACCUSE", "asserted")},
    ),
    (
        "France called for a ceasefire in Gaza. The call was welcomed by Germany.",
        {("DEU", "FRA", "SUPPORT", "asserted")},
    ),
    ("Trump withdrew the US from the treaty with Russia.", {("USA", "RUS", "REJECT", "asserted")}),
    ("Iran was developing plans to attack American bases.", {("IRN", "USA", "ASSAULT", "hypothetical")}),
    ("Iran approved the attacks on the US embassy.", {("IRN", "USA", "ASSAULT", "asserted")}),
    ("Two Iraqi men plotted to attack Americans.", {("IRQ", "USA", "ASSAULT", "hypothetical")}),
    # a date or headline before the clause
    ("On Friday, Germany called on Russia to withdraw.", {("DEU", "RUS", "REQUEST", "asserted")}),
    (
        "US announces curbs on Cuba\n\nOn Friday, the US Department of Commerce announced new restrictions"
        " on exports to Cuba.",
        {("USA", "CUB", "SANCTION", "asserted")},
    ),
    # triggers of news reporting
    (
        "The United States designated Iran's Revolutionary Guards as a terrorist organization.",
        {("USA", "IRN", "SANCTION", "asserted")},
    ),
    ("Russia suspended flights to Georgia.", {("RUS", "GEO", "SANCTION", "asserted")}),
    ("Poland summoned the Russian ambassador.", {("POL", "RUS", "ACCUSE", "asserted")}),
    ("Spain seconded Italy's proposal.", {("ESP", "ITA", "SUPPORT", "asserted")}),
    ("Iraq spoke out against Turkey's incursion.", {("IRQ", "TUR", "ACCUSE", "asserted")}),
    ("The EU levied sanctions against Belarus.", {("EU", "BLR", "SANCTION", "asserted")}),
    ("Washington encouraged Seoul to join the talks.", {("USA", "KOR", "REQUEST", "asserted")}),
    # a target attached to the object ("revenge against X", "sanctions on X", "ambassador to X")
    ("Iran vowed revenge against the United States.", {("IRN", "USA", "THREATEN", "asserted")}),
    ("Japan lifted sanctions on South Korea.", {("JPN", "KOR", "RETREAT", "asserted")}),
    ("Russia recalled its ambassador to Bulgaria.", {("RUS", "BGR", "SANCTION", "asserted")}),
    # adjective actors on nominal triggers
    (
        "The Iranian missile attack on Israel was condemned by Germany.",
        {("IRN", "ISR", "ASSAULT", "asserted"), ("DEU", "IRN", "ACCUSE", "asserted")},
    ),
    ("A Turkish military deployment to Libya angered Egypt.", {("TUR", "LBY", "MOBILIZE", "asserted")}),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_found(nlp: Language, text: str, expected: set[tuple[str, str, str, str]]) -> None:
    found = events(nlp, text)
    assert expected <= found, f"found {sorted(found, key=str)}"


# (text, (source, target, type) that must not be reported)
ABSENT = [
    # "an outspoken critic of Russia" names no affiliation
    ("Nadia Ali, an outspoken critic of Russia, praised Germany.", ("RUS", "DEU", "SUPPORT")),
    # the rebels fight, not the country that supports them
    ("The US supports rebels fighting Syria's government.", ("USA", "SYR", "ASSAULT")),
    # "On Monday" is not the particle of "call on"
    ("On Monday, Sweden called Russia's ambassador a liar.", ("SWE", "RUS", "REQUEST")),
    # a purpose clause repeating its governor's event is not a second, hypothetical event
    ("Egypt and Greece gathered in Athens to discuss Libya.", ("EGY", "GRC", "CONSULT", "hypothetical")),
    # "it" is not taken from an earlier sentence
    ("Israel hit Gaza. I doubt that it would supply Iran with weapons.", ("ISR", "IRN", "AID")),
]


@pytest.mark.parametrize(("text", "unwanted"), ABSENT)
def test_absent(nlp: Language, text: str, unwanted: tuple[str, ...]) -> None:
    found = events(nlp, text)
    assert not any(f[: len(unwanted)] == unwanted for f in found), f"found {sorted(found, key=str)}"
