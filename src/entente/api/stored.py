"""One stored article read back as an :class:`~entente.records.Analysis` (the same JSON as
``POST /api/analyze`` gives, so the page lays out both the same way)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from entente.records import (
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
)
from entente.store.schema import actors, articles, events, mentions, people, quotes, relations


def _span(row: Any, prefix: str) -> Span | None:
    start = getattr(row, f"{prefix}_start")
    if start is None:
        return None
    return Span(start, getattr(row, f"{prefix}_end"), getattr(row, f"{prefix}_text") or "")


def _spans(values: Any) -> tuple[Span, ...]:
    out = []
    for v in values or []:
        if isinstance(v, dict):
            out.append(Span(int(v["start"]), int(v["end"]), str(v["text"])))
        else:
            out.append(Span(int(v[0]), int(v[1]), str(v[2])))
    return tuple(out)


def _one(value: Any) -> Span | None:
    if not value:
        return None
    return Span(int(value["start"]), int(value["end"]), str(value["text"]))


def load_analysis(engine: Engine, article_id: str) -> Analysis | None:
    with engine.connect() as conn:
        art = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        if art is None:
            return None

        def rows(table: Any) -> list[Any]:
            stmt = select(table).where(table.c.article_id == article_id).order_by(table.c.seq)
            return list(conn.execute(stmt))

        m_rows, p_rows, q_rows, e_rows, r_rows = (
            rows(t) for t in (mentions, people, quotes, events, relations)
        )
        ids = sorted({r.actor_id for r in m_rows if r.actor_id})
        found = {r.id: r for r in conn.execute(select(actors).where(actors.c.id.in_(ids)))} if ids else {}
    info = ArticleInfo(
        source=art.source,
        title=art.title,
        outlet=art.outlet,
        published=art.published,
        date_source=art.date_source,
        text=art.text,
        input_format=art.input_format,
        language=art.language,
        id=art.id,
        url=art.url,
        input=art.input or art.text,
    )
    return Analysis(
        article=info,
        actors=tuple(
            Actor(i, found[i].name, found[i].kind, found[i].of_actor)  # type: ignore[arg-type]
            for i in ids
            if i in found
        ),
        mentions=tuple(
            ActorMention(_span(r, "span") or Span(0, 0, ""), r.actor_id, r.kind, r.form, r.method, r.label)
            for r in m_rows
        ),
        people=tuple(
            Person(r.name, _spans(r.mentions), r.role, r.affiliation, r.actor_id, r.gender) for r in p_rows
        ),
        quotes=tuple(
            Quote(
                content=_spans(r.content),
                kind=r.kind,
                speaker=_span(r, "speaker"),
                speaker_name=r.speaker_name,
                speaker_actor=r.speaker_actor,
                cue=_span(r, "cue"),
                addressee=r.addressee,
                mentions=tuple(r.mentions or ()),
                stance=tuple((str(a), float(s)) for a, s in (r.stance or [])),
            )
            for r in q_rows
        ),
        events=tuple(
            Event(
                source=r.source,
                target=r.target,
                type=r.type,
                quad_class=r.quad_class,
                intensity=r.intensity,
                status=r.status,
                trigger=_span(r, "trigger") or Span(0, 0, ""),
                evidence=_span(r, "evidence") or Span(0, 0, ""),
                mode=r.mode,
                attributed_to=r.attributed_to,
                date=EventDate(r.date_value, r.date_precision or "day") if r.date_value else None,
                place=r.place,
                place_name=r.place_name,
            )
            for r in e_rows
        ),
        relations=tuple(
            Relation(
                (r.actor_a, r.actor_b),
                r.sign,
                r.weight,
                tuple(
                    RelationEvidence(
                        span=_one(x.get("span")) or Span(0, 0, ""),
                        kind=x.get("kind", "event"),
                        sign=x.get("sign", "+"),
                        weight=float(x.get("weight") or 0.0),
                        sentence=_one(x.get("sentence")),
                        detail=str(x.get("detail") or ""),
                    )
                    for x in (r.evidence or [])
                ),
            )
            for r in r_rows
        ),
        warnings=tuple(art.warnings or ()),
    )
