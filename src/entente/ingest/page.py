"""What an HTML page says about its article besides the main text trafilatura finds.

Read from the page as trafilatura parses it (lxml): the headline candidates (``og:title``, ``<title>``,
the ``<h1>``), the outlet names (``og:site_name``, the JSON-LD publisher, the host
name), the standfirst (the page's description when it is shown on the page, else an
element whose class names it a standfirst, after the headline), the JSON-LD
``articleBody``, the authors; and the page (for trafilatura) without its embedded
social posts, small blocks holding a furniture phrase (a sign-up box, a browser
notice) and link lists under a teaser label ("Read More"). The word and class lists
are data, in ``data/furniture.yaml``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html
from lxml.etree import ParserError

from entente.ingest.data import load
from entente.ingest.rules import rules as rules_of

_WORD = re.compile(r"\w+")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\s]+\)")
_MD_EMPH = re.compile(r"(?<!\w)[*_]{1,2}(?=\S)([^*_\n]+?)(?<=\S)[*_]{1,2}(?!\w)")


def words(text: str) -> list[str]:
    """NFKC, lower-cased word tokens: the key for comparing a line with a headline or a body."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def contains(hay: list[str], needle: list[str]) -> bool:
    """Does the token list ``hay`` hold ``needle`` as a contiguous run?"""
    n = len(needle)
    if n == 0:
        return True
    first = needle[0]
    return any(hay[i] == first and hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _squash(s: str) -> str:
    return " ".join(s.split())


@dataclass(frozen=True)
class PageInfo:
    headlines: tuple[str, ...]  # og:title, <title>, the first <h1>: each as on the page
    outlets: tuple[str, ...]  # og:site_name, JSON-LD publisher name, the host name
    authors: tuple[str, ...]  # meta author, JSON-LD author names
    standfirst: str | None
    article_body: str | None  # the longest JSON-LD articleBody, markup lines removed
    tree: Any  # the page without its embedded social posts (for trafilatura), or None


def _meta(tree: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or "").strip().lower()
        content = m.get("content")
        if key and content and key not in out:
            out[key] = _squash(content)
    return out


def _ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    def walk(node: object) -> Iterator[dict[str, Any]]:
        if isinstance(node, dict):
            yield node
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            yield from walk(json.loads(script.text_content() or "null", strict=False))
        except ValueError:
            continue


def _article_body(objects: list[dict[str, Any]]) -> str | None:
    rules = load("furniture")
    markup = re.compile("|".join(f"(?:{p})" for p in rules["jsonld_markup_lines"]))
    bodies = [o["articleBody"] for o in objects if isinstance(o.get("articleBody"), str)]
    if not bodies:
        return None
    body = max(bodies, key=len)
    if "<" in body and re.search(r"</?(?:p|br|div)\b", body):
        body = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", body)
        body = lxml_html.fromstring(f"<div>{body}</div>").text_content()
    inline = re.compile("|".join(f"(?:{p})" for p in rules["jsonld_inline_markup"]))
    lines = []
    for line in body.split("\n"):
        line = _MD_EMPH.sub(r"\1", _MD_LINK.sub(r"\1", inline.sub("", line))).strip()
        if line and not markup.fullmatch(line):
            lines.append(line)
    return "\n".join(lines) or None


def _outlets(meta: dict[str, str], objects: list[dict[str, Any]], url: str | None) -> tuple[str, ...]:
    names = [meta.get("og:site_name", ""), meta.get("application-name", "")]
    for o in objects:
        pub = o.get("publisher")
        if isinstance(pub, dict) and isinstance(pub.get("name"), str):
            names.append(pub["name"])
    if url:
        host = urlsplit(url).hostname or ""
        parts = [p for p in host.split(".") if p not in ("www", "com", "co", "org", "net", "news")]
        if parts:
            names.append(max(parts, key=len))
    return tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def _text(el: Any) -> str:
    return _squash(el.text_content())


def _standfirst(tree: Any, meta: dict[str, str], h1: Any) -> str | None:
    """The description when an element after the headline shows it, else a standfirst-class element."""
    rules = load("furniture")
    lo, hi = int(rules["standfirst_min_words"]), int(rules["standfirst_max_words"])
    body = tree.find("body")
    if body is None:
        return None
    after = h1 is None
    elements: list[Any] = []
    for el in body.iter():
        if el is h1:
            after = True
            continue
        if after and isinstance(el.tag, str) and el.tag not in ("script", "style", "noscript", "a"):
            elements.append(el)
    for key in ("og:description", "description", "twitter:description"):
        desc = words(meta.get(key, ""))
        if len(desc) < lo:
            continue
        probe = desc[:-1] if len(desc) > lo else desc  # a description may end on a cut word
        best = None
        for el in elements[:4000]:
            raw = el.text_content()
            t = words(raw) if len(raw) < hi * 20 else []
            if len(t) <= hi and contains(t, probe):
                best = el  # the innermost element that holds it comes last among its ancestors
            elif best is not None:
                break
        if best is not None:
            return _text(best)
    classes = re.compile(r"(?:^|[\s_-])(?:" + "|".join(rules["standfirst_classes"]) + r")(?:$|[\s_-])", re.I)
    for el in elements[:400]:
        if classes.search(el.get("class") or ""):
            text = _text(el)
            if lo <= len(words(text)) <= hi:
                return text
    return None


def _drop_embeds(tree: Any) -> None:
    classes = frozenset(load("furniture")["html_embed_classes"])
    doomed = [el for el in tree.xpath("//*[@class]") if classes.intersection(el.get("class", "").split())]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # the text that followed the embed stays


def _drop_furniture_blocks(tree: Any) -> None:
    """Small blocks (a sign-up box, a browser notice) that hold a furniture phrase are removed."""
    rules = rules_of()
    if rules.contains is None:
        return
    body = tree.find("body")
    if body is None:
        return
    limit = int(load("furniture")["boilerplate_block_max_words"])
    doomed = []
    for el in body.iter("p", "div", "aside", "section", "form", "li", "figure", "span", "strong", "em"):
        raw = el.text_content()
        if len(raw) <= limit * 12 and len(raw.split()) <= limit and rules.contains.search(_squash(raw)):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None and not any(a in doomed for a in el.iterancestors()):
            el.drop_tree()


def _drop_teaser_lists(tree: Any) -> None:
    """A list of links under a teaser label ("Read More", "Related") is a related-stories block."""
    label = rules_of().teaser_label
    for lst in tree.xpath("//body//ol | //body//ul"):
        items = [li for li in lst.findall("li") if li.find(".//a") is not None]  # not the ad slots
        if not items or any(not _link_only(li) for li in items):
            continue
        prev = lst.getprevious()
        while prev is not None and not isinstance(prev.tag, str):  # a comment
            prev = prev.getprevious()
        if prev is not None and label.fullmatch(_text(prev)):
            for el in (prev, lst):
                if el.getparent() is not None:
                    el.drop_tree()


def _link_only(li: Any) -> bool:
    text = _squash(li.text_content())
    linked = sum(len(_squash(a.text_content())) for a in li.iter("a"))
    return bool(text) and linked >= 0.9 * len(text)


def _authors(meta: dict[str, str], objects: list[dict[str, Any]]) -> tuple[str, ...]:
    names = [meta.get("author", ""), meta.get("article:author", ""), meta.get("twitter:creator", "")]
    for o in objects:
        author = o.get("author")
        for a in author if isinstance(author, list) else [author]:
            if isinstance(a, dict) and isinstance(a.get("name"), str):
                names.append(a["name"])
            elif isinstance(a, str):
                names.append(a)
    return tuple(n for n in dict.fromkeys(_squash(n) for n in names) if n and not n.startswith("http"))


def read_page(html: str, url: str | None) -> PageInfo:
    """Parse ``html``; an unparsable page gives an empty :class:`PageInfo`."""
    try:
        from trafilatura import load_html  # the parse trafilatura itself would make

        tree = load_html(html)
    except (ParserError, ValueError, TypeError):
        tree = None
    if tree is None:
        return PageInfo((), (), (), None, None, None)
    meta = _meta(tree)
    objects = list(_ld_objects(tree))
    h1s = tree.xpath("//body//h1")
    h1 = next((h for h in h1s if len(words(_text(h))) >= 2), None)
    title_el = tree.find(".//title")
    heads = [
        meta.get("og:title", ""),
        _text(title_el) if title_el is not None else "",
        _text(h1) if h1 is not None else "",
    ]
    headlines = tuple(dict.fromkeys(h for h in heads if h))
    standfirst = _standfirst(tree, meta, h1)
    body = _article_body(objects)
    _drop_embeds(tree)
    _drop_furniture_blocks(tree)
    _drop_teaser_lists(tree)
    return PageInfo(headlines, _outlets(meta, objects, url), _authors(meta, objects), standfirst, body, tree)
