"""Which actors a token of the parse stands for: names, adjectives, compounds, possessives, pronouns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from entente.records import ActorMention, Person, Quote
from entente.relations.lexicon import Lexicon

#: dependency labels of a noun's modifiers that can name an actor ("the Israel-US axis",
#: "Israeli-Iranian hostility", "Russian moves")
MODIFIERS = ("compound", "amod", "nmod", "npadvmod")
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
PRONOUNS = frozenset(
    {"he", "she", "him", "his", "her", "hers", "they", "them", "their", "theirs", "it", "its"}
)
RELATIVES = frozenset({"which", "that", "who", "whom", "whose"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours"})
QUANTIFIERS = frozenset({"some", "many", "most", "all", "several", "none", "one", "each", "both", "few"})


class ActorIndex:
    """Actor ids by token, from the actor mentions and the people who speak for an actor."""

    def __init__(
        self,
        doc: Doc,
        mentions: Iterable[ActorMention],
        people: Iterable[Person],
        lexicon: Lexicon,
        quotes: Iterable[Quote] = (),
    ) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.by_token: dict[int, str] = {}
        people = tuple(people)
        self.states: set[int] = set()  # tokens of state mentions
        for m in mentions:
            if m.actor_id:
                self._mark(m.span.start, m.span.end, m.actor_id, overwrite=True)
                if m.kind == "state":
                    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
                    self.states.update(t.i for t in span or ())
        for p in people:
            if p.actor_id:
                for s in p.mentions:
                    self._mark(s.start, s.end, p.actor_id, overwrite=False)
        # "we" in a quote: the speaker's actor, and the addressee's where one is named
        speaks_for = {p.name: p.actor_id for p in people if p.actor_id}
        self.we: list[tuple[int, int, frozenset[str]]] = []
        for q in quotes:
            if q.speaker_actor:
                ours = {q.speaker_actor}
                if q.addressee and speaks_for.get(q.addressee):
                    ours.add(speaks_for[q.addressee] or "")
                for c in q.content:
                    self.we.append((c.start, c.end, frozenset(ours)))

    def _mark(self, start: int, end: int, actor: str, *, overwrite: bool) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        for t in span:
            if overwrite or t.i not in self.by_token:
                self.by_token[t.i] = actor

    # ------------------------------------------------------------------ one noun phrase

    def own(self, t: Token) -> set[str]:
        actor = self.by_token.get(t.i)
        if actor:
            return {actor}
        if t.lower_ in FIRST_PLURAL:
            for start, end, ours in self.we:
                if start <= t.idx < end:
                    return set(ours)
        return set()

    def inner(self, t: Token, depth: int = 0) -> set[str]:
        """Actors named by ``t``'s modifiers (compounds, adjectives), not ``t`` itself."""
        found: set[str] = set()
        if depth > 3:
            return found
        for c in t.children:
            if c.dep_ in MODIFIERS or (c.dep_ == "conj" and depth > 0):
                found |= self.own(c) | self.inner(c, depth + 1)
        return found

    def phrase(self, t: Token, *, resolve: bool = True) -> set[str]:
        """Actors ``t``'s noun phrase stands for: itself, else its modifiers or possessor."""
        found = self.own(t)
        if found:
            return found
        if resolve and t.lower_ in PRONOUNS:
            return self.resolve(t)
        if t.lower_ in QUANTIFIERS:
            return self._some_of_which(t, resolve)
        found = self.inner(t)
        if found and t.lemma_.lower() in self.lexicon.not_the_state:
            # "the Syrian opposition" is not Syria; "Houthi rebels" are the Houthis
            found = {a for c in t.children if c.i not in self.states for a in self.own(c)}
        for c in t.children:
            if c.dep_ == "poss":
                found |= self.phrase(c, resolve=resolve)
        if not found:
            for c in t.children:
                if c.dep_ == "appos":
                    found |= self.group(c, resolve=resolve)
        if not found and t.lemma_.lower() in self.lexicon.group_nouns:
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "of", "from"):
                    for o in p.children:
                        if o.dep_ == "pobj":
                            found |= self.own(o) | self.inner(o)
        return found

    def _some_of_which(self, t: Token, resolve: bool) -> set[str]:
        """ "the Council members, some of which ...": the noun before the comma."""
        if not any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ in ("which", "whom") for o in c.children)
            for c in t.children
        ):
            return set()
        if t.i >= 2 and self.doc[t.i - 1].text == ",":
            return self.phrase(self.doc[t.i - 2], resolve=resolve)
        return set()

    def group(self, t: Token, *, resolve: bool = True) -> set[str]:
        """``t``'s phrase and those coordinated with it ("Saudi Arabia and the UAE")."""
        found = self.phrase(t, resolve=resolve)
        for c in t.conjuncts:
            found |= self.phrase(c, resolve=resolve)
        return found

    def resolve(self, t: Token) -> set[str]:
        """A pronoun: "the US and its allies" -> the US; else the subject of the nearest clause above it."""
        head = t.head
        if head.i != t.i and head.dep_ == "conj":
            found = self.phrase(head.head, resolve=False)
            if found:
                return found
        if t.dep_ in ("pobj", "dobj") and t.lower_ in ("it", "them", "him", "her"):
            return self._antecedent(t)
        for a in t.ancestors:
            if a.pos_ not in ("VERB", "AUX"):
                continue
            for c in a.children:
                if c.dep_ in SUBJECTS and c.i != t.i and t.i not in {s.i for s in c.subtree}:
                    found = self.group(c, resolve=False)
                    if found:
                        return found
        return set()

    def _antecedent(self, t: Token) -> set[str]:
        """An object pronoun is not its clause's subject ("X is in conflict against it"):
        the nearest actor named before it in the sentence, other than that subject."""
        subject: set[str] = set()
        for a in t.ancestors:
            if a.pos_ in ("VERB", "AUX"):
                subject = self.subject(a)
                break
        for i in range(t.i - 1, t.sent.start - 1, -1):
            actor = self.by_token.get(i)
            if actor and actor not in subject:
                return {actor}
        return set()

    # ------------------------------------------------------------------ clauses

    def subject(self, verb: Token, chain: list[Token] | None = None) -> set[str]:
        """The actors of ``verb``'s subject, climbing through "wants to", "avoid -ing", "X's refusal to"."""
        v = verb
        for _ in range(5):
            if chain is not None:
                chain.append(v)
            for c in v.children:
                if c.dep_ in SUBJECTS:
                    if c.lower_ in RELATIVES and v.dep_ == "relcl":
                        return self.group(v.head)
                    return self.group(c)
            if v.dep_ in ("xcomp", "acomp", "advcl", "conj", "ccomp", "pcomp") and v.head.i != v.i:
                v = v.head
                continue
            if v.dep_ in ("acl", "relcl") and v.head.i != v.i:
                return self.group(v.head)
            break
        return set()

    def objects(self, verb: Token) -> set[str]:
        found: set[str] = set()
        for c in verb.children:
            if c.dep_ == "dobj" or (c.dep_ == "dative" and c.pos_ != "ADP"):
                found |= self.group(c)
        return found


def recipients(t: Token, index: ActorIndex) -> set[str]:
    """Who benefits from the act ``t`` ("transfer S-400s to Iran", "strengthen Iran's posture")."""
    lemma = t.lemma_.lower()
    lex = index.lexicon
    found: set[str] = set()
    if lemma in lex.benefit_to:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                for o in c.children:
                    if o.dep_ == "pobj":
                        found |= index.group(o)
            elif c.dep_ == "dative":
                targets = [o for o in c.children if o.dep_ == "pobj"] if c.pos_ == "ADP" else [c]
                for o in targets:
                    found |= index.group(o)
    if lemma in lex.benefit_object:
        found |= index.objects(t)
    return found


def benefits_in(tokens: Sequence[Token], index: ActorIndex) -> list[tuple[Token, set[str]]]:
    """The acts of help in ``tokens`` with their recipients."""
    lex = index.lexicon
    out = []
    for t in tokens:
        if t.pos_ in ("VERB", "NOUN") and t.lemma_.lower() in (lex.benefit_to | lex.benefit_object):
            got = recipients(t, index)
            if got:
                out.append((t, got))
    return out
