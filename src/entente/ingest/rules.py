"""The furniture rules of ``data/furniture.yaml``, compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from entente.ingest.data import load

# A photographer's name in "AP Photo/Evan Vucci" or "Jane Doe/AFP": capitalised words.
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Rules:
    lone_line: re.Pattern[str]  # a whole line that is page furniture
    trailing_credit: tuple[re.Pattern[str], ...]  # a credit at the end of a caption line
    legend: re.Pattern[str]
    inline: re.Pattern[str] | None
    trailing: re.Pattern[str] | None
    duplicate_min_words: int
    caption_repeat_min_words: int
    caption_copy_min_words: int
    nav_max_lines: int
    nav_max_words: int
    nav_max_chars: int
    sentence_punct: str
    title_max_words: int
    contains: re.Pattern[str] | None  # a phrase that makes a short line furniture
    contains_max_words: int
    teaser_label: re.Pattern[str]  # a label line whose next (headline) line goes with it
    embed_signature: re.Pattern[str]  # "— Name (@handle) May 3, 2024" closing an embedded post
    embed_max_lines: int
    teaser_max_items: int


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = load("furniture")
    ag = _alt(data["agencies"])
    cw = _alt(data["credit_words"])
    credit_by = rf"(?:(?:{_NAME}|{ag})\s*(?:/|\bvia\b)\s*)?(?:{ag})(?:\s*/\s*{_NAME})?(?:\s+via\s+(?:{ag}))?"
    lone = [
        rf"(?i:{cw})(?i:\s*credit)?(?:\s*[:|/]|\s+[–—-])\s*.{{1,80}}",
        rf"{credit_by}\.?",
        rf"\((?:{ag})(?:\s*/\s*{_NAME})?\)\.?",
        *(f"(?i:{p})" for p in data["boilerplate_lines"]),
    ]
    trailing_credit = (
        re.compile(rf"\s+[(\[]?(?:{cw})(?:\s*credit)?\s*:\s*[^:]{{1,80}}?[)\]]?\s*$"),
        re.compile(rf"(?<=[.!?\"”’)])\s+{credit_by}\.?\s*$"),
        re.compile(rf"\s*\((?:{ag})(?:\s*/\s*{_NAME})?\)\.?\s*$"),
        re.compile(rf"\s+(?:(?:{ag})\s*(?:/|\bvia\b)\s*)?Getty Images\.?\s*$"),
        re.compile(r"\s*[-–—|,]?\s*\(?(?i:file photo)\)?\.?\s*$"),
    )
    inline = data.get("inline_phrases") or []
    trailing = data.get("trailing_phrases") or []
    contains = data.get("boilerplate_contains") or []
    return Rules(
        lone_line=re.compile("|".join(f"(?:{p})" for p in lone)),
        trailing_credit=trailing_credit,
        legend=re.compile(rf"\s*[{data['legend_chars']}]"),
        inline=re.compile(r"\s?(?:" + "|".join(inline) + ")") if inline else None,
        trailing=re.compile(r"(?:^|\s)(?:" + "|".join(trailing) + r")\s*$") if trailing else None,
        duplicate_min_words=int(data["duplicate_min_words"]),
        caption_repeat_min_words=int(data["caption_repeat_min_words"]),
        caption_copy_min_words=int(data["caption_copy_min_words"]),
        nav_max_lines=int(data["nav_max_lines"]),
        nav_max_words=int(data["nav_max_words"]),
        nav_max_chars=int(data["nav_max_chars"]),
        sentence_punct=str(data["sentence_punct"]),
        title_max_words=int(data["title_max_words"]),
        contains=re.compile("|".join(f"(?:{p})" for p in contains), re.IGNORECASE) if contains else None,
        contains_max_words=int(data["boilerplate_contains_max_words"]),
        teaser_label=re.compile(rf"(?i:{_alt(data['teaser_labels'])})\s*[:|]?"),
        embed_signature=re.compile(str(data["embed_signature"])),
        embed_max_lines=int(data["embed_max_lines"]),
        teaser_max_items=int(data["teaser_max_items"]),
    )
