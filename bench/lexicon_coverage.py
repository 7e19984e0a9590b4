"""Which words head the clauses that hold two actors, and how many of them the events lexicon codes.

A systematic pass over a news corpus instead of adding trigger words case by
case: for every sentence with mentions of two different actors, the word that
governs both (the lowest common head of the two mentions in the dependency
parse, or a noun/verb on the path between them) is counted by lemma and part
of speech. The ranked list shows what the lexicon (``events/data/verbs.yaml``,
``nouns.yaml``) covers, what is listed as no event (``events/data/no_event.yaml``),
and what nobody has looked at yet.

    python bench/lexicon_coverage.py --limit 800 --top 150

Prints the ranked list with a mark per lemma (``coded``, ``no-event``,
``open``) and the coverage: the share of pair occurrences whose head is
coded or reviewed, over the whole list and over its top N.
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Iterator
from importlib import resources

from spacy.tokens import Doc, Token

from entente import pipeline
from entente.corpora import newsarticles
from entente.events.lexicon import load_lexicon
from entente.ingest import load_text
from entente.nlp import extensions as ext
from entente.yamlio import load_yaml

CONTENT = ("VERB", "NOUN", "ADJ")


def _ancestors(tok: Token) -> list[Token]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def heads(doc: Doc) -> Iterator[tuple[str, str]]:
    """(lemma, pos) of the word governing each pair of different actors in a sentence."""
    spans = []
    for m in ext.mentions(doc):
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if m.actor_id and span is not None:
            spans.append((m.actor_id, span.root))
    for person in ext.people(doc):
        for s in person.mentions:
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            if person.actor_id and span is not None:
                spans.append((person.actor_id, span.root))
    by_sent: dict[int, list[tuple[str, Token]]] = collections.defaultdict(list)
    for aid, root in spans:
        by_sent[root.sent.start].append((aid, root))
    for found in by_sent.values():
        seen: set[tuple[str, str, int]] = set()
        for i, (a, ra) in enumerate(found):
            for b, rb in found[i + 1 :]:
                if a == b:
                    continue
                up_a = _ancestors(ra)
                up_b = {t.i for t in _ancestors(rb)}
                common = next((t for t in up_a if t.i in up_b), None)
                if common is None:
                    continue
                # the nearest content word at or above the common head; a preposition or a
                # coordinator joining the two actors counts with its head ("talks between X and Y")
                word = common
                while word.pos_ not in CONTENT and word.head.i != word.i:
                    word = word.head
                key = (min(a, b), max(a, b), word.i)
                if key in seen or word.pos_ not in CONTENT:
                    continue
                seen.add(key)
                yield word.lemma_.lower(), word.pos_


def reviewed() -> set[str]:
    """Lemmas reviewed and listed as no event (``events/data/no_event.yaml``), if the file exists."""
    path = resources.files("entente.events").joinpath("data", "no_event.yaml")
    if not path.is_file():
        return set()
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    return {str(w).lower() for w in data.get("no_event", [])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=800, help="articles of NewsArticles to read")
    parser.add_argument("--top", type=int, default=150, help="length of the ranked list to print")
    args = parser.parse_args(argv)
    nlp = pipeline.load()
    lex = load_lexicon()
    coded = set(lex.verbs) | set(lex.nouns) | set(lex.adjectives) | set(lex.adverbs)
    no_event = reviewed()
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    docs = (
        load_text(a.text, source=a.id, published=a.published)
        for a in newsarticles(args.limit)
        if a.text.strip()
    )
    made = (pipeline.make_doc(nlp, d.info.text, d.info.published) for d in docs)
    n_docs = 0
    for doc in nlp.pipe(made, batch_size=32):
        n_docs += 1
        counts.update(heads(doc))
    total = sum(counts.values())

    def mark(lemma: str) -> str:
        return "coded" if lemma in coded else "no-event" if lemma in no_event else "open"

    print(f"{n_docs} articles, {total} actor pairs with a governing word, {len(counts)} lemmas")
    top = counts.most_common(args.top)
    for rank, ((lemma, pos), n) in enumerate(top, 1):
        print(f"{rank:4d} {n:6d}  {lemma:<20s} {pos:<5s} {mark(lemma)}")
    for label, items in (("all", list(counts.items())), (f"top {args.top}", top)):
        occ = sum(n for _, n in items)
        done = sum(n for (lemma, _), n in items if mark(lemma) != "open")
        hit = sum(n for (lemma, _), n in items if mark(lemma) == "coded")
        print(
            f"coverage ({label}): reviewed {done / max(occ, 1):.3f}, coded as events {hit / max(occ, 1):.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
