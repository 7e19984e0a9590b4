"""Who a person is: role, affiliation and nationality read from the words around their name.

"Mark Katz, professor emeritus at George Mason University" (appositive),
"Russian President Vladimir Putin" (title before the name), "the Iranian
president" (a description), "X, an honorary fellow at the Center ... at
Georgetown University" (nested institutions: the containing one wins).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Span, Token

from entente.errors import E, EntenteError


@dataclass(frozen=True)
class RoleWords:
    official: frozenset[str]
    independent: frozenset[str]
    titles: frozenset[str]
    institutions: frozenset[str]
    top_institutions: frozenset[str]
    state_heads: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]

    def is_role(self, text: str) -> bool:
        t = text.lower()
        return t in self.official or t in self.independent

    def is_official(self, role: str | None) -> bool:
        if not role:
            return False
        words = role.lower().split()
        return role.lower() in self.official or (bool(words) and words[-1] in self.official)


@lru_cache(maxsize=1)
def role_words() -> RoleWords:
    text = resources.files("entente.people").joinpath("data/roles.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise EntenteError(E.E008, cause="people/data/roles.yaml must be a mapping")

    def words(key: str, src: dict[str, Any] = data) -> frozenset[str]:
        return frozenset(str(w).lower() for w in src.get(key) or [])

    genders = data.get("genders") or {}
    names: dict[str, Any] = yaml.safe_load(
        resources.files("entente.people").joinpath("data/names.yaml").read_text("utf-8")
    )
    return RoleWords(
        official=words("official"),
        independent=words("independent"),
        titles=words("titles"),
        institutions=words("institutions"),
        top_institutions=words("top_institutions"),
        state_heads=words("state_heads"),
        male=words("male", genders),
        female=words("female", genders),
        male_names=words("male", names),
        female_names=words("female", names),
    )


@dataclass(frozen=True)
class RoleInfo:
    role: str | None = None
    affiliation: str | None = None
    nationality: tuple[int, int] | None = None  # char span of a nationality word ("Russian")
    gender: str | None = None


def _role_phrase(head: Token, words: RoleWords) -> str | None:
    """The role named by a noun and its modifiers: "associate fellow", "professor emeritus"."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].dep_ in ("amod", "compound") and doc[start - 1].head.i >= head.i:
        prev = doc[start - 1]
        if prev.ent_type_ in ("NORP", "GPE") or prev.like_num or "-" in prev.text:
            break
        start -= 1
    end = head.i + 1
    while end < len(doc) and doc[end].dep_ in ("amod", "compound", "advmod") and doc[end].head == head:
        end += 1
    if words.is_role(head.text) or words.is_role(head.lemma_) or words.is_role(doc[head.i : end].text):
        return doc[start:end].text  # the role noun with its modifiers: "senior analyst"
    for s in range(start, head.i + 1):  # else the longest phrase the lexicon knows
        if words.is_role(doc[s:end].text):
            return doc[s:end].text
    return None


def _affiliation(head: Token, words: RoleWords) -> str | None:
    """The organisation a role noun belongs to, through "at"/"of"/"with"/"for"/"in" phrases.

    With nested institutions ("fellow at the Center X at University Y") the
    containing one wins: the last named that has a top-institution word, else the last named.
    """
    chain: list[Span] = []
    frontier = [head]
    for _ in range(4):
        nxt: list[Token] = []
        for token in frontier:
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("at", "of", "with", "for", "in"):
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    nxt.append(obj)
                    ent = next((e for e in obj.doc.ents if e.start <= obj.i < e.end), None)
                    if ent is not None and ent.label_ in ("ORG", "FAC"):
                        chain.append(ent)
                    elif obj.pos_ == "PROPN" and not obj.ent_type_:
                        chain.append(obj.doc[obj.left_edge.i : obj.i + 1])
        frontier = nxt
    if not chain:
        return None
    chain.sort(key=lambda s: s.start)
    top = [s for s in chain if any(w.lower_ in words.top_institutions for w in s)]
    text = (top or chain)[-1].text
    return text[4:] if text.lower().startswith("the ") else text


def from_appositive(name_head: Token, words: RoleWords) -> RoleInfo:
    """Role and affiliation from "NAME, ROLE at ORG" (appositive) or "ROLE NAME" (pre-modifier)."""
    for child in name_head.rights:
        if child.dep_ == "appos":
            role = _role_phrase(child, words)
            if role:
                return RoleInfo(
                    role=role, affiliation=_affiliation(child, words), nationality=_nationality(child)
                )
    return RoleInfo()


def _nationality(head: Token) -> tuple[int, int] | None:
    for child in head.lefts:
        if child.ent_type_ in ("NORP", "GPE") or (child.dep_ == "poss" and child.ent_type_ == "GPE"):
            return (child.idx, child.idx + len(child.text))
    return None


def from_premodifiers(name: Span, words: RoleWords) -> RoleInfo:
    """ "Russian President Vladimir Putin", "Iran's Foreign Minister X", "the 18th-century poet X"."""
    doc = name.doc
    i = name.start
    role_tokens: list[Token] = []
    nationality: tuple[int, int] | None = None
    while i > 0:
        tok = doc[i - 1]
        if tok.ent_type_ in ("NORP", "GPE", "ORG", "FAC") and tok.dep_ in (
            "amod",
            "compound",
            "poss",
            "nmod",
            "case",
        ):
            # "Russian President X", "Kremlin spokesman X": the actor named before the title
            nationality = (tok.idx, nationality[1] if nationality else tok.idx + len(tok.text))
            i -= 1
            continue
        if tok.text in ("’s", "'s") and i > 1 and doc[i - 2].ent_type_ == "GPE":
            i -= 1
            continue
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.head.i >= name.start and not tok.ent_type_:
            role_tokens.insert(0, tok)
            i -= 1
            continue
        break
    role = None
    for k in range(len(role_tokens)):
        cand = " ".join(t.text for t in role_tokens[k:])
        if words.is_role(cand):
            role = cand
            break
    if role is None and role_tokens and words.is_role(role_tokens[-1].lemma_):
        k = len(role_tokens) - 1  # the role noun with the nouns compounded to it: "press secretary"
        while (
            k > 0 and role_tokens[k - 1].dep_ == "compound" and role_tokens[k - 1].pos_ in ("NOUN", "PROPN")
        ):
            k -= 1
        role = " ".join(t.text for t in role_tokens[k:])
    return RoleInfo(role=role, nationality=nationality)


def gender_word(word: str, words: RoleWords) -> str | None:
    """Gender told by a pronoun, a title ("Mrs") or a given name ("Shireen")."""
    w = word.lower()
    if w in words.male or w in words.male_names:
        return "male"
    if w in words.female or w in words.female_names:
        return "female"
    return None
