"""entente_events on sentences written for the general argument and trigger classes of unseen news.

People acting for an actor (appositive, copula, founding verb), pronouns,
coordinated and exemplified actor lists, passive and instrumental sources,
nominal parties, event anaphora, headlines glued to the first sentence, the
trigger words of real news reporting, troop movements, requests to an
organisation's members, "the two countries", "in cooperation with" / "together
with", "at the request of" and "neither X nor Y".
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from entente.nlp import extensions as ext

PUB = date(2024, 10, 14)
MUTUAL = ("CONSULT", "COOPERATE", "AGREE")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline.load()


def events(nlp: Language, text: str) -> set[tuple[str, str | None, str, str]]:
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    found = {(e.source, e.target, e.type, e.status) for e in ext.events(doc)}
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
    ("Two Iraqi officers plotted to attack American troops.", {("IRQ", "USA", "ASSAULT", "hypothetical")}),
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
    # arrests and detentions of a nationality's people: the adjective on the object names the target
    ("Polish police arrested 12 Ukrainian soldiers near the border.", {("POL", "UKR", "COERCE", "asserted")}),
    ("The Egyptian authorities detained five French diplomats.", {("EGY", "FRA", "COERCE", "asserted")}),
    # troop movements: "troops left X" is a retreat, "troops returned / were sent to X" a mobilisation
    ("Indian troops left Nepal in 1990.", {("IND", "NPL", "RETREAT", "asserted")}),
    ("Canadian soldiers were sent to Latvia last year.", {("CAN", "LVA", "MOBILIZE", "asserted")}),
    ("French troops returned to Mali in 2013.", {("FRA", "MLI", "MOBILIZE", "asserted")}),
    # requests to an organisation's members; leaving an organisation; independence from a state
    (
        "The Spanish government has called for NATO members to raise military spending.",
        {("ESP", "NATO", "REQUEST", "asserted")},
    ),
    ("Spain urged EU members to accept the plan.", {("ESP", "EU", "REQUEST", "asserted")}),
    ("Hungary could leave the European Union.", {("HUN", "EU", "REJECT", "hypothetical")}),
    ("Hungary quit the European Union.", {("HUN", "EU", "REJECT", "asserted")}),
    (
        "Trump pulled the United States out of the nuclear deal with Iran.",
        {("USA", "IRN", "REJECT", "asserted")},
    ),
    ("Kosovo declared independence from Serbia in 2008.", {("XKX", "SRB", "REJECT", "asserted")}),
    # two parties of a mutual event: named leaders, "the two countries" named just before
    ("The leaders of Peru and Chile spoke by telephone on Friday.", {("PER", "CHL", "CONSULT", "asserted")}),
    ("Macron spoke with Merkel on Friday.", {("FRA", "DEU", "CONSULT", "asserted")}),
    (
        "Greece and Turkey were hit by a storm. The leaders of the two countries spoke by telephone.",
        {("GRC", "TUR", "CONSULT", "asserted")},
    ),
    (
        "Chile sent aid to Peru. The two countries signed a trade agreement.",
        {("CHL", "PER", "AGREE", "asserted")},
    ),
    ("During talks with Putin, Erdogan raised the issue of Syria.", {("TUR", "RUS", "CONSULT", "asserted")}),
    ("Putin told Erdogan in a phone call that Russia would help.", {("RUS", "TUR", "CONSULT", "asserted")}),
    # "in cooperation with X", "together with X": mutual cooperation with the clause's subject
    (
        "Italian forces patrolled the area in cooperation with Iraqi security forces.",
        {("ITA", "IRQ", "COOPERATE", "asserted")},
    ),
    ("Japan, together with India, built the port.", {("JPN", "IND", "COOPERATE", "asserted")}),
    ("Russia vetoed the resolution together with China.", {("RUS", "CHN", "COOPERATE", "asserted")}),
    # "at the request of X": a request by X aimed at the clause's subject
    (
        "German soldiers arrived at the request of the Lithuanian government.",
        {("LTU", "DEU", "REQUEST", "asserted")},
    ),
    # "neither X nor Y" denies the clause for both
    (
        "Neither France nor Germany would recognise Kosovo.",
        {("FRA", "XKX", "AGREE", "negated"), ("DEU", "XKX", "AGREE", "negated")},
    ),
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
    # leaving is a retreat only for troops, and only from a country
    ("Macron left Germany on Friday.", ("FRA", "DEU", "RETREAT")),
    ("Indian troops left the base near Nepal.", ("IND", "NPL", "RETREAT")),
    # "pulled the US out of the deal": the object is not the place left
    ("Trump pulled the United States out of the nuclear deal with Iran.", ("USA", "IRN", "RETREAT")),
    # "speak" alone is not a consultation
    ("Macron spoke to reporters about Germany.", ("FRA", "DEU", "CONSULT")),
    # "the two countries" needs two states named before it
    ("Chile sent aid. The two countries signed a trade agreement.", ("CHL", "PER", "AGREE")),
    # a mutual noun under "in" with no party of its own is not the subject's event
    ("In the deal, Austrian and British sites are to be kept.", ("AUT", "GBR", "AGREE")),
    # only a verb addressing its object makes the object the other party of the call
    ("During a phone call, Putin criticised Zelensky.", ("RUS", "UKR", "CONSULT")),
    # "no other country ... as supportive as X" is not a denial of X's support
    ("No other country has been as supportive of Russia as Iran.", ("IRN", "RUS", "SUPPORT", "negated")),
]


@pytest.mark.parametrize(("text", "unwanted"), ABSENT)
def test_absent(nlp: Language, text: str, unwanted: tuple[str, ...]) -> None:
    found = events(nlp, text)
    assert not any(f[: len(unwanted)] == unwanted for f in found), f"found {sorted(found, key=str)}"
