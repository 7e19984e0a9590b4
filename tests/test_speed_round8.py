"""Speed round 8: the array reads that replace token walks must give what the walks gave.

Each fast path is checked against the plain scan it replaces (written out here), on sentences
that hit it and sentences that miss it.
"""

from __future__ import annotations

import json
import pickle
from datetime import date

import numpy
import pytest
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from entente import pipeline
from entente.events import gapping, referents
from entente.events.arguments import ActorIndex, _hyphen_neighbours, _hyphenated
from entente.nlp import doccache, marks
from entente.nlp import extensions as ext
from entente.nlp.paragraphs import FINAL, sentence_starts
from entente.people.coref import heading_tokens
from entente.records import ActorMention, Event, EventDate, Person, Quote, Span, to_plain

TEXTS = [
    "Germany apologised to Namibia, and the Netherlands to Indonesia on Monday.",
    "He said she had told him that the Putin-Erdogan talks went well; it was the Iran deal.",
    "READ MORE: Macron meets Merkel He also spoke to reporters in Paris.",
    "The ministers of France and Italy did so after the summit, which has yet to happen.",
    "Officials - not the Obama-era envoys - met in Geneva. We will not sign it, they said.",
    "",
]


@pytest.fixture(scope="module")
def docs(nlp: Language) -> list[Doc]:
    return [nlp(pipeline.make_doc(nlp, t, date(2017, 3, 1))) for t in TEXTS]


def test_token_finders_match_a_scan(docs: list[Doc]) -> None:
    for doc in docs:
        assert doccache.tokens_text_in(doc, (":", "-")) == [t.i for t in doc if t.text in (":", "-")]
        assert doccache.tokens_text_in(doc, ("he",)) == [t.i for t in doc if t.text == "he"]  # case kept
        assert doccache.tokens_pos_in(doc, ("PRON",)) == [t.i for t in doc if t.pos_ == "PRON"]
        words = {"he", "she", "it", "we"}
        want = [t.i for t in doc if t.pos_ == "PRON" and t.lower_ in words]
        assert doccache.tokens_pos_in(doc, ("PRON",), words) == want
        many = {"deal", "talk", "summit", "envoy", "minister", "official", "reporter", "do", "happen"}
        want = [t.i for t in doc if t.pos_ in ("NOUN", "VERB") and t.lemma_.lower() in many]
        assert doccache.tokens_pos_lemma_in(doc, ("NOUN", "VERB"), many) == want
        assert doccache.tokens_lemma_in(doc, many) == [t.i for t in doc if t.lemma_.lower() in many]
        assert doccache.heads(doc) == [t.head.i for t in doc]
        assert doccache.tokens_pos_in(doc, ()) == [] and doccache.tokens_pos_in(doc, ("PRON",), ()) == []


def test_few_and_many_values_match_isin() -> None:
    column = numpy.array([2**64 - 1, 2**64 - 2, 2**63 + 1, 7, 7], dtype="uint64")
    for wanted in ([2**64 - 2], [7, 2**63 + 1], [*range(20), 2**64 - 1], []):
        assert doccache.column_in(column, wanted).tolist() == numpy.isin(column, wanted).tolist()


def _gapped_by_scan(doc: Doc) -> set[int]:
    out: set[int] = set()
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        for subject in verb.children:
            if subject.dep_ != "conj" or subject.pos_ not in gapping.NOUNS or subject.i < verb.i:
                continue
            joined = any(
                t.lower_ in gapping.CLAUSE_JOINERS and t.head.i == verb.i
                for t in doc[verb.i : subject.left_edge.i]
            )
            if joined:
                for c in verb.children:
                    if c.dep_ in gapping.REMNANT_DEPS and c.i > subject.i:
                        out.update(t.i for t in c.subtree)
                out.update(t.i for t in subject.subtree)
    return out


def test_gapped_tokens_match_a_scan(docs: list[Doc]) -> None:
    for doc in docs:
        assert gapping.gapped_tokens(doc) == _gapped_by_scan(doc)
    assert gapping.gapped_tokens(docs[0])  # the gapped clause of the first sentence is found


def test_hyphen_neighbours_cover_every_hyphenated_name(docs: list[Doc]) -> None:
    for doc in docs:
        scan = [t.i for t in doc if t.pos_ == "PROPN" and _hyphenated(t)]
        assert [i for i in _hyphen_neighbours(doc) if _hyphenated(doc[i])] == scan


def test_heading_tokens_read_only_colons(docs: list[Doc]) -> None:
    assert heading_tokens(docs[2])  # "READ MORE:" opens a heading
    assert not heading_tokens(docs[1]) and not heading_tokens(docs[5])


def _starts_by_scan(text: str, cols: numpy.ndarray) -> list[int]:
    starts = [0] * len(cols)
    starts[0] = 1
    for i in range(1, len(cols)):
        if cols[i, 2]:
            continue
        prev_end = int(cols[i - 1, 0] + cols[i - 1, 1])
        if "\n" in text[int(cols[i - 1, 0]) : int(cols[i, 0])]:
            starts[i] = 1
        elif not cols[i - 1, 2] and text[prev_end - 1] not in FINAL:
            starts[i] = -1
    return starts


@pytest.mark.parametrize(
    "text",
    [
        "Talks resume\nThe envoys met on Tuesday. They agreed",
        "  \n\n  A headline\n\nThe first paragraph ends here -\nand the next one",
        "“We disagree” she said\r\nLater that day: nothing",
        "Zürich 🙂 hosts the talks\u2028again.\n\n\nEnd",
        "One line only, with no break at all",
    ],
)
def test_paragraph_starts_match_a_scan(text: str) -> None:
    doc = spacy.blank("en")(text)
    cols = doc.to_array([IDX, LENGTH, IS_SPACE])
    assert sentence_starts(doc.text, cols).tolist() == _starts_by_scan(doc.text, cols)


def test_plain_values_match_records_to_plain() -> None:
    span = Span(3, 9, "Israel")
    records = [
        ActorMention(span=span, actor_id="ISR", kind="state", form="Israel", method="name"),
        Person(name="Ann Berg", mentions=(span, Span(20, 24, "Berg")), role="envoy", gender="female"),
        Quote(content=(span,), kind="direct", speaker=None, speaker_name=None, stance=(("ISR", -0.5),)),
        Event(
            source="ISR",
            target="EGY",
            type="CONSULT",
            quad_class="verbal_coop",
            intensity=1.0,
            status="asserted",
            trigger=span,
            evidence=span,
            date=EventDate("2017-03-01", "day"),
        ),
    ]
    for record in records:
        assert json.dumps(ext.plain_value(record)) == json.dumps(to_plain(record))  # keys in order too
    mixed = [span, (1, 2.5, None, True), date(2017, 3, 1), Event]  # a date; a class stays a class
    assert ext.plain_value(mixed) == to_plain(mixed)


def test_stored_records_survive_pickling(nlp: Language) -> None:
    doc = nlp(
        pipeline.make_doc(nlp, "Israel's prime minister met Egypt's president in Cairo.", date(2017, 3, 1))
    )
    back = pickle.loads(pickle.dumps(doc))
    for read in (ext.mentions, ext.people, ext.quotes, ext.events):
        assert read(back) == read(doc)


def test_pronoun_actors_only_read_referring_pronouns(docs: list[Doc]) -> None:
    for doc in docs:
        index = ActorIndex(doc)
        found = referents.pronoun_actors(doc, index.by_token, index.people)
        referring = set(
            doccache.tokens_pos_in(doc, ("PRON",), referents.PERSONAL | referents.FIRST | referents.NEUTER)
        )
        assert set(found) <= referring - set(index.by_token)


def test_extension_values_read_as_spacy_reads_them(nlp: Language) -> None:
    doc = pipeline.make_doc(nlp, "Egypt and Israel met.", date(2017, 3, 1))
    for name in ext.DOC_EXTENSIONS:
        assert ext._value(doc, name) == doc._.get(name)
    assert ext.published(doc) == date(2017, 3, 1) and not ext.has(doc, "entente_people")
    doc._.set("entente_people", [])
    assert ext._value(doc, "entente_people") is doc._.get("entente_people")  # spaCy's own key
    assert ext.has(doc, "entente_people") and ext.people(doc) == ()
    doc._.entente_people = [{"name": "Ann Berg", "mentions": [{"start": 0, "end": 5, "text": "Egypt"}]}]
    assert [p.name for p in ext.people(doc)] == ["Ann Berg"]  # a new value is read again


def _singles_by_scan(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    opened: int | None = None
    for i in range(start, end):
        ch, before = text[i], text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if opened is None and ch in "‘'" and (before.isspace() or before in '(“"—') and after.isalnum():
            opened = i
        elif opened is not None and ch in "’'" and not after.isalnum() and i - opened > 2:
            found.append((opened, i + 1))
            opened = None
    return found


@pytest.mark.parametrize(
    "text",
    [
        "The envoy called it 'a fair deal' and ‘a start’, then left.",
        "'Tis odd: 'a' ‘’ ‘ab’ and 'abc' are short; don't count them'",
        "“We said ‘we won’t go’ today,” she added.",
        "No single marks here at all.",
        "'",
    ],
)
def test_single_marks_match_a_scan(text: str) -> None:
    assert marks._singles(text, 0, len(text)) == _singles_by_scan(text, 0, len(text))
    assert marks._singles(text, 1, len(text) - 1) == _singles_by_scan(text, 1, len(text) - 1)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Russia and Iran signed a deal. The two countries will now trade more.", ["IRN", "RUS"]),
        ("Russia and Iran signed a deal. Both sides hailed it.", ["IRN", "RUS"]),
        ("Russia and Iran signed a deal. The countries will now trade more.", []),  # not counted as two
        ("Russia signed a deal. The two countries will now trade more.", []),  # one state named
    ],
)
def test_pair_nouns_found_on_the_arrays(nlp: Language, text: str, pair: list[str]) -> None:
    doc = nlp(pipeline.make_doc(nlp, text, date(2017, 3, 1)))
    index = ActorIndex(doc)
    found = [sorted(index.both(t)) for t in doc if index.both(t)]
    assert found == ([pair] if pair else [])
