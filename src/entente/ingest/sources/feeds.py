"""RSS and Atom feeds (feedparser): each entry's content or summary, or the page it links to."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import feedparser

from entente.errors import E
from entente.ingest.sources.base import (
    Context,
    SourceFailure,
    check_text,
    error,
    fetch_item,
    one_line,
    parse_when,
    text_or_none,
)
from entente.records import Item

Result = Item | SourceFailure
FEED_FACTOR = 5  # a feed file may hold this many documents' worth of bytes
_FEED_HEAD = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_HEAD = re.compile(rb"<html[\s>]", re.IGNORECASE)


def feed_cap(ctx: Context) -> int:
    return FEED_FACTOR * ctx.max_bytes


def looks_feed(head: bytes) -> bool:
    """Do the first bytes of a file or response look like RSS or Atom (and not an HTML page)?"""
    head = head[:4096]
    return bool(_FEED_HEAD.search(head)) and not _HTML_HEAD.search(head)


class _FragmentText(HTMLParser):
    """The text of an HTML fragment (a feed entry's content), one paragraph per block."""

    BLOCKS = frozenset(
        {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table"}
        | {"section", "article", "pre", "figure", "figcaption", "header", "footer", "aside", "dl", "dd"}
        | {"dt", "hr"}
    )
    SKIP = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment: paragraphs separated by a blank line, spaces collapsed."""
    parser = _FragmentText()
    parser.feed(html)
    parser.close()
    paragraphs = re.split(r"\n\s*\n", "".join(parser.parts))
    lines = ("\n".join(" ".join(line.split()) for line in p.splitlines() if line.strip()) for p in paragraphs)
    return "\n\n".join(p for p in lines if p)


def _entry_text(entry: Any) -> str:
    """An entry's content, else its summary, as plain text ("" when it has neither)."""
    candidates = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or []]
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    for value, kind in candidates:
        text = fragment_text(value) if "html" in kind.lower() else value.strip()
        if text.strip():
            return text
    return ""


def feed_items(data: bytes, name: str, ctx: Context, *, base: str | None = None) -> Iterator[Result]:
    """The entries of a feed in ``data`` (read from the file or URL ``name``)."""
    headers = {"content-location": base} if base else None
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as exc:  # feedparser is lenient; anything left is a broken document
        yield error(name, E.E043, cause=one_line(exc) or type(exc).__name__)
        return
    entries = parsed.get("entries") or []
    if not parsed.get("version") and not entries:
        cause = one_line(parsed.get("bozo_exception") or "") or "no RSS or Atom elements found"
        yield error(name, E.E043, cause=cause)
        return
    outlet = text_or_none((parsed.get("feed") or {}).get("title"))
    if not entries:
        ctx.stats.skip("feeds without entries")
    for number, entry in enumerate(entries, start=1):
        link = text_or_none(entry.get("link"))
        ident = link or text_or_none(entry.get("id")) or f"{name}#{number}"
        title = text_or_none(entry.get("title"))
        published = parse_when(entry.get("published_parsed") or entry.get("updated_parsed"))
        text = _entry_text(entry)
        if text:
            bad = check_text(ident, text, ctx, "the entry's content")
            yield bad or Item(ident, text, published, title, link, outlet, "text")
        elif link and re.match(r"https?://", link, re.IGNORECASE):
            yield fetch_item(link, ctx, title=title, outlet=outlet, published=published)
        else:
            yield error(ident, E.E042, cause="the feed entry has no content, summary or web link")
