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

from spacy.tokens import Doc, Span, Token

from entente import doctext
from entente.data import parse_yaml
from entente.doctext import Stabber
from entente.errors import E, EntenteError
from entente.nlp import doccache
from entente.nlp import extensions as ext


@dataclass(frozen=True)
class RoleWords:
    official: frozenset[str]
    independent: frozenset[str]
    titles: frozenset[str]
    institutions: frozenset[str]
    top_institutions: frozenset[str]
    state_heads: frozenset[str]
    qualifiers: frozenset[str]
    headed: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    particles: frozenset[str]
    nonstate_bodies: frozenset[str] = frozenset()
    past_qualifiers: frozenset[str] = frozenset()
    link_headings: frozenset[str] = frozenset()
    residence_verbs: frozenset[str] = frozenset()
    party_words: frozenset[str] = frozenset()
    ruling_marks: frozenset[str] = frozenset()
    party_roles: frozenset[str] = frozenset()

    def speaks_for_nonstate_body(self, words: list[str]) -> bool:
        """Whether an affiliation's words name a party, campaign, movement or firm ("leader of
        France's National Front party", "a Trump campaign adviser"): not the state's."""
        return any(w.lower() in self.nonstate_bodies for w in words)

    def party_figure(self, words: list[str]) -> bool:
        """Whether a role's words are a party title ("anti-Islam party leader", "far-right party
        chief"): a party word with only party role words after it, no ruling mark ("Communist Party
        chief") and no office before it ("Prime Minister and Conservative Party leader")."""
        low = [w.lower() for w in words]
        at = next((k for k, w in enumerate(low) if w in self.party_words), None)
        if at is None or any(w in self.ruling_marks for w in low):
            return False
        return not any(w in self.official for w in low[:at]) and all(
            w in self.party_roles for w in low[at + 1 :]
        )

    def is_role(self, text: str) -> bool:
        t = text.lower()
        return t in self.official or t in self.independent

    def is_official(self, role: str | None) -> bool:
        if not role or role.lower() in self.independent:  # "opposition leader"
            return False
        if self.party_figure(role.replace("-", " ").split()):  # "far-right party leader" (round 9)
            return False
        role = role.lower().split(" of ")[0]  # "Secretary of Transportation"
        words = role.split()
        return role in self.official or (bool(words) and words[-1] in self.official)


@lru_cache(maxsize=1)
def role_words() -> RoleWords:
    text = resources.files("entente.people").joinpath("data/roles.yaml").read_text("utf-8")
    data: dict[str, Any] = parse_yaml(text, source="entente/people/data/roles.yaml")
    if not isinstance(data, dict):
        raise EntenteError(E.E008, cause="people/data/roles.yaml must be a mapping")

    def words(key: str, src: dict[str, Any] = data) -> frozenset[str]:
        return frozenset(str(w).lower() for w in src.get(key) or [])

    genders = data.get("genders") or {}
    names: dict[str, Any] = parse_yaml(
        resources.files("entente.people").joinpath("data/names.yaml").read_text("utf-8"),
        source="entente/people/data/names.yaml",
    )
    return RoleWords(
        official=words("official"),
        independent=words("independent"),
        titles=words("titles"),
        institutions=words("institutions"),
        top_institutions=words("top_institutions"),
        state_heads=words("state_heads"),
        qualifiers=words("qualifiers"),
        headed=words("headed"),
        male=words("male", genders),
        female=words("female", genders),
        male_names=words("male", names),
        female_names=words("female", names),
        particles=words("particles", names),
        nonstate_bodies=words("nonstate_bodies"),
        past_qualifiers=words("past_qualifiers"),
        link_headings=words("link_headings"),
        residence_verbs=words("residence_verbs"),
        party_words=words("party_words"),
        ruling_marks=words("ruling_marks"),
        party_roles=words("party_roles"),
    )


@dataclass(frozen=True)
class RoleInfo:
    role: str | None = None
    affiliation: str | None = None
    nationality: tuple[int, int] | None = None  # char span of a nationality word ("Russian")
    affiliated: tuple[int, int] | None = None  # char span of the affiliation
    scope: tuple[int, int] | None = None  # char span of the whole role phrase ("head of Iran's Quds Force")
    gender: str | None = None


def _role_phrase(head: Token, words: RoleWords) -> str | None:
    """The role named by a noun and its modifiers: "associate fellow", "professor emeritus"."""
    doc = head.doc
    start = head.i
    while (
        start > 0 and doc[start - 1].dep_ in ("amod", "compound") and start <= doc[start - 1].head.i <= head.i
    ):
        prev = doc[start - 1]
        if prev.ent_type_ in ("NORP", "GPE") or prev.like_num or "-" in prev.text:
            break
        start -= 1
    end = head.i + 1
    while end < len(doc) and doc[end].dep_ in ("amod", "compound", "advmod") and doc[end].head == head:
        end += 1
    if words.is_role(head.text) or words.is_role(head.lemma_) or words.is_role(doc[head.i : end].text):
        return doc[start:end].text + _of_part(head, words)  # with its modifiers: "senior analyst"
    for s in range(start, head.i + 1):  # else the longest phrase the lexicon knows
        if words.is_role(doc[s:end].text):
            return doc[s:end].text
    return None


def _of_part(head: Token, words: RoleWords) -> str:
    """ " of X" for roles that name what they head: "head of Iran's Quds Force", "Secretary of State"."""
    if head.lower_ not in words.headed:
        return ""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and any(g.dep_ == "pobj" for g in child.children):
            return " " + head.doc[child.i : child.right_edge.i + 1].text
    return ""


def _affiliation(head: Token, words: RoleWords) -> Span | None:
    """The organisation a role noun belongs to, through "at"/"of"/"with"/"for"/"in" phrases.

    With nested institutions ("fellow at the Center X at University Y") the
    containing one wins: the last named that has a top-institution word, else the last named.
    """
    chain: list[Span] = []
    headed = head.lower_ in words.headed  # "Secretary of Transportation": an office, not a body
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
                    ent = next((e for e in doccache.ents(obj.doc) if e.start <= obj.i < e.end), None)
                    if ent is not None and ent.label_ in ("ORG", "FAC"):
                        chain.append(ent)
                    elif obj.pos_ == "PROPN" and not obj.ent_type_ and not (headed and prep.lower_ == "of"):
                        chain.append(obj.doc[obj.left_edge.i : obj.i + 1])
        frontier = nxt
    if not chain:
        return None
    chain.sort(key=lambda s: s.start)
    top = [s for s in chain if any(w.lower_ in words.top_institutions for w in s)]
    span = (top or chain)[-1]
    return span[1:] if span[0].lower_ == "the" and len(span) > 1 else span


def from_appositive(name_head: Token, words: RoleWords) -> RoleInfo:
    """Role and affiliation from "NAME, ROLE at ORG" or "OWNER's ROLE, NAME," (appositives)."""
    for child in name_head.rights:
        if child.dep_ == "appos" and _role_phrase(child, words):
            return _info(child, words, None)
    head = name_head.head
    if name_head.dep_ == "pobj" and glued_name(head.head) == name_head and _role_phrase(head.head, words):
        return _info(head.head, words, None)
    appos = name_head.dep_ == "appos" and head.i < name_head.i and head.pos_ == "NOUN"
    if appos and _role_phrase(head, words):  # "Mahan's director, Hamid Khanooki,"
        return _info(head, words, _owner(head))
    return RoleInfo()


def glued_name(role: Token) -> Token | None:
    """The name the parser hung on a role's prepositional object: "US Ambassador to [Germany Richard
    Grenell]" (a place and a name run together in one object)."""
    for prep in role.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            glued = any(c.dep_ == "compound" and c.ent_type_ in ("GPE", "ORG", "NORP") for c in obj.lefts)
            if obj.dep_ == "pobj" and obj.ent_type_ == "PERSON" and glued:
                return obj
    return None


def _info(role_head: Token, words: RoleWords, owner: Span | None) -> RoleInfo:
    span = _affiliation(role_head, words) or owner
    return RoleInfo(
        role=_role_phrase(role_head, words),
        affiliation=span.text if span is not None else None,
        nationality=_nationality(role_head),
        affiliated=(span.start_char, span.end_char) if span is not None else None,
        scope=_scope(role_head),
    )


CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})


def _scope(role_head: Token) -> tuple[int, int]:
    """The role phrase's characters without a clause on it: "a religious leader who lives in exile
    in the US" is no official of the US."""
    last = role_head
    for child in role_head.rights:
        if child.dep_ in CLAUSE_DEPS:
            break
        last = child.right_edge
    return (role_head.left_edge.idx, last.idx + len(last.text))


def _owner(head: Token) -> Span | None:
    """The named owner of a role noun: "German Chancellor Angela Merkel's [spokesperson]"."""
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child.doc[child.left_edge.i : child.i + 1]
    return None


def _nationality(head: Token) -> tuple[int, int] | None:
    """ "the Spanish foreign minister", "Iran's president", "the Prime Minister of Iraq"."""
    for child in head.lefts:
        if child.ent_type_ in ("NORP", "GPE") or (child.dep_ == "poss" and child.ent_type_ == "GPE"):
            return (child.idx, child.idx + len(child.text))
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ == "GPE":
                    return (obj.idx, obj.idx + len(obj.text))
    return None


def _actor_spans(doc: Doc) -> tuple[list[tuple[int, int]], Stabber]:
    """The spans of the article's resolved actor mentions, indexed (once per Doc)."""
    spans = [(m.span.start, m.span.end) for m in ext.mentions(doc) if m.actor_id]
    return spans, Stabber(spans)


def _known_before(known: tuple[list[tuple[int, int]], Stabber], pos: int, limit: int) -> bool:
    """Whether an actor mention that ends by ``limit`` holds the character ``pos``."""
    spans, stab = known
    return any(spans[k][0] <= pos < spans[k][1] <= limit for k in stab.covering(pos))


def _entity_at(tok: Token) -> Span | None:
    """The named entity ``tok`` is part of (from the IOB tags: no scan of ``doc.ents``)."""
    if not tok.ent_type_ or tok.ent_iob_ == "O":
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def from_premodifiers(name: Span, words: RoleWords) -> RoleInfo:
    """ "Russian President Vladimir Putin", "Iran's Foreign Minister X", "the 18th-century poet X"."""
    doc = name.doc
    i = name.start
    role_tokens: list[Token] = []
    nationality: tuple[int, int] | None = None
    body: Span | None = None  # "Amazon Research Institute Director X", "AU commissioner X"
    known = doctext.memo(doc, "roles.actor_spans", _actor_spans, depends=ext.mentions(doc))
    while i > 0:
        tok = doc[i - 1]
        if not tok.ent_type_ and _known_before(known, tok.idx, name.start_char) and tok.pos_ == "PROPN":
            # an actor the NER left untagged: "AU trade commissioner X"
            nationality = (tok.idx, nationality[1] if nationality else tok.idx + len(tok.text))
            i -= 1
            continue
        if tok.ent_type_ == "ORG" and tok.ent_iob_ != "O" and body is None and tok.dep_ != "poss":
            ent = _entity_at(tok)
            if ent is not None and ent.end <= name.start and ent.label_ == "ORG":
                body = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
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
        in_phrase = tok.head.i >= name.start or tok.i >= name.root.left_edge.i
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") and in_phrase and not tok.ent_type_:
            role_tokens.insert(0, tok)
            i -= 1
            continue
        if tok.lower_ == "and" and role_tokens and i > 1 and doc[i - 2].pos_ == "NOUN":
            role_tokens.insert(0, tok)  # "trade and industry commissioner"
            i -= 1
            continue
        break
    role = _premodifier_role(role_tokens, words)
    if role is None or body is None:
        return RoleInfo(role=role, nationality=nationality)
    return RoleInfo(
        role=role, affiliation=body.text, nationality=nationality, affiliated=(body.start_char, body.end_char)
    )


def _premodifier_role(role_tokens: list[Token], words: RoleWords) -> str | None:
    """The role among the words before a name, with the words that qualify it.

    "opposition leader", "foreign affairs minister", "former President" (a
    nationality in between is left out: "former US President"), "trade and
    industry commissioner"; "the 18th-century poet": "poet".
    """
    k = next(
        (k for k in range(len(role_tokens)) if words.is_role(" ".join(t.text for t in role_tokens[k:]))),
        None,
    )
    if k is None and role_tokens and words.is_role(role_tokens[-1].lemma_):
        k = len(role_tokens) - 1
    if k is None:
        return None
    while k > 0 and (
        role_tokens[k - 1].pos_ in ("NOUN", "PROPN", "ADJ", "CCONJ")
        and role_tokens[k - 1].is_alpha
        and role_tokens[k - 1].lower_ not in words.titles - words.qualifiers
    ):
        k -= 1
    while k < len(role_tokens) and role_tokens[k].pos_ == "CCONJ":
        k += 1
    return " ".join(t.text for t in role_tokens[k:])


def gender_word(word: str, words: RoleWords) -> str | None:
    """Gender told by a pronoun, a title ("Mrs") or a given name ("Shireen")."""
    w = word.lower()
    if w in words.male or w in words.male_names:
        return "male"
    if w in words.female or w in words.female_names:
        return "female"
    return None
