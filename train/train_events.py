"""Train the learned events layer (issue 13) on ``event_pairs.jsonl``; ``make model`` runs it.

    .venv/bin/python train/train_events.py                  # train, report, write src/entente/events/model/
    .venv/bin/python train/train_events.py --out /tmp/m     # elsewhere
    .venv/bin/python train/train_events.py --rows ex.jsonl  # rows that carry their own "sentence" (tests)

Reproducible: fixed seeds. The ARTICLES (not the pairs) are split, by a hash of
the article id (stable when articles are added): 20 % test,
10 % validation (picks the epoch and the threshold), 70 % train; the shipped
model is the one trained on the train split, so the test figures printed (and
written to ``model/entente_learned.json``) are those of the shipped model.

Each sentence is parsed alone with the English spaCy model (no sentence split
inside it), the pair is turned into :func:`entente.events.learned.features`,
and two small networks are trained (thinc, CPU): ``type`` (NONE, the PLOVER
types, OTHER_<quad>) and ``direction`` (on events only).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # ``train.check_pairs`` when run as a script

SEED = 13
EPOCHS = 30
BATCH = 16
LEARN_RATE = 0.001
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
TEST_SHARE, VAL_SHARE = 0.2, 0.1
NONE_KEEP = 0.5  # share of the NONE examples each epoch sees (NONE is 72 % of the set)


def split_articles(docs: Sequence[str], seed: int = SEED) -> dict[str, str]:
    """``article id -> train | val | test``, from a hash of the id alone.

    Each article keeps its part when more articles are labelled (a shuffle of
    all ids would move old test articles into training). ``seed`` salts the hash.
    """
    out = {}
    for i in sorted(set(docs)):
        bucket = zlib.crc32(f"{seed}:{i}".encode()) % 100
        out[i] = (
            "test"
            if bucket < TEST_SHARE * 100
            else "val"
            if bucket < (TEST_SHARE + VAL_SHARE) * 100
            else "train"
        )
    return out


def pair_spans(rows: Sequence[dict[str, Any]], model: str | None = None) -> list[tuple[Any, Any]]:
    """The two actor spans of each row (``sentence``, ``a_rel``, ``b_rel``), parsing each sentence once."""
    import spacy

    from entente.pipeline import find_model

    nlp = spacy.load(find_model(model), exclude=["ner"])
    parsed = {}
    for text in sorted({r["sentence"] for r in rows}):
        doc = nlp.make_doc(text)
        for tok in doc[1:]:
            tok.is_sent_start = False  # one sentence, as in the document it came from
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        parsed[text] = doc
    out = []
    for r in rows:
        doc = parsed[r["sentence"]]
        a = doc.char_span(*r["a_rel"], alignment_mode="expand")
        b = doc.char_span(*r["b_rel"], alignment_mode="expand")
        assert a is not None and b is not None
        out.append((a, b))
    return out


def encode_rows(rows: Sequence[dict[str, Any]], model: str | None = None) -> list[Any]:
    """:func:`features` of each row's pair (:func:`pair_spans`)."""
    from entente.events.learned import features

    return [features(a, b) for a, b in pair_spans(rows, model)]


def predict(model: Any, feats: Sequence[Any]) -> list[tuple[str, float, str]]:
    return [(p.type, p.type_prob, p.direction) for p in model.predict_features(feats)]


def score(
    rows: Sequence[dict[str, Any]],
    preds: Sequence[tuple[str, float, str]],
    label_of: dict[str, str],
    thr: float,
) -> dict[str, Any]:
    """Event-level P/R/F1 at threshold ``thr``: detection, type, type + direction; and per class."""
    from entente.events.learned import PLOVER_TYPES

    def f1(tp: int, np_: int, ng: int) -> dict[str, float]:
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        return {
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "n": ng,
        }

    det = typ = full = n_pred = n_gold = 0
    dir_right = dir_n = 0
    per: dict[str, list[int]] = {}
    for r, (t, prob, d) in zip(rows, preds, strict=True):
        gold = label_of.get(r["label"], "NONE") if r["label"] != "NONE" else "NONE"
        emitted = t in PLOVER_TYPES and prob >= thr
        is_event = r["label"] != "NONE"
        n_pred += emitted
        n_gold += is_event
        if is_event:
            dir_n += 1
            dir_right += d == r["direction"]
        if emitted and is_event:
            det += 1
            if t == r["label"]:
                typ += 1
                full += d == r["direction"]
        for lab in {gold, t if emitted else "NONE"}:
            per.setdefault(lab, [0, 0, 0])
        per[gold][2] += 1
        per[t if emitted else "NONE"][1] += 1
        if gold == (t if emitted else "NONE"):
            per[gold][0] += 1
    return {
        "threshold": thr,
        "detection": f1(det, n_pred, n_gold),
        "type": f1(typ, n_pred, n_gold),
        "type_direction": f1(full, n_pred, n_gold),
        "direction_accuracy_on_gold_events": round(dir_right / dir_n, 3) if dir_n else 0.0,
        "per_class": {k: f1(*v) for k, v in sorted(per.items())},
    }


def _fit(net: Any, x: Any, y: Any, idx: list[int], opt: Any, rng: random.Random) -> float:
    rng.shuffle(idx)
    loss = 0.0
    for i in range(0, len(idx), BATCH):
        batch = idx[i : i + BATCH]
        yhat, backprop = net.begin_update(x[batch])
        truth = y[batch]
        loss += float(-(truth * np.log(yhat + 1e-9)).sum())
        backprop((yhat - truth) / len(batch))
        net.finish_update(opt)
    return loss


def train(
    rows: Sequence[dict[str, Any]],
    feats: Sequence[Any],
    out: Path | None,
    epochs: int = EPOCHS,
    seed: int = SEED,
    log: Any = print,
    hidden: int | None = None,
) -> dict[str, Any]:
    from thinc.api import Adam, fix_random_seed

    from entente.events.learned import DIRECTIONS, HIDDEN, NONE, LearnedModel, build_net, matrix, type_labels

    fix_random_seed(seed)
    hidden = HIDDEN if hidden is None else hidden
    counts = Counter(r["label"] for r in rows if r["label"] != NONE)
    label_of = type_labels(counts)
    type_set = sorted({NONE, *(label_of[t] for t in counts)})
    split = split_articles([r["doc"] for r in rows], seed)
    parts: dict[str, list[int]] = {"train": [], "val": [], "test": []}
    for k, r in enumerate(rows):
        parts[split[r["doc"]]].append(k)

    x = matrix(feats)
    y_type = np.zeros((len(rows), len(type_set)), dtype="f")
    y_dir = np.zeros((len(rows), len(DIRECTIONS)), dtype="f")
    for k, r in enumerate(rows):
        y_type[k, type_set.index(label_of[r["label"]] if r["label"] != NONE else NONE)] = 1.0
        if r["label"] != NONE:
            y_dir[k, DIRECTIONS.index(r["direction"])] = 1.0
    train_events = [k for k in parts["train"] if rows[k]["label"] != NONE]
    train_none = [k for k in parts["train"] if rows[k]["label"] == NONE]
    if not train_events:
        raise ValueError("no event among the training rows")
    type_net, dir_net = build_net(len(type_set), hidden), build_net(len(DIRECTIONS), hidden)
    type_net.initialize()
    dir_net.initialize()
    model = LearnedModel(type_net, dir_net, type_set, {"hidden": hidden})
    opt_type, opt_dir = Adam(LEARN_RATE), Adam(LEARN_RATE)
    rng = random.Random(seed)
    val = parts["val"] or parts["train"]
    val_rows = [rows[k] for k in val]
    val_feats = [feats[k] for k in val]
    best: tuple[float, int, float, bytes, bytes] | None = None
    for epoch in range(1, epochs + 1):
        nones = [k for k in train_none if rng.random() < NONE_KEEP]
        loss_t = _fit(type_net, x, y_type, train_events + nones, opt_type, rng)
        loss_d = _fit(dir_net, x, y_dir, list(train_events), opt_dir, rng)
        preds = predict(model, val_feats)
        for thr in THRESHOLDS:
            f = score(val_rows, preds, label_of, thr)["type_direction"]["f1"]
            if best is None or f > best[0]:
                best = (f, epoch, thr, type_net.to_bytes(), dir_net.to_bytes())
        assert best is not None
        log(f"epoch {epoch:2d}  loss type {loss_t:8.1f} direction {loss_d:7.1f}  val F1 (type+direction) "
            f"best so far {best[0]:.3f} (epoch {best[1]}, threshold {best[2]})")  # fmt: skip
    assert best is not None
    type_net.from_bytes(best[3])
    dir_net.from_bytes(best[4])
    threshold = best[2]
    test_rows = [rows[k] for k in parts["test"]]
    test_feats = [feats[k] for k in parts["test"]]
    test = score(test_rows, predict(model, test_feats), label_of, threshold) if test_rows else {}
    model.meta = {
        "threshold": threshold,
        "hidden": hidden,
        "epoch": best[1],
        "val_f1_type_direction": best[0],
        "collapsed": {t: lab for t, lab in label_of.items() if lab != t},
        "split": {k: len(v) for k, v in parts.items()},
        "articles": {s: sum(1 for v in split.values() if v == s) for s in ("train", "val", "test")},
        "seed": seed,
        "test": test,
    }
    if out is not None:
        model.save(out)
    return model.meta


def _report(meta: dict[str, Any]) -> str:
    t = meta["test"]
    if not t:
        return "no test split"
    lines = [
        f"test split: {meta['split']['test']} pairs in {meta['articles']['test']} articles; "
        f"threshold {meta['threshold']} (picked on validation, epoch {meta['epoch']})",
        f"{'':24}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}",
    ]
    for key in ("detection", "type", "type_direction"):
        v = t[key]
        lines.append(f"{key:24}{v['p']:7.3f}{v['r']:7.3f}{v['f1']:7.3f}{v['n']:6d}")
    lines.append(f"direction accuracy on gold events: {t['direction_accuracy_on_gold_events']}")
    lines.append("per class (type, at the threshold):")
    for lab, v in t["per_class"].items():
        lines.append(f"  {lab:22}{v['p']:7.3f}{v['r']:7.3f}{v['f1']:7.3f}{v['n']:6d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from entente.events.learned import MODEL_DIR

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(MODEL_DIR), help="model folder (default: the shipped one)")
    ap.add_argument(
        "--rows", default=None, help="JSONL rows with their own 'sentence' (default: the labelled set)"
    )
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--hidden", type=int, default=None, help="hidden units (0: a linear model)")
    ap.add_argument("--model", default=None, help="spaCy model for parsing (default: entente's)")
    args = ap.parse_args(argv)

    start = time.perf_counter()
    if args.rows:
        with open(args.rows, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
    else:
        from train.check_pairs import load_pairs

        rows = list(load_pairs())
    t_load = time.perf_counter()
    feats = encode_rows(rows, args.model)
    t_enc = time.perf_counter()
    print(f"{len(rows)} rows read in {t_load - start:.1f} s, parsed and encoded in {t_enc - t_load:.1f} s")
    meta = train(rows, feats, Path(args.out), epochs=args.epochs, hidden=args.hidden)
    meta["seconds"] = {
        "read": round(t_load - start, 1),
        "encode": round(t_enc - t_load, 1),
        "train": round(time.perf_counter() - t_enc, 1),
    }
    meta_path = Path(args.out) / "entente_learned.json"
    saved = json.loads(meta_path.read_text(encoding="utf-8"))
    meta_path.write_text(json.dumps({**saved, **meta}, indent=1) + "\n", encoding="utf-8")
    print(_report(meta))
    print(f"written to {args.out} in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
