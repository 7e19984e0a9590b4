"""The actor component's rules, one short sentence each (written for these tests).

Each row is (sentence, {surface form: expected actor id, or None when the form
must not resolve to any actor}). The dates matter where a leader is named.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from actor_helpers import check_form
from entente import pipeline
from entente.nlp import extensions as ext

LATER_COMPONENTS = pipeline.LATER_THAN_ACTORS  # the actor tests run the pipeline up to entente_actors
DAY = date(2024, 10, 14)


def analyse(nlp: Language, text: str, on: date = DAY) -> Doc:
    disabled = [name for name in LATER_COMPONENTS if name in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        return nlp(pipeline.make_doc(nlp, text, on))


def problems(doc: Doc, expected: dict[str, str | None]) -> list[str]:
    found = [check_form(ext.mentions(doc), 0, doc.text, f, want) for f, want in expected.items()]
    return [p for p in found if p]


METONYMS: list[tuple[str, dict[str, str | None]]] = [
    ("The Kremlin said on Tuesday that the talks would continue.", {"Kremlin": "RUS"}),
    ("Kremlin spokesman Dmitry Peskov declined to comment.", {"Kremlin": "RUS"}),
    ("The White House announced new sanctions on Friday.", {"White House": "USA"}),
    ("Downing Street said the prime minister would travel abroad.", {"Downing Street": "GBR"}),
    ("A spokesman for 10 Downing Street declined to comment.", {"Downing Street": "GBR"}),
    ("The Élysée said the president would attend the summit.", {"Élysée": "FRA"}),
    ("The Pentagon confirmed the strike.", {"Pentagon": "USA"}),
    ("The US State Department issued a travel warning.", {"State Department": "USA", "US": "USA"}),
    ("Lawmakers on Capitol Hill questioned the plan.", {"Capitol Hill": "USA"}),
    ("Protesters occupied the Capitol Hill district of Seattle.", {"Capitol Hill": None}),
    ("The Blue House said Seoul would respond calmly to the launch.", {"Blue House": "KOR"}),
    ("The Bundeswehr will send two frigates.", {"Bundeswehr": "DEU"}),
    ("The IDF said it struck a depot.", {"IDF": "ISR"}),
    ("Mugabe retired to a mansion in Harare known as the Blue House.", {"Blue House": None}),
]

CAPITALS: list[tuple[str, dict[str, str | None]]] = [
    ("Tehran said the sanctions were illegal.", {"Tehran": "IRN"}),
    ("Moscow and Beijing signed a pact on energy.", {"Moscow": "RUS", "Beijing": "CHN"}),
    ("Ankara rejected the claim on Monday.", {"Ankara": "TUR"}),
    ("Kyiv accused Moscow of shelling the city.", {"Kyiv": "UKR", "Moscow": "RUS"}),
    ("Washington warned Pyongyang against further missile tests.", {"Washington": "USA", "Pyongyang": "PRK"}),
    ("Tel Aviv welcomed the decision.", {"Tel Aviv": "ISR"}),
    ("Both sides accused each other of violating the Minsk agreements.", {"Minsk": None}),
    ("Delegations gathered for the Astana talks on Syria.", {"Astana": None, "Syria": "SYR"}),
    ("The head of Abu Dhabi Media blamed the rebels.", {"Abu Dhabi": None}),
    ("She told The Washington Post that she would resign.", {"Washington": None}),
    ("Her two-year-old daughter Paris was unharmed.", {"Paris": None}),
    ("The ship sank in the Gulf of Mexico.", {"Mexico": None}),
    ("He studied at Moscow State University.", {"Moscow": None}),
]

TOKENS: list[tuple[str, dict[str, str | None]]] = [
    ("They met at the U.S.-Mexico border.", {"U.S.": "USA", "Mexico": "MEX"}),
    ("The Iran-Iraq war lasted eight years.", {"Iran": "IRN", "Iraq": "IRQ"}),
    ("A Russia-U.S. summit was planned.", {"Russia": "RUS", "U.S.": "USA"}),
]

PATTERNS: list[tuple[str, dict[str, str | None], date]] = [
    ("Putin's government denied the report.", {"Putin's government": "RUS"}, DAY),
    ("The Trump administration imposed new tariffs.", {"Trump administration": "USA"}, date(2018, 6, 1)),
    (
        "The Obama administration negotiated the nuclear deal.",
        {"Obama administration": "USA"},
        date(2017, 2, 7),
    ),
    ("Mrs May's government lost the vote.", {"May's government": "GBR"}, date(2019, 1, 15)),
    ("Erdogan's Turkey has drifted away from Europe.", {"Erdogan's Turkey": "TUR"}, DAY),
    ("Yemen's Houthi movement fired missiles at ships.", {"Yemen's Houthi movement": "HOUTHIS"}, DAY),
    ("Lebanon's Hezbollah fired rockets into Israel.", {"Hezbollah": "HEZBOLLAH", "Israel": "ISR"}, DAY),
    ("South Africa's ICC membership was debated in parliament.", {"South Africa": "ZAF", "ICC": "ICC"}, DAY),
    ("He said Ukraine's Security Council would meet.", {"Ukraine": "UKR", "Security Council": None}, DAY),
    ("Ian Smith's government declared independence in 1965.", {"Ian Smith's government": None}, DAY),
    ("The Trump Administration was prepared to agree.", {"Trump Administration": "USA"}, date(2017, 2, 7)),
    ("Kim Jong-un's regime fired a missile.", {"Kim Jong-un's regime": "PRK"}, DAY),
]

CONTAINMENT: list[tuple[str, dict[str, str | None]]] = [
    ("She teaches at Georgetown University.", {"Georgetown": None}),
    ("Heads of African Union member states met in Niamey.", {"African Union": "AU"}),
    ("He studied at the University of Georgia.", {"Georgia": None}),
    ("Traffic stopped on the George Washington Bridge.", {"Washington": None}),
    ("Denzel Washington won the award.", {"Washington": None}),
    ("The Free Syrian Army attacked the town.", {"Syrian": None}),
    ("The Russian Foreign Ministry summoned the ambassador.", {"Russian Foreign Ministry": "RUS"}),
    ("The Government of Iraq condemned the strike.", {"Iraq": "IRQ"}),
    ("The Federal Aviation Office of Germany suspended the permit.", {"Germany": "DEU"}),
    ("Tankers crossed the South China Sea.", {"China": None}),
    ("Refugees crossed the River Jordan at night.", {"Jordan": None}),
    ("Fishermen on Lake Chad reported a drought.", {"Chad": None}),
    ("A Greek Orthodox church was turned into a mosque.", {"Greek": None}),
    ("Tension is rising on the Korean Peninsula.", {"Korean": None}),
    ("The Islamic State (IS) group claimed the attack.", {"Islamic State": "ISIS", "IS": "ISIS"}),
    ("The Kurdish Syrian Democratic Forces took the town.", {"Syrian Democratic Forces": "SDF"}),
]

# A state's government as one mention, the whole phrase: (sentence, exact mention text, id).
INSTITUTIONS: list[tuple[str, str, str | None]] = [
    ("A spokesperson for the German government condemned the attack.", "the German government", "DEU"),
    ("The Russian government dismissed the claim.", "The Russian government", "RUS"),
    ("The sanctions add pressure on Cuba's government.", "Cuba's government", "CUB"),
    ("The Iranian regime denied any role.", "The Iranian regime", "IRN"),
    (
        "The Turkish Ministry of Foreign Affairs summoned the envoy.",
        "The Turkish Ministry of Foreign Affairs",
        "TUR",
    ),
    (
        "The United States Department of Defense confirmed the strike.",
        "The United States Department of Defense",
        "USA",
    ),
    ("Russian forces shelled the town.", "Russian", "RUS"),
    ("Iraqi security forces found the launchers.", "Iraqi security forces", "IRQ"),
    ("Agents of the Belarusian KGB detained them.", "the Belarusian KGB", "BLR"),
    ("The Government of Iraq condemned the strike.", "The Government of Iraq", "IRQ"),
    (
        "A statement by the ministry of internal affairs of Belarus followed.",
        "the ministry of internal affairs of Belarus",
        "BLR",
    ),
    ("Aid reached the people of Iraq.", "Iraq", "IRQ"),
]

# People against or apart from a state's government, and attitudes, are not the state.
NOT_THE_STATE: list[tuple[str, dict[str, str | None]]] = [
    ("Pro-Russian separatists shelled the town overnight.", {"Russian": None}),
    ("The Syrian opposition met in Geneva on Monday.", {"Syrian": None}),
    (
        "Syrian rebels withdrew from the city, and Syrian troops moved in.",
        {"Syrian@1": None, "Syrian@2": "SYR"},
    ),
    ("Anti-American protests spread across Iraq.", {"American": None, "Iraq": "IRQ"}),
    ("Moscow does not want Iran's regime replaced by a pro-Western government.", {"Western": None}),
    ("Kanye West toured West Africa while Israel built in the West Bank.", {"West": None}),
    ("Moscow's rivalry with Washington and the West is intense.", {"West": "WEST", "Washington": "USA"}),
]

AMBIGUITY: list[tuple[str, dict[str, str | None]]] = [
    ("Georgia signed an association agreement with the EU.", {"Georgia": "GEO", "EU": "EU"}),
    ("Officials in Tbilisi said Georgia would not recognise the vote.", {"Georgia": "GEO"}),
    ("Senator Jones of Georgia said the Republican bill would fail.", {"Georgia": None}),
    ("A judge in Atlanta, Georgia, blocked the law.", {"Georgia": None}),
    ("Jordan closed its border with Syria.", {"Jordan": "JOR", "Syria": "SYR"}),
    ("Michael Jordan retired in 2003.", {"Jordan": None}),
    ("His four-year-old brother Jordan was not hurt.", {"Jordan": None}),
    (
        "Chad and Niger sent troops to fight Boko Haram.",
        {"Chad": "TCD", "Niger": "NER", "Boko Haram": "BOKO_HARAM"},
    ),
    ("Chad Oulson was shot in a cinema.", {"Chad": None}),
    ("Turkey and Russia agreed a ceasefire.", {"Turkey": "TUR", "Russia": "RUS"}),
    ("Primaries were held in Idaho, Michigan and Washington.", {"Washington": None}),
    ("Washington imposed sanctions on Tehran.", {"Washington": "USA", "Tehran": "IRN"}),
    ("A mosque burned down in Victoria, Texas.", {"Victoria": None}),
]


@pytest.mark.parametrize(("text", "expected"), METONYMS)
def test_metonyms(nlp: Language, text: str, expected: dict[str, str | None]) -> None:
    assert not problems(analyse(nlp, text), expected)


@pytest.mark.parametrize(("text", "expected"), CAPITALS)
def test_capitals(nlp: Language, text: str, expected: dict[str, str | None]) -> None:
    assert not problems(analyse(nlp, text), expected)


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_forms_inside_unsplit_tokens(nlp: Language, text: str, expected: dict[str, str | None]) -> None:
    assert not problems(analyse(nlp, text), expected)


@pytest.mark.parametrize(("text", "expected", "on"), PATTERNS)
def test_leader_and_possessive_patterns(
    nlp: Language, text: str, expected: dict[str, str | None], on: date
) -> None:
    assert not problems(analyse(nlp, text, on), expected)


@pytest.mark.parametrize(("text", "expected"), CONTAINMENT)
def test_containment(nlp: Language, text: str, expected: dict[str, str | None]) -> None:
    assert not problems(analyse(nlp, text), expected)


@pytest.mark.parametrize(("text", "mention", "actor"), INSTITUTIONS)
def test_state_institutions_are_one_mention(nlp: Language, text: str, mention: str, actor: str) -> None:
    doc = analyse(nlp, text)
    got = [(m.span.text, m.actor_id) for m in ext.mentions(doc)]
    assert (mention, actor) in got, got


@pytest.mark.parametrize(("text", "expected"), NOT_THE_STATE)
def test_groups_and_attitudes_are_not_the_state(
    nlp: Language, text: str, expected: dict[str, str | None]
) -> None:
    assert not problems(analyse(nlp, text), expected)


@pytest.mark.parametrize(("text", "expected"), AMBIGUITY)
def test_ambiguous_names(nlp: Language, text: str, expected: dict[str, str | None]) -> None:
    assert not problems(analyse(nlp, text), expected)


UNRESOLVED = [
    ("Officials in Bavaria announced new rules for the border.", "Bavaria"),
    ("The Zetland People's Front claimed the attack.", "Zetland People's Front"),
]


@pytest.mark.parametrize(("text", "name"), UNRESOLVED)
def test_unknown_names_stay_unresolved(nlp: Language, text: str, name: str) -> None:
    """Names the NER finds and the knowledge base lacks are kept, with actor_id None."""
    mentions = ext.mentions(analyse(nlp, text))
    kept = [m for m in mentions if name in m.span.text]
    assert kept, [m.span.text for m in mentions]
    assert all(m.actor_id is None and m.method == "ner" for m in kept)


def test_mentions_are_sorted_and_carry_the_kb(nlp: Language) -> None:
    doc = analyse(nlp, "Tehran and Moscow said the Kremlin would host the talks in Ankara.")
    starts: list[Any] = [m.span.start for m in ext.mentions(doc)]
    assert starts == sorted(starts)
    assert [m.actor_id for m in ext.mentions(doc)] == ["IRN", "RUS", "RUS", "TUR"]
    assert [m.method for m in ext.mentions(doc)] == ["capital", "capital", "metonym", "capital"]
    assert all(doc.text[m.span.start : m.span.end] == m.span.text for m in ext.mentions(doc))
    kb = pipeline.knowledge_base(nlp)
    assert kb is not None and kb.actor("RUS").kind == "state"
