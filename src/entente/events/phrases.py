"""Who a phrase of a clause stands for: subjects, objects, prepositional and nominal arguments.

:class:`PhraseReader` is the half of the linker that reads actors off the
parse around a trigger: the subject (through control and coordination), the
objects and prepositions, the parties of an event or agreement noun, the
source of an instrument ("killed in a US airstrike"), the country behind a
thing ("a ban on imports from Iran"), and an event a definite noun takes up
("The call was seconded by ...").
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from entente.events.answers import Accusations
from entente.events.arguments import ActorIndex, conjuncts, head_actors, np_actors
from entente.events.clauses import GERUND_PREPS, OBJ_DEPS, RELATIVE, SUBJ_DEPS, dedupe, select
from entente.events.counterpart import Counterparts
from entente.events.descriptions import Descriptions
from entente.events.gapping import stranded_subject  # parties round 6
from entente.events.lexicon import Lexicon
from entente.events.plurals import Plurals
from entente.events.vet import load_parties
from entente.events.vet_people import tail_speaker
from entente.events.visits import Visits

FIRST_PERSON = frozenset({"we", "our", "us", "ours", "i", "my", "me"})
ANAPHORA_WINDOW = 3  # sentences back that "the call", "the attack" may take an event up from


class PhraseReader:
    """Actors of the phrases around a trigger."""

    def __init__(self, lex: Lexicon, index: ActorIndex) -> None:
        self.lex = lex
        self.index = index
        self.groups = lex.group_nouns
        self.sent_i = 0  # the sentence being read
        self.history: list[tuple[int, str, list[str]]] = []  # (sentence, trigger lemma, sources)
        self.descriptions = Descriptions(index)  # "both sides", "the government"
        self.plurals = Plurals(index, self.groups, self.descriptions)  # "they", "the two"
        self.accusations = Accusations()  # "X denies the charge": the accuser (events/answers.py)
        self.visits = Visits(index)  # "X arrived in Beijing" (events/visits.py)
        self.counterparts = Counterparts.of(index, self.descriptions.words, self.visits)  # "talks in Beijing"

    def np(self, tok: Token) -> list[str]:
        verb: Token | None = None
        if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
            verb, tok = tok.head, tok.head.head
            # "talks between X and Y, who met ..."; not "X, Y and those that cooperate with Z" (round 9)
            if tok.dep_ == "conj" and tok.pos_ not in ("PRON", "DET") and self.mutual_verb(verb):
                while tok.dep_ == "conj":
                    tok = tok.head
        if self.descriptions.nonstate_sides(tok):  # "both sides" of a government and its opposition
            return []
        if self.disputed_accord(tok, verb):  # "opposes the Iran nuclear deal": the deal, not Iran (round 10)
            return dedupe(self.noun_sources(tok) + self.prep_objects(tok, ("between", "with")))
        pair = self.descriptions.pair(tok, self.sent_i)  # "both sides" after "X and Y met"
        if pair:
            return pair
        if load_parties().stationed(tok):  # "asked for more troops in Afghanistan": the place only
            return dedupe([a for c in conjuncts(tok) for a in self.own_actors(c)])
        found = self.appositive(tok) or np_actors(tok, self.index, self.groups)
        return found or self.descriptions.institution(tok) or self.plurals.resolve(tok)

    def disputed_accord(self, tok: Token, verb: Token | None = None) -> bool:
        """ "Israel opposes the Iran nuclear deal", "the Iran deal, which Israel opposes": an
        agreement among parties (``disputed_accords``) as the object of a verb of disputing
        (``disputing_verbs``) names what is disputed; a state only in its name (a modifier, not its
        owner or a party in a "with" or "between" phrase) is no target. ``verb``: the relative
        clause's verb where ``tok`` is the antecedent of its object."""
        if verb is None:
            verb = tok.head
            if tok.dep_ not in OBJ_DEPS:
                return False
        return (
            tok.lemma_.lower() in load_parties().disputed_accords
            and verb.lemma_.lower() in load_parties().disputing_verbs
        )

    def own_actors(self, tok: Token) -> list[str]:
        """The actors of a noun and its modifiers ("Saudi-led", not "US-backed"), not of its
        prepositional phrases (no group nouns: "troops in X" is not X's)."""
        return head_actors(tok, self.index, frozenset())

    def appositive(self, tok: Token) -> list[str]:
        """ "US allies South Korea and Japan", "Russia's partners Iran and Turkey": the names in apposition
        to a common noun, all their conjuncts, and not the noun's own modifiers."""
        if tok.pos_ != "NOUN" or self.index.get(tok):
            return []
        names = [
            k
            for c in tok.children
            if c.dep_ == "appos"
            and c.pos_ == "PROPN"
            and c.ent_type_ != "NORP"
            and not tail_speaker(c, load_parties())  # "..., John Smith, a Russian general, said"
            for k in conjuncts(c)
        ]
        return dedupe([a for k in names if (a := self.index.get(k))])

    def mutual_verb(self, verb: Token) -> bool:
        """Whether ``verb`` is a mutual trigger with no object ("met", "agreed")."""
        senses = self.lex.verbs.get(verb.lemma_.lower(), ())
        objects = any(c.dep_ in OBJ_DEPS for c in verb.children)
        return not objects and any(self.lex.mutual(t) for t in senses)

    def subject(self, verb: Token, depth: int = 0) -> list[str]:
        """Actors of the verb's subject, inherited through control and coordination."""
        subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
        # "Egypt and Qatar are mediating": the subject sometimes hangs under the auxiliary
        subj += [g for c in verb.children if c.dep_ == "aux" for g in c.children if g.dep_ in SUBJ_DEPS]
        if subj:
            return dedupe([a for s in subj for a in self.np(s)])
        if (stranded := stranded_subject(verb)) is not None:  # parties round 6: "and X has V-ed" (gapping.py)
            return self.np(stranded)
        if any(c.dep_ == "nsubjpass" for c in verb.children) or depth > 3:
            return []
        head, dep = verb.head, verb.dep_
        if head.i == verb.i:
            return []
        if dep == "pcomp" and head.lower_ == "from":  # deter Israel from attacking
            ctrl = head.head
            objs = [c for c in ctrl.children if c.dep_ in OBJ_DEPS]
            return dedupe([a for o in objs for a in self.np(o)])
        if dep == "pcomp" and head.lower_ in GERUND_PREPS and head.head.pos_ in ("VERB", "AUX"):
            return self.subject(head.head, depth + 1)  # "attacked Y after accusing Z", "by sending"
        if dep in ("acl", "advcl") and head.pos_ in ("NOUN", "PROPN"):  # Putin's unwillingness to transfer
            found = self.noun_sources(head)
            infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
            if not found and infinitive:  # "the Russian move to expel", "the US plan to sanction"
                found = head_actors(head, self.index, self.groups)
            if not found and infinitive and head.dep_ in OBJ_DEPS and head.head.pos_ == "VERB":
                return self.subject(head.head, depth + 1)  # "was developing plans to attack"
            return found
        if dep == "xcomp" and head.lemma_.lower() in self.lex.object_control_verbs:
            objs = [c for c in head.children if c.dep_ in OBJ_DEPS]
            if objs:
                return dedupe([a for o in objs for a in self.np(o)])
        if dep in ("xcomp", "advcl", "conj", "acomp"):
            return self.subject(head, depth + 1)
        return []

    def described(self, noun: Token) -> list[str]:
        """Who an agent noun describes: the subject of "X is a N" or the phrase of "X, a N of Y,"."""
        if noun.lemma_.lower() not in self.descriptions.words.agents:
            return []
        if noun.dep_ == "attr" and noun.head.lemma_.lower() == "be":
            return self.subject(noun.head)
        if noun.dep_ == "appos" and noun.head.pos_ in ("NOUN", "PROPN"):
            return self.np(noun.head)
        return []

    def first_person(self, sent: SpacySpan) -> list[str]:
        """The one actor the sentence's "we", "our" stand for ("we want closer cooperation with X")."""
        found = dedupe(
            [a for t in sent if t.pos_ == "PRON" and t.lower_ in FIRST_PERSON and (a := self.index.get(t))]
        )  # "US" is no "us"
        return found if len(found) == 1 else []

    def noun_sources(self, noun: Token) -> list[str]:
        found: list[str] = []
        for c in noun.children:
            if c.dep_ == "poss":
                found.extend(self.np(c))
            elif c.dep_ == "prep" and c.lower_ == "by":
                found.extend(a for p in c.children if p.dep_ == "pobj" for a in self.np(p))
        return dedupe(found)

    def possessor_sources(self, noun: Token, targets: list[str]) -> list[str]:
        """The possessor or by-phrase of the noun a mutual noun's circumstance hangs on, but ``targets``."""
        return [a for a in self.noun_sources(noun) if a not in targets]

    def prep_objects(self, tok: Token, preps: tuple[str, ...]) -> list[str]:
        found: list[str] = []
        for c in tok.children:
            if c.dep_ not in ("prep", "prt", "agent", "dative") or c.lower_ not in preps:
                # "pull out of": the preposition hangs under the particle
                if c.dep_ in ("prep", "prt") and c.lower_ in ("out", "back", "away"):
                    found.extend(self.prep_objects(c, preps))
                continue
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    found.extend(self.between_objects(p) if c.lower_ == "between" else self.np(p))
        return dedupe(found)

    def coordinated_between(self, tok: Token) -> bool:
        """Whether ``tok``'s "between" phrase is parsed as a coordination ("between the government and
        the opposition"): its parties are read, not every actor in its words."""
        return any(
            c.dep_ == "prep"
            and c.lower_ == "between"
            and any(p.dep_ == "pobj" and p.conjuncts for p in c.children)
            for c in tok.children
        )

    def gathered(self, noun: Token) -> list[str]:
        """ "The talks in Astana brought together delegations of Russia, Turkey and Iran": the
        parties of a meeting noun that is the subject of a gathering verb (descriptions.yaml's
        ``gathering_verbs``), from the verb's objects; [] unless that names two or more."""
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.pos_ != "VERB":
            return []
        kids = list(verb.children)
        particles = {c.lower_ for c in kids if c.dep_ in ("prt", "advmod")}
        words = self.descriptions.words
        if not any(verb.lemma_.lower() == v and (not p or p in particles) for v, p in words.gathering):
            return []
        found = dedupe([a for c in kids if c.dep_ == "dobj" for a in self.np(c)])
        return found if len(found) >= 2 else []

    def between_objects(self, pobj: Token) -> list[str]:
        """The actors of a "between" phrase: its conjuncts up to the one after "and" ("between the
        Syrian government and the opposition, Russian Ambassador X said": not the ambassador, a
        conjunct the parser ran on past the comma)."""
        items = sorted(conjuncts(pobj), key=lambda t: t.i)
        doc = pobj.doc
        keep = items
        for k in range(1, len(items)):
            if any(t.dep_ == "cc" for t in doc[items[k - 1].i + 1 : items[k].i]):
                keep = items[: k + 1]
                break
        if len(keep) == len(items):
            return self.np(pobj)
        return dedupe([a for t in keep for a in head_actors(t, self.index, self.groups)])

    def clause_targets(self, verb: Token, skip: tuple[str, ...] = ()) -> list[str]:
        """Every actor in the verb's objects and prepositional objects (but those of ``skip``)."""
        found: list[str] = []
        for c in verb.children:
            if c.dep_ in OBJ_DEPS:
                found.extend(self.np(c))
            elif c.dep_ == "prep" and c.lower_ not in skip:
                found.extend(a for p in c.children if p.dep_ == "pobj" for a in self.np(p))
        return dedupe(found)

    def other_party(self, tok: Token, sources: list[str]) -> bool:
        """Whether a "with"/"between" phrase of the trigger (or of its light verb) names a party that is
        not one of ``sources``: "They held meetings with the local authorities" is no meeting between
        them, whether or not the phrase stands for an actor ("with the mediation of X" names none)."""
        heads = [tok]
        if tok.dep_ in OBJ_DEPS and tok.head.lemma_.lower() in self.lex.light_verbs:
            # the light verb, and a second object misparsed beside the noun ("a ceasefire deal between")
            heads += [tok.head, *(c for c in tok.head.children if c.dep_ in OBJ_DEPS and c.i != tok.i)]
        for head in heads:
            for c in head.children:
                if c.dep_ != "prep" or c.lower_ not in ("with", "between"):
                    continue
                for p in c.children:
                    if p.dep_ != "pobj" or not self._party_word(p):  # "with the mediation of", "each other"
                        continue
                    found = self.np(p)
                    if not found or not set(found) <= set(sources):
                        return True
        return False

    def _party_word(self, tok: Token) -> bool:
        """Whether ``tok`` names who may take part: a name, a group noun ("the authorities", "rebels")."""
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        return tok.lower_ in self.groups or tok.lemma_.lower() in self.groups

    def for_clause_targets(self, verb: Token) -> list[str]:
        """The subject of a "for X to V" clause of the verb ("called for NATO members to raise ...")."""
        found: list[str] = []
        for c in verb.children:
            if c.dep_ in ("advcl", "ccomp") and any(
                g.dep_ == "mark" and g.lower_ == "for" for g in c.children
            ):
                found.extend(a for s in c.children if s.dep_ == "nsubj" for a in self.np(s))
        return dedupe(found)

    def that_clause_targets(self, verb: Token) -> list[str]:
        """The subject of the verb's "that" clause ("demanded that the US lift its sanctions")."""
        found: list[str] = []
        for c in verb.children:
            marks = {g.lower_ for g in c.children if g.dep_ == "mark"}
            if c.dep_ == "ccomp" and marks <= {"that"} and c.pos_ in ("VERB", "AUX"):
                found.extend(a for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for a in self.np(s))
        return dedupe(found)

    def content_targets(self, noun: Token) -> list[str]:
        """The subject of a noun's "that" clause ("the accusation that Russia meddled")."""
        found: list[str] = []
        for c in noun.children:
            if c.dep_ in ("acl", "relcl", "ccomp") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children
            ):
                found.extend(a for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for a in self.np(s))
        return dedupe(found)

    def agreement_target(self, sent: SpacySpan, exclude: list[str]) -> list[str]:
        """ "withdrew from ... the Iran nuclear deal": the counterpart named on the agreement."""
        for tok in sent:
            if tok.lemma_.lower() in self.lex.agreement_nouns:
                ids = head_actors(tok, self.index, self.groups) + self.prep_objects(tok, ("with", "between"))
                ids = [a for a in ids if a not in exclude]
                if ids:
                    return ids
        return []

    # -- triggers -------------------------------------------------------------
    def anaphoric_targets(self, verb: Token, exclude: list[str]) -> list[str]:
        """The source of a recent event a definite noun takes up: "called for ... The call was seconded"."""
        nouns = [c for c in verb.children if c.dep_ in (*OBJ_DEPS, "nsubjpass")]
        nouns += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        for noun in nouns:
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
            if not definite or self.np(noun):
                continue
            lemma = noun.lemma_.lower()
            for sent_i, past, sources in reversed(self.history):
                if sent_i < self.sent_i - ANAPHORA_WINDOW:
                    break
                if past == lemma and (found := [a for a in sources if a not in exclude]):
                    return found
        return []

    def party_targets(self, verb: Token) -> list[str]:
        """The parties of an event or agreement noun that a verbal reaction takes as object."""
        found: list[str] = []
        for obj in (c for c in verb.children if c.dep_ in OBJ_DEPS):
            low = obj.lemma_.lower()
            if low in self.lex.nouns or low in self.lex.agreement_nouns:
                found.extend(self.noun_sources(obj))
                found.extend(self.prep_objects(obj, ("between", "with")))
                named = low in self.lex.agreement_nouns and not self.disputed_accord(obj)
                if named:  # "negotiated the Iran nuclear deal" (not "opposed" it: round 10)
                    found.extend(
                        a for m in obj.children if m.dep_ in ("amod", "compound", "nmod") for a in self.np(m)
                    )
                for c in obj.children:  # "the memoranda of understanding between X and Y"
                    if c.dep_ == "prep" and c.lower_ == "of":
                        found.extend(
                            a
                            for p in c.children
                            if p.dep_ == "pobj"
                            for a in self.prep_objects(p, ("between",))
                        )
        return dedupe(found)

    def instrument_sources(self, verb: Token) -> list[str]:
        """Actors modifying an event noun of the same clause: "killed in a US counter-terrorism operation"."""
        found: list[str] = []
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "during", "by", "with"):
                for p in c.children:
                    if p.dep_ == "pobj" and (
                        p.lemma_.lower() in self.lex.nouns or p.lower_ in self.lex.nouns
                    ):
                        found.extend(self.noun_sources(p))
                        found.extend(
                            a
                            for m in p.children
                            if m.dep_ in ("amod", "compound", "nmod")
                            for a in self.np(m)
                        )
        return dedupe(found)

    def agent_event_type(self, verb: Token) -> str | None:
        """The type of an event noun in the verb's by-phrase ("hit by sanctions")."""
        for c in verb.children:
            if c.dep_ == "agent":
                for p in c.children:
                    senses = self.lex.nouns.get(p.lower_) or self.lex.nouns.get(p.lemma_.lower())
                    if p.dep_ == "pobj" and senses:
                        trig = select(p, senses)
                        return trig.type if trig else None
        return None

    def prep_heads(self, tok: Token, preps: tuple[str, ...]) -> list[Token]:
        """Objects of the verb's prepositions in ``preps`` ("out of X", "from X")."""
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("prep", "prt") and c.lower_ in ("out", "back", "away"):
                out.extend(self.prep_heads(c, preps))
            elif c.dep_ == "prep" and c.lower_ in preps:
                out.extend(p for p in c.children if p.dep_ == "pobj")
        return out

    def hop_targets(self, tok: Token, preps: tuple[str, ...]) -> list[str]:
        """The country of a target phrase or object that names a thing.

        "a ban on imports from Iran" (``preps``: the noun's target prepositions);
        "suspended flights to Georgia" (``preps`` empty: the verb's objects).
        """
        heads = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children]
        if not preps:
            heads = [c for c in tok.children if c.dep_ in OBJ_DEPS]
        found: list[str] = []
        for p in heads:
            if p.dep_ in ("pobj", *OBJ_DEPS):
                found.extend(self.prep_objects(p, ("to", "from", "of", "in", "into")))
        return dedupe(found)
