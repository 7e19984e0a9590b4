"""Status kinds of the tenth NewsArticles hand check (attribution.py, status.py, pulled.py).

Sentences written for each kind, with rows that keep the other reading next to the rows a rule
changes: a meeting in an "as" clause of reported speech, past or present (background, asserted),
next to the same act as the claim; talks named through "the round of" in a "during" phrase next to a round of
talks that is the claim; a definite event noun dated to an earlier year inside an argued claim
next to the same act told by a verb or an indefinite light-verb object; an event noun inside
the object of a future verb ("will open a new page in the cooperation") next to the same in
the past and under a continuing verb; the end of a quotation whose opening mark the splitter
left on the sentence before, and a pull quote that the article repeats inside a quotation,
next to the same sentences as plain narration.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from event_helpers import events, statuses_of

PUB = date(2017, 3, 1)

# (text, (source, target, type), status)
ROWS = [
    # a past "as" clause in reported speech is background
    (
        "The minister said the vote was held as Putin met with Erdogan in Sochi.",
        ("RUS", "TUR", "CONSULT"),
        "asserted",
    ),
    # ... the meeting itself as the claim stays on the minister's word
    (
        "The minister said Putin met with Erdogan in Sochi.",
        ("RUS", "TUR", "CONSULT"),
        "attributed",
    ),
    # ... so is a present "as" clause, the time under way
    (
        "Amnesty said the US military was not taking enough care as it helps Iraqi forces retake Mosul.",
        ("USA", "IRQ", "AID"),
        "asserted",
    ),
    # ... the help itself as the claim stays on Amnesty's word
    (
        "Amnesty said the US military helps Iraqi forces retake Mosul.",
        ("USA", "IRQ", "AID"),
        "attributed",
    ),
    # talks named through "the round of" in a "during" phrase: background
    (
        "The deal was struck during the latest round of talks between Russia and Turkey in Ankara, "
        "an official told reporters.",
        ("RUS", "TUR", "CONSULT"),
        "asserted",
    ),
    # a definite event of an earlier year, taken for granted inside an argued claim
    (
        "Critics argued that the lobby had shaped the US war on Iraq in 2003.",
        ("USA", "IRQ", "ASSAULT"),
        "asserted",
    ),
    # ... the act itself told by a verb is the claim
    (
        "Critics argued that the United States attacked Iraq in 2003.",
        ("USA", "IRQ", "ASSAULT"),
        "attributed",
    ),
    # an event noun inside the object of a future verb is ahead
    (
        '"I am sure that your visit will open a new page in the Russian-Indian cooperation," '
        "the minister said.",
        ("RUS", "IND", "COOPERATE"),
        "hypothetical",
    ),
    # ... in the past it happened (on the minister's word)
    (
        '"Your visit opened a new page in the Russian-Indian cooperation," the minister said.',
        ("RUS", "IND", "COOPERATE"),
        "attributed",
    ),
    # the end of a quotation whose opening mark was left on the sentence before
    (
        'Nothing has changed," Demir said. " And we already know that Trump\'s first phone call with '
        'Erdogan focused on security." Other analysts disagree.',
        ("USA", "TUR", "CONSULT"),
        "attributed",
    ),
    # ... the same sentence as narration
    (
        "Nothing has changed, Demir said. Trump's first phone call with Erdogan focused on "
        "security. Other analysts disagree.",
        ("USA", "TUR", "CONSULT"),
        "asserted",
    ),
    # a pull quote the article repeats inside a quotation is that quotation's claim
    (
        "The Palestinian security services work hand in hand with the Israeli army every day. "
        "Officials in Ramallah deny it. "
        '"The Palestinian security services work hand in hand with the Israeli army every day," '
        "Jabarin told reporters.",
        ("PSE", "ISR", "COOPERATE"),
        "attributed",
    ),
    # ... the sentence alone is narration
    (
        "The Palestinian security services work hand in hand with the Israeli army every day. "
        "Officials in Ramallah deny it.",
        ("PSE", "ISR", "COOPERATE"),
        "asserted",
    ),
]


@pytest.mark.parametrize(("text", "event", "status"), ROWS)
def test_status_round10(nlp: Language, text: str, event: tuple[str, str | None, str], status: str) -> None:
    found = events(nlp, text, PUB)
    assert statuses_of(found, event) == {status}, found
