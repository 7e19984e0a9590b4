"""Within-document coreference by rules: pronouns, surnames, descriptions and institutions.

``Coref.resolve(span)`` maps a noun phrase that names a speaker to a
:class:`Referent`:

* a name or surname of a person of the article → that person;
* "he"/"him"/"his"/"she"/"her" → the latest person of compatible gender named
  outside quotation marks, subjects preferred over other mentions;
* a description ("the Iranian president", "his Russian counterpart", "the
  professor") → the person whose role and actor fit, else the knowledge
  base's holder of that office on the publication date;
* "the ministry", "the agency" → the latest organisation whose name has that word.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from entente.actors.kb import KnowledgeBase
from entente.doctext import Ranges
from entente.nlp import doccache
from entente.nlp import extensions as ext
from entente.people.roles import RoleWords, gender_word, glued_name, role_words
from entente.records import Person

_PRONOUNS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "agent")
# How far back (characters) a non-subject mention still competes with subjects.
_OBJECT_PENALTY = 400


@dataclass(frozen=True)
class Referent:
    name: str
    actor_id: str | None = None
    person: Person | None = None


def actor_ids_in(doc: Doc, start: int, end: int, kb: KnowledgeBase | None = None) -> list[str]:
    """Actor ids of the actor mentions between ``start`` and ``end``; NORP/GPE words via the KB."""
    found = [m.actor_id for m in ext.mentions(doc) if m.actor_id and start <= m.span.start < end]
    if found:
        return found
    if kb is None:
        return []
    ids: list[str] = []
    for tok in doc.char_span(start, end, alignment_mode="expand") or ():
        if tok.ent_type_ in ("NORP", "GPE"):
            try:
                ids.extend(kb.resolve_form(tok.text)[:1])
            except Exception:  # the KB's API is the actor layer's: stay robust to its changes
                continue
    return ids


class Coref:
    """Resolves speaker phrases to the people and institutions of one document."""

    def __init__(
        self,
        doc: Doc,
        people: Sequence[Person],
        quoted: Sequence[tuple[int, int]] = (),
        kb: KnowledgeBase | None = None,
    ) -> None:
        self.doc = doc
        self.kb = kb
        self.people = list(people)
        self.quoted = list(quoted)
        self._quoted = Ranges(self.quoted)
        # per person: starts of its usable mentions (outside quotes), subjects and others, sorted
        self._recent: dict[int, tuple[list[int], list[int]]] = {}
        self.words: RoleWords = role_words()
        self._by_mention: list[tuple[int, int, Person]] = sorted(
            (m.start, m.end, p) for p in self.people for m in p.mentions
        )
        self._starts: list[int] | None = None
        self._reach: list[int] = []
        self._headings: set[int] | None = None

    def person_at(self, start: int, end: int) -> Person | None:
        """The person one of whose mentions overlaps ``[start, end)`` (the first such mention)."""
        if self._starts is None:  # index once: bisect instead of a scan of every mention per call
            self._starts = [s for s, _, _ in self._by_mention]
            self._reach = []
            for _, e, _ in self._by_mention:
                self._reach.append(max(e, self._reach[-1]) if self._reach else e)
        found = None
        j = bisect.bisect_left(self._starts, end) - 1  # mentions that start before ``end``
        while j >= 0 and self._reach[j] > start:
            if self._by_mention[j][1] > start:
                found = j
            j -= 1
        return None if found is None else self._by_mention[found][2]

    def resolve(self, phrase: Span) -> Referent | None:
        head = phrase.root
        named = [head] + [c for c in head.children if c.dep_ == "appos"]  # "The Vice President, Mike Pence,"
        if head.pos_ == "NOUN":  # "Retired FBI agent and terrorism specialist Ali Soufan"
            named += [c for c in head.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"]
        glued = glued_name(head)
        if glued is not None:
            named.append(glued)
        for token in named:
            person = self.person_at(token.idx, token.idx + len(token.text))
            if person is not None:
                return Referent(person.name, person.actor_id, person)
        if head.lower_ in _PRONOUNS:
            return self.pronoun(head)
        if head.pos_ in ("NOUN", "PROPN"):
            return self.description(phrase)
        return None

    def pronoun(self, token: Token) -> Referent | None:
        gender = _PRONOUNS.get(token.lower_)
        best: tuple[int, Person] | None = None
        if self._headings is None:
            self._headings = heading_tokens(self.doc)
        # names in a link heading before the pronoun ("READ MORE: Xi defends ... He also") are no referent
        after = token.i not in self._headings
        for person in self.people:
            if gender and person.gender and person.gender != gender:
                continue
            score = self._recency(person, token.idx, self._headings if after else frozenset())
            if score is not None and (best is None or score > best[0]):
                best = (score, person)
        if best is None:
            return None
        return Referent(best[1].name, best[1].actor_id, best[1])

    def _recency(self, person: Person, before: int, headings: Collection[int] = ()) -> int | None:
        """Position of the person's latest usable mention before ``before``; objects count less.
        Mentions in ``headings`` (token indices of link headings) are left out."""
        subjects, others = self._mention_starts(person)
        if headings:
            subjects = [s for s in subjects if self._token_at(s) not in headings]
            others = [s for s in others if self._token_at(s) not in headings]
        best: int | None = None
        i = bisect.bisect_left(subjects, before)
        if i:
            best = subjects[i - 1]
        j = bisect.bisect_left(others, before)
        if j:
            score = others[j - 1] - _OBJECT_PENALTY
            best = score if best is None else max(best, score)
        return best

    def _token_at(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else -1

    def _mention_starts(self, person: Person) -> tuple[list[int], list[int]]:
        """Starts of the person's mentions outside quotes, as subjects and as others (once per person)."""
        found = self._recent.get(id(person))
        if found is not None:
            return found
        subjects: list[int] = []
        others: list[int] = []
        for m in person.mentions:
            if m.start in self._quoted:
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            subject = root.dep_ in _SUBJECT_DEPS or (root.dep_ == "conj" and root.head.dep_ in _SUBJECT_DEPS)
            if root.lower_ in _PRONOUNS and root.dep_ == "poss":
                subject = False
            (subjects if subject else others).append(m.start)
        found = (sorted(subjects), sorted(others))
        self._recent[id(person)] = found
        return found

    def description(self, phrase: Span) -> Referent | None:
        head = phrase.root
        lemma = head.lemma_.lower()
        actors = actor_ids_in(self.doc, phrase.start_char, head.idx, self.kb)
        if self.words.is_role(lemma) or self.words.is_role(head.lower_):
            title = [t.lower_ for t in phrase if t.i < head.i and t.dep_ == "compound" and not t.ent_type_]
            return self._by_role(" ".join([*title, lemma]), actors, phrase.start_char)
        if lemma in self.words.institutions and phrase[0].lower_ == "the":
            return self._institution(head, phrase.start_char)
        return None

    def _by_role(self, lemma: str, actors: list[str], before: int) -> Referent | None:
        best: tuple[int, Person] | None = None
        for person in self.people:
            role = (person.role or "").lower()
            words = lemma.split()
            fits = lemma == "counterpart" or role.split()[-len(words) :] == words
            if not fits or (actors and person.actor_id not in actors):
                continue
            score = self._recency(person, before)
            if score is not None and (best is None or score > best[0]):
                best = (score, person)
        if best is not None:
            return Referent(best[1].name, best[1].actor_id, best[1])
        kb = self.kb
        if kb is None or not actors or lemma == "counterpart":
            return None
        try:
            leader = kb.office_holder(actors[0], lemma, ext.published(self.doc))
        except Exception:  # the KB's API is the actor layer's: stay robust to its changes
            return None
        if leader is None:
            return None
        return Referent(leader.name, leader.actor_id)

    def _institution(self, head: Token, before: int) -> Referent | None:
        """ "the ministry": the latest organisation named with that word (and the phrase's other words)."""
        words = [head.lower_] + [c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound")]
        for ent in reversed(doccache.ents(self.doc)):
            name = ent.text.lower()
            if (
                ent.end_char <= before
                and ent.label_ in ("ORG", "GPE", "NORP")
                and all(w in name for w in words)
            ):
                name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                ids = actor_ids_in(self.doc, ent.start_char, ent.end_char, self.kb)
                return Referent(name, ids[0] if ids else None)
        return None


def heading_tokens(doc: Doc) -> set[int]:
    """Tokens of link headings: from a capitalised marker and its colon ("READ MORE:", "Related:";
    ``link_headings`` in ``data/roles.yaml``) to the end of the sentence, or to a capitalised
    "He"/"She" the parser left inside it ("READ MORE: Xi defends free trade He also ...")."""
    markers = [m.split() for m in role_words().link_headings]
    out: set[int] = set()
    for colon in (doc[i] for i in doccache.tokens_text_in(doc, (":",))):  # no Token for the others
        if colon.i in out:
            continue
        for words in markers:
            start = colon.i - len(words)
            if start < 0 or not doc[start].text[:1].isupper():
                continue
            if [t.lower_ for t in doc[start : colon.i]] != words:
                continue
            end = colon.sent.end
            for t in doc[colon.i + 1 : end]:
                if t.lower_ in _PRONOUNS and t.text[:1].isupper():
                    end = t.i
                    break
            out.update(range(start, end))
            break
    return out


def pronoun_gender(token: Token) -> str | None:
    return _PRONOUNS.get(token.lower_) or gender_word(token.text, role_words())
