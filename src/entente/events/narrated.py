"""Speech acts narrated: when a reported statement *is* the event (gold/events-check/README.md).

"We strongly reject ...," he said; "Trump said the US stands behind Japan"; "China called on the
US to ..., spokeswoman Hua said"; "Mattis said the US stood "shoulder to shoulder" with Japan":
the saying happened and is narrated, so the event is asserted, not the quote's claim. Split out
of attribution.py, whose cue words (``speech_acts``, ``narrated_types``, ``spokespeople``,
``quote_marks``) it reads.
"""

from __future__ import annotations

from spacy.tokens import Token

from entente import doctext
from entente.events.attribution import FIRST_PERSON, background_cues, quote_at
from entente.nlp import extensions as ext
from entente.records import Quote


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
    if quote.kind != "reported" and not (quote.kind == "mixed" and _unquoted(verb)):
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
    return bool(background_cues().spokespeople & set(who))  # not "..., notes Maria Lopez" (an analyst)


def _unquoted(verb: Token) -> bool:
    """ "Mattis said the US stood "shoulder to shoulder" with Japan": the verb of a mixed quote
    stands outside its quotation marks (an even number of marks before it in the sentence)."""
    marks = background_cues().quote_marks
    before = doctext.text(verb.doc)[verb.sent.start_char : verb.idx]
    return sum(before.count(m) for m in marks) % 2 == 0


def _speech_act(tok: Token, narrated: bool = False) -> bool:
    """Whether the trigger word has a sense done by saying it (data/status.yaml ``speech_act_types``)."""
    from entente.events.lexicon import load_lexicon

    lex, lemma = load_lexicon(), tok.lemma_.lower()
    triggers = lex.verbs.get(lemma, ()) + lex.nouns.get(lemma, ()) + lex.adjectives.get(lemma, ())
    types = background_cues().narrated_types if narrated else background_cues().speech_acts
    return any(t.type in types for t in triggers)
