"""Word senses, round 9: recognising as noticing, agreeing to a readiness to cooperate, views
exchanged, a partnership named as what a treaty is about or as a topic, cooperation only intended
(``data/senses.yaml``, ``data/verbs.yaml``, ``events/sense_frames.py``).

Each row is a sentence written for this test and the events a careful reader finds in it
("SOURCE TARGET TYPE STATUS"; mutual types are listed both ways by the helper); a "!" row must not
be found. Each "!" row is a reading the rules gave before; the rows beside it keep the right readings.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from event_helpers import events, unmet_in

CASES = [
    # a role, a threat or a need recognised is noticed: no diplomatic recognition, no endorsement
    (
        "Iran's hidden role was recognised by British intelligence long before the war.",
        ["!GBR IRN AGREE asserted", "!GBR IRN SUPPORT asserted"],
    ),
    ("Germany recognised Russia's role in the fighting far too late.", ["!DEU RUS SUPPORT asserted"]),
    ("Poland recognized the threat from Russia early on.", ["!POL RUS AGREE asserted"]),
    # diplomatic recognition of a state, its government or its sovereignty stays AGREE
    ("Sweden recognised Palestine in 2014.", ["SWE PSE AGREE asserted"]),
    ("Morocco recognised the new government of Libya.", ["MAR LBY AGREE asserted"]),
    ("The United States recognised Israel's sovereignty over the Golan Heights.", ["USA ISR AGREE asserted"]),
    ("Norway recognized Brazil's market economy status in 2009.", ["NOR BRA SUPPORT asserted"]),
    # agreeing that one side is willing or ready to deepen cooperation is the agreement; the
    # cooperation is only intended
    (
        "Germany agreed with France that it is willing to deepen cooperation on defence.",
        ["DEU FRA AGREE asserted", "!DEU FRA COOPERATE asserted"],
    ),
    (
        "At the meeting, Austria agreed that the Austrian side is ready to expand cooperation with China.",
        ["!AUT CHN COOPERATE asserted", "!AUT CHN COOPERATE attributed"],
    ),
    ("Germany and France strengthened cooperation on defence last year.", ["DEU FRA COOPERATE asserted"]),
    # views exchanged are a consultation; a partnership whose possibility is discussed did not happen
    ("Japan exchanged views with India on regional security on Monday.", ["JPN IND CONSULT asserted"]),
    (
        "Russia and Moldova exchanged views on the possibility of a strategic partnership.",
        ["RUS MDA CONSULT asserted", "!RUS MDA COOPERATE asserted"],
    ),
    (
        '"We exchanged views on the possibility of implementing such a partnership between Russia and '
        'Moldova," the Moldovan president said.',
        ["!RUS MDA COOPERATE attributed", "!RUS MDA COOPERATE asserted"],
    ),
    ("India and Pakistan exchanged fire across the border.", ["IND PAK ASSAULT asserted"]),
    # a partnership or cooperation named as what a treaty is about: the deal is the event, AGREE
    (
        "The treaty on strategic partnership between Russia and Moldova was signed in 2001.",
        ["RUS MDA AGREE asserted", "!RUS MDA COOPERATE asserted"],
    ),
    (
        "Japan and India may sign an agreement on cooperation in energy next year.",
        ["JPN IND AGREE hypothetical", "!JPN IND COOPERATE asserted"],
    ),
    ("Russia and India have deepened their strategic partnership.", ["RUS IND COOPERATE asserted"]),
    # cooperation a side is only willing or ready to boost is intended, not done
    (
        "Germany is ready to deepen cooperation with China, the minister said.",
        ["DEU CHN COOPERATE hypothetical", "!DEU CHN COOPERATE attributed"],
    ),
    (
        "Russia reaffirmed its willingness to step up cooperation with Pakistan.",
        ["!RUS PAK COOPERATE asserted"],
    ),
    ("Germany and France deepened cooperation on defence.", ["DEU FRA COOPERATE asserted"]),
    # cooperation named as a topic is no act of cooperating; talks or an agreement on it stay
    (
        "Officials began consultations on a new treaty on strategic partnership between Russia and Moldova.",
        ["!RUS MDA COOPERATE asserted"],
    ),
    ("Japan and India held talks on cooperation in energy on Monday.", ["JPN IND CONSULT asserted"]),
    ("Russia and China agreed on cooperation in energy.", ["RUS CHN AGREE asserted"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:40] for t, _ in CASES])
def test_round9(nlp: Language, text: str, expected: list[str]) -> None:
    found = events(nlp, text, date(2017, 3, 1))
    missing, wrong = unmet_in(found, expected)
    assert not missing and not wrong, f"missing {missing}, wrongly found {wrong}; found {sorted(found)}"
