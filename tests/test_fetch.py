"""The URL fetcher against real HTTP servers on loopback: address checks, redirects, deadline, size."""

from __future__ import annotations

import gzip
import ipaddress
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from entente.errors import EntenteError
from entente.ingest import fetch as fetcher
from entente.ingest.fetch import fetch, forbidden, redact

PAGE = b"<html><body><p>Moscow and Tehran signed a deal.</p></body></html>"
BOMB = gzip.compress(b"\0" * 20_000_000)  # 20 MB of zeros, about 20 KB on the wire


class Handler(BaseHTTPRequestHandler):
    seen_auth: ClassVar[list[str | None]] = []
    seen_host: ClassVar[list[str | None]] = []

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self) -> None:  # http.server's name
        Handler.seen_auth.append(self.headers.get("Authorization"))
        Handler.seen_host.append(self.headers.get("Host"))
        path, _, query = self.path.partition("?")
        if path == "/page":
            self._send(200, PAGE, {"Content-Type": "text/html; charset=utf-8"})
        elif path == "/redirect":  # ?to=URL
            self._send(302, headers={"Location": query.removeprefix("to=")})
        elif path == "/loop":
            self._send(302, headers={"Location": "/loop"})
        elif path == "/big":
            self._send(200, b"x" * 2_000_000, {"Content-Type": "text/plain"})
        elif path == "/big-unsized":  # no Content-Length: the body runs to the connection's close
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"y" * 65536)
            self.close_connection = True
        elif path == "/bomb":
            self._send(200, BOMB, {"Content-Encoding": "gzip", "Content-Type": "text/plain"})
        elif path == "/gzip":
            self._send(200, gzip.compress(PAGE), {"Content-Encoding": "gzip", "Content-Type": "text/html"})
        elif path == "/drip":  # one byte every 0.4 s: each read is quick, the whole is not
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"z")
                    self.wfile.flush()
                    time.sleep(0.4)
            except OSError:
                pass
        else:
            self._send(404)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _fails(url: str, code: str, **kwargs: object) -> EntenteError:
    with pytest.raises(EntenteError) as info:
        fetch(url, max_bytes=kwargs.pop("max_bytes", 1_000_000), **kwargs)  # type: ignore[arg-type]
    assert info.value.text.startswith(f"[{code}]"), info.value.text
    assert "\n" not in str(info.value)
    return info.value


def test_loopback_refused_by_default(server: str) -> None:
    err = _fails(f"{server}/page", "E030")
    assert "127.0.0.1" in str(err) and "loopback" in str(err) and "--allow-private" in str(err)
    assert err.exit_status == 3


def test_loopback_allowed_with_allow_private(server: str) -> None:
    body, charset, final = fetch(f"{server}/page", max_bytes=1_000_000, allow_private=True)
    assert body == PAGE and charset == "utf-8" and final == f"{server}/page"


def test_gzip_decoded(server: str) -> None:
    body, _, _ = fetch(f"{server}/gzip", max_bytes=1_000_000, allow_private=True)
    assert body == PAGE


def test_redirect_to_loopback_from_an_allowed_server_refused(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first server counts as public here; its redirect to another loopback address is refused."""
    real = fetcher.forbidden

    def public_first(ip: fetcher.IPAddress) -> str | None:
        return None if ip == ipaddress.ip_address("127.0.0.1") else real(ip)

    monkeypatch.setattr(fetcher, "forbidden", public_first)
    port = server.rsplit(":", 1)[1]
    err = _fails(f"{server}/redirect?to=http://127.0.0.2:{port}/page", "E030")
    assert "127.0.0.2" in str(err)


def test_redirect_to_ftp_refused(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    err = _fails(f"{server}/redirect?to=ftp://127.0.0.1:{port}/x", "E030", allow_private=True)
    assert "ftp" in str(err)


def test_redirect_loop_one_line(server: str) -> None:
    err = _fails(f"{server}/loop", "E007", allow_private=True)
    assert "redirects" in str(err)


def test_slow_drip_cut_off_by_the_deadline(server: str) -> None:
    start = time.monotonic()
    err = _fails(f"{server}/drip", "E007", allow_private=True, timeout=1.5)
    assert time.monotonic() - start < 4, "the deadline is for the whole fetch, not per read"
    assert "deadline" in str(err)


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_oversize_cut_off(server: str, path: str) -> None:
    _fails(f"{server}{path}", "E005", allow_private=True)


def test_decompression_bomb_refused(server: str) -> None:
    err = _fails(f"{server}/bomb", "E005", allow_private=True)
    assert "decompressed" in str(err)


def test_credentials_not_sent_nor_echoed(server: str) -> None:
    host = server.removeprefix("http://")
    Handler.seen_auth.clear()
    body, _, final = fetch(f"http://user:s3cret@{host}/page", max_bytes=1_000_000, allow_private=True)
    assert body == PAGE and Handler.seen_auth == [None] and "s3cret" not in final
    err = _fails(f"http://user:s3cret@{host}/page", "E030")
    assert "s3cret" not in str(err) and "127.0.0.1" in str(err)  # the host, not "user:s3cret@..."


def test_redact() -> None:
    assert redact("http://user:pass@example.org/a?b=c") == "http://***@example.org/a?b=c"
    assert redact("https://example.org/x@y") == "https://example.org/x@y"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "224.0.0.1",
        "0.0.0.0",
        "240.0.0.1",
        "100.64.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
    ],
)
def test_forbidden_addresses(address: str) -> None:
    assert forbidden(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses(address: str) -> None:
    assert forbidden(ipaddress.ip_address(address)) is None


def test_pinned_to_the_checked_address(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The host is resolved once; the connection goes to that address, with the name in the Host header."""
    import socket

    port = int(server.rsplit(":", 1)[1])
    calls: list[str] = []
    real = socket.getaddrinfo

    def resolver(host: str, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        calls.append(host)
        return real("127.0.0.1", *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    Handler.seen_host.clear()
    body, _, _ = fetch(f"http://news.invalid:{port}/page", max_bytes=1_000_000, allow_private=True)
    assert body == PAGE and Handler.seen_host == [f"news.invalid:{port}"]
    # one look-up of the name; the connection itself only turns the checked literal into a socket address
    assert calls[0] == "news.invalid" and all(ipaddress.ip_address(h) for h in calls[1:])
