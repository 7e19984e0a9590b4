"""What every reader of :mod:`entente.ingest.sources` shares: failures, counts, options, bounded reads."""

from __future__ import annotations

import email.utils
import gzip
import re
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from entente.errors import E, EntenteError
from entente.ingest import fetch as fetcher
from entente.ingest.decode import decode
from entente.ingest.html import looks_html
from entente.ingest.read import MAX_BYTES
from entente.records import Item

__all__ = ["MAX_BYTES", "Columns", "Context", "SourceFailure", "SourceStats"]

URL_RE = re.compile(r"https?://\S+\Z", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True)
class SourceFailure:
    """An input, or one record of it, that gave no document, and why (one line a user understands)."""

    input_name: str  # a path, a URL, "file.csv:17", "-"
    cause: str


@dataclass
class SourceStats:
    """Counts of one :func:`~entente.ingest.sources.iter_items` run; filled in as it is consumed."""

    items: int = 0
    failures: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # why -> how many (not failures)

    def skip(self, why: str) -> None:
        self.skipped[why] += 1

    def summary(self) -> str:
        """One line: ``"12 documents, 1 failure; skipped: 3 files with other extensions (.pdf 2, ...)"``."""
        line = f"{self.items} documents, {self.failures} failure{'s' if self.failures != 1 else ''}"
        if self.skipped:
            line += "; skipped: " + ", ".join(f"{why} {n}" for why, n in self.skipped.most_common())
        return line


@dataclass(frozen=True)
class Columns:
    """Column (CSV) or key (JSONL) names; ``None`` picks the first default present (case-insensitive)."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None
    id: str | None = None


# Defaults, in order of preference (the news-please names included).
DEFAULTS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "maintext", "article", "article_text"),
    "title": ("title", "headline"),
    "date": ("date", "published", "publish_date", "published_at", "pubdate", "date_publish"),
    "url": ("url", "link", "source_url", "article_source_link"),
    "outlet": ("outlet", "source", "publisher", "source_domain", "site_name"),
    "id": ("id", "article_id", "doc_id"),
}
OPTION = {name: f"--{name}-column" for name in DEFAULTS}


@dataclass(frozen=True)
class Context:
    """Options of one run, handed to every reader."""

    columns: Columns = Columns()
    max_bytes: int = MAX_BYTES
    allow_private: bool = False
    stdin: BinaryIO | None = None
    stats: SourceStats = field(default_factory=SourceStats)


def one_line(text: object) -> str:
    """``text`` on one line: runs of control characters (newlines included) become one space."""
    return _CONTROL.sub(" ", str(text)).strip()


def failure(name: str, exc: BaseException) -> SourceFailure:
    """A failure from an exception: catalogue errors keep their text, others name their type."""
    if isinstance(exc, EntenteError):
        return SourceFailure(name, one_line(exc.text))
    return SourceFailure(name, one_line(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__))


def unreadable(name: str, exc: BaseException, where: str = "") -> SourceFailure:
    """E014 for a file whose reading broke off: a damaged ``.gz``, a read error, a closed stream."""
    if isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
        cause = f"the compressed data is damaged or cut short{where}: {one_line(exc) or type(exc).__name__}"
    else:
        cause = one_line(getattr(exc, "strerror", None) or exc) or type(exc).__name__
    return error(name, E.E014, cause=cause)


def error(name: str, message: Any, **kwargs: object) -> SourceFailure:
    """A failure from a catalogue message."""
    return SourceFailure(name, one_line(message.format(**kwargs)))


def parse_when(value: object) -> date | None:
    """A publication date from what collections hold; ``None`` when it is not one.

    Accepted: ISO 8601 dates and date-times (``2017-02-07``, ``2017-02-07T10:00:00Z``),
    ``2017/2/7``, RFC 2822 (``Tue, 07 Feb 2017 10:00:00 GMT``, as in RSS), Unix seconds,
    and ``time.struct_time`` (feedparser).
    """
    try:
        if isinstance(value, time.struct_time):
            return date(value.tm_year, value.tm_mon, value.tm_mday)
        if isinstance(value, bool) or value is None:
            return None
        if isinstance(value, int | float):
            if 0 < value < 1e11:
                return datetime.fromtimestamp(value, tz=UTC).date()
            return None
        if not isinstance(value, str):
            return None
        text = value.strip()
        if not text:
            return None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        if re.match(r"\d{4}-\d{2}-\d{2}[T ]", text):
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        if m := re.fullmatch(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})", text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        parsed = email.utils.parsedate_to_datetime(text)
        return parsed.date() if parsed is not None else None
    except (ValueError, TypeError, OverflowError, IndexError):
        return None


def text_or_none(value: object) -> str | None:
    """A metadata value as a one-line string; ``None`` for empty values and containers."""
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        return None
    text = one_line(value)
    return text or None


def too_large(text: str, max_bytes: int) -> int | None:
    """The UTF-8 size of ``text`` when it is over ``max_bytes``, else ``None``."""
    if len(text) * 4 <= max_bytes:
        return None
    size = len(text.encode("utf-8", "surrogatepass"))
    return size if size > max_bytes else None


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, refused (E005/E001/E014) when over ``max_bytes`` or unreadable."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise EntenteError(E.E005, source=str(path), size=size, limit=max_bytes)
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise EntenteError(E.E001, source=str(path)) from exc
    except IsADirectoryError as exc:
        raise EntenteError(E.E014, source=str(path), cause="it is a directory") from exc
    except OSError as exc:
        raise EntenteError(E.E014, source=str(path), cause=exc.strerror or type(exc).__name__) from exc
    if len(data) > max_bytes:  # a special file that reported no size
        raise EntenteError(E.E005, source=str(path), size=f"more than {max_bytes}", limit=max_bytes)
    return data


def read_stream(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of a stream (E005 beyond, E014 when it cannot be read)."""
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, ValueError) as exc:  # ValueError: the stream is closed
        raise EntenteError(E.E014, source=name, cause=one_line(exc) or type(exc).__name__) from exc
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        raise EntenteError(E.E005, source=name, size=f"more than {max_bytes}", limit=max_bytes)
    return data


def to_text(data: bytes, name: str, charset: str | None = None) -> str:
    """Decode bytes: the charset a server named when it fits, else entente's rules (UTF-8, cp1252)."""
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii", "ascii"):
        try:
            text = data.decode(charset)
            if text.strip() and "\x00" not in text:
                return text
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, name)[0]


def fetch(url: str, ctx: Context, max_bytes: int | None = None) -> tuple[bytes, str | None, str]:
    """``(body, charset, final URL)`` from entente's fetcher (its address checks, deadline, size cap)."""
    return fetcher.fetch(url, max_bytes=max_bytes or ctx.max_bytes, allow_private=ctx.allow_private)


def shown(url: str) -> str:
    """A URL as it may be stored and printed: credentials masked."""
    return fetcher.redact(url)


def fetch_item(
    url: str,
    ctx: Context,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
) -> Item | SourceFailure:
    """One web page as an item (``id`` the URL as given, ``url`` where it ended), or why not."""
    name = shown(url)
    try:
        body, charset, final = fetch(url, ctx)
        text = to_text(body, name, charset)
    except Exception as exc:
        return failure(name, exc)
    return Item(
        name,
        text,
        published=published,
        title=title,
        url=final,
        outlet=outlet,
        format="html" if looks_html(text) else "text",
    )


def check_text(name: str, text: str, ctx: Context, where: str) -> SourceFailure | None:
    """Why ``text`` cannot be a document (empty or over the cap), or ``None``."""
    if not text.strip():
        return error(name, E.E042, cause=f"{where} is empty")
    size = too_large(text, ctx.max_bytes)
    if size is not None:
        return SourceFailure(name, one_line(E.E005.format(size=size, limit=ctx.max_bytes)))
    return None
