"""People, not states: helpers of :mod:`entente.events.vet` (round 9).

"migrants from across Africa, including Nigerians and Somalis": plural nationality nouns listed
under a plural common noun name people of those states; "..., John Smith, a Russian general, said"
misparsed as an appositive is the report's speaker. The words are data (``data/parties.yaml``:
``listing_preps``, ``tail_verbs``). Party figures ("the Dutch anti-Islam party leader X") are
:meth:`entente.people.roles.RoleWords.party_figure`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from entente.people.roles import role_words

if TYPE_CHECKING:
    from .vet import Parties

PLURAL_TAGS = ("NNPS", "NNS")


def listed_people(tok: Token, demonyms: set[int], parties: Parties) -> bool:
    """ "crowds of migrants, including Nigerians and Somalis": a plural nationality noun (or a
    conjunct after one) in an "including" list under a plural common noun that is no military
    group ("coalition troops, including Americans" is left as it is) names people, not the state;
    "the British" (a determiner) keeps the state reading."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if tok.i not in demonyms or first.i not in demonyms or first.tag_ not in PLURAL_TAGS:
        return False
    if any(c.dep_ == "det" for c in (*first.children, *tok.children)):
        return False
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in parties.listing_preps:
        return False
    owner = prep.head
    return (
        owner.pos_ == "NOUN"
        and owner.tag_ == "NNS"
        and owner.lemma_.lower() not in parties.stationed_nouns
        and owner.lower_ not in parties.stationed_nouns
    )


def tail_speaker(tok: Token, parties: Parties) -> bool:
    """ "Troops were sent to the areas held by the rebels, John Smith, head of the Russian staff's
    department, said": a name the parse hangs as an appositive on a noun of the reported clause
    but set off by commas right before a subjectless reporting verb is the report's speaker, no
    part of the noun's phrase (nor, through his office, a party of the reported act)."""
    if tok.dep_ != "appos" or tok.pos_ != "PROPN":
        return False
    doc = tok.doc
    start, end = tok.left_edge.i, tok.right_edge.i + 1
    if start == 0 or doc[start - 1].text != ",":
        return False
    if end < len(doc) and doc[end].text == "," and doc[end - 1].text != ",":
        end += 1
    if doc[end - 1].text != "," or end >= len(doc):
        return False
    verb = doc[end]
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in parties.tail_verbs
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def party_title(tok: Token, head: Token) -> bool:
    """ "Germany's far-right party leader X" where the country word hangs on the role noun: the
    words from the country word to the role noun are a party title (see ``RoleWords.party_figure``)."""
    if head.i <= tok.i or head.pos_ != "NOUN":
        return False
    words = [t.lower_ for t in tok.doc[tok.i + 1 : head.i + 1] if t.is_alpha]
    return role_words().party_figure(words)


def owners(tok: Token, head: Token) -> list[Token]:
    """The nouns between ``tok`` and its phrase head that own the head by a possessive: "a Chinese
    company's US deal" climbs from "Chinese" through "company's" to "deal"; the company, not the
    deal, is who the country word describes."""
    out: list[Token] = []
    cur = tok
    while cur.i != head.i and cur.head.i != cur.i:
        if cur.dep_ == "poss" and cur.i != tok.i:
            out.append(cur)
        cur = cur.head
    return out
