"""Two clauses joined by "and": whose parties are whose.

* A second clause whose subject the parser took for a conjunct of the first clause's object:
  "Germany has apologised to Namibia and the Netherlands has apologised to Indonesia" comes out
  with "the Netherlands" coordinated with "Namibia" and the second verb without a subject. A
  noun right before a finite verb group that has no subject of its own is that verb's subject
  (:func:`stranded_subject`), and no conjunct of the noun before it (:func:`stranded`).
* A gapped second clause, whose verb is left out: "Germany apologised to Namibia, and the
  Netherlands to Indonesia". The parser hangs "the Netherlands" on the verb as a conjunct, and
  "to Indonesia" on the verb too; what follows the gapped subject is that clause's, not the
  first clause's (:func:`gapped_tokens`), so Indonesia is not Germany's target.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from entente.nlp import doccache

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
NOUNS = frozenset({"NOUN", "PROPN"})
CLAUSE_JOINERS = frozenset({"and", "but", "while", "whereas"})
REMNANT_DEPS = frozenset({"prep", "dobj", "dative", "obj", "iobj"})


def _has_subject(verb: Token) -> bool:
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return True
    # "Egypt and Qatar are mediating": the subject sometimes hangs under the auxiliary
    return any(g.dep_ in SUBJECTS for c in verb.children if c.dep_ == "aux" for g in c.children)


def _verb_group_start(verb: Token) -> int:
    """The first token of the verb and its auxiliaries and negation right before it ("has not
    apologised")."""
    start = verb.i
    for c in sorted((c for c in verb.children if c.i < verb.i), key=lambda c: -c.i):
        if c.dep_ in ("aux", "auxpass", "neg") and c.i == start - 1:
            start = c.i
    return start


def _finite(verb: Token) -> bool:
    if verb.tag_ in FINITE:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE and c.i < verb.i for c in verb.children)


def stranded_subject(verb: Token) -> Token | None:
    """The noun that is the subject of ``verb`` though the parser hung it elsewhere (see the
    module): right before the verb group, coordinated after "and" with a noun of the first clause
    or left as its object, while the finite verb has no subject of its own."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("aux", "auxpass"):
        return None  # an auxiliary's subject is its verb's
    if _has_subject(verb) or not _finite(verb):
        return None
    start = _verb_group_start(verb)
    if start == 0:
        return None
    noun = verb.doc[start - 1]
    while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i and noun.head.i < start:
        noun = noun.head
    if noun.pos_ not in NOUNS or noun.dep_ not in ("conj", "appos", "dobj", "pobj"):
        return None
    if noun.right_edge.i != start - 1 or any(a.i == verb.i for a in noun.ancestors):
        return None  # the noun's phrase goes on past the verb, or hangs under the verb itself
    if noun.dep_ == "conj" and not any(c.lower_ in CLAUSE_JOINERS for c in noun.head.children):
        return None  # "X, Y and Z" lists: only a noun after "and" opens a clause
    return noun


def stranded(noun: Token) -> bool:
    """Whether a conjunct ``noun`` is the subject of the next clause ("... to Namibia and the
    Netherlands has apologised to Indonesia"), not one more noun of the list."""
    doc = noun.doc
    nxt = noun.right_edge.i + 1
    if noun.dep_ != "conj" or nxt >= len(doc):
        return False
    verb = doc[nxt]
    if verb.dep_ in ("aux", "auxpass", "neg") and verb.head.i > verb.i:
        verb = verb.head
    found = stranded_subject(verb)
    return found is not None and found.i == noun.i


def gapped_tokens(doc: Doc) -> set[int]:
    """Tokens of gapped second clauses: what follows a noun the parser hung on the verb as a
    conjunct ("apologised to Namibia, and the Netherlands to Indonesia"), among the verb's
    objects and prepositional phrases."""
    out: set[int] = set()
    for verb in _conjunct_heads(doc):
        for subject in verb.children:
            if subject.dep_ != "conj" or subject.pos_ not in NOUNS or subject.i < verb.i:
                continue
            joined = any(
                t.lower_ in CLAUSE_JOINERS and t.head.i == verb.i for t in doc[verb.i : subject.left_edge.i]
            )
            if not joined:
                continue
            for c in verb.children:
                if c.dep_ in REMNANT_DEPS and c.i > subject.i:
                    out.update(t.i for t in c.subtree)
            out.update(t.i for t in subject.subtree)
    return out


def _conjunct_heads(doc: Doc) -> list[Token]:
    """The verbs, in order, with a noun conjunct after them: the only ones :func:`gapped_tokens`
    reads (found on the document's arrays, with no ``Token`` built for the others)."""
    if not len(doc):
        return []
    cols = doc.to_array([POS, DEP])
    conj = cols[:, 1] == get_string_id("conj")
    nouns = doccache.column_in(cols[:, 0], doccache.pos_ids(NOUNS)) & conj
    heads = doccache.heads(doc)
    (verb,) = doccache.pos_ids(("VERB",))
    pos = cols[:, 0].tolist()
    found = {h for j in numpy.flatnonzero(nouns).tolist() if (h := heads[j]) < j and pos[h] == verb}
    return [doc[h] for h in sorted(found)]
