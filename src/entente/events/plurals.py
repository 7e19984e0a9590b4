"""Plural anaphors that stand for actors just named: "they", "both", "the two", "the pair".

* "they"/"them"/"their" take the latest plural *subject* before them, in
  their own sentence or the previous one: a coordination of actors ("Putin
  and Erdogan met. They agreed ...") or a plural phrase that stands for an
  actor ("Russian officials arrived. They accused ..."). The nearest plural
  subject ends the search: when it stands for no actor ("The protesters
  gathered. They accused ...") the pronoun stands for none. Inside a direct
  quote "they" is left alone (its referent is the speaker's, not the
  narrative's); a reported one ("X and Y said they would ...") is read.
* "both", "the two", "the pair" (a bare count or pair word, no noun) and a
  counted pair noun that nothing else resolved ("the two leaders") take the
  parties of the latest two-party event of the last sentences ("Putin spoke
  with Erdogan. The two agreed ..."), else the latest subject coordination
  of exactly two actors there ("Abe and Trump played golf. The two discussed
  trade ...").

The words are data: ``plural_pronouns``, ``pair_words`` in ``data/descriptions.yaml``;
``plural_anaphora`` there switches the reader on (off by default: on NewsArticles
the events it adds were under 80 % right, the errors lying in the status and sense
layers, not in the referents).
"""

from __future__ import annotations

from spacy.tokens import Token

from entente.events.arguments import ActorIndex, conjuncts, np_actors
from entente.events.descriptions import Descriptions, load_words
from entente.nlp import extensions as ext

SUBJECTS = ("nsubj", "nsubjpass")
PLURAL_TAGS = ("NNS", "NNPS")
PAIR_WINDOW = 2  # sentences back that "the two" may take a coordination from


class Plurals:
    """Resolves plural anaphors against the subjects of the sentences before them."""

    def __init__(self, index: ActorIndex, groups: frozenset[str], descriptions: Descriptions) -> None:
        self.index = index
        self.descriptions = descriptions
        self.groups = groups
        words = load_words()
        self.on = words.plural_anaphora  # off by default: data/descriptions.yaml
        self.pronouns = words.plural_pronouns
        self.pair_words = words.pair_words
        self.counts = words.pair_counts
        self.pair_nouns = words.pair_nouns
        self.cache: dict[int, list[str]] = {}
        doc = index.doc
        self.sents = list(doc.sents)
        # direct quotes only: "X and Y said they would ..." (reported) reads like the narrative
        self.quoted = [(s.start, s.end) for q in ext.quotes(doc) if q.kind != "reported" for s in q.content]

    def stands(self, tok: Token) -> bool:
        """Whether ``tok`` is a plural anaphor this reader may resolve."""
        return self.on and (self.pronoun(tok) or self.pair(tok))

    def pronoun(self, tok: Token) -> bool:
        return tok.pos_ == "PRON" and tok.lower_ in self.pronouns

    def pair(self, tok: Token) -> bool:
        """ "both", "the two", "the pair", "the two leaders" (heading their phrase)."""
        low = tok.lower_
        if low in self.counts and tok.dep_ in (*SUBJECTS, "dobj", "pobj", "conj"):
            # "Both agreed", "the two met": the count heads its phrase; "both of them"
            return low == "both" or any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        if tok.lemma_.lower() in self.pair_words:
            return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        return tok.lemma_.lower() in self.pair_nouns and any(
            c.lower_ in self.counts and c.dep_ in ("nummod", "det", "predet") for c in tok.children
        )

    def resolve(self, tok: Token) -> list[str]:
        """The actors the anaphor headed by ``tok`` stands for, or []."""
        if not self.on:
            return []
        if tok.i in self.cache:
            return self.cache[tok.i]
        self.cache[tok.i] = []  # no cycles through chains of "they"
        found: list[str] = []
        if self.pronoun(tok) and not self._in_quote(tok):
            found = self._they(tok)
        elif self.pair(tok):
            found = self._two(tok)
        self.cache[tok.i] = found
        return found

    def _sent_of(self, tok: Token) -> int:
        return next(i for i, s in enumerate(self.sents) if s.start <= tok.i < s.end)

    def _window(self, tok: Token, back: int) -> range:
        return range(self.sents[max(0, self._sent_of(tok) - back)].start, tok.i)

    def _subjects(self, tok: Token, back: int) -> list[Token]:
        """Subjects before ``tok`` in its sentence and the ``back`` before it, latest first."""
        doc = tok.doc
        out = [doc[i] for i in reversed(self._window(tok, back)) if doc[i].dep_ in SUBJECTS]
        return [s for s in out if not _inside_subject(s, tok)]

    def _they(self, tok: Token) -> list[str]:
        for subj in self._subjects(tok, 1):
            if self.pronoun(subj):
                return self.resolve(subj)  # "They met. They agreed ..."
            if self.pair(subj):
                return self.resolve(subj)
            coordinated = len(conjuncts(subj)) > 1
            if coordinated or subj.tag_ in PLURAL_TAGS:
                return np_actors(subj, self.index, self.groups)
        return []

    def _two(self, tok: Token) -> list[str]:
        # "Putin spoke with Erdogan. The two agreed ...": the parties of the last two-party event
        seen = self.descriptions.pair_before(tok, self._sent_of(tok))
        if seen:
            return seen
        for subj in self._subjects(tok, PAIR_WINDOW):
            if len(conjuncts(subj)) == 2:
                found = np_actors(subj, self.index, self.groups)
                return found if len(found) == 2 else []
        return []

    def _in_quote(self, tok: Token) -> bool:
        return any(a <= tok.idx < b for a, b in self.quoted)


def _inside_subject(subj: Token, tok: Token) -> bool:
    """Whether ``tok`` lies in ``subj``'s own phrase ("they" of "their leaders" is no antecedent)."""
    return any(t.i == tok.i for t in subj.subtree)
