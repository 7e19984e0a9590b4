"""A leader's act outside the term: who does not speak for the state when the act happened.

A person counts through the state they lead only in office (``actors/data/leaders.yaml`` holds
dated terms). Not the state's:

* an act dated before the term ("During his campaign last year, Trump praised Putin"), placed
  before it by a year in its clause ("has praised Putin since 2014", "during the 2016 race") or
  by a campaign phrase for a leader new in office ("on the campaign trail", "as a candidate",
  "candidate Trump"; the words are ``campaign`` in ``data/senses.yaml``);
* an act of a person the article introduces as a former office-holder (the source), not dated
  within the term ("Laurent Fabius, the former French foreign minister, denounced the move").

Where the state itself is an argument of the act ("Israel annexed ... in 1967"), the act stays.
"""

from __future__ import annotations

import calendar
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from entente.events.arguments import ActorIndex
from entente.events.coref import Mention
from entente.events.lexicon import load_lexicon
from entente.events.senses import load_campaign
from entente.nlp import extensions as ext
from entente.people.names import HEAD_OFFICES
from entente.people.roles import role_words
from entente.records import Span


def office_vet(doc: Doc, tok: Token, m: Mention, index: ActorIndex) -> bool:
    """Whether the mention's person party acted outside their term (see the module)."""
    return (
        before_office(doc, tok, m, index)
        or after_office(doc, tok, m, index)
        or before_term(doc, tok, m, index)
    )


def before_term(doc: Doc, tok: Token, m: Mention, index: ActorIndex) -> bool:
    """ "Moon Jae-in has praised China" in an article of March 2017: a party who stands for a state
    only through a head's term that begins after publication (a candidate then) did not act for
    it (the state itself named as the party keeps the act)."""
    published = ext.published(doc)
    if index.kb is None or published is None:
        return False
    for actor in (m.event.source, m.event.target):
        tokens = {t.i for t in tok.sent if (index.by_token.get(t.i) or index.former.get(t.i)) == actor}
        if not tokens or not tokens <= index.people | set(index.former):
            continue
        for person in ext.people(doc):
            spans = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in person.mentions]
            if not any(sp is not None and tokens & {t.i for t in sp} for sp in spans):
                continue
            info = index.kb.leader(person.name, published)
            if info is None or info.actor_id != actor or info.office not in HEAD_OFFICES:
                continue  # a minister's term ahead: often after an office the KB does not list
            if info.start is not None and info.start > published:
                return True
    return False


def before_office(doc: Doc, tok: Token, m: Mention, index: ActorIndex) -> bool:
    """ "During his campaign last year, Trump praised Putin": dated before a party (a person
    counted as their state) took office, the act was not the state's. Also without a full date:
    a year before the term in the act's clause ("has praised Putin since 2014", "during the 2016
    race") or a campaign phrase ("on the campaign trail", "as a candidate", "candidate Trump")
    for a person whose current term began within the last two years."""
    if index.kb is None:
        return False
    period_end = _period_end(doc, tok, m)
    year = _clause_year(tok)
    campaign = _campaign(tok) or _since_event(tok)
    if period_end is None and year is None and not campaign:
        return False
    published = ext.published(doc)
    for actor in (m.event.source, m.event.target):
        named = actor_tokens(tok, actor, index)
        # a title on a person's name ("President Donald Trump") is the person's, not the state named
        titles = {i for i in named if doc[i].dep_ == "compound" and doc[i].head.i in index.people}
        # "his campaign": a personal pronoun stands for the person, not for the state named
        persons = index.people | {i for i in named if doc[i].lower_ in PERSONAL}
        if any(i not in persons and i not in titles and _argument(doc[i], tok) for i in named):
            continue  # the state itself is named ("Israel annexed ... in 1967")
        tokens = set(named) - titles
        for person in ext.people(doc) if tokens else ():
            spans = [doc.char_span(s.start, s.end, alignment_mode="expand") for s in person.mentions]
            if not any(sp is not None and tokens & {t.i for t in sp} for sp in spans):
                continue
            if period_end is not None:
                info = index.kb.leader(person.name, period_end)
                if info is not None and info.actor_id == actor and info.start and info.start > period_end:
                    return True
            now = index.kb.leader(person.name, published)
            if now is None or now.actor_id != actor or not now.start:
                continue
            if year is not None and year < now.start.year:
                return True
            newly = published is not None and 0 <= (published - now.start).days <= NEW_TERM_DAYS
            if (campaign and newly) or _candidate(doc, named):
                return True
    return False


SPAN_PREPS = frozenset({"during", "since", "throughout"})
PERSONAL = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
NEW_TERM_DAYS = 730  # a campaign phrase reads as before the term for a leader this new in office


def after_office(doc: Doc, tok: Token, m: Mention, index: ActorIndex) -> bool:
    """ "Laurent Fabius, the former French foreign minister, denounced the move": a person the
    article introduces as a former office-holder, whose term in the knowledge base ended before
    publication, does not speak for the state in an act not dated within the term. Only the
    source is read: what is said or done to a former leader is often about the term."""
    published = ext.published(doc)
    if index.kb is None or published is None:
        return False
    period_end = _period_end(doc, tok, m)
    past = role_words().past_qualifiers
    for actor in (m.event.source,):
        tokens = set(actor_tokens(tok, actor, index))
        if not tokens or not tokens <= index.people:
            continue
        for person in ext.people(doc):
            found = (doc.char_span(s.start, s.end, alignment_mode="expand") for s in person.mentions)
            spans: list[SpacySpan] = [sp for sp in found if sp is not None]
            if not any(tokens & {t.i for t in sp} for sp in spans):
                continue
            info = index.kb.leader(person.name, published)
            if info is None or info.actor_id != actor or info.end is None or info.end >= published:
                continue
            if period_end is not None and period_end <= info.end:
                continue
            start = _period_start(m) if period_end is not None else None  # a date of the act's clause
            if start is not None and start > info.end:
                return True  # "Barack Obama criticised Russia on Monday" (after the term)
            if any(_described_former(sp.root, past) for sp in spans):
                return True
    return False


def _described_former(name: Token, past: frozenset[str]) -> bool:
    """ "X, the former foreign minister", "former minister X": a past word on the name's title."""
    titles = [c for c in name.children if c.dep_ in ("appos", "compound")]
    if name.dep_ == "appos":
        titles.append(name.head)
    return any(
        c.lower_ in past for t in titles for c in (t, *t.children) if c.dep_ in ("amod", "advmod", "compound")
    )


def _period_end(doc: Doc, tok: Token, m: Mention) -> date | None:
    """The last day of the act's full date, where that date hangs on the trigger."""
    when = m.event.date
    if when is None or "/" in when.value or not when.value[:4].isdigit():
        return None
    if not dates_clause(doc, tok, when.span):
        return None  # "dismissed Russia's role in the downing of MH17 in July 2014": another event's date
    parts = when.value.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 12
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else calendar.monthrange(year, month)[1]
    return date(year, month, day)


def _period_start(m: Mention) -> date | None:
    """The first day of the act's full date ("on Monday", "in March 2017"), where it has one."""
    when = m.event.date
    if when is None or "/" in when.value or not when.value[:4].isdigit():
        return None
    parts = [int(p) for p in when.value.split("-") if p.isdigit()]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


PHRASE_DEPS = frozenset({"compound", "amod", "poss", "conj", "appos", "nmod"})
CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr"})


def _argument(word: Token, tok: Token, hops: int = 6) -> bool:
    """Whether ``word`` is in a phrase that is an argument of the trigger itself, not one deeper
    down ("lambasted Trump for revealing what he called the shortcomings of the US", "aided a
    campaign during the U.S. election": the US is no party)."""
    cur = word
    for _ in range(hops):
        if cur.i == tok.i or cur.dep_ not in PHRASE_DEPS or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.i == tok.i:
        return True
    return (cur.dep_ in CORE_DEPS and cur.head.i == tok.i) or (
        cur.dep_ == "pobj" and cur.head.head.i == tok.i
    )


def _clause_heads(tok: Token, hops: int = 2) -> list[Token]:
    """The trigger and the few words above it that its clause's time phrases can hang on."""
    out = [tok]
    cur = tok
    for _ in range(hops):
        if cur.head.i == cur.i or cur.dep_ in ("ccomp", "advcl", "relcl", "conj"):
            break
        cur = cur.head
        out.append(cur)
    return out


def _candidate(doc: Doc, named: list[int]) -> bool:
    """ "candidate Trump", "Trump, then a candidate": the person named as a candidate."""
    nouns = load_campaign().nouns
    return any(
        c.dep_ in ("compound", "appos", "amod") and c.lemma_.lower() in nouns
        for i in named
        for c in doc[i].children
    )


def _clause_year(tok: Token) -> int | None:
    """The earliest year in a time phrase of the act's clause ("since 2014", "during the 2016 race")."""
    words = load_campaign()
    heads = [(h, words.preps) for h in _clause_heads(tok)]
    # on the object only a span ("aided X's campaign during the 2016 election"), not "in" or "on"
    heads += [(c, SPAN_PREPS) for c in tok.children if c.dep_ == "dobj"]
    years = [
        int(t.text)
        for head, preps in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for t in prep.subtree
        if len(t.text) == 4 and t.text.isdigit() and 1900 <= int(t.text) <= 2100
    ]
    return min(years) if years else None


def _campaign(tok: Token) -> bool:
    """A campaign or candidacy phrase on the act's clause: "during the election race", "on the
    campaign trail", "as a candidate", "when he was running"."""
    words = load_campaign()
    # and the act's complement: "threatened to scrap it during the campaign"
    heads = _clause_heads(tok) + [c for c in tok.children if c.dep_ == "xcomp"]
    heads += _shared_time(tok, words.preps)  # "accused China during his campaign ... and threatened"
    for head in heads:
        for c in head.children:
            if _before_taking_office(c):
                return True  # "Before taking office, Trump spoke with Taiwan's president"
            if c.dep_ == "prep" and c.lower_ in (*words.preps, "as", "at"):  # "at a campaign rally"
                for o in c.children:
                    if o.dep_ == "pobj" and (
                        o.lemma_.lower() in words.nouns
                        or any(g.dep_ == "compound" and g.lemma_.lower() in words.nouns for g in o.children)
                    ):
                        return True
            if c.dep_ == "advcl" and c.lemma_.lower() in words.verbs:
                return True
            if head.i != tok.i and c.dep_ == "dobj" and _own_campaign(c, words.nouns):
                return True  # "kicked off his campaign by blaming Mexico"
    return False


OFFICE_NOUNS = frozenset({"office", "power", "presidency"})


def _takes_office(verb: Token) -> bool:
    """ "taking office", "he was sworn in", "being inaugurated", "assumed the presidency"."""
    lemma = verb.lemma_.lower()
    if lemma in ("swear", "inaugurate"):
        return True
    return lemma in ("take", "assume", "enter") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in OFFICE_NOUNS for c in verb.children
    )


def _before_taking_office(c: Token) -> bool:
    """A "before" phrase or clause of taking office: "before taking office", "before he was sworn
    in", "before his inauguration"."""
    if c.dep_ == "prep" and c.lower_ == "before":
        return any(
            (o.dep_ == "pcomp" and _takes_office(o))
            or (o.dep_ == "pobj" and o.lemma_.lower() in ("inauguration", "swearing"))
            for o in c.children
        )
    marked = any(g.dep_ == "mark" and g.lower_ == "before" for g in c.children)
    return c.dep_ == "advcl" and marked and _takes_office(c)


TERM_WORDS = frozenset({"office", "inauguration", "presidency", "term", "election", "win", "victory"})


def _since_event(tok: Token) -> bool:
    """ "Since Russia's annexation of Crimea, Trump has praised Putin": a present perfect spanning
    back to another event (an event noun of the lexicon, not the term's start: "since his
    inauguration") reaches before the term of a leader new in office."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    if not perfect:
        return False
    nouns = load_lexicon().nouns
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "since":
            for o in c.children:
                low = o.lemma_.lower()
                if o.dep_ == "pobj" and low in nouns and low not in TERM_WORDS:
                    return True
    return False


ELECTORAL = frozenset({"presidential", "election", "electoral", "primary", "re-election", "reelection"})


def _own_campaign(noun: Token, nouns: frozenset[str]) -> bool:
    """ "his campaign", "Trump's presidential campaign", "the 2016 race": a candidacy, not "a
    campaign against the media" or "a military campaign" (no owner, no electoral word)."""
    if noun.lemma_.lower() not in nouns:
        return False
    kids = list(noun.children)
    if any(k.dep_ == "prep" and k.lower_ in ("against", "of") for k in kids):
        return False
    return any(
        k.dep_ == "poss"
        or (k.dep_ in ("amod", "compound", "nummod") and (k.lower_ in ELECTORAL or k.like_num))
        for k in kids
    )


TIME_ADVERBS = frozenset({"now", "later", "since", "then", "recently", "lately", "today", "again"})


def _shared_time(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """The first verb of a coordination whose time phrase the later verb shares: "accused China
    during his campaign and threatened tariffs" (same tense, same subject, no time of its own);
    not "criticised China during the campaign but has since praised Xi"."""
    head = tok.head
    if tok.dep_ != "conj" or head.pos_ != "VERB" or tok.tag_ != head.tag_:
        return []
    own = any(
        c.dep_ in ("nsubj", "nsubjpass", "npadvmod", "aux")
        or (c.dep_ == "advmod" and c.lower_ in TIME_ADVERBS)
        or (c.dep_ == "prep" and c.lower_ in preps)
        for c in tok.children
    )
    return [] if own else [head]


def dates_clause(doc: Doc, tok: Token, span: Span | None, hops: int = 3) -> bool:
    """Whether the date expression at ``span`` hangs on the trigger within a few steps."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand") if span is not None else None
    if found is None:
        return False
    if min(abs(found.start - tok.i), abs(found.end - 1 - tok.i)) > 2 * hops:
        return False  # far from the trigger: more likely another event's date
    cur = found.root
    for _ in range(hops + 1):
        if cur.i == tok.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def actor_tokens(tok: Token, actor: str | None, index: ActorIndex) -> list[int]:
    """Tokens of the trigger's sentence that stand for ``actor``."""
    if actor is None:
        return []
    return [t.i for t in tok.sent if index.by_token.get(t.i) == actor]
