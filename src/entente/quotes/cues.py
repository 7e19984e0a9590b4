"""Cue words of attribution and the grammar around them: speaker, addressee, complement."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from entente.data import build, parse_yaml

SUBJECTS = ("nsubj", "nsubjpass", "csubj")


@dataclass(frozen=True)
class Lexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    particles: dict[str, frozenset[str]]
    passive_heads: frozenset[str]
    adverbs: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    channels: frozenset[str]
    object_cues: frozenset[str]
    act_cues: frozenset[str]
    object_preps: frozenset[str]
    colon_labels: frozenset[str]
    naming: frozenset[str]
    nouns: frozenset[str]


def lexicon_from_data(data: Any, source: str = "entente/quotes/data/cues.yaml") -> Lexicon:
    """The cue lexicon from parsed ``cues.yaml`` data; an unknown or missing key is E008.

    ``according`` phrases are written as strings ("according to") and kept as word tuples.
    """
    if isinstance(data, dict) and isinstance(data.get("according"), list):
        data = {**data, "according": [str(p).lower().split() for p in data["according"]]}
    return build(Lexicon, data, source=source, where="quotes/data/cues.yaml")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The cue lexicon of ``quotes/data/cues.yaml``."""
    text = resources.files("entente.quotes").joinpath("data/cues.yaml").read_text("utf-8")
    return lexicon_from_data(parse_yaml(text, source="entente/quotes/data/cues.yaml"))


def is_cue_verb(token: Token, lex: Lexicon, with_clause: bool = False) -> bool:
    """A verb of saying; verbs of belief count only when they govern a clause (``with_clause``)."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return False
    lemma = token.lemma_.lower()
    if lemma in lex.particles:
        nxt = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
        return nxt in lex.particles[lemma] or any(c.lower_ in lex.particles[lemma] for c in token.children)
    if lemma in lex.speech:
        return True
    return with_clause and lemma in lex.belief


def according_to(token: Token, lex: Lexicon) -> Token | None:
    """For the first word of "according to X", the head word of X."""
    for words in lex.according:
        n = len(words)
        if token.i + n > len(token.doc):
            continue
        if tuple(t.lower_ for t in token.doc[token.i : token.i + n]) != words:
            continue
        last = token.doc[token.i + n - 1]
        objects = [c for c in last.children if c.dep_ == "pobj"] or [
            c for c in token.children if c.dep_ == "pobj"
        ]
        if objects:
            return channel_owner(objects[0], lex, (token, last))
    return None


def channel_owner(source: Token, lex: Lexicon, around: tuple[Token, ...] = ()) -> Token:
    """Who spoke through a channel: "a tweet by X", "X's statement"; else the source itself.

    ``around``: words whose "by" phrase may also name the owner (the parser hangs
    "according to a tweet on Monday by X" on "according").
    """
    if source.lemma_.lower() not in lex.channels:
        return source
    for child in [*source.children, *(c for t in around for c in t.children)]:
        if child.dep_ == "poss" and child.head == source and child.pos_ in ("PROPN", "NOUN"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    return source


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    return None


def speaker_head(cue: Token) -> Token | None:
    """The head word of the cue's speaker, climbing out of "was quoted as telling", "adding", "who said"."""
    token = cue
    for _ in range(4):
        subject = _subject(token)
        if subject is not None:
            return subject  # a relative "who" is kept: the text names the speaker there
        if token.dep_ == "relcl":
            return token.head
        if token.tag_ == "VBG" and token.dep_ in ("advcl", "conj") and token.head.dep_ == "ccomp":
            token = token.head.head  # "X said A costs B, further saying ...": X's participle, not A's
            continue
        if token.dep_ in ("xcomp", "advcl", "conj", "pcomp", "prep", "acl") and token.head != token:
            token = token.head
            continue
        return None
    return None


def noun_phrase(head: Token) -> Span:
    """The words that name a speaker: the head with its left modifiers, without appositives or clauses."""
    start = head.i
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "prep"):
            start = min(start, child.left_edge.i)
    while start < head.i and not (head.doc[start].text[:1].isalnum() or head.doc[start].text[:1] in "@#"):
        start += 1
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod"):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "prep" and child.lower_ == "of":  # "Doug Miller of Milltech Marine"
            for obj in child.children:
                if obj.dep_ == "pobj":
                    end = max(end, noun_phrase(obj).end)
    while end > head.i + 1 and (head.doc[end - 1].is_punct or head.doc[end - 1].is_space):
        end -= 1
    doc = head.doc
    for k in range(start, head.i):  # a dateline the parser ran into the subject: the head's line only
        if "\n" in doc[k].whitespace_ or (doc[k].is_space and "\n" in doc[k].text):
            start = k + 1
    for k in range(head.i, end - 1):
        if "\n" in doc[k].whitespace_ or (doc[k].is_space and "\n" in doc[k].text):
            end = k + 1
            break
    return doc[start:end]


def addressee_head(cue: Token) -> Token | None:
    """Who is spoken to: "tells TRT World", "telling Pezeshkian", "said to his counterpart"."""
    lemma = cue.lemma_.lower()
    for child in cue.children:
        if child.dep_ in ("dative",) or (
            child.dep_ == "dobj" and lemma in ("tell", "ask", "urge", "assure", "warn")
        ):
            if child.dep_ == "dative" and child.pos_ == "ADP":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                return objects[0] if objects else None
            return child
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and lemma in ("say", "write", "speak", "explain", "complain")
        ):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def complement(cue: Token) -> Token | None:
    """The clause said: the cue's ccomp (or a clause it governs through "that").

    Of two ccomps ("A follows B; X reported that C") the one opened by "that", else the later, wins.
    """
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    if len(clauses) > 1:
        marked = [c for c in clauses if any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
        return (marked or clauses)[-1]
    if clauses:
        return clauses[0]
    for child in cue.children:  # "told reporters that ...": the clause hangs on the object
        if child.dep_ in ("dobj", "dative"):
            for grand in child.children:
                if grand.dep_ == "ccomp":
                    return grand
    return None


def noun_cue(token: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """(source, clause) for "X's claim that ..." / "a Times report that ...", else None."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lex.nouns:
        return None
    clauses = [c for c in token.children if c.dep_ in ("acl", "ccomp")]
    clause = next((c for c in clauses if any(g.lower_ == "that" for g in c.children)), None)
    if clause is None:
        return None
    for child in token.lefts:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in ("PERSON", "ORG")):
            return child, clause
    return None


def object_range(cue: Token, lex: Lexicon) -> tuple[int, int] | None:
    """Token range of what an object cue says: its object, infinitive and "for"/"as" phrases after it."""
    if cue.lemma_.lower() not in lex.object_cues:
        return None
    parts = [
        c
        for c in cue.rights
        if c.dep_ in ("dobj", "xcomp", "oprd", "attr")
        or (c.dep_ == "prep" and c.lower_ in lex.object_preps and any(g.dep_ == "pobj" for g in c.children))
    ]
    if not parts:
        return None
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts) + 1
    doc = cue.doc
    if parts[0].dep_ == "prep" and parts[0].i == start:  # "called for X": the content is X
        start += 1
    while end > start and (
        (doc[end - 1].is_punct and doc[end - 1].text not in "”’\"'") or doc[end - 1].is_space
    ):
        end -= 1
    return (start, end) if end > start else None


def clause_range(head: Token, skip: Token | None = None) -> tuple[int, int]:
    """Token range of a clause's subtree, without edge punctuation and ``skip``'s subtree."""
    doc: Doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    if skip is not None:
        s0, s1 = skip.left_edge.i, skip.right_edge.i + 1
        if s0 <= start < s1:
            start = s1
        if s0 < end <= s1:
            end = s0
    while start < end and ((doc[start].is_punct and doc[start].text not in "“‘\"'") or doc[start].is_space):
        start += 1
    while end > start and (
        (doc[end - 1].is_punct and doc[end - 1].text not in "”’\"'") or doc[end - 1].is_space
    ):
        end -= 1
    return start, end
