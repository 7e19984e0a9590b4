"""entente_events scored on the reference article of ../shared/gold (skipped when absent)."""

from __future__ import annotations

import pytest

from entente.analyze import analyze
from entente.corpora import shared_dir
from entente.eval.gold import load_gold
from entente.eval.run import evaluate

SHARED = shared_dir()
GOLD = SHARED / "gold" / "russia-iran-entente.gold.yaml" if SHARED else None

pytestmark = pytest.mark.skipif(
    GOLD is None or not GOLD.exists(), reason="../shared/gold (the reference article) is not available"
)


@pytest.fixture(scope="module")
def figures() -> dict[str, float | None]:
    assert GOLD is not None
    return dict(evaluate([GOLD]).total)


def test_reference_event_figures(figures: dict[str, float | None]) -> None:
    assert (figures["events_f1"] or 0) >= 0.85
    assert (figures["event_type_accuracy"] or 0) >= 0.8
    assert (figures["event_status_accuracy"] or 0) >= 0.9


def test_unrealized_transfers_never_happened() -> None:
    """Every arms transfer from Russia to Iran in the article is only discussed, feared or denied."""
    assert GOLD is not None
    gold = load_gold(GOLD)
    analysis = analyze(str(gold.text_path), published=gold.reference_date)
    aid = [e for e in analysis.events if (e.source, e.target, e.type) == ("RUS", "IRN", "AID")]
    assert aid
    assert {e.status for e in aid} <= {"hypothetical", "negated"}
    raw = gold.text_path.read_text(encoding="utf-8")
    for e in analysis.events:  # trigger and evidence offsets index the original input
        assert raw[e.trigger.start : e.trigger.end] == e.trigger.text
        assert raw[e.evidence.start : e.evidence.end].split() == e.evidence.text.split()
