"""Shared fixtures: one spaCy pipeline per test session, and the ../shared folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from entente.corpora import shared_dir
from store_helpers import PgServer, PostgresUnavailable, start_postgres


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


# ------------------------------------------------------------------ the store's backends


@pytest.fixture(scope="session")
def postgres() -> Iterator[PgServer]:
    """A throwaway PostgreSQL server (tests/store_helpers.py). Skips where the binaries are
    missing, but fails in CI (CI=true), where .ci/run installs them."""
    try:
        server = start_postgres()
    except PostgresUnavailable as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(str(exc))
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store on each backend: a SQLite file, or a new database on the test server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'entente.db'}"
    server: PgServer = request.getfixturevalue("postgres")
    return server.create_database()


# ------------------------------------------------------------------ hypothesis profiles (tests/test_fuzz.py)

from hypothesis import settings as _hypothesis_settings  # noqa: E402

# ci: bounded, so that `make test` stays quick;
# nightly: HYPOTHESIS_PROFILE=nightly (docs/limits.md, "Fuzzing")
_hypothesis_settings.register_profile("ci", max_examples=40, deadline=None, print_blob=True)
_hypothesis_settings.register_profile("nightly", max_examples=2000, deadline=None, print_blob=True)
_hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
