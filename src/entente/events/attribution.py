"""Whose word an event is on: quotes, background phrases and report tails.

gold/events-check/README.md ("Asserted or attributed") draws the line:

* attributed: the claim of a quote or of a reporting verb, "according to", "..., X reported",
  or an event marked "alleged" / "reports of";
* asserted: the speech act itself when the event *is* the statement ("the United States
  stands behind Japan," Trump said: events/narrated.py), and a background event the report
  takes for granted: named in a time or cause phrase inside reported speech ("after the
  American leader accused Iran", "in a phone call last month", "following Britain's vote",
  "in response to US sanctions", "during the French occupation"), looked into by an inquiry
  ("a panel investigating Russian interference"), or told in the reporter's aside (", which
  Israel opposes").

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
from entente.events.pulled import pulled_from
from entente.nlp import extensions as ext
from entente.records import Quote

FIRST_PERSON = frozenset({"i", "we"})


@dataclass(frozen=True)
class BackgroundCues:
    verb_cue_marks: frozenset[str] = frozenset()  # only under a reporting verb, not "according to"
    present_marks: frozenset[str] = frozenset()  # "as it helps Iraqi forces": a present background
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
    inquiry_heads: frozenset[str] = frozenset()  # "a panel investigating Russian interference": given
    inquiry_preps: frozenset[str] = frozenset()  # "a probe into the attack", "hearings on the hacking"
    quote_marks: frozenset[str] = frozenset()  # a sentence wholly in these marks is a quotation
    aside_words: frozenset[str] = frozenset()  # ", which Israel opposes": the reporter's aside
    standing_preps: frozenset[str] = frozenset()  # "during the occupation", "under the agreement"

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


def background_cues() -> BackgroundCues:
    """The ``attribution`` block of status.yaml, read once."""
    return _cues()


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
        if presc.background(tok) or aside(tok, quote, cues):
            return True  # "when the Dutch expelled a minister", "the deal, which Israel opposes"
        # "said a truce brokered by X had ...": a reduced relative in reported (not direct) speech
        # presupposes its act; inside quotation marks it is the speaker's claim ("'land occupied by X'")
        agent = any(c.dep_ == "agent" for c in tok.children)
        indirect = quote is not None and quote.kind != "direct"
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and agent and indirect and _verb_cue(quote):
            return True
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.head.dep_ == "pobj":
            return background(tok.head, quote, cues)  # "due to the decision to ban them": as the decision
        marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
        # a past clause, or a present one of a mark of the time under way ("as it helps Iraqi forces")
        tensed = tok.tag_ == "VBD" or (tok.tag_ in ("VBZ", "VBP") and bool(marks & cues.present_marks))
        if not tensed or tok.dep_ != "advcl" or not _verb_cue(quote):
            return False
        if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in tok.children):
            return False
        return bool(marks & cues.verb_cue_marks)
    if inquired(tok, cues):
        return True  # "a Senate panel investigating Russian interference": the inquiry's object is given
    if dated_past(tok):
        return True  # "orchestrated the US war on Iraq in 2003": a definite event of an earlier year
    if tok.dep_ == "dobj" and tok.head.dep_ in ("acl", "advcl"):
        # "due to the decision to impose sanctions", "said ... as the two signed an agreement"
        return background(tok.head, quote, cues)
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    prep = tok.head.lower_
    if prep in cues.preps or tok.head.head.lower_ in cues.cause_heads:
        return True  # "following Britain's vote", "due to the ban", "because of the raid"
    gov = tok.head.head
    if prep == "of" and gov.pos_ == "NOUN" and gov.lemma_.lower() in cues.of_heads:
        return True  # "the goal of the incursion is to clear a zone": the incursion is given
    given_of = prep == "of" and gov.pos_ == "NOUN" and gov.dep_ == "pobj"
    if given_of and gov.lemma_.lower() not in cues.attributed_heads and background(gov, quote, cues):
        return True  # "during the latest round of talks", "after the collapse of the talks"
    occasion = tok.lemma_.lower() in cues.occasions or tok.lower_ in cues.occasions
    if prep in cues.standing_preps and not occasion and _specific(tok):
        return True  # "life during the French occupation", "handed over under the agreement"
    verb = tok.head.head
    if not (occasion and prep in cues.occasion_preps and verb.pos_ in ("VERB", "AUX")):
        return False
    if quote is not None and own_account(verb, cues):
        return False  # "Xi said he and Trump had resolved in a call last month": on his word
    # an earlier occasion ("in a phone call last month"), not the news itself ("agreed in a
    # telephone conversation, the ministry reported")
    times = [c for t in (tok, verb) for c in t.children if c.dep_ in ("npadvmod", "advmod", "prep")]
    return any(w.lower_ in cues.past_words for c in times for w in c.subtree)


def dated_past(noun: Token) -> bool:
    """ "the US war on Iraq in 2003", "the 2003 invasion": a definite event noun dated to a year
    before the report's is a past event the speaker takes for granted, not the claim; "an attack
    in 2008" (indefinite, what a light verb says was done) is not."""
    published = ext.published(noun.doc)
    if published is None or noun.pos_ != "NOUN":
        return False
    if not any(c.dep_ in ("det", "poss", "compound") and c.lower_ not in ("a", "an") for c in noun.children):
        return False
    years = [c for c in noun.children if c.dep_ in ("nummod", "compound")]
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]  # "orchestrated the war in 2003"
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                years += [p for p in prep.children if p.dep_ == "pobj"]
    return any((y := _year(t.text)) is not None and y < published.year for t in years)


def _year(text: str) -> int | None:
    """A year between 1900 and 2099 written as four digits, or None."""
    return int(text) if len(text) == 4 and text.isdigit() and text[:2] in ("19", "20") else None


def aside(verb: Token, quote: Quote | None = None, cues: BackgroundCues | None = None) -> bool:
    """ "Trump said he would scrap the Iran deal, which Israel fiercely opposes": a relative clause
    set off by a comma in reported (not direct) speech, after its reporting verb, is the
    reporter's aside, taken as given; not before a report tail ("..., who met for the first
    time, Izvestia writes": the whole sentence is on the paper's word)."""
    if verb.dep_ != "relcl" or quote is None or quote.kind == "direct" or quote.cue is None:
        return False
    if quote.cue.start > verb.idx:
        return False
    first = min(verb.subtree, key=lambda t: t.i)
    if first.lower_ not in (cues or _cues()).aside_words or first.i == 0:
        return False
    return verb.doc[first.i - 1].text == ","


def _specific(noun: Token) -> bool:
    """ "the agreement", "French occupation", "the occupation of Algeria": a named state of affairs,
    not a bare predicate ("came under attack", "is under fire")."""
    return any(
        c.dep_ in ("det", "poss", "amod", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ == "of")
        for c in noun.children
    )


def inquired(tok: Token, cues: BackgroundCues | None = None) -> bool:
    """ "a Senate panel investigating Russian interference", "the probe into the attack": an event
    noun that an inquiry looks into is the inquiry's presupposed object, not a reported claim."""
    cues = cues or _cues()
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in cues.inquiry_heads
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    gov = prep.head.lemma_.lower()
    if prep.head.pos_ == "NOUN":
        return prep.lower_ in cues.inquiry_preps and gov in cues.inquiry_heads
    return f"{gov} {prep.lower_}" in cues.inquiry_heads  # "investigators looking into the bombing"


def quoted_sentence(tok: Token, cues: BackgroundCues | None = None) -> bool:
    """A sentence that opens and closes with a quotation mark is a quotation, on its speaker's
    word, even where the quote finder lost it (a mangled mark inside: '"The two countries" defense
    ministries are in talks."', its speaker named in the sentence before)."""
    marks = (cues or _cues()).quote_marks
    words = [t for t in tok.sent if not t.is_space]
    if len(words) < 4 or words[-1].text not in marks or words[-2].text not in (".", "!", "?", ","):
        return False
    if words[0].text not in marks:
        return _stranded_open(words[0], marks)
    return not apart(tok, words[0].idx)


def _stranded_open(first: Token, marks: frozenset[str]) -> bool:
    """'... Demir said. " And we already know ...."': the quotation's opening mark, set off by a
    space after a full stop in the same paragraph, that the sentence splitter left at the end of
    the sentence before."""
    doc, i = first.doc, first.i - 1
    while i >= 0 and doc[i].is_space:
        if "\n" in doc[i].text:
            return False
        i -= 1
    if i < 1 or doc[i].text not in marks:
        return False
    stop = doc[i - 1]
    return stop.text in (".", "!", "?") and bool(stop.whitespace_) and "\n" not in doc[i].whitespace_


def neighbour_speaker(tok: Token) -> str | None:
    """The speaker of the nearest quote before ``tok``'s sentence in its paragraph (a quoted
    sentence that the finder lost goes on that speaker's quote), or None."""
    start, text = tok.sent.start_char, doctext.text(tok.doc)
    before = [q for q in ext.quotes(tok.doc) if q.content and q.content[-1].end <= start and q.speaker_name]
    if not before:
        return None
    last = max(before, key=lambda q: q.content[-1].end)
    gap = text[last.content[-1].end : start]
    return None if "\n\n" in gap or "\n \n" in gap else last.speaker_name


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
    if reported_of(tok) or own_object(tok):
        return True
    quote = quote_at(tok.doc, tok.idx, tok.idx + len(tok.text))
    lost = quote is None or not quote.speaker_name  # no quote with its speaker named in the sentence
    if lost and tok.pos_ == "NOUN" and (quoted_sentence(tok) or pulled_from(tok)) and not background(tok):
        return True  # a quotation the finder lost ('" And we know his call focused on ..."'), a pull quote
    return (
        tok.pos_ == "NOUN"
        and quote is not None
        and quote.kind == "direct"
        and not background(tok, quote)
        and not own_act(tok, quote)
    )


def own_object(tok: Token) -> bool:
    """ "Hultqvist said Sweden is strengthening its cooperation with Finland": a possessed event
    noun as the object of its own possessor's verb is what the clause says that side is doing (its
    own account, on the speaker's word), not a given it talks about ("said its strikes had ...")."""
    if tok.pos_ != "NOUN" or tok.dep_ != "dobj" or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    owners = [c for c in tok.children if c.dep_ == "poss"]
    subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if not owners or not subjects:
        return False
    owner, subject = owners[0], subjects[0]
    if owner.lower_ in ("its", "their"):
        return subject.pos_ in ("PROPN", "NOUN") or subject.lower_ in ("it", "they")
    return owner.lemma_.lower() == subject.lemma_.lower()


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
