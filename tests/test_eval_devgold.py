"""The eval gate on the project's own unseen dev gold (gold/wikinews-dev): its floors hold."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from entente.cli import main

DEV = Path(__file__).parent.parent / "gold" / "wikinews-dev"


def test_dev_gold_meets_its_floors(shared: Path) -> None:
    assert len(list(DEV.glob("*.gold.yaml"))) >= 20
    result = CliRunner().invoke(main, ["eval", str(DEV)])
    assert result.exit_code == 0, result.output[-3000:]
    assert "wikinews-dev: events_recall" in result.output and "BELOW FLOOR" not in result.output
