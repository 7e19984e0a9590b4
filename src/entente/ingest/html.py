"""HTML pages: find the article's main text and metadata with trafilatura.

The text that trafilatura extracts (one line per paragraph) becomes the
document's ``raw`` text with paragraphs separated by blank lines; offsets of
the original HTML are not kept.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from entente.errors import E, EntenteError
from entente.ingest.data import load

_TAG = re.compile(r"<(?:html|head|body|p|div|article|meta|title|section|span|br|a)\b", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    outlet: str | None
    published: date | None


def looks_html(text: str) -> bool:
    """Does ``text`` look like an HTML page rather than plain text?"""
    head = text[:4096].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:20000].lower():
        return True
    return head.startswith("<") and len(_TAG.findall(head)) >= 2


def _date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract(html: str, source: str, url: str | None = None) -> HtmlArticle:
    """The main text and metadata of ``html``; E006 when there is no article text."""
    import trafilatura  # imported here: it is slow to import and plain text does not need it

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise EntenteError(E.E006, source=source) from exc
    text = getattr(doc, "text", None) or ""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    min_words = int(load("furniture")["html_min_paragraph_words"])
    if not any(len(p.split()) >= min_words for p in paragraphs):
        raise EntenteError(E.E006, source=source)  # only menus and link lists were found
    return HtmlArticle(
        text="\n\n".join(paragraphs),
        title=getattr(doc, "title", None) or None,
        outlet=getattr(doc, "sitename", None) or None,
        published=_date(getattr(doc, "date", None)),
    )
