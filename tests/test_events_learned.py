"""The learned events layer (issue 13): encoding, the component, plain Doc values, training."""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from entente import pipeline
from entente.events.learned import (
    DENSE_WIDTH,
    MARK_A,
    MARK_B,
    MODEL_DIR,
    N_HASH,
    PLOVER_TYPES,
    SEP,
    LearnedModel,
    Prediction,
    encode,
    features,
    lexicon_types,
    link_token,
    type_labels,
)
from entente.events.learned_component import actor_spans, sentence_pairs
from entente.nlp import extensions as ext
from entente.records import Event, from_plain

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "Russia accused Ukraine of shelling the nuclear plant on Monday.\n\n"
    "Iran and China held talks in Beijing.\n\n"
    "The United States slapped new tariffs on Chinese steel, a move that angered Beijing.\n\n"
    "Germany and France, along with Italy, criticised Turkey for its offensive in Syria."
)


@pytest.fixture(scope="module")
def parser() -> Language:
    return spacy.load(pipeline.find_model(), exclude=["ner"])


def _spans(doc: Doc, a: str, b: str) -> tuple[spacy.tokens.Span, spacy.tokens.Span]:
    i, j = doc.text.index(a), doc.text.index(b)
    sa = doc.char_span(i, i + len(a))
    sb = doc.char_span(j, j + len(b))
    assert sa is not None and sb is not None
    return sa, sb


# ------------------------------------------------------------------ the encoding


def test_encoding_marks_the_two_actors_and_reads_the_link(parser: Language) -> None:
    doc = parser("Russia accused Ukraine of shelling the nuclear plant.")
    a, b = _spans(doc, "Russia", "Ukraine")
    words = encode(a, b)
    sentence = words[: words.index(SEP)]
    assert sentence[:3] == [MARK_A, "accused", MARK_B]
    assert "russia" not in sentence and "ukraine" not in sentence  # frames, not names
    assert link_token(a, b).text == "accused"
    assert "L:accuse" in words and "AP:nsubj" in words and "BP:dobj" in words
    assert "LLEX:ACCUSE" in words  # the rules' lexicon as a feature
    assert encode(b, a) == words  # the earlier span is always a


def test_encoding_of_a_multiword_actor_and_a_preposition(parser: Language) -> None:
    doc = parser("The United States imposed sanctions on North Korea after the 2017 test.")
    a, b = _spans(doc, "The United States", "North Korea")
    words = encode(a, b)
    assert words.count(MARK_A) == 1 and words.count(MARK_B) == 1
    assert "BPR:on" in words
    assert "#" in words  # numbers are one word


def test_encoding_cuts_a_long_middle(parser: Language) -> None:
    middle = " ".join(["and then the minister spoke"] * 12)
    doc = parser(f"Japan said {middle} about Korea.")
    a, b = _spans(doc, "Japan", "Korea")
    sentence = encode(a, b)
    sentence = sentence[: sentence.index(SEP)]
    assert "..." in sentence and len(sentence) < 50


def test_features_have_fixed_widths(parser: Language) -> None:
    doc = parser("Iran and China held talks in Beijing.")
    f = features(*_spans(doc, "Iran", "China"))
    assert f.dense.shape == (DENSE_WIDTH,)
    assert f.ids and all(0 <= i < N_HASH for i in f.ids)


def test_the_gate_keeps_types_the_lexicon_offers_near_the_pair(parser: Language) -> None:
    doc = parser("Russia accused Ukraine of shelling the nuclear plant.")
    offered = lexicon_types(*_spans(doc, "Russia", "Ukraine"))
    assert "ACCUSE" in offered and "AGREE" not in offered
    pred = Prediction("CONSULT", 0.9, "a>b", 0.8, (("CONSULT", 0.5), ("ACCUSE", 0.3), ("AGREE", 0.1)))
    assert pred.best_in(offered) == "ACCUSE"
    assert pred.best_in({"SANCTION"}) is None


def test_thin_types_are_learned_as_their_quad_class() -> None:
    labels = type_labels({"ACCUSE": 140, "THREATEN": 15})
    assert labels["ACCUSE"] == "ACCUSE"
    assert labels["THREATEN"] == "OTHER_verbal_conflict"
    assert labels["PROTEST"] == "OTHER_material_conflict"


# ------------------------------------------------------------------ the component


@pytest.fixture(scope="module")
def rules() -> Language:
    return pipeline.build()


@pytest.fixture(scope="module")
def alone() -> Language:
    nlp = pipeline.build()
    nlp.add_pipe("entente_events_learned", after="entente_events", config={"mode": "alone", "threshold": 0.0})
    return nlp


def test_off_by_default_and_added_after_the_rules(rules: Language) -> None:
    assert "entente_events_learned" not in rules.pipe_names
    with_layer = pipeline.build(learned=True)
    names = with_layer.pipe_names
    assert names.index("entente_events_learned") == names.index("entente_events") + 1
    # the rules' events come first, as the rules gave them (other sentences may be added)
    plain = ext.events(rules(TEXT))
    layered = ext.events(with_layer(TEXT))
    assert [(e.source, e.target, e.type) for e in layered[: len(plain)]] == [
        (e.source, e.target, e.type) for e in plain
    ]


def test_the_shipped_model_is_small() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir())
    assert size < 5_000_000
    meta = json.loads((MODEL_DIR / "entente_learned.json").read_text(encoding="utf-8"))
    assert 0.0 < meta["threshold"] < 1.0 and "NONE" in meta["labels"]["type"]


def test_the_model_alone_gives_events_whose_spans_slice_the_text(alone: Language) -> None:
    doc = alone(TEXT)
    events = ext.events(doc)
    assert events
    for ev in events:
        assert ev.type in PLOVER_TYPES and ev.source != ev.target
        assert doc.text[ev.evidence.start : ev.evidence.end] == ev.evidence.text
        assert doc.text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        assert ev.evidence.start <= ev.trigger.start < ev.evidence.end
        assert ev.status in ("asserted", "attributed", "hypothetical", "negated")


def test_fill_mode_leaves_pairs_the_rules_coded(rules: Language) -> None:
    nlp = pipeline.build()
    nlp.add_pipe("entente_events_learned", after="entente_events", config={"threshold": 0.0})
    doc_rules, doc_both = rules(TEXT), nlp(TEXT)
    before = ext.events(doc_rules)
    after = ext.events(doc_both)
    key = lambda e: (e.source, e.target, e.type, e.status, e.evidence)  # noqa: E731
    assert [key(e) for e in after[: len(before)]] == [key(e) for e in before]  # the rules' events first
    for ev in after[len(before) :]:
        for old in before:
            same_sentence = old.evidence.start == ev.evidence.start
            assert not (same_sentence and {old.source, old.target} == {ev.source, ev.target})


def test_candidate_pairs_are_first_mentions_in_order(rules: Language) -> None:
    doc = rules(TEXT)
    spans = actor_spans(doc)
    pairs = sentence_pairs(doc, spans)
    assert pairs
    for _, sent, (a_id, a), (b_id, b) in pairs:
        assert a_id != b_id and a.end <= b.start
        assert sent.start <= a.start and b.end <= sent.end


def test_doc_values_stay_plain_data(alone: Language) -> None:
    doc = alone(TEXT)
    plain = doc._.entente_events
    json.dumps(plain)  # plain values only
    again = pickle.loads(pickle.dumps(doc))
    assert again._.entente_events == plain
    restored = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert restored._.entente_events == plain
    assert [from_plain(Event, e) for e in plain] == list(ext.events(doc))


def test_it_needs_the_rules_before_it() -> None:
    from entente.errors import EntenteError

    nlp = pipeline.build(components=("entente_actors", "entente_people", "entente_quotes"))
    nlp.add_pipe("entente_events_learned")
    with pytest.raises(EntenteError, match="entente_events"):
        nlp("Russia accused Ukraine of lying.")


def test_a_bad_mode_is_refused() -> None:
    nlp = spacy.blank("en")
    import entente.events.learned_component  # noqa: F401  (registers the factory)

    with pytest.raises(ValueError, match="mode"):
        nlp.add_pipe("entente_events_learned", config={"mode": "sometimes"})


# ------------------------------------------------------------------ training


def test_training_runs_end_to_end_on_a_tiny_set(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from train.train_events import main

    frames = [
        ("{a} accused {b} of lying.", "ACCUSE", "a>b"),
        ("{a} met {b} in Geneva.", "CONSULT", "mutual"),
        ("{a} and {b} are both in Europe.", "NONE", None),
        ("{a} was attacked by {b}.", "ASSAULT", "b>a"),
    ]
    names = [
        ("Russia", "Ukraine"),
        ("France", "Germany"),
        ("Japan", "China"),
        ("Iran", "Iraq"),
        ("Chile", "Peru"),
    ]
    rows = []
    for k, (x, y) in enumerate(names * 2):
        for frame, label, direction in frames:
            sentence = frame.format(a=x, b=y)
            i, j = sentence.index(x), sentence.index(y)
            rows.append(
                {
                    "doc": f"synthetic:{k}",
                    "sentence": sentence,
                    "a_rel": [i, i + len(x)],
                    "b_rel": [j, j + len(y)],
                    "label": label,
                    "direction": direction,
                    "status": None if label == "NONE" else "asserted",
                }
            )
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "model"
    assert main(["--rows", str(path), "--out", str(out), "--epochs", "3"]) == 0
    model = LearnedModel.load(out)
    meta = json.loads((out / "entente_learned.json").read_text(encoding="utf-8"))
    assert meta["split"]["test"] > 0 and meta["seconds"]["train"] < 30
    nlp = spacy.load(pipeline.find_model(), exclude=["ner"])
    doc = nlp("Peru accused Chile of lying.")
    (pred,) = model.predict([_spans(doc, "Peru", "Chile")])
    # 10 examples a type: too thin, so every type is learned as its quad class
    assert pred.type.startswith("OTHER_") and 0.0 <= pred.type_prob <= 1.0
    assert meta["collapsed"]["ACCUSE"] == "OTHER_verbal_conflict"


def test_an_article_keeps_its_split_part_when_more_are_labelled() -> None:
    sys.path.insert(0, str(ROOT))
    from train.train_events import split_articles

    first = [f"newsarticles:{i}" for i in range(300)]
    before = split_articles(first)
    after = split_articles(first + [f"newsarticles:{i}" for i in range(300, 900)])
    assert all(after[a] == part for a, part in before.items())
    shares = {p: sum(1 for v in after.values() if v == p) / len(after) for p in ("train", "val", "test")}
    assert 0.14 < shares["test"] < 0.26 and 0.05 < shares["val"] < 0.15


@pytest.mark.parametrize("arch", ["bow", "cnn", "ensemble"])
def test_each_textcat_baseline_architecture_learns_a_toy_frame(arch: str) -> None:
    """``train/textcat_baseline.py``'s configs build a textcat that learns two frames apart."""
    sys.path.insert(0, str(ROOT))
    from spacy.tokens import Doc
    from spacy.training import Example
    from thinc.api import fix_random_seed
    from train.textcat_baseline import architecture

    fix_random_seed(1)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": architecture(arch, 2**10)})
    for lab in ("ACCUSE", "NONE"):
        textcat.add_label(lab)
    frames = {"ACCUSE": "ACTA accused ACTB of lying", "NONE": "ACTA and ACTB are in Europe"}
    examples = []
    for gold, text in frames.items():
        cats = {lab: float(lab == gold) for lab in frames}
        examples.append(Example.from_dict(Doc(nlp.vocab, words=text.split()), {"cats": cats}))
    opt = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=opt)
    for gold, text in frames.items():
        cats = nlp(Doc(nlp.vocab, words=text.split())).cats
        assert max(cats, key=cats.__getitem__) == gold
