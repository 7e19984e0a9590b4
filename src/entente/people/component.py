"""spaCy component ``entente_people``: people named in the article, their role, affiliation and actor.

Writes ``doc._.entente_people``. Steps: collect person names (spaCy PERSON entities
and names the knowledge base knows as leaders), drop names used as modifiers
("the Trump administration", "Putin's government"), merge them by surname,
read role/affiliation/nationality around each mention, complete them from the
knowledge base, resolve subject pronouns, and keep the people who act or
speak in the story (see :func:`_acts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.attrs import IDX, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from entente.actors.kb import KnowledgeBase, default_kb
from entente.nlp import doccache
from entente.nlp import extensions as ext
from entente.nlp.marks import doc_segments
from entente.people.chains import PronounChain
from entente.people.coref import Coref, actor_ids_in
from entente.people.names import (
    HEAD_OFFICES,
    candidates,
    in_office,
    is_modifier,
    kb_gender,
    kb_leader,
    name_text,
    same_person,
    state_named,
)
from entente.people.roles import (
    RoleInfo,
    RoleWords,
    from_appositive,
    from_premodifiers,
    gender_word,
    glued_name,
    role_words,
)
from entente.records import Person
from entente.records import Span as TextSpan

_SPEAKING_DEPS = ("nsubj", "nsubjpass", "agent", "csubj")
_PRONOUNS = ("he", "she", "him", "her")
_THE = get_string_id("the")


@dataclass
class _Builder:
    name: str
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    actor_id: str | None = None
    official_actor: str | None = None  # actor from title + nationality
    former_actor: str | None = None  # the state a leader out of office led ("the presidency of Barack Obama")
    gender: str | None = None
    pronouns: dict[str, int] = field(default_factory=dict)

    @property
    def surname(self) -> str:
        return self.name.split()[-1].lower()

    @property
    def bare_surname(self) -> str:
        """The surname without an article particle: "jaafari" of "Bashar al-Jaafari"."""
        particle, _, rest = self.surname.partition("-")
        return rest if rest and particle in role_words().particles else self.surname

    def add_info(self, info: RoleInfo, words: RoleWords, doc: Doc, kb: KnowledgeBase | None) -> None:
        if info.role and (
            self.role is None or (info.affiliation and not self.affiliation) or _refines(info.role, self.role)
        ):
            self.role = info.role
            self.affiliation = info.affiliation or self.affiliation
        if not words.is_official(info.role) or self.official_actor is not None:
            return
        # who an official speaks for: the body named as affiliation ("spokesman for the PMF"), else the
        # nationality ("the Spanish foreign minister")
        for span in (info.affiliated, info.nationality, info.scope):
            if (
                span is info.scope
                and span
                and words.speaks_for_nonstate_body(_words(doc.text[span[0] : span[1]]))
            ):
                return  # "the Syrian opposition's chief negotiator": the opposition's, not Syria's
            ids = _actors_over(doc, span, kb) if span else []
            if ids:
                self.official_actor = ids[-1]
                return
            if (
                span is info.affiliated
                and info.affiliation
                and words.speaks_for_nonstate_body(info.affiliation.split())
            ):
                return  # "leader of France's National Front party": the party's, not France's


def _words(text: str) -> list[str]:
    """The words of a phrase without possessive endings: "opposition's" -> "opposition"."""
    return [w.removesuffix("'s").removesuffix("’s") for w in text.split()]


def _actors_over(doc: Doc, span: tuple[int, int], kb: KnowledgeBase | None) -> list[str]:
    """Actor ids of the actor mentions that overlap ``span`` ("the PMF" for "PMF"), else the KB's."""
    a, b = span
    ids = [m.actor_id for m in ext.mentions(doc) if m.actor_id and m.span.start < b and a < m.span.end]
    return ids or actor_ids_in(doc, a, b, kb)


def _refines(new: str, old: str) -> bool:
    """ "former President" refines "President", "acting Prime Minister of Iraq" refines "Prime Minister"."""
    return len(new) > len(old) and f" {old.lower()} " in f" {new.lower()} "


def _named(builder: _Builder) -> bool:
    """A real name: a full name, or a single name with a role (the knowledge base gives leaders one).

    A single word the NER took for a person and nothing else confirms ("Duma",
    "Transbaikalia") is left out.
    """
    return len(builder.name.split()) > 1 or builder.role is not None


def _acts(builder: _Builder, quoted: list[tuple[int, int]]) -> bool:
    """Does the person act or speak in the story? Named twice, or once as a subject or a source.

    A person named once as the object of something ("a forum commemorating the
    poet X") is background, not a participant.
    """
    names = [m for m in builder.mentions if m.root.lower_ not in ("he", "him", "his", "she", "her")]
    if len(names) >= 2 or len(builder.mentions) > len(names):
        return True
    if role_words().is_official(builder.role):
        return True  # an official acts for a state or a body wherever named
    for m in builder.mentions:
        root = m.root
        dep = root.head.dep_ if root.dep_ in ("conj", "appos") else root.dep_
        if root.dep_ == "pobj" and glued_name(root.head.head) == root:  # "Ambassador to Germany X said"
            dep = root.head.head.dep_
        if dep in _SPEAKING_DEPS:
            return True
        if root.dep_ == "pobj" and root.head.head.lower_ == "according":
            return True
    return False


class PeopleComponent:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        ext.require(doc, "entente_people", "entente_mentions")
        ext.set_people(doc, find_people(doc, self.kb))
        return doc


def find_people(doc: Doc, kb: KnowledgeBase | None = None) -> list[Person]:
    words = role_words()
    on = ext.published(doc)
    quoted = [(s.inner_start, s.inner_end) for s in doc_segments(doc) if s.depth == 0]
    builders: dict[str, _Builder] = {}

    def builder_for(name: Span) -> _Builder:
        text = name_text(name)  # "Nasr al-Hariri" of a token glued to what follows ("Hariri,-the")
        if len(name) == 1:  # a surname (or first name) alone: a person of the article first
            for b in builders.values():
                if text.lower() in (b.surname, b.bare_surname, b.name.split()[0].lower()):
                    return b
        leader = kb_leader(kb, text, on)
        if not state_named(doc, leader, text):
            leader = None  # "Aman" in an article that never names Malaysia
        full = leader.name if leader is not None else text
        key = full.lower()
        if key not in builders and len(full.split()) > 1:  # "Steve Bannon" after "Stephen Bannon"
            for b in builders.values():
                if same_person(b.name, full):
                    return b
        if key not in builders:
            for b in builders.values():  # "Vladimir Putin" after "Putin" was seen alone
                if len(b.name.split()) == 1 and b.surname == full.split()[-1].lower():
                    b.name = full
                    builders[key] = builders.pop(b.name.lower(), b)
                    return b
            builders[key] = _Builder(full, gender=gender_word(full.split()[0], words))
            if leader is not None:
                b = builders[key]
                b.gender = kb_gender(getattr(leader, "gender", None)) or b.gender
                b.role = getattr(leader, "title", None)
                if in_office(kb, leader, on):
                    b.actor_id = leader.actor_id
                elif not _future(leader, on):  # a term still ahead is no former office
                    b.former_actor = getattr(leader, "actor_id", None)
        return builders[key]

    cands = candidates(doc, words, kb, on)
    cands.sort(key=lambda s: -len(s))  # full names first so that surnames find them
    for name in cands:
        builder_for(name).mentions.append(name)
    _add_missed_surnames(doc, builders, words)
    for b in builders.values():
        for m in b.mentions:
            b.add_info(from_appositive(m.root, words), words, doc, kb)
            b.add_info(from_premodifiers(m, words), words, doc, kb)
    _fill_counterparts(builders)
    people = [_person(b) for b in builders.values()]
    coref = Coref(doc, people, quoted, kb)
    _resolve_pronouns(doc, coref, builders, quoted)
    _describe(doc, coref, builders, words, quoted)
    kept = [b for b in builders.values() if _acts(b, quoted) and _named(b)]
    kept.sort(key=lambda b: min(m.start_char for m in b.mentions))
    return [_person(b) for b in kept]


def _add_missed_surnames(doc: Doc, builders: dict[str, _Builder], words: RoleWords) -> None:
    """Surnames the NER labelled otherwise ("Pezeshkian" as NORP) or missed."""
    full = [b for b in builders.values() if len(b.name.split()) > 1]
    surnames = {b.bare_surname: b for b in full} | {b.surname: b for b in full}
    taken = {t.i for b in builders.values() for m in b.mentions for t in m}
    for i in doccache.tokens_lower_in(doc, surnames):
        tok = doc[i]
        b = surnames.get(tok.lower_)
        if b is None or tok.i in taken or not tok.text[:1].isupper():
            continue
        if tok.is_upper and len(tok.text) > 1 and not b.name.split()[-1].isupper():
            continue  # an acronym ("UN") is not the surname "Un"
        span = doc[tok.i : tok.i + 1]
        if not is_modifier(span, words):
            b.mentions.append(span)


def _fill_counterparts(builders: dict[str, _Builder]) -> None:
    """ "his Iranian counterpart X": X holds the same office as the person it is compared with."""
    offices = [b for b in builders.values() if b.role and b.role.lower() != "counterpart"]
    for b in builders.values():
        if b.role and b.role.lower() == "counterpart":
            first = min(m.start_char for m in b.mentions)
            before = [o for o in offices if min(m.start_char for m in o.mentions) < first]
            if before:
                b.role = before[-1].role


def _resolve_pronouns(
    doc: Doc, coref: Coref, builders: dict[str, _Builder], quoted: list[tuple[int, int]]
) -> None:
    """Subject pronouns outside quotes ("he tells", "according to him") become mentions."""
    by_name = {b.name: b for b in builders.values()}
    chain = PronounChain()  # "He met X in London and when he visited ...": the first "he"
    for i in sorted(doccache.tokens_lower_in(doc, _PRONOUNS)):
        tok = doc[i]
        if tok.lower_ not in _PRONOUNS or any(a <= tok.idx < b for a, b in quoted):
            continue
        speaking = tok.dep_ in _SPEAKING_DEPS or (tok.dep_ == "pobj" and tok.head.head.lower_ == "according")
        if not speaking:
            continue
        ref = coref.pronoun(tok)
        if ref is None or ref.name not in by_name:
            continue
        gender = "male" if tok.lower_ in ("he", "him") else "female"
        b = by_name[chain.carry(tok, gender, ref.name, by_name[ref.name].mentions)]
        b.mentions.append(doc[tok.i : tok.i + 1])
        b.pronouns[gender] = b.pronouns.get(gender, 0) + 1


def _describe(
    doc: Doc, coref: Coref, builders: dict[str, _Builder], words: RoleWords, quoted: list[tuple[int, int]]
) -> None:
    """ "the Russian political philosopher and analyst": a definite description after a person
    without a role gives them one (the latest person of the two sentences before)."""
    roleless = [b for b in builders.values() if b.role is None]
    if not roleless:
        return
    # doc.noun_chunks builds a Span per chunk; only the few that open with "the" need one
    cols = doc.to_array([LOWER, IDX])
    for start, end, label in _chunk_bounds(doc):
        if int(cols[start, 0]) != _THE or any(a <= int(cols[start, 1]) < b for a, b in quoted):
            continue
        chunk = Span(doc, start, end, label=label)
        role = None
        for k in range(chunk.root.i - chunk.start):
            cand = doc[chunk.start + 1 + k : chunk.root.i + 1].text
            if words.is_role(cand) and not words.is_official(cand):
                role = cand
                break
        if role is None:
            continue
        sent_start = chunk.sent.start
        window_start = doc[max(0, sent_start - 1)].sent.start_char
        near = [
            (max(m.start_char for m in b.mentions if m.start_char < chunk.start_char), b)
            for b in roleless
            if any(window_start <= m.start_char < chunk.start_char for m in b.mentions)
        ]
        if near:
            _, b = max(near, key=lambda x: x[0])
            b.role = role


def _chunk_bounds(doc: Doc) -> list[tuple[int, int, int]]:
    """(start, end, label) of each of ``doc.noun_chunks``, in order, without building the spans."""
    iterator: Any = getattr(doc, "noun_chunks_iterator", None)
    if iterator is None:
        return [(c.start, c.end, c.label) for c in doc.noun_chunks]  # spaCy's error for the language
    return list(iterator(doc))


def _future(leader: Any, on: date | None) -> bool:
    """Whether the KB term found for a person is a head's term that begins after ``on`` ("Moon
    Jae-in" in March 2017, a candidate then). A minister's term ahead is left as it was: the
    person often held an office the KB does not list (Mike Pompeo ran the CIA before State)."""
    start = getattr(leader, "start", None)
    head = getattr(leader, "office", None) in HEAD_OFFICES
    return head and on is not None and isinstance(start, date) and start > on


def _person(b: _Builder) -> Person:
    gender = b.gender
    if gender is None and b.pronouns:
        gender = max(b.pronouns, key=lambda g: b.pronouns[g])
    mentions = sorted({(m.start_char, m.end_char): m for m in b.mentions}.items())
    actor = b.actor_id or (b.official_actor if role_words().is_official(b.role) else None) or b.former_actor
    return Person(
        name=b.name,
        mentions=tuple(TextSpan(s, e, m.text) for (s, e), m in mentions),
        role=b.role,
        affiliation=b.affiliation,
        actor_id=actor,
        gender=gender,
    )


@Language.factory(
    "entente_people",
    default_config={"actor_files": []},
    requires=["doc._.entente_mentions", "doc.ents", "token.dep"],
    assigns=["doc._.entente_people"],
)
def make_people(nlp: Language, name: str, actor_files: Sequence[str]) -> PeopleComponent:
    return PeopleComponent(default_kb(tuple(actor_files)))
