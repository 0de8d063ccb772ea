"""A record as plain JSON-ready data and back, ids and all.

Used for crash drafts: what is being typed is kept exactly as the editor
holds it (unsaved parts, ids of people already chosen), unlike the
interchange format, which is about moving records between databases.
"""

from __future__ import annotations

import base64
import dataclasses
import types
import typing
from datetime import date, time
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from eventdesk.records.models import Meeting

T = TypeVar("T")


def to_data(record: Any) -> Any:
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_data(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, list):
        return [to_data(item) for item in record]
    if isinstance(record, Enum):
        return record.value
    if isinstance(record, time):
        return record.strftime("%H:%M")
    if isinstance(record, date):
        return record.isoformat()
    if isinstance(record, bytes):
        return {"base64": base64.b64encode(record).decode("ascii")}
    return record


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _from(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(kind) if a is not type(None)]
        return _from(inner, value)
    if origin is list:
        (inner,) = typing.get_args(kind)
        return [_from(inner, item) for item in value]
    if dataclasses.is_dataclass(kind):
        return from_data(kind, value)
    if kind is time:
        return time.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is bytes:
        return base64.b64decode(value["base64"])
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    return value


def from_data(cls: type[T], data: dict[str, Any]) -> T:
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: _from(hints[k], v) for k, v in data.items() if k in names})


def meeting_from_data(data: dict[str, Any]) -> Meeting:
    return from_data(Meeting, data)
