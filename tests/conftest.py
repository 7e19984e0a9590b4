"""Shared fixtures: one spaCy pipeline per test session, and the ../shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from entente.corpora import shared_dir


@pytest.fixture(scope="session")
def nlp() -> Language:
    from entente import pipeline

    return pipeline.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    found = shared_dir()
    if found is None:
        pytest.skip("../shared is absent: it holds the gold files and corpora these tests read")
    return found


@pytest.fixture(scope="session")
def reference(shared: Path) -> Path:
    path = shared / "gold" / "russia-iran-entente.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path
