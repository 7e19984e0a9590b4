"""POST /api/analyze with a URL, against real HTTP servers on loopback: the fetcher refuses
loopback, private, link-local and metadata addresses (also after a redirect and after DNS), and
cuts off oversize and never-ending responses with a clear error.

A public-looking host is simulated with two seams: the resolver (``socket.getaddrinfo``)
answers a public address for it, and the network backend routes that address to the loopback
server, as a real network would route it to a real server.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import httpcore
import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from entente.api import Settings, create_app
from entente.store import open_store

PUBLIC_IP = "93.184.216.34"  # what the simulated DNS answers for the public-looking names
PUBLIC_NAME = "news.example.com"
REBOUND_NAME = "rebound.example.com"  # a public-looking name whose DNS answers 127.0.0.1
ARTICLE = (
    b"<html><head><title>Pact</title></head><body><article><p>Russia and Iran signed a defence pact "
    b"in Tehran on Monday, officials said.</p><p>The agreement covers air defence.</p>"
    b"</article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    paths: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # http.server's name
        Handler.paths.append(self.path)
        path, _, query = self.path.partition("?")
        try:
            if path == "/page":
                self._send(200, ARTICLE)
            elif path == "/redirect":
                self.send_response(302)
                self.send_header("Location", query.removeprefix("to="))
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path == "/big":  # says how big it is
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(50_000_000))
                self.end_headers()
                self.wfile.write(b"x" * 1024)
            elif path == "/endless":  # no length, never stops sending
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                while True:
                    self.wfile.write(b"<p>more</p>" * 1000)
            elif path == "/forever":  # a byte now and then, forever
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                while True:
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(0.2)
            else:
                self._send(404, b"")
        except OSError:  # the client hung up (what the limits are for)
            pass

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield int(httpd.server_address[1])
    httpd.shutdown()


@pytest.fixture
def network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The DNS and routing of a small internet: PUBLIC_NAME is public, REBOUND_NAME is loopback."""
    real_resolve = socket.getaddrinfo
    real_connect = httpcore.SyncBackend.connect_tcp

    def resolve(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == PUBLIC_NAME:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC_IP, port))]
        if host == REBOUND_NAME:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real_resolve(host, port, *args, **kwargs)

    def connect(self: Any, host: str, port: int, *args: Any, **kwargs: Any) -> Any:
        return real_connect(self, "127.0.0.1" if host == PUBLIC_IP else host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", connect)


def client(tmp_path: Path, **settings: Any) -> TestClient:
    return TestClient(create_app(Settings(db=f"sqlite:///{tmp_path / 's.db'}", **settings)))


def analyze(c: TestClient, url: str) -> Any:
    return c.post("/api/analyze", json={"url": url})


def test_the_seams_reach_the_server_for_a_public_name(tmp_path: Path, port: int, network: None) -> None:
    response = analyze(client(tmp_path), f"http://{PUBLIC_NAME}:{port}/page")
    assert response.status_code == 200, response.text
    assert {a["id"] for a in response.json()["analysis"]["actors"]} >= {"RUS", "IRN"}


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/page",
        "http://localhost:{port}/page",
        "http://[::1]:{port}/page",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.8/",
        "http://192.168.1.1/",
        "http://0.0.0.0:{port}/page",
        f"http://{REBOUND_NAME}:{{port}}/page",
    ],
)
def test_private_addresses_are_refused(tmp_path: Path, port: int, network: None, url: str) -> None:
    Handler.paths.clear()
    response = analyze(client(tmp_path), url.format(port=port))
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "E030" and "address" in error["message"]
    assert Handler.paths == []  # nothing reached the server


def test_a_public_url_that_redirects_to_loopback_is_refused(tmp_path: Path, port: int, network: None) -> None:
    Handler.paths.clear()
    target = f"http://127.0.0.1:{port}/page"
    response = analyze(client(tmp_path), f"http://{PUBLIC_NAME}:{port}/redirect?to={target}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "E030" and "127.0.0.1" in error["message"]
    assert Handler.paths == [f"/redirect?to={target}"]  # the first hop only; /page never fetched


def test_a_redirect_to_a_name_that_resolves_to_loopback_is_refused(
    tmp_path: Path, port: int, network: None
) -> None:
    target = f"http://{REBOUND_NAME}:{port}/page"
    response = analyze(client(tmp_path), f"http://{PUBLIC_NAME}:{port}/redirect?to={target}")
    assert response.status_code == 400 and response.json()["error"]["code"] == "E030"


def test_allow_private_lets_the_operator_fetch_loopback(tmp_path: Path, port: int) -> None:
    response = analyze(client(tmp_path, allow_private=True), f"http://127.0.0.1:{port}/page")
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("path", ["/big", "/endless"])
def test_an_oversize_response_is_cut_off(tmp_path: Path, port: int, network: None, path: str) -> None:
    started = time.monotonic()
    response = analyze(client(tmp_path, fetch_max_bytes=200_000), f"http://{PUBLIC_NAME}:{port}{path}")
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "E005" and "200000" in error["message"]
    assert time.monotonic() - started < 10


def test_a_never_ending_response_is_cut_off_in_time(tmp_path: Path, port: int, network: None) -> None:
    started = time.monotonic()
    response = analyze(client(tmp_path, fetch_timeout=1.5), f"http://{PUBLIC_NAME}:{port}/forever")
    took = time.monotonic() - started
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "E007" and "1.5 s" in error["message"]
    assert took < 6


def test_nothing_is_stored_by_refused_fetches(tmp_path: Path, port: int, network: None) -> None:
    c = client(tmp_path, token="t")
    response = c.post(
        "/api/analyze",
        json={"url": f"http://127.0.0.1:{port}/page", "store": True},
        headers={"Authorization": "Bearer t"},
    )
    assert response.status_code == 400
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        assert store.counts()["articles"] == 0
