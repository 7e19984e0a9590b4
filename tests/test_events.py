"""Tests of entente_events: lexicon, dates, and status/argument tables on sentences written for them."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language

from entente import pipeline
from entente.events.dates import compatible, find_dates
from entente.events.lexicon import QUAD_CLASSES, load_lexicon
from entente.nlp import extensions as ext
from entente.records import EventDate

PUB = date(2024, 10, 14)  # a Monday

PLOVER = {
    "AGREE": "verbal_coop",
    "CONSULT": "verbal_coop",
    "SUPPORT": "verbal_coop",
    "CONCEDE": "verbal_coop",
    "COOPERATE": "material_coop",
    "AID": "material_coop",
    "RETREAT": "material_coop",
    "REQUEST": "verbal_conflict",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict",
    "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline.load()


def events(nlp: Language, text: str, published: date = PUB) -> set[tuple[str, str | None, str, str]]:
    doc = nlp(pipeline.make_doc(nlp, text, published))
    return {(e.source, e.target, e.type, e.status) for e in ext.events(doc)}


# --- lexicon -------------------------------------------------------------------------------------


def test_all_sixteen_categories_with_quad_class_and_intensity() -> None:
    lex = load_lexicon()
    assert {name: c.quad_class for name, c in lex.categories.items()} == PLOVER
    for c in lex.categories.values():
        assert c.quad_class in QUAD_CLASSES
        assert -10 <= c.intensity <= 10
        assert (c.intensity > 0) == c.quad_class.endswith("coop")


def test_every_category_has_verb_and_noun_triggers() -> None:
    lex = load_lexicon()
    verb_types = {t.type for senses in lex.verbs.values() for t in senses}
    noun_types = {t.type for senses in lex.nouns.values() for t in senses}
    assert verb_types == set(PLOVER)
    assert noun_types == set(PLOVER)


# --- dates ---------------------------------------------------------------------------------------

DATES = [
    ("They met on October 11, 2024.", PUB, ("2024-10-11", "day")),
    ("They met on 11 March 2017.", PUB, ("2017-03-11", "day")),
    ("They met in the second week of October.", PUB, ("2024-10-08/2024-10-14", "range")),
    ("Iran has sent drones since 2022.", PUB, ("2022/2024-10-14", "range")),
    ("The US left the deal in May 2018.", PUB, ("2018-05", "month")),
    ("The talks ended last week.", PUB, ("2024-10-07/2024-10-13", "range")),
    ("The talks ended on Monday.", PUB, ("2024-10-14", "day")),
    ("The talks ended on Monday.", date(2024, 10, 16), ("2024-10-14", "day")),
    ("The talks ended on Friday.", PUB, ("2024-10-11", "day")),
    ("The talks ended yesterday.", PUB, ("2024-10-13", "day")),
    ("The talks ended three days ago.", PUB, ("2024-10-11", "day")),
    ("The talks ended in December.", PUB, ("2023-12", "month")),
    ("The talks ended last year.", PUB, ("2023", "year")),
    ("The talks ended in 2019.", PUB, ("2019", "year")),
    ("The talks ended on March 3.", PUB, ("2024-03-03", "day")),
    ("The talks ran from 2014 to 2016.", PUB, ("2014/2016", "range")),
]


@pytest.mark.parametrize(("text", "published", "expected"), DATES)
def test_dates(text: str, published: date, expected: tuple[str, str]) -> None:
    doc = spacy.blank("en")(text)
    found = find_dates(doc[:], published)
    assert found, text
    assert (found[0].value.value, found[0].value.precision) == expected
    assert doc.text[found[0].start : found[0].end] == found[0].value.span.text  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["They met for the first time.", "It may rain.", "Ten people died."])
def test_no_date(text: str) -> None:
    assert find_dates(spacy.blank("en")(text)[:], PUB) == []


def test_date_compatibility() -> None:
    day = EventDate("2024-10-11", "day")
    week = EventDate("2024-10-08/2024-10-14", "range")
    assert compatible(day, week)
    assert compatible(EventDate("2024-10", "month"), day)
    assert not compatible(EventDate("2024-09", "month"), day)
    assert not compatible(None, day)


# --- status cues, on sentences written for these tests ------------------------------------------

STATUS = [
    ("Russia attacked Ukraine on Monday.", ("RUS", "UKR", "ASSAULT", "asserted")),
    ("Russia did not attack Ukraine.", ("RUS", "UKR", "ASSAULT", "negated")),
    ("Russia never attacked Ukraine.", ("RUS", "UKR", "ASSAULT", "negated")),
    ("Russia has yet to attack Ukraine.", ("RUS", "UKR", "ASSAULT", "negated")),
    ("Russia failed to reach an agreement with Ukraine.", ("RUS", "UKR", "AGREE", "negated")),
    ("Russia does not want to supply Iran with jets.", ("RUS", "IRN", "AID", "negated")),
    ("Iran's reluctance to supply Russia with missiles is clear.", ("IRN", "RUS", "AID", "negated")),
    ("Putin's unwillingness to transfer jets to Iran is clear.", ("RUS", "IRN", "AID", "negated")),
    ("Iran denied attacking Saudi Arabia.", ("IRN", "SAU", "ASSAULT", "negated")),
    ("Russia may attack Ukraine.", ("RUS", "UKR", "ASSAULT", "hypothetical")),
    ("Russia will attack Ukraine.", ("RUS", "UKR", "ASSAULT", "hypothetical")),
    ("Russia could sell fighter jets to Iran.", ("RUS", "IRN", "AID", "hypothetical")),
    ("If Russia attacks Ukraine, the West will respond.", ("RUS", "UKR", "ASSAULT", "hypothetical")),
    ("Analysts ask whether Russia would equip Iran with jets.", ("RUS", "IRN", "AID", "hypothetical")),
    ("Will Russia attack Ukraine?", ("RUS", "UKR", "ASSAULT", "hypothetical")),
    ("There has been talk of Russia attacking Ukraine.", ("RUS", "UKR", "ASSAULT", "hypothetical")),
    ("Ukraine is bracing for a Russian attack on Kyiv.", ("RUS", "UKR", "ASSAULT", "hypothetical")),
    ("Russia plans to sell fighter jets to Iran.", ("RUS", "IRN", "AID", "hypothetical")),
    ("Russia is willing to supply Iran with jets.", ("RUS", "IRN", "AID", "hypothetical")),
    ("Analysts fear that Russia will attack Ukraine.", ("RUS", "UKR", "ASSAULT", "hypothetical")),
    (
        "I would not be surprised if Putin is now willing to transfer missiles to Iran.",
        ("RUS", "IRN", "AID", "hypothetical"),
    ),
    ("Russia attacked Ukraine, according to Britain.", ("RUS", "UKR", "ASSAULT", "attributed")),
    ("Russia reportedly attacked Ukraine.", ("RUS", "UKR", "ASSAULT", "attributed")),
    ("Officials say Russia attacked Ukraine overnight.", ("RUS", "UKR", "ASSAULT", "attributed")),
    (
        "No country has been as supportive of Russia as Iran, notes one analyst.",
        ("IRN", "RUS", "SUPPORT", "attributed"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), STATUS)
def test_status(nlp: Language, text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not attack Ukraine.",
        "Russia may attack Ukraine.",
        "I would not be surprised if Putin transferred missiles to Iran.",
        "Russia refused to attack Ukraine.",
    ],
)
def test_unrealized_events_never_happened(nlp: Language, text: str) -> None:
    statuses = {status for *_, status in events(nlp, text) if _[2] in ("ASSAULT", "AID")}
    assert statuses and statuses <= {"negated", "hypothetical"}


def test_anaphoric_event_is_negated(nlp: Language) -> None:
    text = (
        "One key question is whether Russia would equip Iran with fighter jets. "
        "For a long time, there has been talk of Moscow doing so. But that has yet to occur."
    )
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    aid = [e for e in ext.events(doc) if e.type == "AID"]
    assert [(e.source, e.target, e.status) for e in aid] == [("RUS", "IRN", "negated")]
    assert aid[0].evidence.text == "But that has yet to occur."


def test_complementiser_that_is_no_pro_form(nlp: Language) -> None:
    # "that" before "do" is the parser's object only by mistake ("consensus that ... do more"):
    # only a pro-form after the verb ("doing so", "did it") takes up the earlier event
    text = (
        "The UN chief accused Uganda's government of ignoring the famine. "
        '"There is a broad consensus that Ugandan leaders need to do more to demonstrate their commitment '
        "to the wellbeing of the nation's citizens,\" he said."
    )
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    accuse = [(e.source, e.target, e.status) for e in ext.events(doc) if e.type == "ACCUSE"]
    assert accuse == [("UN", "UGA", "asserted")]


def test_quote_attribution(nlp: Language) -> None:
    doc = nlp(pipeline.make_doc(nlp, '"Russia attacked Ukraine again," said John Smith, an analyst.', PUB))
    found = [e for e in ext.events(doc) if e.type == "ASSAULT"]
    assert found and found[0].status == "attributed"
    assert found[0].attributed_to and "Smith" in found[0].attributed_to


# --- arguments: who did what to whom ------------------------------------------------------------

ARGUMENTS = [
    ("Israel and Lebanon renewed talks.", {("ISR", "LBN", "CONSULT")}),
    ("Putin and Erdogan met in Sochi.", {("RUS", "TUR", "CONSULT")}),
    ("US and Russian negotiators met in Geneva.", {("USA", "RUS", "CONSULT")}),
    ("The Putin-Erdogan meeting was short.", {("RUS", "TUR", "CONSULT")}),
    ("Israeli airstrikes hit Syria.", {("ISR", "SYR", "ASSAULT")}),
    ("Moscow's war in Ukraine goes on.", {("RUS", "UKR", "ASSAULT")}),
    ("China condemned the US sanctions on Iran.", {("CHN", "USA", "ACCUSE"), ("USA", "IRN", "SANCTION")}),
    ("Japan urged North Korea to halt missile tests.", {("JPN", "PRK", "REQUEST")}),
    ("Germany imposed sanctions on Russia.", {("DEU", "RUS", "SANCTION")}),
    ("The US withdrew its troops from Syria.", {("USA", "SYR", "RETREAT")}),
    ("The United States pulled out of the Iran nuclear deal.", {("USA", "IRN", "REJECT")}),
    ("Turkey arrested twenty Iranian diplomats.", {("TUR", "IRN", "COERCE")}),
    ("Pakistan apologised to Afghanistan.", {("PAK", "AFG", "CONCEDE")}),
    ("Saudi Arabia provided aid to Yemen.", {("SAU", "YEM", "AID")}),
    ("Brazil rejected Argentina's proposal.", {("BRA", "ARG", "REJECT")}),
    ("Britain accused Russia of poisoning a former spy.", {("GBR", "RUS", "ACCUSE")}),
    ("Qatar hosted Iranian diplomats.", {("QAT", "IRN", "CONSULT")}),
    ("Canada praised Mexico's decision.", {("CAN", "MEX", "SUPPORT")}),
    ("Russia threatened Ukraine with sanctions.", {("RUS", "UKR", "THREATEN")}),
    # an ally hosting the troops is not their target (round 6, events/hosts.py): Ukraine, not Belarus
    ("Russia deployed troops to Ukraine.", {("RUS", "UKR", "MOBILIZE")}),
    ("India and Japan agreed to cooperate.", {("IND", "JPN", "AGREE")}),
    ("Iran's response to Israel's attack was swift.", {("IRN", "ISR", "ASSAULT"), ("ISR", "IRN", "ASSAULT")}),
    ("Iran supplied Russia with drones.", {("IRN", "RUS", "AID")}),
    ("Protesters in Iraq demonstrated against the United States.", {("IRQ", "USA", "PROTEST")}),
    (
        "Egypt and Qatar are mediating between Israel and Hamas.",
        {("EGY", "ISR", "CONSULT"), ("QAT", "HAMAS", "CONSULT")},
    ),
    ("Iran launched about 180 ballistic missiles at Israel.", {("IRN", "ISR", "ASSAULT")}),
    ("Saudi Arabia and Iran restored diplomatic relations.", {("SAU", "IRN", "COOPERATE")}),
    ("China and Russia held joint naval exercises.", {("CHN", "RUS", "COOPERATE")}),
    ("Russian banks were hit by EU sanctions.", {("EU", "RUS", "SANCTION")}),
    (
        "The Gambia announced its withdrawal from the International Criminal Court.",
        {("GMB", "ICC", "REJECT")},
    ),
    ("The Islamic State claimed responsibility for a bombing in Pakistan.", {("ISIS", "PAK", "ASSAULT")}),
    # round 8 (senses): support given by an air force is military aid, AID, as the newest hand checks code it
    ("The Syrian army advanced with the support of the Russian air force.", {("RUS", "SYR", "AID")}),
    (
        "Russia and Iran do not want to put pressure on Syria.",
        {("RUS", "SYR", "COERCE"), ("IRN", "SYR", "COERCE")},
    ),
    ("Russia and Iran have deepened their military cooperation.", {("RUS", "IRN", "COOPERATE")}),
    ("Iran shot down an American drone.", {("IRN", "USA", "ASSAULT")}),
    ("Turkey sided with Azerbaijan in the conflict.", {("TUR", "AZE", "SUPPORT")}),
    (
        "Beijing condemned Washington's arms sales to Taiwan.",
        {("CHN", "USA", "ACCUSE"), ("USA", "TWN", "AID")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ARGUMENTS)
def test_arguments(nlp: Language, text: str, expected: set[tuple[str, str, str]]) -> None:
    found = {(s, t, ty) for s, t, ty, _ in events(nlp, text)}
    found |= {(t, s, ty) for s, t, ty in found if ty in ("CONSULT", "COOPERATE", "AGREE")}  # mutual
    assert expected <= found


NO_EVENT = [
    "Russia and Iran share similar views.",  # no trigger
    "Russia is a big country and Iran is too.",
    "The Iran nuclear deal was signed in 2015.",  # one actor only
    "Iranian support matters.",  # no target
    "Turkey discussed Libya-Greece relations.",  # the object of "discuss" is a topic
    'Russia\'s "special military operation" in Ukraine continues.',  # scare quotes
    "Mali and Chad are fighting militants.",  # a shared opponent, not each other
    "China ships furniture to Switzerland.",  # trade, not aid
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_no_event_without_linked_actors(nlp: Language, text: str) -> None:
    assert events(nlp, text) == set()


def test_event_fields(nlp: Language) -> None:
    text = "Putin met Erdogan in Ankara on October 11, 2024."
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    (ev,) = ext.events(doc)
    assert ev.quad_class == "verbal_coop" and ev.intensity > 0
    assert ev.trigger.text == "met" and doc.text[ev.trigger.start : ev.trigger.end] == "met"
    assert ev.evidence.text == text
    assert ev.date is not None and (ev.date.value, ev.date.precision) == ("2024-10-11", "day")
    assert ev.place == "TUR"


# --- one happening, one event ---------------------------------------------------------------------


def test_definite_description_is_the_same_event(nlp: Language) -> None:
    doc = nlp(
        pipeline.make_doc(nlp, "Putin met Erdogan on Monday. The Putin-Erdogan meeting was short.", PUB)
    )
    consult = [e for e in ext.events(doc) if e.type == "CONSULT"]
    assert len(consult) == 1 and consult[0].trigger.text == "met"


def test_dated_mentions_merge_and_keep_the_precise_date(nlp: Language) -> None:
    text = (
        "Putin meets Erdogan in Ankara on October 11, 2024.\n\n"
        "In the second week of October, Putin and Erdogan met for the first time in Turkey."
    )
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    consult = [e for e in ext.events(doc) if e.type == "CONSULT"]
    assert len(consult) == 1
    assert consult[0].trigger.text == "met"  # the narrative sentence, not the headline-style present
    assert consult[0].date is not None and consult[0].date.value == "2024-10-11"


def test_distinct_asserted_events_stay_apart(nlp: Language) -> None:
    text = "Israel struck Syria on Monday. Israel struck Syria again on Friday."
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    assert len([e for e in ext.events(doc) if e.type == "ASSAULT"]) == 2


def test_yaml_booleans_are_rejected() -> None:
    from entente.errors import EntenteError
    from entente.events.lexicon import _tuple

    with pytest.raises(EntenteError):
        _tuple(["with", True])  # an unquoted `on` in a data file
