"""The status step's cue words: ``status.yaml`` read into one frozen record.

Split out of ``status.py``, which re-exports :class:`StatusCues`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from entente.data import build, lowered
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
    def from_data(cls, data: dict[str, Any], source: str = "events/data/status.yaml") -> StatusCues:
        """The cues of ``data`` (status.yaml parsed); a misspelt key or a list of the wrong shape is E008."""
        w = lowered(build(StatusFile, data or {}, source=source, where=source))
        return cls(
            modals=w.modals,
            conditional_marks=w.conditional_marks,
            negating_heads=w.negating_heads,
            yet_heads=w.yet_heads,
            hypothetical_heads=w.hypothetical_heads,
            hypothetical_preps=w.hypothetical_preps,
            negations=w.negations,
            reporting_verbs=w.reporting_verbs,
            doubt_verbs=w.doubt_verbs,
            open_heads=w.open_heads,
            hypothetical_object_heads=w.hypothetical_object_heads,
            hypothetical_modifiers=w.hypothetical_modifiers,
            negating_determiners=w.negating_determiners,
            attributed_modifiers=w.attributed_modifiers,
            hypothetical_determiners=w.hypothetical_determiners,
            negating_particles=w.negating_particles,
            tense=TenseCues.from_data(data),
            agenda_heads=w.agenda_heads,
            outcome_heads=w.outcome_heads,
            onset_heads=w.onset_heads,
            continuing_verbs=w.continuing_verbs,
            object_preps=w.object_preps,
            implication_verbs=w.implication_verbs,
            attributed_heads=BackgroundCues.from_data(data).attributed_heads,  # one list: attribution block
            prescribed=presc.PrescribedCues.from_data(data),
            scenario=ScenarioCues.from_data(data),
            unfulfilled=UnfulfilledCues.from_data(data),
        )


@dataclass(frozen=True)
class StatusFile:
    """The top level of ``status.yaml``: every key some reader takes, so that a misspelt key is an
    error (E008) rather than a cue silently lost. Word lists are validated here; each block (a
    mapping) is validated by the reader named beside it."""

    modals: frozenset[str] = frozenset()
    conditional_marks: frozenset[str] = frozenset()
    negating_heads: frozenset[str] = frozenset()
    negating_particles: dict[str, frozenset[str]] = field(default_factory=dict)
    yet_heads: frozenset[str] = frozenset()
    hypothetical_heads: frozenset[str] = frozenset()
    hypothetical_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    continuing_verbs: frozenset[str] = frozenset()
    object_preps: frozenset[str] = frozenset()
    implication_verbs: frozenset[str] = frozenset()
    hypothetical_object_heads: frozenset[str] = frozenset()
    hypothetical_modifiers: frozenset[str] = frozenset()
    hypothetical_determiners: frozenset[str] = frozenset()
    attributed_modifiers: frozenset[str] = frozenset()
    negating_determiners: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    doubt_verbs: frozenset[str] = frozenset()
    open_heads: frozenset[str] = frozenset()
    agenda_heads: frozenset[str] = frozenset()
    outcome_heads: frozenset[str] = frozenset()
    onset_heads: frozenset[str] = frozenset()
    proverb_advs: frozenset[str] = frozenset()  # read by component.py ("so it did")
    anaphoric_subjects: frozenset[str] = frozenset()  # component.py
    happen_verbs: frozenset[str] = frozenset()  # component.py ("it happened")
    future_time: Any = None  # tense.TenseCues
    pending: Any = None  # tense.TenseCues
    scenario: Any = None  # scenario.ScenarioCues
    unfulfilled: Any = None  # unfulfilled.UnfulfilledCues
    prescribed: Any = None  # prescribed.PrescribedCues
    attribution: Any = None  # attribution.BackgroundCues
