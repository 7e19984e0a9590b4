"""The readable form of an evaluation: a block of figures per file, then the total."""

from __future__ import annotations

from entente.eval.run import EvalResult, FloorCheck
from entente.eval.score import Counts, Figure, figures

NA = "n/a"


def fmt(value: Figure) -> str:
    if value is None:
        return NA
    if isinstance(value, bool):
        return "pass" if value else "fail"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _frac(f: dict[str, Figure], figure: str, counts: Counts, num: str, den: str) -> str:
    return f"{fmt(f[figure])} ({counts.get(num, 0)}/{counts.get(den, 0)})"


def _prf(f: dict[str, Figure], counts: Counts, section: str, figure: str) -> str:
    c = counts.get
    p, r = f.get(f"{figure}_precision"), f.get(f"{figure}_recall")
    head = f"P {fmt(p)} R {fmt(r)} " if f"{figure}_precision" in f else ""
    return (
        f"{head}F1 {fmt(f[f'{figure}_f1'])} "
        f"(tp {c(section + '_tp', 0)}, gold {c(section + '_gold', 0)}, system {c(section + '_system', 0)})"
    )


def block(title: str, counts: Counts) -> list[str]:
    """One line per section, figures first and the counts behind them in brackets."""
    f = figures(counts)
    has = counts.__contains__
    rows = [
        (
            "article",
            has("boilerplate_n") or has("caption_n"),
            "boilerplate removed "
            f"{_frac(f, 'boilerplate_removed', counts, 'boilerplate_removed', 'boilerplate_n')}"
            f"   caption once {fmt(f['caption_once'])}",
        ),
        (
            "actors",
            has("actor_forms_n"),
            f"forms recall {_frac(f, 'actor_forms_recall', counts, 'actor_forms_found', 'actor_forms_n')}"
            f"   id precision {_frac(f, 'actor_precision', counts, 'actor_ids_gold', 'actor_ids_system')}",
        ),
        (
            "people",
            has("people_gold"),
            f"{_prf(f, counts, 'people', 'people')}"
            f"   affiliation {_frac(f, 'affiliation_accuracy', counts, 'affiliation_right', 'affiliation_n')}"
            f"   role {counts.get('role_right', 0)}/{counts.get('role_n', 0)}",
        ),
        (
            "quotes",
            has("quotes_gold") or has("not_quotes_n"),
            f"{_prf(f, counts, 'quotes', 'quotes')}   direct F1 {fmt(f['direct_quotes_f1'])}"
            f"   speaker {_frac(f, 'speaker_accuracy', counts, 'speaker_right', 'speaker_n')}"
            f"   false quotes {fmt(f['false_quotes'])}",
        ),
        (
            "events",
            has("events_gold"),
            f"{_prf(f, counts, 'events', 'events')}   type {fmt(f['event_type_accuracy'])}"
            f"   status {fmt(f['event_status_accuracy'])}",
        ),
        (
            "relations",
            has("relations_n") or has("triads_n"),
            f"accuracy {_frac(f, 'relations_accuracy', counts, 'relations_right', 'relations_n')}"
            f"   triads {_frac(f, 'triads_accuracy', counts, 'triads_right', 'triads_n')}",
        ),
    ]
    return [title] + [f"  {label:<10} {body if present else NA}" for label, present, body in rows]


def render(
    result: EvalResult, checks: list[FloorCheck], *, per_file: bool = True, misses: bool = False
) -> str:
    lines: list[str] = []
    if per_file:
        for name, score in zip(result.keys, result.scores, strict=True):
            lines.extend(block(name, score.counts))
            if misses:
                for key, items in score.misses.items():
                    lines.extend(f"    {key}: {item}" for item in items)
            lines.append("")
    lines.extend(block(f"TOTAL ({len(result.scores)} files, pooled counts)", result.total_counts))
    if checks:
        lines.append("")
        lines.append("floors")
        lines.extend(f"  {check.describe()}" for check in checks)
    return "\n".join(lines)
