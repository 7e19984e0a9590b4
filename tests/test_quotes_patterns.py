"""Quote extraction rules (issue 3) on short texts written for these tests.

Each case is ``(text, expected)`` where ``expected`` lists, for every quote the
text holds, ``(speaker word, first words of the content, kind)``: the speaker
word must occur in the resolved speaker name (or, for unresolved pronouns, in
the speaker mention), the content (quote marks dropped) must start with the
given words, and no other quote may be found.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from quote_helpers import Expected, Run, check_quotes, quote_runner

CASES: list[tuple[str, Expected]] = [
    # direct, cue and speaker after the quote (inverted "said X", appositive)
    (
        "“We will keep talking to everyone in the region,” said Anna Berg, a senior analyst at the "
        "Baltic Policy Institute.",
        [("Berg", "We will keep talking", "direct")],
    ),
    # direct, speaker before the quote, passive cue ("was quoted as telling")
    (
        "Egyptian President Abdel Fattah el-Sisi was quoted as telling the delegates, “Egypt stands ready "
        "to host the next round of talks.”",
        [("Sisi", "Egypt stands ready", "direct")],
    ),
    # straight and mangled quote marks
    ('"The harvest is lost," the farmer said.', [("farmer", "The harvest is lost", "direct")]),
    (
        "``The harvest is lost for this year,'' the farmer said.",
        [("farmer", "The harvest is lost", "direct")],
    ),
    # reported speech: "X says (that) ..."
    (
        "Tom Fischer, a professor of history at Oslo University, says the talks are stalling.",
        [("Fischer", "the talks are stalling", "reported")],
    ),
    ("Lena Meyer told Reuters that the vote had been rigged.", [("Meyer", "that the vote", "reported")]),
    # clause-final cue: "..., notes X" / "..., X says."
    (
        "The plan is far too ambitious for a single year, notes Peter Hahn, an economist at the Kiel "
        "Institute.",
        [("Hahn", "The plan is far too ambitious", "reported")],
    ),
    # according to X
    (
        "According to Jan Novak, the border will stay closed until the spring.",
        [("Novak", "the border will stay closed", "reported")],
    ),
    # mixed: a quoted fragment inside reported speech; speaker from "according to him"
    (
        "Jan Novak spoke to the press on Friday. According to him, the army is “far weaker than it looks "
        "on paper”.",
        [("Novak", "the army is", "mixed")],
    ),
    # one quote around its cue: two stretches, one speaker
    (
        "Maria Lopez spoke at the rally. “We are not going anywhere,” she said. “This is our home and we "
        "will stay.”",
        [("Lopez", "We are not going anywhere", "direct")],
    ),
    # a quote split by its cue and speaker is one quote
    (
        "“It is clear,” said Anna Berg, a fellow at the Kiel Institute, “that the talks have failed.”",
        [("Berg", "It is clear", "direct")],
    ),
    # a parenthetical cue inside the sentence it attributes
    ("The talks, Anna Berg said, would resume in March.", [("Berg", "The talks would resume", "reported")]),
    # a short whole sentence in quotes after an attributed one belongs to it
    (
        "“This is unacceptable,” said Josep Borrell, the EU's foreign policy chief. “Europe will respond.”",
        [("Borrell", "This is unacceptable", "direct")],
    ),
    # a quote paragraph after a reported one takes its speaker from it
    (
        "Peter Hahn said on Tuesday that the economy would shrink.\n\n“We have never seen anything like "
        "this in forty years,” he told the BBC.",
        [("Hahn", "that the economy would shrink", "reported"), ("Hahn", "We have never seen", "direct")],
    ),
    # a quote over two paragraphs after "X went on:"
    (
        "Hahn went on:\n\n“The numbers are dreadful. Exports fell by a third.\n\n“Imports fell by half "
        "and nobody expects a recovery.”",
        [("Hahn", "The numbers are dreadful", "direct")],
    ),
    # a participle after a quote is an attribution of its own
    (
        "“The war has changed everything,” the minister said, adding that sanctions were working.",
        [
            ("minister", "The war has changed everything", "direct"),
            ("minister", "that sanctions", "reported"),
        ],
    ),
    # a nested quote with a speaker of its own inside the quote
    (
        "“It says a lot when Ivan Petrov repeats that ‘our only friends are the army and the navy,’” "
        "Hahn said.",
        [("Hahn", "It says a lot", "direct"), ("Petrov", "our only friends", "direct")],
    ),
    # typographic attributions: a dash after the quote, a transcript line
    (
        "“Bad harvests will follow, and prices with them,” ― Omar Haddad",
        [("Haddad", "Bad harvests", "direct")],
    ),
    ("PENCE: Well, look, I think the debate went very well for us.", [("PENCE", "Well, look", "reported")]),
    # relative clause speaker
    (
        "The senator, who said last week that the bill was dead, voted for it on Friday.",
        [("senator", "that the bill was dead", "reported")],
    ),
    # not quotes: names and scare quotes, however they are marked
    ("Supporters chanted slogans about the “Axis of Resistance” and the “special military operation”.", []),
    ('Critics call him "the fixer" and worse.', []),
    ("Some experts suspect that the ceasefire will not hold.", []),  # no one in particular
    ("The Trump administration imposed new tariffs, and Putin's government responded with a ban.", []),
]


@pytest.fixture(scope="module")
def run(nlp: Language) -> Run:
    return quote_runner(nlp)


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_quote_patterns(run: Run, text: str, expected: Expected) -> None:
    check_quotes(run(text), expected, lead_marks="‘'")


def test_quote_offsets_index_the_text(run: Run) -> None:
    text = "Intro line.\n\n“Prices will fall by spring,” the ministry said in a statement."
    (quote,) = run(text)
    for span in quote.content:
        assert text[span.start : span.end] == span.text
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and text[quote.speaker.start : quote.speaker.end] == "the ministry"


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("“Talks will go on until we agree,” Anna Berg told Reuters.", "Reuters"),
        ("Lena Meyer said to the committee, “The vote had been rigged from the start.”", "committee"),
    ],
)
def test_addressee(run: Run, text: str, addressee: str) -> None:
    (quote,) = run(text)
    assert quote.addressee is not None and addressee in quote.addressee


@pytest.mark.parametrize(
    ("text", "speaker", "actor"),
    [
        # an institution named before: "the ministry" is that ministry, speaking for its state
        (
            "The Russian Foreign Ministry summoned the ambassador. "
            "The ministry said that Moscow would respond.",
            "Russian Foreign Ministry",
            "RUS",
        ),
        ("The Kremlin said on Monday that the talks with Kyiv had failed.", "Kremlin", "RUS"),
        # a description: the office holder on the publication date (2024-10-14)
        ("The Iranian president said on Monday that Tehran would respond.", "Pezeshkian", "IRN"),
        # an independent expert speaks for no state
        (
            "Anna Berg, an analyst at the Kiel Institute, said that Russia would not retreat.",
            "Anna Berg",
            None,
        ),
    ],
)
def test_speaker_actor(run: Run, text: str, speaker: str, actor: str | None) -> None:
    (quote,) = run(text)
    assert quote.speaker_name is not None and speaker in quote.speaker_name
    assert quote.speaker_actor == actor


@pytest.mark.parametrize(
    ("text", "actor", "sign"),
    [
        ("“Russia is our closest ally and a reliable partner,” said Anna Berg.", "RUS", 1),
        ("“Israel is a threat to the whole region and an enemy of us all,” said Anna Berg.", "ISR", -1),
        ("“Norway has held elections on time since 1945,” said Anna Berg.", "NOR", 0),
    ],
)
def test_stance_sign(run: Run, text: str, actor: str, sign: int) -> None:
    (quote,) = run(text)
    assert actor in quote.mentions
    value = dict(quote.stance)[actor]
    assert (value > 0) - (value < 0) == sign
