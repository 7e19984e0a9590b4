"""spaCy component ``entente_actors``: find actor mentions and resolve them to ids.

Fills ``doc._.actor_mentions`` (a list of :class:`~entente.records.ActorMention`
sorted by offset) and ``doc._.entente_kb``. Steps:

1. knowledge-base forms (names, capitals, adjectives, metonyms, organisations)
   found with a case-sensitive ``PhraseMatcher``, longest match first;
2. leader patterns: "Putin's government", "the Trump administration",
   "Pezeshkian's Iran", "Yemen's Houthi movement" (state's + group);
3. context: a form inside a larger named entity (ORG "Georgetown University",
   PERSON "George Washington") does not count unless the entity is a state
   institution ("the Russian Foreign Ministry", "the Government of Iraq"); nor
   does a form that is part of another name ("Lake Chad", "the South China
   Sea", "Abu Dhabi Media", "the Minsk agreements", "her daughter Paris");
   ambiguous forms need the article's context (``context.yaml`` cues, the NER
   label, a place preposition, other states in the sentence);
4. forms inside tokens the tokeniser left whole ("U.S.-Mexico");
5. names the NER finds that the knowledge base lacks stay as unresolved mentions.

The word lists these rules use live in ``data/patterns.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from entente.actors.kb import Form, KnowledgeBase, default_kb, normalise
from entente.nlp import extensions as _extensions  # noqa: F401
from entente.records import ActorKind, ActorMention, Span

_THE = {"the", "The"}
_POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass
class _Matches:
    """What the knowledge-base matcher found, for context decisions about each match."""

    tokens: set[int] = field(default_factory=set)  # tokens inside any match
    state_tokens: set[int] = field(default_factory=set)  # tokens of state names (see below)
    ends: dict[int, set[str]] = field(default_factory=dict)  # last token -> ids of unambiguous matches

    @classmethod
    def of(cls, matches: list[tuple[list[Form], int, int]], kb: KnowledgeBase, doc: Doc) -> _Matches:
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


class ActorsComponent:
    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.forms: dict[str, list[Form]] = {}
        seen: set[str] = set()
        for form in kb.all_forms():
            key = normalise(form.text)
            self.forms.setdefault(key, []).append(form)
            if key in seen:
                continue
            seen.add(key)
            variants = {key, key[0].upper() + key[1:]}
            self.matcher.add(key, [nlp.make_doc(v) for v in variants])
        self.institutions = kb.words("institution_nouns")
        self.leader_heads = kb.words("leader_heads")
        self.leader_suffixes = kb.words("leader_suffixes")
        self.container_ok = kb.words("container_labels_ok")
        self.unresolved_labels = kb.words("unresolved_labels")
        self.feature_before = kb.words("feature_before")
        self.feature_after = kb.words("feature_after")
        self.person_before = kb.words("person_before")
        self.capital_named_after = kb.words("capital_named_after")
        self.name_continuations_ok = kb.words("name_continuations_ok")
        self.place_prepositions = kb.words("place_prepositions")
        self.honorifics = kb.words("honorifics")
        self.institutions_lower = frozenset(w.lower() for w in self.institutions)

    # ---------------------------------------------------------------- helpers
    def _choose(self, forms: list[Form], span: SpacySpan, doc: Doc, seen: _Matches) -> Form | None:
        """Pick the form's actor in context; None where the context says it is something else."""
        ent = _entity_over(span)
        if ent is not None and not self._container_allows(ent, span, forms, seen):
            return None
        if self._names_something_else(span, forms, seen):
            return None
        needs = self.kb.context.get(normalise(span.text), {}).get("needs")
        if needs and not any(_has_phrase(doc.text, w) for w in needs):
            return None  # "Victoria" is the Seychelles' capital only in an article about them
        if all(f.ambiguous for f in forms):
            if not self._ambiguous_allowed(forms, span, ent, doc, seen):
                return None
        elif not self._context_allows(span, doc):
            return None
        best = [f for f in forms if not f.ambiguous] or forms
        return best[0]

    def _container_allows(self, ent: SpacySpan, span: SpacySpan, forms: list[Form], seen: _Matches) -> bool:
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
        while end > span.end and ent.doc[end - 1].is_punct:
            end -= 1
        if start >= span.start and end <= span.end:
            return True
        if ent.label_ in self.container_ok:
            return True
        # "the Russian Foreign Ministry", "the Kurdish Syrian Democratic Forces", but not "the Free
        # Syria Army": other words before a state's name make the entity another actor's name
        before = ent.doc[start : span.start]
        state_form = any(self.kb.actor(f.actor_id).kind == "state" for f in forms)
        if ent[-1].text in self.institutions and (not state_form or all(t.i in seen.tokens for t in before)):
            return True
        doc = ent.doc
        return (
            span.start >= 2
            and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in self.institutions_lower
            and ent.end == span.end
        )

    def _names_something_else(self, span: SpacySpan, forms: list[Form], seen: _Matches) -> bool:
        """The form is part of another name: "Lake Chad", "South China Sea", "daughter Paris"..."""
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
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
        self, forms: list[Form], span: SpacySpan, ent: SpacySpan | None, doc: Doc, seen: _Matches
    ) -> bool:
        """An ambiguous form (Georgia, Jordan, Washington, Niger...) needs the article to back it."""
        verdict = self._cue_verdict(span, doc)
        if verdict is not None:
            return verdict
        # "Ukraine's Security Council" is Ukraine's own, not the UN's ("South Africa's ICC" is the court)
        if (
            span.start >= 2
            and doc[span.start - 1].text in _POSSESSIVE
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
        if any(_has_phrase(doc.text, w) for w in cues.get("for", ())):
            return True
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        return any(sent.start <= i < sent.end for i in seen.state_tokens)

    def _context_allows(self, span: SpacySpan, doc: Doc) -> bool:
        return self._cue_verdict(span, doc) is not False

    def _cue_verdict(self, span: SpacySpan, doc: Doc) -> bool | None:
        """What the form's context cues (context.yaml) say: yes, no, or nothing (None)."""
        cues = self.kb.context.get(normalise(span.text))
        if not cues:
            return None
        sentence = span.sent.text if doc.has_annotation("SENT_START") else doc.text
        if any(_has_phrase(sentence, w) for w in cues.get("against_near", ())):
            return False
        window = doc[max(0, span.start - 4) : span.end + 4].text
        if any(_has_phrase(window, w) for w in cues.get("against_adjacent", ())):
            return False  # "Idaho, North Dakota, and Washington"
        if any(_has_phrase(sentence, w) for w in cues.get("for", ())):
            return True
        if any(_has_phrase(doc.text, w) for w in cues.get("against", ())):
            return False
        return None

    def _hyphen_parts(self, tok: Token) -> list[ActorMention]:
        """Forms inside one token the tokeniser did not split: "U.S.-Mexico" (unambiguous forms only)."""
        out = []
        offset = tok.idx
        for part in tok.text.split("-"):
            forms = [f for f in self.kb.lookup(part) if not f.ambiguous] if part else []
            if forms:
                form = forms[0]
                kind = self.kb.actor(form.actor_id).kind
                span = Span(offset, offset + len(part), part)
                out.append(
                    ActorMention(span, form.actor_id, kind, form.text, form.method, tok.ent_type_ or None)
                )
            offset += len(part) + 1
        return out

    def _leader_actor(self, tokens: SpacySpan, doc: Doc) -> str | None:
        info = self.kb.leader(tokens.text, doc._.published)
        if info is None and len(tokens) > 1:
            # "President-Baschar al Assad": the surname alone, for someone in office then only
            # (so that "Ian Smith" does not become a namesake of the knowledge base)
            info = self.kb.leader(tokens[-1].text, doc._.published)
            if info is not None and not info.current:
                info = None
        return info.actor_id if info else None

    # ---------------------------------------------------------------- patterns
    def _patterns(self, doc: Doc, found: list[tuple[SpacySpan, str, str, str]]) -> None:
        """Leader and possessive patterns, appended to ``found`` as (span, id, form, method)."""
        by_start = {s.start: (s, aid) for s, aid, _, _ in found}
        ends = {s.end - 1 for s, *_ in found}
        for i, tok in enumerate(doc):
            # "<Name>'s government" / "<Name>'s Iran"
            if tok.text in _POSSESSIVE and i > 0 and doc[i - 1].pos_ == "PROPN" and i - 1 not in ends:
                ent = _entity_over(doc[i - 1 : i])
                # the NER may take the "'s" into the name ("Ian Smith's"): the name ends before it
                start = ent.start if ent is not None and ent.end in (i, i + 1) else i - 1
                while start < i - 1 and doc[start].text in self.honorifics:
                    start += 1  # "Mrs May's government"
                name = doc[start:i]
                aid = self._leader_actor(name, doc)
                if aid is None and (ent is None or ent.label_ != "PERSON"):
                    continue
                head = by_start.get(i + 1)
                if head is not None:
                    found.append((doc[name.start : head[0].end], head[1], "leader's state", "pattern"))
                elif aid and i + 1 < len(doc):
                    for width in (2, 1):
                        words = doc[i + 1 : i + 1 + width]
                        if words.text in self.leader_heads:
                            found.append((doc[name.start : words.end], aid, "leader's government", "pattern"))
                            break
            # "the Trump administration"
            if tok.text in _THE and i + 2 < len(doc):
                for width in (1, 2):
                    name = doc[i + 1 : i + 1 + width]
                    after = doc[i + 1 + width : i + 3 + width]
                    suffix = next(
                        (
                            doc[name.end : name.end + n]
                            for n in (2, 1)
                            if doc[name.end : name.end + n].text in self.leader_suffixes
                        ),
                        None,
                    )
                    if suffix is None or not name[0].is_title or not after:
                        continue
                    aid = self._leader_actor(name, doc)
                    if aid:
                        found.append((doc[i : suffix.end], aid, "leader's administration", "pattern"))
                        break
            # "Yemen's Houthi movement": a state's armed group (or an organisation of that state;
            # "South Africa's ICC controversy" keeps both actors)
            if tok.text in _POSSESSIVE and i > 0:
                owner = next((x for x in found if x[0].end == i), None)
                group = by_start.get(i + 1)
                if owner is not None and group is not None:
                    actor = self.kb.actor(group[1])
                    tied = actor.kind == "armed_group" or actor.of == owner[1]
                    if tied and self.kb.actor(owner[1]).kind == "state":
                        end = group[0].end
                        if end < len(doc) and doc[end].lower_ in {"movement", "group", "militia", "rebels"}:
                            end += 1
                        found.append((doc[owner[0].start : end], group[1], "state's group", "pattern"))

    # ---------------------------------------------------------------- main
    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[SpacySpan, str, str, str]] = []
        matches = [(self.forms.get(doc.vocab.strings[m], []), s, e) for m, s, e in self.matcher(doc)]
        seen = _Matches.of(matches, self.kb, doc)
        for forms, start, end in matches:
            span = doc[start:end]
            form = self._choose(forms, span, doc, seen)
            if form is None:
                continue
            if start > 0 and doc[start - 1].text in _THE and _takes_article(span):
                span = doc[start - 1 : end]
            found.append((span, form.actor_id, form.text, form.method))
        self._patterns(doc, found)
        # longest match wins; each token belongs to at most one mention
        spans = filter_spans([s for s, *_ in found])
        keep = {(s.start, s.end) for s in spans}
        mentions = []
        taken: set[int] = set()
        for span, aid, text, method in found:
            if (span.start, span.end) in keep and span.start not in taken:
                taken.add(span.start)
                mentions.append(_mention(span, aid, self.kb.actor(aid).kind, text, method))
        covered = {t for s in spans for t in range(s.start, s.end)}
        for tok in doc:
            if "-" in tok.text and tok.i not in covered:
                parts = self._hyphen_parts(tok)
                mentions.extend(parts)
                covered.update([tok.i] if parts else [])
        for ent in doc.ents:
            if ent.label_ not in self.unresolved_labels or covered.intersection(range(ent.start, ent.end)):
                continue
            if self.kb.leader(ent.text) is None:  # a known person is not an unresolved actor
                mentions.append(
                    ActorMention(
                        Span(ent.start_char, ent.end_char, ent.text),
                        None,
                        "other",
                        ent.text,
                        "ner",
                        ent.label_,
                    )
                )
        mentions.sort(key=lambda m: (m.span.start, m.span.end))
        doc._.actor_mentions = mentions
        doc._.entente_kb = self.kb
        return doc


def _takes_article(span: SpacySpan) -> bool:
    """Whether a preceding 'the' belongs to the mention ("the Kremlin", not "the Ukraine war")."""
    the = span.doc[span.start - 1]
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.text in {"-", "–"}:
        return False
    return span.start <= the.head.i < span.end


def _mention(span: SpacySpan, aid: str, kind: ActorKind, form: str, method: str) -> ActorMention:
    ent = _entity_over(span)
    return ActorMention(
        Span(span.start_char, span.end_char, span.text),
        aid,
        kind,
        form,
        method,
        ent.label_ if ent is not None else None,
    )


def _entity_over(span: SpacySpan) -> SpacySpan | None:
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
    return any(
        ent.label_ == "PERSON" and len(ent) > 1 and any(t.text == word for t in ent) for ent in doc.ents
    )


def _has_phrase(text: str, phrase: str) -> bool:
    idx = text.find(phrase)
    while idx != -1:
        before = text[idx - 1] if idx > 0 else " "
        after = text[idx + len(phrase)] if idx + len(phrase) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        idx = text.find(phrase, idx + 1)
    return False


@Language.factory("entente_actors", default_config={"actor_files": []})
def make_actors(nlp: Language, name: str, actor_files: Sequence[str]) -> ActorsComponent:
    return ActorsComponent(nlp, default_kb(tuple(actor_files)))
