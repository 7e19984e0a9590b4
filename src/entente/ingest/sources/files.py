"""Files and folders of articles, lists of URLs, a URL argument, and standard input."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from entente.errors import E, EntenteError
from entente.ingest.html import looks_html
from entente.ingest.sources.base import (
    URL_RE,
    Context,
    SourceFailure,
    check_text,
    error,
    failure,
    fetch,
    fetch_item,
    one_line,
    read_file,
    shown,
    to_text,
)
from entente.ingest.sources.feeds import feed_cap, feed_items, looks_feed
from entente.ingest.sources.tables import jsonl_records
from entente.records import InputFormat, Item

Result = Item | SourceFailure
FOLDER_FORMATS: dict[str, InputFormat] = {".txt": "text", ".html": "html", ".htm": "html"}
_LINE_LIMIT = 65_536  # a line of a URL list


def walk(folder: Path, ctx: Context) -> Iterator[Path]:
    """The article files under ``folder``, in name order, found lazily one folder at a time.

    Hidden entries, links to folders and files with other extensions are skipped and counted.
    """
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        ctx.stats.skip(f"unreadable folders ({one_line(exc.strerror or exc)})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            ctx.stats.skip("hidden files and folders")
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            if not is_dir and entry.is_symlink() and entry.is_dir():
                ctx.stats.skip("links to folders")
                continue
        except OSError:
            is_dir = False
        if is_dir:
            yield from walk(Path(entry.path), ctx)
            continue
        suffix = Path(entry.name).suffix.lower()
        if suffix in FOLDER_FORMATS:
            yield Path(entry.path)
        else:
            ctx.stats.skip(f"files in folders with extension {suffix or '(none)'}")


def document(path: Path, name: str, ctx: Context, fmt: InputFormat) -> Result:
    """One file, one document."""
    try:
        text = to_text(read_file(path, ctx.max_bytes), name)
    except Exception as exc:
        return failure(name, exc)
    return check_text(name, text, ctx, "the file") or Item(name, text, format=fmt)


def url_lines(text: str) -> list[str] | None:
    """The URLs of a text whose every non-empty line is an http(s) URL, else ``None``."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and all(URL_RE.match(line) for line in lines):
        return lines
    return None


def text_file(path: Path, name: str, ctx: Context) -> Iterator[Result]:
    """A ``.txt`` file named on the command line: a URL list when every non-empty line is a URL."""
    try:
        text = to_text(read_file(path, ctx.max_bytes), name)
    except Exception as exc:
        yield failure(name, exc)
        return
    urls = url_lines(text)
    if urls is None:
        yield check_text(name, text, ctx, "the file") or Item(name, text, format="text")
        return
    for url in urls:
        yield fetch_item(url, ctx)


def url_list(path: Path, name: str, ctx: Context) -> Iterator[Result]:
    """A ``.urls`` file, read line by line: one http(s) URL a line, ``#`` starts a comment line."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield failure(name, exc)
        return
    with fh:
        number = 0
        while raw := fh.readline(_LINE_LIMIT):
            number += 1
            if len(raw) >= _LINE_LIMIT and not raw.endswith(b"\n"):
                while (more := fh.readline(_LINE_LIMIT)) and not more.endswith(b"\n"):
                    pass
                yield error(f"{name}:{number}", E.E046, line=f"a line of more than {_LINE_LIMIT} bytes")
                continue
            line = raw.decode("utf-8", "replace").strip()
            if not line or line.startswith("#"):
                continue
            if not URL_RE.match(line):
                shown = one_line(line)
                shown = shown if len(shown) <= 80 else shown[:77] + "..."
                yield error(f"{name}:{number}", E.E046, line=repr(shown))
                continue
            yield fetch_item(line, ctx)


def url_argument(url: str, ctx: Context) -> Iterator[Result]:
    """A URL on the command line: a feed's entries when it serves RSS/Atom, else one page."""
    name = shown(url)
    try:
        body, charset, final = fetch(url, ctx, max_bytes=feed_cap(ctx))
    except Exception as exc:
        yield failure(name, exc)
        return
    if looks_feed(body):
        yield from feed_items(body, name, ctx, base=final)
        return
    if len(body) > ctx.max_bytes:
        yield error(name, E.E005, size=len(body), limit=ctx.max_bytes)
        return
    try:
        text = to_text(body, name, charset)
    except EntenteError as exc:
        yield failure(name, exc)
        return
    fmt: InputFormat = "html" if looks_html(text) else "text"
    yield check_text(name, text, ctx, "the page") or Item(name, text, url=final, format=fmt)


def _json_object(line: bytes) -> bool:
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def standard_input(ctx: Context) -> Iterator[Result]:
    """Standard input: JSONL when its first non-blank line is a whole JSON object, else one document."""
    stream: BinaryIO | None = ctx.stdin
    if stream is None:
        stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        yield error("-", E.E014, cause="standard input is closed")
        return
    head = b""
    try:
        while (line := stream.readline(ctx.max_bytes + 1)) and not line.strip():
            head += line
            if len(head) > ctx.max_bytes:
                break
    except (OSError, ValueError) as exc:
        yield error("-", E.E014, cause=one_line(exc) or type(exc).__name__)
        return
    if line and _json_object(line):
        yield from jsonl_records(stream, "-", ctx, first=line, lines_before=head.count(b"\n"))
        return
    data = head + line
    try:
        if len(data) <= ctx.max_bytes:
            data += stream.read(ctx.max_bytes - len(data) + 1)
        if len(data) > ctx.max_bytes:
            raise EntenteError(E.E005, source="-", size=f"more than {ctx.max_bytes}", limit=ctx.max_bytes)
        text = to_text(data, "-")
    except Exception as exc:
        yield failure("-", exc)
        return
    yield check_text("-", text, ctx, "standard input") or Item("-", text, format="auto")
