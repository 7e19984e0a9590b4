"""spaCy component ``entente_quotes``: attributed statements: content, speaker, cue, addressee.

Writes ``doc._.entente_quotes``. Two passes over the text (see :mod:`.reported` and
:mod:`.direct`): attributions found from their cue, then quotations that no
cue's clause took, attributed from the words around them. Speakers are
resolved to people and institutions with :class:`entente.people.coref.Coref`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Token

from entente import doctext
from entente.actors.kb import KnowledgeBase, default_kb
from entente.nlp import extensions as ext
from entente.nlp.marks import Segment, doc_segments
from entente.people.coref import Coref, Referent, actor_ids_in
from entente.quotes.cues import addressee_head, lexicon, noun_phrase
from entente.quotes.direct import attribute
from entente.quotes.draft import Draft
from entente.quotes.layout import colon_drafts
from entente.quotes.reported import cue_drafts
from entente.quotes.stance import stance
from entente.records import Quote, QuoteKind
from entente.records import Span as TextSpan

_QUOTE_CHARS = "“”„‟«»\"‘’'`"


class QuotesComponent:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        ext.require(doc, "entente_quotes", "entente_mentions", "entente_people")
        ext.set_quotes(doc, find_quotes(doc, self.kb))
        return doc


def find_quotes(doc: Doc, kb: KnowledgeBase | None = None) -> list[Quote]:
    lex = lexicon()
    text = doctext.text(doc)  # doc.text is built anew on every access: the cached one
    segments = doc_segments(doc)
    drafts = colon_drafts(doc, text, lex.colon_labels)
    for draft in drafts:
        a, b = draft.content[0]
        draft.segments = [i for i, s in enumerate(segments) if s.depth == 0 and s.start < b and a < s.end]
    lines = [d.content[0] for d in drafts]
    drafts += [d for d in cue_drafts(doc, lex, segments) if not _within(d, lines)]
    taken = {i for d in drafts for i in d.segments}
    drafts += attribute(doc, text, lex, segments, taken, drafts)
    quoted = [(s.inner_start, s.inner_end) for s in segments if s.depth == 0]
    coref = Coref(doc, ext.people(doc), quoted, kb)
    quotes = [
        q for d in sorted(drafts, key=lambda d: d.start) if (q := _quote(doc, text, d, segments, coref))
    ]
    return quotes


def _within(draft: Draft, ranges: list[tuple[int, int]]) -> bool:
    """Is the draft's cue inside one of ``ranges`` (a transcript line's words)?"""
    return draft.cue is not None and any(a <= draft.cue.idx < b for a, b in ranges)


def _kind(text: str, draft: Draft, segments: list[Segment]) -> QuoteKind:
    """direct: every content stretch is quoted; mixed: quoted and reported words; reported: no quote."""
    if not draft.segments:
        return "reported"
    spans = [(segments[i].start, segments[i].end) for i in draft.segments]
    for a, b in draft.content:
        rest = [
            w
            for w in _outside(text, a, b, spans).split()
            if w.strip(_QUOTE_CHARS + ",.;:—–-()") and w.lower() != "that"
        ]
        if rest:
            return "mixed"
    return "direct"


def _outside(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    """The characters of ``text[a:b]``, in order, that lie in none of ``spans``."""
    pieces = []
    pos = a
    for s, e in sorted((max(s, a), min(e, b)) for s, e in spans if s < b and a < e):
        if s > pos:
            pieces.append(text[pos:s])
        pos = max(pos, e)
    if pos < b:
        pieces.append(text[pos:b])
    return "".join(pieces)


def _speaker(doc: Doc, draft: Draft, coref: Coref) -> tuple[TextSpan | None, Referent | None, Token | None]:
    source = draft
    for _ in range(5):  # a quote paragraph without cue: the speaker of the quote before
        if source.speaker is not None or source.speaker_from is None:
            break
        source = source.speaker_from
    head = source.speaker
    if head is None:
        return None, None, None
    phrase = noun_phrase(head)
    mention = TextSpan(phrase.start_char, phrase.end_char, phrase.text)
    if head.lower_ in ("who", "that", "which") and head.head.dep_ == "relcl":  # "Smith, who said ..."
        phrase = noun_phrase(head.head.head)
    ref = coref.resolve(phrase)
    if ref is None and head.lower_ not in ("he", "she", "him", "her", "i", "we", "they", "you"):
        ids = actor_ids_in(doc, phrase.start_char, phrase.end_char, coref.kb)
        name = phrase.text[4:] if phrase.text.lower().startswith("the ") else phrase.text
        ref = Referent(name, ids[0] if len(set(ids)) == 1 else None)
    return mention, ref, source.cue


def _quote(doc: Doc, text: str, draft: Draft, segments: list[Segment], coref: Coref) -> Quote | None:
    mention, ref, cue = _speaker(doc, draft, coref)
    if mention is None:
        return None
    content = sorted(set(draft.content))
    spans = tuple(TextSpan(a, b, text[a:b]) for a, b in content if b > a)
    addressee = None
    if cue is not None:
        target = addressee_head(cue)
        if target is not None:
            phrase = noun_phrase(target)
            resolved = coref.resolve(phrase)
            addressee = resolved.name if resolved is not None else phrase.text
    in_content = [
        (m.span.start, m.actor_id)
        for m in ext.mentions(doc)
        if m.actor_id and any(a <= m.span.start < b for a, b in content)
    ]
    mentions = tuple(dict.fromkeys(a for _, a in in_content))
    return Quote(
        content=spans,
        kind=_kind(text, draft, segments),
        speaker=mention,
        speaker_name=ref.name if ref is not None else None,
        speaker_actor=ref.actor_id if ref is not None else None,
        cue=_cue_span(doc, cue),
        addressee=addressee,
        mentions=mentions,
        stance=tuple(stance(doc, content, in_content)),
    )


def _cue_span(doc: Doc, cue: Token | None) -> TextSpan | None:
    """The cue's words: the verb, or "according to"."""
    if cue is None:
        return None
    end = cue.i + 1
    if cue.lower_ == "according" and end < len(doc) and doc[end].lower_ == "to":
        end += 1
    span = doc[cue.i : end]
    return TextSpan(span.start_char, span.end_char, span.text)


@Language.factory(
    "entente_quotes",
    default_config={"actor_files": []},
    requires=["doc._.entente_mentions", "doc._.entente_people", "token.dep"],
    assigns=["doc._.entente_quotes"],
)
def make_quotes(nlp: Language, name: str, actor_files: Sequence[str]) -> QuotesComponent:
    return QuotesComponent(default_kb(tuple(actor_files)))
