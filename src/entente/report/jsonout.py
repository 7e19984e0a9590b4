"""The JSON form of an :class:`~entente.records.Analysis` (schema: ``schema/analysis.schema.json``)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from entente.records import Analysis, Event, Person, Quote, Span


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
        "date": None if e.date is None else {"value": e.date.value, "precision": e.date.precision},
        "place": e.place,
        "place_name": e.place_name,
        "trigger": span_dict(e.trigger),
        "evidence": span_dict(e.evidence),
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
                {**(span_dict(m.span) or {}), "form": m.form, "method": m.method}
            )
    return {
        "schema_version": analysis.schema_version,
        "article": {
            "source": art.source,
            "title": art.title,
            "outlet": art.outlet,
            "published": art.published.isoformat() if art.published else None,
            "date_source": art.date_source,
            "input_format": art.input_format,
            "language": art.language,
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
        "relations": [{"pair": list(r.pair), "sign": r.sign, "weight": r.weight} for r in analysis.relations],
        "triads": [
            {"actors": list(t.actors), "balanced": t.balanced, "signs": list(t.signs)}
            for t in analysis.triads
        ],
        "warnings": list(analysis.warnings),
    }


def to_json(analysis: Analysis, indent: int | None = 2) -> str:
    return json.dumps(to_dict(analysis), ensure_ascii=False, indent=indent)


def load_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`to_dict`'s output."""
    text = resources.files("entente.report").joinpath("schema/analysis.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result
