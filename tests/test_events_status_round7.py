"""Status kinds of the seventh NewsArticles hand check (events/attribution.py, data/status.yaml).

Sentences written for each kind, with rows that keep the other reading next to the rows a
rule changes: an occasion of a reported act whose subject holds the speaker's own pronoun
("he said he and X had agreed in a call last month": his own account, attributed) next to an
occasion of others' act (background, asserted); a state's verbal act reported by its own
spokesperson with the cue first ("spokesman Lu said China commended Japan": the statement
itself, asserted) next to "said it commended" (its own account) and another state's act
(on the spokesman's word); a present perfect one ("the embassy has urged London ..., says a
statement") as the past one, next to a deed so reported (on the statement's word);
"opportunities for" an act (a chance, not the act).
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from event_helpers import events

PUB = date(2017, 3, 1)

# (text, (source, target, type), status)
ROWS = [
    # the speaker's own account of an occasion he took part in: on his word
    (
        "After talks in Beijing on Sunday, Xi said he and Trump had agreed in a phone call last month "
        "to deepen ties.",
        ("CHN", "USA", "CONSULT"),
        "attributed",
    ),
    # others' occasion named in passing: the background the report takes for granted
    (
        "After talks in Beijing on Sunday, Xi said Putin and Trump had agreed in a phone call last month "
        "to deepen ties.",
        ("RUS", "USA", "CONSULT"),
        "asserted",
    ),
    # a state's verbal act reported by its own spokesperson, cue first or trailing: narrated
    (
        "Chinese Foreign Ministry spokesman Lu Kang said China commended Japan for its help after the "
        "floods.",
        ("CHN", "JPN", "SUPPORT"),
        "asserted",
    ),
    (
        "China commended Japan for its help after the floods, Foreign Ministry spokesman Lu Kang said.",
        ("CHN", "JPN", "SUPPORT"),
        "asserted",
    ),
    # its own account with a pronoun, or another state's act: on the spokesman's word
    (
        "Chinese Foreign Ministry spokesman Lu Kang said it commended Japan for its help after the floods.",
        ("CHN", "JPN", "SUPPORT"),
        "attributed",
    ),
    (
        "Chinese Foreign Ministry spokesman Lu Kang said Russia commended Japan for its help after the "
        "floods.",
        ("RUS", "JPN", "SUPPORT"),
        "attributed",
    ),
    # a state's verbal act in the present perfect, its own statement trailing: narrated
    (
        "The Russian Embassy in Britain has urged London to end its hostile campaign, says a statement "
        "posted on the embassy website on Monday.",
        ("RUS", "GBR", "REQUEST"),
        "asserted",
    ),
    # a deed, not a saying, in the present perfect with a statement trailing: on its word
    (
        "Russia has expelled two Ukrainian diplomats, says a statement posted on the embassy website.",
        ("RUS", "UKR", "SANCTION"),
        "attributed",
    ),
    # an opening for an act is not the act; the act itself is
    (
        "Murphy sees a chance of a meeting between Ireland and China.",
        ("IRL", "CHN", "CONSULT"),
        "hypothetical",
    ),
    (
        "Ireland and China have expanded their cooperation in finance.",
        ("IRL", "CHN", "COOPERATE"),
        "asserted",
    ),
]


@pytest.mark.parametrize(("text", "event", "status"), ROWS)
def test_status_round7(nlp: Language, text: str, event: tuple[str, str, str], status: str) -> None:
    found = {(s, t, ty): st for s, t, ty, st in events(nlp, text, PUB)}
    assert found.get(event) == status, found
