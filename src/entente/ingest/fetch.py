"""Fetch a web page with httpx, safely: checked addresses, a total deadline, bounded size.

* only ``http`` and ``https``, on every hop; redirects are followed here (at most
  :data:`MAX_REDIRECTS`), each new location checked like the first;
* the host is resolved once per hop and every address it resolves to must be
  public: loopback, private, link-local (169.254.169.254), multicast, reserved
  and unspecified addresses, IPv4 and IPv6 (IPv4-mapped included), are refused
  unless ``allow_private`` (``--allow-private``) is given;
* the connection goes to the address that was checked (no second DNS lookup that
  could answer differently): a network backend pins it, while the Host header and
  TLS SNI keep the host name;
* credentials in the URL (``http://user:pass@host/``) are never sent, and are
  masked in messages;
* one deadline for the whole fetch (``timeout``): every socket read and write gets
  only the time left, so a server dripping a byte every few seconds is cut off;
* at most ``max_bytes`` on the wire and at most ``max_bytes`` once decompressed
  (gzip/deflate decoded here, with a bound; other encodings refused).
"""

from __future__ import annotations

import concurrent.futures
import ipaddress
import socket
import time
import zlib
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

from entente.errors import E, EntenteError

USER_AGENT = "entente/0.1"
TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
SCHEMES = ("http", "https")
_REDIRECTS = (301, 302, 303, 307, 308)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float = TIMEOUT_S,
    allow_private: bool = False,
    max_redirects: int = MAX_REDIRECTS,
) -> tuple[bytes, str | None, str]:
    """``(body, charset from the headers, final URL)``.

    E007 when the page cannot be fetched (also a redirect loop or the deadline),
    E005 when it is too large (on the wire or decompressed), E030 for an address
    or scheme that is not allowed.
    """
    deadline = time.monotonic() + timeout
    shown = redact(url)
    current = _parse(url, shown)
    for _ in range(max_redirects + 1):
        _check_scheme(current, shown)
        address = _resolve(current, shown, deadline, allow_private)
        status, headers, body = _get(current, address, shown, deadline, timeout, max_bytes)
        if status in _REDIRECTS and "location" in headers:
            try:
                current = _strip_userinfo(current.join(headers["location"]))
            except (httpx.InvalidURL, ValueError) as exc:
                raise EntenteError(E.E007, source=shown, cause=f"bad redirect location: {exc}") from exc
            continue
        if status >= 400:
            raise EntenteError(E.E007, source=shown, cause=f"HTTP {status} {_reason(status)}")
        return body, _charset(headers), str(current)
    raise EntenteError(E.E007, source=shown, cause=f"more than {max_redirects} redirects (a redirect loop?)")


def redact(url: str) -> str:
    """``url`` with any ``user:password@`` replaced by ``***@`` (for messages)."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    authority, slash, path = rest.partition("/")
    authority, query_sep, query = authority.partition("?")
    if "@" in authority:
        authority = "***@" + authority.rsplit("@", 1)[1]
    return f"{scheme}{sep}{authority}{query_sep}{query}{slash}{path}"


def forbidden(ip: IPAddress) -> str | None:
    """Why ``ip`` may not be fetched from by default (None if it is a public address)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "unspecified", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    if not ip.is_global:
        return "not public"
    return None


# ---------------------------------------------------------------- steps of one hop


def _parse(url: str, shown: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise EntenteError(E.E007, source=shown, cause=f"not a valid URL: {exc}") from exc
    return _strip_userinfo(parsed)


def _strip_userinfo(url: httpx.URL) -> httpx.URL:
    return url.copy_with(username=None, password=None) if url.userinfo else url


def _check_scheme(url: httpx.URL, shown: str) -> None:
    if url.scheme not in SCHEMES:
        raise EntenteError(
            E.E030, source=shown, where=redact(str(url)), cause=f"the scheme {url.scheme!r} is not http(s)"
        )
    if not url.host:
        raise EntenteError(E.E007, source=shown, cause="the URL has no host")


def _resolve(url: httpx.URL, shown: str, deadline: float, allow_private: bool) -> str:
    """The address to connect to: the host's first address, every address checked."""
    host = url.host
    port = url.port or (443 if url.scheme == "https" else 80)
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        job = pool.submit(socket.getaddrinfo, host, port, 0, socket.SOCK_STREAM)
        infos = job.result(timeout=max(0.0, deadline - time.monotonic()))
    except concurrent.futures.TimeoutError as exc:
        raise EntenteError(E.E007, source=shown, cause=f"no address for {host} in time") from exc
    except (OSError, UnicodeError) as exc:
        raise EntenteError(E.E007, source=shown, cause=f"cannot resolve {host}: {exc}") from exc
    finally:
        pool.shutdown(wait=False)
    addresses: list[str] = []
    for *_, sockaddr in infos:
        literal = str(sockaddr[0]).split("%", 1)[0]
        ip = ipaddress.ip_address(literal)
        why = forbidden(ip)
        if why and not allow_private:
            raise EntenteError(
                E.E030,
                source=shown,
                where=redact(str(url)),
                cause=f"{host} resolves to {ip}, a {why} address",
            )
        if str(sockaddr[0]) not in addresses:
            addresses.append(str(sockaddr[0]))
    if not addresses:
        raise EntenteError(E.E007, source=shown, cause=f"no address for {host}")
    return addresses[0]


def _get(
    url: httpx.URL, address: str, shown: str, deadline: float, timeout: float, max_bytes: int
) -> tuple[int, dict[str, str], bytes]:
    """One GET to ``address`` for ``url``; the body decoded, within the deadline and size caps."""
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    transport = _PinnedTransport(address, deadline)
    try:
        with (
            httpx.Client(
                transport=transport, follow_redirects=False, timeout=timeout, trust_env=False
            ) as client,
            client.stream("GET", url, headers=headers) as resp,
        ):
            found = {k.lower(): v for k, v in resp.headers.items()}
            if resp.status_code in _REDIRECTS or resp.status_code >= 400:
                return resp.status_code, found, b""
            length = found.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise EntenteError(E.E005, source=shown, size=int(length), limit=max_bytes)
            body = _body(resp.iter_raw(), found.get("content-encoding", ""), shown, max_bytes)
            return resp.status_code, found, body
    except EntenteError:
        raise
    except httpx.TimeoutException as exc:
        raise EntenteError(
            E.E007, source=shown, cause=f"the fetch took over {timeout:g} s (the whole fetch's deadline)"
        ) from exc
    except (httpx.HTTPError, httpcore.ConnectError, OSError, ValueError) as exc:
        raise EntenteError(E.E007, source=shown, cause=str(exc) or type(exc).__name__) from exc


def _body(chunks: Iterable[bytes], encoding: str, shown: str, max_bytes: int) -> bytes:
    """The body, decompressed with a bound: no more than ``max_bytes`` read nor produced."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        inflate = None
    elif encoding in ("gzip", "x-gzip"):
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflate = zlib.decompressobj()
    else:
        raise EntenteError(E.E007, source=shown, cause=f"unsupported content encoding {encoding!r}")
    out = bytearray()
    raw = 0
    too_big = EntenteError(E.E005, source=shown, size=f"more than {max_bytes}", limit=max_bytes)
    try:
        for chunk in chunks:
            raw += len(chunk)
            if raw > max_bytes:
                raise too_big
            if inflate is None:
                out += chunk
            else:
                data = chunk
                while data:
                    out += inflate.decompress(data, max_bytes + 1 - len(out))
                    if len(out) > max_bytes:
                        raise EntenteError(
                            E.E005,
                            source=shown,
                            size=f"more than {max_bytes} once decompressed",
                            limit=max_bytes,
                        )
                    data = inflate.unconsumed_tail
            if len(out) > max_bytes:
                raise too_big
    except zlib.error as exc:
        raise EntenteError(E.E007, source=shown, cause=f"bad {encoding} data: {exc}") from exc
    return bytes(out)


def _charset(headers: dict[str, str]) -> str | None:
    ctype = headers.get("content-type", "")
    for part in ctype.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _reason(status: int) -> str:
    try:
        from http import HTTPStatus

        return HTTPStatus(status).phrase
    except ValueError:
        return ""


# ---------------------------------------------------------------- pinned, deadline-bound connections


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write gets at most the time left before the deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def _left(self, timeout: float | None, error: type[Exception]) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise error("the fetch's deadline has passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = self._left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, left), self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _PinnedBackend(httpcore.NetworkBackend):
    """Connects to the checked address whatever host name httpcore asks for."""

    def __init__(self, address: str, deadline: float) -> None:
        self._address = address
        self._deadline = deadline
        self._sync = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ConnectTimeout("the fetch's deadline has passed")
        stream = self._sync.connect_tcp(
            self._address,
            port,
            timeout=left if timeout is None else min(timeout, left),
            local_address=local_address,
            socket_options=socket_options,
        )
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's transport with a connection pool on :class:`_PinnedBackend` (no proxies from the env)."""

    def __init__(self, address: str, deadline: float) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=1,
            network_backend=_PinnedBackend(address, deadline),
        )
