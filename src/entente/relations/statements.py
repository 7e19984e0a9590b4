"""Relational statements: phrases of the lexicon found in the parse, with the actors they link."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from spacy.tokens import Doc, Token

from entente.nlp import doccache
from entente.relations.actors import SUBJECTS, ActorIndex, benefits_in
from entente.relations.lexicon import GAP, Item, Phrase

Pair = tuple[str, str]
Link = tuple[str, str, int]
#: links from a phrase up to a copula that make the phrase say what its subject is
PREDICATIVE = ("attr", "acomp", "oprd", "pobj", "appos", "conj")
COPULAS = frozenset({"be", "become", "remain", "stay", "seem", "appear"})


@dataclass(frozen=True)
class Match:
    phrase: Phrase
    start: int  # token indices, end exclusive
    end: int
    head: int


@dataclass
class Partners:
    partner: set[str]
    between: set[str]
    against: set[str]
    reciprocal: bool  # "closer to each other"
    unnamed: bool = False  # a partner preposition whose object is no actor ("ties with the kingdom")


@dataclass(frozen=True)
class Statement:
    """A signed link between two actors read from a phrase."""

    a: str
    b: str
    sign: str
    weight: float
    start: int  # character offsets of the phrase
    end: int
    sentence: tuple[int, int]
    detail: str


def _fits(item: Item, t: Token) -> bool:
    return t.lower_ in item.words or t.lemma_.lower() in item.words


def _match_at(doc: Doc, i: int, items: tuple[Item, ...], k: int, hit: list[int]) -> list[int] | None:
    """Token indices of items[k:] matched from token ``i`` (gaps get -1 placeholders)."""
    if k == len(items):
        return hit
    item = items[k]
    if item.gap:
        for skip in range(GAP + 1):
            got = _match_at(doc, i + skip, items, k + 1, [*hit, -1])
            if got is not None:
                return got
        return None
    if i < len(doc) and not doc[i].is_space and _fits(item, doc[i]):
        return _match_at(doc, i + 1, items, k + 1, [*hit, i])
    return None


def _predicate_fits(h: Token, phrase: Phrase) -> bool:
    """ "Relations have soured": the head is the subject of one of the phrase's verbs."""
    return h.dep_ in SUBJECTS and h.head.lemma_.lower() in phrase.predicate


def find_matches(doc: Doc, phrases: tuple[Phrase, ...]) -> list[Match]:
    """Every phrase occurrence, one per head token (the longest, then the first listed)."""
    starts: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        for word in phrase.items[0].words:
            starts.setdefault(word, []).append(phrase)
    best: dict[int, Match] = {}
    for i in doccache.tokens_lower_or_lemma_in(doc, starts):
        t = doc[i]
        candidates = starts.get(t.lower_, []) + starts.get(t.lemma_.lower(), [])
        for phrase in dict.fromkeys(candidates):
            got = _match_at(doc, i, phrase.items, 0, [])
            if got is None:
                continue
            tokens = [j for j in got if j >= 0]
            if phrase.predicate and not _predicate_fits(doc[got[phrase.head]], phrase):
                continue
            m = Match(phrase, tokens[0], tokens[-1] + 1, got[phrase.head])
            old = best.get(m.head)
            if old is None or (m.end - m.start) > (old.end - old.start):
                best[m.head] = m
    return sorted(best.values(), key=lambda m: m.start)


def _apposed(h: Token) -> bool:
    """``h`` heads an apposition right after a name and a comma: "Russia, a key ally of Syria"."""
    head = h.head
    return head.i != h.i and head.i + 1 < len(head.doc) and head.nbor(1).text == "," and h.i > head.i


def _same(pairs: list[Pair]) -> list[Link]:
    return [(a, b, 1) for a, b in pairs]


def _cross(a: set[str], b: set[str]) -> list[Pair]:
    return [(x, y) for x in sorted(a) for y in sorted(b) if x != y]


def _mutual(a: set[str]) -> list[Pair]:
    return list(combinations(sorted(a), 2))


class Reader:
    """Finds the actor pairs each phrase links, and whether something above it reverses it."""

    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        self.lex = index.lexicon

    def _partners(self, h: Token, m: Match) -> Partners:
        """Actors after a preposition of the phrase (or of its verb): with/to/..., between, against."""
        found = Partners(set(), set(), set(), False)
        doc = self.index.doc
        heads = [doc[i] for i in range(m.start, m.end)]
        if h.dep_ in ("dobj", "advmod", "acomp", "attr", "oprd") and h.head.i != h.i:
            heads.append(h.head)
        for x in heads:
            for c in x.children:
                prep = c.lower_
                preps = m.phrase.preps or self.lex.partner_preps
                if c.dep_ != "prep" or not (prep in preps or prep == "against"):
                    continue
                for o in c.children:
                    if o.dep_ not in ("pobj", "pcomp"):
                        continue
                    if o.lower_ in ("other", "another") and any(
                        d.lower_ in ("each", "one") for d in o.children
                    ):
                        found.reciprocal = True
                        continue
                    got = self.index.group(o)
                    if not got and prep != "against":
                        found.unnamed = True
                    if prep in ("between", "among"):
                        found.between |= got
                    elif prep == "against":
                        found.against |= got
                    else:
                        found.partner |= got
                        for d in o.children:  # "with Y against Z", the parse hanging Z on Y
                            if d.dep_ == "prep" and d.lower_ == "against":
                                for z in d.children:
                                    if z.dep_ == "pobj":
                                        found.against |= self.index.group(z)
        return found

    def _climb(self, h: Token, chain: list[Token]) -> tuple[set[str], set[str], bool]:
        """Subject of the clause above a phrase, the object when the phrase follows "as", and
        whether the phrase is the subject's predicate ("X is one of Y's allies", "X remains Y's partner").
        """
        t = h
        as_frame = False
        predicative = True
        for _ in range(6):
            if t.dep_ in SUBJECTS or t.head.i == t.i:
                break
            if t.dep_ == "prep" and t.i != h.i:
                # "one of Y's allies", "as a partner", "X is in conflict with Y"
                verbal = t.lower_ in ("in", "at") and t.head.pos_ in ("VERB", "AUX")
                if t.lower_ not in ("as", "of") and not verbal:
                    break
                as_frame = as_frame or t.lower_ == "as"
            elif t.dep_ not in PREDICATIVE:
                predicative = False
            t = t.head
            chain.append(t)
            if t.pos_ in ("VERB", "AUX"):
                subject = self.index.subject(t, chain)
                if as_frame and t.lemma_.lower() in self.lex.as_verbs:
                    return subject, self.index.objects(t), False  # "X sees Y as a partner"
                # "X is Y's partner"; "X overtook Z as Y's partner"
                return subject, set(), predicative and (as_frame or t.lemma_.lower() in COPULAS)
        return set(), set(), False

    def _past(self, h: Token) -> bool:
        """ "a former ally", "previously an ally": a relation that no longer holds."""
        return any(c.lower_ in self.lex.past for c in h.children if c.dep_ in ("amod", "advmod"))

    def _reversed(self, chain: list[Token]) -> bool:
        flips = 0
        seen: set[int] = set()
        for t in chain:
            if t.i in seen:
                continue
            seen.add(t.i)
            if t.lemma_.lower() in self.lex.reversers or t.lower_ in self.lex.reversers:
                flips += 1
            for c in t.children:
                if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                    flips += 1
        return flips % 2 == 1

    def links(self, m: Match) -> tuple[list[Link], bool, set[str]]:
        """(links, reversed, the parties an irritant displeases) for one match.

        A link is (a, b, +1) when the phrase's sign applies to the pair, (a, b, -1) for
        the opposite ("allied with Y against Z": the allies are at odds with Z).
        """
        h = self.index.doc[m.head]
        ix = self.index
        chain: list[Token] = [h]
        if (m.phrase.pos and h.pos_ not in m.phrase.pos) or self._past(h):
            return [], False, set()
        found = self._partners(h, m)
        partner, against = found.partner, found.against
        if m.phrase.sign == "-":
            partner, against = partner | against, set()
        if m.phrase.predicate:
            chain.append(h.head)
        if len(found.between) >= 2:
            return _same(_mutual(found.between)), self._reversed(chain), set()
        inner = ix.inner(h)
        if len(inner) >= 2 and not partner:
            return _same(_mutual(inner)), self._reversed(chain), set()
        poss: set[str] = set()
        for c in h.children:
            if c.dep_ == "poss":
                poss |= ix.group(c)
        own = ix.own(h) | inner | poss
        is_verb = h.pos_ in ("VERB", "AUX") or (h.pos_ == "NOUN" and h.dep_ in ("ROOT", "xcomp", "ccomp"))
        objects: set[str] = set()
        if is_verb:
            objects = ix.objects(h)
            if m.phrase.welcome:
                helped = {
                    a for c in h.children if c.dep_ == "dobj" for _, got in self._helped(c) for a in got
                }
                objects = helped or objects  # "moves that strengthen Y": Y, not the mover
        subject: set[str] = set()
        as_object: set[str] = set()
        predicative = False
        if m.phrase.comparative and h.dep_ == "advmod" and h.head.i != h.i:
            moved = ix.objects(h.head)
            subject = moved or ix.subject(h.head, chain)
        elif h.dep_ == "appos" and _apposed(h):
            subject, predicative = ix.phrase(h.head), True  # "X, a close ally of Y"
        elif is_verb:
            subject = ix.subject(h, chain)
        elif not own or not partner:
            subject, as_object, predicative = self._climb(h, chain)
        if m.phrase.partner_required and not (partner or as_object):
            return [], False, set()
        other = partner | objects | as_object
        side = own or subject
        if own and not other and subject and predicative:
            other = subject
        pairs: list[Pair] = []
        if found.reciprocal and not other:
            pairs = _mutual(side)
        elif side and other:
            pairs = _cross(side, other)
        elif (
            len(side) >= 2
            and not found.unnamed
            and not (is_verb and any(c.dep_ == "dobj" for c in h.children))
        ):
            # "X and Y fought" (each other), not "X and Y fight terrorism"
            pairs = _mutual(side)
        links = _same(pairs)
        for group in (side, other):
            links += [(a, b, -1) for a, b in _cross(group, against)]
        irritated = (objects | partner) if m.phrase.irritant else set()
        return links, self._reversed(chain), irritated

    def _helped(self, t: Token) -> list[tuple[Token, set[str]]]:
        return benefits_in(list(t.subtree), self.index)

    def read(self, m: Match) -> Iterator[Statement]:
        doc = self.index.doc
        h = doc[m.head]
        links, rev, irritated = self.links(m)
        sign = m.phrase.sign
        if rev and m.phrase.negation == "drop":
            links = []
        elif rev:
            sign = "+" if sign == "-" else "-"
        span = doc[m.start : m.end]
        sent = (h.sent.start_char, h.sent.end_char)
        for a, b, same in links:
            signed = sign if same > 0 else ("+" if sign == "-" else "-")
            yield Statement(
                a, b, signed, m.phrase.weight, span.start_char, span.end_char, sent, m.phrase.name
            )
        if irritated:
            # "unwilling to transfer S-400s to Y, to avoid irritating X": X is at odds with Y
            for act, helped in benefits_in(list(h.sent), self.index):
                for a, b in _cross(irritated, helped):
                    yield Statement(
                        a,
                        b,
                        "-",
                        m.phrase.weight,
                        min(span.start_char, act.idx),
                        max(span.end_char, act.idx + len(act.text)),
                        sent,
                        f"{m.phrase.name} by help to {b}",
                    )

    def backed(self, weight: float = 0.6) -> Iterator[Statement]:
        """ "Iran-backed Houthis": the backer and the backed are aligned."""
        ix = self.index
        for i in doccache.tokens_lower_in(ix.doc, self.lex.backed):
            t = ix.doc[i]
            if t.lower_ not in self.lex.backed or t.dep_ not in ("amod", "acl") or t.head.i == t.i:
                continue
            backers = {a for c in t.children if c.dep_ in ("npadvmod", "compound", "nmod") for a in ix.own(c)}
            backed = ix.phrase(t.head) - backers
            sent = (t.sent.start_char, t.sent.end_char)
            first = min([t, *t.children], key=lambda x: x.i)
            for a, b in _cross(backers, backed):
                yield Statement(a, b, "+", weight, first.idx, t.idx + len(t.text), sent, f"{t.lower_} by")
