"""CSV and JSONL collections, read record by record (never the whole file at once).

A record becomes an :class:`~entente.batch.Item`; a bad record (malformed, no text, over the
size cap, not UTF-8) becomes a :class:`SourceFailure` and reading goes on with the next one.
"""

from __future__ import annotations

import csv
import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any, BinaryIO

from entente.errors import E
from entente.ingest.sources.base import (
    DEFAULTS,
    OPTION,
    Context,
    SourceFailure,
    check_text,
    error,
    failure,
    one_line,
    parse_when,
    text_or_none,
    unreadable,
)
from entente.records import Item

Result = Item | SourceFailure
# room for the other fields of a record beside a text of the full size cap
_SLACK = 65_536


def open_binary(path: Path) -> BinaryIO:
    """Open a collection file for reading; ``.gz`` files are decompressed as they are read."""
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


class _LineTooLong(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _resolve(header: list[str], ctx: Context) -> dict[str, int] | SourceFailure:
    """Index of each column in ``header`` (``text`` always present), or why the file cannot be read."""
    lower: dict[str, int] = {}
    for i, name in enumerate(header):
        lower.setdefault(name.strip().lower(), i)
    columns = ", ".join(h.strip() for h in header) or "none"
    found: dict[str, int] = {}
    for f in fields(ctx.columns):
        wanted = getattr(ctx.columns, f.name)
        if wanted is not None:
            if wanted.strip().lower() not in lower:
                return error("", E.E044, column=repr(wanted), option=OPTION[f.name], columns=columns)
            found[f.name] = lower[wanted.strip().lower()]
            continue
        for candidate in DEFAULTS[f.name]:
            if candidate in lower:
                found[f.name] = lower[candidate]
                break
    if "text" not in found:
        return error("", E.E040, columns=columns)
    return found


def _item(name: str, values: dict[str, Any], ctx: Context, where: str) -> Result:
    """An item from a record's values (keys: text, title, date, url, outlet, id)."""
    ident = text_or_none(values.get("id"))
    item_id = ident or name
    text = values.get("text")
    if not isinstance(text, str):
        kind = "missing" if text is None else f"a {type(text).__name__}, not a string"
        return error(item_id, E.E041, cause=f"the {where} is {kind}")
    bad = check_text(item_id, text, ctx, f"the {where}")
    if bad is not None:
        return bad
    return Item(
        item_id,
        text,
        published=parse_when(values.get("date")),
        title=text_or_none(values.get("title")),
        url=text_or_none(values.get("url")),
        outlet=text_or_none(values.get("outlet")),
        format="auto",
    )


def _csv_lines(fh: BinaryIO, limit: int, bad: set[int]) -> Iterator[str]:
    """Decoded lines of ``fh``; numbers of lines that were not UTF-8 go to ``bad``."""
    number = 0
    while raw := fh.readline(limit):
        number += 1
        if len(raw) >= limit and not raw.endswith(b"\n"):
            raise _LineTooLong(number)
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            bad.add(number)
            yield raw.decode("utf-8", "replace")


def read_csv(path: Path, name: str, ctx: Context) -> Iterator[Result]:
    """Rows of a CSV (``.tsv``: tab-separated) file; ids ``name:ROW`` (1 = first row under the header)."""
    csv.field_size_limit(ctx.max_bytes + 1)  # a field over the cap is an error for its row only
    delimiter = "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    limit = ctx.max_bytes + _SLACK
    bad: set[int] = set()
    try:
        fh = open_binary(path)
    except OSError as exc:
        yield failure(name, exc)
        return
    with fh:
        reader = csv.reader(_csv_lines(fh, limit, bad), delimiter=delimiter)
        header: list[str] | None = None
        index: dict[str, int] = {}
        row_number = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except _LineTooLong as exc:
                cause = f"line {exc.line} is longer than {limit} bytes; the rest of the file is not read"
                yield error(f"{name}:{row_number + 1}", E.E041, cause=cause)
                return
            except csv.Error as exc:
                row_number += 1
                bad.difference_update([n for n in bad if n <= reader.line_num])
                cause = one_line(exc)
                if "field larger than field limit" in cause:
                    cause = f"a field is over the limit of {ctx.max_bytes} characters"
                yield error(f"{name}:{row_number}", E.E041, cause=cause)
                continue
            except (OSError, EOFError, ValueError, zlib.error) as exc:  # a damaged .gz, a read error
                yield unreadable(name, exc, f" after row {row_number}")
                return
            last_line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = row
                resolved = _resolve(header, ctx)
                if isinstance(resolved, SourceFailure):
                    yield SourceFailure(name, resolved.cause)
                    return
                index = resolved
                continue
            row_number += 1
            where = f"{name}:{row_number}"
            damaged = bool(bad) and min(bad) <= last_line
            bad.difference_update([n for n in bad if n <= last_line])
            if damaged:
                cause = "not valid UTF-8; re-encode the file, e.g. with `iconv -f LATIN1 -t UTF-8`"
                yield error(where, E.E041, cause=cause)
                continue
            if len(row) != len(header):
                cause = f"{len(row)} fields where the header has {len(header)}"
                yield error(where, E.E041, cause=cause)
                continue
            values = {key: row[i] for key, i in index.items()}
            yield _item(where, values, ctx, f"column {header[index['text']].strip()!r}")
        if header is None:
            yield error(name, E.E042, cause="the file holds no rows")


def _pick(record: dict[str, Any], ctx: Context) -> dict[str, Any]:
    """The values of a JSON record for each field, by the named key or the first default present."""
    lower = {str(k).strip().lower(): v for k, v in reversed(record.items())}
    values: dict[str, Any] = {}
    for f in fields(ctx.columns):
        wanted = getattr(ctx.columns, f.name)
        names = (wanted.strip().lower(),) if wanted is not None else DEFAULTS[f.name]
        for key in names:
            if key in lower and lower[key] not in (None, ""):
                values[f.name] = lower[key]
                if f.name == "text":
                    values["text_key"] = key
                break
        else:
            if f.name == "text":  # the first candidate present, even empty, says which key was meant
                values["text_key"] = next((k for k in names if k in lower), None)
                if values["text_key"] is not None:
                    values["text"] = lower[values["text_key"]]
    return values


def jsonl_records(
    fh: BinaryIO, name: str, ctx: Context, *, first: bytes | None = None, lines_before: int = 0
) -> Iterator[Result]:
    """Records of a JSONL stream, one JSON object per line; ids ``name:LINE`` unless an id key is set.

    ``first``: a line already read from ``fh``, after ``lines_before`` blank ones (standard input
    looks at them to choose the format).
    """
    limit = 2 * ctx.max_bytes + _SLACK  # JSON escapes can double a text's size
    number = lines_before
    while True:
        try:
            raw = first if first is not None else fh.readline(limit)
        except (OSError, EOFError, ValueError, zlib.error) as exc:  # a damaged .gz, a closed stream
            yield unreadable(name, exc, f" after line {number}")
            return
        first = None
        if not raw:
            return
        number += 1
        where = f"{name}:{number}"
        if len(raw) >= limit and not raw.endswith(b"\n"):
            while (more := fh.readline(limit)) and not more.endswith(b"\n"):
                pass  # skip the rest of the line without keeping it
            yield error(where, E.E041, cause=f"the line is longer than {limit} bytes")
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except UnicodeDecodeError:
            cause = "not valid UTF-8; re-encode the file, e.g. with `iconv -f LATIN1 -t UTF-8`"
            yield error(where, E.E041, cause=cause)
            continue
        except (ValueError, RecursionError) as exc:
            yield error(where, E.E041, cause=f"not JSON: {one_line(exc)}")
            continue
        if not isinstance(record, dict):
            yield error(where, E.E041, cause=f"a JSON {type(record).__name__}, not an object")
            continue
        values = _pick(record, ctx)
        if values.get("text") is None:
            keys = ", ".join(str(k) for k in record) or "none"
            wanted = ctx.columns.text or "/".join(DEFAULTS["text"])
            yield error(where, E.E042, cause=f"no {wanted!r} key; the record's keys: {keys}")
            continue
        yield _item(where, values, ctx, f"{values.get('text_key') or 'text'!r} value")


def read_jsonl(path: Path, name: str, ctx: Context) -> Iterator[Result]:
    """Records of a JSONL file (``.jsonl``, ``.ndjson``, either ``.gz``)."""
    try:
        fh = open_binary(path)
    except OSError as exc:
        yield failure(name, exc)
        return
    with fh:
        yield from jsonl_records(fh, name, ctx)
