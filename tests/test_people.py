"""People of an article (issue 2): who is named, their role, affiliation and actor; coreference.

Short texts written for these tests; the knowledge base supplies leaders
(Putin, Xi, Erdoğan, the Iranian president on the reference date).
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from entente import pipeline
from entente.actors.kb import default_kb
from entente.nlp import extensions as ext
from entente.people.coref import Coref

ON = date(2024, 10, 14)

# (name, role, affiliation, actor); role/affiliation None means "not checked when None in text"
PersonRow = tuple[str, str | None, str | None, str | None]

CASES: list[tuple[str, list[PersonRow]]] = [
    (
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Kazan on Tuesday. "
        "Putin said the talks went well.",
        [("Vladimir Putin", "President", None, "RUS"), ("Xi Jinping", "President", None, "CHN")],
    ),
    # nested institutions: the university, not the centre inside it
    (
        "“The sanctions are hurting,” says Helen Clarke, a senior fellow at the Centre for Eastern Studies "
        "at Warsaw University. Clarke tells Reuters that exports fell.",
        [("Helen Clarke", "senior fellow", "Warsaw University", None)],
    ),
    (
        "Tom Fischer, professor emeritus at Oslo University, says the talks are stalling.",
        [("Tom Fischer", "professor emeritus", "Oslo University", None)],
    ),
    # a title with a nationality: the person speaks for that state
    (
        "Maria Lopez, the Spanish foreign minister, said talks would resume. "
        "She added that Madrid wanted a deal.",
        [("Maria Lopez", "foreign minister", None, "ESP")],
    ),
    # the actor named before the title: a metonym works as a nationality
    (
        "Kremlin spokesman Dmitry Peskov told reporters that Moscow had no plans to attend.",
        [("Dmitry Peskov", "spokesman", None, "RUS")],
    ),
    # a person named once as background (not acting or speaking) is left out
    (
        "The delegates laid flowers at a statue of the 19th-century painter Ilya Repin. Later, Anna Berg "
        "told reporters that the meeting went well.",
        [("Anna Berg", None, None, None)],
    ),
    # names used as modifiers stand for states, not people
    ("The Trump administration imposed tariffs. Pezeshkian's government protested.", []),
    # a surname alone: the knowledge base completes name, role and actor
    (
        "Erdogan spoke to reporters. He said Turkey would not join the sanctions.",
        [("Erdoğan", "President", None, "TUR")],
    ),
    # two forms of one full name are one person
    (
        "Stephen Bannon, the chief strategist, spoke first. Later Steve Bannon said the plan was ready.",
        [("Stephen Bannon", "chief strategist", None, None)],
    ),
    # NER labels this name as an organisation; a known given name tells it is a person
    (
        "“Our only friends are the army and the navy,” said Aleksandr Dugin, the Russian political "
        "philosopher.",
        [("Aleksandr Dugin", "political philosopher", None, None)],
    ),
    # two spellings of one transliterated name are one person
    (
        "Karim Nasser spoke on Monday. On Tuesday Karim Nassar said the talks had failed.",
        [("Karim Nasser", None, None, None)],
    ),
    # words that qualify a role stay with it; a nationality between them is left out
    (
        "Former US President Barack Obama spoke at the rally.",
        [("Barack Obama", "Former President", None, "USA")],
    ),
    (
        "Russian opposition leader Ilya Sokolov said the vote was rigged.",
        [("Ilya Sokolov", "opposition leader", None, None)],  # an opposition leader speaks for no state
    ),
    (
        "Trade and industry commissioner Albert Mensah spoke at the summit.",
        [("Albert Mensah", "Trade and industry commissioner", None, None)],
    ),
    # an "of" phrase that is part of the office; the state it names
    (
        "Adil Mahdi, the acting Prime Minister of Iraq, spoke out against the attack.",
        [("Adil Mahdi", "acting Prime Minister", None, "IRQ")],
    ),
    (
        "Bruno Diaz, the foreign affairs minister of Cuba, rejected the measure.",
        [("Bruno Diaz", "foreign affairs minister", None, "CUB")],
    ),
    # the body a person heads or speaks for is their actor; else the state it belongs to
    (
        "Ahmed Karimi, a spokesman for the PMF, blamed Israel for the attack.",
        [("Ahmed Karimi", "spokesman", "PMF", "PMF")],
    ),
    (
        "Omar Haddad, head of Iran's Northern Guard, was killed in the strike.",
        [("Omar Haddad", "head of Iran's Northern Guard", "Northern Guard", "IRN")],
    ),
    # an organisation named before the title is the affiliation
    (
        "Amazon Research Institute Director Ana Costa said the fires had spread.",
        [("Ana Costa", "Director", "Amazon Research Institute", None)],
    ),
    # the role noun before the name: "OWNER's ROLE, NAME,"
    (
        "Mahan's director, Hamid Rostami, has denied ties to the guards.",
        [("Hamid Rostami", "director", "Mahan", None)],
    ),
    # an official named once, as an object, is listed; lower-case particles inside names
    (
        "Other victims included an official and Karim Nasser, an airport protocol officer.",
        [("Karim Nasser", "airport protocol officer", None, None)],
    ),
    (
        "Nigerian trade minister Yusuf al-Hamadi said the deal was signed.",
        [("Yusuf al-Hamadi", "trade minister", None, "NGA")],
    ),
    # a leader out of office on the publication date still stands for the state he led
    (
        "Relations improved during the presidency of Barack Obama. Critics said the deal failed.",
        [("Barack Obama", "President", None, "USA")],
    ),
    # an actor before the title that the NER left untagged is who the official speaks for
    (
        "AU trade commissioner Albert Mensah said the deal was ready.",
        [("Albert Mensah", "trade commissioner", None, "AU")],
    ),
    # a name the parser hung on the role's prepositional object
    (
        "US Ambassador to Germany Richard Brenner alleged that the airline had carried weapons.",
        [("Richard Brenner", "Ambassador", None, "USA")],
    ),
]


@pytest.fixture(scope="module")
def parse(nlp: Language):  # type: ignore[no-untyped-def]
    def _parse(text: str) -> Doc:
        return nlp(pipeline.make_doc(nlp, text, ON))

    return _parse


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_people(parse, text: str, expected: list[PersonRow]) -> None:  # type: ignore[no-untyped-def]
    people = ext.people(parse(text))
    got = [(p.name, p.role, p.affiliation, p.actor_id) for p in people]
    assert len(people) == len(expected), got
    for (name, role, affiliation, actor), person in zip(expected, people, strict=True):
        assert name in person.name, got
        if role is not None:
            assert person.role is not None and role.lower() in person.role.lower(), got
        if affiliation is not None:
            assert person.affiliation is not None and affiliation.lower() in person.affiliation.lower(), got
        assert person.actor_id == actor, got


def test_mentions_index_the_text(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Anna Berg arrived late. Berg said the talks failed, and she left."
    (person,) = ext.people(parse(text))
    assert [m.text for m in person.mentions] == ["Anna Berg", "Berg", "she"]  # subject pronouns resolved
    for m in person.mentions:
        assert text[m.start : m.end] == m.text
    assert person.gender == "female"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a pronoun: the latest person of compatible gender named outside quotes, subjects first
        ("Anna Berg met Tom Fischer. She said the talks failed.", "She", "Anna Berg"),
        ("Anna Berg met Tom Fischer. He said the talks failed.", "He", "Tom Fischer"),
        ("Tom Fischer spoke first. “Ask Peter Hahn,” he said.", "he", "Tom Fischer"),
        # a description: role and nationality against the people of the text, else the office holder
        (
            "Russian President Vladimir Putin met Finnish President Alexander Stubb. The Russian president "
            "said little.",
            "The Russian president",
            "Vladimir Putin",
        ),
        (
            "The Iranian president said on Monday that Tehran would respond.",
            "The Iranian president",
            "Pezeshkian",
        ),
        # an institution: the latest organisation whose name has that word
        (
            "The Norwegian Foreign Ministry issued a note. The ministry said talks would resume.",
            "The ministry",
            "Ministry",
        ),
    ],
)
def test_coref(parse, text: str, phrase: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc = parse(text)
    start = text.rindex(phrase)
    span = doc.char_span(start, start + len(phrase))
    assert span is not None
    ref = Coref(doc, ext.people(doc), kb=default_kb()).resolve(span)
    assert ref is not None and expected in ref.name
