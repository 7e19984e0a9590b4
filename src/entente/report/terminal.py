"""A readable terminal report of one :class:`~entente.records.Analysis`."""

from __future__ import annotations

import textwrap
from collections import Counter

from entente.records import Analysis

WIDTH = 100


def _table(rows: list[list[str]], headers: list[str]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    widths = [min(w, 60) for w in widths]

    def fmt(cells: list[str]) -> str:
        return "  ".join(c[:w].ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip()

    return [fmt(headers), fmt(["-" * w for w in widths]), *(fmt(r) for r in rows)]


def render(analysis: Analysis, max_rows: int = 25) -> str:
    art = analysis.article
    out: list[str] = []
    out.append(art.title or "(untitled)")
    meta = [
        f"source: {art.source}",
        f"outlet: {art.outlet or '-'}",
        f"published: {art.published.isoformat() if art.published else 'unknown'}"
        + (f" ({art.date_source})" if art.date_source else ""),
        f"words: {len(art.text.split())}",
    ]
    out.append(" | ".join(meta))
    if art.removed:
        out.append(f"page furniture removed: {len(art.removed)} pieces")
    for w in analysis.warnings:
        out.append(f"warning: {w}")

    counts = Counter(m.actor_id for m in analysis.mentions if m.actor_id)
    out += ["", f"ACTORS ({len(analysis.actors)})"]
    rows = []
    for actor in sorted(analysis.actors, key=lambda a: -counts[a.id]):
        forms = sorted({m.span.text for m in analysis.mentions if m.actor_id == actor.id})
        rows.append([actor.id, actor.name, actor.kind, str(counts[actor.id]), ", ".join(forms)])
    out += _table(rows[:max_rows], ["id", "name", "kind", "mentions", "forms"])
    unresolved = sorted({m.span.text for m in analysis.mentions if m.actor_id is None})
    if unresolved:
        out.append("unresolved names: " + ", ".join(unresolved[:30]))

    out += ["", f"PEOPLE ({len(analysis.people)})"]
    rows = [
        [p.name, p.role or "-", p.affiliation or "-", p.actor_id or "-", str(len(p.mentions))]
        for p in analysis.people
    ]
    out += _table(rows[:max_rows], ["name", "role", "affiliation", "speaks for", "mentions"])

    out += ["", f"QUOTES ({len(analysis.quotes)})"]
    for q in analysis.quotes[:max_rows]:
        who = q.speaker_name or (q.speaker.text if q.speaker else "?")
        to = f" -> {q.addressee}" if q.addressee else ""
        body = textwrap.shorten(q.text, WIDTH - 4, placeholder=" ...")
        out.append(f"- {who}{to} [{q.kind}]: {body}")

    out += ["", f"EVENTS ({len(analysis.events)})"]
    rows = [
        [
            e.source,
            e.target or "-",
            e.type,
            e.status,
            e.date.value if e.date else "-",
            textwrap.shorten(e.trigger.text, 40, placeholder="..."),
        ]
        for e in analysis.events
    ]
    out += _table(rows[:max_rows], ["source", "target", "type", "status", "date", "trigger"])

    if analysis.relations:
        out += ["", f"RELATIONS ({len(analysis.relations)})"]
        rows = [[f"{r.pair[0]}-{r.pair[1]}", r.sign, f"{r.weight:.2f}"] for r in analysis.relations]
        out += _table(rows[:max_rows], ["pair", "sign", "weight"])
    if analysis.triads:
        out += ["", f"TRIADS ({len(analysis.triads)})"]
        rows = [["-".join(t.actors), "balanced" if t.balanced else "unbalanced"] for t in analysis.triads]
        out += _table(rows[:max_rows], ["actors", "balance"])
    return "\n".join(out)
