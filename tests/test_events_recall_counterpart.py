"""entente_events: the other party of a meeting left unnamed, from the meeting before it (issue 13).

"X arrived in Beijing. He held talks on trade": the talks (no object, no
"with" phrase) take the one state the previous sentence's meeting or visit
had with the same source (events/counterpart.py). Rows that must not fire
keep the readings the rule must leave alone: a counterpart named in the
clause, no meeting the sentence before, two candidates, a plan.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from entente import pipeline
from entente.events.counterpart import Counterparts
from entente.nlp import extensions as ext

PUB = date(2024, 10, 14)
Row = tuple[str, str | None, str, str]  # (trigger, counterpart pair joined, type, status)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline.load()


def by_trigger(nlp: Language, text: str, trigger: str) -> set[tuple[str, str, str]]:
    """(pair "A-B" sorted, type, status) of the events whose trigger is ``trigger``."""
    doc = nlp(pipeline.make_doc(nlp, text, PUB))
    return {
        ("-".join(sorted((e.source, e.target or ""))), e.type, e.status)
        for e in ext.events(doc)
        if e.trigger.text == trigger
    }


# (text, trigger word, events of that trigger as (pair, type, status))
FIRES: list[tuple[str, str, set[tuple[str, str, str]]]] = [
    # a visit, then talks with no counterpart named: the host
    (
        "Australian Foreign Minister Julie Bishop arrived in Jakarta on Monday."
        " She held talks on fishing and trade.",
        "talks",
        {("AUS-IDN", "CONSULT", "asserted")},
    ),
    # a meeting, then a second one told without its counterpart
    (
        "Japanese Prime Minister Shinzo Abe met Chinese President Xi Jinping in Beijing."
        " Abe also held talks on Tuesday.",
        "talks",
        {("CHN-JPN", "CONSULT", "asserted")},
    ),
    # a bare intransitive "met" after a visit
    (
        "US Secretary of State Rex Tillerson arrived in Beijing on Saturday. Tillerson met for two hours.",
        "met",
        {("CHN-USA", "CONSULT", "asserted")},
    ),
    # talks held in another state's capital: the host
    (
        "Japanese Prime Minister Shinzo Abe held talks in Moscow on Friday.",
        "talks",
        {("JPN-RUS", "CONSULT", "asserted")},
    ),
    # "his meetings in Beijing": a possessive source and the host
    (
        "US Secretary of State Rex Tillerson struck a cordial tone during his meetings in Beijing.",
        "meetings",
        {("CHN-USA", "CONSULT", "asserted")},
    ),
    # a plan in a host capital keeps its status
    (
        "Japanese Prime Minister Shinzo Abe will hold talks in Moscow next month.",
        "talks",
        {("JPN-RUS", "CONSULT", "hypothetical")},
    ),
]

# (text, trigger word): no event of that trigger
SILENT: list[tuple[str, str]] = [
    # no meeting in the sentence before, only a criticism of the one state named
    (
        "The Russian foreign minister criticised the Ukrainian government."
        " Sergei Lavrov had a meeting on Monday.",
        "meeting",
    ),
    # the clause names a counterpart of its own, not an actor
    (
        "Australian Foreign Minister Julie Bishop arrived in Jakarta on Monday."
        " She held talks with local business groups.",
        "talks",
    ),
    # an object that is no actor: "met reporters"
    (
        "Australian Foreign Minister Julie Bishop arrived in Jakarta on Monday."
        " She met reporters at the airport.",
        "met",
    ),
    # two sentences back is too far
    (
        "Australian Foreign Minister Julie Bishop arrived in Jakarta on Monday. The weather was hot."
        " She held talks on fishing.",
        "talks",
    ),
    # a plan, not a meeting held: "to meet"
    (
        "Australian Foreign Minister Julie Bishop arrived in Jakarta on Monday. She hopes to meet soon.",
        "meet",
    ),
    # talks at home: no host
    ("Japanese Prime Minister Shinzo Abe held talks in Tokyo on Friday.", "talks"),
    # a seat city is no host
    ("Japanese Prime Minister Shinzo Abe held talks in Brussels on Friday.", "talks"),
    # a place named beside someone else in the sentence: left to the parse
    ("Japanese Prime Minister Shinzo Abe held talks in Moscow after Chinese protests.", "talks"),
    # an organisation meeting in a member state: no visit, no host
    ("Ministers of the Arab League held meetings in Jordan on Sunday.", "meetings"),
    # a coordinated subject: the other party is the conjunct, actor or not
    (
        "A delegation of the provincial government and a Chinese delegation had a meeting in Moscow.",
        "meeting",
    ),
    # a relative subject: the meeting of the phrase it hangs on
    ("Negotiators for the rebels and Kiev, who met in Minsk on Friday, agreed to swap prisoners.", "met"),
    # "our meeting": with the one spoken to, not the host
    ('"I recall our meeting in London in 2013," the Japanese foreign minister said.', "meeting"),
    # a named place that is no host stops the previous sentence's counterpart
    (
        "Australian Foreign Minister Julie Bishop arrived in Jakarta on Monday."
        " She held talks in Geneva on Tuesday.",
        "talks",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), FIRES)
def test_counterpart_from_previous_meeting(
    nlp: Language, text: str, trigger: str, expected: set[tuple[str, str, str]]
) -> None:
    assert by_trigger(nlp, text, trigger) == expected


@pytest.mark.parametrize(("text", "trigger"), SILENT)
def test_no_counterpart(nlp: Language, text: str, trigger: str) -> None:
    assert by_trigger(nlp, text, trigger) == set()


def test_off_switch(nlp: Language) -> None:
    """With the flag off the rule adds nothing: the talks keep no target."""
    text = "Australian Foreign Minister Julie Bishop arrived in Jakarta. She held talks on trade."
    doc = nlp.make_doc(text)
    assert doc.text == text
    off = Counterparts.__new__(Counterparts)
    off.on, off.types, off.met = False, frozenset({"CONSULT"}), {}
    assert off.target(doc[0], "CONSULT", ["AUS"], {"hold"}) == []
