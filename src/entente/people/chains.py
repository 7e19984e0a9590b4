"""A pronoun that carries on the subject pronoun before it: "He held his first meeting with
Qian Qichen in London and when he visited Hong Kong he was given a nickname" (every "he" is the
first one's person, not Qian Qichen, named between them only as an object).

The people layer resolves each subject pronoun by the recency of named mentions
(:meth:`Coref.pronoun`); a person named between two pronouns in an object or a prepositional
phrase would take the second. Here a subject pronoun keeps the person of the latest subject
pronoun of the same gender in its sentence or the sentence before, unless the person named
between them is a subject there (a new topic: "He met Abe. Abe said he ...") or the pronoun is in
reported speech ("praised Putin, saying he was strong": the speech may be about the object).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
WINDOW = 1  # sentences back a chain reaches
REPORTED = frozenset({"ccomp"})


@dataclass(frozen=True)
class Link:
    token: int  # the pronoun's token
    sentence: int  # its sentence's start token
    gender: str
    name: str  # the person it stands for


class PronounChain:
    """The subject pronouns resolved so far, in text order."""

    def __init__(self) -> None:
        self.links: list[Link] = []
        self._sents: list[int] = []

    def carry(self, tok: Token, gender: str, name: str, mentions: Sequence[Span]) -> str:
        """The person ``tok`` (resolved to ``name`` by recency) stands for; the chain is extended."""
        chosen = name
        prev = next((lk for lk in reversed(self.links) if lk.gender == gender), None)
        if (
            prev is not None
            and prev.name != name
            and tok.dep_ in SUBJECT_DEPS
            and self._near(tok, prev)
            and not _reported(tok)
            and not any(prev.token < m.start < tok.i and _subject(m) for m in mentions)
        ):
            chosen = prev.name
        if tok.dep_ in SUBJECT_DEPS:
            self.links.append(Link(tok.i, tok.sent.start, gender, chosen))
        return chosen

    def _near(self, tok: Token, prev: Link) -> bool:
        sent = tok.sent
        if prev.sentence == sent.start:
            return True
        if sent.start == 0:
            return False
        before = tok.doc[sent.start - 1].sent
        return WINDOW >= 1 and prev.sentence == before.start and prev.token >= before.start


def _subject(mention: Span) -> bool:
    root = mention.root
    return root.dep_ in SUBJECT_DEPS or (root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS)


def _reported(tok: Token) -> bool:
    """Whether ``tok`` is in a reported-speech clause ("saying he was ...")."""
    cur = tok.head
    for _ in range(4):
        if cur.dep_ in REPORTED:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False
