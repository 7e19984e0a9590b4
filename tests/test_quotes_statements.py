"""What counts as a statement, and who made it (issue 3, generalisation to unseen articles).

Short texts written for these tests. Each case is ``(text, expected)``:
``expected`` lists ``(speaker word, first words of the content, kind)`` for
every quote the text holds (same reading as ``test_quotes_patterns.py``).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from entente import pipeline
from entente.nlp import extensions as ext
from quote_helpers import Expected, Run, check_quotes, quote_runner

CASES: list[tuple[str, Expected]] = [
    # an act cue with a bare noun phrase reports an act (an event), not a statement
    ("The spokeswoman condemned the bombing on Tuesday.", []),
    ("Anna Berg demanded an explanation from the embassy.", []),
    ("The ministry announced new restrictions on imports.", []),
    ("The host asked Lena Meyer about the vote.", []),
    # an infinitive of saying with nothing said
    ("Tom Fischer declined to comment.", []),
    # quoted words after an act cue are a statement
    (
        "Anna Berg condemned the “barbaric attack on our embassy in the capital”.",
        [("Berg", "the barbaric attack", "mixed")],
    ),
    # other object cues keep their noun phrase (PolNeAR counts "called for X")
    ("Tom Fischer called for a ban on the exports.", [("Fischer", "a ban on the exports", "reported")]),
    # a verb of saying with an object and "to be": what was reported about the object
    (
        "Several news outlets reported the general to be dead.",
        [("outlets", "the general to be dead", "reported")],
    ),
    # a passive subject is what was released, not who spoke
    ("Tom Fischer sent a letter to the minister; the new rules were released later the same day.", []),
    # two clauses: the one opened by "that" is what was reported
    (
        "The strike follows attacks on the embassy; the Times reported that the rockets were fired by a "
        "militia.",
        [("Times", "that the rockets were fired", "reported")],
    ),
    # a medium reporting what a source said: the source inside speaks
    (
        "Reuters reported on Monday a government source, whom it did not name, said the ban is not part "
        "of a wider plan.",
        [("source", "the ban is not part", "reported")],
    ),
    # the channel is not the speaker: who tweeted is
    (
        "“The airline carries weapons for the regime,” according to a tweet on Monday by Secretary of "
        "State Tom Fischer.",
        [("Fischer", "The airline carries weapons", "direct")],
    ),
    # a participle after a reported clause goes on the same speaker's words
    (
        "Bank president Tom Fischer said the use of foreign currencies “costs the region billions,” "
        "further saying, “It also reduces trade because dollars are scarce.”",
        [
            ("Fischer", "the use of foreign currencies", "mixed"),
            ("Fischer", "It also reduces trade", "direct"),
        ],
    ),
    # a short opening that only the cue and speaker separate from the rest of the quote
    (
        "Leaders met on Friday. “We stand ready” said Anna Berg “to provide whatever help we can to the "
        "region.”",
        [("Berg", "We stand ready", "direct")],
    ),
    # a role phrase resolves to the person it introduces
    (
        "US Ambassador to Germany Richard Brenner alleged that the airline had carried weapons.",
        [("Brenner", "that the airline had carried", "reported")],
    ),
    (
        "Retired FBI agent and terrorism specialist Ali Rahimi told NPR that the group had split.",
        [("Rahimi", "that the group had split", "reported")],
    ),
    (
        "Trade and industry commissioner Albert Mensah spoke at the summit. The commissioner said, “We "
        "have not yet agreed on the rules of origin.”",
        [("Mensah", "We have not yet agreed", "direct")],
    ),
]


@pytest.fixture(scope="module")
def run(nlp: Language) -> Run:
    return quote_runner(nlp)


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_statements(run: Run, text: str, expected: Expected) -> None:
    check_quotes(run(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "Minister says talks have collapsed\n\nOn Friday, the ministry announced new rules for the border.",
        "Envoy says the ceasefire is holding\n\nTuesday, March 3, 2020\n\nThe envoy spoke in Geneva.",
        "Minister says talks have collapsed\n\nTuesday, March 3, 2020\n\nThe envoy said in Geneva that the "
        "ceasefire was holding.",
    ],
)
def test_content_stays_in_its_paragraph(run: Run, text: str) -> None:
    for quote in run(text):
        assert "\n" not in quote.text, quote.text
        assert quote.speaker is not None and "\n" not in quote.speaker.text, quote.speaker.text


# Wikinews sentences by location (article id, start, end of the sentence in its text): an act cue with a
# bare noun phrase gives no quote; with a clause it does. Read at test time, never stored here.
WIKINEWS_ACTS: list[tuple[str, int, int, bool]] = [
    ("wikinews:33", 318, 380, False),  # a government announced days of mourning
    ("wikinews:132", 30, 125, False),  # an agency announced a death
    ("wikinews:147", 28, 184, False),  # a candidate announced the end of his campaign
    ("wikinews:11", 2896, 2981, False),  # he condemned a prejudice
    ("wikinews:89", 29, 212, True),  # the queen announced (that) she will comply
]


@pytest.mark.parametrize(
    ("article", "start", "end", "quoted"), WIKINEWS_ACTS, ids=[c[0] for c in WIKINEWS_ACTS]
)
def test_wikinews_act_cues(nlp: Language, shared, article: str, start: int, end: int, quoted: bool) -> None:  # type: ignore[no-untyped-def]
    from entente import corpora

    try:
        art = corpora.article(article)
    except Exception as exc:  # the corpus file is part of ../shared
        pytest.skip(f"Wikinews corpus not readable: {exc}")
    doc = nlp(pipeline.make_doc(nlp, art.text, art.published))
    cued = [q for q in ext.quotes(doc) if q.cue is not None and start <= q.cue.start < end]
    assert bool(cued) == quoted, [(q.speaker_name, q.text[:60]) for q in cued]
