"""The store: analyses in SQLite or PostgreSQL (SQLAlchemy Core, Alembic migrations), idempotent
per article and version, with near-duplicates grouped into stories (MinHash LSH).

>>> from entente.store import open_store
>>> store = open_store("sqlite:///entente.db")   # doctest: +SKIP
"""

from __future__ import annotations

from entente.store.core import Store, current_version, open_store
from entente.store.engine import DEFAULT_URL, normalise_url
from entente.store.write import WriteResult

__all__ = ["DEFAULT_URL", "Store", "WriteResult", "current_version", "normalise_url", "open_store"]
