"""Between record dataclasses and table rows: ISO dates, enum values, JSON tags."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from typing import Any

from eventdesk.records import (
    MeetingFormat,
    MeetingStatus,
    NameOrder,
    Organisation,
    OrganisationKind,
    OurRole,
    Person,
)
from eventdesk.records.fields import text_fields
from eventdesk.records.models import Meeting


def iso(value: date | time | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return value.isoformat()


def to_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def to_time(text: str | None) -> time | None:
    return time.fromisoformat(text) if text else None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def texts_of(record: Any) -> dict[str, str]:
    """The record's declared text fields (``records/fields.py``), each in a column of its name."""
    return {name: getattr(record, name) for name in text_fields(type(record))}


def texts_from(cls: type, row: dict[str, Any]) -> dict[str, str]:
    """The keyword arguments of ``cls``'s text fields from a row (NULL reads as "")."""
    return {name: row[name] or "" for name in text_fields(cls)}


def person_row(p: Person) -> dict[str, Any]:
    return {
        "uid": p.uid,
        "family_name": p.family_name.strip(),
        "given_name": p.given_name.strip(),
        "name_order": p.name_order.value,
        "name_zh": p.name_zh.strip(),
        "organisation_id": p.organisation_id,
        "email": p.email.strip(),
        **texts_of(p),
    }


def person_from_row(row: dict[str, Any]) -> Person:
    return Person(
        id=row["id"],
        uid=row["uid"],
        family_name=row["family_name"],
        given_name=row["given_name"] or "",
        name_order=NameOrder(row["name_order"]),
        name_zh=row["name_zh"] or "",
        organisation_id=row["organisation_id"],
        email=row["email"] or "",
        **texts_from(Person, row),
    )


def organisation_row(o: Organisation) -> dict[str, Any]:
    return {
        "uid": o.uid,
        "name": o.name.strip(),
        "name_zh": o.name_zh.strip(),
        "short_name": o.short_name.strip(),
        "kind": o.kind.value,
        "parent_id": o.parent_id,
        "founded": iso(o.founded),
        **texts_of(o),
    }


def organisation_from_row(row: dict[str, Any], member_ids: list[int]) -> Organisation:
    return Organisation(
        id=row["id"],
        uid=row["uid"],
        name=row["name"] or "",
        name_zh=row["name_zh"] or "",
        short_name=row["short_name"] or "",
        kind=OrganisationKind(row["kind"]),
        parent_id=row["parent_id"],
        founded=to_date(row["founded"]),
        member_ids=member_ids,
        **texts_from(Organisation, row),
    )


_MEETING_TEXT = (
    "title",
    "title_zh",
    "series",
    "series_zh",
    "edition",
    "venue",
    "venue_zh",
    "summary",
    "summary_zh",
    "background",
    "background_zh",
)


def meeting_row(m: Meeting) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(m, name) for name in _MEETING_TEXT}
    row["title"] = m.title.strip()
    row.update(
        uid=m.uid,
        start_date=iso(m.start_date),
        end_date=iso(m.end_date),
        start_time=iso(m.start_time),
        end_time=iso(m.end_time),
        format=m.format.value,
        our_role=m.our_role.value,
        status=m.status.value,
        tags=json.dumps([t.strip() for t in m.tags], ensure_ascii=False),
    )
    return row


def meeting_from_row(row: dict[str, Any]) -> Meeting:
    return Meeting(
        id=row["id"],
        uid=row["uid"],
        **{name: row[name] or "" for name in _MEETING_TEXT},
        start_date=to_date(row["start_date"]),
        end_date=to_date(row["end_date"]),
        start_time=to_time(row["start_time"]),
        end_time=to_time(row["end_time"]),
        format=MeetingFormat(row["format"]),
        our_role=OurRole(row["our_role"]),
        status=MeetingStatus(row["status"]),
        tags=json.loads(row["tags"] or "[]"),
    )
