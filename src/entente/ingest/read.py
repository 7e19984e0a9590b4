"""Read an article from a string, a file, a URL or stdin; clean it; keep the offset map."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import BinaryIO

from entente.errors import E, EntenteError, W
from entente.ingest.clean import clean
from entente.ingest.decode import decode
from entente.ingest.document import Document
from entente.ingest.fetch import fetch, redact
from entente.ingest.html import extract, looks_html
from entente.ingest.lang import guess
from entente.ingest.repair import repair
from entente.records import ArticleInfo, Span, article_id

MAX_BYTES = 10_000_000
_URL = re.compile(r"https?://", re.IGNORECASE)


def load_text(
    text: str, *, source: str = "<text>", published: date | None = None, title: str | None = None
) -> Document:
    """Clean an in-memory plain text; ``published`` (``--date``) stands in where it has no dateline."""
    if not text.strip():
        raise EntenteError(E.E002, source=source, size=len(text.encode("utf-8")))
    return _build(text, source=source, published=published, title=title, input_format="text")


def load_string(
    data: str,
    *,
    source: str = "<text>",
    published: date | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    input_format: str = "auto",
) -> Document:
    """Clean an in-memory text or HTML page (``input_format`` "auto" looks at the content).

    ``title`` and ``outlet`` given by a collection (a CSV column, a feed entry) win over the page's.
    """
    if not data.strip():
        raise EntenteError(E.E002, source=source, size=len(data.encode("utf-8")))
    if input_format == "html" or (input_format == "auto" and looks_html(data)):
        art = extract(data, source, url)
        return _build(
            art.text,
            source=source,
            published=published,
            title=title or art.title,
            input_format="html",
            outlet=outlet or art.outlet,
            page_date=art.published,
            url=url,
        )
    return _build(
        data, source=source, published=published, title=title, input_format="text", outlet=outlet, url=url
    )


def load_document(
    source: str,
    *,
    published: date | None = None,
    max_bytes: int = MAX_BYTES,
    stdin: BinaryIO | None = None,
    allow_private: bool = False,
) -> Document:
    """Read, decode and clean the article at ``source``: a path, an http(s) URL, or ``-`` for stdin.

    URLs are fetched by :func:`entente.ingest.fetch.fetch` (public addresses only unless
    ``allow_private``). Raises :class:`EntenteError` with a catalogue code for input that cannot be used.
    """
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be 0 or more, not {max_bytes}")
    charset, url = None, None
    if source == "-":
        data = _read_stream(stdin if stdin is not None else _stdin(), source, max_bytes)
    elif _URL.match(source):
        data, charset, url = fetch(source, max_bytes=max_bytes, allow_private=allow_private)
        source = redact(source)  # no password in messages or in the article's source
    else:
        data = _read_file(source, max_bytes)
    text, warnings = _decode(data, source, charset)
    if looks_html(text):
        art = extract(text, source, url)
        return _build(
            art.text,
            source=source,
            published=published,
            title=art.title,
            input_format="html",
            outlet=art.outlet,
            page_date=art.published,
            warnings=warnings,
            url=url,
        )
    return _build(
        text, source=source, published=published, title=None, input_format="text", warnings=warnings
    )


def _read_file(source: str, max_bytes: int) -> bytes:
    path = Path(source)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise EntenteError(E.E014, source=source, cause="it is a directory")
        if size > max_bytes:
            raise EntenteError(E.E005, source=source, size=size, limit=max_bytes)
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise EntenteError(E.E001, source=source) from exc
    except OSError as exc:
        raise EntenteError(E.E014, source=source, cause=exc.strerror or type(exc).__name__) from exc
    if len(data) > max_bytes:  # a special file that reported no size
        raise EntenteError(E.E005, source=source, size=f"more than {max_bytes}", limit=max_bytes)
    return data


def _stdin() -> BinaryIO:
    """Standard input's byte stream; E014 when there is none (closed, as with ``<&-``)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise EntenteError(E.E014, source="-", cause="standard input is closed")
    return stream  # type: ignore[no-any-return]


def _read_stream(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, ValueError) as exc:  # ValueError: a closed file object
        cause = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise EntenteError(E.E014, source=source, cause=cause) from exc
    if data is None:  # a non-blocking stream with nothing to read
        data = b""
    if isinstance(data, str):  # a text stream was passed
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        raise EntenteError(E.E005, source=source, size=f"more than {max_bytes}", limit=max_bytes)
    return data


def _decode(data: bytes, source: str, charset: str | None) -> tuple[str, tuple[str, ...]]:
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii", "ascii"):
        try:
            text = data.decode(charset)
            if text.strip() and "\x00" not in text:
                return text, ()
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, source)


def _build(
    raw: str,
    *,
    source: str,
    published: date | None,
    title: str | None,
    input_format: str,
    outlet: str | None = None,
    page_date: date | None = None,
    warnings: tuple[str, ...] = (),
    url: str | None = None,
) -> Document:
    cleaned = clean(repair(raw))
    mt = cleaned.text
    body = mt.text.strip()
    if not body:
        raise EntenteError(E.E012, source=source)
    lead = len(mt.text) - len(mt.text.lstrip())
    mt = mt.keep([(lead, lead + len(body))])
    # the input's own date wins; ``published`` (--date) gives the date where the input has none
    if page_date is not None:
        when, date_source = page_date, "html"
    elif cleaned.dateline is not None:
        when, date_source = cleaned.dateline, "text"
    elif published is not None:
        when, date_source = published, "option"
    else:
        when, date_source = None, None
    notes = list(warnings)
    language, english = guess(mt.text)
    if not english:
        notes.append(W.W001.format(lang=language or "unknown"))
    info = ArticleInfo(
        source=source,
        title=title or cleaned.title,
        outlet=outlet,
        published=when,
        date_source=date_source,
        text=mt.text,
        input_format=input_format,
        language=language,
        removed=tuple(Span(s, e, raw[s:e]) for s, e in cleaned.removed),
        id=article_id(raw),
        input=raw,
        url=url,
    )
    return Document(raw=raw, info=info, offsets=mt.offsets, warnings=tuple(notes))
