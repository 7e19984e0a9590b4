"""The parse frames a word sense reads (``senses.py``): who the trigger's target is, what its
complement and object say, whether a standing-dispute noun reports an act.

:class:`Context` carries what the conditions read besides the trigger token.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

MODIFIER_DEPS = ("amod", "compound", "nmod", "npadvmod", "advmod")
COMPLEMENT_DEPS = ("xcomp", "ccomp", "pcomp")
ARGUMENT_DEPS = ("dobj", "obj", "dative", "prep", "attr")
NAME_DEPS = ("compound", "amod", "poss", "nmod")  # "Russian hackers", "Moscow's agents"
# "agreed on the need to boost X"; acomp: "agreed that X is willing to deepen cooperation"
INHERIT_DEPS = ("advcl", "xcomp", "conj")  # a verb that takes its subject from the verb it hangs on
CLIMB_DEPS = ("xcomp", "pcomp", "ccomp", "advcl", "acl", "pobj", "acomp")


@dataclass(frozen=True)
class Context:
    """What the conditions read besides the trigger token."""

    targets: frozenset[int] = frozenset()  # tokens of the sentence that stand for the target
    has_target: bool = False  # the event has a target (whether or not named in the sentence)
    target_is_person: bool = False
    dated: bool = False  # the event carries a date
    acts: frozenset[str] = frozenset()  # verbs whose subject noun is a specific act ("erupted")
    light_verbs: frozenset[str] = frozenset()  # "waged a conflict": the noun is an act
    event_nouns: frozenset[str] = frozenset()  # nouns that name an event ("response to the invasion")
    group_nouns: frozenset[str] = frozenset()  # "supports the people of X": X is the one supported
    conflict_verbs: frozenset[str] = frozenset()  # verb triggers of a conflict class ("meddle", "attack")


def governor(tok: Token) -> Token:
    """The word ``tok`` depends on, read through a preposition ("the suspension of the agreement");
    ``tok`` itself at the root."""
    head = tok.head
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return head if head.i != tok.i else tok


def object_preps(tok: Token, ctx: Context) -> list[Token]:
    """ "welcomed Chancellor Merkel to the White House": the parser often hangs the preposition
    on a named or role-noun object rather than on the verb."""
    return [
        p
        for o in tok.children
        if o.dep_ in ("dobj", "obj") and (o.pos_ == "PROPN" or o.lemma_.lower() in ctx.group_nouns)
        for p in o.children
        if p.dep_ == "prep"
    ]


def object_chain(tok: Token) -> list[Token]:
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
        # "could lose out on deals", "might miss out": a missed chance, no consequence imposed
        missed = any(c.dep_ == "prt" and c.lower_ == "out" for c in comp.children)
        if comp.lemma_.lower() in consequences and not missed:
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


def clause_verb(tok: Token) -> Token:
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur


def direct_objects(tok: Token, measures: frozenset[str] = frozenset()) -> list[Token]:
    """The direct objects of ``tok``, or its subject where it is passive ("a minister was expelled");
    a measure reads as what it measures ("a million tonnes of oil products": products)."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if not objs and any(c.dep_ == "auxpass" for c in tok.children):
        objs = [c for c in tok.children if c.dep_ == "nsubjpass"]
    measured = [
        g
        for o in objs
        if o.lemma_.lower() in measures
        for p in o.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    return objs + measured


def timed(prep: Token) -> bool:
    """ "agreed with Trump on Friday": a preposition whose object is a date or time, no topic."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def predicates(tok: Token) -> list[Token]:
    """What is said of a noun: the verb it is the subject of ("the conflict was left aside"), and
    the verbs of relative clauses on it ("the conflict, which has been left on the back burner")."""
    out = [c for c in tok.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")]
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        out.append(tok.head)
    return out


def act_with(tok: Token, ctx: Context) -> bool:
    """ "X's insistence, together with his attacks on Y, caused a row": the with-phrase joined to
    ``tok`` ("together with", whichever side the parser hangs it on) names an act, not a partner."""
    withs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"]
    if tok.head.lower_ == "with" and tok.head.i != tok.i:
        withs.append(tok.head)
    objs = [g for w in withs for g in w.children if g.dep_ == "pobj"]
    return bool(objs) and all(o.lemma_.lower() in ctx.event_nouns for o in objs)


def foreign_object(tok: Token, ctx: Context) -> bool:
    """ "Britain's vote to leave the European Union and Trump's election": the verb's object is
    what is left; a target found outside it (or outside the sentence) is some other party."""
    objs = direct_objects(tok)
    inside = {t.i for o in objs for t in o.subtree}
    inside -= {t.i for o in objs for c in o.children if c.dep_ == "conj" for t in c.subtree}  # "and Trump's"
    return bool(objs) and ctx.has_target and not ctx.targets & inside


def hostile_act(tok: Token, ctx: Context) -> bool:
    """ "refused to pressure Netanyahu": the act declined (the trigger's infinitive, with what is
    coordinated to it) is a hostile one, so declining it is no rejection of its target."""
    acts = _with_conjuncts([c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"])
    return any(v.lemma_.lower() in ctx.conflict_verbs for v in acts)


def named_object(tok: Token, ctx: Context) -> bool:
    """ "supports the Iran nuclear deal": the target only names the object (a modifier of it, not
    its owner: "backed Italy's plan"), so what is backed is the thing, not the target."""
    objs = direct_objects(tok)
    names = {
        t.i for o in objs for c in o.children if c.dep_ in NAME_DEPS and c.dep_ != "poss" for t in c.subtree
    }
    under = {t.i for o in objs for t in o.subtree} & ctx.targets
    return bool(under) and under <= names


def clause_marks(tok: Token) -> set[str]:
    """The markers of the clauses ``tok`` governs ("agreed ... for the US to resettle": for, to)."""
    clauses = [c for c in tok.children if c.dep_ in ("advcl", "xcomp", "ccomp")]
    return {g.lower_ for c in clauses for g in c.children if g.dep_ in ("mark", "aux") and g.pos_ != "AUX"}


def subjects_of(tok: Token) -> list[Token]:
    """The subjects of ``tok`` ("Russia's ambitions threaten X": ambitions), with their conjuncts; a
    verb with none of its own that is a participle, complement or conjunct of another verb takes
    that verb's ("the programme is growing, threatening X", "the programme grows and threatens X")."""
    cur = tok
    for _ in range(3):
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects or cur.dep_ not in INHERIT_DEPS or cur.head.i == cur.i:
            break
        if cur.dep_ == "advcl" and (cur.tag_ not in ("VBG", "VBN") or _marked(cur)):
            break  # "after it threatened", "when threatening": a clause of its own
        if cur.head.pos_ not in ("VERB", "AUX"):
            break
        if cur.dep_ == "xcomp" and any(c.dep_ in ("dobj", "obj") for c in cur.head.children):
            break  # "urged Iran to threaten": the object's act
        cur = cur.head
    return _with_conjuncts([c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")])


def _marked(verb: Token) -> bool:
    return any(c.dep_ == "mark" for c in verb.children)


def under_promise(tok: Token, lemmas: frozenset[str]) -> Token | None:
    """ "agreed to strengthen cooperation", "agreed on the need to boost cooperation", "signed a deal
    to expand cooperation", "agreed to work together to deepen cooperation": the word of one of
    ``lemmas`` (a verb or noun of agreeing) above the verb governing ``tok`` through complements,
    purpose clauses and noun clauses (the promise, not the act promised)."""
    verb = governor(tok)
    if verb.i == tok.i or verb.pos_ != "VERB":
        return None
    cur = verb
    for _ in range(3):
        if cur.dep_ not in CLIMB_DEPS or cur.head.i == cur.i:
            return None
        cur = governor(cur)
        if cur.lemma_.lower() in lemmas:
            return cur
    return None


def headline_noun(tok: Token) -> bool:
    """ "China pays a price in Saudi-Iran conflict": a noun with no article or possessor under a
    name modifier ("Saudi-Iran", "Russia"), the style of a title or link heading, not of prose
    ("the Saudi-Iranian conflict", "their conflict")."""
    if any(c.dep_ in ("det", "poss") for c in tok.children):
        return False
    return any(
        c.dep_ in MODIFIER_DEPS and c.i < tok.i and any(w.pos_ == "PROPN" for w in c.subtree)
        for c in tok.children
    )


def of_object_verb(tok: Token, lemmas: frozenset[str]) -> bool:
    """ "reassured Gulf leaders of the deal", "informed them of the agreement": ``tok`` is the object
    of "of" on a verb of ``lemmas``, or on that verb's direct object."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of":
        return False
    head = prep.head
    if head.dep_ in ("dobj", "obj") and head.head.i != head.i:
        head = head.head
    return head.pos_ == "VERB" and head.lemma_.lower() in lemmas


FUTURE_AUX = frozenset(
    {"will", "would", "shall", "should", "must", "can", "could", "may", "might", "'ll", "wo"}
)


def view_complement(tok: Token) -> bool:
    """ "both sides agreed that the blockade disrupted trade": the that-clause states a finding in the
    past or present, a view shared, with no to-clause and no direct object; "agreed that they would
    hold talks", "agreed that troops should withdraw" state a deal (a modal or future verb)."""
    if any(c.dep_ in ("xcomp", "dobj", "obj") for c in tok.children):
        return False
    clauses = [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if not clauses:
        return False
    for verb in clauses:
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
            return False
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxes & FUTURE_AUX or verb.tag_ in ("VB",) or verb.lower_ in FUTURE_AUX:
            return False
        if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
            return False
    return True
