"""The :class:`Store`: write analyses idempotently, record failures, list and count what is stored."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import IntegrityError

from entente.records import Analysis
from entente.store import dedup, query
from entente.store.engine import DEFAULT_URL, create, normalise_url
from entente.store.schema import articles, failures, lsh_bands, meta, signatures
from entente.store.write import Rows, WriteResult, key_of, now, rows_of, write_copy, write_rows


def current_version() -> str:
    from entente import __version__

    return __version__


class Store:
    """A store of analyses in SQLite or PostgreSQL. Open with :func:`open_store`."""

    def __init__(self, engine: Engine, url: str, version: str | None = None) -> None:
        self.engine = engine
        self.url = url
        self.version = version or current_version()
        self.run = uuid.uuid4().hex
        self._check_dedup_params()

    @classmethod
    def open(cls, url: str = DEFAULT_URL, *, version: str | None = None) -> Store:
        """Open (and create or upgrade to the newest schema) the store at ``url``."""
        url = normalise_url(url)
        return cls(create(url), url, version)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def has(self, article_id: str, version: str | None = None) -> bool:
        """Whether the article is stored, analysed by ``version`` (default: this entente's)."""
        stmt = select(articles.c.id).where(
            articles.c.id == article_id, articles.c.version == (version or self.version)
        )
        with self.engine.connect() as conn:
            return conn.execute(stmt).first() is not None

    def has_input(self, input_hash: str, version: str | None = None) -> bool:
        """Whether an input with this hash (:func:`entente.records.article_id` of the raw item) is stored."""
        stmt = select(articles.c.id).where(
            articles.c.input_hash == input_hash, articles.c.version == (version or self.version)
        )
        with self.engine.connect() as conn:
            return conn.execute(stmt.limit(1)).first() is not None

    def add_copy(
        self,
        input_hash: str,
        *,
        source: str,
        outlet: str | None = None,
        url: str | None = None,
        title: str | None = None,
        published: date | None = None,
    ) -> bool | None:
        """Record the input ``source`` as a copy of the stored article with this input hash.

        None: no article of this version has that input (analyse it); False: this input was
        recorded already; True: a new copy (the same text from another outlet or URL) recorded.
        """
        stmt = select(articles.c.id).where(
            articles.c.input_hash == input_hash, articles.c.version == self.version
        )
        with self.engine.connect() as conn:  # mostly a read: committed only when it writes
            aid = conn.scalar(stmt.limit(1))
            if aid is None:
                return None
            added = write_copy(
                conn, aid, source=source, outlet=outlet, url=url, title=title, published=published
            )
            conn.commit()
            return added

    def write(
        self, analysis: Analysis, *, input_hash: str | None = None, input_name: str | None = None
    ) -> WriteResult:
        """Write one analysis and all its records in one transaction.

        The same article (id) and version a second time writes nothing; an article
        analysed by another version has its rows replaced. ``input_name`` clears a
        failure recorded for that input earlier.
        """
        rows = rows_of(analysis, version=self.version, input_hash=input_hash)
        return self.write_rows(rows, input_name=input_name)

    def write_rows(self, rows: Rows, *, input_name: str | None = None) -> WriteResult:
        """:meth:`write` for an analysis given as its rows (:func:`entente.store.write.rows_of`)."""
        for attempt in range(2):
            try:
                with self.engine.begin() as conn:
                    return write_rows(
                        conn,
                        rows.article,
                        rows.records,
                        rows.actors,
                        input_name=input_name,
                        values=rows.values,
                    )
            except IntegrityError:  # another writer stored the same article or actor meanwhile
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def record_failure(self, input_name: str, cause: str, *, run: str | None = None) -> None:
        """Record that ``input_name`` could not be analysed (one row per input: the latest cause)."""
        key = key_of(input_name)
        with self.engine.begin() as conn:
            conn.execute(delete(failures).where(failures.c.key == key))
            conn.execute(
                failures.insert().values(
                    key=key,
                    input=input_name,
                    cause=cause,
                    at=now(),
                    run=run or self.run,
                    version=self.version,
                )
            )

    # ------------------------------------------------------------------ reading

    def articles(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Stored articles; filters: ``actor``, ``outlet``, ``date_from``, ``date_to``, ``canonical_only``.

        Rows are plain dicts, streamed; the date filters apply to the publication date.
        """
        return query.list_articles(self.engine, **filters)

    def events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        status: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        canonical_only: bool = False,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Stored events; ``actor`` matches source or target; dates filter the event's day."""
        return query.list_events(
            self.engine,
            actor=actor,
            type=type,
            status=status,
            date_from=date_from,
            date_to=date_to,
            canonical_only=canonical_only,
            limit=limit,
        )

    def quotes(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Stored quotes: ``actor=`` (the speaker's), ``speaker=``, dates, ``canonical_only=``, ``limit=``."""
        return query.list_quotes(self.engine, **filters)

    def actors(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Actors found in stored articles with their article and mention counts, most mentioned first."""
        return query.list_actors(self.engine, **filters)

    def failures(self) -> list[dict[str, Any]]:
        stmt = select(failures.c.input, failures.c.cause, failures.c.at, failures.c.run).order_by(
            failures.c.input
        )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(stmt)]

    def counts(self) -> dict[str, int]:
        return query.counts(self.engine)

    # ------------------------------------------------------------------ dedup parameters

    def _check_dedup_params(self) -> None:
        """Keep the LSH bands consistent with the MinHash parameters; rebuild them if those changed."""
        wanted = dedup.params().to_json()
        with self.engine.begin() as conn:
            stored = conn.scalar(select(meta.c.value).where(meta.c.key == "minhash"))
            if stored == wanted:
                return
            if stored is None:
                conn.execute(meta.insert().values(key="minhash", value=wanted))
            else:
                conn.execute(update(meta).where(meta.c.key == "minhash").values(value=wanted))
            if stored is not None:
                self._rebuild_signatures(conn, json.loads(stored))

    def _rebuild_signatures(self, conn: Any, old: dict[str, Any]) -> None:
        """Recompute every signature and band from the stored texts (parameters changed)."""
        p = dedup.params()
        conn.execute(delete(lsh_bands))
        conn.execute(delete(signatures))
        texts = select(articles.c.id, articles.c.text).order_by(articles.c.id)
        result = conn.execute(texts.execution_options(yield_per=query.YIELD_PER))
        for aid, text in result:
            values = dedup.signature(text, p)
            if values is None:
                continue
            conn.execute(signatures.insert().values(article_id=aid, hashvalues=dedup.to_bytes(values)))
            conn.execute(
                lsh_bands.insert(),
                [{"band": b, "key": k, "article_id": aid} for b, k in dedup.band_keys(values, p)],
            )


def open_store(url: str = DEFAULT_URL, *, version: str | None = None) -> Store:
    """Open the store at ``url`` (SQLite path or URL, or ``postgresql://...``), upgrading its schema."""
    return Store.open(url, version=version)
