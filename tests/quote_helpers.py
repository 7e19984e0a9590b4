"""Shared by the quote table tests: run the pipeline on a sentence and compare its quotes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from spacy.language import Language

from entente import pipeline
from entente.nlp import extensions as ext
from entente.records import Quote

Expected = list[tuple[str, str, str]]  # (a word of the speaker, first words of the content, kind)
Run = Callable[[str], list[Quote]]


def quote_runner(nlp: Language, day: date = date(2024, 10, 14)) -> Run:
    def run(text: str) -> list[Quote]:
        return list(ext.quotes(nlp(pipeline.make_doc(nlp, text, day))))

    return run


def bare(text: str) -> str:
    """The text without double quotation marks, white space folded."""
    return " ".join(text.replace("“", "").replace("”", "").replace('"', "").replace("``", "").split())


def check_quotes(quotes: list[Quote], expected: Expected, lead_marks: str = "") -> None:
    """Every expected quote, in order: speaker word, content start (after ``lead_marks``), kind."""
    got = [(q.speaker_name or (q.speaker.text if q.speaker else ""), bare(q.text), q.kind) for q in quotes]
    assert len(quotes) == len(expected), got
    for (word, start, kind), (name, content, got_kind) in zip(expected, got, strict=True):
        assert word.lower() in name.lower(), got
        assert content.lstrip(lead_marks).startswith(start), got
        assert got_kind == kind, got
