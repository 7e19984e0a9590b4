"""One typed loader for entente's data files (actors, lexicons, floors, gold).

* :func:`read_text` reads a file with a byte cap (``--actors /dev/zero`` stops at the cap),
  refusing directories and undecodable bytes;
* :func:`parse_yaml` parses with libyaml's safe loader (:mod:`entente.yamlio`); a file
  nested too deep is a malformed file, not a crash;
* :func:`build` validates a parsed value into a frozen dataclass, field by field:
  strings must be non-blank strings (unless the field says ``blank``), lists hold
  what they declare (a ``frozenset`` field reads a list), ``Literal`` fields one of
  their values, and an **unknown key is an error** that names the file, the key,
  the keys that are known and the fix.

Every failure is an :class:`~entente.errors.EntenteError` of the code the caller
gives (E008 for actor and lexicon files, E009 for gold, E013 for floors), or E032
for a file over the cap; all exit with status 5.

A field's YAML key is its name, or ``metadata={"key": ...}`` (for keys such as
``for`` that are Python keywords); ``metadata={"blank": True}`` lets a string be empty.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar, cast, get_args, get_origin

import yaml

from entente.errors import E, EntenteError, Message
from entente.yamlio import load_yaml

#: the most bytes a data file may have (the shipped leaders.yaml is about 0.5 MB)
DATA_MAX_BYTES = 10_000_000

T = TypeVar("T")


class Invalid(ValueError):
    """A value that does not fit its field; :func:`build` turns it into one error line."""


# ---------------------------------------------------------------- reading and parsing


def read_text(path: str | Path, *, code: Message = E.E008, limit: int = DATA_MAX_BYTES) -> str:
    """The file's text, at most ``limit`` bytes (E032 beyond); E001 if missing, ``code`` if unreadable."""
    p = Path(path)
    try:
        if p.is_dir():
            raise EntenteError(code, source=str(path), path=str(path), cause="it is a directory, not a file")
        with p.open("rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError as exc:
        raise EntenteError(E.E001, source=str(path)) from exc
    except OSError as exc:
        raise EntenteError(
            code, source=str(path), cause=f"it cannot be read ({exc.strerror or type(exc).__name__})"
        ) from exc
    if len(data) > limit:
        raise EntenteError(E.E032, source=str(path), path=path, size=f"more than {limit} bytes", limit=limit)
    if b"\0" in data:
        raise EntenteError(
            code, source=str(path), path=str(path), cause="it holds NUL bytes: a binary file, not YAML"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EntenteError(
            code, source=str(path), path=str(path), cause=f"it is not UTF-8 (byte {exc.start})"
        ) from exc


def parse_yaml(text: str, *, source: str, code: Message = E.E008) -> Any:
    """YAML (or JSON) text parsed with the safe loader; ``code`` with the parser's first line on error."""
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        raise EntenteError(code, source=source, path=source, cause=str(exc).splitlines()[0]) from exc
    except RecursionError as exc:
        raise EntenteError(code, source=source, path=source, cause="it is nested too deeply") from exc
    except ValueError as exc:  # a YAML date that is no date: "2030-13-45"
        raise EntenteError(code, source=source, path=source, cause=f"bad value: {exc}") from exc


def read_yaml(path: str | Path, *, code: Message = E.E008, limit: int = DATA_MAX_BYTES) -> Any:
    """:func:`read_text` then :func:`parse_yaml`."""
    return parse_yaml(read_text(path, code=code, limit=limit), source=str(path), code=code)


# ---------------------------------------------------------------- validation into dataclasses


def build(cls: type[T], value: Any, *, source: str, where: str, code: Message = E.E008) -> T:
    """``cls`` (a frozen dataclass) from the mapping ``value``, validated; errors name ``where``."""
    try:
        return _record(cls, value, where)
    except Invalid as exc:
        raise EntenteError(code, source=source, path=source, cause=str(exc)) from None


def lowered(record: T) -> T:
    """``record`` (a frozen dataclass) with every set of strings lower-cased: word lists read from
    data files match ``lower_``/``lemma_`` whatever case the file spells them in."""
    changes = {
        f.name: frozenset(str(w).lower() for w in value)
        for f in dataclasses.fields(cast(Any, record))
        if isinstance(value := getattr(record, f.name), frozenset)
    }
    return cast(T, dataclasses.replace(cast(Any, record), **changes))


def build_list(cls: type[T], value: Any, *, source: str, where: str, code: Message = E.E008) -> tuple[T, ...]:
    """A list of ``cls`` records (None for an empty section)."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise EntenteError(
            code, source=source, path=source, cause=f"{where} must be a list, not {_kind(value)}"
        )
    return tuple(
        build(cls, item, source=source, where=f"{where}, entry {i + 1}", code=code)
        for i, item in enumerate(value)
    )


@dataclasses.dataclass(frozen=True)
class _Field:
    name: str
    key: str
    hint: Any
    required: bool
    blank: bool


@cache
def _fields(cls: type) -> tuple[dict[str, _Field], tuple[str, ...]]:
    hints = typing.get_type_hints(cls)
    out: dict[str, _Field] = {}
    for f in dataclasses.fields(cls):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        key = f.metadata.get("key", f.name)
        out[key] = _Field(f.name, key, hints[f.name], required, bool(f.metadata.get("blank")))
    return out, tuple(out)


def _record(cls: type[T], value: Any, where: str) -> T:
    if not isinstance(value, dict):
        raise Invalid(f"{where} must be a mapping of keys to values, not {_kind(value)}")
    fields, known = _fields(cast(type, cls))
    kwargs: dict[str, Any] = {}
    for key, item in value.items():
        f = fields.get(key) if isinstance(key, str) else None
        if f is None:
            raise Invalid(unknown_key(key, where, known))
        kwargs[f.name] = _value(f.hint, item, f"{where}: {key!r}", f.blank)
    missing = [f.key for f in fields.values() if f.required and f.name not in kwargs]
    if missing:
        raise Invalid(f"{where} lacks {', '.join(repr(k) for k in missing)}")
    return cls(**kwargs)


def _value(hint: Any, value: Any, where: str, blank: bool = False) -> Any:
    origin, args = get_origin(hint), get_args(hint)
    if hint is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        options = [a for a in args if a is not type(None)]
        errors = []
        for option in options:
            try:
                return _value(option, value, where, blank)
            except Invalid as exc:
                errors.append(str(exc))
        raise Invalid(errors[0] if len(errors) == 1 else f"{where} has the wrong type ({_kind(value)})")
    if origin is Literal:
        if value not in args:
            raise Invalid(f"{where} must be one of {', '.join(map(str, args))}, not {value!r}")
        return value
    if origin is tuple:
        if value is None:  # "aliases:" with nothing after it
            return ()
        if not isinstance(value, list):
            raise Invalid(f"{where} must be a list, not {_kind(value)}")
        return tuple(_value(args[0], v, f"{where} item {i + 1}", blank) for i, v in enumerate(value))
    if origin is frozenset:  # a list of words read as a set: "heads: [investor, protester]"
        if value is None:
            return frozenset()
        if not isinstance(value, list):
            raise Invalid(f"{where} must be a list, not {_kind(value)}")
        return frozenset(_value(args[0], v, f"{where} item {i + 1}", blank) for i, v in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict):
            raise Invalid(f"{where} must be a mapping, not {_kind(value)}")
        return {
            _value(args[0], k, f"{where} key", blank): _value(args[1], v, f"{where}: {k!r}", blank)
            for k, v in value.items()
        }
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _record(hint, value, where)
    if hint is str:
        if not isinstance(value, str):
            raise Invalid(f"{where} must be a string, not {_kind(value)}")
        if not blank and not value.strip():
            raise Invalid(f"{where} must not be blank")
        return value
    if hint is bool:
        if not isinstance(value, bool):
            raise Invalid(f"{where} must be true or false, not {_kind(value)}")
        return value
    if hint in (int, float):
        wrong = isinstance(value, bool) or not isinstance(value, int | float)
        if wrong or (hint is int and isinstance(value, float)):
            raise Invalid(f"{where} must be a number, not {_kind(value)}")
        return value
    if hint is date:
        if not isinstance(value, date):
            raise Invalid(f"{where} must be a date (YYYY-MM-DD), not {_kind(value)}")
        return value
    raise TypeError(f"data.py cannot validate fields of type {hint!r}")  # a programming error


def unknown_key(key: object, where: str, known: typing.Iterable[str]) -> str:
    """The cause for an unknown key: which key, where, the keys that are known, the fix."""
    return (
        f"unknown key {str(key)[:60]!r} in {where} (known keys: {', '.join(known)}); "
        "fix its spelling or remove it"
    )


def _kind(value: Any) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return f"the string {value[:40]!r}"
    return f"{value!r} ({type(value).__name__})"
