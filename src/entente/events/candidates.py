"""A trigger with the actors the parse links to it, and the passes over a sentence's candidates.

Split out of ``triggers.py``: :class:`Candidate`, the purpose clause that repeats its governor
(:func:`drop_nested`) and responses aimed at what they answer (:func:`link_responses`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from entente.events.lexicon import Trigger


@dataclass
class Candidate:
    """A trigger with the actors the parse links to it."""

    token: Token
    trigger: Trigger
    sources: list[str]
    targets: list[str]
    mutual_pairs: list[tuple[str, str]] = field(default_factory=list)
    status_token: int | None = None  # the token whose status the event takes, if not its own

    def pairs(self) -> list[tuple[str, str]]:
        out = [(s, t) for s in self.sources for t in self.targets if s != t]
        for a, b in self.mutual_pairs:
            if a != b and (a, b) not in out and (b, a) not in out:
                out.append((a, b))
        return out


def drop_nested(cands: list[Candidate]) -> list[Candidate]:
    """ "gathered in Cairo to discuss": a purpose clause that repeats its governor's event is dropped."""
    by_token = {c.token.i: c for c in cands}
    out = []
    for c in cands:
        gov = by_token.get(c.token.head.i) if c.token.dep_ in ("advcl", "xcomp", "conj") else None
        same = gov is not None and gov is not c and gov.trigger.type == c.trigger.type
        if same and gov and {frozenset(p) for p in c.pairs()} <= {frozenset(p) for p in gov.pairs()}:
            continue
        out.append(c)
    return out


def link_responses(cands: list[Candidate], sent: SpacySpan) -> None:
    """ "Israel's response to Tehran's attack": response aimed at the attacker; attack at the responder."""
    by_token = {c.token.i: c for c in cands}
    for tok in sent:
        if tok.lemma_.lower() not in ("response", "retaliation", "reprisal", "respond", "retaliate"):
            continue
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "against")):
            for obj in (p for p in prep.children if p.dep_ == "pobj"):
                inner = by_token.get(obj.i)
                if inner is None:
                    continue
                resp = by_token.get(tok.i)
                if resp is not None:
                    resp.targets = resp.targets or list(inner.sources)
                    if not inner.targets:
                        inner.targets = list(resp.sources)
