"""Loading gold files: malformed files fail with E009 (exit 5) naming the file and the cause."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from entente.errors import EntenteError
from entente.eval.gold import find_gold, find_gold_in, load_gold

QUOTE = "quotes:\n  - {speaker: A, starts: We will}\n"


def _write(folder: Path, body: str, name: str = "case.gold.yaml", text: bool = True) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    if text:
        (folder / "case.txt").write_text("We will win, A said.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "cause"),
    [
        ("- a list\n", "top level must be a mapping"),
        ("quotes: {a: 1}\n", "'quotes' must be a list"),
        ("quotes:\n  - {speaker: A}\n", "needs 'starts' or 'content_spans'"),
        ("quotes:\n  - {speaker: A, content_spans: [[5, 3]]}\n", "start < end"),
        ("quotes:\n  - {speaker: A, content_spans: [[1, 2, 3]]}\n", "two integers"),
        ("quotes:\n  - {speaker: A, starts: x, kind: shouted}\n", "kind must be one of"),
        ("events:\n  - {source: RUS, target: IRN, type: HUG, status: asserted}\n", "not a PLOVER category"),
        ("events:\n  - {source: RUS, target: IRN, type: AID, status: likely}\n", "status must be one of"),
        ("events:\n  - {source: RUS, target: [], type: AID, status: asserted}\n", "needs two sources"),
        ("events:\n  - {target: IRN, type: AID, status: asserted}\n", "at least one actor id"),
        ("relations:\n  - {pair: [RUS, IRN], sign: '?'}\n", "sign must be"),
        ("relations:\n  - {pair: [RUS], sign: '+'}\n", "two different actor ids"),
        ("triads:\n  - {actors: [RUS, IRN], balanced: true}\n", "three different actor ids"),
        ("triads:\n  - {actors: [RUS, IRN, USA], balanced: maybe}\n", "balanced must be true or false"),
        ("actors:\n  - {forms: [Russia]}\n", "actors[0].id"),
        ("people:\n  - {role: President}\n", "people[0].name"),
        ("article: {reference_date: soon}\n" + QUOTE, "must be a date"),
        ("quotes: [\n", "not valid YAML/JSON"),
    ],
)
def test_malformed_gold_raises_e009_with_file_and_cause(tmp_path: Path, body: str, cause: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(EntenteError) as info:
        load_gold(path)
    assert info.value.exit_status == 5
    assert "E009" in str(info.value)
    assert str(path) in str(info.value)
    assert cause in str(info.value)


def test_a_gold_file_needs_its_article_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "article: {file: other.txt}\n" + QUOTE)
    with pytest.raises(EntenteError, match=r"other\.txt is not beside it") as info:
        load_gold(path)
    assert info.value.exit_status == 5


def test_json_gold_with_defaults(tmp_path: Path) -> None:
    data = {"quotes": [{"speaker": "A", "content_spans": [[0, 7]], "kind": "direct"}], "not_quotes": ["win"]}
    gold = load_gold(_write(tmp_path, json.dumps(data), name="case.gold.json"))
    assert gold.name == "case"
    assert gold.text_path == tmp_path / "case.txt"
    assert gold.quotes is not None and gold.quotes[0].content_spans == ((0, 7),)
    assert gold.not_quotes == ("win",)
    assert (gold.actors, gold.people, gold.events, gold.boilerplate) == (None, None, None, None)


def test_reference_date_wins_over_published_and_quotes_null_is_an_empty_section(tmp_path: Path) -> None:
    body = "article: {published: 2024-01-01, reference_date: 2024-10-14}\nquotes: null\n"
    gold = load_gold(_write(tmp_path, body))
    assert str(gold.reference_date) == "2024-10-14"
    assert gold.quotes == ()


def test_folders_are_searched_recursively_for_gold_files_only(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("a.gold.yaml", "sub/b.gold.json", "sub/c.yaml", "sub/b.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in find_gold([tmp_path])] == ["a.gold.yaml", "b.gold.json"]


def test_every_shared_gold_file_loads(shared: Path) -> None:
    files = find_gold([shared / "gold"])
    if not files:
        pytest.skip("no gold files under ../shared/gold")
    golds = [load_gold(f) for f in files]
    assert all(g.text_path.is_file() for g in golds)
    assert any(g.quotes for g in golds)


def test_each_gold_file_knows_the_folders_from_the_given_path_down(tmp_path: Path) -> None:
    (tmp_path / "top" / "sub").mkdir(parents=True)
    for name in ("top/a.gold.yaml", "top/sub/b.gold.yaml"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    found = find_gold_in([tmp_path / "top", tmp_path / "top" / "a.gold.yaml"])
    assert [(p.name, folders) for p, folders in found] == [
        ("a.gold.yaml", ("top",)),
        ("b.gold.yaml", ("top", "sub")),
    ]
    assert find_gold_in([tmp_path / "top" / "sub" / "b.gold.yaml"])[0][1] == ()
