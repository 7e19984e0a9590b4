"""spaCy component ``entente_events_learned``: the learned layer after the rules (issue 13).

Runs after ``entente_events``. For every sentence (at most 80 tokens) and every
pair of actors mentioned in it (the first mention of each actor id, the
earlier one as ``a``, as when the training set was made) that the rules left
without an event, the classifier of :mod:`entente.events.learned` is asked
for an event; it is added when the model gives it a probability of at least
``threshold`` (default: the one picked on the validation split at training)
and names a PLOVER type (never ``OTHER_<quad>``).

* trigger: the word that links the pair in the parse (their lowest common
  head; the sentence root when the link falls inside an actor span);
* status: the rules' own :class:`~entente.events.status.StatusReader` on that
  word, with the same quote handling as the rules (attributed inside a quote);
* evidence: the sentence; date: the date expression nearest the trigger.

A learned event that repeats one already reported (same actors, type and
status) adds its sentence to that event's ``other_evidence`` instead.

``mode``: ``fill`` (default) adds to the rules' events; ``alone`` replaces them
with the model's own events for every pair (for measuring the model alone).
Records are stored as plain values with :func:`entente.nlp.extensions.set_events`.

The layer is off by default: ``pipeline.build(learned=True)`` adds it, or
``nlp.add_pipe("entente_events_learned", after="entente_events")``.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from entente.events.attribution import own_act, quote_at
from entente.events.component import text_span
from entente.events.dates import find_dates, pick
from entente.events.learned import (
    MAX_TOKENS,
    MODEL_DIR,
    LearnedModel,
    Prediction,
    lexicon_types,
    link_token,
)
from entente.events.lexicon import load_lexicon
from entente.events.narrated import performative
from entente.events.status import StatusReader
from entente.events.status_cues import StatusCues
from entente.nlp import extensions as ext
from entente.records import Event, Span

MODES = ("fill", "alone")
#: the type must be one the rules' lexicon offers near the pair (the model decides whether and which)
GATE = True  # on the validation split: F1 of rules + model 0.253 without, 0.310 with (threshold 0.5)


def actor_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """``(start, end, actor id)`` in ``doc.text``: actor mentions and people who speak for an actor.

    Where two overlap the longer wins, then the actor mention (as when the
    training pairs were made).
    """
    pool = [(m.span.start, m.span.end, m.actor_id, 0) for m in ext.mentions(doc) if m.actor_id]
    for person in ext.people(doc):
        if person.actor_id:
            pool += [(s.start, s.end, person.actor_id, 1) for s in person.mentions]
    pool.sort(key=lambda m: (-(m[1] - m[0]), m[3], m[0]))
    kept: list[tuple[int, int, str, int]] = []
    for m in pool:
        if not any(m[0] < k[1] and k[0] < m[1] for k in kept):
            kept.append(m)
    return sorted((s, e, i) for s, e, i, _ in kept)


def sentence_pairs(
    doc: Doc, spans: Sequence[tuple[int, int, str]]
) -> list[tuple[int, SpacySpan, tuple[str, SpacySpan], tuple[str, SpacySpan]]]:
    """``(sentence index, sentence, (a id, a), (b id, b))`` for each pair of actor ids in a sentence."""
    out = []
    starts = [s for s, _, _ in spans]
    for sent_i, sent in enumerate(doc.sents):
        if len(sent) > MAX_TOKENS:
            continue
        first: dict[str, SpacySpan] = {}
        for k in range(bisect.bisect_left(starts, sent.start_char), len(spans)):
            start, end, actor_id = spans[k]
            if start >= sent.end_char:
                break
            if end > sent.end_char or actor_id in first:
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and span.start >= sent.start and span.end <= sent.end:
                first[actor_id] = span
        ordered = sorted(first.items(), key=lambda kv: kv[1].start)
        for (a_id, a), (b_id, b) in itertools.combinations(ordered, 2):
            if a.end <= b.start:
                out.append((sent_i, sent, (a_id, a), (b_id, b)))
    return out


def trigger_token(a: SpacySpan, b: SpacySpan) -> Token:
    """The word linking the pair; the sentence root when the link lies inside an actor span."""
    tok = link_token(a, b)
    inside = a.start <= tok.i < a.end or b.start <= tok.i < b.end
    return a.sent.root if inside else tok


class LearnedEventsComponent:
    def __init__(
        self, model: LearnedModel, threshold: float | None = None, mode: str = "fill", gate: bool = GATE
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
        self.model = model
        self.threshold = model.threshold if threshold is None else float(threshold)
        self.mode = mode
        self.gate = gate
        self.lex = load_lexicon()
        self.status = StatusReader(StatusCues.from_data(self.lex.cues), self.lex.light_verbs)

    def __call__(self, doc: Doc) -> Doc:
        ext.require(
            doc,
            "entente_events_learned",
            "entente_mentions",
            "entente_people",
            "entente_quotes",
            "entente_events",
        )
        events = list(ext.events(doc)) if self.mode == "fill" else []
        pairs = sentence_pairs(doc, actor_spans(doc))
        sent_starts = [s.start_char for s in doc.sents]
        covered = set()
        for ev in events:
            for span in (ev.evidence, *ev.other_evidence):
                sent_i = bisect.bisect_right(sent_starts, span.start) - 1
                covered.add((sent_i, frozenset((ev.source, ev.target or ""))))
        todo = [p for p in pairs if (p[0], frozenset((p[2][0], p[3][0]))) not in covered]
        preds = self.model.predict([(a, b) for _, _, (_, a), (_, b) in todo]) if todo else []
        for (_, sent, (a_id, a), (b_id, b)), pred in zip(todo, preds, strict=True):
            if pred.type_prob < self.threshold:
                continue
            if self.gate:
                best = pred.best_in(lexicon_types(a, b))
                if best is None:
                    continue
                pred = dataclasses.replace(pred, type=best)
            elif not pred.is_event:
                continue
            self._add(events, self.event(doc, sent, a_id, a, b_id, b, pred))
        ext.set_events(doc, events)
        return doc

    def event(
        self, doc: Doc, sent: SpacySpan, a_id: str, a: SpacySpan, b_id: str, b: SpacySpan, pred: Prediction
    ) -> Event:
        tok = trigger_token(a, b)
        source, target = (b_id, a_id) if pred.direction == "b>a" else (a_id, b_id)
        category = self.lex.category(pred.type)
        status, who = self.status.read(tok)
        quote = quote_at(doc, tok.idx, tok.idx + len(tok.text))
        if quote is not None and own_act(tok, quote):
            quote = None
        if quote is not None and status == "asserted":
            status = "attributed"
        if status == "attributed" and performative(tok, category.quad_class.startswith("verbal")):
            status, quote = "asserted", None
        if status == "attributed" and quote is not None and quote.speaker_name:
            who = quote.speaker_name
        return Event(
            source=source,
            target=target,
            type=pred.type,
            quad_class=category.quad_class,
            intensity=category.intensity,
            status=status,
            trigger=Span(tok.idx, tok.idx + len(tok.text), tok.text),
            evidence=text_span(doc, sent.start_char, sent.end_char),
            attributed_to=who if status == "attributed" else None,
            date=pick(find_dates(sent, ext.published(doc)), tok.idx),
        )

    def _add(self, events: list[Event], new: Event) -> None:
        """Append ``new``, or add its sentence to an event already reported with the same key."""
        mutual = self.lex.category(new.type).mutual
        for k, ev in enumerate(events):
            same_pair = (ev.source, ev.target) == (new.source, new.target) or (
                mutual and (ev.source, ev.target) == (new.target, new.source)
            )
            if same_pair and ev.type == new.type and ev.status == new.status:
                if new.evidence != ev.evidence and new.evidence not in ev.other_evidence:
                    events[k] = dataclasses.replace(ev, other_evidence=(*ev.other_evidence, new.evidence))
                return
        events.append(new)


@Language.factory(
    "entente_events_learned",
    default_config={"actor_files": [], "model": None, "threshold": None, "mode": "fill", "gate": GATE},
    requires=[
        "doc._.entente_mentions",
        "doc._.entente_people",
        "doc._.entente_quotes",
        "doc._.entente_events",
        "token.dep",
    ],
    assigns=["doc._.entente_events"],
)
def make_learned_events(
    nlp: Language,
    name: str,
    actor_files: Sequence[str],
    model: str | None,
    threshold: float | None,
    mode: str,
    gate: bool,
) -> LearnedEventsComponent:
    path = Path(model) if model else MODEL_DIR
    try:
        learned = LearnedModel.load(path)
    except OSError as exc:
        raise ValueError(f"no learned events model at {path} ({exc}); run `make model`") from exc
    return LearnedEventsComponent(learned, threshold, mode, gate)
