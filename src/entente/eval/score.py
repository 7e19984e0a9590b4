"""Pure scoring functions: one gold file against one system output (``to_dict`` of an Analysis).

Every ``score_*`` function returns ``(counts, misses)``: ``counts`` are integers that
add up over files (micro-averaging), ``misses`` lists what went wrong, for reading.
:func:`figures` turns counts (of one file or pooled) into the 19 reported figures.
The rules follow ``../shared/gold/FORMAT.md``; docs/eval.md states the choices it leaves open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from entente.eval.gold import QUAD_CLASS, Gold, GoldEvent, GoldPerson
from entente.eval.match import match_one_to_one
from entente.eval.quotes import score_not_quotes, score_quotes
from entente.eval.text import contains_words, form_key, name_parts, normalise

Counts = dict[str, int]
Misses = dict[str, list[str]]
Figure = float | bool | int | None

#: the reported figures, in output order
FIGURES: tuple[str, ...] = (
    "boilerplate_removed",
    "caption_once",
    "actor_forms_recall",
    "actor_precision",
    "people_f1",
    "affiliation_accuracy",
    "quotes_precision",
    "quotes_recall",
    "quotes_f1",
    "direct_quotes_f1",
    "speaker_accuracy",
    "false_quotes",
    "events_precision",
    "events_recall",
    "events_f1",
    "event_type_accuracy",
    "event_status_accuracy",
    "relations_accuracy",
    "triads_accuracy",
)

#: figure -> the count that exists exactly when the figure's gold section is present
SECTION_KEY: dict[str, str] = {
    "boilerplate_removed": "boilerplate_n",
    "caption_once": "caption_n",
    "actor_forms_recall": "actor_forms_n",
    "actor_precision": "actor_forms_n",
    "people_f1": "people_gold",
    "affiliation_accuracy": "people_gold",
    "quotes_precision": "quotes_gold",
    "quotes_recall": "quotes_gold",
    "quotes_f1": "quotes_gold",
    "direct_quotes_f1": "quotes_gold",
    "speaker_accuracy": "quotes_gold",
    "false_quotes": "not_quotes_n",
    "events_precision": "events_gold",
    "events_recall": "events_gold",
    "events_f1": "events_gold",
    "event_type_accuracy": "events_gold",
    "event_status_accuracy": "events_gold",
    "relations_accuracy": "relations_n",
    "triads_accuracy": "triads_n",
}


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def f1(tp: int, n_gold: int, n_system: int) -> float | None:
    den = n_gold + n_system  # = 2tp + fp + fn
    return 2 * tp / den if den else None


def figures(counts: Counts) -> dict[str, Figure]:
    """The 19 figures from (pooled) counts; ``None`` where the section is absent or nothing to count."""
    c = counts
    g = c.get
    out: dict[str, Figure] = dict.fromkeys(FIGURES)
    if "boilerplate_n" in c:
        out["boilerplate_removed"] = ratio(c["boilerplate_removed"], c["boilerplate_n"])
    if "caption_n" in c:
        out["caption_once"] = c["caption_pass"] == c["caption_n"]
    if "actor_forms_n" in c:
        out["actor_forms_recall"] = ratio(c["actor_forms_found"], c["actor_forms_n"])
        out["actor_precision"] = ratio(c["actor_ids_gold"], c["actor_ids_system"])
    if "people_gold" in c:
        out["people_f1"] = f1(c["people_tp"], c["people_gold"], c["people_system"])
        out["affiliation_accuracy"] = ratio(c["affiliation_right"], c["affiliation_n"])
    if "quotes_gold" in c:
        out["quotes_precision"] = ratio(c["quotes_tp"], c["quotes_system"])
        out["quotes_recall"] = ratio(c["quotes_tp"], c["quotes_gold"])
        out["quotes_f1"] = f1(c["quotes_tp"], c["quotes_gold"], c["quotes_system"])
        out["direct_quotes_f1"] = f1(c["direct_tp"], c["direct_gold"], c["direct_system"])
        out["speaker_accuracy"] = ratio(c["speaker_right"], c["speaker_n"])
    if "not_quotes_n" in c:
        out["false_quotes"] = g("false_quotes", 0)
    if "events_gold" in c:
        out["events_precision"] = ratio(c["events_tp"], c["events_system"])
        out["events_recall"] = ratio(c["events_tp"], c["events_gold"])
        out["events_f1"] = f1(c["events_tp"], c["events_gold"], c["events_system"])
        out["event_type_accuracy"] = ratio(c["event_type_right"], c["events_tp"])
        out["event_status_accuracy"] = ratio(c["event_status_right"], c["events_tp"])
    if "relations_n" in c:
        out["relations_accuracy"] = ratio(c["relations_right"], c["relations_n"])
    if "triads_n" in c:
        out["triads_accuracy"] = ratio(c["triads_right"], c["triads_n"])
    return out


def pool(all_counts: Sequence[Counts]) -> Counts:
    """Sum counts over files; a key is present when any file has it."""
    total: Counts = {}
    for counts in all_counts:
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
    return total


# --- article ----------------------------------------------------------------------------------


def score_article(gold: Gold, system: dict[str, Any]) -> tuple[Counts, Misses]:
    text = (system.get("article") or {}).get("text") or ""
    counts: Counts = {}
    misses: Misses = {}
    if gold.boilerplate is not None:
        lines = {normalise(line) for line in text.splitlines()}
        kept = [b for b in gold.boilerplate if normalise(b) in lines]
        counts["boilerplate_n"] = len(gold.boilerplate)
        counts["boilerplate_removed"] = len(gold.boilerplate) - len(kept)
        misses["boilerplate_kept"] = kept
    if gold.caption_once is not None:
        times = normalise(text).count(normalise(gold.caption_once))
        counts["caption_n"] = 1
        counts["caption_pass"] = int(times <= 1)
        misses["caption_times"] = [] if times <= 1 else [f"{times} times"]
    return counts, misses


# --- actors -----------------------------------------------------------------------------------


def score_actors(gold: Gold, system: dict[str, Any]) -> tuple[Counts, Misses]:
    if gold.actors is None:
        return {}, {}
    resolved: dict[str, set[str]] = {}
    system_ids = set()
    for actor in system.get("actors") or []:
        system_ids.add(actor["id"])
        for mention in actor.get("mentions") or []:
            resolved.setdefault(form_key(mention.get("text") or ""), set()).add(actor["id"])
    missed = [
        f"{a.id}: {form}"
        for a in gold.actors
        for form in a.forms
        if a.id not in resolved.get(form_key(form), ())
    ]
    n_forms = sum(len(a.forms) for a in gold.actors)
    gold_ids = {a.id for a in gold.actors} | {a.of for a in gold.actors if a.of}
    counts = {
        "actor_forms_n": n_forms,
        "actor_forms_found": n_forms - len(missed),
        "actor_ids_system": len(system_ids),
        "actor_ids_gold": len(system_ids & gold_ids),
    }
    return counts, {"actor_forms_missed": missed, "actor_ids_extra": sorted(system_ids - gold_ids)}


# --- people -----------------------------------------------------------------------------------


def person_match(gold: GoldPerson, system_name: str) -> float | None:
    """3: same name; 2: same surname, first names not in conflict; 1: a capitalised gold form."""
    g, s = name_parts(gold.name), name_parts(system_name)
    if not g or not s:
        return None
    if g == s:
        return 3.0
    if g[-1] == s[-1]:
        if len(g) == 1 or len(s) == 1:
            return 2.0
        a, b = g[0], s[0]
        if a == b or (a[0] == b[0] and min(len(a), len(b)) == 1):
            return 2.0
    for form in gold.forms:
        if form != form.lower() and name_parts(form) == s:
            return 1.0
    return None


def score_people(gold: Gold, system: dict[str, Any]) -> tuple[Counts, Misses]:
    if gold.people is None:
        return {}, {}
    people = [p for p in system.get("people") or [] if p.get("name")]
    pairs = match_one_to_one(gold.people, people, lambda g, s: person_match(g, s["name"]))
    counts = {"people_gold": len(gold.people), "people_system": len(people), "people_tp": len(pairs)}
    counts.update(role_n=0, role_right=0, affiliation_n=0, affiliation_right=0)
    wrong: list[str] = []
    for gi, si in pairs:
        g, s = gold.people[gi], people[si]
        if g.role:
            counts["role_n"] += 1
            ok = contains_words(s.get("role"), g.role)
            counts["role_right"] += ok
            if not ok:
                wrong.append(f"{g.name}: role {s.get('role')!r}, gold {g.role!r}")
        if g.has_affiliation:
            counts["affiliation_n"] += 1
            got = s.get("affiliation")
            ok = not got if g.affiliation is None else contains_words(got, g.affiliation)
            counts["affiliation_right"] += ok
            if not ok:
                wrong.append(f"{g.name}: affiliation {got!r}, gold {g.affiliation!r}")
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    misses = {
        "people_missed": [p.name for i, p in enumerate(gold.people) if i not in matched_g],
        "people_extra": [p["name"] for i, p in enumerate(people) if i not in matched_s],
        "people_wrong": wrong,
    }
    return counts, misses


# --- events -----------------------------------------------------------------------------------


def system_quad(event: dict[str, Any]) -> str:
    etype = str(event.get("type") or "").upper()
    return QUAD_CLASS.get(etype) or str(event.get("quad_class") or "")


def actors_match(gold: GoldEvent, event: dict[str, Any]) -> bool:
    source, target = event.get("source"), event.get("target")
    if source not in gold.sources:
        return False
    if gold.targets:
        return target in gold.targets
    return target in gold.sources and target != source  # mutual event


def event_match(gold: GoldEvent, event: dict[str, Any]) -> float | None:
    """``None`` unless actors, type-or-quad-class and evidence agree; higher for same type, same status."""
    if not actors_match(gold, event):
        return None
    same_type = str(event.get("type") or "").upper() == gold.type
    if not same_type and system_quad(event) != gold.quad_class:
        return None
    if gold.evidence is not None:
        # the evidence sentence, or any other sentence the system reports for the same event
        spans = [event.get("evidence") or {}, *(event.get("other_evidence") or [])]
        wanted = normalise(gold.evidence).casefold()
        if not any(wanted in normalise(s.get("text") or "").casefold() for s in spans):
            return None
    return 2.0 * same_type + (event.get("status") == gold.status)


def _describe(e: GoldEvent) -> str:
    return f"{'+'.join(e.sources)} -> {'+'.join(e.targets) or '(mutual)'} {e.type} {e.status}"


def score_events(gold: Gold, system: dict[str, Any]) -> tuple[Counts, Misses]:
    if gold.events is None:
        return {}, {}
    if gold.actors is not None:
        ids = {a.id for a in gold.actors}
    else:
        ids = {i for e in gold.events for i in (*e.sources, *e.targets)}
    events = list(system.get("events") or [])
    pairs = match_one_to_one(gold.events, events, event_match)
    matched_s = {si for _, si in pairs}
    counted = [
        i
        for i, e in enumerate(events)
        if (e.get("source") in ids and e.get("target") in ids) or i in matched_s
    ]
    counts = {
        "events_gold": len(gold.events),
        "events_system": len(counted),
        "events_tp": len(pairs),
        "event_type_right": sum(
            str(events[si].get("type") or "").upper() == gold.events[gi].type for gi, si in pairs
        ),
        "event_status_right": sum(events[si].get("status") == gold.events[gi].status for gi, si in pairs),
    }
    matched_g = {gi for gi, _ in pairs}
    misses = {
        "events_missed": [_describe(e) for i, e in enumerate(gold.events) if i not in matched_g],
        "events_extra": [
            " ".join(f"{events[i].get(k)}" for k in ("source", "target", "type", "status"))
            for i in counted
            if i not in matched_s
        ],
    }
    return counts, misses


# --- relations and triads ---------------------------------------------------------------------


def score_relations(gold: Gold, system: dict[str, Any]) -> tuple[Counts, Misses]:
    counts: Counts = {}
    misses: Misses = {}
    if gold.relations is not None:
        signs: dict[frozenset[str], str] = {}
        for r in system.get("relations") or []:
            signs.setdefault(frozenset(r.get("pair") or ()), str(r.get("sign")))
        wrong = [r for r in gold.relations if signs.get(frozenset(r.pair)) != r.sign]
        counts.update(relations_n=len(gold.relations), relations_right=len(gold.relations) - len(wrong))
        misses["relations_wrong"] = [f"{'/'.join(r.pair)} gold {r.sign}" for r in wrong]
    if gold.triads is not None:
        verdicts: dict[frozenset[str], bool] = {}
        for t in system.get("triads") or []:
            verdicts.setdefault(frozenset(t.get("actors") or ()), bool(t.get("balanced")))
        bad = [t for t in gold.triads if verdicts.get(frozenset(t.actors)) is not t.balanced]
        counts.update(triads_n=len(gold.triads), triads_right=len(gold.triads) - len(bad))
        misses["triads_wrong"] = [f"{'/'.join(t.actors)} gold balanced={t.balanced}" for t in bad]
    return counts, misses


# --- one file ---------------------------------------------------------------------------------


@dataclass
class FileScore:
    name: str
    counts: Counts
    misses: Misses = field(default_factory=dict)

    @property
    def figures(self) -> dict[str, Figure]:
        return figures(self.counts)


def score_file(gold: Gold, system: dict[str, Any], source_text: str) -> FileScore:
    """Score ``system`` (``to_dict`` output) against ``gold``; ``source_text`` is the original NAME.txt."""
    counts: Counts = {}
    misses: Misses = {}
    parts = (
        score_article(gold, system),
        score_actors(gold, system),
        score_people(gold, system),
        score_quotes(gold, system, source_text),
        score_not_quotes(gold, system),
        score_events(gold, system),
        score_relations(gold, system),
    )
    for c, m in parts:
        counts.update(c)
        misses.update({k: v for k, v in m.items() if v})
    return FileScore(gold.name, counts, misses)
