"""Quotes and people on real articles: gold figures and sentences referenced by location.

Nothing here stores corpus text: the cases name an article (Wikinews id, or a
PolNeAR dev file) and a character range of its text, read at test time; the
expectations were written by reading those passages. Tests skip when
../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from entente import corpora, pipeline
from entente.nlp import extensions as ext
from entente.records import Quote

# (article, start, end, [(speaker word, kind, first words of the content)], addressee or None)
Case = tuple[str, int, int, list[tuple[str, str, str]], str | None]

WIKINEWS: list[Case] = [
    ("wikinews:1", 413, 764, [("Pelosi", "direct", "I pledge that")], "public"),
    (
        "wikinews:3",
        1309,
        1700,
        [("DeVita", "direct", "within probably"), ("Sheriff", "direct", "required all hands")],
        None,
    ),
    ("wikinews:4", 702, 1100, [("Cruz", "direct", "For too long")], None),
    (
        "wikinews:6",
        577,
        1165,
        [
            ("Trump", "direct", "I can do it"),
            ("Trump", "reported", "that he would prefer"),
            ("Trump", "direct", "I never threaten"),  # "He also said"
            ("Trump", "reported", "that the wall"),
            ("Pence", "mixed", "the United States is"),  # "The Vice President, Mike Pence, said"
            ("Pelosi", "direct", "We are committed"),
        ],
        None,
    ),
    ("wikinews:7", 1183, 1357, [("Stamenkovi", "direct", "We were absolutely")], "National Geographic"),
    (
        "wikinews:8",
        1762,
        2363,
        [("Smith", "mixed", "that crews might"), ("Miller", "reported", "an AIS transponder")],
        "Wikinews",
    ),
]

POLNEAR: list[Case] = [
    # a quote split around "said X", then "X continued:" before a quote paragraph
    (
        "breitbart_2016-09-15_pat-caddell-democrat-voters-worr",
        300,
        560,
        [("Caddell", "direct", "One of the things")],
        None,
    ),
    (
        "breitbart_2016-09-15_pat-caddell-democrat-voters-worr",
        560,
        1080,
        [("Caddell", "direct", "The health")],
        None,
    ),
]


def _bare(text: str) -> str:
    return " ".join(text.replace("“", "").replace("”", "").replace('"', "").split())


def _check(
    quotes: list[Quote], start: int, end: int, expected: list[tuple[str, str, str]], to: str | None
) -> None:
    inside = [q for q in quotes if start <= q.content[0].start < end]
    got = [(q.speaker_name, q.kind, _bare(q.text)[:40]) for q in inside]
    for word, kind, first in expected:
        hits = [q for q in inside if _bare(q.text).startswith(first)]
        assert hits, (first, got)
        assert word in (hits[0].speaker_name or ""), (first, got)
        assert hits[0].kind == kind, (first, got)
    if to is not None:
        assert any(q.addressee and to in q.addressee for q in inside), got


@pytest.mark.parametrize(
    ("article", "start", "end", "expected", "to"), WIKINEWS, ids=[f"{c[0]}:{c[1]}" for c in WIKINEWS]
)
def test_wikinews_passages(
    nlp: Language, shared: Path, article: str, start: int, end: int, expected, to
) -> None:  # type: ignore[no-untyped-def]
    try:
        art = corpora.article(article)
    except Exception as exc:  # the corpus file is part of ../shared
        pytest.skip(f"Wikinews corpus not readable: {exc}")
    doc = nlp(pipeline.make_doc(nlp, art.text, art.published))
    _check(list(ext.quotes(doc)), start, end, expected, to)


@pytest.mark.parametrize(
    ("name", "start", "end", "expected", "to"), POLNEAR, ids=[f"{c[0][:20]}:{c[1]}" for c in POLNEAR]
)
def test_polnear_passages(nlp: Language, shared: Path, name: str, start: int, end: int, expected, to) -> None:  # type: ignore[no-untyped-def]
    path = shared / "gold" / "polnear-dev" / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    text = path.read_text("utf-8")
    doc = nlp(pipeline.make_doc(nlp, text, None))
    _check(list(ext.quotes(doc)), start, end, expected, to)


def test_reference_article_figures(nlp: Language, reference: Path) -> None:
    from entente.eval.run import evaluate

    result = evaluate([reference.with_suffix(".gold.yaml")], nlp=nlp)
    figures = result.total
    assert figures["quotes_f1"] is not None and figures["quotes_f1"] >= 0.95
    assert figures["speaker_accuracy"] == 1.0
    assert figures["false_quotes"] == 0
    assert figures["people_f1"] is not None and figures["people_f1"] >= 0.9
    assert figures["affiliation_accuracy"] == 1.0


@pytest.mark.slow
def test_polnear_dev_figures(nlp: Language, shared: Path) -> None:
    from entente.eval.run import evaluate

    folder = shared / "gold" / "polnear-dev"
    if not folder.exists():
        pytest.skip(f"{folder} is absent")
    figures = evaluate([folder], nlp=nlp).total
    assert figures["direct_quotes_f1"] is not None and figures["direct_quotes_f1"] >= 0.85
    assert figures["speaker_accuracy"] is not None and figures["speaker_accuracy"] >= 0.85
    assert figures["quotes_recall"] is not None and figures["quotes_recall"] >= 0.6
