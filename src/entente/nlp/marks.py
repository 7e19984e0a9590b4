"""Quotation marks: pair them into quoted segments, paragraph by paragraph.

Handles curly, straight, guillemet and mangled (``` `` '' ```, mojibake) double
marks, single marks nested inside double ones, and quotes that run over
several paragraphs (a paragraph that opens a quote without closing it goes on
in the next paragraph when that one opens with a quotation mark again).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from entente import doctext

# Longest alternatives first: mojibake of “ ” is three characters.
_DOUBLE = re.compile(r"â€œ|â€\x9d|â€|``|''|[“”„‟«»\"]")
_OPENERS = {"“", "„", "‟", "«", "``", "â€œ"}
_CLOSERS = {"”", "»", "''", "â€\x9d", "â€"}
_SINGLE_OPEN = {"‘", "'"}
_SINGLE_CLOSE = {"’", "'"}
_SINGLE = re.compile("[" + re.escape("".join(sorted(_SINGLE_OPEN | _SINGLE_CLOSE))) + "]")


@dataclass
class Segment:
    """A quoted stretch: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    depth: int = 0  # 0: outermost; 1: a single-quoted segment inside a double-quoted one
    closed: bool = True
    chain: int = -1  # segments of one quote running over paragraphs share a chain id
    parent: int | None = None  # index of the enclosing segment for nested ones

    @property
    def length(self) -> int:
        return self.inner_end - self.inner_start


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: scraped articles keep one paragraph per line."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def _role(mark: str, text: str, pos: int, end: int, is_open: bool) -> str | None:
    """'open', 'close' or None (a stray mark) for a double mark at ``pos``."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[end] if end < len(text) else " "
    if mark in _OPENERS:
        return (
            "close" if is_open and not before.isspace() and (after.isspace() or after in ".,;:") else "open"
        )
    if mark in _CLOSERS:
        if is_open:
            return "close"
        # "”" used as an opening mark by some sites: before a word, after a space.
        return "open" if (before.isspace() or before in "([—–-") and not after.isspace() else None
    # straight or otherwise ambiguous marks toggle, helped by the spacing
    if is_open:
        return "close"
    return "open" if not after.isspace() else None


def _singles(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Single-quoted stretches ``‘...’`` between ``start`` and ``end`` (marks included)."""
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for m in _SINGLE.finditer(text, start, end):  # only a single mark opens or closes
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if (
            opened is None
            and ch in _SINGLE_OPEN
            and (before.isspace() or before in '(“"—')
            and after.isalnum()
        ):
            opened = i
        elif opened is not None and ch in _SINGLE_CLOSE and not after.isalnum() and i - opened > 2:
            found.append((opened, i + 1))
            opened = None
    return found


def find_segments(text: str) -> list[Segment]:
    """All quoted segments of ``text``, outer ones first within each paragraph."""
    segments: list[Segment] = []
    chain_open: int | None = None  # chain id of a quote left open by the previous paragraph
    next_chain = 0
    for p, (pstart, pend) in enumerate(paragraphs(text)):
        opened: tuple[int, int] | None = None  # (mark start, mark end)
        outer: list[Segment] = []
        carried = chain_open
        chain_open = None
        nested = 0  # curly quotes inside curly quotes: “... what he calls “hell” than ...”
        for m in _DOUBLE.finditer(text, pstart, pend):
            role = _role(m.group(), text, m.start(), m.end(), opened is not None)
            if role == "open" and opened is None:
                opened = (m.start(), m.end())
            elif role == "open" and m.group() in _OPENERS and text[m.start() - 1].isspace():
                nested += 1
            elif role == "close" and opened is not None and nested:
                nested -= 1
            elif role == "close" and opened is not None:
                outer.append(Segment(opened[0], m.end(), opened[1], m.start(), p))
                opened = None
        if opened is not None:  # runs on to the paragraph's end
            stop = pend
            while stop > opened[1] and text[stop - 1].isspace():
                stop -= 1
            outer.append(Segment(opened[0], stop, opened[1], stop, p, closed=False))
        for i, seg in enumerate(outer):
            if i == 0 and carried is not None and text[pstart : seg.start].strip() == "":
                seg.chain = carried
            else:
                seg.chain = next_chain
                next_chain += 1
        if outer and not outer[-1].closed:
            chain_open = outer[-1].chain
        if not outer and not _DOUBLE.search(text, pstart, pend):  # British style: single marks
            outer = [
                Segment(a, b, a + 1, b - 1, p, chain=next_chain) for a, b in _singles(text, pstart, pend)
            ]
            next_chain += len(outer)
        for seg in outer:
            index = len(segments)
            segments.append(seg)
            for a, b in _singles(text, seg.inner_start, seg.inner_end):
                segments.append(Segment(a, b, a + 1, b - 1, p, depth=1, chain=-1, parent=index))
    return segments


def doc_segments(doc: Doc) -> list[Segment]:
    """``find_segments`` of the Doc's text, found once per Doc (people and quotes both read them).

    The list is shared: read it, do not change it.
    """
    return doctext.memo(doc, "marks.segments", lambda d: find_segments(doctext.text(d)))
