"""spaCy component ``entente_events``: PLOVER events with status, date, place and evidence.

Reads ``doc._.entente_mentions``, ``doc._.entente_people``, ``doc._.entente_quotes`` and
``doc._.entente_published``; writes ``doc._.events`` (a list of
:class:`~entente.records.Event`, offsets into ``doc.text``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from entente import doctext
from entente.actors.kb import KnowledgeBase, default_kb
from entente.events.affiliation import Affiliations
from entente.events.arguments import ActorIndex
from entente.events.attribution import own_act, quote_at
from entente.events.candidates import Candidate
from entente.events.coref import DEFINITE, Mention, resolve
from entente.events.dates import FoundDate, after_publication, find_dates, pick
from entente.events.lexicon import Lexicon, load_lexicon
from entente.events.narrated import performative
from entente.events.places import find_place
from entente.events.status import StatusReader
from entente.events.status_cues import StatusCues
from entente.events.triggers import Linker
from entente.events.vet_senses import vet_mentions
from entente.nlp import doccache
from entente.nlp import extensions as ext
from entente.records import Event, Span


def text_span(doc: Doc, start: int, end: int) -> Span:
    """A :class:`Span` of ``doc.text`` with surrounding white space trimmed."""
    text = doctext.text(doc)[start:end]  # doc.text is rebuilt on every access
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    return Span(start + lead, end - trail, text.strip())


class EventsComponent:
    def __init__(self, lexicon: Lexicon | None = None, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb
        self.lex = lexicon or load_lexicon()
        self.status = StatusReader(StatusCues.from_data(self.lex.cues), self.lex.light_verbs)
        cues = self.lex.cues
        self.proverb_advs = frozenset(cues.get("proverb_advs") or ())
        self.anaphoric_subjects = frozenset(cues.get("anaphoric_subjects") or ())
        self.happen_verbs = frozenset(cues.get("happen_verbs") or ())
        self.affiliations = Affiliations(self.lex.role_nouns, self.lex.lead_verbs, kb)

    def __call__(self, doc: Doc) -> Doc:
        ext.require(doc, "entente_events", "entente_mentions", "entente_people", "entente_quotes")
        index = ActorIndex(doc, self.affiliations, self.kb)
        if not index.by_token:
            ext.set_events(doc, [])
            return doc
        linker = Linker(self.lex, index)
        mentions: list[Mention] = []
        # the only verbs that may take an event up (see ``anaphora``), found on the arrays once
        takers = doccache.tokens_pos_lemma_in(doc, ("VERB", "AUX"), self.happen_verbs | {"do"})
        for sent_i, sent in enumerate(doc.sents):
            dates: list[FoundDate] | None = None
            # actors' tokens first, by index (no Token built); the readings of a token only then
            has_actor = any(
                i in index.by_token or i in index.former for i in range(sent.start, sent.end)
            ) or any(index.both(t) or linker.descriptions.stands(t) or linker.plurals.stands(t) for t in sent)
            linker.sent_i = sent_i
            cands = linker.find(sent) if has_actor else []
            for cand in cands:
                if dates is None:
                    dates = find_dates(sent, ext.published(doc))
                mentions.extend(self.mentions(doc, cand, sent, sent_i, dates, index))
            if takers and sent.start <= takers[-1] and takers[0] < sent.end:
                here = [doc[i] for i in takers if sent.start <= i < sent.end]
                self.anaphora(doc, sent, sent_i, mentions, linker, index, here)
        vet_mentions(doc, mentions, index)  # precision hook (events/vet_senses.py): drops non-events
        ext.set_events(doc, resolve(doc, mentions))
        return doc

    def event(
        self,
        doc: Doc,
        tok: Token,
        cand: Candidate,
        pair: tuple[str, str],
        sent: SpacySpan,
        dates: list[FoundDate],
        index: ActorIndex,
        status_tok: Token | None = None,
    ) -> Event:
        trig = cand.trigger
        status, who = self.status.read(status_tok or tok)
        quote = quote_at(doc, tok.idx, tok.idx + len(tok.text))
        if quote is not None and own_act(tok, quote):
            quote = None
        if quote is not None and status == "asserted":
            status = "attributed"
        if status == "attributed" and performative(
            tok, self.lex.category(trig.type).quad_class.startswith("verbal")
        ):
            status, quote = "asserted", None  # "We reject ...," he said: the rejection happened
        if status == "attributed" and quote is not None and quote.speaker_name:
            who = quote.speaker_name
        place = find_place(cand.token, index)
        when = pick(dates, tok.idx)
        if status in ("asserted", "attributed") and when and after_publication(when, ext.published(doc)):
            status, who = "hypothetical", None  # dated after the report: not yet happened
        if status in ("asserted", "attributed") and self.status.later_stop(tok, pair, index.get):
            status, who = "hypothetical", None  # status r9 hook: "is visiting A, B, C and D", a later stop
        return Event(
            source=pair[0],
            target=pair[1],
            type=trig.type,
            quad_class=self.lex.category(trig.type).quad_class,
            intensity=self.lex.intensity(trig),
            status=status,
            trigger=Span(tok.idx, tok.idx + len(tok.text), tok.text),
            evidence=text_span(doc, sent.start_char, sent.end_char),
            mode=trig.mode,
            attributed_to=who if status == "attributed" else None,
            date=when,
            place=place[0] if place else None,
            place_name=place[1] if place else None,
        )

    def mentions(
        self,
        doc: Doc,
        cand: Candidate,
        sent: SpacySpan,
        sent_i: int,
        dates: list[FoundDate],
        index: ActorIndex,
    ) -> list[Mention]:
        tok = cand.token
        nominal = tok.pos_ in ("NOUN", "PROPN")
        definite = nominal and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)
        out = []
        for pair in cand.pairs():
            mutual = pair in cand.mutual_pairs or self.lex.mutual(cand.trigger)
            status_tok = doc[cand.status_token] if cand.status_token is not None else None
            ev = self.event(doc, tok, cand, pair, sent, dates, index, status_tok)
            present = tok.tag_ in ("VBZ", "VBP") and ev.date is not None
            out.append(Mention(ev, cand, tok.i, sent_i, nominal, definite, mutual, present=present))
        return out

    def anaphora(
        self,
        doc: Doc,
        sent: SpacySpan,
        sent_i: int,
        mentions: list[Mention],
        linker: Linker,
        index: ActorIndex,
        verbs: Sequence[Token] | None = None,
    ) -> None:
        """Events taken up by "doing so" or "that has yet to occur". ``verbs``: the sentence's tokens
        to read (all by default; the caller passes those whose lemma and tag may match)."""
        for tok in sent if verbs is None else verbs:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            lemma = tok.lemma_.lower()
            proverb = lemma == "do" and any(
                c.dep_ in ("advmod", "dobj") and c.lower_ in self.proverb_advs and c.i > tok.i
                for c in tok.children
            )  # "doing so", "did it": the pro-form follows (a "that" before it is a misparsed complementiser)
            happen = lemma in self.happen_verbs and self._anaphoric_subject(tok)
            if not (proverb or happen):
                continue
            prior = [
                i for i, m in enumerate(mentions) if sent_i - 2 <= m.sent_i <= sent_i and m.token_i < tok.i
            ]
            if not prior:
                continue
            ante_i = prior[-1]
            ante = mentions[ante_i]
            cand = ante.cand
            source = ante.event.source
            if proverb:
                subj = linker.subject(tok)
                source = subj[0] if subj else source
            pair = (source, ante.event.target or "")
            dates = find_dates(sent, ext.published(doc))
            ev = self.event(doc, tok, cand, pair, sent, dates, index)
            if happen and ev.status in ("asserted", "attributed"):
                continue  # only a change of status ("has yet to occur") takes the event up
            ev = dataclasses.replace(
                ev,
                target=ante.event.target,
                mode="anaphoric",
                place=ev.place or ante.event.place,
                place_name=ev.place_name or ante.event.place_name,
            )
            mentions.append(Mention(ev, cand, tok.i, sent_i, False, False, ante.mutual, antecedent=ante_i))

    def _anaphoric_subject(self, verb: Token) -> bool:
        head = verb
        for _ in range(3):
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                return subj[0].lower_ in self.anaphoric_subjects and not list(subj[0].children)
            if head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
                return False
            head = head.head
        return False


@Language.factory(
    "entente_events",
    default_config={"actor_files": []},
    requires=["doc._.entente_mentions", "doc._.entente_people", "doc._.entente_quotes", "token.dep"],
    assigns=["doc._.entente_events"],
)
def make_events(nlp: Language, name: str, actor_files: Sequence[str]) -> EventsComponent:
    return EventsComponent(kb=default_kb(tuple(actor_files)))
