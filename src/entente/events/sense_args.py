"""Frames a word sense reads from a trigger's arguments (``senses.py``): who gives the support a
trigger names and what it backs, whether the target is outside a phrase, whether the trigger is
what an agreement agreed.
"""

from __future__ import annotations

from spacy.tokens import Token

from entente.events.sense_frames import MODIFIER_DEPS, NAME_DEPS, Context, direct_objects, subjects_of
from entente.events.sense_frames import _with_conjuncts as with_conjuncts


def _phrase_words(heads: list[Token]) -> set[str]:
    """The lemmas of phrase heads and of their noun modifiers ("US air power": power, air, us;
    "the Russian air task force": force, task, air, russian)."""
    out: set[str] = set()
    for h in with_conjuncts(heads):
        out.update((h.lemma_.lower(), h.lower_))
        out.update(
            t.lemma_.lower() for c in h.children if c.dep_ in NAME_DEPS and c.i < h.i for t in c.subtree
        )
    return out


def _of_objects(tok: Token) -> list[Token]:
    return [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def backer_words(tok: Token) -> set[str]:
    """Who or what gives the support a trigger names: a verb's subject, passive agent or means
    ("forces backed by US air power", "backed X with airstrikes"), what an infinitive of purpose
    hangs on ("the use of jets to support", "sent jets to support"); a noun's possessor, of-phrase
    and modifiers ("with the support of the Russian air task force", "US air support")."""
    if tok.pos_ == "VERB":
        heads = subjects_of(tok)
        heads += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        # the means: "backed the offensive with airstrikes"
        heads += [
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if tok.dep_ in ("acl", "advcl", "xcomp") and _infinitive(tok):
            gov = tok.head
            if gov.pos_ in ("NOUN", "PROPN"):
                heads += [gov, *_of_objects(gov)]
            elif gov.pos_ == "VERB":
                heads += [c for c in gov.children if c.dep_ in ("dobj", "obj")]
        return _phrase_words(heads)
    words = _phrase_words([c for c in tok.children if c.dep_ == "poss"] + _of_objects(tok))
    words.update(
        t.lemma_.lower() for c in tok.children if c.dep_ in NAME_DEPS and c.i < tok.i for t in c.subtree
    )
    return words


def backed_words(tok: Token) -> set[str]:
    """The head lemmas of what a support trigger backs: a verb's object, passive subject or the noun
    its participle describes ("Turkish forces backed by X"); a noun's for/to/of phrase."""
    if tok.pos_ == "VERB":
        heads = direct_objects(tok)
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            heads.append(tok.head)
    else:
        heads = [
            g
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ in ("for", "to", "of")
            for g in p.children
            if g.dep_ == "pobj"
        ]
    return {h.lemma_.lower() for h in with_conjuncts(heads)} | {h.lower_ for h in with_conjuncts(heads)}


def foreign_pobj(tok: Token, ctx: Context, preps: frozenset[str]) -> bool:
    """ "Japan and South Korea agreed with the assessment": the target lies outside the trigger's
    phrases under ``preps`` (the view agreed with is no one's named); "agreed with the US
    assessment" has the target inside."""
    inside = {
        t.i
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in preps
        for g in p.children
        if g.dep_ == "pobj"
        for t in g.subtree
    }
    return bool(inside) and ctx.has_target and not ctx.targets & inside


def agreement_content(tok: Token, words: frozenset[str]) -> bool:
    """ "reached a tacit agreement with Rabat to support Morocco's claim", "signed a deal to buy
    jets": the trigger is the to-infinitive of an agreement noun of ``words``, or of a verb of
    ``words`` whose object (or passive subject) is one: what was agreed, not a second act ("sent
    troops to support X", "used the deal to pressure X" are none)."""
    if tok.pos_ != "VERB" or not _infinitive(tok) or tok.dep_ not in ("acl", "advcl", "xcomp", "relcl"):
        return False
    gov = tok.head
    if gov.pos_ in ("NOUN", "PROPN"):
        return gov.lemma_.lower() in words
    if gov.pos_ != "VERB" or gov.lemma_.lower() not in words:
        return False
    return any(o.lemma_.lower() in words for o in direct_objects(gov))


def named_by_modifier(tok: Token, ctx: Context) -> bool:
    """ "the so-called US-Japan security treaty was a product of the Cold War": the target is named in
    a name modifier of the trigger noun (a title, "US-Japan"), not in a phrase of its own ("the treaty
    with Japan"); "a UK-China agreement could ..." is one yet to be made, no name."""
    definite = ("the", "this", "that", "these", "those")
    if not any(c.dep_ == "det" and c.lower_ in definite for c in tok.children):
        return False  # "a UK-China agreement", "peace agreements": one yet to be made or any, no name
    names = {
        t.i
        for c in tok.children
        if c.dep_ in MODIFIER_DEPS and c.i < tok.i
        for t in c.subtree
        if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP")
    }
    return bool(names & ctx.targets)


def topic_phrase(tok: Token, markers: frozenset[str]) -> bool:
    """ "As regards cooperation between X and Y, the minister listed ...", "regarding relations with X":
    the trigger's phrase (or the phrase it is coordinated with) follows a topic marker of ``markers``."""
    head = tok
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    start = head.left_edge.i
    before = " ".join(t.lower_ for t in tok.doc[max(tok.sent.start, start - 5) : start])
    return any(before == m or before.endswith(" " + m) for m in markers)


def maker_only(tok: Token, ctx: Context, nouns: frozenset[str]) -> bool:
    """ "refused to arm the ships with US helicopters", "declined Russian jets": every mention of the
    target under the trigger (its subject aside) is a name modifier (not a possessor) of a noun of
    ``nouns``: it names who makes the goods, not a party the act is aimed at."""
    args = [c for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass", "csubj", "punct")]
    under = {t.i for c in args for t in c.subtree} & ctx.targets
    makers = {
        t.i
        for c in args
        for n in c.subtree
        if n.lemma_.lower() in nouns or n.lower_ in nouns
        for m in n.children
        if m.dep_ in NAME_DEPS and m.dep_ != "poss" and m.i < n.i
        for t in m.subtree
    }
    return bool(under) and under <= makers
