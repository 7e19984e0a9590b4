"""A quote under construction, and the text geometry both extractors share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from entente.doctext import Ranges
from entente.nlp.marks import Segment

SENTENCE_END = {".", "!", "?"}


@dataclass
class Draft:
    """Content ranges (doc chars), the cue and the speaker's head word; the kind is decided at the end."""

    content: list[tuple[int, int]]
    cue: Token | None
    speaker: Token | None
    segments: list[int] = field(default_factory=list)  # indexes of the quoted segments it holds
    according: bool = False
    speaker_from: Draft | None = None  # a quote paragraph without a cue takes its speaker from here

    @property
    def start(self) -> int:
        return min(a for a, _ in self.content)


def inside(pos: int, ranges: Ranges | Sequence[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of ``ranges``; pass a :class:`Ranges` when asking per token."""
    if isinstance(ranges, Ranges):
        return pos in ranges
    return any(a <= pos < b for a, b in ranges)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def token_at(doc: Doc, char: int) -> int:
    """Index of the first token that ends after ``char``."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        tok = doc[mid]
        if tok.idx + len(tok.text) <= char:
            lo = mid + 1
        else:
            hi = mid
    return lo


def frame(doc: Doc, seg: Segment, lo: int, hi: int, side: str) -> list[Token]:
    """Words outside the quote in its own sentence, on one ``side``, within ``[lo, hi)`` chars.

    Left: back to the previous sentence end; right: up to and including the next sentence end.
    """
    out: list[Token] = []
    if side == "left":
        i = token_at(doc, seg.start) - 1
        while i >= 0 and doc[i].idx >= lo:
            if doc[i].text in SENTENCE_END:
                break
            out.append(doc[i])
            i -= 1
        out.reverse()
        return out
    i = token_at(doc, seg.end)
    while i < len(doc) and doc[i].idx < hi:
        out.append(doc[i])
        if doc[i].text in SENTENCE_END:
            break
        i += 1
    return out


def words_in(doc: Doc, start: int, end: int) -> int:
    span = doc.char_span(start, end, alignment_mode="expand")
    return 0 if span is None else sum(1 for t in span if t.is_alpha)


def is_statement(doc: Doc, seg: Segment, min_words: int) -> bool:
    """Long enough and not a name: scare quotes and titles ("Axis of Resistance") are not statements."""
    span = doc.char_span(seg.inner_start, seg.inner_end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if t.is_alpha]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in span)
    inner = span.text.strip()
    if has_verb and len(words) >= 2 and inner[:1].isupper() and inner[-1:] in (".", "!", "?"):
        return True  # a whole sentence, however short: “Europe will respond.”
    if len(words) < min_words:
        return False
    if all(t.text[:1].isupper() for t in words):  # every word capitalised: a title ("All Bets Are Off")
        return False
    title_case = all(t.text[:1].isupper() or t.is_stop for t in words)
    return has_verb or not title_case
