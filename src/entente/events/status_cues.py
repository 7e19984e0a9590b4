"""The status step's cue words: ``status.yaml`` read into one frozen record.

Split out of ``status.py``, which re-exports :class:`StatusCues`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from entente.events import prescribed as presc
from entente.events.attribution import BackgroundCues
from entente.events.scenario import ScenarioCues
from entente.events.tense import TenseCues
from entente.events.unfulfilled import UnfulfilledCues


@dataclass(frozen=True)
class StatusCues:
    modals: frozenset[str]
    conditional_marks: frozenset[str]
    negating_heads: frozenset[str]
    yet_heads: frozenset[str]
    hypothetical_heads: frozenset[str]
    hypothetical_preps: dict[str, frozenset[str]]
    negations: frozenset[str]
    reporting_verbs: frozenset[str]
    doubt_verbs: frozenset[str]
    open_heads: frozenset[str]
    hypothetical_object_heads: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    negating_determiners: frozenset[str] = frozenset()
    attributed_modifiers: frozenset[str] = frozenset()
    hypothetical_determiners: frozenset[str] = frozenset()
    negating_particles: dict[str, frozenset[str]] = field(default_factory=dict)
    tense: TenseCues = field(default_factory=TenseCues)
    agenda_heads: frozenset[str] = frozenset()
    outcome_heads: frozenset[str] = frozenset()
    onset_heads: frozenset[str] = frozenset()
    continuing_verbs: frozenset[str] = frozenset()
    object_preps: frozenset[str] = frozenset()
    implication_verbs: frozenset[str] = frozenset()
    attributed_heads: frozenset[str] = frozenset()
    prescribed: presc.PrescribedCues = field(default_factory=presc.PrescribedCues)
    scenario: ScenarioCues = field(default_factory=ScenarioCues)
    unfulfilled: UnfulfilledCues = field(default_factory=UnfulfilledCues)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> StatusCues:
        def fs(key: str) -> frozenset[str]:
            return frozenset(str(v).lower() for v in data.get(key) or ())

        preps = {str(k): frozenset(v) for k, v in (data.get("hypothetical_preps") or {}).items()}
        particles = {str(k): frozenset(v) for k, v in (data.get("negating_particles") or {}).items()}
        return cls(
            modals=fs("modals"),
            conditional_marks=fs("conditional_marks"),
            negating_heads=fs("negating_heads"),
            yet_heads=fs("yet_heads"),
            hypothetical_heads=fs("hypothetical_heads"),
            hypothetical_preps=preps,
            negations=fs("negations"),
            reporting_verbs=fs("reporting_verbs"),
            doubt_verbs=fs("doubt_verbs"),
            open_heads=fs("open_heads"),
            hypothetical_object_heads=fs("hypothetical_object_heads"),
            hypothetical_modifiers=fs("hypothetical_modifiers"),
            negating_determiners=fs("negating_determiners"),
            attributed_modifiers=fs("attributed_modifiers"),
            hypothetical_determiners=fs("hypothetical_determiners"),
            negating_particles=particles,
            tense=TenseCues.from_data(data),
            agenda_heads=fs("agenda_heads"),
            outcome_heads=fs("outcome_heads"),
            onset_heads=fs("onset_heads"),
            continuing_verbs=fs("continuing_verbs"),
            object_preps=fs("object_preps"),
            implication_verbs=fs("implication_verbs"),
            attributed_heads=BackgroundCues.from_data(data).attributed_heads,  # one list: attribution block
            prescribed=presc.PrescribedCues.from_data(data),
            scenario=ScenarioCues.from_data(data),
            unfulfilled=UnfulfilledCues.from_data(data),
        )
