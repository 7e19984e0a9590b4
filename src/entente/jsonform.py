"""The JSON form of an :class:`~entente.records.Analysis`, both ways (floor 1, beside the records).

:func:`to_dict` gives the plain dict that ``entente analyze --format json`` prints (schema:
``entente/report/schema/analysis.schema.json``); :func:`from_dict` reads it back, so that
``from_dict(to_dict(a)) == a``. Output formats (JSON text, the schema) live in :mod:`entente.report`.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from entente.records import (
    SCHEMA_VERSION,
    Actor,
    ActorMention,
    Analysis,
    ArticleInfo,
    Event,
    EventDate,
    Person,
    Quote,
    Relation,
    RelationEvidence,
    Span,
    Triad,
    TriadReading,
)


def span_dict(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def _person(p: Person) -> dict[str, Any]:
    return {
        "name": p.name,
        "role": p.role,
        "affiliation": p.affiliation,
        "actor": p.actor_id,
        "gender": p.gender,
        "mentions": [span_dict(s) for s in p.mentions],
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "text": q.text,
        "kind": q.kind,
        "content": [span_dict(s) for s in q.content],
        "speaker": {"name": q.speaker_name, "actor": q.speaker_actor, "mention": span_dict(q.speaker)},
        "cue": span_dict(q.cue),
        "addressee": q.addressee,
        "mentions": list(q.mentions),
        "stance": {actor: value for actor, value in q.stance},
    }


def _event(e: Event) -> dict[str, Any]:
    return {
        "source": e.source,
        "target": e.target,
        "type": e.type,
        "quad_class": e.quad_class,
        "intensity": e.intensity,
        "status": e.status,
        "mode": e.mode,
        "attributed_to": e.attributed_to,
        "date": None
        if e.date is None
        else {"value": e.date.value, "precision": e.date.precision, "span": span_dict(e.date.span)},
        "place": e.place,
        "place_name": e.place_name,
        "trigger": span_dict(e.trigger),
        "evidence": span_dict(e.evidence),
        "other_evidence": [span_dict(s) for s in e.other_evidence],
    }


def relation_dict(r: Relation) -> dict[str, Any]:
    return {
        "pair": list(r.pair),
        "sign": r.sign,
        "weight": r.weight,
        "evidence": [
            {
                "span": span_dict(e.span),
                "kind": e.kind,
                "sign": e.sign,
                "weight": e.weight,
                "sentence": span_dict(e.sentence),
                "detail": e.detail,
            }
            for e in r.evidence
        ],
    }


def triad_dict(t: Triad) -> dict[str, Any]:
    return {
        "actors": list(t.actors),
        "balanced": t.balanced,
        "signs": list(t.signs),
        "reading": [
            {"pair": list(r.pair), "third": r.third, "effect": r.effect, "text": r.text} for r in t.reading
        ],
    }


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """A plain dict ready for ``json.dumps``; offsets index the original input."""
    art = analysis.article
    by_actor: dict[str, list[dict[str, Any]]] = {}
    unresolved = []
    for m in analysis.mentions:
        if m.actor_id is None:
            unresolved.append({**(span_dict(m.span) or {}), "label": m.label})
        else:
            by_actor.setdefault(m.actor_id, []).append(
                {**(span_dict(m.span) or {}), "form": m.form, "method": m.method, "label": m.label}
            )
    return {
        "schema_version": analysis.schema_version,
        "article": {
            "id": art.id,
            "source": art.source,
            "url": art.url,
            "title": art.title,
            "outlet": art.outlet,
            "published": art.published.isoformat() if art.published else None,
            "date_source": art.date_source,
            "input_format": art.input_format,
            "language": art.language,
            "input": art.input,
            "text": art.text,
            "removed": [span_dict(s) for s in art.removed],
        },
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind, "of": a.of, "mentions": by_actor.get(a.id, [])}
            for a in analysis.actors
        ],
        "unresolved": unresolved,
        "people": [_person(p) for p in analysis.people],
        "quotes": [_quote(q) for q in analysis.quotes],
        "events": [_event(e) for e in analysis.events],
        "relations": [relation_dict(r) for r in analysis.relations],
        "triads": [triad_dict(t) for t in analysis.triads],
        "warnings": list(analysis.warnings),
    }


# ------------------------------------------------------------------ reading back


def _span(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(int(d["start"]), int(d["end"]), str(d["text"]))


def _spans(items: list[dict[str, Any]]) -> tuple[Span, ...]:
    return tuple(s for d in items if (s := _span(d)) is not None)


def _need(d: dict[str, Any] | None) -> Span:
    span = _span(d)
    if span is None:
        raise ValueError("a required span is null")
    return span


def _event_from(d: dict[str, Any]) -> Event:
    when = d.get("date")
    return Event(
        source=d["source"],
        target=d["target"],
        type=d["type"],
        quad_class=d["quad_class"],
        intensity=float(d["intensity"]),
        status=d["status"],
        trigger=_need(d["trigger"]),
        evidence=_need(d["evidence"]),
        mode=d.get("mode"),
        attributed_to=d.get("attributed_to"),
        date=None if when is None else EventDate(when["value"], when["precision"], _span(when.get("span"))),
        place=d.get("place"),
        place_name=d.get("place_name"),
        other_evidence=_spans(d.get("other_evidence", [])),
    )


def _quote_from(d: dict[str, Any]) -> Quote:
    speaker = d["speaker"]
    return Quote(
        content=_spans(d["content"]),
        kind=d["kind"],
        speaker=_span(speaker.get("mention")),
        speaker_name=speaker.get("name"),
        speaker_actor=speaker.get("actor"),
        cue=_span(d.get("cue")),
        addressee=d.get("addressee"),
        mentions=tuple(d.get("mentions", ())),
        stance=tuple((k, float(v)) for k, v in d.get("stance", {}).items()),
    )


def _relation_from(d: dict[str, Any]) -> Relation:
    evidence = tuple(
        RelationEvidence(
            _need(e["span"]),
            e["kind"],
            e["sign"],
            float(e["weight"]),
            _span(e.get("sentence")),
            e.get("detail", ""),
        )
        for e in d.get("evidence", ())
    )
    return Relation((d["pair"][0], d["pair"][1]), d["sign"], float(d["weight"]), evidence)


def _triad_from(d: dict[str, Any]) -> Triad:
    reading = tuple(
        TriadReading((r["pair"][0], r["pair"][1]), r["third"], r["effect"], r["text"])
        for r in d.get("reading", ())
    )
    return Triad((d["actors"][0], d["actors"][1], d["actors"][2]), d["balanced"], tuple(d["signs"]), reading)  # type: ignore[arg-type]


def from_dict(data: dict[str, Any]) -> Analysis:
    """The :class:`Analysis` that :func:`to_dict` wrote (``from_dict(to_dict(a)) == a``).

    Raises ``ValueError`` (or ``KeyError``) on data of another shape.
    """
    art = data["article"]
    published = art.get("published")
    info = ArticleInfo(
        source=art["source"],
        title=art.get("title"),
        outlet=art.get("outlet"),
        published=date.fromisoformat(published) if published else None,
        date_source=art.get("date_source"),
        text=art["text"],
        input_format=art["input_format"],
        language=art.get("language"),
        removed=_spans(art.get("removed", [])),
        id=art.get("id", ""),
        url=art.get("url"),
        input=art.get("input", ""),
    )
    actors, mentions = [], []
    for a in data["actors"]:
        actors.append(Actor(a["id"], a["name"], a["kind"], a.get("of")))
        for m in a["mentions"]:
            mentions.append(
                ActorMention(_need(m), a["id"], a["kind"], m["form"], m["method"], m.get("label"))
            )
    for u in data.get("unresolved", []):
        mentions.append(ActorMention(_need(u), None, "other", u["text"], "ner", u.get("label")))
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    people = tuple(
        Person(
            p["name"],
            _spans(p["mentions"]),
            p.get("role"),
            p.get("affiliation"),
            p.get("actor"),
            p.get("gender"),
        )
        for p in data["people"]
    )
    return Analysis(
        article=info,
        actors=tuple(actors),
        mentions=tuple(mentions),
        people=people,
        quotes=tuple(_quote_from(q) for q in data["quotes"]),
        events=tuple(_event_from(e) for e in data["events"]),
        relations=tuple(_relation_from(r) for r in data["relations"]),
        triads=tuple(_triad_from(t) for t in data["triads"]),
        warnings=tuple(data.get("warnings", ())),
        schema_version=data.get("schema_version", SCHEMA_VERSION),
    )


def from_json(text: str) -> Analysis:
    return from_dict(json.loads(text))
