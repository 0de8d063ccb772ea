"""The format's view of the records' declarations: which fields a file carries, and in what order.

Everything the interchange reads, writes and describes in its JSON Schema is
derived from ``records/fields.py``: a field's interchange name (``uid`` is
``id``, ``person_id`` is ``person``), its kind (a reference to a person or an
organisation is written as that record's key, a reference to another part of
the meeting as the part's uid, a list of parts as a list of objects) and its
type. Adding a field to a record adds it to the file, the reader and the
schema.

The one thing not derived is the order of version 1's keys, which files
already written fix: a record's keys follow its declaration with its ``id``
first, except for the few moves below, which the first version made and every
file since has kept. A field added later goes where it is declared.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any, get_type_hints

from eventdesk.records import CourseEntry, Decision, Meeting, MeetingFile, Presentation
from eventdesk.records.fields import Declared, declared_fields

#: Per record: interchange name -> the name it follows in version 1's files ("id": first).
_MOVES: dict[type, dict[str, str]] = {
    Meeting: {"start_date": "edition", "status": "our_role", "tags": "status"},
    CourseEntry: {"title": "year", "title_zh": "title"},
    Presentation: {"session": "id"},
    Decision: {"session": "id", "kind": "session"},
    MeetingFile: {"kind": "id"},
}

#: The records other records refer to by key, by their table.
REFERRED = {"people": "person", "organisations": "organisation"}


@cache
def exchanged(cls: type) -> tuple[Declared, ...]:
    """The fields of ``cls`` a file carries, in the file's order."""
    carried = [d for d in declared_fields(cls) if d.name]
    order = [d for d in carried if d.kind == "uid"] + [d for d in carried if d.kind != "uid"]
    for name, after in _MOVES.get(cls, {}).items():
        moved = next(d for d in order if d.name == name)
        order.remove(moved)
        order.insert(next(i for i, d in enumerate(order) if d.name == after) + 1, moved)
    return tuple(order)


@cache
def by_name(cls: type) -> dict[str, Declared]:
    """The fields a file carries, by their interchange name."""
    return {d.name: d for d in exchanged(cls)}


@cache
def defaults(cls: type) -> dict[str, Any]:
    """The fields of ``cls`` that have a default (a file may leave them out), by field name."""
    return {
        f.name: f.default if f.default is not dataclasses.MISSING else f.default_factory()
        for f in dataclasses.fields(cls)
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
    }


@cache
def enum_of(cls: type, field_name: str) -> type:
    """The enum class of an ``enum`` field (its words are the schema's and the file's)."""
    hint = get_type_hints(cls)[field_name]
    return hint


def referred(record: Any, table: str) -> set[int]:
    """The ids of the records of ``table`` ("people", "organisations") that ``record`` and its
    parts name, by the declarations: what an export must carry with it."""
    found: set[int] = set()
    for d in exchanged(type(record)):
        value = getattr(record, d.field)
        if d.kind == "parts":
            for part in value:
                found |= referred(part, table)
        elif d.table == table and d.kind == "refs":
            found |= set(value)
        elif d.table == table and d.kind == "ref" and not d.sibling and value is not None:
            found.add(value)
    return found


def is_identified(cls: type) -> bool:
    """Whether records of ``cls`` carry an ``id`` of their own (hosts and parties do not)."""
    return any(d.kind == "uid" for d in exchanged(cls))
