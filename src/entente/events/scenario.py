"""Imagined scenarios: a present-tense narrative that an opinion piece only pictures.

"Imagine ...", "Suppose ...", "This is the dreaded scenario: ..." open a scenario; the
present-tense sentences that follow it ("India invades. Pakistan strikes back with ...") tell
what is imagined, not what happened, until a sentence in another tense (a past, a perfect)
returns to the news. An event whose own clause is in the present tense inside such a run is
hypothetical. The words live in data/status.yaml (``scenario``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from entente import doctext
from entente.data import build, lowered
from entente.events.tense import present
from entente.nlp.doccache import tokens_lower_in

_CLAUSE_STEPS = 4  # from a noun event up to the verb of its clause


@dataclass(frozen=True)
class ScenarioCues:
    openers: frozenset[str] = frozenset()  # "Imagine ...", "Suppose ...": a sentence-initial imperative
    nouns: frozenset[str] = frozenset()  # "This is the scenario: ...": announced before a colon
    reach: int = 0  # sentences at most from the opener to the event

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ScenarioCues:
        """The ``scenario`` block of status.yaml, through the typed loader (an unknown key is E008);
        words lower-cased."""
        source = "events/data/status.yaml"
        built = build(cls, data.get("scenario") or {}, source=source, where=f"{source}: scenario")
        return lowered(built)


def _clause_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(_CLAUSE_STEPS):
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _opens(sent: Span, cues: ScenarioCues, before: int) -> bool:
    """Whether ``sent`` opens a scenario ahead of token index ``before``."""
    words = [t for t in sent if t.is_alpha]
    if not words:
        return False
    first = words[0]
    if first.lower_ in cues.openers and first.tag_ == "VB" and first.i < before:
        return not any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children)  # an imperative
    for t in sent:
        if t.i >= before:
            return False
        if t.lower_ in cues.nouns and _announced(t, before):
            return True
    return False


def _announced(noun: Token, before: int) -> bool:
    """ "This is the scenario that worries planners: ...": a colon after the noun's own words,
    not after another clause ("the scenario it wanted, but added: ...")."""
    inside = {t.i for t in noun.subtree}
    for t in noun.doc[noun.i + 1 : before]:
        if t.text == ":":
            return True
        if t.pos_ in ("VERB", "AUX") and t.i not in inside:
            return False
    return False


def _narrative(sent: Span) -> bool:
    """A sentence that goes on telling the scenario: its main verb in the present or under a
    modal ("it would be a rout"), or no past form in it at all ("Very scary.", "And use them
    they do." misparsed)."""
    root = sent.root
    if present(root) or any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children):
        return True
    return not any(t.tag_ == "VBD" or (t.dep_ == "aux" and t.lemma_ == "have") for t in sent)


def _previous(sent: Span) -> Span | None:
    if sent.start == 0:
        return None
    prev = sent.doc[sent.start - 1].sent
    gap = doctext.text(sent.doc)[prev.end_char : sent.start_char]
    return None if "\n\n" in gap or "\n \n" in gap else prev


def imagined(tok: Token, cues: ScenarioCues) -> bool:
    """Whether ``tok``'s present-tense clause is part of an imagined scenario."""
    if not cues.reach or not (cues.openers or cues.nouns):
        return False
    cue_words = tokens_lower_in(tok.doc, cues.openers | cues.nouns)  # read on the arrays: cheap
    if not cue_words or cue_words[0] >= tok.i:
        return False
    verb = _clause_verb(tok)
    if verb is None or not present(verb):
        return False
    sent: Span | None = tok.sent
    before = tok.i
    for _ in range(cues.reach + 1):
        if sent is None:
            return False
        if _opens(sent, cues, before):
            return True
        if before != tok.i and not _narrative(sent):
            return False  # a sentence in another tense: back to the news
        sent = _previous(sent)
        before = sent.end if sent is not None else 0
    return False
