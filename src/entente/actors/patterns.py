"""Pattern rules of the actor component: phrases that stand for an actor.

"Putin's government", "Pezeshkian's Iran" and "the Trump administration"
stand for the leader's state (looked up on the article's date); "Yemen's
Houthi movement" is the armed group; "the German government", "Cuba's
government" and "the Turkish Ministry of Foreign Affairs" are the state's
government; forms inside tokens the tokeniser left whole ("U.S.-Mexico").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from entente.actors.context import POSSESSIVE, entity_over
from entente.actors.words import WordLists
from entente.nlp import extensions as ext
from entente.records import ActorMention, Span

THE = {"the", "The"}
Found = list[tuple[SpacySpan, str, str, str]]  # (span, actor id, form, method)


class PatternRules(WordLists):
    """Mixin of :class:`~entente.actors.component.ActorsComponent`: the phrase patterns."""

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
        info = self.kb.leader(tokens.text, ext.published(doc))
        if info is None and len(tokens) > 1:
            # "President-Baschar al Assad": the surname alone, for someone in office then only
            # (so that "Ian Smith" does not become a namesake of the knowledge base)
            info = self.kb.leader(tokens[-1].text, ext.published(doc))
            if info is not None and (
                not info.current or not _given_agrees(tokens[0].text, info.name, self.honorifics)
            ):
                info = None
        return info.actor_id if info else None

    def _patterns(self, doc: Doc, found: Found) -> None:
        """Leader and possessive patterns, appended to ``found`` as (span, id, form, method)."""
        by_start = {s.start: (s, aid) for s, aid, _, _ in found}
        ends = {s.end - 1 for s, *_ in found}
        for i, tok in enumerate(doc):
            # "<Name>'s government" / "<Name>'s Iran"
            if tok.text in POSSESSIVE and i > 0 and doc[i - 1].pos_ == "PROPN" and i - 1 not in ends:
                ent = entity_over(doc[i - 1 : i])
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
            if tok.text in THE and i + 2 < len(doc):
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
            if tok.text in POSSESSIVE and i > 0:
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

    def _head_after(self, doc: Doc, end: int, words: frozenset[str]) -> SpacySpan | None:
        """The longest phrase of ``words`` that starts at token ``end``."""
        for n in self.head_lengths:
            if end + n <= len(doc) and doc[end : end + n].text in words:
                return doc[end : end + n]
        return None

    def _institutions(self, doc: Doc, found: Found) -> None:
        """State institutions as whole phrases: "the German government", "Cuba's government",
        "the Turkish Ministry of Foreign Affairs", "Iraqi security forces", "the Government of
        Iraq" (not "a pro-Western government")."""
        for span, aid, _, method in list(found):
            if method not in {"name", "adjective", "capital"} or self.kb.actor(aid).kind != "state":
                continue
            start = span.start - 1 if span.start > 0 and doc[span.start - 1].text in THE else span.start
            of_phrase = self._institution_of(doc, span)
            if of_phrase is not None:
                found.append((of_phrase, aid, of_phrase.text, "pattern"))
                continue
            end = span.end
            if end < len(doc) and doc[end].text in POSSESSIVE:
                end += 1  # "Cuba's government"
                definite = True
            else:
                definite = start < span.start
            force = self._head_after(doc, end, self.state_force_heads)
            head = self._head_after(doc, end, self.state_institution_heads)
            if head is not None and not (definite or (head[0].is_title and not head[0].is_sent_start)):
                head = None
            head = head or force
            if head is not None:
                found.append((doc[start : head.end], aid, doc[start : head.end].text, "pattern"))

    def _institution_of(self, doc: Doc, span: SpacySpan) -> SpacySpan | None:
        """ "the Government of Iraq", "the ministry of internal affairs of Belarus": an
        institution head after 'the', then 'of' phrases, ending in the state's name."""
        if span.start < 3 or doc[span.start - 1].lower_ != "of":
            return None
        for the in range(span.start - 2, max(-1, span.start - 9), -1):
            if doc[the].text in THE:
                head = self._head_after(doc, the + 1, self.institution_of_heads)
                if head is None:
                    return None
                between = doc[head.end : span.start]
                if all(t.is_alpha or t.text == "'s" for t in between) and between[0].lower_ == "of":
                    return doc[the : span.end]
                return None
            if doc[the].is_punct or doc[the].pos_ == "VERB":
                return None
        return None


def _given_agrees(first: str, full_name: str, titles: frozenset[str]) -> bool:
    """The name's first word may be the KB person's given name, spelt otherwise ("Baschar" for
    "Bashar"), or a title ("President-Bashar"); another given name ("Bashar al-Jaafari" for
    "Ibrahim al-Jaafari") is another person with the same surname."""
    if first in titles or first.split("-")[-1] in titles:
        return True
    given = first.split("-")[-1].casefold()
    wanted = full_name.split()[0].casefold()
    return not given[:1].isalpha() or given[:2] == wanted[:2] or len(full_name.split()) < 2
