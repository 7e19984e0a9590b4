"""People the people layer left without an actor: who they speak for, read from the article.

* a comma-set appositive with a role noun: "Qasem Soleimani, head of Iran's
  Quds Force" -> IRN; "Ahmed al-Assadi, a spokesman for the PMF" -> PMF;
  "Hamza bin Laden, son of the late Al-Qaeda founder" -> AL_QAEDA (the role
  noun may sit inside the appositive);
* a copula with a role noun: "al-Muhandis was the deputy commander of the
  PMF" -> PMF;
* a founding or leading verb: "Osama bin Laden founded Al-Qaeda" -> AL_QAEDA;
* first of all, the people layer's own affiliation text, where the knowledge
  base resolves it to one actor.

A role noun is needed ("an outspoken critic of Putin" names no affiliation).
The actor found stands for every mention of that person, and for other
PERSON names that share the name's first or last word ("Osama").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from entente.actors.kb import KnowledgeBase
from entente.nlp import doccache
from entente.nlp import extensions as ext
from entente.people.roles import role_words

MAX_PHRASE = 14  # tokens: "head of Iran's Quds Force", not a run-on misparse


class Affiliations:
    def __init__(
        self, role_nouns: frozenset[str], lead_verbs: frozenset[str], kb: KnowledgeBase | None = None
    ) -> None:
        self.kb = kb
        self.role_nouns = role_nouns
        self.lead_verbs = lead_verbs

    def role_actor(self, phrase: Token, by_token: dict[int, str]) -> str | None:
        """The actor attached to the first role noun of a short phrase, or None."""
        words = sorted(phrase.subtree, key=lambda t: t.i)
        if len(words) > MAX_PHRASE or "\n" in phrase.doc[words[0].i : words[-1].i + 1].text:
            return None
        for tok in words:
            if tok.lemma_.lower() in self.role_nouns or tok.lower_ in self.role_nouns:
                if _former(tok):
                    return None  # "a former Palestinian minister" no longer speaks for the state
                aside = _residence_clauses(tok)  # "a cleric who lives in exile in the US"
                for t in sorted(tok.subtree, key=lambda t: t.i):
                    if t.i in by_token and t.i not in aside:
                        return None if self._party_of(by_token[t.i], words) else by_token[t.i]
        return None

    def _party_of(self, actor: str, words: list[Token]) -> bool:
        """Whether a phrase that names a state names a party, campaign or firm the person speaks
        for instead ("a Trump campaign adviser", "a leader of Egypt's ruling party")."""
        state = self.kb is not None and self.kb.actor(actor).kind == "state"
        return state and role_words().speaks_for_nonstate_body([t.lemma_ for t in words])

    def actor_of(self, head: Token, by_token: dict[int, str]) -> str | None:
        """Who the person whose name is headed by ``head`` speaks for, or None."""
        doc = head.doc
        for appos in (c for c in head.children if c.dep_ == "appos" and c.i > head.i):
            first = min(t.i for t in appos.subtree)
            if doc[first - 1].text == "," and (found := self.role_actor(appos, by_token)):
                return found
        verb = head.head
        if head.dep_ == "nsubj" and verb.lemma_ == "be":
            for attr in (c for c in verb.children if c.dep_ == "attr"):
                if found := self.role_actor(attr, by_token):
                    return found
        if head.dep_ == "nsubj" and verb.lemma_.lower() in self.lead_verbs:
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                if obj.i in by_token:
                    return by_token[obj.i]
        return None

    def person_actors(self, doc: Doc, by_token: dict[int, str]) -> dict[int, str]:
        """Token index -> actor for people the people layer left without one."""
        out: dict[int, str] = {}
        names: dict[str, str] = {}  # a derived person's name -> actor
        for person in ext.people(doc):
            if person.actor_id or _past_role(person.role) or _party_role(person.role):
                continue
            # names only: pronoun mentions are referents.py's
            spans = [cs for s in person.mentions if (cs := _name(doc, s.start, s.end)) is not None]
            actor = _resolved(self.kb, person.affiliation) or next(
                (a for cs in spans if (a := self.actor_of(cs.root, by_token))), None
            )
            if actor:
                names[person.name] = actor
                _mark(out, by_token, spans, actor)
        ents = [e for e in doccache.ents(doc) if e.label_ == "PERSON"]
        for ent in ents:
            if not any(t.i in by_token or t.i in out for t in ent) and (
                a := self.actor_of(ent.root, by_token)
            ):
                names[ent.text] = actor = a
                _mark(out, by_token, [ent], actor)
        for ent in ents:  # "Osama" after "Osama bin Laden founded Al-Qaeda"
            if any(t.i in by_token or t.i in out for t in ent):
                continue
            actor = next((a for name, a in names.items() if _same_person(ent.text, name)), None)
            if actor:
                _mark(out, by_token, [ent], actor)
        return out


def _residence_clauses(role: Token) -> set[int]:
    """Tokens of a relative clause or participle on a role noun that tells where the person lives or
    is based ("a religious leader who lives in exile in the US", "a cleric based in Britain"): no
    affiliation ("an official who works for Iran's ministry" is read as before)."""
    verbs = role_words().residence_verbs
    return {
        t.i
        for c in role.children
        if c.dep_ in ("relcl", "acl") and (c.lemma_.lower() in verbs or c.lower_ in verbs)
        for t in c.subtree
    }


def _former(role: Token) -> bool:
    """A role held in the past: "a former minister", "the ex-minister", "a retired general"."""
    past = role_words().past_qualifiers
    return any(c.lower_ in past or c.lower_.rstrip("-") in past for c in role.lefts)


def _party_role(role: str | None) -> bool:
    """The people layer's role text for a party's figure ("far-right party leader"): no state."""
    return role_words().party_figure((role or "").replace("-", " ").split())


def _past_role(role: str | None) -> bool:
    """The people layer's role text for a role held in the past ("former Palestinian minister")."""
    first = (role or "").split(maxsplit=1)[:1]
    return bool(first) and first[0].lower().rstrip("-") in role_words().past_qualifiers


def _resolved(kb: KnowledgeBase | None, affiliation: str | None) -> str | None:
    """The actor the people layer's affiliation text names, when the knowledge base knows exactly one."""
    if kb is None or not affiliation:
        return None
    ids = kb.resolve_form(affiliation)
    return str(ids[0]) if len(ids) == 1 else None


def _name(doc: Doc, start: int, end: int) -> SpacySpan | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and any(t.pos_ == "PROPN" for t in span) else None


def _same_person(short: str, name: str) -> bool:
    words, full = short.split(), name.split()
    return len(full) > 1 and len(words) >= 1 and (words[-1] == full[-1] or short == full[0])


def _mark(out: dict[int, str], by_token: dict[int, str], spans: Iterable[SpacySpan], actor: str) -> None:
    for span in spans:
        out.update((t.i, actor) for t in span if not t.is_punct and t.i not in by_token)
