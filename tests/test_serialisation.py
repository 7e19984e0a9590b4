"""Annotated Docs and analyses cross process and storage boundaries unchanged.

spaCy's own habits: every component's output survives ``doc.to_bytes()``,
``DocBin(store_user_data=True)``, pickling and ``nlp.pipe(n_process=2)``; the
JSON output reads back into the same records; and the offsets a user is given
slice the text they are given.
"""

from __future__ import annotations

import dataclasses
import json
import pickle
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from entente import pipeline
from entente.analyze import MAX_PIECE, analyze_many, split_text
from entente.errors import EntenteError
from entente.ingest import load_document, load_text
from entente.nlp import extensions as ext
from entente.records import Analysis, Span
from entente.report import jsonout

EXAMPLE = Path(__file__).parent.parent / "examples" / "summit.txt"
PAGE = Path(__file__).parent / "data" / "ingest_page.html"

# Written for these tests: several actors, a quote, events of several kinds.
TEXT = (
    "Turkey accused Greece of violating its airspace on Monday, officials in Ankara said.\n\n"
    "Greek Prime Minister Kyriakos Mitsotakis said: “We will not accept threats from anyone.”\n\n"
    "The European Union imposed new sanctions on Belarus, and Lithuania closed its border crossings.\n\n"
    "Russia and China signed an agreement on energy cooperation in Beijing on Tuesday."
)


def records(doc: Doc) -> tuple[object, ...]:
    return (ext.mentions(doc), ext.people(doc), ext.quotes(doc), ext.events(doc), ext.published(doc))


@pytest.fixture(scope="module")
def annotated(nlp: Language) -> Doc:
    doc = nlp(pipeline.make_doc(nlp, TEXT, date(2024, 5, 6)))
    assert ext.events(doc) and ext.quotes(doc) and ext.people(doc)  # something to carry across
    return doc


def test_doc_values_are_plain_data(annotated: Doc) -> None:
    for name in ext.DOC_EXTENSIONS:
        value = annotated._.get(name)
        json.dumps(value)  # raises on anything that is not plain data


def test_to_bytes_round_trip(nlp: Language, annotated: Doc) -> None:
    again = Doc(nlp.vocab).from_bytes(annotated.to_bytes())
    assert records(again) == records(annotated)


def test_docbin_round_trip(nlp: Language, annotated: Doc) -> None:
    stored = DocBin(store_user_data=True, docs=[annotated]).to_bytes()
    (again,) = DocBin().from_bytes(stored).get_docs(nlp.vocab)
    assert records(again) == records(annotated)


def test_pickle_round_trip(annotated: Doc) -> None:
    assert records(pickle.loads(pickle.dumps(annotated))) == records(annotated)


def test_two_processes_give_the_records_of_one(nlp: Language) -> None:
    texts = TEXT.split("\n\n")
    documents = [load_text(t, source=f"t{i}", published=date(2024, 5, 6)) for i, t in enumerate(texts)]
    one = list(analyze_many(documents, nlp=nlp, batch_size=2))
    two = list(analyze_many(documents, nlp=nlp, batch_size=2, workers=2))
    assert two == one
    assert sum(len(a.events) for a in one) >= 3


def test_a_component_out_of_order_says_so(nlp: Language) -> None:
    events = nlp.get_pipe("entente_events")
    doc = nlp.make_doc("Turkey accused Greece.")
    with pytest.raises(EntenteError) as err:
        events(doc)
    assert "E015" in str(err.value) and "entente_actors" in str(err.value)


@pytest.mark.parametrize("name", ["entente_actors", "entente_people", "entente_quotes", "entente_events"])
def test_factories_declare_what_they_assign(nlp: Language, name: str) -> None:
    meta = nlp.get_pipe_meta(name)
    assert meta.assigns and all(a.startswith("doc._.entente_") for a in meta.assigns)


def _all_spans(obj: object) -> list[Span]:
    if isinstance(obj, Span):
        return [obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [s for f in dataclasses.fields(obj) for s in _all_spans(getattr(obj, f.name))]
    if isinstance(obj, tuple | list):
        return [s for v in obj for s in _all_spans(v)]
    return []


def _analyse(nlp: Language, source: Path) -> Analysis:
    return next(analyze_many([load_document(str(source), published=date(2024, 5, 6))], nlp=nlp))


@pytest.mark.parametrize("source", [EXAMPLE, PAGE], ids=["text", "html"])
def test_json_round_trip_and_offsets_slice_the_given_input(nlp: Language, source: Path) -> None:
    analysis = _analyse(nlp, source)
    data = json.loads(jsonout.to_json(analysis))
    assert Analysis.from_dict(data) == analysis
    given = data["article"]["input"]
    spans = _all_spans(analysis)
    assert spans
    assert all(given[s.start : s.end] == s.text for s in spans)
    assert len(data["article"]["id"]) == 16


def test_the_article_id_is_a_content_hash() -> None:
    a = load_text("Turkey accused Greece.", source="a")
    b = load_text("Turkey accused Greece.", source="b")
    c = load_text("Greece accused Turkey.", source="a")
    assert a.info.id == b.info.id != c.info.id


@pytest.mark.parametrize(
    ("text", "limit", "cuts"),
    [
        ("short text", 100, [0]),
        ("aaaa bbbb\n\ncccc dddd\n\neeee", 14, [0, 11, 22]),  # paragraph breaks first
        ("One two. Three four. Five six.", 12, [0, 9, 21]),  # then sentence ends
        ("x" * 25, 10, [0, 10, 20]),  # no break at all: a hard cut
    ],
)
def test_split_text(text: str, limit: int, cuts: list[int]) -> None:
    pieces = split_text(text, limit)
    assert [offset for offset, _ in pieces] == cuts
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit for _, p in pieces)


MORE = (
    "Japan protested to China over a coast guard ship near the islands.\n\n"
    "India and Pakistan exchanged fire across the Line of Control on Friday.\n\n"
    "Brazil welcomed the decision of Argentina to lift its import tariffs.\n\n"
    "France recalled its ambassador from Mali after the coup."
)


def test_long_texts_are_read_in_pieces_with_offsets_kept(nlp: Language) -> None:
    text = TEXT + "\n\n" + MORE
    document = load_text(text, published=date(2024, 5, 6))
    whole = next(analyze_many([document], nlp=nlp))
    cut = next(analyze_many([document], nlp=nlp, piece=200))
    assert len(split_text(document.info.text, 200)) >= 4
    assert [(e.source, e.target, e.type, e.evidence) for e in cut.events] == [
        (e.source, e.target, e.type, e.evidence) for e in whole.events
    ]
    assert [m.span for m in cut.mentions] == [m.span for m in whole.mentions]
    assert all(text[s.start : s.end] == s.text for s in _all_spans(cut))
    assert MAX_PIECE < 1_000_000  # spaCy's max_length is never reached


def test_json_escapes_c1_controls(nlp: Language) -> None:
    """C1 controls (\\x9b is CSI in some terminals) never reach a terminal raw; the JSON reads back."""
    document = load_text(
        "Turkey accused Greece\x9b2J of violating\u2028its airspace.", published=date(2024, 5, 6)
    )
    analysis = next(analyze_many([document], nlp=nlp))
    text = jsonout.to_json(analysis)
    assert not any("\x7f" <= c <= "\x9f" or c in "\u2028\u2029" for c in text)
    assert "\\u009b" in text
    assert Analysis.from_dict(json.loads(text)) == analysis
