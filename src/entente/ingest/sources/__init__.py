"""Sources of many documents: what a user passes to ``entente ingest PATH...`` as a stream of items.

:func:`iter_items` is a generator: CSV and JSONL files are read row by row, WARC files record by
record, folders one folder at a time, so memory holds one document at a time whatever the size
of the input. Nothing is raised for a bad input: every file that cannot be read, every bad row,
every refused fetch is yielded as a :class:`SourceFailure` and reading goes on. The rules that
decide how each argument is read are in docs/ingest.md ("Sources").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from entente.errors import E
from entente.ingest.sources.base import (
    MAX_BYTES,
    URL_RE,
    Columns,
    Context,
    SourceFailure,
    SourceStats,
    error,
    failure,
    parse_when,
    read_file,
)
from entente.ingest.sources.feeds import feed_cap, feed_items, fragment_text, looks_feed
from entente.ingest.sources.files import (
    FOLDER_FORMATS,
    document,
    standard_input,
    text_file,
    url_argument,
    url_list,
    walk,
)
from entente.ingest.sources.tables import read_csv, read_jsonl
from entente.ingest.sources.warc import looks_warc, read_warc
from entente.records import Item

__all__ = [
    "MAX_BYTES",
    "Columns",
    "SourceFailure",
    "SourceStats",
    "fragment_text",
    "iter_items",
    "kind_of",
    "parse_when",
]

# file name endings (lower case) -> how the file is read
ENDINGS: tuple[tuple[tuple[str, ...], str], ...] = (
    ((".warc", ".warc.gz", ".arc", ".arc.gz"), "warc"),
    ((".csv", ".tsv", ".csv.gz", ".tsv.gz"), "csv"),
    ((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"), "jsonl"),
    ((".rss", ".atom", ".xml", ".rdf"), "feed"),
    ((".urls",), "urls"),
    ((".html", ".htm", ".xhtml"), "html"),
    ((".txt", ".text"), "txt"),
)


def kind_of(path: Path) -> str:
    """How a file named on the command line is read: by its name's ending, else by its first bytes.

    One of ``warc``, ``csv``, ``jsonl``, ``feed``, ``urls``, ``html``, ``txt`` or ``document``
    (one article, text or HTML decided by its content).
    """
    name = path.name.lower()
    for endings, kind in ENDINGS:
        if name.endswith(endings):
            return kind
    if not path.is_file():  # a pipe or a device: sniffing would eat what it reads
        return "document"
    if looks_warc(path):
        return "warc"
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return "document"
    return "feed" if looks_feed(head) else "document"


def _feed_file(path: Path, name: str, ctx: Context) -> Iterator[Item | SourceFailure]:
    try:
        data = read_file(path, feed_cap(ctx))
    except Exception as exc:
        yield failure(name, exc)
        return
    yield from feed_items(data, name, ctx)


def _file(path: Path, name: str, ctx: Context) -> Iterator[Item | SourceFailure]:
    kind = kind_of(path)
    if kind == "warc":
        yield from read_warc(path, name, ctx)
    elif kind == "csv":
        yield from read_csv(path, name, ctx)
    elif kind == "jsonl":
        yield from read_jsonl(path, name, ctx)
    elif kind == "feed":
        yield from _feed_file(path, name, ctx)
    elif kind == "urls":
        yield from url_list(path, name, ctx)
    elif kind == "txt":
        yield from text_file(path, name, ctx)
    else:
        yield document(path, name, ctx, "html" if kind == "html" else "auto")


def _source(arg: str, ctx: Context, stdin_read: bool) -> Iterator[Item | SourceFailure]:
    if arg == "-":
        if stdin_read:
            yield error("-", E.E014, cause="standard input was already read by an earlier '-'")
        else:
            yield from standard_input(ctx)
        return
    if URL_RE.match(arg):
        yield from url_argument(arg, ctx)
        return
    path = Path(arg)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except OSError as exc:
        yield failure(arg, exc)
        return
    if is_dir:
        for found in walk(path, ctx):
            yield document(found, str(found), ctx, FOLDER_FORMATS[found.suffix.lower()])
    elif exists:
        yield from _file(path, arg, ctx)
    else:
        yield error(arg, E.E001)


def iter_items(
    paths: Sequence[str],
    *,
    text_column: str | None = None,
    title_column: str | None = None,
    date_column: str | None = None,
    url_column: str | None = None,
    outlet_column: str | None = None,
    id_column: str | None = None,
    stdin: BinaryIO | None = None,
    allow_private: bool = False,
    max_bytes: int = MAX_BYTES,
    stats: SourceStats | None = None,
) -> Iterator[Item | SourceFailure]:
    """Every document of ``paths``, one at a time, in order: an :class:`Item`, or a :class:`SourceFailure`.

    ``paths``: files, folders, http(s) URLs, and ``-`` for ``stdin`` (default: the process's
    standard input). The ``*_column`` options name the CSV columns / JSONL keys (default: the
    first of the usual names present). ``allow_private`` lets the fetcher reach loopback and
    private addresses (for local servers). ``max_bytes`` caps each document. ``stats`` is filled
    in as the stream is consumed: documents, failures, and what was skipped (not a failure:
    files with other extensions in folders, WARC records that are not HTML responses...).
    """
    ctx = Context(
        columns=Columns(text_column, title_column, date_column, url_column, outlet_column, id_column),
        max_bytes=max_bytes,
        allow_private=allow_private,
        stdin=stdin,
        stats=stats if stats is not None else SourceStats(),
    )
    stdin_read = False
    for arg in [paths] if isinstance(paths, str) else paths:
        try:
            for result in _source(arg, ctx, stdin_read):
                if isinstance(result, SourceFailure):
                    ctx.stats.failures += 1
                else:
                    ctx.stats.items += 1
                yield result
        except Exception as exc:  # a reader's bug must not end the run: the rest of this input is lost
            ctx.stats.failures += 1
            yield failure(arg, exc)
        stdin_read = stdin_read or arg == "-"
