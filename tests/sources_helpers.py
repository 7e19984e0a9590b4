"""Helpers of the source-reader tests: sample texts, a loopback web server, a WARC writer."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from entente.batch import Item
from entente.ingest.sources import SourceFailure, iter_items

STORY = "Officials in Ankara said on Monday that talks with Athens would resume in March."
OTHER = "The foreign ministers of Chile and Peru met in Lima to discuss the fishing dispute."
PAGE = (
    "<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
    f"<p>{STORY}</p><p>{OTHER}</p></article></body></html>"
)


def run(paths: list[str], **kwargs: Any) -> list[Item | SourceFailure]:
    return list(iter_items(paths, **kwargs))


def items(results: list[Item | SourceFailure]) -> list[Item]:
    return [r for r in results if isinstance(r, Item)]


def failures(results: list[Item | SourceFailure]) -> dict[str, str]:
    return {r.input_name: r.cause for r in results if isinstance(r, SourceFailure)}


class Site:
    """Pages served by a real HTTP server on 127.0.0.1: path -> (status, content type, body)."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, ctype, body = site.pages.get(self.path, (404, "text/plain", b"not here"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def add(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8") -> str:
        self.pages[path] = (200, ctype, body.encode("utf-8") if isinstance(body, str) else body)
        return self.base + path


def serve() -> Iterator[Site]:
    """A running :class:`Site` (a fixture's body: ``yield from serve()``), shut down afterwards."""
    served = Site()
    served.thread.start()
    try:
        yield served
    finally:
        served.server.shutdown()
        served.server.server_close()


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]], *, gz: bool) -> None:
    """records: (type, uri, "STATUS content-type", body)."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for rec_type, uri, head, body in records:
            status, _, ctype = head.partition(" ")
            http = None
            if rec_type == "response":
                http = StatusAndHeaders(f"{status} X", [("Content-Type", ctype)], protocol="HTTP/1.1")
            elif rec_type == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            record = writer.create_warc_record(
                uri,
                rec_type,
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2017-02-07T10:00:00Z"},
            )
            writer.write_record(record)
