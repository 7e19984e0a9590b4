"""People and pronouns that stand for an actor the actor layer did not name.

* A person the people layer left without an actor speaks for the actor named
  in their appositive: "Qasem Soleimani, head of Iran's Quds Force" -> IRN,
  "Ahmed al-Assadi, a spokesman for the PMF" -> PMF. Every mention of that
  person then stands for it. Names the people layer missed (PERSON entities)
  are read the same way, one mention at a time.
* Pronouns, in argument positions only: "he"/"she" take the latest person
  with an actor in the same or the two previous sentences; "I"/"we" inside a
  quote take the speaker's actor; "it"/"its" the latest organisation or state
  mentioned before it in the same sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

PERSONAL = frozenset({"he", "she", "him", "his", "her", "himself", "herself"})
FIRST = frozenset({"i", "we", "me", "us", "my", "our"})
NEUTER = frozenset({"it", "its"})


def appositive_actor(name_head: Token, by_token: dict[int, str]) -> str | None:
    """The first actor named in the appositive of a person's name, or None."""
    for appos in (c for c in name_head.children if c.dep_ == "appos"):
        for tok in sorted(appos.subtree, key=lambda t: t.i):
            if tok.i in by_token and tok.i != name_head.i:
                return by_token[tok.i]
    return None


def _head(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def person_actors(doc: Doc, by_token: dict[int, str]) -> dict[int, str]:
    """Token index -> actor for people the people layer left without one."""
    out: dict[int, str] = {}
    for person in doc._.people or ():
        if person.actor_id:
            continue
        heads = [h for s in person.mentions if (h := _head(doc, s.start, s.end)) is not None]
        actor = next((a for h in heads if (a := appositive_actor(h, by_token))), None)
        if actor is None:
            continue
        for s in person.mentions:
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            for tok in span or ():
                if not tok.is_punct and tok.i not in by_token:
                    out[tok.i] = actor
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(t.i in by_token or t.i in out for t in ent):
            continue
        actor = appositive_actor(ent.root, by_token)
        if actor:
            out.update((t.i, actor) for t in ent if not t.is_punct)
    return out


def _quote_actor(doc: Doc, idx: int, by_token: dict[int, str]) -> str | None:
    for quote in doc._.quotes or ():
        if any(s.start <= idx < s.end for s in quote.content):
            if quote.speaker_actor:
                return str(quote.speaker_actor)
            if quote.speaker is not None and (h := _head(doc, quote.speaker.start, quote.speaker.end)):
                return by_token.get(h.i)
    return None


def pronoun_actors(doc: Doc, by_token: dict[int, str], people: set[int]) -> dict[int, str]:
    """Token index -> actor for pronouns whose referent is plain enough to take."""
    out: dict[int, str] = {}
    sents = list(doc.sents)
    for si, sent in enumerate(sents):
        window_start = sents[max(0, si - 2)].start
        for tok in sent:
            low = tok.lower_
            if tok.pos_ != "PRON" or tok.i in by_token:
                continue
            found: str | None = None
            if low in PERSONAL:
                found = _latest(by_token, people, window_start, tok.i, want_person=True)
            elif low in FIRST:
                found = _quote_actor(doc, tok.idx, by_token)
            elif low in NEUTER:
                found = _latest(by_token, people, sent.start, tok.i, want_person=False)
            if found:
                out[tok.i] = found
    return out


def _latest(by_token: dict[int, str], people: set[int], start: int, end: int, want_person: bool) -> str | None:
    for i in range(end - 1, start - 1, -1):
        if i in by_token and (i in people) == want_person:
            return by_token[i]
    return None
