"""The store's data version: a counter in ``store_meta`` that every write of analysis rows moves on.

Readers that keep what they computed from the store (``entente.graph``'s window counts) key it
by :func:`data_version` and so never serve an answer older than the last write. The counter is
moved by :func:`touch` in the writer's own transaction (``entente.store.aggregate.add_events``
and ``retract_article``, which every new or replaced article goes through, and ``rebuild``), so
a reader sees the new version and the new rows together. A store never written since this counter
existed has none (:func:`data_version` is None): such answers are not kept.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Connection, Engine, Text, cast, select
from sqlalchemy.dialects import postgresql, sqlite

from entente.store.schema import meta

KEY = "data_version"


def touch(conn: Connection) -> None:
    """Give the store a new data version (in ``conn``'s transaction).

    The version counts the writes (``1``, ``2``, ...): two stores given the same articles end
    with the same version, whatever the order or the number of workers that wrote them.
    """
    dialect: Any = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(meta).values(key=KEY, value="1")
    following = cast(cast(meta.c.value, BigInteger) + 1, Text)
    conn.execute(stmt.on_conflict_do_update(index_elements=[meta.c.key], set_={"value": following}))


def data_version(bind: Engine | Connection) -> str | None:
    """The store's data version (None: no write has set one)."""
    if isinstance(bind, Connection):
        return bind.scalar(select(meta.c.value).where(meta.c.key == KEY))
    with bind.connect() as conn:
        return data_version(conn)
