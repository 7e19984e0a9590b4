"""spaCy's own text classifier on the labelled pairs, against the shipped linear model (issue 13).

    .venv/bin/python train/textcat_baseline.py [--arch bow|cnn|ensemble] [--input full|window]
                                               [--epochs 8] [--length 262144] [--seed 13]

Same rows, same article split (``train_events.split_articles``), same scorer
(``train_events.score``) and same decision as the shipped model (the best event type,
emitted when 1 - P(NONE) reaches a threshold picked on the validation split), so the
test figures compare with ``model/entente_learned.json``. What differs is the model:
a ``textcat`` component of a blank English pipeline, with its own embedding, reading
the words :func:`entente.events.learned.encode` gives for the pair:

* ``--input full``: the sentence window with ``ACTA``/``ACTB`` in place of the actors,
  then ``||`` and the dependency-link words;
* ``--input window``: the sentence window only (a model that reads the sentence
  itself and must find the link on its own);
* ``--arch``: ``bow`` (``TextCatBOW``, unigrams and bigrams), ``cnn`` (``TextCatCNN``
  over a ``HashEmbedCNN`` tok2vec trained here) or ``ensemble`` (both).

Nothing here is shipped: ``docs/events.md`` ("The learned layer") gives what it found.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

THRESHOLDS = tuple(x / 100 for x in range(10, 95, 5))
BATCH = 16


def architecture(arch: str, length: int) -> dict[str, Any]:
    """The ``textcat`` model config for ``arch`` (registered spaCy architectures, exclusive classes)."""
    bow = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": length,
    }
    tok2vec = {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": None,
        "width": 96,
        "depth": 4,
        "embed_size": 2000,
        "window_size": 1,
        "maxout_pieces": 3,
        "subword_features": True,
    }
    if arch == "bow":
        return bow
    if arch == "cnn":
        cnn = {"@architectures": "spacy.TextCatCNN.v2", "exclusive_classes": True, "nO": None}
        return {**cnn, "tok2vec": tok2vec}
    return {"@architectures": "spacy.TextCatEnsemble.v2", "nO": None, "linear_model": bow, "tok2vec": tok2vec}


def pair_words(rows: list[dict[str, Any]], full: bool) -> list[list[str]]:
    """:func:`encode`'s words for each row, each sentence parsed alone as in ``train_events``."""
    from train.train_events import pair_spans

    from entente.events.learned import SEP, encode

    out = []
    for a, b in pair_spans(rows):
        words = encode(a, b)
        out.append(words if full or SEP not in words else words[: words.index(SEP)])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--arch", choices=("bow", "cnn", "ensemble"), default="bow")
    ap.add_argument("--input", choices=("full", "window"), default="full")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--length", type=int, default=2**18, help="hashed n-gram rows of the bag of words")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)

    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example
    from thinc.api import fix_random_seed
    from train.check_pairs import load_pairs
    from train.train_events import SEED, score, split_articles

    from entente.events.learned import NONE, type_labels

    fix_random_seed(args.seed)
    start = time.perf_counter()
    rows = list(load_pairs())
    words = pair_words(rows, args.input == "full")
    counts = Counter(r["label"] for r in rows if r["label"] != NONE)
    label_of = type_labels(counts)
    labels = sorted({NONE, *(label_of[t] for t in counts)})
    split = split_articles([r["doc"] for r in rows], SEED)
    parts: dict[str, list[int]] = {"train": [], "val": [], "test": []}
    for k, r in enumerate(rows):
        parts[split[r["doc"]]].append(k)

    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": architecture(args.arch, args.length)})
    for lab in labels:
        textcat.add_label(lab)

    def gold(k: int) -> str:
        return label_of[rows[k]["label"]] if rows[k]["label"] != NONE else NONE

    def example(k: int) -> Example:
        cats = {lab: float(lab == gold(k)) for lab in labels}
        return Example.from_dict(Doc(nlp.vocab, words=words[k]), {"cats": cats})

    examples = {k: example(k) for k in parts["train"]}
    opt = nlp.initialize(lambda: list(examples.values()))

    def predict(idx: list[int]) -> list[tuple[str, float, str]]:
        out = []
        for k, doc in zip(idx, nlp.pipe(Doc(nlp.vocab, words=words[k]) for k in idx), strict=True):
            events = {lab: p for lab, p in doc.cats.items() if lab != NONE}
            # the direction is not learned here: the gold one, so only the type is compared
            out.append((max(events, key=events.__getitem__), 1.0 - doc.cats[NONE], rows[k]["direction"]))
        return out

    rng = random.Random(args.seed)
    events = [k for k in parts["train"] if rows[k]["label"] != NONE]
    nones = [k for k in parts["train"] if rows[k]["label"] == NONE]
    val_rows = [rows[k] for k in parts["val"]]
    best: tuple[float, int, float, bytes] | None = None
    for epoch in range(1, args.epochs + 1):
        order = events + [k for k in nones if rng.random() < 0.5]  # as train_events: half the NONE pairs
        rng.shuffle(order)
        losses: dict[str, float] = {}
        for i in range(0, len(order), BATCH):
            nlp.update([examples[k] for k in order[i : i + BATCH]], sgd=opt, losses=losses, drop=0.2)
        preds = predict(parts["val"])
        for thr in THRESHOLDS:
            f1 = score(val_rows, preds, label_of, thr)["type"]["f1"]
            if best is None or f1 > best[0]:
                best = (f1, epoch, thr, nlp.to_bytes())
        assert best is not None
        loss = losses["textcat"]
        print(f"epoch {epoch:2d}  loss {loss:7.1f}  val type F1 {best[0]:.3f} (epoch {best[1]}, {best[2]})")
    assert best is not None
    nlp.from_bytes(best[3])
    test = score([rows[k] for k in parts["test"]], predict(parts["test"]), label_of, best[2])
    print(f"{args.arch}/{args.input}: test split, {test['type']['n']} events, threshold {best[2]}")
    for key in ("detection", "type"):
        v = test[key]
        print(f"  {key:10} P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f1']:.3f}")
    print(f"  {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
