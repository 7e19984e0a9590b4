"""Alembic migrations of the store, run by :func:`entente.store.open_store` (upgrade to head)."""
