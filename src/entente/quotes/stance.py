"""A speaker's stance toward the actors a quote names: a small word lexicon, clause by clause."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from entente.errors import E, EntenteError
from entente.yamlio import load_yaml


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    text = resources.files("entente.quotes").joinpath("data/stance.yaml").read_text("utf-8")
    data = load_yaml(text)
    if not isinstance(data, dict):
        raise EntenteError(E.E008, cause="quotes/data/stance.yaml must be a mapping")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return words("positive"), words("negative"), words("negations")


def _clause(token: Token) -> Token:
    """The verb whose clause holds ``token``."""
    head = token
    for _ in range(12):
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            return head
        head = head.head
    return head


def stance(
    doc: Doc, content: list[tuple[int, int]], mentions: list[tuple[int, str]]
) -> list[tuple[str, float]]:
    """(actor id, -1..+1) for each actor of ``mentions`` (char position, id) inside ``content``."""
    positive, negative, negations = _lexicon()
    scores: dict[str, list[float]] = {}
    for pos, actor in mentions:
        span = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None:
            continue
        verb = _clause(span.root)
        words = [t for t in verb.subtree if any(a <= t.idx < b for a, b in content)]
        plus = sum(1 for t in words if t.lemma_.lower() in positive or t.lower_ in positive)
        minus = sum(1 for t in words if t.lemma_.lower() in negative or t.lower_ in negative)
        value = 0.0 if plus + minus == 0 else (plus - minus) / (plus + minus)
        if any(t.lower_ in negations for t in verb.children):
            value = -value
        scores.setdefault(actor, []).append(value)
    return [(actor, round(sum(v) / len(v), 2)) for actor, v in scores.items()]
