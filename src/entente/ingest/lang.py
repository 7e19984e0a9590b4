"""A cheap, dependency-free language guess from function words (``data/language.yaml``)."""

from __future__ import annotations

import re
from functools import lru_cache

from entente.ingest.data import load

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def _lists() -> tuple[dict[str, frozenset[str]], int, float]:
    data = load("language")
    langs = {code: frozenset(str(words).lower().split()) for code, words in data["languages"].items()}
    return langs, int(data["min_words"]), float(data["english_min_share"])


def shares(text: str, sample: int = 5000) -> dict[str, float]:
    """Share of the first ``sample`` words found in each language's function-word list."""
    langs, _, _ = _lists()
    words = [w.lower() for w in _WORD.findall(text[: sample * 8])][:sample]
    if not words:
        return {code: 0.0 for code in langs}
    return {code: sum(w in fw for w in words) / len(words) for code, fw in langs.items()}


def guess(text: str) -> tuple[str | None, bool]:
    """``(language code or None, looks English)``: None when the text is too short to judge."""
    _, min_words, en_min = _lists()
    if len(_WORD.findall(text[: min_words * 40])) < min_words:
        return None, True
    s = shares(text)
    best = max(s, key=lambda code: s[code])
    if s[best] < en_min / 3:
        return "und", False
    if best == "en" or s["en"] >= en_min:
        return "en", True
    return (best if s[best] >= en_min / 2 else "und"), False
