"""Between record dataclasses and table rows: the names the store's callers know.

Every conversion is derived from the records' declarations (``store/rows.py``
reads ``records/fields.py``): a record's row is :func:`~eventdesk.store.rows.to_row`,
and a row's record :func:`~eventdesk.store.rows.from_row`. Nothing here lists
a record's fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventdesk.records.fields import text_fields
from eventdesk.store.rows import from_row, iso, now, to_date, to_row, to_time

if TYPE_CHECKING:  # the records' classes when a row is first read: not at start (issue 25)
    from eventdesk.records.models import Meeting, Organisation, Person

__all__ = [
    "iso",
    "meeting_from_row",
    "meeting_row",
    "now",
    "organisation_from_row",
    "organisation_row",
    "person_from_row",
    "person_row",
    "texts_of",
    "to_date",
    "to_time",
]


def texts_of(record: Any) -> dict[str, str]:
    """The record's declared text fields (``records/fields.py``), each in a column of its name."""
    return {name: getattr(record, name) for name in text_fields(type(record))}


def person_row(p: Person) -> dict[str, Any]:
    return to_row(p)


def person_from_row(row: dict[str, Any]) -> Person:
    from eventdesk.records.models import Person

    return from_row(Person, row)


def organisation_row(o: Organisation) -> dict[str, Any]:
    return to_row(o)


def organisation_from_row(row: dict[str, Any], member_ids: list[int]) -> Organisation:
    from eventdesk.records.models import Organisation

    return from_row(Organisation, row, member_ids=member_ids)


def meeting_row(m: Meeting) -> dict[str, Any]:
    return to_row(m)


def meeting_from_row(row: dict[str, Any]) -> Meeting:
    from eventdesk.records.models import Meeting

    return from_row(Meeting, row)
