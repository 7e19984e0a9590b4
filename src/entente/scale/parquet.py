"""The Parquet layout of analysed partitions: one folder per record kind, one file per partition.

::

    PARQUET_DIR/
      articles/part-<key>.parquet     the store's ``articles`` columns (story_id and canonical are
                                      decided when merged, in input order), plus ``input_name``
      actors/part-<key>.parquet       ``actors`` rows of the actors the partition's articles name
      mentions/ people/ quotes/ events/ relations/part-<key>.parquet
                                      the store's rows, ``article_id`` and ``seq`` included
      signatures/part-<key>.parquet   ``article_id``, ``hashvalues`` (MinHash, uint32 little-endian)
      failures/part-<key>.parquet     ``input``, ``cause``: documents the analysis refused
      _partitions/<key>.json          written last: the partition is complete (counts, version)

Column names and types are the store's (:mod:`entente.store.schema`); JSON columns are JSON
text. ``<key>`` is a hash of the entente version, the pipeline options and the input hashes of
the partition's documents, so a run that meets a complete partition merges it without analysing
it again. Every file is written under a temporary name and renamed: a killed worker leaves no
half file under a final name.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, LargeBinary, Table
from sqlalchemy.types import TypeEngine

from entente.store.schema import actors, articles, events, mentions, people, quotes, relations, signatures

RECORD_KINDS = ("mentions", "people", "quotes", "events", "relations")
KINDS = ("articles", "actors", *RECORD_KINDS, "signatures", "failures")
MARKERS = "_partitions"
DECIDED_AT_MERGE = ("story_id", "canonical")

_TABLES: dict[str, Table] = {
    t.name: t for t in (articles, actors, mentions, people, quotes, events, relations, signatures)
}


def _arrow_type(sql_type: TypeEngine[Any]) -> pa.DataType:
    if isinstance(sql_type, Boolean):
        return pa.bool_()
    if isinstance(sql_type, Integer):
        return pa.int64()
    if isinstance(sql_type, Float):
        return pa.float64()
    if isinstance(sql_type, DateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(sql_type, Date):
        return pa.date32()
    if isinstance(sql_type, LargeBinary):
        return pa.binary()
    return pa.string()  # String, Text, and JSON as JSON text


def json_columns(kind: str) -> tuple[str, ...]:
    table = _TABLES.get(kind)
    return tuple(c.name for c in table.columns if isinstance(c.type, JSON)) if table is not None else ()


def schema(kind: str) -> pa.Schema:
    """The Arrow schema of ``kind``'s files (see the module's doc)."""
    if kind == "failures":
        return pa.schema([("input", pa.string()), ("cause", pa.string())])
    table = _TABLES[kind]
    fields = [pa.field(c.name, _arrow_type(c.type)) for c in table.columns if c.name not in DECIDED_AT_MERGE]
    if kind == "articles":
        fields.append(pa.field("input_name", pa.string()))
    return pa.schema(fields)


def part_path(root: Path, kind: str, key: str) -> Path:
    return root / kind / f"part-{key}.parquet"


def marker_path(root: Path, key: str) -> Path:
    return root / MARKERS / f"{key}.json"


def is_complete(root: Path, key: str) -> bool:
    return marker_path(root, key).is_file()


def _atomic(path: Path, write: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    os.replace(tmp, path)


def write_partition(
    root: Path, key: str, rows: dict[str, list[dict[str, Any]]], info: dict[str, Any]
) -> None:
    """Write one partition's rows (``kind -> rows``), then its marker with ``info``."""
    for kind in KINDS:
        s = schema(kind)
        as_json = set(json_columns(kind))
        data = [
            {name: json.dumps(r[name]) if name in as_json else r.get(name) for name in s.names}
            for r in rows.get(kind, [])
        ]
        table = pa.Table.from_pylist(data, schema=s)
        _atomic(part_path(root, kind, key), lambda p, t=table: pq.write_table(t, p))
    _atomic(
        marker_path(root, key), lambda p: p.write_text(json.dumps(info, sort_keys=True), encoding="utf-8")
    )


def read_rows(root: Path, kind: str, key: str) -> list[dict[str, Any]]:
    """The rows of one kind of one partition, as the store takes them (JSON columns parsed)."""
    rows = pq.read_table(part_path(root, kind, key), schema=schema(kind)).to_pylist()
    as_json = json_columns(kind)
    if as_json:
        for r in rows:
            for name in as_json:
                r[name] = json.loads(r[name])
    return rows


def read_info(root: Path, key: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(marker_path(root, key).read_text(encoding="utf-8"))
    return result


def by_article(rows: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["article_id"], []).append(r)
    return out
