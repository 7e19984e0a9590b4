"""Fetch a web page with urllib (no extra dependency)."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request

from entente.errors import E, EntenteError

USER_AGENT = "entente/0.1"
TIMEOUT_S = 20.0


def fetch(url: str, *, max_bytes: int, timeout: float = TIMEOUT_S) -> tuple[bytes, str | None, str]:
    """``(body, charset from the headers, final URL)``; E007 on failure, E005 when too large."""
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise EntenteError(E.E005, source=url, size=int(length), limit=max_bytes)
            body = resp.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise EntenteError(E.E005, source=url, size=f"more than {max_bytes}", limit=max_bytes)
            return body, resp.headers.get_content_charset(), resp.geturl()
    except urllib.error.HTTPError as exc:
        raise EntenteError(E.E007, source=url, cause=f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise EntenteError(E.E007, source=url, cause=str(exc.reason)) from exc
    except TimeoutError as exc:
        raise EntenteError(E.E007, source=url, cause=f"no answer within {timeout:g} s") from exc
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise EntenteError(E.E007, source=url, cause=str(exc) or type(exc).__name__) from exc
