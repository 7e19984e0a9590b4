"""``analyze``: one article end to end."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from entente.ingest import Document, load_document, load_text
from entente.nlp import pipeline
from entente.records import Actor, Analysis, map_spans


def analyze_doc(document: Document, doc: Doc) -> Analysis:
    """Collect what the components wrote on ``doc`` into an :class:`Analysis`.

    Offsets are mapped from the cleaned text back to the original input.
    """
    kb = doc._.entente_kb
    mentions = tuple(doc._.actor_mentions or ())
    ids = sorted({m.actor_id for m in mentions if m.actor_id})
    actors: tuple[Actor, ...] = tuple(kb.actor(i) for i in ids) if kb is not None else ()
    m = document.map_span
    return Analysis(
        article=document.info,  # its `removed` spans already index the input
        actors=actors,
        mentions=map_spans(mentions, m),
        people=map_spans(tuple(doc._.people or ()), m),
        quotes=map_spans(tuple(doc._.quotes or ()), m),
        events=map_spans(tuple(doc._.events or ()), m),
        warnings=document.warnings,
    )


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
    nlp = nlp or pipeline.load()
    doc = nlp(pipeline.make_doc(nlp, document.info.text, document.info.published))
    return analyze_doc(document, doc)


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
    documents: Iterable[Document], *, nlp: Language | None = None, batch_size: int = 32, workers: int = 1
) -> Iterator[Analysis]:
    """Analyse a stream of documents with ``nlp.pipe`` (``workers`` processes)."""
    nlp = nlp or pipeline.load()
    docs = list(documents) if not isinstance(documents, list) else documents
    made = (pipeline.make_doc(nlp, d.info.text, d.info.published) for d in docs)
    piped = (
        nlp.pipe(made, batch_size=batch_size, n_process=workers)
        if workers > 1
        else nlp.pipe(made, batch_size=batch_size)
    )
    for document, doc in zip(docs, piped, strict=True):
        yield analyze_doc(document, doc)
