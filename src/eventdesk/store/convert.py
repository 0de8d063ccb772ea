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


def person_row(p: Person) -> dict[str, Any]:
    return {
        "uid": p.uid,
        "family_name": p.family_name.strip(),
        "given_name": p.given_name.strip(),
        "name_order": p.name_order.value,
        "name_zh": p.name_zh.strip(),
        "honorific": p.honorific,
        "title": p.title,
        "title_zh": p.title_zh,
        "organisation_id": p.organisation_id,
        "email": p.email.strip(),
        "phone": p.phone,
        "notes": p.notes,
    }


def person_from_row(row: dict[str, Any]) -> Person:
    return Person(
        id=row["id"],
        uid=row["uid"],
        family_name=row["family_name"],
        given_name=row["given_name"] or "",
        name_order=NameOrder(row["name_order"]),
        name_zh=row["name_zh"] or "",
        honorific=row["honorific"] or "",
        title=row["title"] or "",
        title_zh=row["title_zh"] or "",
        organisation_id=row["organisation_id"],
        email=row["email"] or "",
        phone=row["phone"] or "",
        notes=row["notes"] or "",
    )


def organisation_row(o: Organisation) -> dict[str, Any]:
    return {
        "uid": o.uid,
        "name": o.name.strip(),
        "name_zh": o.name_zh.strip(),
        "short_name": o.short_name.strip(),
        "kind": o.kind.value,
        "parent_id": o.parent_id,
        "city": o.city,
        "founded": iso(o.founded),
        "description": o.description,
        "description_zh": o.description_zh,
        "notes": o.notes,
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
        city=row["city"] or "",
        founded=to_date(row["founded"]),
        description=row["description"] or "",
        description_zh=row["description_zh"] or "",
        notes=row["notes"] or "",
        member_ids=member_ids,
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
