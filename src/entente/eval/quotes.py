"""Scoring quotes and not-quotes (FORMAT.md, "Matching quotes")."""

from __future__ import annotations

from typing import Any

from entente.eval.gold import Gold, GoldQuote
from entente.eval.match import match_one_to_one
from entente.eval.text import DOUBLE_QUOTE_MARKS, bare, drop_leading_quotes, name_words, normalise

Counts = dict[str, int]
Misses = dict[str, list[str]]
Intervals = list[tuple[int, int]]

STARTS_GOLD_CHARS = 25  # first characters of the gold `starts` ...
STARTS_WINDOW = 120  # ... looked for within the first characters of the system's text
STARTS_SYSTEM_CHARS = 25  # or the first characters of the system's text within `starts`


def merge(spans: Intervals) -> Intervals:
    """Sorted, non-overlapping union of ``[start, end)`` intervals."""
    out: Intervals = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def shared_chars(a: Intervals, b: Intervals) -> int:
    total = 0
    for s1, e1 in merge(a):
        for s2, e2 in merge(b):
            total += max(0, min(e1, e2) - max(s1, s2))
    return total


def length(spans: Intervals) -> int:
    return sum(e - s for s, e in merge(spans))


def system_spans(quote: dict[str, Any]) -> Intervals:
    return [(int(c["start"]), int(c["end"])) for c in quote.get("content") or [] if c]


def system_text(quote: dict[str, Any]) -> str:
    text = quote.get("text")
    if text is None:
        text = " ".join((c or {}).get("text") or "" for c in quote.get("content") or [])
    return str(text)


def span_match(gold_spans: Intervals, spans: Intervals) -> float | None:
    """Shared characters >= half the shorter; scored by shared / longer."""
    shared = shared_chars(gold_spans, spans)
    lg, ls = length(gold_spans), length(spans)
    if shared == 0 or 2 * shared < min(lg, ls):
        return None
    return shared / max(lg, ls)


def starts_match(starts: str, text: str) -> float | None:
    """FORMAT.md's `starts` rule on normalised texts; scored higher the earlier the gold words occur."""
    g = drop_leading_quotes(normalise(starts))
    s = drop_leading_quotes(normalise(text))
    if not g or not s:
        return None
    pos = s[:STARTS_WINDOW].find(g[:STARTS_GOLD_CHARS])
    if pos >= 0:
        return 1.0 - pos / (2 * STARTS_WINDOW)
    if s[:STARTS_SYSTEM_CHARS] in g:
        return 0.25
    return None


def quote_match(gold: GoldQuote, quote: dict[str, Any]) -> float | None:
    if gold.content_spans:
        return span_match(list(gold.content_spans), system_spans(quote))
    assert gold.starts is not None  # the loader requires one of the two
    return starts_match(gold.starts, system_text(quote))


def speaker_right(gold: GoldQuote, quote: dict[str, Any]) -> bool:
    """The speaker mention overlaps the gold source span, or the names share a word."""
    speaker = quote.get("speaker") or {}
    mention = speaker.get("mention") or {}
    if gold.source_span and mention.get("start") is not None:
        start, end = gold.source_span
        if int(mention["start"]) < end and start < int(mention["end"]):
            return True
    name = speaker.get("name") or mention.get("text")
    return bool(name_words(name) & name_words(gold.speaker))


def looks_direct(quote: dict[str, Any], source_text: str) -> bool:
    """A quotation mark inside the quote's text or right around its content in the original."""
    if any(ch in DOUBLE_QUOTE_MARKS for ch in system_text(quote)):
        return True
    spans = merge(system_spans(quote))
    if not spans:
        return False
    before = source_text[max(0, spans[0][0] - 3) : spans[0][0]]
    after = source_text[spans[-1][1] : spans[-1][1] + 3]
    return any(ch in DOUBLE_QUOTE_MARKS for ch in before + after)


def _gold_label(gold: GoldQuote, source_text: str) -> str:
    if gold.starts:
        return f"{gold.speaker}: {gold.starts[:60]}"
    start, end = gold.content_spans[0]
    return f"{gold.speaker}: [{start},{end}] {normalise(source_text[start:end])[:60]}"


def score_quotes(gold: Gold, system: dict[str, Any], source_text: str) -> tuple[Counts, Misses]:
    if gold.quotes is None:
        return {}, {}
    quotes = list(system.get("quotes") or [])
    pairs = match_one_to_one(gold.quotes, quotes, quote_match)
    counts = {"quotes_gold": len(gold.quotes), "quotes_system": len(quotes), "quotes_tp": len(pairs)}

    judged = [
        (g, s) for g, s in ((gold.quotes[gi], quotes[si]) for gi, si in pairs) if not g.speaker_is_pronoun
    ]
    judged = [(g, s) for g, s in judged if g.speaker]
    right = [speaker_right(g, s) for g, s in judged]
    counts.update(speaker_n=len(judged), speaker_right=sum(right))

    direct = [g for g in gold.quotes if g.kind == "direct"]
    candidates = [
        q
        for q in quotes
        if looks_direct(q, source_text) or any(quote_match(g, q) is not None for g in direct)
    ]
    direct_pairs = match_one_to_one(direct, candidates, quote_match)
    counts.update(direct_gold=len(direct), direct_system=len(candidates), direct_tp=len(direct_pairs))

    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    misses = {
        "quotes_missed": [
            _gold_label(g, source_text) for i, g in enumerate(gold.quotes) if i not in matched_g
        ],
        "quotes_extra": [system_text(q)[:60] for i, q in enumerate(quotes) if i not in matched_s],
        "speakers_wrong": [
            f"{g.speaker}: got {(s.get('speaker') or {}).get('name')!r}"
            for (g, s), ok in zip(judged, right, strict=True)
            if not ok
        ],
    }
    return counts, misses


def score_not_quotes(gold: Gold, system: dict[str, Any]) -> tuple[Counts, Misses]:
    """A system quote whose bare text equals a listed phrase is a false quote."""
    if gold.not_quotes is None:
        return {}, {}
    phrases = {bare(p) for p in gold.not_quotes}
    false = [system_text(q) for q in system.get("quotes") or [] if bare(system_text(q)) in phrases]
    return {"not_quotes_n": len(gold.not_quotes), "false_quotes": len(false)}, {"false_quotes": false}
