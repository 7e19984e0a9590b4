"""The client side of ``entente ingest --dask``: partitions submitted lazily, merged in input order.

The client reads the sources as a stream and cuts it into partitions of ``partition_size``
documents (positions in the input, so the cut is the same in every run). Documents already in
the store (same input hash and version) are left out of their partition, as in a serial run.
Each partition is submitted to the cluster as one task (:func:`entente.scale.worker.analyze_partition`)
that writes Parquet files under the shared folder; at most ``max_in_flight`` partitions are
submitted and not yet merged, so the client holds a bounded number of documents whatever the
size of the corpus. Partitions are merged into the store in input order, one transaction per
article through :func:`entente.store.write.write_rows`, so stories, canonical copies and every
row are the same as those of a serial ``entente ingest``.

A partition whose files are complete (its marker exists, from an interrupted or earlier run)
is merged without being analysed again; merging is idempotent (an article stored with the
same version is skipped).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from entente.batch import Item
from entente.scale import parquet
from entente.scale.worker import LoadPipeline, analyze_partition
from entente.store.core import Store
from entente.store.ingest import known
from entente.store.write import write_rows

PARTITION_SIZE = 32
DEFAULT_PARQUET = "entente-parquet"


@dataclass
class DaskTally:
    """What a ``--dask`` ingest did: outcomes as a serial run counts them, failures, partitions.

    ``outcomes`` counts :class:`entente.store.WriteResult` outcomes (``new``, ``duplicate``,
    ``replaced``, ``exists``) and ``copy`` (the same text as a stored article, from elsewhere).
    """

    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    partitions_analysed: int = 0
    partitions_reused: int = 0  # complete in the Parquet folder already: merged, not analysed


def partition_key(
    version: str, model: str | None, actor_files: tuple[str, ...], todo: list[tuple[Item, str]]
) -> str:
    """A name for a partition that changes with anything that changes its rows."""
    h = hashlib.sha256(json.dumps([version, model, list(actor_files)]).encode())
    for item, digest in todo:
        meta = [item.id, digest, str(item.published), item.title, item.url, item.outlet, item.format]
        h.update(json.dumps(meta).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:20]


def cut(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive runs of ``size`` items (source failures included in the count), read lazily."""
    run: list[Any] = []
    for item in items:
        run.append(item)
        if len(run) == size:
            yield run
            run = []
    if run:
        yield run


def open_client(address: str, workers: int) -> tuple[Any, Any]:
    """A Dask client for ``address`` (a scheduler, e.g. ``tcp://host:8786``), or for a new
    ``LocalCluster`` of ``workers`` single-threaded worker processes when it is ``local``."""
    from distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        return Client(cluster), cluster
    return Client(address), None


def ingest_dask(
    store: Store,
    items: Iterable[Any],
    *,
    address: str = "local",
    parquet_dir: str | Path = DEFAULT_PARQUET,
    workers: int = 1,
    partition_size: int = PARTITION_SIZE,
    max_in_flight: int | None = None,
    batch_size: int = 16,
    model: str | None = None,
    actor_files: tuple[str, ...] = (),
    report: Callable[[str], None] | None = None,
) -> DaskTally:
    """Analyse ``items`` (:class:`~entente.batch.Item` or source failures with ``input_name`` and
    ``cause``) on a Dask cluster into Parquet under ``parquet_dir``, and merge them into ``store``."""
    root = Path(parquet_dir).resolve()
    root.mkdir(parents=True, exist_ok=True)
    client, cluster = open_client(address, workers)
    try:
        versions = set(client.run(_entente_version).values())
        if versions - {store.version}:
            raise RuntimeError(
                f"the Dask workers run entente {sorted(versions)}, the client {store.version}: "
                "install the same entente on every worker"
            )
        threads = sum(client.nthreads().values()) or workers
        limit = max_in_flight or 2 * threads + 1
        tally = _run(
            store, items, client, root, partition_size, limit, batch_size, model, actor_files, report
        )
        if report is not None:
            report(
                f"dask: {tally.partitions_analysed} partitions analysed, {tally.partitions_reused} "
                f"complete in {root} already (merged without analysis)"
            )
        return tally
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _entente_version() -> str:
    from entente import __version__

    return __version__


def _run(
    store: Store,
    items: Iterable[Any],
    client: Any,
    root: Path,
    partition_size: int,
    limit: int,
    batch_size: int,
    model: str | None,
    actor_files: tuple[str, ...],
    report: Callable[[str], None] | None,
) -> DaskTally:
    tally = DaskTally()
    plugin = False  # the pipeline is loaded on the workers when a first partition needs it

    def submit(todo: list[tuple[Item, str]]) -> tuple[str, list[tuple[Item, str]], Any]:
        nonlocal plugin
        key = partition_key(store.version, model, actor_files, todo)
        future = None
        if not parquet.is_complete(root, key):
            if not plugin:
                client.register_plugin(LoadPipeline(model, actor_files))
                plugin = True
            future = client.submit(
                analyze_partition,
                str(root),
                key,
                todo,
                version=store.version,
                model=model,
                actor_files=actor_files,
                batch_size=batch_size,
                key=f"entente-partition-{key}",
                pure=False,
            )
        return key, todo, future

    queue: deque[tuple[str, list[tuple[Item, str]], Any]] = deque()
    # an input identical to an earlier one of the same partition waits until that one is
    # stored, then is what `known` makes of it (this input again, or a copy): never analysed twice
    again: list[Item] = []
    for run in cut(items, partition_size):
        todo: list[tuple[Item, str]] = []
        for item in run:
            if not isinstance(item, Item):  # a source failure: recorded now, as in a serial run
                store.record_failure(item.input_name, item.cause)
                tally.failures.append((item.input_name, item.cause))
                continue
            digest, seen = known(store, item)
            if seen is None and any(d == digest for _, d in todo):
                again.append(item)
            elif seen is None:
                todo.append((item, digest))
            else:  # stored: this input already, or the same text from elsewhere
                tally.outcomes["copy" if seen else "exists"] += 1
        if todo:
            queue.append(submit(todo))
        while len(queue) > limit:
            _merge(store, root, *queue.popleft(), tally, report)
    while queue:
        _merge(store, root, *queue.popleft(), tally, report)
    for item in again:
        digest, seen = known(store, item)
        if seen is None:  # the earlier one was not stored (it failed): this one on its own
            _merge(store, root, *submit([(item, digest)]), tally, report)
        else:
            tally.outcomes["copy" if seen else "exists"] += 1
    return tally


def _merge(
    store: Store,
    root: Path,
    key: str,
    todo: list[tuple[Item, str]],
    future: Any,
    tally: DaskTally,
    report: Callable[[str], None] | None,
) -> None:
    """Write partition ``key`` into the store in input order, one transaction per article."""
    if future is not None:
        future.result()
        future.release()
        tally.partitions_analysed += 1
    else:
        tally.partitions_reused += 1
    rows = {kind: parquet.read_rows(root, kind, key) for kind in parquet.KINDS}
    records = {kind: parquet.by_article(rows[kind]) for kind in parquet.RECORD_KINDS}
    known_actors = {r["id"]: r for r in rows["actors"]}
    values = {r["article_id"]: r["hashvalues"] for r in rows["signatures"]}
    articles: dict[str, deque[dict[str, Any]]] = {}
    for row in rows["articles"]:
        articles.setdefault(row.pop("input_name"), deque()).append(row)
    failed: dict[str, deque[str]] = {}
    for row in rows["failures"]:
        failed.setdefault(row["input"], deque()).append(row["cause"])
    for item, _ in todo:
        if failed.get(item.id):
            cause = failed[item.id].popleft()
            store.record_failure(item.id, cause)
            tally.failures.append((item.id, cause))
            continue
        if not articles.get(item.id):
            raise RuntimeError(f"partition {key} has no row for {item.id}: remove {root} and run again")
        row = articles[item.id].popleft()
        aid = row["id"]
        mine = {kind: records[kind].get(aid, []) for kind in parquet.RECORD_KINDS}
        named = sorted({m["actor_id"] for m in mine["mentions"] if m["actor_id"]})
        actor_list = [known_actors[i] for i in named if i in known_actors]
        raw = values.get(aid)
        tally.outcomes[_write(store, row, mine, actor_list, item.id, _values(raw))] += 1
    if report is not None:
        report(f"partition {key}: {len(todo)} documents merged")


def _values(raw: bytes | None) -> Any:
    if raw is None:
        return None
    from entente.store import dedup

    return dedup.from_bytes(raw)


def _write(
    store: Store,
    row: dict[str, Any],
    records: dict[str, list[dict[str, Any]]],
    actor_list: list[dict[str, Any]],
    input_name: str,
    values: Any,
) -> str:
    for attempt in range(2):
        try:
            with store.engine.begin() as conn:
                return write_rows(
                    conn, row, records, actor_list, input_name=input_name, values=values
                ).outcome
        except IntegrityError:  # another writer stored the same article or actor meanwhile
            if attempt:
                raise
    raise AssertionError("unreachable")
