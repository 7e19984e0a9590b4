"""The relational lexicon: ``data/phrases.yaml`` read into typed, frozen records."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from entente.yamlio import load_yaml

#: an item that lets up to this many tokens pass
GAP = 3


@dataclass(frozen=True)
class Item:
    """One position of a pattern: alternatives (lemmas or lower-case forms), or a gap."""

    words: frozenset[str]
    gap: bool = False


@dataclass(frozen=True)
class Phrase:
    name: str
    items: tuple[Item, ...]
    head: int  # index into items
    sign: Literal["+", "-"]
    weight: float
    irritant: bool = False
    welcome: bool = False
    partner_required: bool = False
    comparative: bool = False
    pos: frozenset[str] = frozenset()  # the head's part of speech must be one of these (any if empty)
    predicate: frozenset[str] = frozenset()  # the head must be the subject of one of these verbs
    negation: Literal["flip", "drop"] = "drop"  # what a negation or avoidance above it does
    preps: frozenset[str] = frozenset()  # its own partner prepositions (else the lexicon's)


@dataclass(frozen=True)
class Lexicon:
    phrases: tuple[Phrase, ...]
    reversers: frozenset[str]
    benefit_to: frozenset[str]
    benefit_object: frozenset[str]
    partner_preps: frozenset[str]
    also_preps: frozenset[str]
    also_two_words: frozenset[tuple[str, str]]
    group_nouns: frozenset[str]
    not_the_state: frozenset[str]
    as_verbs: frozenset[str]
    past: frozenset[str]
    backed: frozenset[str]


def parse_pattern(pattern: str) -> tuple[tuple[Item, ...], int]:
    """``"deepen|strengthen * tie|relation"`` -> items and the head's index."""
    items: list[Item] = []
    head = -1
    for raw in pattern.split():
        if raw == "*":
            items.append(Item(frozenset(), gap=True))
            continue
        if raw.endswith("^") and len(raw) > 1:
            raw = raw[:-1]
            head = len(items)
        items.append(Item(frozenset(w.lower() for w in raw.split("|") if w)))
    if not items or items[0].gap or items[-1].gap:
        raise ValueError(f"pattern {pattern!r}: a gap may not start or end a pattern")
    if head < 0:
        head = len(items) - 1
    return tuple(items), head


def _phrase(entry: dict[str, Any]) -> Phrase:
    items, head = parse_pattern(str(entry["pattern"]))
    sign = str(entry["sign"])
    if sign not in ("+", "-"):
        raise ValueError(f"phrase {entry.get('name')!r}: sign must be '+' or '-'")
    weight = float(entry["weight"])
    if not 0 < weight <= 1:
        raise ValueError(f"phrase {entry.get('name')!r}: weight must be in (0, 1]")
    return Phrase(
        name=str(entry.get("name") or entry["pattern"]),
        items=items,
        head=head,
        sign="+" if sign == "+" else "-",
        weight=weight,
        irritant=bool(entry.get("irritant", False)),
        welcome=bool(entry.get("welcome", False)),
        partner_required=bool(entry.get("partner_required", False)),
        comparative=bool(entry.get("comparative", False)),
        pos=frozenset(str(p).upper() for p in entry.get("pos") or ()),
        predicate=frozenset(str(w).lower() for w in entry.get("predicate") or ()),
        negation="flip" if entry.get("negation", "drop") == "flip" else "drop",
        preps=frozenset(str(w).lower() for w in entry.get("preps") or ()),
    )


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or ())


def lexicon_from(data: dict[str, Any]) -> Lexicon:
    """Build a :class:`Lexicon` from the parsed YAML mapping (raises ``ValueError`` on bad entries)."""
    benefits = data.get("benefits") or {}
    two = set()
    for words in data.get("also_two_words") or ():
        parts = str(words).lower().split()
        two.add((parts[0], parts[-1]))
    return Lexicon(
        phrases=tuple(_phrase(e) for e in data.get("phrases") or ()),
        reversers=_words(data, "reversers"),
        benefit_to=_words(benefits, "to"),
        benefit_object=_words(benefits, "object"),
        partner_preps=_words(data, "partner_preps"),
        also_preps=_words(data, "also_preps"),
        also_two_words=frozenset(two),
        group_nouns=_words(data, "group_nouns"),
        not_the_state=_words(data, "not_the_state"),
        as_verbs=_words(data, "as_verbs"),
        past=_words(data, "past"),
        backed=_words(data, "backed"),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped in ``entente/relations/data/phrases.yaml``."""
    text = resources.files("entente.relations").joinpath("data/phrases.yaml").read_text("utf-8")
    return lexicon_from(load_yaml(text))
