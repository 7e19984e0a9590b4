"""Offset exactness: every cleaned character maps back to the same character of the input."""

from __future__ import annotations

import random

import pytest

from entente.errors import EntenteError
from entente.ingest import load_text
from entente.records import Span
from ingest_helpers import assert_offsets_exact

# Fragments that exercise every rule: body sentences, captions with credits,
# lone credits, boilerplate, legends, mangled punctuation, odd white space.
FRAGMENTS = [
    "The council voted on Tuesday to extend the programme for another two years.",
    "Critics said the plan was rushed and asked for a public hearing before any vote.",
    "Residents gather outside the town hall before the vote on Tuesday. Photo: Reuters",
    "Residents gather outside the town hall before the vote on Tuesday. Photo: Reuters",
    "Reuters",
    "Loading...",
    "Advertisement",
    "██ Party A - 4 seats",
    "Route 6",
    "Related",
    'She said "no"?to the offer,"?and left "?quickly.',
    'He didn"t answer "\ufffdany questions"?about it.',
    'She called it "\ufffdfake"\ufffd?and "?walked out.',
    "It cost ?40 a ticket.",
    "What is “fair”? Nobody agreed.",
    "A heading",
    "",
    "   ",
    "\t",
    "Friday, January 4, 2019",
]
SEPARATORS = ["\n", "\n\n", "\n\n\n", "\r\n", " ", "  \n \n"]


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 14)):
        parts.append(rng.choice(FRAGMENTS))
        parts.append(rng.choice(SEPARATORS))
    return "".join(parts)


@pytest.mark.parametrize("seed", range(300))
def test_random_texts_map_exactly(seed: int) -> None:
    text = random_text(random.Random(seed))
    try:
        doc = load_text(text)
    except EntenteError as exc:  # only empty or all-furniture inputs may fail
        assert exc.message.code in ("E002", "E012")
        return
    assert doc.raw == text
    assert_offsets_exact(doc)


@pytest.mark.parametrize("seed", range(50))
def test_random_spans_map_back(seed: int) -> None:
    rng = random.Random(1000 + seed)
    text = "\n\n".join(FRAGMENTS[:4] + FRAGMENTS[10:14])
    doc = load_text(text)
    n = len(doc.info.text)
    start = rng.randrange(n)
    end = rng.randrange(start + 1, n + 1)
    span = doc.map_span(Span(start, end, doc.info.text[start:end]))
    assert span.text == text[span.start : span.end]
    # the mapped span starts and ends on the same characters as the cleaned span
    assert span.text[0] == doc.info.text[start] or doc.info.text[start] in "’— £€"
    assert span.text[-1] == doc.info.text[end - 1] or doc.info.text[end - 1] in "’— £€"
