"""The floors: the committed file keeps the issues' targets, and floors are checked on pooled counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from entente.errors import EntenteError
from entente.eval.gold import Gold
from entente.eval.run import DEFAULT_FLOORS, EvalResult, Floor, check_floors, load_floors
from entente.eval.score import FileScore

#: the targets the project's issues set: (gold NAME or folder, figure, bound, "min" or "max")
ISSUE_TARGETS = [
    ("russia-iran-entente", "boilerplate_removed", 1.0, "min"),
    ("russia-iran-entente", "caption_once", True, "min"),
    ("russia-iran-entente", "actor_forms_recall", 0.95, "min"),
    ("russia-iran-entente", "actor_precision", 0.95, "min"),
    ("russia-iran-entente", "people_f1", 0.9, "min"),
    ("russia-iran-entente", "affiliation_accuracy", 1.0, "min"),
    ("russia-iran-entente", "quotes_f1", 0.95, "min"),
    ("russia-iran-entente", "speaker_accuracy", 1.0, "min"),
    ("russia-iran-entente", "false_quotes", 0, "max"),
    ("russia-iran-entente", "events_f1", 0.85, "min"),
    ("russia-iran-entente", "event_type_accuracy", 0.8, "min"),
    ("russia-iran-entente", "event_status_accuracy", 0.9, "min"),
    ("russia-iran-entente", "relations_accuracy", 1.0, "min"),
    ("russia-iran-entente", "triads_accuracy", 1.0, "min"),
    ("wikinews-dev", "affiliation_accuracy", 0.6, "min"),
    ("wikinews-dev", "events_precision", 0.8, "min"),
    ("wikinews-dev", "event_status_accuracy", 0.85, "min"),
    ("polnear-dev", "direct_quotes_f1", 0.85, "min"),
    ("polnear-dev", "speaker_accuracy", 0.85, "min"),
    ("polnear-dev", "quotes_recall", 0.6, "min"),
]


@pytest.mark.parametrize(("key", "figure", "target", "kind"), ISSUE_TARGETS)
def test_committed_floors_never_drop_below_the_issue_targets(
    key: str, figure: str, target: float | bool, kind: str
) -> None:
    floors = [f for f in load_floors(DEFAULT_FLOORS) if (f.key, f.figure) == (key, figure)]
    assert len(floors) == 1, f"{key}.{figure} is missing from {DEFAULT_FLOORS.name}"
    floor = floors[0]
    assert floor.kind == kind
    if isinstance(target, bool):
        assert floor.bound is target
    elif kind == "min":
        assert floor.bound >= target
    else:
        assert floor.bound <= target


@pytest.mark.parametrize(
    ("body", "cause"),
    [
        ("a: {f1_score: 0.9}\n", "is not a figure"),
        ("a: {quotes_f1: high}\n", "must be a number"),
        ("a: {false_quotes: {most: 0}}\n", "{max: N}"),
        ("a: {caption_once: 1}\n", "true or false"),
        ("a: 0.9\n", "must map figure names"),
        ("- a\n", "top level"),
    ],
)
def test_malformed_floors_raise_e013(tmp_path: Path, body: str, cause: str) -> None:
    path = tmp_path / "floors.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(EntenteError) as info:
        load_floors(path)
    assert info.value.exit_status == 5
    assert cause in str(info.value)


def _result(tmp_path: Path) -> EvalResult:
    """Two files in folder `set` (quotes) and one elsewhere (events, no quotes)."""
    paths = [tmp_path / "set" / "a.gold.yaml", tmp_path / "set" / "b.gold.yaml", tmp_path / "c.gold.yaml"]
    golds = [Gold(path=p, text_path=p.with_suffix(".txt"), reference_date=None) for p in paths]
    quotes = {"direct_gold": 0, "direct_system": 0, "direct_tp": 0, "speaker_n": 0, "speaker_right": 0}
    counts = [
        {"quotes_gold": 4, "quotes_system": 2, "quotes_tp": 2, **quotes},
        {"quotes_gold": 4, "quotes_system": 6, "quotes_tp": 4, **quotes},
        {
            "events_gold": 2,
            "events_system": 2,
            "events_tp": 2,
            "event_type_right": 2,
            "event_status_right": 2,
        },
    ]
    scores = [FileScore(g.name, c) for g, c in zip(golds, counts, strict=True)]
    folders = [("tmp", "set"), ("tmp", "set"), ("tmp",)]
    return EvalResult(golds, scores, keys=[g.name for g in golds], folders=folders)


def test_folder_floors_use_pooled_counts(tmp_path: Path) -> None:
    result = _result(tmp_path)
    checks = check_floors(
        result, [Floor("set", "quotes_recall", 0.75), Floor("set", "quotes_precision", 0.76)]
    )
    assert [(c.value, c.ok, c.files) for c in checks] == [(0.75, True, 2), (0.75, False, 2)]


def test_floors_on_absent_sections_are_skipped_and_unmeasured_figures_fail(tmp_path: Path) -> None:
    result = _result(tmp_path)
    floors = [
        Floor("c", "quotes_recall", 0.1),  # c has no quotes section: not applicable
        Floor("set", "speaker_accuracy", 0.1),  # no speaker judged: n/a fails
        Floor("c", "events_f1", 1.0),
        Floor("nowhere", "events_f1", 1.0),  # nothing evaluated under that name
        Floor("c", "false_quotes", 0, "max"),  # no not_quotes section
    ]
    checks = check_floors(result, floors)
    assert [(c.floor.key, c.floor.figure, c.ok) for c in checks] == [
        ("set", "speaker_accuracy", False),
        ("c", "events_f1", True),
    ]


def test_a_folder_floor_is_not_checked_on_a_file_given_alone(tmp_path: Path) -> None:
    result = _result(tmp_path)
    result.folders = [(), (), ()]  # as if each file had been named on the command line
    floors = [Floor("set", "quotes_recall", 0.9), Floor("a", "quotes_recall", 0.4)]
    assert [(c.floor.key, c.value, c.ok) for c in check_floors(result, floors)] == [("a", 0.5, True)]
