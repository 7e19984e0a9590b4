"""Word senses that report no event, or another event, between two actors (``data/senses.yaml``).

A sense is a trigger lemma and conditions on its parse, all of which must hold. A matching
sense drops the mention ("as opposed to its neighbours", "spoke with one voice", "the
long-running conflict between X and Y") or, when it names a type (``to``), recodes it
("welcomed Merkel to the White House" is a visit hosted, CONSULT, not SUPPORT; "warned that
Russia could be meddling" is an allegation, ACCUSE, not a threat).

The conditions read the trigger token, the tokens that stand for the event's target and
the mention's date; :class:`Context` carries them. ``vet_senses.py`` applies the senses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from entente.data import parse_yaml
from entente.errors import E, EntenteError
from entente.events.lexicon import load_lexicon

SENSES_FILE = "senses.yaml"
MODIFIER_DEPS = ("amod", "compound", "nmod", "npadvmod", "advmod")
COMPLEMENT_DEPS = ("xcomp", "ccomp", "pcomp")
ARGUMENT_DEPS = ("dobj", "obj", "dative", "prep", "attr")
NAME_DEPS = ("compound", "amod", "poss", "nmod")  # "Russian hackers", "Moscow's agents"
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
)
FLAGS = ("person_object", "unowned", "plural", "standing", "about", "hostile", "complement", "bare")


@dataclass(frozen=True)
class Context:
    """What the conditions read besides the trigger token."""

    targets: frozenset[int] = frozenset()  # tokens of the sentence that stand for the target
    target_is_person: bool = False
    dated: bool = False  # the event carries a date
    acts: frozenset[str] = frozenset()  # verbs whose subject noun is a specific act ("erupted")
    light_verbs: frozenset[str] = frozenset()  # "waged a conflict": the noun is an act
    event_nouns: frozenset[str] = frozenset()  # nouns that name an event ("response to the invasion")
    group_nouns: frozenset[str] = frozenset()  # "supports the people of X": X is the one supported
    conflict_verbs: frozenset[str] = frozenset()  # verb triggers of a conflict class ("meddle", "attack")


@dataclass(frozen=True)
class Sense:
    """A trigger lemma, the conditions under which it reports no event, and what it reports then.

    ``to`` is None when the mention is dropped, else the PLOVER type it is recoded to (with
    ``mode``). Each word list is a condition that holds when the list is empty.
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
    to: str | None = None
    mode: str | None = None

    def matches(self, tok: Token, ctx: Context) -> bool:
        if tok.lemma_.lower() != self.lemma and tok.lower_ != self.lemma:
            return False
        if self.pos is not None and (tok.pos_ == "VERB") != (self.pos == "verb"):
            return False
        if self.person_object and not ctx.target_is_person:
            return False
        return self._words(tok, ctx) and self._frames(tok, ctx)

    def _words(self, tok: Token, ctx: Context) -> bool:
        before = tok.doc[tok.i - 1].lower_ if tok.i > tok.sent.start else ""
        if self.marks and not (before in self.marks or any(c.lower_ in self.marks for c in tok.children)):
            return False
        if self.children and not any(c.lower_ in self.children for c in tok.children):
            return False
        if self.clause and _clause_verb(tok).lemma_.lower() not in self.clause:
            return False
        if self.unowned and any(c.dep_ == "poss" for c in tok.children):
            return False
        if self.heads and _governor(tok).lemma_.lower() not in self.heads:
            return False
        preps = [c for c in tok.children if c.dep_ in ("prep", "dative")]
        if self.preps and not any(p.lower_ in self.preps for p in preps + _object_preps(tok, ctx)):
            return False
        listed = [p for o in _object_chain(tok) for p in o.children if p.dep_ == "prep"]
        pobjs = {g.lemma_.lower() for p in preps + listed for g in p.children if g.dep_ == "pobj"}
        if self.pobjs and not pobjs & self.pobjs:
            return False
        named = [p for p in preps if not self.preps or p.lower_ in self.preps]  # "over" the weekend
        if any(g.lemma_.lower() in self.unless_pobjs for p in named for g in p.children if g.dep_ == "pobj"):
            return False
        objects = {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "obj")}
        if self.objects and not objects & self.objects:
            return False
        mods = modifier_words(tok)
        if self.modifiers and not mods & self.modifiers:
            return False
        if self.unless_modifiers and mods & self.unless_modifiers:
            return False
        return not self.plural or tok.tag_ in ("NNS", "NNPS")

    def _frames(self, tok: Token, ctx: Context) -> bool:
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
        return not self.bare or not any(
            g.lemma_.lower() in ctx.event_nouns
            for p in tok.children
            if p.dep_ == "prep"
            for g in p.children
            if g.dep_ == "pobj"
        )


def _governor(tok: Token) -> Token:
    """The word ``tok`` depends on, read through a preposition ("the suspension of the agreement");
    ``tok`` itself at the root."""
    head = tok.head
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return head if head.i != tok.i else tok


def _object_preps(tok: Token, ctx: Context) -> list[Token]:
    """ "welcomed Chancellor Merkel to the White House": the parser often hangs the preposition
    on a named or role-noun object rather than on the verb."""
    return [
        p
        for o in tok.children
        if o.dep_ in ("dobj", "obj") and (o.pos_ == "PROPN" or o.lemma_.lower() in ctx.group_nouns)
        for p in o.children
        if p.dep_ == "prep"
    ]


def _object_chain(tok: Token) -> list[Token]:
    """The direct objects of ``tok`` and the phrases coordinated with them ("joins X, Y and Z on")."""
    return _with_conjuncts([c for c in tok.children if c.dep_ in ("dobj", "obj")])


def modifier_words(tok: Token) -> set[str]:
    """Words and hyphenated compounds modifying ``tok`` ("long-running", "decades-old", "armed")."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ not in MODIFIER_DEPS or c.i > tok.i:
            continue
        words = list(c.subtree)
        out.update(w.lower_ for w in words)
        out.update(w.lemma_.lower() for w in words)
        out.add("".join(w.text_with_ws for w in words).strip().lower().replace(" - ", "-").replace("- ", "-"))
    return out


def specific_act(tok: Token, ctx: Context) -> bool:
    """ "Conflict erupted", "waged a conflict", "the 2008 conflict": a noun of standing dispute
    that reports an act; else it names a state of affairs ("the long-running conflict")."""
    if ctx.dated:
        return True
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in ctx.acts:
        return True
    return tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in ctx.light_verbs


def about_target(tok: Token, ctx: Context, consequences: frozenset[str]) -> bool:
    """ "warned (that) Russia could be meddling": the target is the subject of what is said, not
    the one warned ("warned Iran that it would pay a price", "warned Iran not to test", "warned
    that any attack by Iran would be met with force")."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "dative")]
    for comp in (c for c in tok.children if c.dep_ == "ccomp"):
        if comp.lemma_.lower() in consequences:
            return False
        subjects = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            if objs:
                return False  # "warned Pyongyang that ...": said to the object
            # "warned that the North and Washington were on a collision course": conjuncts too
            subjects = _with_conjuncts(subjects)
            named = [t for s in subjects for t in (s, *s.children) if t.i == s.i or t.dep_ in NAME_DEPS]
            if any(t.i in ctx.targets for t in named):
                return True
            continue
        # no subject of its own: the parser hung it on the verb ("warn Russia could be")
        if any(t.i in ctx.targets for o in objs if o.i < comp.i for t in o.subtree):
            return True
    return False


def _with_conjuncts(toks: list[Token]) -> list[Token]:
    """``toks`` and the phrases coordinated with them ("the North and Washington and Seoul")."""
    out: list[Token] = []
    todo = list(toks)
    while todo:
        cur = todo.pop()
        out.append(cur)
        todo.extend(c for c in cur.children if c.dep_ == "conj")
    return out


def in_complement(tok: Token, targets: frozenset[int]) -> bool:
    """ "backed barring Turkish ministers": the target is inside a clause the trigger governs
    (also where a hyphen glued the gerund to its object and the parser took it for a modifier:
    "backed preventing-Turkish politicians from ...")."""
    inside: set[int] = set()
    doc = tok.doc
    for c in tok.children:
        if c.dep_ in COMPLEMENT_DEPS or (c.dep_ in ("dobj", "obj") and c.pos_ == "VERB"):
            inside.update(t.i for t in c.subtree)
        first = c.left_edge
        glued = first.i + 1 < len(doc) and doc[first.i + 1].text == "-" and first.lower_.endswith("ing")
        if c.dep_ in ("dobj", "obj") and first.i == tok.i + 1 and glued:
            inside.update(t.i for t in c.subtree)
    return _within(tok, targets, inside)


def in_object_prep(tok: Token, ctx: Context, preps: frozenset[str]) -> bool:
    """ "supports a two-state solution to the Israeli-Palestinian conflict": the target hangs on
    a topic phrase of the object, not on its owner ("the efforts of X") or party ("the alliance
    with X"); a group noun object is the party itself ("the people of Ukraine")."""
    inside: set[int] = set()
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "obj")):
        if obj.lemma_.lower() in ctx.group_nouns:
            continue
        phrases = [p for p in obj.children if p.dep_ == "prep" and p.lower_ in preps]
        inside.update(t.i for p in phrases for t in p.subtree)
    return _within(tok, ctx.targets, inside)


def hostile_complement(tok: Token, ctx: Context) -> bool:
    """ "warned Russia could be meddling": what is said of the target is a hostile act (a verb
    trigger of a conflict class), an allegation; "warned X could be heading for conflict" is none."""
    for comp in (c for c in tok.children if c.dep_ == "ccomp"):
        chain = [comp, *(t for t in comp.subtree if t.dep_ in ("xcomp", "conj") and t.pos_ == "VERB")]
        if any(v.lemma_.lower() in ctx.conflict_verbs for v in chain):
            return True
    return False


def _within(tok: Token, targets: frozenset[int], inside: set[int]) -> bool:
    """Whether the target's tokens under the trigger all lie ``inside`` (mentions elsewhere in
    the sentence are other phrases)."""
    args = [c for c in tok.children if c.dep_ in (*ARGUMENT_DEPS, *COMPLEMENT_DEPS)]
    under = {t.i for c in args for t in c.subtree} & targets
    return bool(under) and under <= inside


def _clause_verb(tok: Token) -> Token:
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur


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
        unknown = set(entry) - {"lemma", "pos", "to", "mode", *WORD_LISTS, *FLAGS}
        if unknown:
            raise EntenteError(E.E008, source=source, cause=f"{source}: unknown keys {sorted(unknown)}")

        def words(key: str, entry: Mapping[str, object] = entry) -> frozenset[str]:
            return _words_of(entry, key, source)

        def flag(key: str, entry: Mapping[str, object] = entry) -> bool:
            return bool(entry.get(key, False))

        out.append(
            Sense(
                lemma=str(entry["lemma"]).lower(),
                marks=words("marks"),
                children=words("children"),
                clause=words("clause"),
                person_object=flag("person_object"),
                unowned=flag("unowned"),
                pos=_optional(entry, "pos", source, frozenset({"verb", "noun"})),
                heads=words("heads"),
                preps=words("preps"),
                pobjs=words("pobjs"),
                unless_pobjs=words("unless_pobjs"),
                objects=words("objects"),
                modifiers=words("modifiers"),
                unless_modifiers=words("unless_modifiers"),
                unless_complement=words("unless_complement"),
                plural=flag("plural"),
                standing=flag("standing"),
                about=flag("about"),
                complement=flag("complement"),
                object_preps=words("object_preps"),
                hostile=flag("hostile"),
                bare=flag("bare"),
                to=_optional(entry, "to", source, frozenset(load_lexicon().categories)),
                mode=_optional(entry, "mode", source, None),
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
