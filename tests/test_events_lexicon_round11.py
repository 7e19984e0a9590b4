"""Lexicon, round 11 (recall): states that broker a deal together cooperate, swaying another state's
vote is interference, and closing the border crossings with a state is a sanction (``data/verbs.yaml``).

Each row is a sentence written for this test and the events a careful reader finds in it
("SOURCE TARGET TYPE STATUS"; mutual types are listed both ways by the helper); a "!" row must not
be found. The rows where the new entries must stay silent sit next to the rows they add.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from event_helpers import events, unmet_in

CASES = [
    # states that broker a truce or talks together cooperate, also where the participle hangs on a place
    ("The truce, brokered by Russia and Turkey in December, is holding.", ["RUS TUR COOPERATE asserted"]),
    ("Russia and Turkey brokered a ceasefire in Syria last year.", ["RUS TUR COOPERATE asserted"]),
    (
        "The truce followed talks in Kazakhstan's capital Astana, brokered by Russia, Turkey and Iran.",
        ["RUS TUR COOPERATE asserted", "TUR IRN COOPERATE asserted", "!RUS KAZ COOPERATE asserted"],
    ),
    # a truce brokered by states, named inside reported speech, is taken for granted: asserted
    (
        "He said a fragile truce brokered by Russia and Turkey had opened a window for talks.",
        ["RUS TUR COOPERATE asserted", "!RUS TUR COOPERATE attributed"],
    ),
    # what the speech itself claims stays on the speaker's word
    ("The minister said Russia and Turkey brokered the truce.", ["RUS TUR COOPERATE attributed"]),
    # inside quotation marks the same phrase is the speaker's claim: attributed
    (
        '"It is a truce brokered by Russia and Turkey that nobody trusts," the minister said.',
        ["RUS TUR COOPERATE attributed"],
    ),
    # the parties brought together by a broker are no partners of it, nor of each other by this verb
    (
        "Egypt brokered a truce between Israel and Jordan.",
        ["!EGY ISR COOPERATE asserted", "!ISR JOR COOPERATE asserted"],
    ),
    ("A deal brokered by Qatar freed the Turkish hostages.", ["!QAT TUR COOPERATE asserted"]),
    # a deal negotiated by two states keeps its one reading (the head noun is the topic)
    ("The deal negotiated by Iran and the United States was signed in Vienna.", ["IRN USA CONSULT asserted"]),
    # influencing, manipulating or swaying another state's election or vote: interference (COERCE)
    (
        "Russia influenced the US election, the intelligence agencies said.",
        ["RUS USA COERCE attributed"],
    ),
    (
        "Moscow manipulated the French vote with hacked emails, the report said.",
        ["RUS FRA COERCE attributed"],
    ),
    ("Russia tried to sway the German election.", ["RUS DEU COERCE hypothetical"]),
    # a policy, a debate or a person influenced is no act against a state
    ("China wants to influence US policy on Taiwan.", ["!CHN USA COERCE hypothetical"]),
    ("Germany has influenced the debate in France for years.", ["!DEU FRA COERCE asserted"]),
    ("Japan hopes its aid will influence Indian officials.", ["!JPN IND COERCE hypothetical"]),
    # the older entries next to them stay
    ("Russia interfered in the US election.", ["RUS USA COERCE asserted"]),
    # closing the border crossings with a state, like closing the border itself
    ("Pakistan closed its border crossings with Afghanistan on Friday.", ["PAK AFG SANCTION asserted"]),
    ("Turkey closed two border crossings with Syria after the bombing.", ["TUR SYR SANCTION asserted"]),
    ("Pakistan closed the border with Afghanistan.", ["PAK AFG SANCTION asserted"]),
    # a crossing opened, or a crossing closed by the weather, is no sanction
    ("Pakistan reopened its border crossings with Afghanistan.", ["!PAK AFG SANCTION asserted"]),
    ("Snow closed the border crossings between Georgia and Russia.", ["!GEO RUS SANCTION asserted"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round11_lexicon(nlp: Language, text: str, expected: list[str]) -> None:
    missing, wrong = unmet_in(events(nlp, text, date(2017, 3, 1)), expected)
    assert not missing, f"not found: {missing}"
    assert not wrong, f"found, but must not be: {wrong}"
