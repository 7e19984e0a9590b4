"""Pronouns that stand for an actor, in argument positions.

* "he"/"she" take the actor of the latest person named in the same sentence,
  or the latest subject person of the two previous sentences (none when that
  person has none; a capitalised "He" inside a sentence starts a missed one),
  passing over people of the other gender where it is known
  ("she hosted Israel's prime minister" after "Abe"); "I"/"we" inside a
  quote take the speaker's actor; "it"/"its" the latest organisation or state
  mentioned before it in the same sentence.
* A link to another article run into the text ("READ MORE: Xi defends free trade He also
  spoke ...", the marker words are ``link_headings`` in ``people/data/roles.yaml``) is a
  heading: the names in it are no referent for a pronoun after it.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from entente.events.lexicon import load_lexicon
from entente.nlp import doccache
from entente.nlp import extensions as ext
from entente.people.coref import heading_tokens

PERSONAL = frozenset({"he", "she", "him", "his", "her", "himself", "herself"})
FEMININE = frozenset({"she", "her", "herself"})
FIRST = frozenset({"i", "we", "me", "us", "my", "our"})
NEUTER = frozenset({"it", "its"})
_REFERRING = PERSONAL | FIRST | NEUTER


def _head(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def _quote_actor(doc: Doc, idx: int, by_token: dict[int, str]) -> str | None:
    for quote in ext.quotes(doc):
        if any(s.start <= idx < s.end for s in quote.content):
            if quote.speaker_actor:
                return str(quote.speaker_actor)
            if quote.speaker is not None and (h := _head(doc, quote.speaker.start, quote.speaker.end)):
                return by_token.get(h.i)
    return None


def person_tokens(doc: Doc) -> set[int]:
    """Tokens of every person's name, with or without an actor."""
    out = {t.i for ent in doccache.ents(doc) if ent.label_ == "PERSON" for t in ent}
    for person in ext.people(doc):
        for s in person.mentions:
            span = doc.char_span(s.start, s.end, alignment_mode="expand") or ()
            out.update(t.i for t in span if t.pos_ != "PRON")
    return out


def person_genders(doc: Doc) -> dict[int, str]:
    """Tokens of the names of people whose gender is known -> "male" or "female"."""
    out: dict[int, str] = {}
    for person in ext.people(doc):
        if person.gender not in ("male", "female"):
            continue
        for s in person.mentions:
            span = doc.char_span(s.start, s.end, alignment_mode="expand") or ()
            out.update((t.i, person.gender) for t in span if t.pos_ != "PRON")
    return out


def pronoun_actors(doc: Doc, by_token: dict[int, str], people: set[int]) -> dict[int, str]:
    """Token index -> actor for pronouns whose referent is plain enough to take."""
    out: dict[int, str] = {}
    # only these pronouns take a referent: the others are left alone, so no other token is read
    found_at = [i for i in doccache.tokens_pos_in(doc, ("PRON",), _REFERRING) if i not in by_token]
    if not found_at:
        return out
    sents = list(doc.sents)
    people = people | person_tokens(doc)
    genders = person_genders(doc)
    headings = heading_tokens(doc)
    starts = [s.start for s in sents]
    of_gender = {g: {i for i, had in genders.items() if had == g} for g in ("male", "female")}
    nouns_at: list[int] | None = None  # agreement nouns, found when an "it" first needs them
    for at in found_at:
        si = bisect.bisect_right(starts, at) - 1
        sent = sents[si]
        window_start = sents[max(0, si - 2)].start
        tok = doc[at]
        low = tok.lower_
        found: str | None = None
        if low in PERSONAL:
            other = "male" if low in FEMININE else "female"
            skip = set(of_gender[other])  # "she" is not Shinzo Abe
            if tok.i not in headings:  # "READ MORE: Xi defends free trade He also ...": not Xi
                skip |= {i for i in headings if i < tok.i}
            # a capitalised "He" inside a sentence starts a new one the parser missed (after a
            # heading: "An inspiration for Trump He also called ..."): names before it are earlier
            restart = tok.i if tok.i > sent.start and tok.text[:1].isupper() else None
            found = _latest(
                doc,
                by_token,
                people,
                window_start,
                tok.i,
                want_person=True,
                skip=skip,
                sent_start=sent.start if restart is None else restart,
            )
        elif low in FIRST:
            found = _quote_actor(doc, tok.idx, by_token)
        elif low in NEUTER:
            skip = _antecedent(tok)
            if low == "it":  # "China's influence over North Korea ... encouraging it": China (round 10)
                skip |= _owned_topics(sent, tok, by_token)
            # "the Iran deal, ... scrap it": the deal, not Iran; nothing before it either
            if nouns_at is None:
                nouns_at = _agreement_nouns(doc)
            start = max([sent.start, *(i + 1 for i in _named_agreements(sent, tok, by_token, nouns_at))])
            found = _latest(
                doc, by_token, people, start, tok.i, want_person=False, skip=skip, sent_start=sent.start
            )
        if found:
            out[tok.i] = found
    return out


def _named_agreements(sent: Span, tok: Token, by_token: dict[int, str], nouns_at: list[int]) -> list[int]:
    """Agreement nouns before ``tok`` in its sentence that an actor's name modifies ("the Iran
    nuclear deal"): the nearest antecedent of a later "it", which names no actor itself.
    ``nouns_at``: the document's agreement nouns (:func:`_agreement_nouns`)."""
    doc = sent.doc
    return [
        t.i
        for t in (doc[i] for i in nouns_at if sent.start <= i < tok.i)
        if t.i not in by_token
        and any(c.dep_ in ("compound", "nmod", "amod", "poss") and c.i in by_token for c in t.children)
    ]


def _owned_topics(sent: Span, tok: Token, by_token: dict[int, str]) -> set[int]:
    """Tokens of actors in a prepositional phrase of a noun an actor owns, before ``tok``: in
    "China's influence over North Korea" the owner is who the phrase is about, so a later "it"
    takes China, not North Korea ("its" is left alone: "... over North Korea and its missiles")."""
    out: set[int] = set()
    for noun in sent[: tok.i - sent.start]:
        if noun.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.i in by_token for c in noun.children):
            continue
        for prep in (c for c in noun.children if c.dep_ == "prep"):
            out.update(t.i for t in prep.subtree if t.i in by_token)
    return out


def _agreement_nouns(doc: Doc) -> list[int]:
    """Indices, in order, of the document's nouns whose lemma is an agreement noun ("deal")."""
    return doccache.tokens_pos_lemma_in(doc, ("NOUN",), load_lexicon().agreement_nouns)


def _antecedent(tok: Token) -> set[int]:
    """Tokens of the noun a relative clause holding ``tok`` hangs on: "the EU, which it joined" (it ≠ EU)."""
    cur = tok
    while cur.dep_ != "relcl" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "relcl":
        return set()
    noun = cur.head
    return {t.i for t in noun.subtree if t.i <= noun.i}


def _latest(
    doc: Doc,
    by_token: dict[int, str],
    people: set[int],
    start: int,
    end: int,
    want_person: bool,
    skip: set[int] | None = None,
    sent_start: int | None = None,
) -> str | None:
    """The actor of the latest person (or non-person actor) before ``end``; None if it has none.

    In earlier sentences only a person who is a clause's subject is taken up
    ("Soleimani was arriving by plane. He was being met by ...").
    """
    sent_start = doc[end].sent.start if sent_start is None else sent_start
    for i in range(end - 1, start - 1, -1):
        if want_person and i in people:
            if (i < sent_start and not _subject(doc[i])) or (skip and i in skip):
                continue
            return by_token.get(i)  # the nearest person, even one with no actor, ends the search
        if not want_person and i in by_token and i not in people and not (skip and i in skip):
            return by_token[i]
    return None


def _subject(tok: Token) -> bool:
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i and tok.head.pos_ != "PRON":
        tok = tok.head  # not into a pronoun: "for Trump He" is a name before a missed boundary
    return tok.dep_ in ("nsubj", "nsubjpass")
