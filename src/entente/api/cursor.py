"""Opaque cursors for keyset pagination: the sort key of the last row served, base64url-encoded.

A cursor names its list, so one list's cursor is refused by another. Keys are
plain JSON values (dates as ISO strings); nothing from a cursor reaches SQL
other than as a bound parameter.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import date
from typing import Any

from entente.api.errors import ApiError

Kind = str  # "str", "int", "date", "float"


def encode(listing: str, key: tuple[Any, ...]) -> str:
    plain = [v.isoformat() if isinstance(v, date) else v for v in key]
    raw = json.dumps({"l": listing, "k": plain}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(listing: str, cursor: str, kinds: tuple[Kind, ...]) -> tuple[Any, ...]:
    """The key in ``cursor`` for ``listing``, each value checked against ``kinds``; 400 if it is not one."""
    bad = ApiError(400, "bad_cursor", "the cursor is not one this list gave; start again without it")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise bad from exc
    if not isinstance(data, dict) or data.get("l") != listing or not isinstance(data.get("k"), list):
        raise bad
    values = data["k"]
    if len(values) != len(kinds):
        raise bad
    out: list[Any] = []
    for value, kind in zip(values, kinds, strict=True):
        try:
            if kind == "date":
                out.append(date.fromisoformat(value))
            elif kind == "int" and isinstance(value, int) and not isinstance(value, bool):
                out.append(value)
            elif kind == "float" and isinstance(value, int | float) and not isinstance(value, bool):
                out.append(float(value))
            elif kind == "str" and isinstance(value, str):
                out.append(value)
            else:
                raise bad
        except (TypeError, ValueError) as exc:
            raise bad from exc
    return tuple(out)
