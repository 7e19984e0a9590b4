"""HTML pages: find the article's main text and metadata with trafilatura.

The text that trafilatura extracts (one line per paragraph) from the page less its
embedded posts and furniture blocks (``entente.ingest.page``), or the page's JSON-LD
``articleBody`` when that is much longer, becomes the document's ``raw`` text with
paragraphs separated by blank lines: without the headline, date-only lines and a
byline at its top, with the standfirst first. Offsets of the original HTML are not kept.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from entente.errors import E, EntenteError
from entente.ingest.data import load
from entente.ingest.dateline import parse_dateline
from entente.ingest.page import PageInfo, contains, read_page, words

# " | ", " - ", " – ", " — ", " * ", " :: ", " · " between a headline and the outlet's name
_SEP = re.compile(r"(\s+(?:[|*·•–—-]|::)\s+)")
_TAIL_MAX_WORDS = 4  # what may follow the outlet's name: "by Jane Doe"
_TAG = re.compile(r"<(?:html|head|body|p|div|article|meta|title|section|span|br|a)\b", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    outlet: str | None
    published: date | None
    standfirst: str | None = None  # the standfirst put first in ``text``, when the extraction lacked it


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


def strip_site_suffix(title: str, outlets: tuple[str, ...]) -> str:
    """``title`` less a trailing "| Outlet" or "- Outlet" (and a short "| by Name" after it).

    A part is cut only when it names one of ``outlets`` (the page's site name, publisher
    or host name), compared without case, spaces, punctuation or a leading "the".
    """
    names = {_name_key(o) for o in outlets} - {""}
    if not names:
        return title
    parts = _SEP.split(title)  # text, separator, text, ...
    for i in range(2, len(parts), 2):
        tail = parts[i + 2 :: 2]
        if _name_key(parts[i]) in names and all(len(t.split()) <= _TAIL_MAX_WORDS for t in tail):
            head = "".join(parts[: i - 1]).strip()
            return head if head else title
    return title


def _name_key(s: str) -> str:
    key = re.sub(r"[\W_]+", "", s.lower())
    return key[3:] if key.startswith("the") and len(key) > 6 else key


def _drop_headline(paragraphs: list[str], headlines: list[str]) -> list[str]:
    """Paragraphs among the first three that repeat a headline, or are only a date, are dropped."""
    keys = [k for k in (words(h) for h in headlines if h) if k]
    head = [p for p in paragraphs[:3] if not any(words(p) == k for k in keys) and parse_dateline(p) is None]
    return head + paragraphs[3:]


def _drop_byline(paragraphs: list[str], authors: tuple[str, ...]) -> list[str]:
    """A leading paragraph (among the first three) made only of the authors' names is a byline."""
    names = {w for a in authors for w in words(a)}
    if not names:
        return paragraphs
    filler = {"by", "and", "with", "in", "staff", "reporter", "reporters", "writer", "correspondent"}
    out = list(paragraphs)
    for i in range(min(3, len(out))):
        ws = words(out[i])
        if (
            ws
            and len(ws) <= 12
            and any(w in names for w in ws)
            and all(w in names or w in filler for w in ws)
        ):
            del out[i]
            break
    return out


def extract(html: str, source: str, url: str | None = None) -> HtmlArticle:
    """The main text and metadata of ``html``; E006 when there is no article text.

    The text is trafilatura's, from the page without its embedded social posts; the JSON-LD
    ``articleBody`` replaces it when it is much longer (an article split over several
    containers), the headline is not repeated as its first paragraph, and a standfirst
    shown on the page that the text lacks is put first.
    """
    import trafilatura  # imported here: it is slow to import and plain text does not need it

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        page = read_page(html, url)
    except Exception:  # odd markup must not cost the article: trafilatura alone still reads it
        page = PageInfo((), (), (), None, None, None)
    try:
        doc = trafilatura.bare_extraction(
            page.tree if page.tree is not None else html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise EntenteError(E.E006, source=source) from exc
    data = load("furniture")
    text = getattr(doc, "text", None) or ""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if page.article_body:
        n_body, n_text = len(words(page.article_body)), len(words(text))
        if n_body >= int(data["jsonld_min_words"]) and n_body >= float(data["jsonld_longer_ratio"]) * n_text:
            paragraphs = [line.strip() for line in page.article_body.split("\n") if line.strip()]
    sitename = getattr(doc, "sitename", None) or None
    outlets = (*page.outlets, *((sitename,) if sitename else ()))
    raw_title = getattr(doc, "title", None) or None
    title = strip_site_suffix(raw_title, outlets) if raw_title else None
    heads = [*page.headlines, *(strip_site_suffix(h, outlets) for h in page.headlines)]
    paragraphs = _drop_headline(paragraphs, [*heads, *([raw_title, title] if raw_title and title else [])])
    author = getattr(doc, "author", None)
    paragraphs = _drop_byline(paragraphs, (*page.authors, *((author,) if isinstance(author, str) else ())))
    standfirst = page.standfirst
    if standfirst and not contains(words(" ".join(paragraphs)), words(standfirst)):
        if not any(words(standfirst) == words(h) for h in heads):
            paragraphs.insert(0, standfirst)
    else:
        standfirst = None
    min_words = int(data["html_min_paragraph_words"])
    if not any(len(p.split()) >= min_words for p in paragraphs):
        raise EntenteError(E.E006, source=source)  # only menus and link lists were found
    return HtmlArticle(
        text="\n\n".join(paragraphs),
        title=title,
        outlet=sitename,
        published=_date(getattr(doc, "date", None)),
        standfirst=standfirst,
    )
