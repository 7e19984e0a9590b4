"""Word senses, round 6: what a trigger word reports in a kind of sentence (``data/senses.yaml``,
``data/verbs.yaml``).

Each row is a sentence written for this test and the events a careful reader finds in it
("SOURCE TARGET TYPE STATUS"; mutual types match in either order); a "!" row must not be
found. Each "!" row is a reading the rules gave before; the rows beside it keep the right readings.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente.errors import EntenteError
from entente.events.senses import senses_from_data
from event_helpers import events

CASES = [
    # cooperation to be boosted under an agreement: the agreement happened, the cooperation is ahead
    (
        "Japan and Australia agreed to strengthen cooperation on maritime security.",
        ["JPN AUS AGREE asserted", "!JPN AUS COOPERATE asserted"],
    ),
    (
        "Seoul and Washington also agreed to boost cooperation on sanctions against Pyongyang.",
        ["KOR USA AGREE asserted", "!KOR USA COOPERATE asserted"],
    ),
    (
        "Japan and Australia pledged to expand their partnership.",
        ["JPN AUS AGREE asserted", "!JPN AUS COOPERATE asserted"],
    ),
    (
        "China and Russia signed a deal to expand energy cooperation.",
        ["CHN RUS AGREE asserted", "!CHN RUS COOPERATE asserted"],
    ),
    ("Merkel stressed the need to strengthen cooperation with France.", ["!DEU FRA AGREE asserted"]),
    (
        "Japan and Australia strengthened cooperation on maritime security last year.",
        ["JPN AUS COOPERATE asserted"],
    ),
    ("Japan and Australia agreed to hold joint exercises.", ["JPN AUS AGREE asserted"]),
    # hosting another state's forces or weapons is military cooperation; hosting a leader a visit
    (
        "China is angry over South Korea's decision to host an American anti-missile system.",
        ["KOR USA COOPERATE asserted", "!KOR USA CONSULT asserted"],
    ),
    ("Romania hosts a US missile shield.", ["ROU USA COOPERATE asserted", "!ROU USA CONSULT asserted"]),
    ("Japan hosts about 50,000 US troops.", ["JPN USA COOPERATE asserted"]),
    ("Germany hosted the Chinese president in Berlin.", ["DEU CHN CONSULT asserted"]),
    # a stance judged to embolden a state's wrongdoing is no act toward it
    (
        "The Dutch stance, which has hardened since 2015, encourages Turkey's violations of the treaty.",
        ["!NLD TUR SUPPORT asserted", "!NLD TUR REQUEST asserted"],
    ),
    ("The Australian government encouraged Israel to resume talks.", ["AUS ISR REQUEST asserted"]),
    # oil, gas or grain supplied is trade; weapons or aid supplied stay AID
    ("Russia supplies gas to Serbia.", ["RUS SRB COOPERATE asserted", "!RUS SRB AID asserted"]),
    ("Kazakhstan supplies Kyrgyzstan with grain.", ["KAZ KGZ COOPERATE asserted", "!KAZ KGZ AID asserted"]),
    (
        "Russia is ready to supply a million tonnes of oil products to Afghanistan.",
        ["!RUS AFG AID hypothetical", "RUS AFG COOPERATE hypothetical"],
    ),
    ("Japan supplied humanitarian aid to Nepal.", ["JPN NPL AID asserted"]),
    ("Russia supplied S-300 missiles to Iran.", ["RUS IRN AID asserted"]),
    # a warning of a missed chance is a prediction; a warning of a price to pay is a threat
    (
        "Germany warned that the United States could lose out on deals in China.",
        ["!DEU USA THREATEN asserted"],
    ),
    (
        "Iran warned that the United States would pay a heavy price for any attack.",
        ["IRN USA THREATEN asserted"],
    ),
    # ambitions or programmes judged to endanger a state are no threat made; a threat made is one
    (
        "President Gauck stressed that Russia's territorial ambitions threatened Poland.",
        ["!RUS POL THREATEN attributed", "!RUS POL THREATEN asserted"],
    ),
    ("North Korea's missile programme threatens Japan, the minister said.", ["!PRK JPN THREATEN attributed"]),
    ("North Korea threatened Japan with a missile strike.", ["PRK JPN THREATEN asserted"]),
    # cooperation named as the topic of talks is the talks, with the talks' status
    (
        "Issues of cooperation between Russia and Iran were discussed at the meeting.",
        ["RUS IRN CONSULT asserted", "!RUS IRN CONSULT hypothetical"],
    ),
    (
        "Besides cooperation between Tokyo, Washington and Seoul, the sides discussed trade with Russia.",
        ["!JPN KOR CONSULT asserted", "!USA KOR CONSULT asserted"],
    ),
    (
        "Issues of cooperation between Russia and Iran will be discussed at the meeting.",
        ["RUS IRN CONSULT hypothetical", "!RUS IRN CONSULT asserted"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:40] for t, _ in CASES])
def test_recodes(nlp: Language, text: str, expected: list[str]) -> None:
    found = events(nlp, text, date(2017, 3, 1))
    rows = [(w.lstrip("!"), w.startswith("!")) for w in expected]
    missing = [w for w, neg in rows if not neg and tuple(w.split()) not in found]
    wrong = [w for w, neg in rows if neg and tuple(w.split()) in found]
    assert not missing and not wrong, f"missing {missing}, wrongly found {wrong}; found {sorted(found)}"


def test_status_at_loads() -> None:
    (sense,) = senses_from_data(
        {
            "senses": [
                {
                    "lemma": "cooperation",
                    "heads": ["boost"],
                    "under": ["agree"],
                    "to": "AGREE",
                    "status_at": "under",
                }
            ]
        }
    )
    assert sense.status_at == "under" and sense.under == frozenset({"agree"})
    with pytest.raises(EntenteError):
        senses_from_data({"senses": [{"lemma": "cooperation", "to": "AGREE", "status_at": "verb"}]})
