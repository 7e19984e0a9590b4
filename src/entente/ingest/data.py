"""The ingestion data files (``ingest/data/*.yaml``), loaded once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from entente.errors import E, EntenteError
from entente.yamlio import load_yaml


@cache
def load(name: str) -> dict[str, Any]:
    """Parse ``ingest/data/<name>.yaml`` into a dict (E008 when malformed)."""
    path = resources.files("entente.ingest") / "data" / f"{name}.yaml"
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise EntenteError(E.E008, source=str(path), cause=str(exc).splitlines()[0]) from exc
    if not isinstance(data, dict):
        raise EntenteError(E.E008, source=str(path), cause="the top level is not a mapping")
    return data
