"""Gold files and `entente eval` against careless or hostile input; gold articles from corpus rows."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from entente import corpora
from entente.cli import main
from entente.errors import E, EntenteError
from entente.eval.gold import gold_text, load_gold

TEXT = "We will win, A said.\n"
ROW_TEXT = "Moscow and Tehran signed a deal, officials said on Tuesday.\n"
ROW_URL = "https://en.wikinews.org/wiki/Example_story"


def _gold(folder: Path, body: str, name: str = "case.gold.yaml") -> Path:
    (folder / "case.txt").write_text(TEXT, encoding="utf-8")
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def _e009(path: Path) -> str:
    with pytest.raises(EntenteError) as info:
        load_gold(path)
    assert info.value.message is E.E009 and info.value.exit_status == 5
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    return str(info.value)


def test_offsets_past_the_end_of_the_text_refused(tmp_path: Path) -> None:
    path = _gold(tmp_path, "quotes:\n  - {speaker: A, content_spans: [[0, 500]]}\n")
    assert "past the end" in _e009(path)


def test_source_span_past_the_end_refused(tmp_path: Path) -> None:
    path = _gold(tmp_path, "quotes:\n  - {speaker: A, starts: We will, source_span: [14, 90]}\n")
    assert "past the end" in _e009(path)


@pytest.mark.parametrize("name", ["../../../etc/passwd", "/etc/passwd", "sub/../../case.txt"])
def test_article_file_leaving_the_folder_refused(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    (tmp_path / "case.txt").write_text(TEXT, encoding="utf-8")
    path = _gold(folder, f"article: {{file: '{name}'}}\nquotes:\n  - {{speaker: A, starts: We will}}\n")
    assert "leaves the gold file's folder" in _e009(path)


def test_article_file_in_a_subfolder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    path = _gold(tmp_path, "article: {file: texts/a.txt}\nquotes:\n  - {speaker: A, starts: We will}\n")
    assert load_gold(path).text_path == tmp_path / "texts" / "a.txt"


def test_gold_nested_100000_deep_is_e009(tmp_path: Path) -> None:
    path = tmp_path / "deep.gold.json"
    path.write_text('{"quotes": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    _e009(path)


def test_cli_gold_nested_deep_exit_5(tmp_path: Path) -> None:
    path = tmp_path / "deep.gold.json"
    path.write_text('{"quotes": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    (tmp_path / "deep.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(path), "--no-floors"])
    assert result.exit_code == 5, result.output
    assert len([x for x in result.output.splitlines() if x.startswith("error")]) == 1


def test_eval_of_an_empty_folder_fails(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["eval", str(empty)])
    assert result.exit_code == 2, result.output
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1 and "no gold files" in lines[0] and str(empty) in lines[0]


# ---------------------------------------------------------------- gold from a corpus row


@pytest.fixture
def corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """A corpus of one row (157) standing in for Wikinews."""

    def article(corpus_id: str) -> corpora.CorpusArticle:
        if corpus_id != "wikinews:157":
            raise KeyError(corpus_id)
        return corpora.CorpusArticle(
            id=corpus_id,
            published=date(2019, 5, 1),
            url=ROW_URL,
            title="Example",
            text=ROW_TEXT,
            corpus="wikinews",
        )

    monkeypatch.setattr(corpora, "article", article)


def _row_gold(folder: Path, article: str, quotes: str = "[{speaker: officials, starts: Moscow and}]") -> Path:
    path = folder / "row.gold.yaml"
    path.write_text(f"article: {article}\nquotes: {quotes}\n", encoding="utf-8")
    return path


def test_gold_names_a_corpus_row(tmp_path: Path, corpus: None) -> None:
    path = _row_gold(
        tmp_path,
        f'{{corpus: wikinews, row: 157, url: "{ROW_URL}"}}',
        "[{speaker: x, content_spans: [[0, 6]]}]",
    )
    gold = load_gold(path)
    assert gold.corpus_ref is not None and gold.corpus_ref.id == "wikinews:157"
    assert gold_text(gold) == ROW_TEXT and gold.source_name == "wikinews:157"


def test_gold_corpus_row_with_another_url_is_e009(tmp_path: Path, corpus: None) -> None:
    path = _row_gold(tmp_path, '{corpus: wikinews, row: 157, url: "https://en.wikinews.org/wiki/Other"}')
    text = _e009(path)
    assert "is not the url of corpus row wikinews:157" in text and ROW_URL in text


def test_gold_corpus_row_that_does_not_exist_is_e009(tmp_path: Path, corpus: None) -> None:
    assert "not a row" in _e009(_row_gold(tmp_path, "{corpus: wikinews, row: 99999}"))


@pytest.mark.parametrize(
    ("article", "words"),
    [
        ("{corpus: reuters, row: 1}", "article.corpus must be one of"),
        ("{corpus: wikinews, row: -1}", "article.row must be"),
        ("{corpus: wikinews, row: '7'}", "article.row must be"),
        ("{corpus: wikinews, row: 157, file: x.txt}", "both a file and a corpus row"),
    ],
)
def test_gold_corpus_row_malformed(tmp_path: Path, corpus: None, article: str, words: str) -> None:
    assert words in _e009(_row_gold(tmp_path, article))


def test_gold_corpus_absent_is_a_clear_e009(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def absent(corpus_id: str) -> corpora.CorpusArticle:
        raise EntenteError(E.E014, source="wikinews", cause="../shared/corpora/wikinews is absent")

    monkeypatch.setattr(corpora, "article", absent)
    text = _e009(_row_gold(tmp_path, "{corpus: wikinews, row: 157}"))
    assert "wikinews:157" in text and "absent" in text


def test_gold_corpus_row_offsets_checked_against_the_row(tmp_path: Path, corpus: None) -> None:
    path = _row_gold(tmp_path, "{corpus: wikinews, row: 157}", "[{speaker: x, content_spans: [[0, 9999]]}]")
    assert "past the end" in _e009(path)


def test_real_wikinews_row(tmp_path: Path, shared: Path) -> None:
    """Against the real corpus in ../shared (skipped where it is absent): row 0 with its own url."""
    try:
        row = corpora.article("wikinews:0")
    except (EntenteError, FileNotFoundError, KeyError) as exc:
        pytest.skip(f"the Wikinews corpus is not readable here: {exc}")
    path = _row_gold(tmp_path, json.dumps({"corpus": "wikinews", "row": 0, "url": row.url}), "[]")
    assert gold_text(load_gold(path)) == row.text


def test_floors_from_dev_zero_is_exit_5(tmp_path: Path) -> None:
    path = _gold(tmp_path, "quotes:\n  - {speaker: A, starts: We will}\n")
    result = CliRunner().invoke(main, ["eval", str(path), "--floors", "/dev/zero"])
    assert result.exit_code == 5, result.output
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1 and "/dev/zero" in lines[0] and "E032" in lines[0]
