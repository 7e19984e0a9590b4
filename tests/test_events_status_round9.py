"""Status kinds of the ninth NewsArticles hand check (unfulfilled.py, status.py, status.yaml).

Sentences written for each kind, with rows that keep the other reading next to the rows a rule
changes: a tour under way told as a present-progressive visit of three stops or more (the stops
after the second are still ahead) next to its first stop, a past visit list and a two-stop
visit; an event noun inside the predicate of a modal "be" ("could have been part of a deal",
"could be about the cooperation") next to the same under a plain "was"; "the preparation of" a
summit (not held yet); the predicate of what someone wants or needs ("the last thing he wants
is X", "what Tokyo needs is X") next to the predicate of what someone achieved or
did not expect.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from event_helpers import events, statuses_of

PUB = date(2017, 3, 1)

# (text, (source, target, type), status)
ROWS = [
    # a tour under way: the stops after the second are still ahead
    (
        "The Spanish king began a two-week tour of Latin America on Sunday and is visiting Mexico, "
        "Peru, Chile and Argentina.",
        ("ESP", "CHL", "CONSULT"),
        "hypothetical",
    ),
    (
        "The Spanish king began a two-week tour of Latin America on Sunday and is visiting Mexico, "
        "Peru, Chile and Argentina.",
        ("ESP", "ARG", "CONSULT"),
        "hypothetical",
    ),
    # ... its first stop may be now
    (
        "The Spanish king began a two-week tour of Latin America on Sunday and is visiting Mexico, "
        "Peru, Chile and Argentina.",
        ("ESP", "MEX", "CONSULT"),
        "asserted",
    ),
    # a past list of visits all happened
    (
        "Last month the Spanish king visited Mexico, Peru, Chile and Argentina.",
        ("ESP", "ARG", "CONSULT"),
        "asserted",
    ),
    # two stops: no tour order to read
    (
        "The Indian prime minister is visiting Germany and France this week.",
        ("IND", "FRA", "CONSULT"),
        "asserted",
    ),
    # an event noun in the predicate of a modal "be": only supposed
    (
        "The ceasefire could also have been part of a deal between Turkey and Russia.",
        ("TUR", "RUS", "AGREE"),
        "hypothetical",
    ),
    (
        "It could be about the cooperation between Japan and India, the minister said.",
        ("JPN", "IND", "COOPERATE"),
        "hypothetical",
    ),
    # ... under a plain "was": given
    (
        "The ceasefire was part of a deal between Turkey and Russia.",
        ("TUR", "RUS", "AGREE"),
        "asserted",
    ),
    # "the preparation of" a summit: not held yet
    (
        "The Kremlin spokesman commented on the preparation of a summit between the Russian and US leaders.",
        ("RUS", "USA", "CONSULT"),
        "hypothetical",
    ),
    # the predicate of what someone wants or needs: only wished
    (
        "The last thing any Israeli leader wants is US support for Iran.",
        ("USA", "IRN", "SUPPORT"),
        "hypothetical",
    ),
    (
        "What Tokyo needs now is a summit between Japan and South Korea.",
        ("JPN", "KOR", "CONSULT"),
        "hypothetical",
    ),
    # ... not the predicate of what someone achieved or did not expect: given
    (
        "What nobody expected was a US strike on Syria.",
        ("USA", "SYR", "ASSAULT"),
        "asserted",
    ),
    (
        "The one thing Tokyo achieved last year was a summit between Japan and South Korea.",
        ("JPN", "KOR", "CONSULT"),
        "asserted",
    ),
]


@pytest.mark.parametrize(("text", "event", "status"), ROWS)
def test_status_round9(nlp: Language, text: str, event: tuple[str, str | None, str], status: str) -> None:
    found = events(nlp, text, PUB)
    assert statuses_of(found, event) == {status}, found
