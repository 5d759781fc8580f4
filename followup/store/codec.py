"""Model objects <-> JSON-ready dicts: the one codec both backends store through.

Encoding: datetimes as ISO 8601 in UTC (a naive one is refused), dates as ISO, enums by value,
tuples as lists. The same dict is a document in a user's TinyDB file and the JSON record that
PostgreSQL's `jsonb_populate_record` turns into a row, so both backends write the same values.

Decoding is guided by each dataclass field's type: fields missing from an older document take
their defaults and unknown ones are ignored. A value that is already typed (psycopg returns
timestamptz as an aware datetime, date as a date) is kept as it is, so a row decodes like a
document: only the enums and tuples need restoring there.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from dataclasses import fields
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

_T = TypeVar("_T")
_Reader = Callable[[Any], Any]


def encode(obj: object) -> dict[str, Any]:
    """A model object as a JSON-ready dict, one key per field."""
    return {field.name: _encoded(getattr(obj, field.name)) for field in fields(obj)}  # type: ignore[arg-type]


def decode(cls: type[_T], doc: Mapping[str, Any]) -> _T:
    """A model object from a stored document or row."""
    return cls(**{name: read(doc[name]) for name, read in _readers(cls) if name in doc})


def as_utc(value: datetime) -> datetime:
    """An aware time, in UTC; the store keeps no naive times."""
    if value.utcoffset() is None:
        raise ValueError(f"naive datetime {value!r}: the store keeps timezone-aware times only")
    return value.astimezone(UTC)


def _encoded(value: object) -> object:
    """One field value as JSON."""
    if isinstance(value, datetime):
        return as_utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_encoded(item) for item in value]
    return value


# Each class's readers are worked out once from its type hints: decoding is on every read path.
_READERS: dict[type, tuple[tuple[str, _Reader], ...]] = {}


def _readers(cls: type) -> tuple[tuple[str, _Reader], ...]:
    """A reader for each dataclass field (the model uses postponed annotations)."""
    if cls not in _READERS:
        hints = get_type_hints(cls)
        _READERS[cls] = tuple((field.name, _reader(hints[field.name])) for field in fields(cls))
    return _READERS[cls]


def _reader(hint: Any) -> _Reader:
    """How to read one value of this type; None always reads as None."""
    origin = get_origin(hint)
    if origin is types.UnionType or origin is Union:
        (inner,) = [arg for arg in get_args(hint) if arg is not type(None)]
        return _reader(inner)
    if origin is tuple:
        item = _reader(get_args(hint)[0])
        return _none_kept(lambda value: tuple(item(each) for each in value))
    if hint is datetime:
        return _none_kept(_datetime)
    if hint is date:
        return _none_kept(_date)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _none_kept(hint)
    return _as_is


def _none_kept(read: _Reader) -> _Reader:
    return lambda value: None if value is None else read(value)


def _as_is(value: Any) -> Any:
    return value


def _datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
