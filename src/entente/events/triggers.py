"""Trigger detection and argument linking over the dependency parse.

A trigger becomes a :class:`Candidate` only when the parse links it to a
source and a target actor (subject/object/preposition for verbs; possessive,
adjectival or compound modifier and preposition for nouns), never for mere
co-occurrence in a sentence.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from entente.events.arguments import head_actors
from entente.events.candidates import Candidate, drop_nested, link_responses
from entente.events.clauses import OBJ_DEPS, scare_quoted, select
from entente.events.clauses import dedupe as _dedupe
from entente.events.lexicon import Trigger
from entente.events.phrases import PhraseReader
from entente.events.visits import visit_trigger

PLACE_PREPS = ("in", "at", "near", "inside", "outside", "along")  # where, not whom
MAX_MUTUAL = 6  # "X, Y, Z and W met": one event per pair, up to this many parties
LIGHT_PREPS = ("into", "in")  # "entered into talks", "engaged in talks": the noun carries the event
# "in cooperation with X", "during talks with X", "said after talks with X": the clause's subject acts
CIRCUMSTANCE = ("in", "during", "after", "following", "at")
CLIMB_DEPS = ("xcomp", "advcl", "conj", "acomp", "ccomp", "pcomp", "relcl", "acl")


class Linker(PhraseReader):
    """Finds candidates in a sentence."""

    def verb(self, tok: Token, trig: Trigger, sent: SpacySpan) -> Candidate | None:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        participle = tok.dep_ == "acl" and tok.tag_ == "VBN"  # "prisoners detained by Israel"
        preps = self.lex.target_preps(trig)
        if participle:
            sources = self.prep_objects(tok, ("by",))
            # lexicon round 11: a mutual trigger's topic is no target ("talks in Y, brokered by A and B")
            targets = self.np(tok.head) if trig.object_target or not self.lex.mutual(trig) else []
        elif passive:
            sources = self.prep_objects(tok, ("by",))
            targets = _dedupe([a for c in tok.children if c.dep_ == "nsubjpass" for a in self.np(c)])
            if not sources:  # "was killed in a US airstrike"
                sources = self.instrument_sources(tok)
            if trig.type == "MOBILIZE" and not sources:  # "Canadian troops were sent to Latvia"
                sources, targets = targets, self.prep_objects(tok, preps)
            agent_type = self.agent_event_type(tok)
            if agent_type and agent_type != trig.type:  # "hit by the Western sanctions" is a sanction
                trig = dataclasses.replace(trig, type=agent_type, intensity=None, mode=None)
        else:
            sources = self.subject(tok)
            objs = [c for c in tok.children if c.dep_ in OBJ_DEPS] if trig.object_target else []
            if not objs and trig.object_target and self.misparsed_modifier(tok):
                # "as Trump hosted Japanese Prime Minister Abe": the verb read as amod (r12)
                objs = [tok.head]
            targets = _dedupe([a for c in objs for a in self.np(c)])
        if trig.role == "withdraw":
            return self.withdrawal(tok, trig, sources, sent)
        if not targets and trig.type == "REQUEST":  # "called for NATO members to raise spending"
            targets = self.for_clause_targets(tok) or self.that_clause_targets(tok)
        if not targets and self.lex.category(trig.type).quad_class.startswith("verbal"):
            if not passive:
                targets = self.party_targets(tok)  # "denounced the memorandum between Turkey and Libya"
            if not targets:
                targets = self.anaphoric_targets(tok, sources)  # "the call was seconded by Merkel"
        targets = [t for t in targets if t not in sources]  # "recalled its ambassador to Bulgaria"
        if not targets:
            targets = self.prep_objects(tok, preps)
        if not sources and trig.type == "MOBILIZE" and not passive:  # "a request to deploy Russian forces"
            sources = _dedupe([a for c in tok.children if c.dep_ in OBJ_DEPS for a in self.np(c)])
        if not targets and trig.type == "SANCTION" and not passive:
            targets = self.hop_targets(tok, ())  # "suspended flights to Georgia"
        if not targets and not passive:  # "seized the peninsula from Ukraine", "vowed revenge against X"
            objs = [c for c in tok.children if c.dep_ in OBJ_DEPS]
            hop = tuple(p for p in preps if p not in PLACE_PREPS)
            targets = _dedupe([a for o in objs for a in self.prep_objects(o, hop) if a not in sources])
        if not targets and not passive and tok.lemma_.lower() in self.lex.object_control_verbs:
            # "helped Colombia negotiate": the subject of a bare infinitive is the verb's object
            targets = _dedupe(
                [
                    a
                    for c in tok.children
                    if c.dep_ in ("ccomp", "xcomp")
                    and not any(g.dep_ == "mark" and g.lower_ in ("whether", "if") for g in c.children)
                    for s in c.children
                    if s.dep_ == "nsubj"
                    for a in self.np(s)
                    if a not in sources
                ]
            )
        if trig.type == "THREATEN" and not targets:  # "threatened to impose sanctions on Greece"
            inner = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            if inner is not None:
                targets = [a for a in self.clause_targets(inner, PLACE_PREPS) if a not in sources]
            if not targets:  # "threatens import duties on Chinese and German goods"
                objs = [c for c in tok.children if c.dep_ in OBJ_DEPS]
                targets = [
                    a for o in objs for a in self.prep_objects(o, ("on", "against")) if a not in sources
                ]
        if trig.role == "refuse":
            inner = next((c for c in tok.children if c.dep_ == "xcomp"), None)
            if not targets and inner is not None:
                targets = self.clause_targets(inner)
            if not targets and tok.dep_ in ("advcl", "conj") and tok.head.pos_ == "VERB":
                targets = self.clause_targets(tok.head)
        return self.candidate(tok, trig, sources, targets)

    def withdrawal(self, tok: Token, trig: Trigger, sources: list[str], sent: SpacySpan) -> Candidate | None:
        """RETREAT from a country; REJECT of an agreement or organisation."""
        heads = self.prep_heads(tok, self.lex.target_preps(trig))
        heads += [c for c in tok.children if c.dep_ in OBJ_DEPS]  # "troops left Iraq", "quit the EU"
        # "from the regions in Ukraine's east": one hop down to the place
        heads += [
            p
            for h in heads
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in ("in", "of")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        states = [
            a
            for h in heads
            if h.lemma_.lower() not in self.lex.agreement_nouns
            for a in self.np(h)
            if a in self.index.states and a not in sources  # "pulled the US out of the deal"
        ]
        if states:
            return self.candidate(tok, trig, sources, _dedupe(states))
        if trig.subjects:  # "troops left the base": no country left, no event
            return None
        reject = Trigger(lemma=trig.lemma, type="REJECT", pos=trig.pos, mode="withdraw")
        targets = _dedupe([a for h in heads for a in self.np(h) if a not in sources])
        if not targets:
            targets = self.agreement_target(sent, sources)
        return self.candidate(tok, reject, sources, targets)

    def noun(self, tok: Token, trig: Trigger, sent: SpacySpan) -> Candidate | None:
        sources = self.noun_sources(tok)
        if trig.role == "withdraw":  # "its withdrawal from the ICC"
            if not sources:
                sources = [a for c in tok.children if c.dep_ in ("amod", "compound") for a in self.np(c)]
            if not sources and tok.dep_ in OBJ_DEPS and tok.head.lemma_.lower() in self.lex.light_verbs:
                sources = self.subject(tok.head)  # "announced its withdrawal from"
            if not sources:
                sources = self.prep_objects(tok, ("of",))  # "the exit of the United Kingdom from the EU"
            return self.withdrawal(tok, trig, _dedupe(sources), sent)
        modifiers: list[str] = []
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                modifiers.extend(head_actors(c, self.index, self.groups))
                modifiers.extend(
                    a
                    for g in c.children
                    if g.dep_ in ("compound", "amod", "conj")
                    for a in head_actors(g, self.index, self.groups)
                )
        modifiers = _dedupe(modifiers)
        joint: list[str] = []  # the clause's joint subject, for a meeting they held
        preps = tuple(p for p in self.lex.target_preps(trig) if p != "between")
        targets = self.prep_objects(tok, preps)
        if not targets:  # "the sanctions imposed on Iran (by the US)": parties on the participle (r12)
            sources, targets = self.participle_parties(tok, preps, sources)
        if not sources and self.prep_objects(tok, tuple(p for p in preps if p not in PLACE_PREPS)):
            # "the sanctions of the EU against Russia": the target named, "of" names who acts (r12)
            sources = [a for a in self.prep_objects(tok, ("of",)) if a not in targets]
        between = self.prep_objects(tok, ("between",))
        if len(between) < 2:  # "the deal brokered between X and Y": "between" on the participle (r12)
            between = self.participle_parties(tok, ("between",), [])[1] or between
        if len(between) < 2 and tok.dep_ in ("nsubj", "nsubjpass", *OBJ_DEPS) and tok.head.pos_ == "VERB":
            on_verb = self.prep_objects(tok.head, ("between",))  # "a deal was signed between X and Y"
            between = on_verb if len(on_verb) >= 2 else between
        if len(between) < 2 and self.lex.mutual(trig):
            between = self.gathered(tok) or between  # "the talks brought together X and Y" (round 11)
        if len(between) < 2 and not self.coordinated_between(tok):
            # "between Trump and Ukraine President Zelensky", misparsed as one phrase
            between = _dedupe(
                between
                + [
                    a
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "between"
                    for t in c.subtree
                    if (a := self.index.by_token.get(t.i))
                ]
            )
        described = self.described(tok) if not sources and (targets or modifiers) else []
        if described:  # "X was an outspoken opponent of Y", "Trump, a frequent China critic,"
            sources = described
            targets = targets or [m for m in modifiers if m not in described]
        elif sources and not targets and not between:  # "Tillerson's Beijing visit": the place visited
            targets = [m for m in modifiers if m not in sources]
        if not sources and len(modifiers) == 1:
            sources = modifiers
        if not sources and not targets and tok.dep_ == "pobj" and tok.head.lower_ == "with":
            # "continues its offensive with the support of the Russian air force"
            backers = self.prep_objects(tok, ("of",))
            clause = tok.head.head
            while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head
            if backers and clause.pos_ in ("VERB", "AUX"):
                sources, targets = backers, self.subject(clause)
        if not sources and tok.dep_ == "pobj" and tok.head.lower_ == "for":
            # "claimed responsibility for a suicide bombing"
            gov = tok.head.head
            if gov.lemma_.lower() == "responsibility" and gov.dep_ in OBJ_DEPS:
                sources = self.subject(gov.head)
        circumstance = tok.dep_ == "pobj" or (tok.dep_ == "dobj" and tok.head.dep_ == "prep")  # "following"
        if not sources and self.lex.mutual(trig) and circumstance and tok.head.lower_ in CIRCUMSTANCE:
            clause = tok.head.head  # "patrolled the area in cooperation with Iraqi forces"
            if clause.pos_ in ("VERB", "AUX") and not any(c.dep_ == "nsubjpass" for c in clause.children):
                subject = self.subject(clause)
                if not targets and clause.lemma_.lower() in self.lex.address_verbs:
                    # "Putin told Erdogan in a phone call"
                    objs = [c for c in clause.children if c.dep_ in OBJ_DEPS]
                    targets = _dedupe([a for o in objs for a in self.np(o) if a not in subject])
                if targets:  # not "In the deal, Austrian and British sites are kept"
                    sources = subject
                elif trig.type == "CONSULT" and not self.held_by_other(tok):
                    joint = subject  # "X and Y agreed in a phone call": talks between them
            elif clause.pos_ == "NOUN" and targets:  # "China's fight against smog in cooperation with X"
                sources = self.possessor_sources(clause, targets)
        if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "upon") and not targets:
            # "arrived at the request of the Lithuanian government": aimed at the clause's subject
            sources = sources or self.prep_objects(tok, ("of",))
            clause = tok.head.head
            if sources and clause.pos_ in ("VERB", "AUX"):
                targets = [a for a in self.subject(clause) if a not in sources]
        if not sources and tok.dep_ in OBJ_DEPS and tok.head.lemma_.lower() in self.lex.light_verbs:
            sources = self.subject(tok.head)
            if not targets:
                targets = self.prep_objects(tok.head, preps)
        light = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in LIGHT_PREPS else None
        if not sources and light is not None and light.lemma_.lower() in self.lex.light_verbs:
            sources = self.subject(light)  # "entered into talks with X", "engaged in negotiations"
            if not targets:
                targets = self.prep_objects(light, preps)
        if not sources and tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in self.lex.light_verbs:
            sources = self.prep_objects(tok.head, ("by",))  # "the strikes were carried out by X"
        if not targets and trig.type == "SANCTION":
            targets = self.hop_targets(tok, preps)  # "restrictions on flights to Cuba"
        if sources and not targets and self.lex.category(trig.type).quad_class == "verbal_conflict":
            content = self.content_targets(tok)  # "US accusations that Russia meddled"
            targets = [a for a in content if a not in sources]
        if sources and not targets and tok.dep_ in OBJ_DEPS and tok.head.pos_ == "VERB":
            # "condemned Washington's arms sales to Taiwan": the noun's phrase hangs on the verb
            senses = self.lex.verbs.get(tok.head.lemma_.lower(), ())
            verb_preps = {p for t in senses for p in self.lex.target_preps(t)}
            targets = self.prep_objects(tok.head, tuple(p for p in preps if p not in verb_preps))
        if not targets and tok.dep_ == "pobj" and tok.head.lower_ in ("from", "against"):
            verb = tok.head.head
            if verb.lemma_.lower() in self.lex.protect_verbs:
                targets = _dedupe([a for c in verb.children if c.dep_ in OBJ_DEPS for a in self.np(c)])
        if not sources and targets and self.lex.mutual(trig):  # "our information-sharing with Australia"
            sources = [a for a in self.first_person(sent) if a not in targets]
        cand = self.candidate(tok, trig, sources, targets)
        pool = between if len(between) >= 2 else (modifiers if len(modifiers) >= 2 and not targets else [])
        if len(pool) < 2 and cand is None:
            pool = joint
        if not self.lex.mutual(trig):
            pool = []
        if len(pool) >= 2:
            pairs = [(a, b) for i, a in enumerate(pool) for b in pool[i + 1 :]]
            if cand is None:
                cand = Candidate(tok, trig, [], [], pairs)
            else:
                cand.mutual_pairs.extend(pairs)
        return cand

    def held_by_other(self, noun: Token) -> bool:
        """A meeting its possessor holds, no actor: "said at the committee's meeting on Monday" (not a
        time: "during today's phone talk", "Monday's discussion")."""
        return any(
            c.dep_ == "poss"
            and c.pos_ in ("NOUN", "PROPN")
            and c.ent_type_ not in ("DATE", "TIME")
            and not self.np(c)
            for c in noun.children
        )

    @staticmethod
    def misparsed_modifier(verb: Token) -> bool:
        """A verb the parser hung as an adjective on the noun after it, yet with its own subject: the
        noun is its object ("Trump hosted Japanese Prime Minister Abe", parsed "hosted ... Abe")."""
        return (
            verb.dep_ == "amod"
            and verb.tag_ in ("VBD", "VBN")
            and verb.i < verb.head.i
            and verb.head.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
        )

    def participle_parties(
        self, noun: Token, preps: tuple[str, ...], sources: list[str]
    ) -> tuple[list[str], list[str]]:
        """The target (and, with no source yet, the agent) named on a past participle modifying an
        event noun: "the aid delivered to Yemen by Britain". Places ("carried out in Syria") are not."""
        parts = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        hop = tuple(p for p in preps if p not in PLACE_PREPS)
        targets = _dedupe([a for p in parts for a in self.prep_objects(p, hop) if a not in sources])
        if targets and not sources:
            sources = _dedupe([a for p in parts for a in self.prep_objects(p, ("by",)) if a not in targets])
        return sources, targets

    def adjective(self, tok: Token, trig: Trigger) -> Candidate | None:
        sources = self.subject(tok.head) if tok.dep_ == "acomp" else []
        if not sources:  # "no other country has been as supportive of X as Iran"
            for t in tok.subtree:
                if t.dep_ == "prep" and t.lower_ == "as":
                    sources.extend(a for p in t.children if p.dep_ == "pobj" for a in self.np(p))
        targets = self.prep_objects(tok, self.lex.target_preps(trig))
        return self.candidate(tok, trig, _dedupe(sources), targets)

    def adverb(self, tok: Token, trig: Trigger) -> Candidate | None:
        """ "Japan, together with India, built ...": the with-phrase's actor and the phrase it modifies."""
        preps = self.lex.target_preps(trig)
        prep = tok.head if tok.head.lower_ in preps and tok.head.dep_ == "prep" else None
        if prep is None or prep.head.pos_ not in ("NOUN", "PROPN", "VERB"):
            return None
        targets = _dedupe([a for p in prep.children if p.dep_ == "pobj" for a in self.np(p)])
        gov = prep.head
        sources = self.subject(gov) if gov.pos_ == "VERB" else self.np(gov)
        pairs = [(a, b) for a in sources for b in targets if a != b]
        return Candidate(tok, trig, [], [], pairs) if pairs else None

    def answer(self, tok: Token, cand: Candidate | None) -> Candidate | None:
        """A denial aimed at the accuser; a demand answered aimed at who answers (events/answers.py)."""
        if cand is not None and cand.trigger.type == "ACCUSE":
            self.accusations.note(self.sent_i, tok.i, cand.sources, cand.targets)
        if cand is not None and cand.targets:
            return cand
        if tok.pos_ == "VERB" and tok.lemma_.lower() in self.accusations.words.denial_verbs:
            sources = cand.sources if cand is not None else self.subject(tok)
            denial = self.accusations.denial(tok, sources, self.sent_i)
            return Candidate(tok, denial[0], sources, denial[1]) if denial else cand
        if cand is not None and self.accusations.answered(tok, cand.trigger, cand.sources):
            cand.targets = [a for a in self.subject(tok.head) if a not in cand.sources]
            cand.status_token = tok.head.i  # "refused demands by X": the demand was made
        return cand

    def candidate(
        self, tok: Token, trig: Trigger, sources: list[str], targets: list[str]
    ) -> Candidate | None:
        cand = Candidate(tok, trig, sources, targets)
        # "Israel and Hamas fought", not "Mali and Chad are fighting militants"
        objects = [
            c
            for c in tok.children
            if trig.object_target
            and c.dep_ in OBJ_DEPS
            and c.lemma_.lower() not in self.lex.nouns
            and c.lemma_.lower() not in trig.objects  # "exchanged fire": the object is the act itself
        ]
        most = MAX_MUTUAL if tok.pos_ == "VERB" else 3  # "X, Y and Z signed agreements": not with each other
        pairable = not targets and 2 <= len(sources) <= most and not objects
        if pairable and self.lex.mutual(trig) and not self.other_party(tok, sources):
            cand.mutual_pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :]]
            cand.sources = []
        return cand if (sources or targets) else None

    def find(self, sent: SpacySpan) -> list[Candidate]:
        out: list[Candidate] = []
        quoted = scare_quoted(sent)
        for tok in sent:
            if tok.i in quoted:
                continue
            lemma, lower = tok.lemma_.lower(), tok.lower_
            cand: Candidate | None = None
            self.index.past = tok.tag_ in ("VBD", "VBN")
            if tok.pos_ == "VERB" and lemma in self.lex.verbs:
                trig = select(tok, self.lex.verbs[lemma])
                cand = self.verb(tok, trig, sent) if trig else None
            elif tok.pos_ in ("NOUN", "PROPN") and (lemma in self.lex.nouns or lower in self.lex.nouns):
                trig = select(tok, self.lex.nouns.get(lower) or self.lex.nouns[lemma])
                cand = self.noun(tok, trig, sent) if trig else None
            elif tok.pos_ == "ADV" and lemma in self.lex.adverbs:
                cand = self.adverb(tok, self.lex.adverbs[lemma][0])
            elif tok.pos_ == "ADJ" and lemma in self.lex.adjectives:
                trig = select(tok, self.lex.adjectives[lemma])
                cand = self.adjective(tok, trig) if trig else None
            cand = self.answer(tok, cand)
            if cand is None and (visit := self.visits.pair(tok)) and (vt := visit_trigger(self.lex)):
                cand = Candidate(tok, vt, [visit[0]], [visit[1]])  # "X arrived in Beijing": events/visits.py
            if cand is not None:
                out.append(cand)
        self.index.past = False
        link_responses(out, sent)
        for c in out:  # "X arrived in Beijing. He held talks": the other party (events/counterpart.py)
            if c.sources and not c.targets and not c.mutual_pairs and self.lex.mutual(c.trigger):
                c.targets = self.counterparts.target(c.token, c.trigger.type, c.sources, self.lex.light_verbs)
        for c in out:  # "France called for a ceasefire. The call was welcomed by ..."
            sources = c.sources or _dedupe([a for pair in c.mutual_pairs for a in pair])
            self.history.append((self.sent_i, c.token.lemma_.lower(), sources))
            self.descriptions.note(self.sent_i, c.pairs())
            self.counterparts.note(self.sent_i, c.trigger.type, c.pairs())
        return drop_nested([c for c in out if c.pairs()])
