"""Check that entente's output is unchanged: dump the JSON analyses of N NewsArticles documents.

Usage::

    python bench/check_identical.py check REF_DIR [--n 200]   # all of the below, in one go
    python bench/check_identical.py dump OUT.jsonl [--n 200] [--corpus /tmp/na.jsonl]
    python bench/check_identical.py compare A.jsonl B.jsonl

``REF_DIR`` holds a snapshot of the FILES being optimised, laid out as under ``src/entente``
(e.g. ``REF/events/arguments.py``, ``REF/nlp/doccache.py``), taken before the change. ``check``
copies the current ``src/entente`` to a temporary tree, copies the snapshot's files over it file
by file (a snapshot file replaces only that file: the rest of its package stays as it is now),
dumps the analyses with that reference tree and with the working tree, and compares them line by
line (byte-identical). Others' concurrent edits to files outside the snapshot are in both trees,
so a difference can only come from the snapshot's files. A snapshot file that the working tree
no longer has (a module since split or removed) is copied all the same; a module new in the
working tree stays in the reference tree, unused by the old files.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path


def read_corpus(path: str, n: int) -> list[dict[str, str]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("text", "").strip():
                rows.append(row)
            if len(rows) >= n:
                break
    return rows


def dump(out: str, n: int, corpus: str) -> None:
    import entente
    from entente import jsonform, pipeline
    from entente.analyze import analyze_many
    from entente.ingest import load_text

    print("entente from", entente.__file__, file=sys.stderr)
    rows = read_corpus(corpus, n)
    docs = [
        load_text(r["text"], published=date.fromisoformat(r["published"]) if r.get("published") else None)
        for r in rows
    ]
    nlp = pipeline.load()
    with open(out, "w", encoding="utf-8") as fh:
        for a in analyze_many(docs, nlp=nlp):
            fh.write(json.dumps(jsonform.to_dict(a), sort_keys=True, ensure_ascii=False) + "\n")


def compare(a: str, b: str) -> int:
    la = Path(a).read_text(encoding="utf-8").splitlines()
    lb = Path(b).read_text(encoding="utf-8").splitlines()
    if len(la) != len(lb):
        print(f"different line counts: {len(la)} vs {len(lb)}")
        return 1
    bad = [i for i, (x, y) in enumerate(zip(la, lb, strict=True)) if x != y]
    if not bad:
        print(f"identical: {len(la)} analyses")
        return 0
    print(f"{len(bad)} of {len(la)} analyses differ; first: line {bad[0]}")
    da, db = json.loads(la[bad[0]]), json.loads(lb[bad[0]])
    for key in sorted(set(da) | set(db)):
        if da.get(key) != db.get(key):
            print(" section", key, "differs")
    return 1


def check(ref_dir: str, n: int, corpus: str) -> int:
    src = Path(__file__).resolve().parent.parent / "src" / "entente"
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "entente"
        shutil.copytree(src, tree, ignore=shutil.ignore_patterns("__pycache__"))
        ref = Path(ref_dir)
        for item in sorted(ref.rglob("*")):
            if item.is_dir() or "__pycache__" in item.parts:
                continue
            target = tree / item.relative_to(ref)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(item, target)
            print("reference:", item.relative_to(ref), file=sys.stderr)
        outs = [str(Path(tmp) / "ref.jsonl"), str(Path(tmp) / "new.jsonl")]
        for out, path in zip(outs, (tmp, None), strict=True):
            env = dict(os.environ)
            if path:
                env["PYTHONPATH"] = path
            cmd = [sys.executable, __file__, "dump", out, "--n", str(n), "--corpus", corpus]
            subprocess.run(cmd, env=env, check=True)
        return compare(*outs)


def main() -> int:
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("--n", type=int, default=200)
    d.add_argument("--corpus", default="/tmp/na.jsonl")
    k = sub.add_parser("check")
    k.add_argument("ref_dir")
    k.add_argument("--n", type=int, default=200)
    k.add_argument("--corpus", default="/tmp/na.jsonl")
    c = sub.add_parser("compare")
    c.add_argument("a")
    c.add_argument("b")
    args = p.parse_args()
    if args.cmd == "dump":
        dump(args.out, args.n, args.corpus)
        return 0
    if args.cmd == "check":
        return check(args.ref_dir, args.n, args.corpus)
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
