"""The JSON output of an :class:`~entente.records.Analysis` (schema: ``schema/analysis.schema.json``).

The mapping between records and plain dicts lives in :mod:`entente.jsonform` (beside the records);
this module turns it into JSON text and serves the schema.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from entente.jsonform import (
    from_dict,
    from_json,
    relation_dict,
    span_dict,
    to_dict,
    triad_dict,
)
from entente.records import Analysis

__all__ = [
    "from_dict",
    "from_json",
    "load_schema",
    "relation_dict",
    "span_dict",
    "to_dict",
    "to_json",
    "triad_dict",
]


_C1 = re.compile("[\u007f-\u009f\u2028\u2029]")


def to_json(analysis: Analysis, indent: int | None = 2) -> str:
    """JSON text; C1 control characters (which some terminals obey as escape sequences) and the
    line and paragraph separators are written as ``\\uXXXX`` escapes, like the C0 ones."""
    text = json.dumps(to_dict(analysis), ensure_ascii=False, indent=indent)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def load_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`to_dict`'s output."""
    text = resources.files("entente.report").joinpath("schema/analysis.schema.json").read_text("utf-8")
    result: dict[str, Any] = json.loads(text)
    return result
