"""Scale (floor 7): ``entente ingest --dask`` — partitions of documents analysed on Dask workers
into Parquet files (:mod:`entente.scale.parquet` gives the layout), merged into the store by the
client in input order, the same rows as a serial run.

>>> from entente.scale import ingest_dask
>>> tally = ingest_dask(store, items, address="local", workers=2)   # doctest: +SKIP
"""

from __future__ import annotations

from entente.scale.run import DEFAULT_PARQUET, PARTITION_SIZE, DaskTally, ingest_dask

__all__ = ["DEFAULT_PARQUET", "PARTITION_SIZE", "DaskTally", "ingest_dask"]
