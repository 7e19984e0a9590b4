"""What runs on a Dask worker: one partition of documents analysed into Parquet files.

The spaCy pipeline is loaded once per worker process: :func:`entente.pipeline.load` is cached
in the process, and :class:`LoadPipeline` (a worker plugin) loads it when the worker starts, so
the first partition does not pay for it. Workers never touch the store: they read the items the
client sends, and write the partition's files under the shared Parquet folder.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin
from spacy.language import Language

from entente.batch import Failure, Item, analyze_stream
from entente.scale import parquet
from entente.store import dedup
from entente.store.write import actor_rows, article_row, record_rows


def load_pipeline(model: str | None, actor_files: tuple[str, ...]) -> Language:
    """The pipeline, cached per process (the same call as ``entente ingest`` makes)."""
    from entente import pipeline

    return pipeline.load(model, actor_files) if model or actor_files else pipeline.load()


class LoadPipeline(WorkerPlugin):  # type: ignore[misc]
    """A Dask worker plugin that loads the pipeline when a worker starts."""

    name = "entente-pipeline"

    def __init__(self, model: str | None, actor_files: tuple[str, ...]) -> None:
        super().__init__()
        self.model = model
        self.actor_files = actor_files

    def setup(self, worker: Any) -> None:
        load_pipeline(self.model, self.actor_files)


def analyze_partition(
    root: str,
    key: str,
    items: list[tuple[Item, str]],
    *,
    version: str,
    model: str | None = None,
    actor_files: tuple[str, ...] = (),
    batch_size: int = 16,
) -> dict[str, Any]:
    """Analyse ``items`` (each with the hash of its raw input) and write partition ``key`` under
    ``root``; returns the partition's marker (counts and timing)."""
    started = time.perf_counter()
    nlp = load_pipeline(model, actor_files)
    hashes = {item.id: digest for item, digest in items}
    rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind in parquet.KINDS}
    for item, outcome in analyze_stream((i for i, _ in items), nlp=nlp, batch_size=batch_size):
        if isinstance(outcome, Failure):
            rows["failures"].append({"input": item.id, "cause": " ".join(outcome.cause.split())})
            continue
        article = article_row(outcome, input_hash=hashes[item.id], version=version)
        article["input_name"] = item.id
        rows["articles"].append(article)
        rows["actors"].extend(actor_rows(outcome))
        for kind, records in record_rows(outcome).items():
            rows[kind].extend(records)
        values = dedup.signature(outcome.article.text)
        if values is not None:
            rows["signatures"].append({"article_id": article["id"], "hashvalues": dedup.to_bytes(values)})
    info = {
        "key": key,
        "version": version,
        "items": len(items),
        "articles": len(rows["articles"]),
        "failures": len(rows["failures"]),
        "seconds": round(time.perf_counter() - started, 3),
    }
    parquet.write_partition(Path(root), key, rows, info)
    return info
