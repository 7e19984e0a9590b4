"""Status of noun events only prescribed, demanded or absent, and of reports glued across a break.

Sentences written for the status errors of the third NewsArticles hand check: a noun event
as the subject of "is necessary" / "the only option", the goal of a policy, a demanded
condition, "ought to", a lemmatiser slip on "hopes", "during" a meeting of a future clause,
"the absence of" a treaty, and a reporting verb reached across a glued sentence break.
Each kind keeps rows whose event did happen.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from entente.nlp import extensions as ext

PUB = date(2017, 3, 1)


def statuses(nlp: Language, text: str) -> dict[tuple[str, str | None, str], str]:
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    return {(e.source, e.target, e.type): e.status for e in ext.events(doc)}


# (text, (source, target, type), status)
STATUS = [
    # a prescription: necessity or the only choice
    (
        "Officials said cooperation between China and the United States was the only option.",
        ("CHN", "USA", "COOPERATE"),
        "hypothetical",
    ),
    (
        '"A close partnership between Poland and Germany is necessary for Europe," the minister said.',
        ("POL", "DEU", "COOPERATE"),
        "hypothetical",
    ),
    (
        "The alliance between Russia and Iran is crucial for Assad, officials said.",
        ("RUS", "IRN", "COOPERATE"),
        "attributed",
    ),
    # an evaluation of what happened
    (
        "Cooperation between China and the United States was key to the deal, officials said.",
        ("CHN", "USA", "COOPERATE"),
        "attributed",
    ),
    (
        "The meeting between Putin and Abe was the best way to move on, officials said.",
        ("RUS", "JPN", "CONSULT"),
        "attributed",
    ),
    # the goal of a policy
    (
        "It is the bedrock of Washington's policy for a settlement between Israel and the Palestinians.",
        ("ISR", "PSE", "AGREE"),
        "hypothetical",
    ),
    # a demanded condition
    (
        "Netanyahu presented his own terms: Palestinian recognition of Israel as a Jewish state.",
        ("PSE", "ISR", "AGREE"),
        "hypothetical",
    ),
    # "ought to", parsed as the head of its verb
    (
        "Turkey has argued that the US ought to ally itself only with Turkish forces in Syria.",
        ("USA", "TUR", "COOPERATE"),
        "hypothetical",
    ),
    (
        "Turkey has argued that the US allied itself with Turkish forces in Syria.",
        ("USA", "TUR", "COOPERATE"),
        "attributed",
    ),
    # "hopes" (lemmatised "hop") governs the verb of a noun event
    (
        "Education is an area in which Murphy hopes to further Irish-Chinese collaboration.",
        ("CHN", "IRL", "COOPERATE"),
        "hypothetical",
    ),
    # "during" an event: as far ahead as its clause
    (
        "Japan and Russia will sign the deal during their summit in Tokyo.",
        ("JPN", "RUS", "CONSULT"),
        "hypothetical",
    ),
    # "could" is no future: the occupation happened
    (
        "Residents of Algerian origin could relate their lives during the French occupation of Algeria.",
        ("FRA", "DZA", "COERCE"),
        "asserted",
    ),
    (
        "Japan and Russia signed the deal during their summit in Tokyo.",
        ("JPN", "RUS", "CONSULT"),
        "asserted",
    ),
    # an absent event is denied
    (
        "The Russian leader added that the absence of a peace treaty between Moscow and Tokyo was odd.",
        ("RUS", "JPN", "AGREE"),
        "negated",
    ),
    (
        "Officials regret the lack of cooperation between Ankara and Moscow.",
        ("TUR", "RUS", "COOPERATE"),
        "negated",
    ),
    # a reporting verb reached across a glued sentence break or an opened quote
    (
        "Britain and Israel agreed to set up working groups on trade.- A spokeswoman said the two "
        "leaders would also talk about security.",
        ("GBR", "ISR", "AGREE"),
        "asserted",
    ),
    (
        "Britain and Israel agreed to set up working groups on trade, a spokeswoman said.",
        ("GBR", "ISR", "AGREE"),
        "attributed",
    ),
    (
        "US President Donald Trump met with Israeli Prime Minister Benjamin Netanyahu in February "
        '-"Nothing is moving in the peace process," the analyst told DW.',
        ("USA", "ISR", "CONSULT"),
        "asserted",
    ),
    (
        "US President Donald Trump met with Israeli Prime Minister Benjamin Netanyahu in February, "
        "the analyst told DW.",
        ("USA", "ISR", "CONSULT"),
        "attributed",
    ),
]


@pytest.mark.parametrize(("text", "key", "status"), STATUS)
def test_status_of_prescribed_demanded_and_absent_events(
    nlp: Language, text: str, key: tuple[str, str, str], status: str
) -> None:
    found = statuses(nlp, text)
    assert found.get(key) == status, found


# (text, (source, target, type), status): a past temporal clause inside indirect speech is
# taken for granted (background), the reported clause itself stays on the speaker's word
BACKGROUND = [
    (
        "Analysts said his stand in the crisis with Turkey - when Dutch authorities expelled a "
        "Turkish minister - has boosted his image.",
        ("NLD", "TUR", "COERCE"),
        "asserted",
    ),
    (
        "Officials said Moscow responded harshly when Turkey shot down a Russian jet.",
        ("TUR", "RUS", "ASSAULT"),
        "asserted",
    ),
    (
        "Analysts said Dutch authorities expelled a Turkish minister.",
        ("NLD", "TUR", "COERCE"),
        "attributed",
    ),
    # an "after" clause is the report's news
    (
        "A US diplomat was expelled from New Zealand after the US embassy in Wellington refused to "
        "waive his immunity, according to media reports.",
        ("USA", "NZL", "REJECT"),
        "attributed",
    ),
    (
        "Officials said Moscow would respond harshly if Turkey shot down a Russian jet.",
        ("TUR", "RUS", "ASSAULT"),
        "hypothetical",
    ),
]


@pytest.mark.parametrize(("text", "key", "status"), BACKGROUND)
def test_background_clause_in_indirect_speech_is_asserted(
    nlp: Language, text: str, key: tuple[str, str, str], status: str
) -> None:
    found = statuses(nlp, text)
    assert found.get(key) == status, found


def test_prescribed_cues_reject_an_unknown_key() -> None:
    from entente.errors import EntenteError
    from entente.events.prescribed import PrescribedCues

    with pytest.raises(EntenteError) as info:
        PrescribedCues.from_data({"prescribed": {"necesity": ["needed"]}})
    assert info.value.message.code == "E008" and "'necesity'" in str(info.value)
