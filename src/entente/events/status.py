"""What happened, what was only said, feared or denied.

:func:`event_status` walks from a trigger up the dependency tree through the
clauses that govern it and collects cues (data/status.yaml):

* negated: a negation on the trigger or on a verb that controls it ("did not
  attack", "does not want to supply"), a negating head ("refused to",
  "unwillingness to", "has yet to");
* hypothetical: a modal, a conditional or question, an intention / fear head
  ("plans to", "willing to", "bracing for", "talk of");
* attributed: inside a quote (ext.quotes(doc)), under "according to", or in a
  clause governed by a reporting verb ("..., notes Ramani").

Precedence: negated > hypothetical > attributed > asserted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from entente.events import prescribed as presc
from entente.events.attribution import apart as _apart
from entente.events.attribution import (
    background,
    claim_of_report,
    contrasted,
    neighbour_speaker,
    quoted_sentence,
    report_tail,
)
from entente.events.pulled import pulled_from
from entente.events.scenario import imagined
from entente.events.status_cues import StatusCues
from entente.events.tense import (
    ahead_clause,
    ensured,
    future_time,
    noun_ahead,
    pending_clause,
    pending_noun,
    planned,
    reduced_passive,
)
from entente.events.unfulfilled import later_stop, modal_predicate, wanted
from entente.nlp import extensions as ext
from entente.records import EventStatus


@dataclass
class _Found:
    negated: bool = False
    hypothetical: bool = False
    attributed_to: str | None = None
    attributed: bool = False

    def status(self) -> EventStatus:
        if self.negated:
            return "negated"
        if self.hypothetical:
            return "hypothetical"
        if self.attributed:
            return "attributed"
        return "asserted"


def speaker_name(verb: Token) -> str | None:
    for c in sorted(verb.children, key=lambda c: c.dep_ not in ("nsubj", "nsubjpass")):
        if c.dep_ in ("nsubj", "nsubjpass", "dobj"):
            words = [t for t in c.subtree if t.dep_ in ("compound", "nsubj", "nsubjpass") or t == c]
            return " ".join(t.text for t in sorted(words, key=lambda t: t.i)) or c.text
    return None


class StatusReader:
    def __init__(self, cues: StatusCues, light_verbs: frozenset[str] = frozenset()) -> None:
        self.cues = cues
        self.light_verbs = light_verbs  # their object event shares their status

    def _local(self, tok: Token, found: _Found, negating_ok: bool = True) -> None:
        """Cues on one predicate: its negation, modals, 'has yet to', 'according to'."""
        for c in tok.children:
            low = c.lower_
            if (
                c.dep_ == "neg"
                or (c.dep_ == "advmod" and low in ("never", "no"))
                or (c.dep_ == "det" and low == "no" and tok.pos_ in ("NOUN", "PROPN"))
                or self._denied_subject(c)
            ):
                found.negated = True
            elif c.dep_ in ("aux", "auxpass") and (
                low in self.cues.modals or c.lemma_.lower() in self.cues.modals
            ):
                if c.tag_ == "MD" or low in ("going",):
                    found.hypothetical = True
            elif c.dep_ == "mark" and low in self.cues.conditional_marks:
                found.hypothetical = True
            elif c.dep_ == "prep" and low == "according":
                found.attributed = True
                pobj = [p for t in c.children for p in t.children if p.dep_ == "pobj"]
                found.attributed_to = found.attributed_to or (pobj[0].text if pobj else None)
            elif c.dep_ == "advmod" and low in ("reportedly", "allegedly", "purportedly"):
                found.attributed = True

    def _denied_subject(self, c: Token) -> bool:
        """ "Neither France nor Germany would recognise X": a subject that denies its clause."""
        if c.dep_ not in ("nsubj", "nsubjpass"):
            return False
        dets = self.cues.negating_determiners
        return c.lower_ in dets or any(g.lower_ in dets for g in c.children if g.i < c.i)

    def _head_cue(self, head: Token, found: _Found) -> None:
        lemma = head.lemma_.lower()
        negated_head = any(c.dep_ == "neg" for c in head.children)
        if lemma in self.cues.negating_heads and not negated_head:
            found.negated = True
        elif lemma in self.cues.hypothetical_heads or head.lower_ in self.cues.hypothetical_heads:
            found.hypothetical = True
        elif lemma in self.cues.yet_heads and any(c.lower_ == "yet" for c in head.children):
            found.negated = True

    def read(self, trigger: Token) -> tuple[EventStatus, str | None]:
        found = _Found()
        self._local(trigger, found)
        cur = trigger
        if trigger.pos_ in ("NOUN", "PROPN"):
            self._nominal(trigger, found)
        else:
            for _ in range(8):
                head, dep = cur.head, cur.dep_
                if head.i == cur.i or _apart(cur, head.idx):  # no cue across a blank line (a headline)
                    break
                if claim_of_report(cur, head):
                    found.attributed = True  # "following reports that he discussed sanctions"
                if dep == "acl" and reduced_passive(cur):  # round 12: "talks brokered by Russia"
                    found.hypothetical |= noun_ahead(
                        head, self.cues.hypothetical_modifiers, self.cues.hypothetical_object_heads
                    )
                    break
                if dep in ("xcomp", "acomp", "conj", "acl", "aux"):
                    # recall round 2: a tensed verb coordinated with this one is no head of it
                    # ("questioned the inquiry and refused to ...": "question" says nothing of "refused")
                    if not (dep == "conj" and head.tag_ in ("VBD", "VBZ", "VBP", "VBN")):
                        self._head_cue(head, found)
                    if dep == "xcomp" and head.lemma_ == "be":
                        found.hypothetical = True  # "Xi is to visit Switzerland"
                    self._local(head, found)
                    cur = head
                    continue
                if dep == "pcomp":
                    prep_head = head.head
                    preps = self.cues.hypothetical_preps.get(prep_head.lemma_.lower(), frozenset())
                    if head.lower_ in preps:
                        found.hypothetical = True
                    elif prep_head.lemma_.lower() in self.cues.negating_heads:
                        found.negated = True
                    if prep_head.pos_ not in ("VERB", "AUX"):
                        break
                    self._local(prep_head, found)
                    cur = prep_head
                    continue
                if dep == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in cur.children):
                    found.hypothetical = True  # a purpose clause: "sent troops to attack"
                    break
                if dep == "advcl" and ahead_clause(cur, self.cues.tense):
                    found.hypothetical = True  # "has rejected ... before Britain leaves the EU"
                    break
                if dep == "advcl" and pending_clause(cur, self.cues.tense):
                    # "when he visits China" under "will get", "until the US lifts sanctions" under
                    # "will not talk": a present clause of a future
                    found.hypothetical |= self.read(head)[0] in ("hypothetical", "negated")
                    break
                if dep == "ccomp":
                    if presc.denied_that(cur, head):
                        found.negated = True  # "it was not that the US was targeting Ireland"
                        break
                    if not presc.glued_report(cur, head):  # "... two countries.- May's spokeswoman said"
                        self._clausal_head(head, found)
                    found.hypothetical |= ensured(cur, self.cues.tense)  # "to ensure that we leave"
                    break
                gerund = dep in ("csubj", "nsubj") and cur.tag_ == "VBG" and cur.lemma_ != "do"
                if gerund and self._unrealised_clause(head):
                    found.hypothetical = True  # "attacking Iran would be a mistake"
                break
        if not found.attributed:
            self._trailing_report(cur, found)
        if not found.attributed and not background(trigger) and quoted_sentence(trigger):
            found.attributed = True  # '"The two ministries are in talks."': a quotation the finder lost
            found.attributed_to = neighbour_speaker(trigger)
        if not found.attributed and not background(trigger) and (pulled := pulled_from(trigger)):
            found.attributed, found.attributed_to = True, pulled.speaker_name  # a pull quote
        if not found.attributed and not background(trigger):
            tail = report_tail(trigger)  # "..., the ministry reported on Monday."
            if tail is not None:
                found.attributed, found.attributed_to = True, tail
        published = ext.published(trigger.doc)
        if any(future_time(v, self.cues.tense, published) for v in {trigger, cur}):
            found.hypothetical = True  # "Trump meets Netanyahu later in the week"
        if imagined(trigger, self.cues.scenario):
            found.hypothetical = True  # "Imagine ...": the present-tense narrative of a scenario
        if trigger.sent.text.rstrip().endswith("?") and not _presupposed(trigger):
            found.hypothetical = True
        return found.status(), found.attributed_to

    def later_stop(self, verb: Token, pair: tuple[str, str], actor_of: Callable[[Token], str | None]) -> bool:
        """ "is visiting A, B, C and D": ``pair`` meets at a stop of the tour still ahead."""
        return later_stop(verb, pair, actor_of, self.cues.unfulfilled)

    def _unrealised_clause(self, verb: Token) -> bool:
        """Whether ``verb`` carries a modal or a conditional mark ("might involve", "whether ...")."""
        probe = _Found()
        self._local(verb, probe)
        return probe.hypothetical

    def _trailing_report(self, top: Token, found: _Found) -> None:
        """ "..., notes Samuel Ramani": a reporting verb coordinated after the clause."""
        while top.head.i != top.i and top.dep_ in (
            "conj",
            "xcomp",
            "acomp",
            "advcl",
            "relcl",
            "acl",
            "pcomp",
        ):
            top = top.head
        for c in top.children:
            own_content = any(g.dep_ in ("ccomp", "xcomp") for g in c.children)
            # its own speaker, not a shared subject ("criticised X and has not acknowledged Y")
            joined = any(g.dep_ == "cc" and top.i < g.i < c.i for g in top.children)
            subject = any(g.dep_ == "nsubj" for g in c.children)
            speaker = (subject or not joined) and not any(g.dep_ == "neg" for g in c.children)
            if (
                c.dep_ in ("conj", "parataxis")
                and c.i > top.i
                and c.lemma_.lower() in self.cues.reporting_verbs
                and not own_content
                and speaker
                and not contrasted(top, c)
            ):
                found.attributed = True
                # ", Pyotr Tolstoy, a deputy, told reporters": the name misparsed off the verb
                who = speaker_name(c) if subject else report_tail(top)
                found.attributed_to = found.attributed_to or who
                return

    def _clausal_head(self, head: Token, found: _Found) -> None:
        if head.pos_ not in ("VERB", "AUX") and head.dep_ in ("advmod", "npadvmod"):
            head = head.head  # "said earlier that ...", parsed under "earlier"
        lemma = head.lemma_.lower()
        if lemma in self.cues.reporting_verbs or self._catenative_report(head):
            found.attributed = True
            found.attributed_to = found.attributed_to or speaker_name(head)
        elif lemma in self.cues.doubt_verbs or lemma in self.cues.hypothetical_heads:
            found.hypothetical = True
        elif lemma in ("deny",):
            found.negated = True
        elif lemma in self.cues.implication_verbs and any(c.dep_ == "neg" for c in head.children):
            found.negated = True  # "this does not mean the two governments agree": not said to be so

    def _catenative_report(self, head: Token) -> bool:
        """A quote parsed under a catenative verb whose infinitive (with no clause of its own) is
        the reporting verb: '"We met ...," the minister went on to say'; not "refused to say"."""
        lemma = head.lemma_.lower()
        if lemma in self.cues.negating_heads or lemma in self.cues.hypothetical_heads:
            return False  # "refused to say", "wants to tell": their own reading stands
        if any(c.dep_ == "neg" for c in head.children):
            return False
        return any(
            c.dep_ == "xcomp"
            and c.lemma_.lower() in self.cues.reporting_verbs
            and not any(g.dep_ in ("ccomp", "dobj") for g in c.children)
            for c in head.children
        )

    def _negating_verb(self, verb: Token) -> bool:
        """ "postponed the visit", "called off the talks": the object event did not happen."""
        lemma = verb.lemma_.lower()
        if lemma in self.cues.negating_heads:
            return True
        particles = self.cues.negating_particles.get(lemma, frozenset())
        return any(c.dep_ == "prt" and c.lower_ in particles for c in verb.children)

    def _object_prep(self, verb: Token, prep: Token) -> bool:
        """ "make preparations for a visit": the prepositional phrase parsed on the verb."""
        return any(
            c.dep_ == "dobj"
            and prep.lower_ in self.cues.hypothetical_preps.get(c.lemma_.lower(), frozenset())
            for c in verb.children
        )

    def _future_object(self, noun: Token) -> bool:
        """Whether ``noun`` is the object of a verb read as hypothetical, not a continuing one."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() in self.cues.continuing_verbs:
            return False
        return self.read(verb)[0] == "hypothetical"

    def _nominal(self, noun: Token, found: _Found, depth: int = 0) -> None:
        """A noun event is asserted unless its immediate governor says otherwise.

        Through "of" ("prospects for the development of cooperation") the governing
        noun's own context counts too, two nouns up at most.
        """
        head, dep = noun.head, noun.dep_
        modifiers = {c.lower_ for c in noun.children if c.dep_ in ("amod", "advmod")}
        if modifiers & self.cues.hypothetical_modifiers or planned(noun, self.cues.hypothetical_object_heads):
            found.hypothetical = True  # "a planned visit", "two visits scheduled for this year"
        if any(c.dep_ == "det" and c.lower_ in self.cues.hypothetical_determiners for c in noun.children):
            found.hypothetical = True  # "against any aggression"
        if modifiers & self.cues.attributed_modifiers:  # "an alleged interaction between X and Y"
            found.attributed = True
        pres = self.cues.prescribed
        if presc.prescribed(noun, pres) or presc.demanded(noun, pres):
            found.hypothetical = True  # "cooperation is the only option", "his terms: recognition"
        if presc.absent(noun, pres):
            found.negated = True  # "the absence of a peace treaty"
        if pending_noun(noun, self.cues.tense):
            found.hypothetical = True  # "the visit is aimed at", "pressing ahead with talks"
        unf = self.cues.unfulfilled  # "could have been part of a deal", "the last thing he wants is X"
        if modal_predicate(noun, unf, self._unrealised_clause) or wanted(noun, unf):
            found.hypothetical = True
        if depth > 0 and noun.lemma_.lower() in self.cues.agenda_heads and dep in ("attr", "nsubj", "dobj"):
            # "... are going to be the focus of his visit": the agenda of a future event
            found.hypothetical |= head.pos_ in ("VERB", "AUX") and self.read(head)[0] == "hypothetical"
        if dep == "pobj":
            gov = head.head
            preps = self.cues.hypothetical_preps.get(gov.lemma_.lower(), frozenset())
            if head.lower_ in preps or self._object_prep(gov, head):
                found.hypothetical = True
            elif head.lower_ == "of" and gov.pos_ == "NOUN" and head.dep_ == "prep" and depth < 2:
                self._nominal(gov, found, depth + 1)
                if gov.lemma_.lower() in self.cues.attributed_heads:
                    found.attributed = True  # "numerous reports of its interference"
                if gov.lemma_.lower() in self.cues.onset_heads:
                    onset = _Found()  # "we expect the restoration of cooperation": as the restoration
                    self._nominal(gov, onset)
                    found.negated |= onset.negated
                    found.hypothetical |= onset.hypothetical
            elif depth == 0 and gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in self.cues.outcome_heads:
                found.hypothetical |= self.read(gov)[0] == "hypothetical"  # "could lead to an agreement"
            elif (
                depth == 0
                and head.lower_ in pres.during_preps
                and presc.future_chain(gov, self.cues.reporting_verbs)
            ):
                found.hypothetical |= self.read(gov)[0] == "hypothetical"  # "will ... during their meeting"
            if depth == 0 and head.lower_ in self.cues.object_preps and self._future_object(gov):
                found.hypothetical = True  # "your visit will open a new page in the cooperation"
        elif depth > 0:
            return  # a governing noun lends its own cues only, not its clause's status
        elif dep == "conj" and head.pos_ == "NOUN":
            self._nominal(head, found)  # "will promote the development of trade, as well as cooperation"
        elif dep == "conj" and head.pos_ == "VERB":
            found.hypothetical |= self.read(head)[0] == "hypothetical"  # parsed on the verb itself
        elif dep == "attr" and head.lemma_ == "be":
            found.hypothetical |= self.read(head)[0] == "hypothetical"  # "it would be the first meeting"
        elif dep in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            status, who = self.read(head)  # "the visit may take place"
            if status == "negated" and head.lemma_.lower() in self.cues.open_heads:
                status = "hypothetical"  # "a meeting is not ruled out"
            if dep == "nsubjpass" and head.lemma_.lower() in self.cues.hypothetical_object_heads:
                status = "hypothetical"  # "talks are expected next week", as "expected talks"
            elif any(reduced_passive(c) for c in noun.children):  # round 12: a participle tells it
                status = "asserted"  # as given: "the deal brokered by X may collapse"
            found.negated |= status == "negated"
            found.hypothetical |= status == "hypothetical"
            # "reports that his summit with Merkel had gone badly": a possessed event is given
            given = any(c.dep_ == "poss" for c in noun.children) or background(noun)  # "the 2003 war"
            if status == "attributed" and not given:
                found.attributed, found.attributed_to = True, who
        elif dep == "dobj" and head.pos_ == "VERB":
            lemma = head.lemma_.lower()
            if lemma in self.cues.hypothetical_object_heads:
                found.hypothetical = True
            elif self._negating_verb(head):
                found.negated = True
            elif lemma in self.cues.continuing_verbs and not self._unrealised_clause(head):
                pass  # "efforts to increase pressure on Pyongyang": the pressure is there already
            else:
                status, who = self.read(head)
                if lemma in self.light_verbs:  # "launched an attack": the light verb's own status
                    found.negated |= status == "negated"
                    if status == "attributed":
                        found.attributed, found.attributed_to = True, who
                # "try to secure an agreement"; not "avoids condemning the invasion"
                found.hypothetical |= status == "hypothetical"


def _presupposed(trigger: Token) -> bool:
    """A definite event noun is taken as given even in a question ("your views on the conflict")."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        for c in trigger.children
    )
