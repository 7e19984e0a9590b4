"""What the operator chose when starting ``entente serve``."""

from __future__ import annotations

from dataclasses import dataclass

#: request bodies above this many bytes are refused with 413 (POST /api/analyze takes a whole page)
MAX_BODY = 2_000_000
#: a fetched page above this many bytes (on the wire or decompressed) is cut off
FETCH_MAX_BYTES = 5_000_000
#: the whole fetch of a URL (every redirect, DNS and read) must end within this many seconds
FETCH_TIMEOUT_S = 15.0
#: list endpoints: the default and the largest page; ``limit=0`` means every row up to MAX_ALL
DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
MAX_ALL = 100_000


@dataclass(frozen=True)
class Settings:
    db: str
    token: str | None = None  # None: write endpoints are refused (nothing can be stored)
    allow_private: bool = False  # fetch URLs on loopback/private/link-local addresses too
    max_body: int = MAX_BODY
    fetch_max_bytes: int = FETCH_MAX_BYTES
    fetch_timeout: float = FETCH_TIMEOUT_S
