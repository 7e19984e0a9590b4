"""``analyze``: one article end to end, and streams of them.

The components leave plain values on each ``Doc`` (see
:mod:`entente.nlp.extensions`); the typed records of an :class:`Analysis` are
built from them here, after the pipe, and their offsets mapped back to the
original input.

Long texts are analysed in bounded pieces: a text over :data:`MAX_PIECE`
characters is cut at paragraph breaks (else sentence ends, else white space)
into pieces of at most that size, each piece goes through the pipeline on its
own, and the records are shifted back to the offsets of the whole text. Time
and memory therefore grow linearly with the input; what is lost is only
coreference across a cut (a person named in one piece and called "he" in the
next).
"""

from __future__ import annotations

import itertools
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from entente import pipeline
from entente.actors.kb import KnowledgeBase, default_kb
from entente.ingest import Document, load_document, load_text
from entente.nlp import extensions as ext
from entente.records import (
    Actor,
    ActorMention,
    Analysis,
    Event,
    Person,
    Quote,
    Relation,
    Span,
    map_spans,
)
from entente.relations import find_triads
from entente.relations.find import combine

#: the longest stretch of text the pipeline reads at once (characters)
MAX_PIECE = 50_000
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]?\s"), re.compile(r"\s"))


@dataclass(frozen=True)
class Parts:
    """The records the components left on one Doc (or on the pieces of one text, shifted)."""

    mentions: tuple[ActorMention, ...]
    people: tuple[Person, ...]
    quotes: tuple[Quote, ...]
    events: tuple[Event, ...]
    relations: tuple[Relation, ...] = ()


def split_text(text: str, limit: int = MAX_PIECE) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text``, each piece at most ``limit`` characters."""
    if len(text) <= limit:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = limit
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def parts_of(doc: Doc) -> Parts:
    """The records on one annotated Doc (offsets index ``doc.text``)."""
    return Parts(ext.mentions(doc), ext.people(doc), ext.quotes(doc), ext.events(doc), ext.relations(doc))


def _shifted(parts: Parts, offset: int) -> Parts:
    if offset == 0:
        return parts
    return map_spans(parts, lambda s: Span(s.start + offset, s.end + offset, s.text))


def _joined(pieces: Sequence[Parts]) -> Parts:
    """One set of records from the pieces of a text; a person named in several pieces is one person."""
    if len(pieces) == 1:
        return pieces[0]
    people: dict[str, Person] = {}
    for part in pieces:
        for person in part.people:
            known = people.get(person.name)
            if known is None:
                people[person.name] = person
            else:
                people[person.name] = Person(
                    name=known.name,
                    mentions=known.mentions + person.mentions,
                    role=known.role or person.role,
                    affiliation=known.affiliation or person.affiliation,
                    actor_id=known.actor_id or person.actor_id,
                    gender=known.gender or person.gender,
                )
    return Parts(
        mentions=tuple(m for p in pieces for m in p.mentions),
        people=tuple(people.values()),
        quotes=tuple(q for p in pieces for q in p.quotes),
        events=tuple(e for p in pieces for e in p.events),
        relations=combine(
            (r.pair[0], r.pair[1], ev) for p in pieces for r in p.relations for ev in r.evidence
        ),
    )


def build_analysis(document: Document, parts: Parts, kb: KnowledgeBase | None = None) -> Analysis:
    """An :class:`Analysis` from the records of ``document``'s cleaned text, offsets mapped to the input."""
    kb = kb or default_kb()
    ids = sorted({m.actor_id for m in parts.mentions if m.actor_id})
    actors: tuple[Actor, ...] = tuple(kb.actor(i) for i in ids)
    m = document.map_span
    return Analysis(
        article=document.info,  # its `removed` spans already index the input
        actors=actors,
        mentions=map_spans(parts.mentions, m),
        people=map_spans(parts.people, m),
        quotes=map_spans(parts.quotes, m),
        events=map_spans(parts.events, m),
        relations=map_spans(parts.relations, m),
        triads=find_triads(parts.relations),
        warnings=document.warnings,
    )


def analyze_doc(document: Document, doc: Doc, kb: KnowledgeBase | None = None) -> Analysis:
    """Collect what the components wrote on ``doc`` (the whole of ``document``) into an Analysis."""
    return build_analysis(document, parts_of(doc), kb)


def analyze_text(
    text: str,
    *,
    published: date | None = None,
    title: str | None = None,
    nlp: Language | None = None,
) -> Analysis:
    """Analyse an article given as a string."""
    document = load_text(text, published=published, title=title)
    return analyze_document(document, nlp=nlp)


def analyze_document(document: Document, *, nlp: Language | None = None) -> Analysis:
    return next(analyze_many([document], nlp=nlp))


def analyze(
    source: str,
    *,
    published: date | None = None,
    nlp: Language | None = None,
    actor_files: Sequence[str] = (),
) -> Analysis:
    """Analyse the article at ``source``: a path, a URL, or ``-`` for stdin."""
    document = load_document(source, published=published)
    nlp = nlp or pipeline.load(actor_files=tuple(actor_files))
    return analyze_document(document, nlp=nlp)


def analyze_many(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    workers: int = 1,
    piece: int = MAX_PIECE,
) -> Iterator[Analysis]:
    """Analyse a stream of documents with ``nlp.pipe`` in ``workers`` processes, in input order.

    Documents are read from ``documents`` as the pipe needs them, through one
    pipe for the whole stream (worker processes start once). A document longer
    than ``piece`` characters is read alone, one piece at a time, so memory
    stays that of one piece whatever the document's length.
    """
    nlp = nlp or pipeline.load()
    kb = pipeline.knowledge_base(nlp)
    for long, group in itertools.groupby(documents, key=lambda d: len(d.info.text) > piece):
        if long:
            for document in group:
                cut = split_text(document.info.text, piece)
                made = (pipeline.make_doc(nlp, text, document.info.published) for _, text in cut)
                pieces = [
                    _shifted(parts_of(doc), offset)
                    for (offset, _), doc in zip(cut, nlp.pipe(made, batch_size=1), strict=True)
                ]
                yield build_analysis(document, _joined(pieces), kb)
            continue
        pending: deque[Document] = deque()  # fed to the pipe, not yet out of it
        kwargs: dict[str, int] = {"batch_size": batch_size}
        if workers > 1:
            kwargs["n_process"] = workers
        for doc in nlp.pipe(_feed(nlp, group, pending), **kwargs):  # type: ignore[call-overload]
            yield build_analysis(pending.popleft(), parts_of(doc), kb)


def _feed(nlp: Language, run: Iterable[Document], pending: deque[Document]) -> Iterator[Doc]:
    """Docs for the pipe, lazily; each document waits in ``pending`` until its Doc comes out."""
    for document in run:
        pending.append(document)
        yield pipeline.make_doc(nlp, document.info.text, document.info.published)
