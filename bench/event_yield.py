"""How many happened state-to-state events a seeded NewsArticles sample gives, and where the misses are.

Issue 13's yield figure on a fixed sample instead of the whole corpus: a
seeded draw of articles from the NewsArticles export (``entente corpus export
newsarticles --format jsonl /tmp/na.jsonl``), empty and duplicate texts left
out, analysed in one process with the library's pipeline.

    python bench/event_yield.py --n 300 --seed 13 --top 60
    python bench/event_yield.py --dump /tmp/after.jsonl --compare /tmp/before.jsonl

Prints:

* happened state-to-state events per article: source and target both actors
  of kind ``state`` (a person counts through the actor they speak for, as in
  the store), status asserted or attributed;
* events per article by type and status (all events, then state-to-state);
* the **pool**: sentences holding two different state actors with no event
  between them, and the heads of the clauses linking them (the lowest common
  head in the parse, raised to the nearest verb, noun or adjective) ranked by
  frequency, each marked ``coded`` (verbs.yaml/nouns.yaml), ``no-event``
  (no_event.yaml) or ``open``, with the coverage of the ranked list;
* with ``--dump``, the happened state-to-state events as JSON lines; with
  ``--compare``, the events not in an earlier dump (a random 20 of them, seeded,
  with their sentences) and those that were lost; with ``--show LEMMA``, up to
  20 events of that trigger lemma with their sentences.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from entente import pipeline
from entente.events.lexicon import load_lexicon
from entente.ingest import load_text
from entente.nlp import extensions as ext
from entente.yamlio import load_yaml

HAPPENED = ("asserted", "attributed")
CONTENT = ("VERB", "NOUN", "ADJ")


def sample(
    path: Path, n: int, seed: int, grep: str | None = None, exclude: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """A seeded draw of ``n`` articles with a non-empty text, duplicates (same text) left out.

    ``grep``: only articles whose text matches this regular expression (to watch new triggers);
    ``exclude``: article ids left out of the draw (the density gold's, to keep them unseen).
    """
    seen: set[str] = set()
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            text = (row.get("text") or "").strip()
            digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
            skip = row.get("id") in exclude or (grep and not re.search(grep, text))
            if not text or digest in seen or skip:
                continue
            seen.add(digest)
            rows.append(row)
    return random.Random(seed).sample(rows, min(n, len(rows)))


def density_articles() -> frozenset[str]:
    """The article ids of every file in gold/events-density (their events are not read)."""
    folder = Path(__file__).resolve().parent.parent / "gold" / "events-density"
    out = set()
    for path in folder.glob("*.yaml"):
        for item in load_yaml(path.read_text(encoding="utf-8")) or ():
            out.add(str(item["article"]))
    return frozenset(out)


def _ancestors(tok: Token) -> list[Token]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def state_spans(doc: Doc, is_state: Callable[[str], bool]) -> list[tuple[str, Token]]:
    """(actor id, root token) of every mention of a state, people counting through their actor."""
    spans: list[tuple[str, Token]] = []
    for m in ext.mentions(doc):
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if m.actor_id and is_state(m.actor_id) and span is not None:
            spans.append((m.actor_id, span.root))
    for person in ext.people(doc):
        if not (person.actor_id and is_state(person.actor_id)):
            continue
        for s in person.mentions:
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            if span is not None:
                spans.append((person.actor_id, span.root))
    return spans


def pool(
    doc: Doc, is_state: Callable[[str], bool], linked: set[tuple[int, str, str]]
) -> Iterator[tuple[str, str, str]]:
    """(lemma, pos, sentence) of the head linking two states of a sentence with no event between them."""
    by_sent: dict[int, list[tuple[str, Token]]] = collections.defaultdict(list)
    for aid, root in state_spans(doc, is_state):
        by_sent[root.sent.start].append((aid, root))
    for found in by_sent.values():
        seen: set[tuple[str, str]] = set()
        for i, (a, ra) in enumerate(found):
            for b, rb in found[i + 1 :]:
                pair = (min(a, b), max(a, b))
                if a == b or pair in seen:
                    continue
                seen.add(pair)
                if (ra.sent.start_char, *pair) in linked:
                    continue
                up_b = {t.i for t in _ancestors(rb)}
                common = next((t for t in _ancestors(ra) if t.i in up_b), None)
                if common is None:
                    continue
                word = common
                while word.pos_ not in CONTENT and word.head.i != word.i:
                    word = word.head
                if word.pos_ in CONTENT:
                    yield word.lemma_.lower(), word.pos_, ra.sent.text


def _no_event() -> set[str]:
    path = resources.files("entente.events").joinpath("data", "no_event.yaml")
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    return {str(w).lower() for w in data.get("no_event", [])}


def _sentence(doc: Doc, start: int) -> tuple[int, str]:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return -1, ""
    return span.sent.start_char, span.sent.text


def _use_lexicon_dir(folder: Path) -> None:
    """Read the events data files present in ``folder`` in place of the package's."""
    from entente.events import lexicon

    shipped = lexicon._read

    def read(name: str) -> Any:
        path = folder / name
        if path.is_file():
            return lexicon.parse_yaml(path.read_text(encoding="utf-8"), source=str(path))
        return shipped(name)

    lexicon._read = read  # type: ignore[assignment]
    lexicon.load_lexicon.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--input", type=Path, default=Path("/tmp/na.jsonl"), help="NewsArticles JSON lines")
    parser.add_argument("--n", type=int, default=300, help="articles to draw")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--grep", help="draw only articles whose text matches this regular expression")
    parser.add_argument("--top", type=int, default=60, help="length of the ranked pool list")
    parser.add_argument("--dump", type=Path, help="write the happened state-to-state events here")
    parser.add_argument("--compare", type=Path, help="an earlier --dump: print new and lost events")
    parser.add_argument("--new", type=int, default=20, help="new events to print with --compare (0: all)")
    parser.add_argument(
        "--exclude-density",
        action="store_true",
        help="leave out the articles of gold/events-density (a draw that keeps them unseen)",
    )
    parser.add_argument("--show", action="append", default=[], help="print events of this trigger lemma")
    parser.add_argument("--examples", type=int, default=0, help="pool sentences to print per top head")
    parser.add_argument(
        "--lexicon-dir",
        type=Path,
        help="read the events data files found here, not the shipped ones (a baseline in the same tree)",
    )
    parser.add_argument(
        "--pool-out", type=Path, help="write the pool's sentences here (one a line, with their head)"
    )
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    if args.lexicon_dir:
        _use_lexicon_dir(args.lexicon_dir)
    nlp = pipeline.load()
    kb = pipeline.knowledge_base(nlp)
    kinds: dict[str, bool] = {}

    def is_state(aid: str) -> bool:
        if aid not in kinds:
            try:
                kinds[aid] = kb is not None and kb.actor(aid).kind == "state"
            except KeyError:
                kinds[aid] = False
        return kinds[aid]

    lex = load_lexicon()
    coded = set(lex.verbs) | set(lex.nouns) | set(lex.adjectives) | set(lex.adverbs)
    no_event = _no_event()
    exclude = density_articles() if args.exclude_density else frozenset()
    rows = sample(args.input, args.n, args.seed, args.grep, exclude)
    made = []
    for row in rows:
        published = row.get("published")
        day = date.fromisoformat(published[:10]) if published else None
        document = load_text(row["text"], source=row["id"], published=day)
        made.append(pipeline.make_doc(nlp, document.info.text, document.info.published))

    by_type: collections.Counter[tuple[str, str]] = collections.Counter()
    s2s_type: collections.Counter[tuple[str, str]] = collections.Counter()
    heads: collections.Counter[tuple[str, str]] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    pool_lines: dict[str, str] = {}
    dumped: list[dict] = []
    shows: dict[str, list[str]] = collections.defaultdict(list)
    happened = 0
    for row, doc in zip(rows, nlp.pipe(made, batch_size=16), strict=True):
        linked: set[tuple[int, str, str]] = set()
        for ev in ext.events(doc):
            by_type[(ev.type, ev.status)] += 1
            if not (ev.target and is_state(ev.source) and is_state(ev.target)):
                continue
            s2s_type[(ev.type, ev.status)] += 1
            sent_start, sent_text = _sentence(doc, ev.trigger.start)
            pair = (min(ev.source, ev.target), max(ev.source, ev.target))
            linked.add((sent_start, *pair))
            for other in ev.other_evidence:  # the same event reported again (coreference)
                linked.add((_sentence(doc, other.start)[0], *pair))
            lemma = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
            trig = lemma.root.lemma_.lower() if lemma is not None else ev.trigger.text.lower()
            if trig in args.show and len(shows[trig]) < 20:
                reading = f"{ev.source}>{ev.target} {ev.type} {ev.status}"
                shows[trig].append(f"{reading} [{ev.trigger.text}] {sent_text}")
            if ev.status not in HAPPENED:
                continue
            happened += 1
            dumped.append(
                {
                    "article": row["id"],
                    "source": ev.source,
                    "target": ev.target,
                    "type": ev.type,
                    "status": ev.status,
                    "trigger": ev.trigger.text,
                    "lemma": trig,
                    "at": ev.trigger.start,
                    "sentence": sent_text,
                }
            )
        for lemma_, pos, sent in pool(doc, is_state, linked):
            heads[(lemma_, pos)] += 1
            pool_lines.setdefault(sent.replace("\n", " "), lemma_)
            if len(examples[lemma_]) < args.examples:
                examples[lemma_].append(sent.replace("\n", " ")[:220])
    n_docs = len(rows)
    print(f"{n_docs} articles (seed {args.seed}), {time.perf_counter() - t0:.0f} s")
    print(f"happened state-to-state events: {happened}, per article {happened / max(n_docs, 1):.3f}")
    for label, table in (("all events", by_type), ("state-to-state events", s2s_type)):
        print(f"\n{label} per article, by type and status:")
        for type_ in sorted({t for t, _ in table}):
            cells = "  ".join(
                f"{s} {table[(type_, s)] / n_docs:.3f}"
                for s in ("asserted", "attributed", "hypothetical", "negated")
                if table[(type_, s)]
            )
            print(f"  {type_:<10s} {cells}")

    def mark(lemma: str) -> str:
        return "coded" if lemma in coded else "no-event" if lemma in no_event else "open"

    total = sum(heads.values())
    print(f"\npool: {total} state pairs in a sentence with no event between them; top heads:")
    top = heads.most_common(args.top)
    for rank, ((lemma_, pos), n) in enumerate(top, 1):
        print(f"{rank:4d} {n:5d}  {lemma_:<18s} {pos:<5s} {mark(lemma_)}")
        for sent in examples.get(lemma_, []):
            print(f"            | {sent}")
    for label, items in (("all", list(heads.items())), (f"top {args.top}", top)):
        occ = sum(n for _, n in items)
        done = sum(n for (lemma_, _), n in items if mark(lemma_) != "open")
        hit = sum(n for (lemma_, _), n in items if mark(lemma_) == "coded")
        print(f"pool coverage ({label}): reviewed {done / max(occ, 1):.3f}, coded {hit / max(occ, 1):.3f}")

    for lemma_, lines in shows.items():
        print(f"\nevents of {lemma_!r}:")
        for line in lines:
            print("  " + line.replace("\n", " ")[:300])
    if args.pool_out:
        args.pool_out.write_text("".join(f"{h}\t{t}\n" for t, h in pool_lines.items()), encoding="utf-8")
    if args.dump:
        args.dump.write_text("".join(json.dumps(d) + "\n" for d in dumped), encoding="utf-8")
    if args.compare:
        key = ("article", "source", "target", "type", "status", "at")
        before = [json.loads(line) for line in args.compare.read_text(encoding="utf-8").splitlines()]
        old = {tuple(d[k] for k in key) for d in before}
        now = {tuple(d[k] for k in key) for d in dumped}
        new = [d for d in dumped if tuple(d[k] for k in key) not in old]
        lost = [d for d in before if tuple(d[k] for k in key) not in now]
        print(f"\ncompared with {args.compare}: {len(new)} new, {len(lost)} lost")
        for title, listed in (
            (
                f"new (random {args.new})" if 0 < args.new < len(new) else "new (all)",
                random.Random(args.seed).sample(new, args.new) if 0 < args.new < len(new) else new,
            ),
            ("lost", lost),
        ):
            print(f"{title}:")
            for d in listed:
                text = d["sentence"].replace("\n", " ")[:260]
                print(
                    f"  {d['article']} {d['source']}>{d['target']} {d['type']} {d['status']}",
                    f"[{d['trigger']}] {text}",
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
