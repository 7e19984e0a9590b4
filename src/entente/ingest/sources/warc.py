"""WARC files of web crawls (warcio), record by record: HTML responses become documents."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from entente.errors import E
from entente.ingest.sources.base import (
    Context,
    SourceFailure,
    check_text,
    error,
    failure,
    one_line,
    parse_when,
    to_text,
)
from entente.records import Item

Result = Item | SourceFailure
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def looks_warc(path: Path) -> bool:
    """Does the file start like a WARC (or older ARC) file, plain or gzip-compressed?"""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
        if head.startswith(b"\x1f\x8b"):
            with gzip.open(path, "rb") as gz:
                head = gz.read(16)
    except (OSError, EOFError, ValueError):  # ValueError: zlib's errors on a damaged header
        return False
    return head.startswith((b"WARC/", b"filedesc://"))


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def read_warc(path: Path, name: str, ctx: Context) -> Iterator[Result]:
    """HTML response records of a WARC or WARC.gz file; ``id`` and ``url`` are the target URI.

    The record's WARC-Date stands in as the publication date where the page has none of its
    own. Other records (requests, metadata, revisits, redirects, images...) are skipped and
    counted in the run's stats.
    """
    count = 0
    if not looks_warc(path):
        yield error(name, E.E045, count=0, cause="not a WARC file")
        return
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield failure(name, exc)
        return
    with fh:
        archive = ArchiveIterator(fh)
        records = iter(archive)
        while True:
            try:
                record = next(records)
            except StopIteration:
                if _cut_short(fh, archive.offset):
                    yield error(name, E.E045, count=count, cause="the file ends inside a record")
                return
            except Exception as exc:  # warcio: ArchiveLoadFailed, zlib/EOF errors on a damaged file
                yield error(name, E.E045, count=count, cause=one_line(exc) or type(exc).__name__)
                return
            count += 1
            if record.length is None:  # a header cut short: no Content-Length
                yield error(name, E.E045, count=count - 1, cause=f"the file ends inside record {count}")
                return
            result = _record(record, name, count, ctx)
            if _drained_short(record):
                yield error(name, E.E045, count=count - 1, cause=f"the file ends inside record {count}")
                return
            if result is not None:
                yield result


def _cut_short(fh: BinaryIO, offset: int) -> bool:
    """Is there more than blank space after the last whole record (a record cut in its header)?"""
    try:
        fh.seek(offset)
        return bool(fh.read(4096).strip())
    except (OSError, ValueError):
        return False


def _drained_short(record: ArcWarcRecord) -> bool:
    """Read what is left of the record; did the file end before its Content-Length?"""
    raw = record.raw_stream
    try:
        while raw.read(65536):
            pass
    except Exception:  # a damaged compressed record
        return True
    return bool(getattr(raw, "limit", 0))


def _record(record: ArcWarcRecord, name: str, count: int, ctx: Context) -> Result | None:
    """The item or failure of one record, ``None`` when it is skipped (and counted)."""
    if record.rec_type != "response":
        ctx.stats.skip(f"WARC {record.rec_type} records")
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{name}#{count}"
    http = record.http_headers
    if http is None:
        ctx.stats.skip("WARC responses that are not HTTP")
        return None
    status = http.get_statuscode() or ""
    content_type = http.get_header("Content-Type") or ""
    if not status.startswith("2"):
        ctx.stats.skip("WARC responses with a status other than 2xx")
        return None
    if not content_type.lower().startswith(_HTML_TYPES):
        ctx.stats.skip("WARC responses that are not HTML")
        return None
    try:
        body = record.content_stream().read(ctx.max_bytes + 1)
        if len(body) > ctx.max_bytes:
            size = f"more than {ctx.max_bytes}"
            return SourceFailure(uri, one_line(E.E005.format(size=size, limit=ctx.max_bytes)))
        text = to_text(body, uri, _charset(content_type))
    except Exception as exc:  # a body that cannot be decoded or decompressed
        return failure(uri, exc)
    bad = check_text(uri, text, ctx, "the page")
    when = parse_when(record.rec_headers.get_header("WARC-Date") or "")
    return bad or Item(uri, text, published=when, url=uri, format="html")
