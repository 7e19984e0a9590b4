"""Context rules of the actor component: does a matched form mean the actor here?

A form inside a larger named entity (ORG "Georgetown University", PERSON
"George Washington") does not count unless the entity is a state institution
("the Russian Foreign Ministry", "the Government of Iraq"); nor does a form
that is part of another name ("Lake Chad", "the South China Sea", "Abu Dhabi
Media", "the Minsk agreements", "her daughter Paris"); ambiguous forms need
the article's context (``context.yaml`` cues, the NER label, a place
preposition, other states in the sentence).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from entente import doctext
from entente.actors.kb import Form, KnowledgeBase, normalise
from entente.actors.words import WordLists
from entente.nlp import doccache

POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass
class Matches:
    """What the knowledge-base matcher found, for context decisions about each match."""

    tokens: set[int] = field(default_factory=set)  # tokens inside any match
    state_tokens: set[int] = field(default_factory=set)  # tokens of state names (see below)
    ends: dict[int, set[str]] = field(default_factory=dict)  # last token -> ids of unambiguous matches
    _sorted_states: list[int] | None = None

    def state_between(self, start: int, end: int) -> bool:
        """Whether a state-name token lies in ``[start, end)`` (bisect: no scan per mention)."""
        if self._sorted_states is None or len(self._sorted_states) != len(self.state_tokens):
            self._sorted_states = sorted(self.state_tokens)
        i = bisect.bisect_left(self._sorted_states, start)
        return i < len(self._sorted_states) and self._sorted_states[i] < end

    @classmethod
    def of(cls, matches: list[tuple[list[Form], int, int]], kb: KnowledgeBase, doc: Doc) -> Matches:
        out = cls()
        for forms, start, end in matches:
            out.tokens.update(range(start, end))
            clear = [f for f in forms if not f.ambiguous]
            if clear:
                out.ends.setdefault(end - 1, set()).update(f.actor_id for f in clear)
            # state names, ambiguous ones too where the NER calls them a place ("Chad and Niger")
            names = [f for f in forms if f.method == "name" and kb.actor(f.actor_id).kind == "state"]
            if names and (len(clear) > 0 or doc[start].ent_type_ == "GPE"):
                out.state_tokens.update(range(start, end))
        return out


class ContextRules(WordLists):
    """Mixin of :class:`~entente.actors.component.ActorsComponent`: the context decisions."""

    def _choose(self, forms: list[Form], span: SpacySpan, doc: Doc, seen: Matches) -> Form | None:
        """Pick the form's actor in context; None where the context says it is something else."""
        ent = entity_over(span)
        if ent is not None and not self._container_allows(ent, span, forms, seen):
            return None
        if self._names_something_else(span, forms, seen):
            return None
        needs = self.kb.context.get(normalise(span.text), {}).get("needs")
        if needs and not any(doctext.has_phrase(doc, w) for w in needs):
            return None  # "Victoria" is the Seychelles' capital only in an article about them
        if all(f.ambiguous for f in forms):
            if not self._ambiguous_allowed(forms, span, ent, doc, seen):
                return None
        elif not self._context_allows(span, doc):
            return None
        best = self._reading([f for f in forms if not f.ambiguous] or forms, span, doc)
        if best[0].actor_id in self.kb.territories and self._territory_as_place(span):
            return None
        return best[0]

    def _container_allows(self, ent: SpacySpan, span: SpacySpan, forms: list[Form], seen: Matches) -> bool:
        """A form inside a larger entity counts for GPE/NORP... entities and state institutions.

        Leading determiners and numbers of the entity do not make it larger ("the White House",
        "10 Downing Street"); "the Russian Foreign Ministry", "Government of Iraq" and "the
        Federal Aviation Office of Germany" are state institutions, "the Free Syria Army" and
        "Georgetown University" are not.
        """
        start, end = ent.start, ent.end
        while start < span.start and (
            ent.doc[start].pos_ == "DET" or ent.doc[start].like_num or ent.doc[start].is_punct
        ):
            start += 1
        # common words the NER took into the name ("Leaders of African Union") are not part of it
        lead = ent.doc[start : span.start]
        if (
            len(lead)
            and all(t.pos_ in {"NOUN", "ADP", "DET", "ADJ"} for t in lead)
            and lead[-1].pos_ == "ADP"
        ):
            start = span.start
        # an acronym in brackets the NER ran into the name: "the World Health Organization (WHO"
        end = next((t.i for t in ent.doc[span.end : end] if t.text == "("), end)
        while end > span.end and ent.doc[end - 1].is_punct:
            end -= 1
        if start >= span.start and end <= span.end:
            return True
        if ent.label_ in self.container_ok or self._names_a_conflict(ent.doc, span, start, end, forms, seen):
            return True
        # "the Russian Foreign Ministry", "the Kurdish Syrian Democratic Forces", but not "the Free
        # Syria Army": other words before a state's name make the entity another actor's name
        before = ent.doc[start : span.start]
        state_form = any(self.kb.actor(f.actor_id).kind == "state" for f in forms)
        inside = ent.doc[span.end : end]
        institution = ent[-1].text in self.institutions or any(t.text in self.institutions for t in inside)
        if institution and (not state_form or all(t.i in seen.tokens for t in before)):
            return True
        doc = ent.doc
        return (
            span.start >= 2
            and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in self.institutions_lower
            and ent.end == span.end
        )

    def _territory_as_place(self, span: SpacySpan) -> bool:
        """ "two cases in Hong Kong": a dependent territory as a location, not acting ("officials
        in Hong Kong" still speak for it)."""
        prep = span.doc[span.start - 1] if span.start > 0 else None
        if prep is None or prep.lower_ not in self.territory_place_prepositions:
            return False
        return prep.head.lower_ not in self.institutions_lower

    def _names_a_conflict(
        self, doc: Doc, span: SpacySpan, start: int, end: int, forms: list[Form], seen: Matches
    ) -> bool:
        """A state inside the name of a war or deal ("the Iraq War", "the United States-led Iraq
        War", "the Syrian Civil War", "the Iran-Iraq War"): still a mention of the state."""
        if not any(
            f.method in {"name", "adjective"} and self.kb.actor(f.actor_id).kind == "state" for f in forms
        ):
            return False
        after = doc[span.end : end]
        if not after or after[-1].lower_ not in self.conflict_name_words:
            return False
        if not all(t.lower_ in self.conflict_name_words or t.i in seen.tokens or t.is_punct for t in after):
            return False
        # words before it are other states, numbers or lower-case words ("led" of "US-led")
        before = doc[start : span.start]
        return all(t.i in seen.tokens or t.is_punct or t.like_num or t.is_lower for t in before)

    def _names_something_else(self, span: SpacySpan, forms: list[Form], seen: Matches) -> bool:
        """The form is part of another name ("Lake Chad", "South China Sea", "daughter Paris"...) or
        not the actor at all ("pro-Russian separatists", "Syrian rebels")."""
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        if prev is not None and prev.text == "-" and doc[span.start - 2].text in self.attitude_prefixes:
            return True
        adjective = any(f.method == "adjective" for f in forms)
        if adjective and nxt is not None and nxt.lower_ in self.non_state_groups:
            return True
        if nxt is not None and nxt.text in self.feature_after:
            return True
        if prev is not None:
            if prev.text in self.feature_before:
                return True
            if prev.lower_ == "of" and span.start >= 2 and doc[span.start - 2].text in self.feature_before:
                return True
        if not any(f.method == "capital" or f.ambiguous for f in forms):
            return False
        # names that are also first names: "her daughter Paris", "four-year-old Jordan" (not
        # adjectives: "a 25-year-old American")
        name = any(f.method in {"name", "capital"} for f in forms)
        if (
            name
            and prev is not None
            and (
                prev.text in self.person_before
                or (prev.text == "old" and span.start >= 3 and doc[span.start - 2].text == "-")
            )
        ):
            return True
        capital = any(f.method == "capital" for f in forms)
        if capital and nxt is not None and nxt.lower_ in self.capital_named_after:
            return True  # "the Minsk agreements", "the Astana talks"
        # a capital or ambiguous name run together with other capitalised words ("Abu Dhabi Media",
        # "Jim Jordan", "Victoria Derbyshire") is the name of something else
        if (
            name
            and nxt is not None
            and _is_name_word(nxt)
            and nxt.i not in seen.tokens
            and nxt.text not in self.name_continuations_ok
        ):
            return True
        return prev is not None and _is_name_word(prev) and prev.i not in seen.tokens

    def _ambiguous_allowed(
        self, forms: list[Form], span: SpacySpan, ent: SpacySpan | None, doc: Doc, seen: Matches
    ) -> bool:
        """An ambiguous form (Georgia, Jordan, Washington, Niger...) needs the article to back it."""
        verdict = self._cue_verdict(span, doc)
        if verdict is not None:
            return verdict
        # "Ukraine's Security Council" is Ukraine's own, not the UN's ("South Africa's ICC" is the court)
        if (
            span.start >= 2
            and doc[span.start - 1].text in POSSESSIVE
            and span.start - 2 in seen.state_tokens
            and span[-1].text in self.institutions
        ):
            return False
        # "(IS)" after "Islamic State": an acronym in brackets repeats the actor before it
        ids = {f.actor_id for f in forms}
        if span.start >= 2 and doc[span.start - 1].text == "(" and ids & seen.ends.get(span.start - 2, set()):
            return True
        if ent is not None and ent.label_ in {"GPE", "NORP", "LOC", "ORG"}:
            return True
        # the statistical NER calls it a person (or nothing): trust the article instead
        if _named_person_in(doc, span.text):
            return False
        if span.start > 0 and doc[span.start - 1].lower_ in self.place_prepositions:
            return True
        cues = self.kb.context.get(normalise(span.text), {})
        if any(doctext.has_phrase(doc, w) for w in cues.get("for", ())):
            return True
        sent = span.sent if _sentenced(doc) else doc[:]
        return seen.state_between(sent.start, sent.end)

    def _reading(self, forms: list[Form], span: SpacySpan, doc: Doc) -> list[Form]:
        """A form of several actors read as its ``reading`` actor first where the article has a
        ``reading_when`` cue and the sentence no ``reading_against_near`` one ("Brussels" is the EU
        in an article about the bloc, Belgium next to "Belgian")."""
        cues = self.kb.context.get(normalise(span.text), {})
        want = cues.get("reading")
        if not want or len({f.actor_id for f in forms}) < 2:
            return forms
        sentence = span.sent.text if _sentenced(doc) else doctext.text(doc)
        if any(has_phrase(sentence, w) for w in cues.get("reading_against_near", ())):
            return forms
        if not any(doctext.has_phrase(doc, w) for w in cues.get("reading_when", ())):
            return forms
        return [f for f in forms if f.actor_id in want] + [f for f in forms if f.actor_id not in want]

    def _context_allows(self, span: SpacySpan, doc: Doc) -> bool:
        return self._cue_verdict(span, doc) is not False

    def _cue_verdict(self, span: SpacySpan, doc: Doc) -> bool | None:
        """What the form's context cues (context.yaml) say: yes, no, or nothing (None)."""
        cues = self.kb.context.get(normalise(span.text))
        if not cues:
            return None
        sentence = span.sent.text if _sentenced(doc) else doctext.text(doc)
        if any(has_phrase(sentence, w) for w in cues.get("against_near", ())):
            return False
        window = doc[max(0, span.start - 4) : span.end + 4].text
        if any(has_phrase(window, w) for w in cues.get("against_adjacent", ())):
            return False  # "Idaho, North Dakota, and Washington"
        if any(has_phrase(sentence, w) for w in cues.get("for", ())):
            return True
        if any(doctext.has_phrase(doc, w) for w in cues.get("against", ())):
            return False
        return None


def entity_over(span: SpacySpan) -> SpacySpan | None:
    """The named entity that overlaps ``span`` (the first one), if any."""
    doc = span.doc
    for tok in span:
        if tok.ent_type_:
            start = tok.i
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            end = tok.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return SpacySpan(doc, start, end, label=tok.ent_type_)
    return None


def _is_name_word(tok: Token) -> bool:
    """A capitalised word of a name inside a sentence (not a date, not punctuation)."""
    return (
        tok.is_alpha
        and tok.is_title
        and not tok.is_sent_start
        and tok.pos_ in {"PROPN", "NOUN"}
        and tok.ent_type_ not in {"DATE", "TIME"}
    )


def _named_person_in(doc: Doc, word: str) -> bool:
    """Whether the article names a person with ``word`` as one of several names ("Jordan Horowitz")."""
    return word in doctext.memo(doc, "person_name_words", _person_name_words)


def _person_name_words(doc: Doc) -> frozenset[str]:
    """The words of the article's PERSON entities of more than one token (once per Doc)."""
    return frozenset(
        t.text for ent in doccache.ents(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent
    )


def _sentenced(doc: Doc) -> bool:
    """``doc.has_annotation("SENT_START")`` (a scan of every token), once per Doc."""
    return doctext.memo(doc, "sentenced", lambda d: d.has_annotation("SENT_START"))


def has_phrase(text: str, phrase: str) -> bool:
    """Whether ``text`` holds ``phrase`` with no letter or digit touching either end."""
    return doctext.phrase_in(text, phrase)
