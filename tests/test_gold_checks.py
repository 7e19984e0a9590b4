"""The hand-check files of issue 13 (gold/events-check): well-formed verdicts.

Each check file holds 100 verdicts on drawn events; a second judgement (agreement/) holds the
same references in the same order. The evidence anchors need the analysed store, which is not
committed, so only the records are checked here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CHECKS = Path(__file__).resolve().parent.parent / "gold" / "events-check"
FIELDS = ("source_ok", "target_ok", "type_ok", "status_ok")
STATUS = {"asserted", "attributed"}


def _rows(path: Path) -> list[dict[str, object]]:
    rows = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(rows, list)
    return rows


@pytest.mark.parametrize("path", sorted(CHECKS.glob("newsarticles-100*.yaml")), ids=lambda p: p.name)
def test_check_file_is_well_formed(path: Path) -> None:
    rows = _rows(path)
    assert len(rows) == 100
    assert len({(r["article_id"], r["seq"]) for r in rows}) == 100
    for r in rows:
        src, tgt, typ, status = str(r["system"]).split()
        assert len(src) == 3 and len(tgt) == 3 and typ.isupper() and status in STATUS, r
        start, end = r["evidence"]  # type: ignore[misc]
        assert 0 <= start < end, r
        assert len(str(r["sha1"])) == 12, r
        assert all(isinstance(r[f], bool) for f in (*FIELDS, "correct")), r
        assert r["correct"] == all(r[f] for f in FIELDS), r
        if not r["correct"]:
            assert str(r.get("note") or "").strip(), r


def test_second_judgement_matches_its_check() -> None:
    parts = sorted((CHECKS / "agreement").glob("v7-second-*.yaml"))
    if not parts:
        pytest.skip("no second judgement committed")
    second = [row for p in parts for row in _rows(p)]
    first = _rows(CHECKS / "newsarticles-100-v7.yaml")
    keys = ("article_id", "seq", "evidence", "sha1", "system")
    assert [[r[k] for k in keys] for r in second] == [[r[k] for k in keys] for r in first]
    for r in second:
        assert r["correct"] == all(r[f] for f in FIELDS), r
