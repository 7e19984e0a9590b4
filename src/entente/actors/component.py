"""spaCy component ``entente_actors``: find actor mentions and resolve them to ids.

Fills ``doc._.entente_mentions`` (:class:`~entente.records.ActorMention` records as plain
values, sorted by offset; read them with :func:`entente.nlp.extensions.mentions`). Steps:

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

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from entente.actors.context import ContextRules, Matches, entity_over
from entente.actors.kb import Form, KnowledgeBase, default_kb, normalise
from entente.actors.patterns import THE, Found, PatternRules
from entente.nlp import doccache
from entente.nlp import extensions as ext
from entente.records import ActorKind, ActorMention, Span


class ActorsComponent(ContextRules, PatternRules):
    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
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
            variants |= {v.replace("'", "’") for v in variants}  # curly apostrophes in the text
            self.matcher.add(key, [nlp.make_doc(v) for v in variants])
        # names of several words in odd case ("the European union", "UNITED NATIONS")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, key_forms in self.forms.items():
            if " " in key and key != key.lower() and not all(f.ambiguous for f in key_forms):
                self.folded.add(key, [nlp.make_doc(key.lower())])
        self.load_words(kb, nlp)

    # ---------------------------------------------------------------- main
    def __call__(self, doc: Doc) -> Doc:
        found: Found = []
        exact = self.matcher(doc)
        as_written = {(s, e) for _, s, e in exact}
        odd = [
            (m, s, e) for m, s, e in self.folded(doc) if (s, e) not in as_written and _odd_case_name(doc[s:e])
        ]
        both = sorted(exact + odd, key=lambda x: x[1]) if odd else exact  # in text order
        matches = [(self.forms.get(doc.vocab.strings[m], []), s, e) for m, s, e in both]
        seen = Matches.of(matches, self.kb, doc)
        for forms, start, end in matches:
            span = doc[start:end]
            form = self._choose(forms, span, doc, seen)
            if form is None:
                continue
            definite = start > 0 and doc[start - 1].text in THE and _takes_article(span)
            if _needs_article(forms) and not (definite and _ends_name(span)):
                continue  # "the West", not "West Bank", "Kanye West", "the West Bank"
            if definite:
                span = doc[start - 1 : end]
            found.append((span, form.actor_id, form.text, form.method))
        self._patterns(doc, found)
        self._institutions(doc, found)
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
        for ent in doccache.ents(doc):
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
        ext.set_mentions(doc, mentions)
        return doc


def _odd_case_name(span: SpacySpan) -> bool:
    """A knowledge-base name in other case still names the actor where some word of it, not
    first in its sentence, is capitalised ("the European union"); an all-lower-case phrase
    ("a white house", "an islamic state") or one after "a"/"an" is a common noun phrase."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in {"a", "an"}:
        return False
    return any(t.text[:1].isupper() and not t.is_sent_start for t in span)


def _needs_article(forms: list[Form]) -> bool:
    """Forms the knowledge base lists only with 'the' ("the West") count only with it."""
    return all(f.text.split()[0] in THE for f in forms)


def _ends_name(span: SpacySpan) -> bool:
    """No capitalised word follows that would make the form part of a longer name ("the West Bank")."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt is None or not (nxt.is_title and nxt.is_alpha)


def _takes_article(span: SpacySpan) -> bool:
    """Whether a preceding 'the' belongs to the mention ("the Kremlin", not "the Ukraine war")."""
    the = span.doc[span.start - 1]
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.text in {"-", "–"}:
        return False
    return span.start <= the.head.i < span.end


def _mention(span: SpacySpan, aid: str, kind: ActorKind, form: str, method: str) -> ActorMention:
    ent = entity_over(span)
    return ActorMention(
        Span(span.start_char, span.end_char, span.text),
        aid,
        kind,
        form,
        method,
        ent.label_ if ent is not None else None,
    )


@Language.factory(
    "entente_actors",
    default_config={"actor_files": []},
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.entente_mentions"],
)
def make_actors(nlp: Language, name: str, actor_files: Sequence[str]) -> ActorsComponent:
    return ActorsComponent(nlp, default_kb(tuple(actor_files)))
