"""A clerk's edits kept as a new record, when their save was refused (``Conflict``).

"Keep mine as a copy" loses nothing: the edits become a record of their own, named
"… (copy by USER)", beside the one another clerk saved. Everything of the copy is new: its
uid and its parts' (a course's uid is unique in the whole database), each reference between
its parts (a talk's session) following its part to the new uid, found from the declarations
(``records/fields.py``), and a photo's bytes, which an editor never loads, read from the
original first (``bytes_of``), so the copy's photos are its own rows of the same content.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from eventdesk.records import Meeting, NameOrder, Organisation, Person
from eventdesk.records.fields import declared_fields, new_uid


def fresh_copy(record: Any, user: str, bytes_of: Callable[[int], bytes] | None = None) -> Any:
    """A new record holding what ``record`` holds, named as ``user``'s copy; not saved.

    ``bytes_of(file_id)`` gives a stored photo's bytes for a meeting's file the editor
    holds without them.
    """
    found = copy.deepcopy(record)
    if isinstance(found, Meeting) and bytes_of is not None:
        for part in found.files:
            if part.data is None and part.id is not None:
                part.data = bytes_of(part.id)
    uids: dict[str, dict[str, str]] = {}
    _renew(found, uids)
    _follow_siblings(found, uids)
    found.version, found.updated_by = 0, ""
    _name_as_copy(found, f" (copy by {user})")
    return found


def _renew(record: Any, uids: dict[str, dict[str, str]], table: str = "") -> None:
    """New ids (none) and uids for the record and its parts, the old uid → new by table."""
    if hasattr(record, "id"):
        record.id = None
    if hasattr(record, "uid"):
        old, record.uid = record.uid, new_uid()
        uids.setdefault(table, {})[old] = record.uid
    for d in declared_fields(type(record)):
        if d.kind == "parts":
            for part in getattr(record, d.field):
                _renew(part, uids, d.table)


def _follow_siblings(record: Any, uids: dict[str, dict[str, str]]) -> None:
    for d in declared_fields(type(record)):
        if d.kind == "ref" and d.sibling:
            value = getattr(record, d.field)
            setattr(record, d.field, uids.get(d.table, {}).get(value, value))
        elif d.kind == "parts":
            for part in getattr(record, d.field):
                _follow_siblings(part, uids)


def _name_as_copy(record: Any, suffix: str) -> None:
    """ "SHUA 2021 (copy by liwei)": the name the record's lists show, as they print it last."""
    if isinstance(record, Meeting):
        field = "title" if record.title else "title_zh"
    elif isinstance(record, Organisation):
        field = "name" if record.name else "name_zh"
    elif isinstance(record, Person):
        last_is_given = record.name_order is NameOrder.FAMILY_FIRST
        field = "given_name" if record.given_name and last_is_given else "family_name"
    else:
        raise TypeError(f"no copy is kept of a {type(record).__name__}")
    setattr(record, field, getattr(record, field) + suffix)
