"""Writing one :class:`~entente.records.Analysis`: its article row and all its records, in one transaction."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any, Literal

import numpy as np
from sqlalchemy import Connection, Select, and_, bindparam, delete, or_, select, update

from entente.records import Analysis, Event, Quote, Span
from entente.store import aggregate, dedup
from entente.store.schema import (
    RECORD_TABLES,
    actors,
    articles,
    copies,
    duplicates,
    failures,
    lsh_bands,
    signatures,
)

Outcome = Literal["new", "duplicate", "copy", "replaced", "exists"]
MAX_CANDIDATES = 50  # LSH candidates compared exactly per article


@dataclass(frozen=True)
class WriteResult:
    article_id: str
    # new; duplicate: a near-copy of a stored story; copy: the same text from another input;
    # replaced: it was analysed by another version; exists: nothing written
    outcome: Outcome
    story_id: str
    similarity: float | None = None  # to the story's closest article, for duplicates


def now() -> datetime:
    return datetime.now(UTC)


def key_of(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _span(prefix: str, span: Span | None) -> dict[str, Any]:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def _spans(spans: Iterable[Span]) -> list[list[Any]]:
    return [[s.start, s.end, s.text] for s in spans]


def first_day(value: str | None) -> date | None:
    """The first day of an ISO date, month, year or ``start/end`` range; None if it is none of these."""
    if not value:
        return None
    head = value.split("/", 1)[0]
    parts = head.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 1, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1)
        return date.fromisoformat(head)
    except ValueError:
        return None


def _event_row(aid: str, seq: int, e: Event, published: date | None) -> dict[str, Any]:
    day = first_day(e.date.value) if e.date else None
    return {
        "article_id": aid,
        "seq": seq,
        "source": e.source,
        "target": e.target,
        "type": e.type,
        "quad_class": e.quad_class,
        "intensity": e.intensity,
        "status": e.status,
        "mode": e.mode,
        **_span("trigger", e.trigger),
        **_span("evidence", e.evidence),
        "date_value": e.date.value if e.date else None,
        "date_precision": e.date.precision if e.date else None,
        "day": day or published,
        "place": e.place,
        "place_name": e.place_name,
        "attributed_to": e.attributed_to,
    }


def _quote_row(aid: str, seq: int, q: Quote) -> dict[str, Any]:
    return {
        "article_id": aid,
        "seq": seq,
        "kind": q.kind,
        "text": q.text,
        "content": _spans(q.content),
        "speaker_name": q.speaker_name,
        "speaker_actor": q.speaker_actor,
        **_span("speaker", q.speaker),
        **_span("cue", q.cue),
        "addressee": q.addressee,
        "mentions": list(q.mentions),
        "stance": [[a, s] for a, s in q.stance],
    }


def record_rows(analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """The rows of each record table for ``analysis`` (keyed by table name)."""
    aid, published = analysis.article.id, analysis.article.published
    return {
        "mentions": [
            {
                "article_id": aid,
                "seq": i,
                "actor_id": m.actor_id,
                "kind": m.kind,
                "form": m.form,
                "method": m.method,
                "label": m.label,
                **_span("span", m.span),
            }
            for i, m in enumerate(analysis.mentions)
        ],
        "people": [
            {
                "article_id": aid,
                "seq": i,
                "name": p.name,
                "role": p.role,
                "affiliation": p.affiliation,
                "actor_id": p.actor_id,
                "gender": p.gender,
                "mentions": _spans(p.mentions),
            }
            for i, p in enumerate(analysis.people)
        ],
        "quotes": [_quote_row(aid, i, q) for i, q in enumerate(analysis.quotes)],
        "events": [_event_row(aid, i, e, published) for i, e in enumerate(analysis.events)],
        "relations": [
            {
                "article_id": aid,
                "seq": i,
                "actor_a": r.pair[0],
                "actor_b": r.pair[1],
                "sign": r.sign,
                "weight": r.weight,
                "evidence": [dataclasses.asdict(x) for x in r.evidence],
            }
            for i, r in enumerate(analysis.relations)
        ],
    }


def article_row(analysis: Analysis, *, input_hash: str, version: str) -> dict[str, Any]:
    info = analysis.article
    spans_index = getattr(info, "input", "") or ""
    return {
        "id": info.id,
        "input_hash": input_hash,
        "source": info.source,
        "outlet": info.outlet,
        "url": info.url,
        "title": info.title,
        "published": info.published,
        "date_source": info.date_source,
        "language": info.language,
        "input_format": info.input_format,
        "text": info.text,
        "input": spans_index if spans_index and spans_index != info.text else None,
        "warnings": list(analysis.warnings),
        "version": version,
        "schema_version": analysis.schema_version,
        "analysed_at": now(),
    }


def actor_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """The ``actors`` rows of the knowledge-base actors ``analysis`` names, by id."""
    wanted = {a.id: a for a in analysis.actors}
    return [{"id": a.id, "name": a.name, "kind": a.kind, "of_actor": a.of} for _, a in sorted(wanted.items())]


def _write_actors(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    known = set(conn.scalars(select(actors.c.id).where(actors.c.id.in_([r["id"] for r in rows]))))
    new = [r for r in rows if r["id"] not in known]
    if new:
        conn.execute(actors.insert(), new)


def _write_records(conn: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
    for table in RECORD_TABLES:
        if rows[table.name]:
            conn.execute(table.insert(), rows[table.name])


def write_copy(
    conn: Connection,
    article_id: str,
    *,
    source: str,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
) -> bool:
    """Record that the input ``source`` gave the article; False when it was recorded already."""
    key = key_of(source)
    known = conn.execute(
        select(copies.c.source_key).where(copies.c.article_id == article_id, copies.c.source_key == key)
    ).first()
    if known is not None:
        return False
    conn.execute(
        copies.insert(),
        {
            "article_id": article_id,
            "source_key": key,
            "source": source,
            "outlet": outlet,
            "url": url,
            "title": title,
            "published": published,
        },
    )
    return True


def _copy_of(conn: Connection, row: dict[str, Any]) -> bool:
    """The input of an article row, as one of its copies."""
    return write_copy(
        conn,
        row["id"],
        source=row["source"],
        outlet=row["outlet"],
        url=row["url"],
        title=row["title"],
        published=row["published"],
    )


@cache
def _candidates(bands: int) -> Select[Any]:
    """The stored articles that share a band with a signature (bound as ``k0`` .. ``k{bands-1}``).

    Built once: an OR of (band, key) pairs, each of which SQLite and PostgreSQL answer from the
    primary-key index (a row-value ``IN`` is a table scan in SQLite).
    """
    hit = or_(*(and_(lsh_bands.c.band == b, lsh_bands.c.key == bindparam(f"k{b}")) for b in range(bands)))
    return (
        select(signatures.c.article_id, signatures.c.hashvalues, articles.c.story_id)
        .join(articles, articles.c.id == signatures.c.article_id)
        .where(signatures.c.article_id.in_(select(lsh_bands.c.article_id).where(hit).distinct()))
        .order_by(signatures.c.article_id)
        .limit(MAX_CANDIDATES)
    )


def find_story(conn: Connection, values: np.ndarray, p: dedup.Params) -> tuple[str, str, float] | None:
    """``(closest article, its story, similarity)`` among stored articles at or above the threshold."""
    keys = dict(dedup.band_keys(values, p))
    best: tuple[str, str, float] | None = None
    for aid, raw, story in conn.execute(_candidates(p.bands), {f"k{b}": keys[b] for b in range(p.bands)}):
        sim = dedup.similarity(values, dedup.from_bytes(raw))
        if sim >= p.threshold and (best is None or sim > best[2]):
            best = (aid, story, sim)
    return best


@dataclass(frozen=True)
class Rows:
    """One analysis as the rows that store it, and its MinHash signature: plain values, cheap to
    send between processes (what an ingest worker returns instead of the Analysis)."""

    article: dict[str, Any]  # :func:`article_row`
    records: dict[str, list[dict[str, Any]]]  # :func:`record_rows`
    actors: list[dict[str, Any]]  # :func:`actor_rows`
    values: np.ndarray | None  # :func:`entente.store.dedup.signature` of the text


def rows_of(analysis: Analysis, *, version: str, input_hash: str | None = None) -> Rows:
    """The :class:`Rows` of ``analysis`` as this ``version`` stores it."""
    aid = analysis.article.id
    if not aid:
        raise ValueError("the analysis has no article id (ArticleInfo.id)")
    return Rows(
        article_row(analysis, input_hash=input_hash or aid, version=version),
        record_rows(analysis),
        actor_rows(analysis),
        dedup.signature(analysis.article.text),
    )


def write_analysis(
    conn: Connection,
    analysis: Analysis,
    *,
    version: str,
    input_hash: str | None = None,
    input_name: str | None = None,
    values: np.ndarray | None = None,
) -> WriteResult:
    """Write ``analysis`` on ``conn`` (the caller holds the transaction). Idempotent per (id, version)."""
    aid = analysis.article.id
    if not aid:
        raise ValueError("the analysis has no article id (ArticleInfo.id)")
    row = article_row(analysis, input_hash=input_hash or aid, version=version)
    return write_rows(
        conn, row, record_rows(analysis), actor_rows(analysis), input_name=input_name, values=values
    )


def write_rows(
    conn: Connection,
    row: dict[str, Any],
    records: dict[str, list[dict[str, Any]]],
    actor_list: list[dict[str, Any]],
    *,
    input_name: str | None = None,
    values: np.ndarray | None = None,
) -> WriteResult:
    """Write one article given as rows (:func:`article_row`, :func:`record_rows`, :func:`actor_rows`):
    what :func:`write_analysis` does, for callers that hold rows, not an Analysis (entente.scale)."""
    aid, version = row["id"], row["version"]
    if input_name is not None:
        conn.execute(delete(failures).where(failures.c.key == key_of(input_name)))
    found = conn.execute(
        select(articles.c.version, articles.c.story_id, articles.c.canonical).where(articles.c.id == aid)
    ).first()
    if found is not None:
        if found.version == version:
            outcome: Outcome = "copy" if _copy_of(conn, row) else "exists"
            return WriteResult(aid, outcome, found.story_id)
        aggregate.retract_article(conn, aid)
        for table in RECORD_TABLES:
            conn.execute(delete(table).where(table.c.article_id == aid))
        conn.execute(update(articles).where(articles.c.id == aid).values(**row))
        _write_actors(conn, actor_list)
        _write_records(conn, records)
        aggregate.add_events(conn, records["events"], canonical=bool(found.canonical))
        _copy_of(conn, row)
        return WriteResult(aid, "replaced", found.story_id)
    p = dedup.params()
    if values is None:
        values = dedup.signature(row["text"], p)
    match = find_story(conn, values, p) if values is not None else None
    story = match[1] if match else aid
    conn.execute(articles.insert(), {**row, "story_id": story, "canonical": match is None})
    if values is not None:
        conn.execute(signatures.insert(), {"article_id": aid, "hashvalues": dedup.to_bytes(values)})
        conn.execute(
            lsh_bands.insert(),
            [{"band": b, "key": k, "article_id": aid} for b, k in dedup.band_keys(values, p)],
        )
    if match:
        conn.execute(
            duplicates.insert(),
            {"article_id": aid, "story_id": story, "canonical_id": story, "similarity": match[2]},
        )
    _write_actors(conn, actor_list)
    _write_records(conn, records)
    aggregate.add_events(conn, records["events"], canonical=match is None)
    _copy_of(conn, row)
    if match:
        return WriteResult(aid, "duplicate", story, match[2])
    return WriteResult(aid, "new", story)
