"""Opening a store: the URL, the engine (SQLite or PostgreSQL) and the schema upgrade (Alembic)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from entente.errors import E, EntenteError

MIGRATIONS = Path(__file__).parent / "migrations"
DEFAULT_URL = "sqlite:///entente.db"


def normalise_url(url: str) -> str:
    """A SQLAlchemy URL: a bare path means SQLite, ``postgresql://`` means psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{url}"
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def shown(url: str) -> str:
    """``url`` with its password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # a killed process loses nothing committed
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _config(engine_connection: Any) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = engine_connection
    return config


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def create(url: str) -> Engine:
    """An engine for ``url`` whose schema is at the newest revision (created or upgraded)."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            folder = Path(parsed.database).parent
            if not folder.is_dir():
                raise EntenteError(E.E020, url=shown(url), cause=f"no folder {folder}")
        # a file needs no liveness check (one statement less per transaction); a server does
        engine = create_engine(url, pool_pre_ping=parsed.get_backend_name() != "sqlite")
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise EntenteError(E.E020, url=shown(url), cause=str(exc).splitlines()[0]) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        upgrade(engine, url)
    except DBAPIError as exc:
        engine.dispose()
        cause = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise EntenteError(E.E020, url=shown(url), cause=cause) from exc
    return engine


def upgrade(engine: Engine, url: str) -> None:
    head = head_revision()
    with engine.begin() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        known = {s.revision for s in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}
        if current is not None and current not in known:
            raise EntenteError(E.E021, url=shown(url), revision=current, head=head)
        command.upgrade(_config(conn), "head")
