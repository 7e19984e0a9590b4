"""Word senses that report no event, or another event, between two actors (``data/senses.yaml``).

A sense is a trigger lemma (``*``: every trigger) and conditions on its parse, all of which must
hold. A matching sense drops the mention ("as opposed to its neighbours"), recodes it when it names
a type (``to``: "welcomed Merkel to the White House" is a visit hosted, CONSULT), or with ``status``
alone sets the status ("reached an agreement to support X": the support is only agreed). The
conditions read the trigger, the target's tokens and the date (:class:`Context`; ``sense_frames.py``
reads the parse frames, ``sense_args.py`` the arguments); ``vet_senses.py`` applies the senses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, cast

from spacy.tokens import Token

from entente.data import parse_yaml
from entente.errors import E, EntenteError
from entente.events import sense_args as sa
from entente.events.lexicon import load_lexicon
from entente.events.sense_frames import (
    Context,
    about_target,
    act_with,
    clause_marks,
    clause_verb,
    direct_objects,
    foreign_object,
    governor,
    headline_noun,
    hostile_act,
    hostile_complement,
    in_complement,
    in_object_prep,
    modifier_words,
    named_object,
    object_chain,
    object_preps,
    of_object_verb,
    predicates,
    specific_act,
    subjects_of,
    timed,
    under_promise,
    view_complement,
)
from entente.records import EventStatus

SENSES_FILE = "senses.yaml"
STATUS_WORDS = frozenset({"clause", "head", "under"})  # where a recoded event reads its status
STATUSES = frozenset({"hypothetical"})  # a status a sense sets ("an agreement to support X")
ANY = "*"  # a lemma that matches every trigger (a sense of the frame, not of the word)
WORD_LISTS = (
    "marks",
    "children",
    "clause",
    "heads",
    "preps",
    "pobjs",
    "unless_pobjs",
    "objects",
    "modifiers",
    "unless_modifiers",
    "unless_complement",
    "object_preps",
    "unless_deps",
    "unless_preps",
    "unless_marks",
    "predicates",
    "subjects",
    "under",
    "unless_clause_deps",
    "in_preps",
    "of_heads",
    "backers",
    "backed",
    "content_of",
    "tags",
    "unless_subjects",
    "topic_markers",
    "unless_heads",
    "maker_of",
)
FLAGS = (
    "person_object",
    "unowned",
    "plural",
    "standing",
    "about",
    "hostile",
    "complement",
    "bare",
    "act_with",
    "foreign_object",
    "hostile_act",
    "named_object",
    "headline",
    "view_complement",
    "foreign_pobj",
    "name_modifier",
)


@dataclass(frozen=True)
class Sense:
    """A trigger lemma, the conditions under which it reports no event, and what it reports then.

    ``to`` and ``status`` are None when the mention is dropped; else ``to`` is the PLOVER type it is
    recoded to (with ``mode``) and ``status`` the status it takes. Each word list is a condition
    that holds when the list is empty.
    """

    lemma: str
    marks: frozenset[str] = frozenset()
    children: frozenset[str] = frozenset()
    clause: frozenset[str] = frozenset()
    person_object: bool = False
    unowned: bool = False
    pos: str | None = None  # "verb" or "noun"
    heads: frozenset[str] = frozenset()  # the trigger's head ("stands opposed to")
    preps: frozenset[str] = frozenset()  # a preposition on the trigger ("welcomed X to Y")
    pobjs: frozenset[str] = frozenset()  # the object of a preposition on the trigger ("with one voice")
    unless_pobjs: frozenset[str] = frozenset()  # no such object of these ("clashed over the weekend")
    objects: frozenset[str] = frozenset()  # the direct object ("welcomed the delegation")
    subjects: frozenset[str] = frozenset()  # the subject ("Russia's ambitions threaten X")
    under: frozenset[str] = frozenset()  # the verb the trigger's verb complements ("agreed to boost X")
    unless_clause_deps: frozenset[str] = frozenset()  # none such on the clause verb ("the sides discussed")
    unless_deps: frozenset[str] = frozenset()  # no child of these dependencies ("agreed to V": xcomp)
    unless_preps: frozenset[str] = frozenset()  # no such preposition, but of a time ("agreed on a plan")
    unless_marks: frozenset[str] = frozenset()  # no clause of the trigger so marked ("agreed ... for X to V")
    predicates: frozenset[str] = frozenset()  # what is said of the trigger noun ("left on the back burner")
    modifiers: frozenset[str] = frozenset()  # a modifier of the trigger ("long-running conflict")
    unless_modifiers: frozenset[str] = frozenset()  # no modifier of these ("armed conflict")
    unless_complement: frozenset[str] = frozenset()  # no complement verb of these ("would pay")
    plural: bool = False
    standing: bool = False
    about: bool = False
    complement: bool = False
    object_preps: frozenset[str] = frozenset()  # the target is in such a phrase of the object
    hostile: bool = False
    bare: bool = False
    act_with: bool = False  # "X's insistence, together with his attacks": the with-phrase is an act
    foreign_object: bool = False  # the target is outside the direct object ("leave the EU")
    hostile_act: bool = False  # the act declined is a hostile one ("refused to pressure X")
    named_object: bool = False  # the target only names the object ("supports the Iran deal")
    in_preps: frozenset[str] = (
        frozenset()
    )  # the trigger is the object of such a preposition ("under the deal")
    of_heads: frozenset[str] = frozenset()  # "reassured leaders of the deal": the verb over "X of"
    view_complement: bool = False  # "agreed that the blockade hurt trade": a view shared, no deal
    headline: bool = False  # a bare noun under a name modifier, no article ("in Saudi-Iran conflict")
    backers: frozenset[str] = frozenset()  # who gives the support ("backed by US air power": air, power)
    backed: frozenset[str] = frozenset()  # what is backed ("to support Turkish forces": force)
    content_of: frozenset[str] = frozenset()  # the trigger is what such a noun agreed ("a deal to buy")
    tags: frozenset[str] = frozenset()  # the trigger's tag ("the two governments agree on": vbp)
    unless_subjects: frozenset[str] = frozenset()  # no subject of these ("protesters protested")
    foreign_pobj: bool = False  # the target is outside the `preps` phrases ("agreed with the assessment")
    topic_markers: frozenset[str] = frozenset()  # the trigger's phrase follows one ("as regards cooperation")
    unless_heads: frozenset[str] = frozenset()  # the head is none of these ("signed the X-Y treaty")
    name_modifier: bool = False  # the target names the trigger in a modifier ("the US-Japan treaty")
    maker_of: frozenset[str] = frozenset()  # the target only names these goods' maker ("US helicopters")
    status: EventStatus | None = None  # the status the mention takes (without `to`, the type stays)
    to: str | None = None
    mode: str | None = None
    status_at: str | None = None  # a recode reports the act of this word: "clause", "head" or "under"

    def matches(self, tok: Token, ctx: Context) -> bool:
        if self.lemma != ANY and tok.lemma_.lower() != self.lemma and tok.lower_ != self.lemma:
            return False
        if self.pos is not None and (tok.pos_ == "VERB") != (self.pos == "verb"):
            return False
        if self.person_object and not ctx.target_is_person:
            return False
        return self._words(tok, ctx) and self._frames(tok, ctx)

    def status_token(self, tok: Token) -> Token | None:
        """The word whose act a recoded event reports ("were discussed", "agreed"), for its status."""
        if self.status_at == "clause":
            return clause_verb(tok)
        if self.status_at == "head":
            return governor(tok)
        if self.status_at == "under":
            return under_promise(tok, self.under)
        return None

    def _words(self, tok: Token, ctx: Context) -> bool:
        before = tok.doc[tok.i - 1].lower_ if tok.i > tok.sent.start else ""
        if self.marks and not (before in self.marks or any(c.lower_ in self.marks for c in tok.children)):
            return False
        if self.children and not any(c.lower_ in self.children for c in tok.children):
            return False
        if self.clause and clause_verb(tok).lemma_.lower() not in self.clause:
            return False
        if any(c.dep_ in self.unless_clause_deps for c in clause_verb(tok).children):
            return False
        if self.unowned and any(c.dep_ == "poss" for c in tok.children):
            return False
        if self.heads and governor(tok).lemma_.lower() not in self.heads:
            return False
        if self.unless_heads and governor(tok).lemma_.lower() in self.unless_heads:
            return False
        if self.topic_markers and not sa.topic_phrase(tok, self.topic_markers):
            return False
        if self.in_preps and not (tok.dep_ == "pobj" and tok.head.lower_ in self.in_preps):
            return False
        if self.of_heads and not of_object_verb(tok, self.of_heads):
            return False
        if self.view_complement and not view_complement(tok):
            return False
        if self.tags and tok.tag_.lower() not in self.tags:
            return False
        if self.backers and not sa.backer_words(tok) & self.backers:
            return False
        if self.backed and not sa.backed_words(tok) & self.backed:
            return False
        if self.content_of and not sa.agreement_content(tok, self.content_of):
            return False
        if self.headline and not headline_noun(tok):
            return False
        preps = [c for c in tok.children if c.dep_ in ("prep", "dative")]
        if self.preps and not any(p.lower_ in self.preps for p in preps + object_preps(tok, ctx)):
            return False
        listed = [p for o in object_chain(tok) for p in o.children if p.dep_ == "prep"]
        pobjs = {g.lemma_.lower() for p in preps + listed for g in p.children if g.dep_ in ("pobj", "pcomp")}
        if self.pobjs and not pobjs & self.pobjs:
            return False
        named = [p for p in preps if not self.preps or p.lower_ in self.preps]  # "over" the weekend
        if any(g.lemma_.lower() in self.unless_pobjs for p in named for g in p.children if g.dep_ == "pobj"):
            return False
        if (
            self.objects
            and not {o.lemma_.lower() for o in direct_objects(tok, load_measures())} & self.objects
        ):
            return False
        if self.subjects and not {t.lemma_.lower() for t in subjects_of(tok)} & self.subjects:
            return False
        if self.unless_subjects and {t.lemma_.lower() for t in subjects_of(tok)} & self.unless_subjects:
            return False
        if self.under and under_promise(tok, self.under) is None:
            return False
        if any(c.dep_ in self.unless_deps for c in tok.children):
            return False
        if any(p.lower_ in self.unless_preps and not timed(p) for p in preps):
            return False
        if self.unless_marks and clause_marks(tok) & self.unless_marks:
            return False
        if self.predicates and not {v.lemma_.lower() for v in predicates(tok)} & self.predicates:
            return False
        mods = modifier_words(tok)
        if self.modifiers and not mods & self.modifiers:
            return False
        if self.unless_modifiers and mods & self.unless_modifiers:
            return False
        return not self.plural or tok.tag_ in ("NNS", "NNPS")

    def _frames(self, tok: Token, ctx: Context) -> bool:
        if self.act_with and not act_with(tok, ctx):
            return False
        if self.foreign_object and not foreign_object(tok, ctx):
            return False
        if self.hostile_act and not hostile_act(tok, ctx):
            return False
        if self.named_object and not named_object(tok, ctx):
            return False
        if self.standing and specific_act(tok, ctx):
            return False
        if self.about and not about_target(tok, ctx, self.unless_complement):
            return False
        if self.hostile and not hostile_complement(tok, ctx):
            return False
        if self.complement and not in_complement(tok, ctx.targets):
            return False
        if self.object_preps and not in_object_prep(tok, ctx, self.object_preps):
            return False
        if self.foreign_pobj and not sa.foreign_pobj(tok, ctx, self.preps):
            return False
        if self.name_modifier and not sa.named_by_modifier(tok, ctx):
            return False
        if self.maker_of and not sa.maker_only(tok, ctx, self.maker_of):
            return False
        return not self.bare or not any(
            g.lemma_.lower() in ctx.event_nouns
            for p in tok.children
            if p.dep_ == "prep"
            for g in p.children
            if g.dep_ == "pobj"
        )


def _words_of(entry: Mapping[str, object], key: str, source: str) -> frozenset[str]:
    value = entry.get(key) or []
    if not isinstance(value, list):
        raise EntenteError(E.E008, source=source, cause=f"{source}: {key} must be a list")
    if any(isinstance(v, bool) for v in value):  # YAML reads a bare on/no/yes as a boolean
        raise EntenteError(E.E008, source=source, cause=f"{source}: quote the words in {key} (on, no, yes)")
    return frozenset(str(v).lower() for v in value)


def _optional(
    entry: Mapping[str, object], key: str, source: str, allowed: frozenset[str] | None
) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or (allowed is not None and value not in allowed):
        raise EntenteError(E.E008, source=source, cause=f"{source}: bad {key} {value!r}")
    return value


def senses_from_data(data: object, source: str = SENSES_FILE) -> tuple[Sense, ...]:
    entries = data.get("senses") if isinstance(data, Mapping) else None
    if not isinstance(entries, list):
        raise EntenteError(E.E008, source=source, cause=f"{source}: expected a list under 'senses'")
    out: list[Sense] = []
    for entry in entries:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("lemma"), str):
            raise EntenteError(E.E008, source=source, cause=f"{source}: each sense needs a lemma")
        unknown = set(entry) - {"lemma", "pos", "to", "mode", "status_at", "status", *WORD_LISTS, *FLAGS}
        if unknown:
            raise EntenteError(E.E008, source=source, cause=f"{source}: unknown keys {sorted(unknown)}")

        lists: dict[str, Any] = {key: _words_of(entry, key, source) for key in WORD_LISTS}
        flags: dict[str, Any] = {key: bool(entry.get(key, False)) for key in FLAGS}
        out.append(
            Sense(
                lemma=str(entry["lemma"]).lower(),
                pos=_optional(entry, "pos", source, frozenset({"verb", "noun"})),
                to=_optional(entry, "to", source, frozenset(load_lexicon().categories)),
                mode=_optional(entry, "mode", source, None),
                status_at=_optional(entry, "status_at", source, STATUS_WORDS),
                status=cast("EventStatus | None", _optional(entry, "status", source, STATUSES)),
                **lists,
                **flags,
            )
        )
    return tuple(out)


def acts_from_data(data: object) -> frozenset[str]:
    value = data.get("acts") if isinstance(data, Mapping) else None
    if value is not None and not isinstance(value, list):
        raise EntenteError(E.E008, source=SENSES_FILE, cause=f"{SENSES_FILE}: acts must be a list")
    return frozenset(str(v).lower() for v in value or ())


@cache
def _data() -> object:
    text = resources.files("entente.events").joinpath("data", SENSES_FILE).read_text(encoding="utf-8")
    return parse_yaml(text, source=f"entente/events/data/{SENSES_FILE}")


@cache
def load_senses() -> tuple[Sense, ...]:
    return senses_from_data(_data(), f"entente/events/data/{SENSES_FILE}")


@cache
def load_acts() -> frozenset[str]:
    return acts_from_data(_data())


@cache
def load_measures() -> frozenset[str]:
    """Nouns of a measure, read as what they measure ("a million tonnes of oil": oil)."""
    data = _data()
    value = data.get("measures") if isinstance(data, Mapping) else None
    if value is not None and not isinstance(value, list):
        raise EntenteError(E.E008, source=SENSES_FILE, cause=f"{SENSES_FILE}: measures must be a list")
    return frozenset(str(v).lower() for v in value or ())


@cache
def load_former_nouns() -> frozenset[str]:
    """Nouns of a possession whose nationality names its (former) ruler ("the former French colony")."""
    data = _data()
    value = data.get("former_possessions") if isinstance(data, Mapping) else None
    if value is not None and not isinstance(value, list):
        raise EntenteError(
            E.E008, source=SENSES_FILE, cause=f"{SENSES_FILE}: former_possessions must be a list"
        )
    return frozenset(str(v).lower() for v in value or ())


@dataclass(frozen=True)
class Campaign:
    """Words that place a leader's act before the term: campaign nouns and verbs, time prepositions."""

    nouns: frozenset[str]
    verbs: frozenset[str]
    preps: frozenset[str]


@cache
def load_campaign() -> Campaign:
    """``campaign`` in senses.yaml: {nouns, verbs, preps}."""
    data = _data()
    value = (data.get("campaign") if isinstance(data, Mapping) else None) or {}
    if not isinstance(value, Mapping) or not all(isinstance(v, list) for v in value.values()):
        raise EntenteError(E.E008, source=SENSES_FILE, cause=f"{SENSES_FILE}: campaign must map to lists")
    lists = (frozenset(str(v).lower() for v in value.get(k) or ()) for k in ("nouns", "verbs", "preps"))
    return Campaign(*lists)
