"""Text normalisation shared by the scoring rules (see docs/eval.md)."""

from __future__ import annotations

import re

_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
    }
)
DOUBLE_QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb')
_STOP = frozenset({"the", "and", "for"})
_EDGE = " \"'.,;:!?()[]{}-\u2013\u2014"


def normalise(text: str) -> str:
    """Curly quotes and apostrophes to straight ones, white space folded."""
    return " ".join(text.translate(_QUOTES).split())


def drop_leading_quotes(text: str) -> str:
    return text.lstrip("\"' ")


def _drop_the(text: str) -> str:
    return text[4:] if text.startswith("the ") else text


def form_key(text: str) -> str:
    """Key on which an actor form and a mention's text are compared.

    Normalised, case-folded, without a leading "the" or a trailing possessive "'s".
    """
    t = normalise(text).casefold().strip(_EDGE)
    if t.endswith("'s"):
        t = t[:-2]
    return _drop_the(t).strip(_EDGE)


def bare(text: str) -> str:
    """Key for "a quote with that text": normalised, case-folded, outer marks and a leading "the" off."""
    return _drop_the(normalise(text).casefold().strip(_EDGE)).strip(_EDGE)


def words(text: str | None) -> list[str]:
    """Case-folded words (letters and digits)."""
    return re.findall(r"\w+", normalise(text or "").casefold())


def contains_words(system: str | None, gold: str) -> bool:
    """Whether every word of ``gold`` occurs among the words of ``system``."""
    have = set(words(system))
    return bool(have) and all(w in have for w in words(gold))


def name_words(text: str | None) -> set[str]:
    """Words of three or more letters, other than "the", "and", "for" (speaker rule)."""
    found = re.findall(r"[^\W\d_]+", normalise(text or "").casefold())
    return {w for w in found if len(w) >= 3 and w not in _STOP}


def name_parts(name: str) -> list[str]:
    """A person's name as case-folded words, periods dropped ("J. Smith" -> ["j", "smith"])."""
    return [w for w in re.split(r"[\s.]+", normalise(name).casefold()) if w]
