"""`entente eval` end to end: JSON structure, exit statuses 0 / 1 / 5."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from entente.cli import main
from entente.eval.score import FIGURES

TEXT = "Russia and Iran signed a trade deal on Monday.\n\nBoth sides said the deal would grow.\n"


def _gold_set(tmp_path: Path, boilerplate: str) -> Path:
    """A folder `mini` with one gold file of my own words whose only section is article.boilerplate."""
    folder = tmp_path / "mini"
    folder.mkdir()
    (folder / "deal.txt").write_text(TEXT, encoding="utf-8")
    (folder / "deal.gold.yaml").write_text(f"article:\n  boilerplate: [{boilerplate!r}]\n", encoding="utf-8")
    return folder


def _floors(tmp_path: Path) -> Path:
    path = tmp_path / "floors.yaml"
    path.write_text("mini: {boilerplate_removed: 1.0}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("boilerplate", "status"),
    [("Share this article on social media", 0), ("Russia and Iran signed a trade deal on Monday.", 1)],
)
def test_exit_status_follows_the_floors(nlp: Language, tmp_path: Path, boilerplate: str, status: int) -> None:
    folder = _gold_set(tmp_path, boilerplate)
    result = CliRunner().invoke(main, ["eval", str(folder), "--floors", str(_floors(tmp_path))])
    assert result.exit_code == status, result.output
    assert "boilerplate removed" in result.output
    assert ("BELOW FLOOR" in result.output) is (status == 1)


def test_no_floors_exits_0(nlp: Language, tmp_path: Path) -> None:
    folder = _gold_set(tmp_path, "Russia and Iran signed a trade deal on Monday.")
    assert CliRunner().invoke(main, ["eval", str(folder), "--no-floors"]).exit_code == 0


def test_malformed_gold_exits_5(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "bad.gold.yaml").write_text("events:\n  - {source: RUS, type: HUG}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 5
    assert "E009" in result.output and "bad.gold.yaml" in result.output


def test_malformed_floors_exit_5(tmp_path: Path) -> None:
    folder = _gold_set(tmp_path, "x")
    floors = tmp_path / "floors.yaml"
    floors.write_text("mini: {recall: 1}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(folder), "--floors", str(floors)])
    assert result.exit_code == 5
    assert "E013" in result.output


def test_json_on_the_reference_gold_has_the_19_figures_per_file_and_in_total(
    nlp: Language, shared: Path
) -> None:
    gold = shared / "gold" / "russia-iran-entente.gold.yaml"
    if not gold.exists():
        pytest.skip(f"{gold} is absent")
    result = CliRunner().invoke(main, ["eval", str(gold), "--json"])
    assert result.exit_code in (0, 1), result.output
    out = json.loads(result.stdout)
    assert list(out["files"]) == ["russia-iran-entente"]
    assert set(out["files"]["russia-iran-entente"]) == set(FIGURES)
    assert set(out["total"]) == set(FIGURES)
    assert out["total"] == out["files"]["russia-iran-entente"]  # one file: pooled = its own
    assert isinstance(out["total"]["caption_once"], bool)
    assert isinstance(out["total"]["false_quotes"], int)
    assert out["counts"]["total"]["quotes_gold"] > 0
    assert out["floors"], "the committed floors name the reference article"
    assert result.exit_code == (0 if all(f["ok"] for f in out["floors"]) else 1)
