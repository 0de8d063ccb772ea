"""Writing the interchange document: one meeting with all it references, or everything.

Records are keyed by their uid, which survives every export and import, and
listed in an order that depends only on their content, so exporting,
importing into an empty database and exporting again gives the same bytes.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from typing import Any

from eventdesk import __version__
from eventdesk.records import CourseEntry, Meeting, Organisation, Person
from eventdesk.store.convert import iso, texts_of
from eventdesk.store.interchange.access import RecordReader

FORMAT_NAME = "eventdesk"
FORMAT_VERSION = 1


def export_meeting(store: RecordReader, meeting_id: int) -> dict[str, Any]:
    return _document(store, [store.meetings.get(meeting_id, with_file_data=True)], [], "meeting")


def export_database(store: RecordReader) -> dict[str, Any]:
    meetings = [
        store.meetings.get(row.id, with_file_data=True)
        for row in store.meetings.list(sort="date_asc")
    ]
    loose = [store.get_course(row.id) for row in store.list_courses() if row.meeting_id is None]
    people = list(store.get_people(row.id for row in store.list_people()).values())
    orgs = list(store.get_organisations(row.id for row in store.list_organisations()).values())
    return _document(store, meetings, loose, "database", people, orgs)


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _document(
    store: RecordReader,
    meetings: list[Meeting],
    loose_courses: list[CourseEntry],
    scope: str,
    people: list[Person] | None = None,
    orgs: list[Organisation] | None = None,
) -> dict[str, Any]:
    person_ids = {p.id for p in people or []}
    org_ids = {o.id for o in orgs or []}
    for m in meetings:
        person_ids |= m.people_ids()
        org_ids |= m.organisation_ids()
    org_ids |= {c.institution_id for c in loose_courses if c.institution_id}
    people_by_id = store.get_people(person_ids)
    org_ids |= {p.organisation_id for p in people_by_id.values() if p.organisation_id}
    orgs_by_id = _with_relations(store, org_ids)

    person_uid = {pid: p.uid for pid, p in people_by_id.items()}
    org_uid = {oid: o.uid for oid, o in orgs_by_id.items()}
    keys = Keys(person_uid, org_uid)
    sorted_orgs = sorted(orgs_by_id.values(), key=lambda o: (o.name.casefold(), o.name_zh, o.uid))
    sorted_people = sorted(
        people_by_id.values(),
        key=lambda p: (p.family_name.casefold(), p.given_name.casefold(), p.uid),
    )
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "scope": scope,
        "generator": f"EventDesk {__version__}",
        "organisations": [organisation_document(o, keys) for o in sorted_orgs],
        "people": [person_document(p, keys) for p in sorted_people],
        "meetings": [
            meeting_document(m, keys)
            for m in sorted(meetings, key=lambda m: (iso(m.start_date) or "", m.uid))
        ],
        "courses": [
            course_document(c, keys)
            for c in sorted(loose_courses, key=lambda c: (c.year or 0, c.uid))
        ],
    }


def _with_relations(store: RecordReader, ids: set[int]) -> dict[int, Organisation]:
    """The organisations, their parents and (for alliances) their members, transitively."""
    found: dict[int, Organisation] = {}
    todo = set(ids)
    while todo:
        batch = store.get_organisations(todo)
        found.update(batch)
        todo = set()
        for o in batch.values():
            todo |= {x for x in [o.parent_id, *o.member_ids] if x and x not in found}
    return found


class Keys:
    """The uids the document names people and organisations by, from their database ids."""

    def __init__(self, people: dict[int, str], orgs: dict[int, str]):
        self.people = people
        self.orgs = orgs

    def person(self, pid: int | None) -> str | None:
        return self.people[pid] if pid is not None else None

    def org(self, oid: int | None) -> str | None:
        return self.orgs[oid] if oid is not None else None


def _in_field_order(cls: type, document: dict[str, Any]) -> dict[str, Any]:
    """Keys in the order the record declares its fields, "id" first: the canonical order,
    however the dict was put together (a declared text field goes where it is declared)."""
    names = [f.name for f in dataclasses.fields(cls)]

    def rank(key: str) -> int:
        if key == "id":  # the uid, which every record of the file starts with
            return -1
        for candidate in (key, f"{key}_id", f"{key.removesuffix('s')}_ids"):
            if candidate in names:
                return names.index(candidate)
        return len(names)

    return dict(sorted(document.items(), key=lambda item: rank(item[0])))


def organisation_document(o: Organisation, k: Keys) -> dict[str, Any]:
    return _in_field_order(
        Organisation,
        {
            "id": o.uid,
            "name": o.name,
            "name_zh": o.name_zh,
            "short_name": o.short_name,
            "kind": o.kind.value,
            "parent": k.org(o.parent_id),
            "founded": iso(o.founded),
            **texts_of(o),
            "members": [k.org(m) for m in o.member_ids],
        },
    )


def person_document(p: Person, k: Keys) -> dict[str, Any]:
    return _in_field_order(
        Person,
        {
            "id": p.uid,
            "family_name": p.family_name,
            "given_name": p.given_name,
            "name_order": p.name_order.value,
            "name_zh": p.name_zh,
            "organisation": k.org(p.organisation_id),
            "email": p.email,
            **texts_of(p),
        },
    )


def course_document(c: CourseEntry, k: Keys) -> dict[str, Any]:
    return {
        "id": c.uid,
        "programme": c.programme,
        "programme_zh": c.programme_zh,
        "year": c.year,
        "title": c.title,
        "title_zh": c.title_zh,
        "institution": k.org(c.institution_id),
        "teachers": c.teachers,
        "status": c.status.value,
        "notes": c.notes,
    }


def meeting_document(m: Meeting, k: Keys) -> dict[str, Any]:
    return {
        "id": m.uid,
        "title": m.title,
        "title_zh": m.title_zh,
        "series": m.series,
        "series_zh": m.series_zh,
        "edition": m.edition,
        "start_date": iso(m.start_date),
        "end_date": iso(m.end_date),
        "start_time": iso(m.start_time),
        "end_time": iso(m.end_time),
        "format": m.format.value,
        "venue": m.venue,
        "venue_zh": m.venue_zh,
        "our_role": m.our_role.value,
        "status": m.status.value,
        "tags": m.tags,
        "summary": m.summary,
        "summary_zh": m.summary_zh,
        "background": m.background,
        "background_zh": m.background_zh,
        "hosts": [
            {"organisation": k.org(h.organisation_id), "role": h.role.value} for h in m.hosts
        ],
        "sessions": [
            {
                "id": s.uid,
                "title": s.title,
                "title_zh": s.title_zh,
                "start_time": iso(s.start_time),
                "end_time": iso(s.end_time),
                "chair": k.person(s.chair_id),
                "notes": s.notes,
                "notes_zh": s.notes_zh,
            }
            for s in m.sessions
        ],
        "attendees": [
            {
                "id": a.uid,
                "person": k.person(a.person_id),
                "title": a.title,
                "title_zh": a.title_zh,
                "organisation": k.org(a.organisation_id),
                "capacity": a.capacity,
                "capacity_zh": a.capacity_zh,
                "role": a.role.value,
                "side": a.side.value,
            }
            for a in m.attendees
        ],
        "presentations": [
            {
                "id": p.uid,
                "session": p.session_uid,
                "kind": p.kind.value,
                "title": p.title,
                "title_zh": p.title_zh,
                "presenters": [k.person(x) for x in p.presenter_ids],
                "abstract": p.abstract,
                "abstract_zh": p.abstract_zh,
                "attachment": p.attachment_uid,
            }
            for p in m.presentations
        ],
        "courses": [course_document(c, k) for c in m.courses],
        "decisions": [
            {
                "id": d.uid,
                "session": d.session_uid,
                "kind": d.kind.value,
                "text": d.text,
                "text_zh": d.text_zh,
                "document": d.document,
                "document_zh": d.document_zh,
                "parties": [
                    {
                        "organisation": k.org(x.organisation_id),
                        "person": k.person(x.person_id),
                        "role": x.role,
                        "role_zh": x.role_zh,
                    }
                    for x in d.parties
                ],
                "count": d.count,
                "count_unit": d.count_unit,
                "owner": k.person(d.owner_id),
                "due_date": iso(d.due_date),
            }
            for d in m.decisions
        ],
        "files": [
            {
                "id": f.uid,
                "kind": f.kind.value,
                "original_name": f.original_name,
                "media_type": f.media_type,
                "caption": f.caption,
                "caption_zh": f.caption_zh,
                "credit": f.credit,
                "session": f.session_uid,
                "data": base64.b64encode(f.data or b"").decode("ascii"),
            }
            for f in m.files
        ],
    }
