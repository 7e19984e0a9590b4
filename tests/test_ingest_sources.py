"""The readers behind ``entente ingest``: folders, files, CSV, JSONL, stdin; streaming; no raising.

Every input is written here, in tmp_path, in the tests' own words. The web's formats (feeds,
WARC, URL lists) are tested in test_ingest_sources_web.py.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from entente.batch import Item
from entente.ingest import sources
from entente.ingest.sources import SourceFailure, SourceStats, files, iter_items, parse_when, tables
from sources_helpers import OTHER, PAGE, STORY, failures, items, run

# --- folders and single files -------------------------------------------------------------------


def test_folder_is_walked_recursively_and_other_extensions_counted(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text(PAGE)
    (tmp_path / "a.txt").write_text(STORY + "\n")
    (tmp_path / "deeper" / "deepest").mkdir(parents=True)
    (tmp_path / "deeper" / "deepest" / "c.HTM").write_text(PAGE)
    (tmp_path / "deeper" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "deeper" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "deeper" / "more.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(OTHER)
    (tmp_path / "empty.txt").write_text("  \n")
    stats = SourceStats()
    results = run([str(tmp_path)], stats=stats)
    found = items(results)
    assert [Path(i.id).name for i in found] == ["a.txt", "b.html", "c.HTM"]
    assert [i.format for i in found] == ["text", "html", "html"]
    assert found[0].text == STORY + "\n"
    assert list(failures(results)) == [str(tmp_path / "empty.txt")]
    assert stats.skipped["files in folders with extension .pdf"] == 2
    assert stats.skipped["files in folders with extension .jpg"] == 1
    assert stats.skipped["hidden files and folders"] == 1
    assert (stats.items, stats.failures) == (3, 1)
    assert "3 documents, 1 failure; skipped:" in stats.summary()


def test_single_files_and_missing_ones(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "page.html").write_text(PAGE)
    (tmp_path / "notes.md").write_text(OTHER)
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    names = [str(tmp_path / n) for n in ("story.txt", "page.html", "notes.md", "blob.txt", "gone.txt")]
    results = run(names)
    assert [(i.id, i.format) for i in items(results)] == [
        (names[0], "text"),
        (names[1], "html"),
        (names[2], "auto"),
    ]
    failed = failures(results)
    assert "[E003]" in failed[names[3]] and "binary" in failed[names[3]]
    assert "[E001]" in failed[names[4]]


def test_a_document_over_the_cap_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(STORY * 20)
    (tmp_path / "small.txt").write_text(STORY)
    results = run([str(tmp_path)], max_bytes=200)
    assert [Path(i.id).name for i in items(results)] == ["small.txt"]
    assert "[E005]" in failures(results)[str(tmp_path / "big.txt")]


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_rows_with_defaults_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(
        b"Headline,Body,published,link,source\r\n"
        + f'First,"{STORY}\nSecond paragraph.",2017-02-07,https://example.org/1,Daily Example\r\n'.encode()
        + b"Broken row with too many,fields,2017-02-08,https://example.org/2,X,extra\r\n"
        + b"No text,,2017-02-09,https://example.org/3,X\r\n"
        + b"\r\n"
        + f"Latin,caf\xe9 {OTHER},2017-02-10,,\r\n".encode("latin-1")
        + f'Last,"{OTHER}","Tue, 14 Mar 2017 08:00:00 GMT",,\r\n'.encode()
    )
    results = run([str(path)])
    good = items(results)
    assert [i.id for i in good] == [f"{path}:1", f"{path}:5"]
    first = good[0]
    assert first.text == STORY + "\nSecond paragraph."
    assert (first.title, first.published, first.url, first.outlet, first.format) == (
        "First",
        date(2017, 2, 7),
        "https://example.org/1",
        "Daily Example",
        "auto",
    )
    assert good[1].published == date(2017, 3, 14) and good[1].url is None
    failed = failures(results)
    assert "6 fields where the header has 5" in failed[f"{path}:2"]
    assert "[E042]" in failed[f"{path}:3"] and "'Body'" in failed[f"{path}:3"]
    assert "UTF-8" in failed[f"{path}:4"]
    assert all("\n" not in cause for cause in failed.values())


def test_csv_named_columns_id_column_and_tsv(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("key\twords\twhen\tsite\nA-17\t" + STORY + "\t7 Feb 2017\tThe Post\n")
    results = run([str(path)], text_column="WORDS", outlet_column="site", id_column="key")
    (item,) = items(results)
    assert (item.id, item.text, item.outlet, item.published) == ("A-17", STORY, "The Post", None)


def test_csv_without_a_text_column_or_with_a_misnamed_one(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("name,score\nAlice,3\n")
    (cause,) = failures(run([str(path)])).values()
    assert "[E040]" in cause and "name, score" in cause and "--text-column" in cause
    (cause,) = failures(run([str(path)], text_column="name", date_column="when")).values()
    assert "[E044]" in cause and "'when'" in cause and "--date-column" in cause


def test_csv_field_over_the_cap_fails_its_row_only(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(f'text\n"{"x" * 500}"\n"{STORY}"\n')
    results = run([str(path)], max_bytes=300)
    assert [i.text for i in items(results)] == [STORY]
    cause = failures(results)[f"{path}:1"]
    assert "[E041]" in cause and "over the limit of 300 characters" in cause


# --- JSONL --------------------------------------------------------------------------------------


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"id": "wire-1", "headline": "One", "content": STORY, "date": "2017-02-07T10:00:00Z"}),
        "",
        "{not json",
        json.dumps([STORY]),
        json.dumps({"title": "No text here"}),
        json.dumps({"text": 42}),
        json.dumps({"TEXT": OTHER, "url": "https://example.org/o", "outlet": "Example"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    results = run([str(path)])
    assert [(i.id, i.title, i.published) for i in items(results)] == [
        ("wire-1", "One", date(2017, 2, 7)),
        (f"{path}:7", None, None),
    ]
    assert items(results)[1].outlet == "Example"
    failed = failures(results)
    assert "not JSON" in failed[f"{path}:3"]
    assert "a JSON list, not an object" in failed[f"{path}:4"]
    assert "[E042]" in failed[f"{path}:5"] and "title" in failed[f"{path}:5"]
    assert "a int, not a string" in failed[f"{path}:6"]


def test_jsonl_gz_and_a_named_text_key(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"story": STORY, "text": "not this one"}) + "\n")
    (item,) = run([str(path)], text_column="story")
    assert isinstance(item, Item) and item.text == STORY and item.id == f"{path}:1"


def test_a_cut_gz_keeps_the_lines_before(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for n in range(3_000):
            fh.write(json.dumps({"text": f"{STORY} {n} {OTHER}"}) + "\n")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    results = run([str(path)])
    assert 100 < len(items(results)) < 3_000
    cause = failures(results)[str(path)]
    assert "[E014]" in cause and "damaged or cut short after line" in cause


# --- standard input -----------------------------------------------------------------------------


def test_stdin_one_document() -> None:
    results = run(["-"], stdin=io.BytesIO(f"{STORY}\n{{not json}}\n".encode()))
    assert [(i.id, i.format) for i in items(results)] == [("-", "auto")]


def test_stdin_jsonl_and_a_second_dash() -> None:
    data = "\n" + json.dumps({"text": STORY}) + "\n" + json.dumps({"text": OTHER, "id": "x"}) + "\n"
    results = run(["-", "-"], stdin=io.BytesIO(data.encode()))
    assert [i.id for i in items(results)] == ["-:2", "x"]
    assert "already read" in failures(results)["-"]


def test_stdin_pretty_json_is_one_document() -> None:
    data = json.dumps({"text": STORY}, indent=2).encode()
    (item,) = run(["-"], stdin=io.BytesIO(data))
    assert isinstance(item, Item) and item.id == "-" and item.text.startswith("{")


# --- streaming and never raising ----------------------------------------------------------------


def test_a_big_csv_is_streamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.csv"
    row = f'"{STORY} {OTHER}",2017-02-07\n'.encode()
    with path.open("wb") as fh:
        fh.write(b"text,date\n")
        for _ in range(100_000):
            fh.write(row)
    size = path.stat().st_size
    opened: list[BinaryIO] = []
    real = tables.open_binary

    def spy(p: Path) -> BinaryIO:
        fh = real(p)
        opened.append(fh)
        return fh

    monkeypatch.setattr(tables, "open_binary", spy)
    stream = iter_items([str(path)])
    first = next(stream)
    assert isinstance(first, Item) and first.id == f"{path}:1"
    assert opened[0].tell() < size / 20  # the first row came before the file was read
    tracemalloc.start()  # slows reading tenfold: watch 20,000 rows, then read the rest
    try:
        count = 1 + sum(1 for _ in itertools.islice(stream, 20_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    count += sum(1 for _ in stream)
    assert count == 100_000
    assert peak < size / 20  # rows are not kept


def test_folders_are_walked_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for sub in ("a", "b", "c"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(STORY)
    listed: list[str] = []
    real = files.os.scandir

    def spy(path: Any) -> Any:
        listed.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(files.os, "scandir", spy)
    stream = iter_items([str(tmp_path)])
    assert isinstance(next(stream), Item)
    assert listed == [tmp_path.name, "a"]  # b and c are not looked at yet
    assert len(list(stream)) == 2 and listed[-2:] == ["b", "c"]


def test_stdin_jsonl_is_streamed_and_long_lines_fail_alone() -> None:
    lines = [json.dumps({"text": f"{STORY} ({n})"}) for n in range(2_000)]
    lines[1] = json.dumps({"text": "x" * 5_000})  # over the cap
    lines[2] = json.dumps({"text": "x" * 80_000})  # over the cap on a line too long to read
    data = ("\n".join(lines) + "\n").encode()
    stream = io.BytesIO(data)
    results = iter_items(["-"], stdin=stream, max_bytes=1_000)
    assert isinstance(next(results), Item)
    assert stream.tell() < len(data) / 10
    rest = list(results)
    assert len(items(rest)) == 1_997
    assert "[E005]" in failures(rest)["-:2"]
    assert "longer than" in failures(rest)["-:3"]


def test_a_reader_bug_is_a_failure_and_the_next_input_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any) -> Iterator[Item]:
        yield Item("first", STORY)
        raise RuntimeError("reader bug")

    monkeypatch.setattr(sources, "read_csv", broken)
    (tmp_path / "a.csv").write_text("text\nx\n")
    (tmp_path / "b.txt").write_text(STORY)
    results = run([str(tmp_path / "a.csv"), str(tmp_path / "b.txt")])
    assert [i.id for i in items(results)] == ["first", str(tmp_path / "b.txt")]
    assert failures(results) == {str(tmp_path / "a.csv"): "RuntimeError: reader bug"}


def test_a_closed_stdin_is_a_failure() -> None:
    closed = io.BytesIO(b"")
    closed.close()
    (result,) = run(["-"], stdin=closed)
    assert isinstance(result, SourceFailure) and result.input_name == "-"


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-02-07", date(2017, 2, 7)),
        ("2017-02-07T23:30:00+01:00", date(2017, 2, 7)),
        ("2017-02-07 10:00:00", date(2017, 2, 7)),
        ("2017/2/7", date(2017, 2, 7)),
        ("Tue, 07 Feb 2017 10:00:00 GMT", date(2017, 2, 7)),
        (1486461600, date(2017, 2, 7)),
        (time.struct_time((2017, 2, 7, 10, 0, 0, 1, 38, 0)), date(2017, 2, 7)),
        ("yesterday", None),
        ("2017-02-31", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_parse_when(value: object, expected: date | None) -> None:
    assert parse_when(value) == expected
