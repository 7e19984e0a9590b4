"""Status kinds of the sixth NewsArticles hand check (events/attribution.py, events/status.py).

Sentences written for each kind, with rows that keep the other reading next to the rows a
rule changes: a state's past speech act with its speaker trailing (narrated: asserted), a
reporting verb joined by "but" (it speaks for its own clause), a cause or purpose phrase
("due to the decision to ...", "the goal of an attack": taken for granted), the content of
"reports that" (on the reports' word), an obligation or an opening with a to-infinitive
("has a duty to", "sees an opportunity to": not done), and a noun coordinated with the object
of a future verb ("will boost X, as well as cooperation": only a goal).
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from entente.events.dates import after_publication, find_dates
from event_helpers import events

PUB = date(2017, 3, 1)

# (text, (source, target, type), status)
ROWS = [
    # a state's past speech act, its speaker trailing: the statement itself, narrated
    (
        "Japan urged China to halt construction on the disputed reefs, a foreign ministry spokesman "
        "said on Tuesday.",
        ("JPN", "CHN", "REQUEST"),
        "asserted",
    ),
    # the same with a headline glued before it (the parser takes the call as a relative clause)
    (
        "Tokyo told to honour its promises Japan urged China to halt construction on the reefs, a "
        "foreign ministry spokesman said on Tuesday.",
        ("JPN", "CHN", "REQUEST"),
        "asserted",
    ),
    # its own account with a pronoun subject, and another state's speaker: on the speaker's word
    (
        "Japan said it urged China to halt construction on the disputed reefs.",
        ("JPN", "CHN", "REQUEST"),
        "attributed",
    ),
    (
        "Japan urged China to halt construction on the reefs, notes Maria Lopez, an analyst in Lima.",
        ("JPN", "CHN", "REQUEST"),
        "attributed",
    ),
    (
        "China accused Japan of provoking the crisis, the Russian foreign ministry said on Tuesday.",
        ("CHN", "JPN", "ACCUSE"),
        "attributed",
    ),
    # a reporting verb after "but" speaks for its own clause
    (
        "Germany has praised Turkey's restraint, but the Greek government notes the risk of a new crisis.",
        ("DEU", "TUR", "SUPPORT"),
        "asserted",
    ),
    (
        "Germany has praised Turkey's restraint, notes the Greek government.",
        ("DEU", "TUR", "SUPPORT"),
        "attributed",
    ),
    # a cause or purpose phrase inside reported speech: taken for granted
    (
        "Analysts said the fall in trade was due to a Russian attack on Turkey.",
        ("RUS", "TUR", "ASSAULT"),
        "asserted",
    ),
    (
        "Analysts said the fall in trade was due to Moscow's decision to impose sanctions on Turkey.",
        ("RUS", "TUR", "SANCTION"),
        "asserted",
    ),
    (
        "Analysts said a Russian attack on Turkey caused the fall in trade.",
        ("RUS", "TUR", "ASSAULT"),
        "attributed",
    ),
    (
        "The minister said the goal of a Turkish attack on Syria is to push the militants back from "
        "the border.",
        ("TUR", "SYR", "ASSAULT"),
        "asserted",
    ),
    (
        "The minister said a Turkish attack on Syria is under way.",
        ("TUR", "SYR", "ASSAULT"),
        "attributed",
    ),
    # the content of "reports that" is on the reports' word
    (
        "Critics pointed to reports that Pakistan shelled Indian posts overnight.",
        ("PAK", "IND", "ASSAULT"),
        "attributed",
    ),
    ("Pakistan shelled Indian posts overnight.", ("PAK", "IND", "ASSAULT"), "asserted"),
    # an obligation or an opening with a to-infinitive: not done
    ("Canada has a duty to cooperate with Mexico on migration.", ("CAN", "MEX", "COOPERATE"), "hypothetical"),
    ("Canada cooperated with Mexico on migration.", ("CAN", "MEX", "COOPERATE"), "asserted"),
    (
        "Brazil sees an opportunity to sell more weapons to Angola.",
        ("BRA", "AGO", "AID"),
        "hypothetical",
    ),
    # a direct quote's speech act is the quote's claim
    (
        '"In talks last week, Japan urged China to halt construction on the reefs," the foreign minister '
        "said on Tuesday.",
        ("JPN", "CHN", "REQUEST"),
        "attributed",
    ),
    # a noun coordinated with the object of a future verb: only a goal
    (
        "The new bank will boost the growth of trade, as well as military cooperation between India "
        "and Japan.",
        ("IND", "JPN", "COOPERATE"),
        "hypothetical",
    ),
    (
        "The fair boosted the growth of trade, as well as military cooperation between India and Japan.",
        ("IND", "JPN", "COOPERATE"),
        "asserted",
    ),
]


@pytest.mark.parametrize(("text", "event", "status"), ROWS)
def test_status_round6(nlp: Language, text: str, event: tuple[str, str, str], status: str) -> None:
    found = {(s, t, ty): st for s, t, ty, st in events(nlp, text, PUB)}
    assert found.get(event) == status, found


# (text, published, date value, after publication): "last <month>" is the one before the paper's month
DATES = [
    ("Last April, Israel struck targets in Syria.", date(2017, 3, 19), "2016-04", False),
    ("Last March, Israel struck targets in Syria.", date(2017, 3, 19), "2016-03", False),
    ("Last January, Israel struck targets in Syria.", date(2017, 3, 19), "2017-01", False),
    ("Israel will strike targets in Syria in April.", date(2017, 3, 19), "2017-04", True),
]


@pytest.mark.parametrize(("text", "published", "value", "ahead"), DATES)
def test_last_month(nlp: Language, text: str, published: date, value: str, ahead: bool) -> None:
    doc = nlp(pipeline.make_doc(nlp, text, published))
    found = [f.value for s in doc.sents for f in find_dates(s, published)]
    assert [d.value for d in found] == [value]
    assert after_publication(found[0], published) is ahead
