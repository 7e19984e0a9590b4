"""spaCy component ``entente_actors``: find actor mentions and resolve them to ids.

Fills ``doc._.actor_mentions`` (a list of :class:`~entente.records.ActorMention`
sorted by offset) and ``doc._.entente_kb``. Steps:

1. knowledge-base forms (names, capitals, adjectives, metonyms, organisations)
   found with a case-sensitive ``PhraseMatcher``, longest match first;
2. leader patterns: "Putin's government", "the Trump administration",
   "Pezeshkian's Iran", "Yemen's Houthi movement" (state's + group);
3. context: a form inside a larger named entity (ORG "Georgetown University",
   PERSON "George Washington") does not count unless the entity is a state
   institution; ambiguous forms need an NER label and the article's context;
4. names the NER finds that the knowledge base lacks stay as unresolved mentions.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from entente.actors.kb import Form, KnowledgeBase, default_kb, normalise
from entente.nlp import extensions as _extensions  # noqa: F401
from entente.records import ActorMention, Span

_THE = {"the", "The"}
_POSSESSIVE = {"'s", "’s", "'", "’"}


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

    # ---------------------------------------------------------------- helpers
    def _choose(self, forms: list[Form], span: SpacySpan, doc: Doc) -> Form | None:
        """Pick the form's actor in context; None where the context says it is something else."""
        ent = _entity_over(span)
        if ent is not None and (ent.start < span.start or ent.end > span.end):
            # inside a larger entity: fine for GPE/NORP..., or a state institution
            if ent.label_ not in self.container_ok and ent[-1].text not in self.institutions:
                return None
        if all(f.ambiguous for f in forms):
            if ent is None or ent.label_ not in {"GPE", "NORP", "LOC", "ORG"}:
                return None
            if not self._context_allows(span, doc):
                return None
        if not self._context_allows(span, doc):
            return None
        best = [f for f in forms if not f.ambiguous] or forms
        return best[0]

    def _context_allows(self, span: SpacySpan, doc: Doc) -> bool:
        cues = self.kb.context.get(normalise(span.text))
        if not cues:
            return True
        sentence = span.sent.text if doc.has_annotation("SENT_START") else doc.text
        if any(_has_phrase(sentence, w) for w in cues.get("for", ())):
            return True
        return not any(_has_phrase(doc.text, w) for w in cues.get("against", ()))

    def _leader_actor(self, tokens: SpacySpan, doc: Doc) -> str | None:
        info = self.kb.leader(tokens.text, doc._.published)
        return info.actor_id if info else None

    # ---------------------------------------------------------------- patterns
    def _patterns(self, doc: Doc, found: list[tuple[SpacySpan, str, str, str]]) -> None:
        """Leader and possessive patterns, appended to ``found`` as (span, id, form, method)."""
        by_start = {s.start: (s, aid) for s, aid, _, _ in found}
        ends = {s.end - 1 for s, *_ in found}
        for i, tok in enumerate(doc):
            # "<Name>'s government" / "<Name>'s Iran"
            if tok.text in _POSSESSIVE and i > 0 and doc[i - 1].pos_ == "PROPN" and i - 1 not in ends:
                name = _entity_over(doc[i - 1 : i])
                if name is None or name.end != i:
                    name = doc[i - 1 : i]
                aid = self._leader_actor(name, doc)
                if aid is None and name.label_ != "PERSON":
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
                        (doc[name.end : name.end + n] for n in (2, 1) if doc[name.end : name.end + n].text
                         in self.leader_suffixes),
                        None,
                    )
                    if suffix is None or not name[0].is_title or not after:
                        continue
                    aid = self._leader_actor(name, doc)
                    if aid:
                        found.append((doc[i : suffix.end], aid, "leader's administration", "pattern"))
                        break
            # "Yemen's Houthi movement": a state's armed group or organisation
            if tok.text in _POSSESSIVE and i > 0:
                owner = next((x for x in found if x[0].end == i), None)
                group = by_start.get(i + 1)
                if owner is not None and group is not None:
                    kind = self.kb.actor(group[1]).kind
                    if kind in {"armed_group", "organisation"} and self.kb.actor(owner[1]).kind == "state":
                        end = group[0].end
                        if end < len(doc) and doc[end].lower_ in {"movement", "group", "militia", "rebels"}:
                            end += 1
                        found.append((doc[owner[0].start : end], group[1], "state's group", "pattern"))

    # ---------------------------------------------------------------- main
    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[SpacySpan, str, str, str]] = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            forms = self.forms.get(doc.vocab.strings[match_id], [])
            form = self._choose(forms, span, doc)
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
        for span, aid, form, method in found:
            if (span.start, span.end) in keep and span.start not in taken:
                taken.add(span.start)
                mentions.append(_mention(span, aid, self.kb.actor(aid).kind, form, method))
        covered = {t for s in spans for t in range(s.start, s.end)}
        for ent in doc.ents:
            if ent.label_ not in self.unresolved_labels or covered.intersection(range(ent.start, ent.end)):
                continue
            if self.kb.leader(ent.text) is None:  # a known person is not an unresolved actor
                mentions.append(
                    ActorMention(
                        Span(ent.start_char, ent.end_char, ent.text), None, "other", ent.text, "ner", ent.label_
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


def _mention(span: SpacySpan, aid: str, kind: str, form: str, method: str) -> ActorMention:
    ent = _entity_over(span)
    return ActorMention(
        Span(span.start_char, span.end_char, span.text), aid, kind, form, method,  # type: ignore[arg-type]
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
