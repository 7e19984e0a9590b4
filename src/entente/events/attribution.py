"""Whose word an event is on: quotes, background phrases, speech acts and report tails.

gold/events-check/README.md ("Asserted or attributed") draws the line:

* attributed: the claim of a quote or of a reporting verb, "according to", "..., X reported",
  or an event marked "alleged" / "reports of";
* asserted: the speech act itself when the event *is* the statement ("the United States
  stands behind Japan," Trump said), and a background event named in a time or cause phrase
  inside reported speech ("after the American leader accused Iran", "in a phone call last
  month", "following Britain's vote"), which the report takes for granted.

The words live in one block of data/status.yaml (``attribution``), read by :meth:`BackgroundCues.from_data`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from entente import doctext
from entente.data import build
from entente.events import prescribed as presc
from entente.nlp import extensions as ext
from entente.records import Quote

FIRST_PERSON = frozenset({"i", "we"})


@dataclass(frozen=True)
class BackgroundCues:
    verb_cue_marks: frozenset[str] = frozenset()  # only under a reporting verb, not "according to"
    preps: frozenset[str] = frozenset()  # "following Britain's vote", "since the annexation"
    occasion_preps: frozenset[str] = frozenset()  # "resolved in a phone call"
    occasions: frozenset[str] = frozenset()  # call, talks, meeting: the occasion of a reported act
    past_words: frozenset[str] = frozenset()  # "last month", "two weeks ago": an earlier occasion
    tail_words: frozenset[str] = frozenset()  # "told reporters on Thursday", "said in a statement"
    attributed_heads: frozenset[str] = frozenset()  # "reports of its interference"
    tail_verbs: tuple[str, ...] = ()  # ", the ministry reported on Monday."
    speech_acts: frozenset[str] = frozenset()  # types done by saying them: SUPPORT, ACCUSE, ...
    cause_heads: frozenset[str] = frozenset()  # "due to Rutte's decision", "because of the ban"
    of_heads: frozenset[str] = frozenset()  # "the goal of the incursion is ...": the incursion is given
    contrast: frozenset[str] = frozenset()  # "..., but the statement notes ...": another speaker's clause
    narrated_types: frozenset[str] = frozenset()  # one side's speech acts: "China called on the US to"
    spokespeople: frozenset[str] = frozenset()  # "..., Foreign Ministry spokeswoman Hua said"
    speaker_pronouns: frozenset[str] = frozenset()  # "Xi said he and Trump had ...": his own account

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> BackgroundCues:
        """The ``attribution`` block of status.yaml, through the typed loader (an unknown key is E008).

        Words are lower-cased; event types (``speech_acts``, ``narrated_types``) and the tail's
        verbs keep their order and spelling as given (types are upper-case PLOVER codes)."""
        source = "events/data/status.yaml"
        built = build(cls, data.get("attribution") or {}, source=source, where=f"{source}: attribution")
        kept = {"speech_acts", "narrated_types"}
        words = {
            f.name: frozenset(w.lower() for w in getattr(built, f.name))
            for f in fields(cls)
            if f.name not in kept and isinstance(getattr(built, f.name), frozenset)
        }
        return replace(built, tail_verbs=tuple(v.lower() for v in built.tail_verbs), **words)


@lru_cache(maxsize=1)
def _cues() -> BackgroundCues:
    from entente.events.lexicon import load_lexicon

    return BackgroundCues.from_data(load_lexicon().cues)


def quote_at(doc: Doc, start: int, end: int) -> Quote | None:
    """The quote whose content holds ``[start, end)``, or None."""
    for quote in ext.quotes(doc):
        for span in quote.content:
            if span.start <= start and end <= span.end:
                return quote
    return None


def apart(tok: Token, char: int) -> bool:
    """Whether ``char`` lies outside the token's sentence or paragraph (a headline glued to it)."""
    sent, text = tok.sent, doctext.text(tok.doc)  # built once per Doc, not per trigger
    if not sent.start_char <= char < sent.end_char:
        return True
    lo, hi = sorted((char, tok.idx))
    return "\n\n" in text[lo:hi] or "\n \n" in text[lo:hi]


def _verb_cue(quote: Quote | None) -> bool:
    """A quote introduced by a verb ("said that ..."), not by "according to"."""
    return quote is not None and quote.cue is not None and not quote.cue.text.lower().startswith("according")


def background(tok: Token, quote: Quote | None = None, cues: BackgroundCues | None = None) -> bool:
    """A past event in a time or cause phrase of reported speech: taken for granted.

    "said Trump had shown his face, after the American leader accused Iran", "resolved in a
    phone call last month", "following Britain's vote": the report's background, not its
    claim. Under "according to" the whole sentence is on the source's word, its "after"
    clause included ("expelled after the embassy refused ..., according to reports").
    """
    cues = cues or _cues()
    if tok.pos_ in ("VERB", "AUX"):
        if presc.background(tok):
            return True  # "when the Dutch expelled a minister"
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.head.dep_ == "pobj":
            return background(tok.head, quote, cues)  # "due to the decision to ban them": as the decision
        if tok.tag_ != "VBD" or tok.dep_ != "advcl" or not _verb_cue(quote):
            return False
        if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in tok.children):
            return False
        return any(c.dep_ == "mark" and c.lower_ in cues.verb_cue_marks for c in tok.children)
    if tok.dep_ == "dobj" and tok.head.dep_ == "acl":
        return background(tok.head, quote, cues)  # "due to the decision to impose sanctions"
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    prep = tok.head.lower_
    if prep in cues.preps or tok.head.head.lower_ in cues.cause_heads:
        return True  # "following Britain's vote", "due to the ban", "because of the raid"
    gov = tok.head.head
    if prep == "of" and gov.pos_ == "NOUN" and gov.lemma_.lower() in cues.of_heads:
        return True  # "the goal of the incursion is to clear a zone": the incursion is given
    occasion = tok.lemma_.lower() in cues.occasions or tok.lower_ in cues.occasions
    verb = tok.head.head
    if not (occasion and prep in cues.occasion_preps and verb.pos_ in ("VERB", "AUX")):
        return False
    if quote is not None and own_account(verb, cues):
        return False  # "Xi said he and Trump had resolved in a call last month": on his word
    # an earlier occasion ("in a phone call last month"), not the news itself ("agreed in a
    # telephone conversation, the ministry reported")
    times = [c for t in (tok, verb) for c in t.children if c.dep_ in ("npadvmod", "advmod", "prep")]
    return any(w.lower_ in cues.past_words for c in times for w in c.subtree)


def own_account(verb: Token, cues: BackgroundCues | None = None) -> bool:
    """ "Xi said he and Trump had agreed ...", "the ministry said it had talks ...": a reported
    clause whose subject holds a pronoun of the speaker is the speaker's own account of its act."""
    words = (cues or _cues()).speaker_pronouns
    return any(
        t.pos_ == "PRON" and t.lower_ in words
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass")
        for t in c.subtree
    )


def own_act(tok: Token, quote: Quote) -> bool:
    """Whether a trigger inside a quote is the clause's own act, not something reported.

    "announced new restrictions" read as a quote whose cue is the light verb, or
    a reported quote whose cue stands in another sentence (a headline), or a background
    event of the quote ("after the leader accused Iran", "in a phone call last month").
    """
    cue = quote.cue
    if cue is not None and any(cue.start <= t.idx < cue.end for t in (tok, tok.head)):
        return True
    if background(tok, quote):
        return True
    return quote.kind == "reported" and cue is not None and apart(tok, cue.start)


def contrasted(top: Token, verb: Token) -> bool:
    """ "Saudi Arabia welcomed the line, but the statement notes ...": a reporting verb joined by
    a contrast speaks for its own clause, not for the one before it."""
    words = _cues().contrast
    return any(c.dep_ == "cc" and c.lower_ in words and top.i < c.i < verb.i for c in top.children)


def claim_of_report(cur: Token, head: Token) -> bool:
    """ "following reports that he discussed sanctions": the content of a report noun."""
    return (
        cur.dep_ in ("acl", "ccomp")
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in _cues().attributed_heads
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in cur.children)
    )


def _speaks_for(verb: Token, quote: Quote) -> bool:
    """ "'The United States stands behind Japan,' Trump said", "Russia said it rejects ...": the
    subject is the speaker's state (or "it" in what a state's speaker says)."""
    if quote.speaker_actor is None:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    if subjects[0].lower_ == "it" and quote.kind != "direct":
        return True
    lo = min(t.idx for t in subjects[0].subtree)
    hi = max(t.idx + len(t.text) for t in subjects[0].subtree)
    return any(
        m.actor_id == quote.speaker_actor and lo <= m.span.start and m.span.end <= hi
        for m in ext.mentions(verb.doc)
    )


def performative(tok: Token, verbal: bool) -> bool:
    """ "We strongly reject ...": a speaker's present-tense verbal act is done by saying it.

    So is a present-tense verbal act whose subject is the state the speaker speaks for
    ("'The United States stands behind Japan,' Trump said", "Trump said the US stands behind
    Japan"): the statement is the event, and the saying is narrated.
    """
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if verbal and verb.i == tok.i and (verb.tag_ == "VBD" or _perfect(verb)):
        return _narrated_call(verb)
    if not verbal or verb.tag_ not in ("VBP", "VBZ"):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in verb.children):
        return True
    if not _speech_act(tok):
        return False  # "the Russian and US diplomats hold meetings, Lavrov said": not done by saying it
    quote = quote_at(tok.doc, tok.idx, tok.idx + len(tok.text))
    return quote is not None and _speaks_for(verb, quote)


def _perfect(verb: Token) -> bool:
    """ "The embassy has urged London to ...": a present perfect, a past act as the VBD one."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _narrated_call(verb: Token) -> bool:
    """ "China called on the US to ..., spokeswoman Hua said": a state's past speech act with its
    speaker trailing is the statement itself, narrated; not "China said it called on ..." (its own
    account, the subject a pronoun) nor a speaker of another state ("..., Russian media said")."""
    quote = quote_at(verb.doc, verb.idx, verb.idx + len(verb.text))
    if quote is None or quote.cue is None or not _speech_act(verb, True):
        return False
    if quote.cue.start < verb.idx and (quote.speaker_actor is None or verb.dep_ != "ccomp"):
        return False  # a leading cue ("Lu said China commended Trump") only from the state's own speaker
    if quote.kind != "reported":
        return False  # '"... both countries agreed to ...," said the statement': the quote's claim
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].pos_ == "PRON":
        return False
    main = verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and quote.cue.start <= verb.head.idx)
    glued = verb.dep_ == "relcl" and subjects[0].pos_ == "PROPN"  # "... keep promises China called on"
    if not (main or glued):
        return False  # the main clause of the quote (or one a glued headline took), not an embedded one
    if quote.speaker_actor is not None:
        return _speaks_for(verb, quote)
    cue = verb.doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    who = [t.lower_ for c in (cue[0].children if cue else ()) if c.dep_ == "nsubj" for t in c.subtree]
    return bool(_cues().spokespeople & set(who))  # not "..., notes Maria Lopez" (an analyst)


def _speech_act(tok: Token, narrated: bool = False) -> bool:
    """Whether the trigger word has a sense done by saying it (data/status.yaml ``speech_act_types``)."""
    from entente.events.lexicon import load_lexicon

    lex, lemma = load_lexicon(), tok.lemma_.lower()
    triggers = lex.verbs.get(lemma, ()) + lex.nouns.get(lemma, ()) + lex.adjectives.get(lemma, ())
    types = _cues().narrated_types if narrated else _cues().speech_acts
    return any(t.type in types for t in triggers)


def reported_of(tok: Token, cues: BackgroundCues | None = None) -> bool:
    """ "numerous reports of its interference", "allegations of torture": on others' word."""
    cues = cues or _cues()
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.pos_ == "NOUN"
        and prep.head.lemma_.lower() in cues.attributed_heads
    )


def hedged(tok: Token, cues: dict[str, Any]) -> bool:
    """ "Russia's alleged interference": a word on the event itself puts it on others' word,
    so it stays attributed even where a possessed noun would be taken as given; so do "reports
    of" it, and a direct quote whose claim it is ("'Beijing's retaliation is troubling,' X said")."""
    words = {str(v).lower() for v in cues.get("attributed_modifiers") or ()}
    if any(c.dep_ in ("amod", "advmod") and c.lower_ in words for c in tok.children):
        return True
    if reported_of(tok):
        return True
    quote = quote_at(tok.doc, tok.idx, tok.idx + len(tok.text))
    return (
        tok.pos_ == "NOUN"
        and quote is not None
        and quote.kind == "direct"
        and not background(tok, quote)
        and not own_act(tok, quote)
    )


_TAIL_WHO = frozenset({"DET", "ADJ", "PROPN", "NOUN", "PART", "NUM", "PRON", "ADP", "CCONJ"})


def report_tail(trigger: Token, cues: BackgroundCues | None = None) -> str | None:
    """ "..., the Russian foreign ministry reported on Monday.": the speaker of a report tail.

    Read on the text after the trigger, so that a misparse of the tail does not hide it; the
    tail is a comma, a noun phrase, a reporting verb, an optional time and the sentence's end
    (or a glued next sentence: "reported.- Unswayed ...").
    """
    cues = cues or _cues()
    if not cues.tail_verbs:
        return None
    doc, sent = trigger.doc, trigger.sent
    text = doctext.text(doc)
    start = trigger.idx + len(trigger.text)
    verbs = "|".join(re.escape(v) for v in cues.tail_verbs)
    words = "|".join(re.escape(w) for w in sorted(cues.tail_words))
    rx = re.compile(
        r",\s+(?P<who>[^;:\"“”()]{2,90}?),?\s+(?:" + verbs + r")"
        r"(?:\s+(?:" + words + r"|[A-Z][\w.-]*)){0,5}\s*(?:[.!?]|$)"
    )
    pos = start
    while (m := rx.search(text, pos, sent.end_char)) is not None:
        span = doc.char_span(m.start("who"), m.end("who"), alignment_mode="expand")
        if span is not None and all(t.pos_ in _TAIL_WHO or t.is_punct for t in span):
            return span.text
        pos = m.start() + 1  # "attacked Ukraine, killed ten people, officials said": the next comma
    return None
