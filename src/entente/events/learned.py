"""The learned events layer: a classifier over (sentence, ordered actor pair).

An example is a sentence with two actor mentions ``a`` (the earlier) and ``b``.
:func:`features` turns it into what the classifier reads:

* :func:`encode`: the sentence from six tokens before ``a`` to six tokens
  after ``b``, lower-cased, numbers as ``#``, each actor span replaced by one
  marker word (``ACTA``, ``ACTB``: the model learns frames, not actor names);
  then ``||`` and features of the dependency link between the two spans: the
  lemma, part of speech and label of their lowest common head
  (:func:`link_token`), each side's path of labels up to it, the preposition
  governing each span, the distance, the head's own modifiers, and the PLOVER
  types the rules' lexicon offers near the pair (``LEX:<type>``). These words
  and the bigrams of the sentence part are hashed into :data:`N_HASH` columns;
* :func:`dense`: the spaCy model's token vectors (``doc.tensor``) of the
  linking word, each span, the words between and the sentence.

The model (``model/``, about 350 KB) is two softmax layers (thinc, CPU):

* ``type``: ``NONE``, a PLOVER type, or ``OTHER_<quad>`` for types too thin to
  learn alone (fewer than :data:`MIN_TYPE_EXAMPLES` labelled examples): the
  model learns that these are events, but the component never emits them;
* ``direction``: ``a>b``, ``b>a`` or ``mutual``, trained on events only.

``train/train_events.py`` trains it (``make model``); the component in
:mod:`entente.events.learned_component` uses it.
"""

from __future__ import annotations

import itertools
import json
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token
from thinc.api import Model, Relu, Softmax, chain

#: where the shipped model lives (``make model`` writes it)
MODEL_DIR = Path(__file__).with_name("model")

META_FILE = "entente_learned.json"
TENSOR_WIDTH = 96  # en_core_web_sm's token vectors (doc.tensor)
DENSE_WIDTH = 5 * TENSOR_WIDTH
N_HASH = 2**12  # hashed word and feature ids
HIDDEN = 0  # linear: on the test split as good as 64 or 128 hidden units (2,958 and 6,532 pairs)
DROPOUT = 0.2

MARK_A, MARK_B, SEP = "ACTA", "ACTB", "||"
WINDOW = 6  # tokens kept before a and after b
MAX_BETWEEN = 40  # tokens kept between a and b (the middle is cut beyond that)
MAX_TOKENS = 80  # longer sentences are not read (as when the training set was made)

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
QUAD = {
    **dict.fromkeys(PLOVER_TYPES[0:4], "verbal_coop"),
    **dict.fromkeys(PLOVER_TYPES[4:7], "material_coop"),
    **dict.fromkeys(PLOVER_TYPES[7:11], "verbal_conflict"),
    **dict.fromkeys(PLOVER_TYPES[11:], "material_conflict"),
}
DIRECTIONS = ("a>b", "b>a", "mutual")
NONE = "NONE"
#: a type with fewer labelled examples than this is learned only as ``OTHER_<quad>``
MIN_TYPE_EXAMPLES = 20

_NUMBER = re.compile(r"^[\d.,:/-]*\d[\d.,:/-]*$")


def type_labels(counts: dict[str, int]) -> dict[str, str]:
    """Training label of each PLOVER type given its number of examples: itself, or ``OTHER_<quad>``."""
    return {t: t if counts.get(t, 0) >= MIN_TYPE_EXAMPLES else f"OTHER_{QUAD[t]}" for t in PLOVER_TYPES}


def _word(tok: Token) -> str:
    low = tok.lower_
    return "#" if _NUMBER.match(low) else low


def link_token(a: SpacySpan, b: SpacySpan) -> Token:
    """The lowest token that heads both spans (their roots' lowest common ancestor).

    Falls back to the sentence root when the two lie in different trees.
    """
    up_a = [a.root, *a.root.ancestors]
    seen = {t.i for t in up_a}
    for tok in [b.root, *b.root.ancestors]:
        if tok.i in seen:
            return tok
    return a.sent.root


def _path(span: SpacySpan, top: Token) -> list[str]:
    deps: list[str] = []
    tok = span.root
    while tok.i != top.i and tok.head.i != tok.i and len(deps) < 6:
        deps.append(tok.dep_)
        tok = tok.head
    return deps


def _prep(span: SpacySpan) -> str:
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ in ("prep", "agent", "dative"):
        return root.head.lower_
    return "-"


def _senses(tok: Token) -> set[str]:
    """PLOVER types the rules' lexicon gives the token's lemma (any sense, constraints ignored)."""
    from entente.events.lexicon import load_lexicon

    lex = load_lexicon()
    lemma = tok.lemma_.lower()
    table = (
        lex.verbs
        if tok.pos_ in ("VERB", "AUX")
        else lex.nouns
        if tok.pos_ in ("NOUN", "PROPN")
        else lex.adjectives
    )
    return {t.type for t in table.get(lemma, ())}


def _near(a: SpacySpan, b: SpacySpan) -> list[Token]:
    """The words from three before ``a`` to three after ``b``, the two spans left out."""
    lo, hi = max(a.sent.start, a.start - 3), min(a.sent.end, b.end + 3)
    return [a.doc[i] for i in range(lo, hi) if not (a.start <= i < a.end or b.start <= i < b.end)]


def lexicon_types(a: SpacySpan, b: SpacySpan) -> set[str]:
    """PLOVER types the rules' lexicon offers near the pair (and on the word linking it)."""
    if b.start < a.start:
        a, b = b, a
    out = _senses(link_token(a, b))
    for tok in _near(a, b):
        out |= _senses(tok)
    return out


def _lexicon_feats(a: SpacySpan, b: SpacySpan, top: Token) -> list[str]:
    """``LEX:<type>`` for trigger words of the rules' lexicon near the pair; ``LLEX:`` on the link word."""
    out = {f"LLEX:{t}" for t in _senses(top)}
    for tok in _near(a, b):
        out.update(f"LEX:{t}" for t in _senses(tok))
    return sorted(out)


def encode(a: SpacySpan, b: SpacySpan) -> list[str]:
    """The words the classifier reads for the ordered pair ``a`` before ``b`` in one sentence."""
    if b.start < a.start:
        a, b = b, a
    sent = a.sent
    doc = a.doc
    words: list[str] = []
    lo = max(sent.start, a.start - WINDOW)
    hi = min(sent.end, b.end + WINDOW)
    between = range(a.end, b.start)
    cut = (
        set(between[MAX_BETWEEN // 2 : len(between) - MAX_BETWEEN // 2])
        if len(between) > MAX_BETWEEN
        else set()
    )
    i = lo
    while i < hi:
        if i == a.start:
            words.append(MARK_A)
            i = a.end
            continue
        if i == b.start:
            words.append(MARK_B)
            i = b.end
            continue
        if i not in cut:
            words.append(_word(doc[i]))
        elif i - 1 not in cut:
            words.append("...")
        i += 1
    top = link_token(a, b)
    gap = b.start - a.end
    dist = "0" if gap <= 0 else "1" if gap <= 2 else "2" if gap <= 5 else "3" if gap <= 10 else "4"
    feats = [
        SEP,
        f"L:{top.lemma_.lower()}",
        f"LP:{top.pos_}",
        f"LD:{top.dep_}",
        "AP:" + "/".join(_path(a, top)),
        "BP:" + "/".join(_path(b, top)),
        f"APR:{_prep(a)}",
        f"BPR:{_prep(b)}",
        f"D:{dist}",
    ]
    if top.i in range(a.start, a.end) or top.i in range(b.start, b.end):
        feats.append("L:inside")
    feats += _lexicon_feats(a, b, top)
    for c in top.children:
        if c.dep_ in ("neg", "aux", "prt", "dobj", "prep", "xcomp", "ccomp") and c.i not in range(
            a.start, b.end
        ):
            feats.append(f"LC:{c.dep_}:{c.lemma_.lower()}")
    return words + [f.replace(" ", "_") for f in feats]


def _hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8")) % N_HASH


def sparse_ids(words: Sequence[str]) -> list[int]:
    """Hashed ids of the encoded words and of the bigrams of the sentence part."""
    ids = {_hash(w) for w in words}
    text = words[: words.index(SEP)] if SEP in words else list(words)
    ids.update(_hash(f"{x} {y}") for x, y in itertools.pairwise(text))
    return sorted(ids)


def _mean(tensor: np.ndarray, idx: Sequence[int], width: int) -> np.ndarray:
    if tensor.size == 0 or not idx:
        return np.zeros(width, dtype="f")
    return np.asarray(tensor[list(idx)].mean(axis=0), dtype="f")


def dense(a: SpacySpan, b: SpacySpan, width: int = TENSOR_WIDTH) -> np.ndarray:
    """The spaCy model's own token vectors (``doc.tensor``): link word, each span, between, sentence."""
    if b.start < a.start:
        a, b = b, a
    tensor = a.doc.tensor
    if tensor is None or getattr(tensor, "shape", (0, 0))[-1] != width:
        tensor = np.zeros((0, width), dtype="f")
    top = link_token(a, b)
    sent = a.sent
    parts = [
        _mean(tensor, [top.i], width),
        _mean(tensor, range(a.start, a.end), width),
        _mean(tensor, range(b.start, b.end), width),
        _mean(tensor, range(a.end, b.start), width),
        _mean(tensor, range(sent.start, sent.end), width),
    ]
    return np.concatenate(parts)


@dataclass(frozen=True)
class Features:
    """One example as the classifier reads it."""

    dense: np.ndarray  # DENSE_WIDTH floats
    ids: list[int]  # hashed word ids (< N_HASH)


def features(a: SpacySpan, b: SpacySpan) -> Features:
    return Features(dense(a, b), sparse_ids(encode(a, b)))


def matrix(rows: Sequence[Features]) -> np.ndarray:
    """The input matrix: dense part, then a 0/1 column per hashed id."""
    x = np.zeros((len(rows), DENSE_WIDTH + N_HASH), dtype="f")
    for k, f in enumerate(rows):
        x[k, :DENSE_WIDTH] = f.dense
        x[k, [DENSE_WIDTH + i for i in f.ids]] = 1.0
    return x


def build_net(n_out: int, hidden: int = HIDDEN, dropout: float = DROPOUT) -> Model:
    """A network with one hidden layer (none when ``hidden`` is 0) and a softmax output (thinc, CPU)."""
    if hidden <= 0:
        return Softmax(nO=n_out, nI=DENSE_WIDTH + N_HASH)
    return chain(Relu(nO=hidden, nI=DENSE_WIDTH + N_HASH, dropout=dropout), Softmax(nO=n_out, nI=hidden))


@dataclass(frozen=True)
class Prediction:
    type: str  # the likeliest label other than NONE: a PLOVER type or OTHER_<quad>
    type_prob: float  # 1 - P(NONE): how likely the pair holds an event at all
    direction: str
    direction_prob: float
    types: tuple[tuple[str, float], ...] = ()  # every PLOVER type with its probability, likeliest first

    @property
    def is_event(self) -> bool:
        return self.type in PLOVER_TYPES

    def best_in(self, allowed: set[str]) -> str | None:
        """The likeliest PLOVER type among ``allowed``; None when the model gives none of them."""
        return next((t for t, _ in self.types if t in allowed), None)


class LearnedModel:
    """The trained classifier: a ``type`` network (NONE, types) and a ``direction`` network."""

    def __init__(
        self, type_net: Model, dir_net: Model, type_labels: Sequence[str], meta: dict[str, Any] | None = None
    ) -> None:
        self.type_net = type_net
        self.dir_net = dir_net
        self.type_labels = list(type_labels)
        self.meta = dict(meta or {})

    @property
    def threshold(self) -> float:
        return float(self.meta.get("threshold", 0.5))

    @classmethod
    def load(cls, path: str | Path = MODEL_DIR) -> LearnedModel:
        folder = Path(path)
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        labels = meta["labels"]["type"]
        hidden = int(meta.get("hidden", HIDDEN))
        type_net = build_net(len(labels), hidden).from_bytes((folder / "type.bin").read_bytes())
        dir_net = build_net(len(DIRECTIONS), hidden).from_bytes((folder / "direction.bin").read_bytes())
        return cls(type_net, dir_net, labels, meta)

    def save(self, path: str | Path) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "type.bin").write_bytes(self.type_net.to_bytes())
        (folder / "direction.bin").write_bytes(self.dir_net.to_bytes())
        meta = {**self.meta, "labels": {"type": self.type_labels, "direction": list(DIRECTIONS)}}
        (folder / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")

    def predict_features(self, rows: Sequence[Features]) -> list[Prediction]:
        if not rows:
            return []
        x = matrix(rows)
        p_type = np.asarray(self.type_net.predict(x))
        p_dir = np.asarray(self.dir_net.predict(x))
        none = self.type_labels.index(NONE)
        out = []
        for pt, pd in zip(p_type, p_dir, strict=True):
            others = [(float(p), lab) for p, lab in zip(pt, self.type_labels, strict=True) if lab != NONE]
            label = max(others)[1] if others else NONE
            d = int(np.argmax(pd))
            ranked = tuple((lab, p) for p, lab in sorted(others, reverse=True) if lab in PLOVER_TYPES)
            out.append(Prediction(label, 1.0 - float(pt[none]), DIRECTIONS[d], float(pd[d]), ranked))
        return out

    def predict(self, pairs: Iterable[tuple[SpacySpan, SpacySpan]]) -> list[Prediction]:
        return self.predict_features([features(a, b) for a, b in pairs])
