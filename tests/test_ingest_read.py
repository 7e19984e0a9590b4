"""Reading inputs: files, HTML, URLs, stdin, and every kind of bad input."""

from __future__ import annotations

import http.server
import io
import socket
import threading
from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path

import pytest

from entente.errors import EntenteError, W
from entente.ingest import load_document, load_text
from ingest_helpers import assert_offsets_exact

DATA = Path(__file__).parent / "data"
PAGE = DATA / "ingest_page.html"
EMPTY_PAGE = DATA / "ingest_no_article.html"
ARTICLE = (
    "Ministers meet in Vienna\n\n"
    "The foreign ministers of two neighbouring countries met in Vienna on Monday to discuss a water "
    "treaty that has been stalled for a decade.\n\n"
    '"We have found common ground," one of the ministers told reporters after the meeting, adding that '
    "talks would resume next month.\n"
)


def error_of(source: str, **kwargs: object) -> EntenteError:
    with pytest.raises(EntenteError) as info:
        load_document(source, **kwargs)  # type: ignore[arg-type]
    exc = info.value
    assert "\n" not in str(exc) and str(exc).startswith(f"{source}: [")  # one line, naming the input
    return exc


def test_html_page_extraction_and_metadata() -> None:
    doc = load_document(str(PAGE))
    info = doc.info
    assert info.input_format == "html"
    assert info.title == "Harbour towns sign a fishing accord"
    assert info.outlet == "The Coastal Ledger"
    assert (info.published, info.date_source) == (date(2023, 5, 17), "html")
    assert "share the grounds off the northern cape" in info.text
    assert '"We have argued about these waters' in info.text
    for furniture in ("Home", "Most read", "Copyright", "Privacy", "Photo: Ledger staff", "Ferry timetable"):
        assert furniture not in info.text, furniture
    assert "\n\n" in info.text  # paragraphs stay apart
    assert_offsets_exact(doc)


def test_date_option_stands_in_only_where_the_page_has_none() -> None:
    info = load_document(str(PAGE), published=date(2024, 1, 2)).info
    assert info.date_source == "html" and info.published != date(2024, 1, 2)


def test_html_without_article() -> None:
    assert error_of(str(EMPTY_PAGE)).message.code == "E006"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(DATA))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url(server: str) -> None:
    doc = load_document(f"{server}/{PAGE.name}", allow_private=True)  # a server on loopback
    assert doc.info.source == f"{server}/{PAGE.name}"
    assert doc.info.outlet == "The Coastal Ledger"
    assert doc.info.text == load_document(str(PAGE)).info.text


def test_url_failures(server: str) -> None:
    local = {"allow_private": True}  # the test servers are on loopback
    missing = error_of(f"{server}/no-such-page.html", **local)
    assert missing.message.code == "E007" and "404" in str(missing)
    refused = error_of(f"http://127.0.0.1:{free_port()}/x", **local)
    assert refused.message.code == "E007"  # connection refused
    assert error_of("http://[::1/x").message.code == "E007"  # a malformed address
    assert error_of(f"{server}/{PAGE.name}", max_bytes=100, **local).message.code == "E005"
    assert error_of(f"{server}/{PAGE.name}").message.code == "E030"  # loopback, not allowed by default


def free_port() -> int:
    """A local port with nothing listening on it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_stdin() -> None:
    doc = load_document("-", stdin=io.BytesIO(ARTICLE.encode("utf-8")))
    assert doc.info.source == "-" and doc.info.title == "Ministers meet in Vienna"
    assert doc.raw == ARTICLE
    html = load_document("-", stdin=io.BytesIO(PAGE.read_bytes()))
    assert html.info.input_format == "html"
    assert error_of("-", stdin=io.BytesIO(b"")).message.code == "E002"
    assert error_of("-", stdin=io.BytesIO(b"x" * 200), max_bytes=100).message.code == "E005"


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    doc = load_document(str(path))
    assert doc.info.text.startswith("Ministers") and not any("W002" in w for w in doc.warnings)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "E002"),
        (b"  \n\n\t ", "E002"),
        (b"%PDF-1.7\n" + b"stream" * 50, "E003"),
        (b"PK\x03\x04" + b"\x00" * 100, "E003"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "E003"),
        (ARTICLE.encode() + b"\x00\x00\x00 more", "E003"),
        (bytes(range(1, 9)) * 100, "E003"),
        (b"\x81\x8d\x8f\x90\x9d" * 20 + b" some words", "E004"),
        (b"Loading...\nAdvertisement\nReuters\n", "E012"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert error_of(str(path)).message.code == code


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert error_of(str(tmp_path / "nope.txt")).message.code == "E001"
    assert error_of(str(tmp_path)).message.code == "E014"


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = (
        "The committee met again today and discussed the budget for the coming year. " * 10 + "\n"
    ).encode()
    with path.open("wb") as fh:
        for _ in range(20_000_000 // len(line) + 1):
            fh.write(line)
    assert path.stat().st_size > 20_000_000
    exc = error_of(str(path))
    assert exc.message.code == "E005" and str(path.stat().st_size) in str(exc)


def test_cp1252_decoded_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(ARTICLE.replace("Vienna", "Vienna’s café").encode("cp1252"))
    doc = load_document(str(path))
    assert "Vienna’s café" in doc.info.text
    assert doc.warnings == (W.W002.format(encoding="cp1252"),)


def test_non_english_warns() -> None:
    german = (
        "Der Bundeskanzler hat am Montag in Berlin gesagt, dass die Regierung die Steuern nicht erhöhen "
        "wird. Die Opposition kritisierte den Plan und forderte eine Debatte im Bundestag über die Rente."
    )
    doc = load_text(german, source="de.txt")
    assert doc.info.language == "de"
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith("[W001]") and "de" in doc.warnings[0]
    assert not load_text(ARTICLE).warnings
