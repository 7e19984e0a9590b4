"""Pairing quotation marks into segments (quotes/marks.py): no model needed."""

from __future__ import annotations

import pytest

from entente.nlp.marks import find_segments


def inner(text: str, depth: int = 0) -> list[str]:
    return [text[s.inner_start : s.inner_end] for s in find_segments(text) if s.depth == depth]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win” today.", ["we will win"]),
        ('He said "we will win" today.', ["we will win"]),
        ("He said ``we will win'' today.", ["we will win"]),
        ("He said â€œwe will winâ€\x9d today.", ["we will win"]),
        ("He said ”we will win” today.", ["we will win"]),  # closing mark used to open
        ("“One,” he said. “Two.”", ["One,", "Two."]),
        (
            "“I’d rather live in what he calls “hell” than here,” she said.",
            ["I’d rather live in what he calls “hell” than here,"],
        ),
        ("No quotes here, only an apostrophe in Russia’s war.", []),
        ("It was a “special operation”, officials said.", ["special operation"]),
    ],
)
def test_double_marks(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“They repeat that ‘friends are few, but we’ve got allies,’” he said.",
            ["friends are few, but we’ve got allies,"],
        ),
        ("“The leaders’ summit went well,” he said.", []),  # a plural possessive is no quote
    ],
)
def test_single_marks_nested_in_double(text: str, expected: list[str]) -> None:
    assert inner(text, depth=1) == expected


def test_quote_running_over_paragraphs_is_one_chain() -> None:
    text = "“First paragraph of the statement.\n\n“Second paragraph ends it,” she said.\n\nNext “thing” here."
    segs = [s for s in find_segments(text) if s.depth == 0]
    assert len(segs) == 3
    assert not segs[0].closed and segs[1].closed
    assert segs[0].chain == segs[1].chain != segs[2].chain


def test_british_single_quotes_without_double_marks() -> None:
    assert inner("Caddell: it is ‘in their heads’, he said.") == ["in their heads"]
