"""Attributions found from their cue: "X says (that) ...", "..., notes X", "according to X, ...".

The content is the clause the cue governs. Where that clause holds or touches
a quotation, the quotation joins the content: a quote whose clause is all
quoted is direct ("“...,” Ramani says"), one that mixes reported and quoted
words is mixed ("According to him, Russia is “less fearful ...”").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from entente import doctext
from entente.doctext import Ranges, Stabber
from entente.nlp.marks import Segment
from entente.quotes.cues import (
    Lexicon,
    according_to,
    clause_range,
    complement,
    is_cue_verb,
    noun_cue,
    object_range,
    speaker_head,
)
from entente.quotes.draft import Draft, inside

_NOT_SPEAKERS = {"it", "there", "this", "that", "which", "what"}


def _content_range(doc: Doc, head: Token, skip: Token | None = None) -> tuple[int, int] | None:
    start, end = _in_paragraph(doc, head, *clause_range(head, skip))
    if end - start < 3:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _line_break(token: Token) -> bool:
    return "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)


def _across_lines(doc: Doc, a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(_line_break(t) for t in doc[lo:hi])


def _in_paragraph(doc: Doc, head: Token, start: int, end: int) -> tuple[int, int]:
    """Tokens ``start:end`` cut to the line of ``head``: a clause the parser ran over a headline or a
    paragraph break ("X says Y⏎⏎Tuesday, ...") stops there."""
    if end <= start:
        return start, end
    lo = hi = min(max(head.i, start), end - 1)
    while lo > start and not _line_break(doc[lo - 1]):
        lo -= 1
    while hi + 1 < end and not _line_break(doc[hi]):
        hi += 1
    while hi > lo and doc[hi].is_space:
        hi -= 1
    return lo, hi + 1


def _words_range(words: list[Token]) -> tuple[int, int] | None:
    words = [t for t in words if not (t.is_punct and t.text not in '“”"') and not t.is_space]
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _sentence_without(doc: Doc, cue: Token) -> tuple[int, int] | None:
    """The sentence of "according to X" without that phrase (it opens or closes the sentence)."""
    phrase = list(cue.subtree)
    sent = cue.sent
    first, last = phrase[0].i, phrase[-1].i
    closes = first - sent.start > sent.end - 1 - last  # then the content is the words before it
    head = doc[sent.start : first] if closes else doc[last + 1 : sent.end]
    if sum(1 for t in head if t.is_alpha) < 3:
        return None
    return _words_range(list(head))


def _around(doc: Doc, cue: Token) -> list[tuple[int, int]]:
    """The sentence around a parenthetical cue, without it: "The museum, [he said,] would ..."."""
    phrase = list(cue.subtree)
    sent = cue.sent
    parts = [
        _words_range(list(doc[sent.start : phrase[0].i])),
        _words_range(list(doc[phrase[-1].i + 1 : sent.end])),
    ]
    ranges = [r for r in parts if r is not None]
    return ranges if sum(b - a for a, b in ranges) > 10 else []


class _Outer:
    """The outer (depth 0) segments in text order, to find those a range touches by bisection."""

    def __init__(self, segments: list[Segment]) -> None:
        outer = sorted(
            (s.inner_start, s.inner_end, i) for i, s in enumerate(segments) if not s.depth and s.length > 0
        )
        self.items = outer
        self.starts = [s for s, _, _ in outer]
        self.reach: list[int] = []  # furthest inner end up to here (segments do not overlap in practice)
        best = -1
        for _, end, _ in outer:
            best = max(best, end)
            self.reach.append(best)

    def touching(self, a: int, b: int) -> list[int]:
        """Indexes of the segments whose inner range overlaps ``[a, b)``."""
        if b <= a:
            return []
        out = []
        j = bisect.bisect_left(self.starts, b) - 1
        while j >= 0 and self.reach[j] > a:
            start, end, i = self.items[j]
            if start < b and a < end:
                out.append(i)
            j -= 1
        return out


def _join_segments(draft: Draft, segments: list[Segment], outer: _Outer | None = None) -> None:
    """Add every quoted segment the content touches (and the rest of a multi-sentence quote)."""
    outer = outer or _Outer(segments)
    draft.segments.extend(sorted({i for a, b in draft.content for i in outer.touching(a, b)}))
    if not draft.segments:
        return
    lo = min(min(a for a, _ in draft.content), *(segments[i].start for i in draft.segments))
    hi = max(max(b for _, b in draft.content), *(segments[i].end for i in draft.segments))
    draft.content = [(lo, hi)]
    cue, speaker = draft.cue, draft.speaker
    if cue is None or speaker is None or not lo < cue.idx < hi:
        return
    # “The numbers,” he said, “are dreadful.”: the words around the cue, not the cue
    text = doctext.text(cue.doc)
    left = min(speaker.left_edge.idx, cue.idx)
    right = max(speaker.right_edge.idx + len(speaker.right_edge.text), cue.idx + len(cue.text))
    while left > lo and text[left - 1] in " ,":
        left -= 1
    while right < hi and text[right] in " ,":
        right += 1
    draft.content = [(a, b) for a, b in ((lo, left), (right, hi)) if b > a]


def _at_clause_edge(cue: Token) -> bool:
    """ "According to X, ..." opens or closes its sentence, not a phrase inside a noun phrase."""
    phrase = list(cue.subtree)
    sent = cue.sent
    before = [
        t for t in sent if t.i < phrase[0].i and not (t.is_punct or t.is_space or t.dep_ in ("cc", "advmod"))
    ]
    after = [t for t in sent if t.i > phrase[-1].i and not (t.is_punct or t.is_space)]
    return not before or not after


def _object_content(doc: Doc, cue: Token, speaker: Token, lex: Lexicon) -> tuple[int, int] | None:
    """Content of an object cue ("declined to comment"), for a speaker that names someone."""
    if speaker.i > cue.i or speaker.dep_ == "nsubjpass" or not _names_someone(speaker):
        return None  # "the new rules were released": what was released, not who spoke
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
    if not own_subject and cue.dep_ not in ("advcl", "conj", "relcl"):
        return None  # "try to convince X to support Y": the subject is not the source of "support"
    tokens = object_range(cue, lex)
    if tokens is None:
        return None
    start, end = tokens
    if not _says_something(doc, start, end, cue, lex):
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _raised_object(doc: Doc, cue: Token, lex: Lexicon) -> tuple[int, int] | None:
    """ "outlets reported [X to be dead]": a verb of saying whose object has an infinitive "to be"."""
    if not is_cue_verb(cue, lex, with_clause=True):
        return None
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    infinitives = [
        c
        for c in cue.children
        if c.dep_ == "xcomp" and c.lemma_ == "be" and any(g.lower_ == "to" for g in c.lefts)
    ]
    if not objects or not infinitives or not objects[0].i < infinitives[0].i:
        return None
    start, end = _in_paragraph(doc, cue, objects[0].left_edge.i, infinitives[0].right_edge.i + 1)
    if end - start < 3:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


_QUOTE_MARKS = '“”„"«»‘’'
_VERB_TAGS = ("VBD", "VBZ", "VBP", "MD", "VB")


def _says_something(doc: Doc, start: int, end: int, cue: Token, lex: Lexicon) -> bool:
    """Is an object cue's content (tokens ``start:end``) a statement?

    Quoted words, a clause or an infinitive are; an infinitive of saying with
    nothing said is not ("declined to comment"); a bare noun phrase is not
    after an act cue ("condemned the attack", "asked Trump about it").
    """
    if any(ch in _QUOTE_MARKS for ch in doc[max(0, start - 1) : end + 1].text):
        return True
    verbs = [t for t in doc[start:end] if t.tag_ in _VERB_TAGS]
    if len(verbs) == 1 and is_cue_verb(verbs[0], lex):
        return any(c.dep_ not in ("aux", "neg", "advmod", "punct") for c in verbs[0].children)
    return bool(verbs) or cue.lemma_.lower() not in lex.act_cues


def _names_someone(subject: Token) -> bool:
    """A person, an organisation, a pronoun for people, or a noun with "the"/a possessive.

    Places and states ("Tehran", "Iran") are not: what a state does to another is an event.
    """
    if subject.ent_type_ in ("PERSON", "ORG"):
        return True
    if subject.ent_type_ or subject.pos_ == "PROPN":
        return False
    if subject.lower_ in ("he", "she", "they", "we", "i", "who"):
        return True
    return subject.pos_ == "NOUN" and _definite(subject)


_QUANTIFIERS = {"some", "many", "most", "few", "several", "both", "all", "any", "other", "others"}


def _vague(subject: Token) -> bool:
    """ "some experts", "many analysts", "several officials": no one in particular."""
    if subject.lower_ in _QUANTIFIERS:
        return True
    return not subject.ent_type_ and any(c.lower_ in _QUANTIFIERS for c in subject.children)


def _definite(subject: Token) -> bool:
    """A subject that names someone: a name, a pronoun, or a definite or possessed noun ("the minister")."""
    if subject.pos_ in ("PROPN", "PRON") or subject.ent_type_:
        return True
    return any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that") for c in subject.children)


def cue_drafts(doc: Doc, lex: Lexicon, segments: list[Segment]) -> list[Draft]:
    """Every cue outside quotation marks with a speaker and a clause."""
    quoted = Ranges((s.inner_start, s.inner_end) for s in segments if s.depth == 0)
    drafts: list[Draft] = []
    framed: set[int] = set()  # verbs of sentences a parenthetical cue attributes
    according = {words[0] for words in lex.according}
    for tok in _cue_candidates(doc, lex, according):
        if inside(tok.idx, quoted):
            continue
        if tok.lower_ in according:
            source = according_to(tok, lex)
            verb = tok.head
            if source is None or inside(source.idx, quoted) or not _at_clause_edge(tok) or verb == tok:
                continue
            rng = _sentence_without(doc, tok)
            if rng is not None:
                drafts.append(Draft([rng], tok, source, according=True))
            continue
        owned = noun_cue(tok, lex)
        if owned is not None and not inside(owned[0].idx, quoted):
            rng = _content_range(doc, owned[1])
            if rng is not None:
                drafts.append(Draft([rng], tok, owned[0]))
            continue
        if tok.dep_ == "parataxis" and is_cue_verb(tok, lex) and complement(tok) is None:
            speaker = speaker_head(tok)  # "The museum, he said, would tell an American story."
            if speaker is not None and speaker.head == tok and not inside(speaker.idx, quoted):
                ranges = _around(doc, tok)
                if ranges:
                    drafts.append(Draft(ranges, tok, speaker))
                    framed.add(tok.head.i)
            continue
        if tok.i in framed:
            continue
        objective = (
            tok.pos_ == "VERB" or tok.tag_.startswith("VB")
        ) and tok.lemma_.lower() in lex.object_cues
        if not (is_cue_verb(tok, lex, with_clause=True) or objective):
            continue
        clause = complement(tok)
        speaker = speaker_head(tok)
        if speaker is None or inside(speaker.idx, quoted):
            continue
        document = speaker.lower_ == "it" and speaker.head == tok and is_cue_verb(tok, lex)  # "It says ..."
        relative = speaker.lower_ in ("that", "which") and speaker.head.dep_ == "relcl"
        if speaker.lower_ in _NOT_SPEAKERS and not (document or relative):
            continue
        if speaker.dep_ == "nsubjpass" and speaker.head == tok and not is_cue_verb(tok, lex):
            continue  # "the new rules were released": what was released, not who spoke
        if clause is None:
            rng = _object_content(doc, tok, speaker, lex) or _raised_object(doc, tok, lex)
        elif (not is_cue_verb(tok, lex) and _vague(speaker)) or _across_lines(doc, tok, clause):
            continue  # "some experts suspect": no one in particular; a headline's cue with the next line
        else:
            rng = _content_range(doc, clause)
        if rng is None or rng[0] <= speaker.idx < rng[1]:
            continue
        drafts.append(Draft([rng], tok, speaker))
    drafts = _drop_nested(doc, _innermost(drafts, lex))
    outer = _Outer(segments)
    for draft in drafts:
        _join_segments(draft, segments, outer)
    return drafts


_LEMMAS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _cue_lemmas(lex: Lexicon) -> frozenset[str]:
    """Every lower-cased lemma a cue of :func:`cue_drafts` can have (nouns, verbs of saying, ...)."""
    hit = _LEMMAS.get(id(lex))
    if hit is None or hit[0] is not lex:
        words = lex.nouns | lex.speech | lex.belief | lex.object_cues | frozenset(lex.particles)
        hit = _LEMMAS[id(lex)] = (lex, words)
    return hit[1]


def _cue_candidates(doc: Doc, lex: Lexicon, according: set[str]) -> Iterator[Token]:
    """The tokens of ``doc``, in order, that can open a cue: a lemma of the cue lexicon or the
    first word of "according to". Every other token is passed over by :func:`cue_drafts`, so
    leaving it out (without building a ``Token`` for it) changes nothing."""
    if not len(doc):
        return
    cols = doc.to_array([LEMMA, LOWER])
    strings = doc.vocab.strings
    lemmas = _cue_lemmas(lex)
    keep = {h for h in numpy.unique(cols[:, 0]).tolist() if strings[h].lower() in lemmas}
    keep_lower = {get_string_id(w) for w in according}
    lemma_col = cols[:, 0].tolist()
    lower_col = cols[:, 1].tolist()
    for i, (lemma, lower) in enumerate(zip(lemma_col, lower_col, strict=True)):
        if lemma in keep or lower in keep_lower:
            yield doc[i]


def _innermost(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """ "Reuters reported a German government source said X": the source inside the report speaks.

    A report by a medium or an organisation whose content opens with another
    named speaker and a verb of saying with a clause ("(that) a source said
    ...") gives way to that inner attribution.
    """
    outer: set[int] = set()
    stab = Stabber([(d.content[0][0], d.content[-1][1]) for d in drafts])
    for d in drafts:
        if d.according or d.cue is None or d.speaker is None or d.speaker.pos_ == "PRON":
            continue
        if d.speaker.head != d.cue or not is_cue_verb(d.cue, lex) or complement(d.cue) is None:
            continue
        for o in (drafts[k] for k in stab.covering(d.cue.idx)):
            if o is d or o.according or o.speaker is None or o.speaker.ent_type_ == "PERSON":
                continue
            if o.speaker.pos_ == "PRON" or not o.content[0][0] <= d.cue.idx < o.content[-1][1]:
                continue
            if 0 <= d.speaker.left_edge.idx - o.content[0][0] <= 5:  # "that a source said"
                outer.add(id(o))
    return [d for d in drafts if id(d) not in outer]


def _drop_nested(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Cues inside another attribution's content.

    A cue with a subject of its own is part of what was said ("he said he
    believes ...") and goes. A participle that goes on the same speaker's
    words ("..., saying that ...", "adding ...") is an attribution of its own:
    it stays, and the enclosing content stops before it.
    """
    text = doctext.text(doc)
    kept = []
    # contents only shrink below, so the index of their first extent finds every candidate
    stab = Stabber([(d.content[0][0], d.content[-1][1]) if d.content else (0, 0) for d in drafts])
    for d in drafts:
        assert d.cue is not None
        pos = d.cue.idx
        outer = [
            o
            for o in (drafts[k] for k in stab.covering(pos))
            if o is not d and o.content and o.content[0][0] <= pos < o.content[-1][1]
        ]
        if not outer:
            kept.append(d)
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in d.cue.children)
        if own_subject or d.according or d.cue.dep_ not in ("advcl", "conj"):
            continue
        cut = d.cue.left_edge.idx
        for o in outer:
            end = cut
            while end > o.content[0][0] and text[end - 1] in " ,;—–-":
                end -= 1
            o.content = [(a, min(b, end)) for a, b in o.content if a < end]
        kept.append(d)
    return [d for d in kept if d.content and d.content[0][1] - d.content[0][0] > 2]
