"""Status of events that did not (yet) happen: unspecific, conditional, called off.

Sentences written for the status errors of the NewsArticles hand check: "any"
aggression, "in the case of" an agreement, "prospects for" cooperation through a
chain of "of" nouns, and visits postponed, cancelled or called off. Each table
keeps rows whose event did happen.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from entente.events.vet_senses import describes_participant
from entente.nlp import extensions as ext
from entente.records import Quote, Span

PUB = date(2017, 3, 1)


def statuses(nlp: Language, text: str) -> dict[tuple[str, str | None, str], str]:
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    return {(e.source, e.target, e.type): e.status for e in ext.events(doc)}


# (text, (source, target, type), status)
STATUS = [
    # unspecific: "any" aggression is none in particular
    (
        "We will defend Lithuania and Latvia against any Russian aggression, the minister said.",
        ("RUS", "LTU", "ASSAULT"),
        "hypothetical",
    ),
    ("Russian aggression against Ukraine began in 2014.", ("RUS", "UKR", "ASSAULT"), "asserted"),
    # conditions
    (
        "Seoul worries that in the case of a trade agreement between Japan and China its exports would fall.",
        ("JPN", "CHN", "AGREE"),
        "hypothetical",
    ),
    (
        "In the event of a war between Iran and Iraq, refugees would flee north.",
        ("IRN", "IRQ", "ASSAULT"),
        "hypothetical",
    ),
    # prospects, through a chain of "of" nouns
    (
        "The lifting of the embargo opened new prospects for the expansion of trade cooperation "
        "between Cuba and Mexico.",
        ("CUB", "MEX", "COOPERATE"),
        "hypothetical",
    ),
    (
        "Officials praised the expansion of trade cooperation between Cuba and Mexico last year.",
        ("CUB", "MEX", "COOPERATE"),
        "asserted",
    ),
    # a topic of talks is not an event that happened: no COOPERATE at all (the word senses now
    # recode the topic to the talks' CONSULT; before, it was a hypothetical COOPERATE)
    (
        "Issues of cooperation between Peru and Chile were discussed at the meeting.",
        ("PER", "CHL", "COOPERATE"),
        None,
    ),
    # planned, expected or scheduled in the passive, as "expected talks"
    ("Talks between Iran and Iraq are expected next week.", ("IRN", "IRQ", "CONSULT"), "hypothetical"),
    ("Talks between Iran and Iraq were held in Baghdad.", ("IRN", "IRQ", "CONSULT"), "asserted"),
    # a gerund subject of a modal clause: the act is only considered
    ("Russia attacking Ukraine would be a disaster.", ("RUS", "UKR", "ASSAULT"), "hypothetical"),
    # a possessed event inside reported speech is given, not reported
    ("Trump said his summit with Merkel had gone well.", ("USA", "DEU", "CONSULT"), "asserted"),
    ("Russia said its strikes on Syria had killed terrorists.", ("RUS", "SYR", "ASSAULT"), "asserted"),
    # and a plain report stays on the speaker's word
    ("Ukraine said Russia had shelled Moldova.", ("RUS", "MDA", "ASSAULT"), "attributed"),
    # visits put off
    ("Erdogan postponed his visit to Austria.", ("TUR", "AUT", "CONSULT"), "negated"),
    ("Putin cancelled his trip to Finland after the floods.", ("RUS", "FIN", "CONSULT"), "negated"),
    ("Erdogan began his visit to Austria on Monday.", ("TUR", "AUT", "CONSULT"), "asserted"),
    # dated after the report (published 1 March 2017): not yet happened
    (
        "The foreign ministry announced the Chinese president's visit to Switzerland from March 15 to 18.",
        ("CHN", "CHE", "CONSULT"),
        "hypothetical",
    ),
    ("The Chinese president visited Switzerland on February 15.", ("CHN", "CHE", "CONSULT"), "asserted"),
    # looked forward to, prepared for, a way paved for
    (
        "Washington is looking forward to the first meeting between Trump and the Chinese president.",
        ("USA", "CHN", "CONSULT"),
        "hypothetical",
    ),
    (
        "Officials discussed preparations for the British foreign secretary's visit to Russia.",
        ("GBR", "RUS", "CONSULT"),
        "hypothetical",
    ),
    (
        "The Russian trip is meant to pave the way for a visit by the Japanese prime minister to Russia.",
        ("JPN", "RUS", "CONSULT"),
        "hypothetical",
    ),
]


@pytest.mark.parametrize(("text", "key", "status"), STATUS)
def test_status_of_unrealised_events(
    nlp: Language, text: str, key: tuple[str, str, str], status: str | None
) -> None:
    found = statuses(nlp, text)
    assert found.get(key) == status, found


@pytest.mark.parametrize(
    ("text", "trigger", "described"),
    [
        # a relative clause on the asked person describes them: the narrator's words
        ("Protesters asked Carrie Lam, who is supported by Beijing, to resign.", "supported", True),
        # the content of the request is the speaker's
        ("Protesters asked that Beijing stop supporting Carrie Lam.", "supporting", False),
    ],
)
def test_relative_clause_on_the_reported_party_is_narration(
    nlp: Language, text: str, trigger: str, described: bool
) -> None:
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    cue = next(t for t in doc if t.lower_ == "asked")
    rest = doc[cue.i + 1 : len(doc) - 1]
    quote = Quote(
        content=(Span(rest.start_char, rest.end_char, rest.text),),
        kind="reported",
        speaker=None,
        speaker_name="Protesters",
        cue=Span(cue.idx, cue.idx + len(cue.text), cue.text),
    )
    ext.set_quotes(doc, [quote])
    tok = next(t for t in doc if t.lower_ == trigger)
    assert describes_participant(doc, tok) is described
