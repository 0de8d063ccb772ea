"""Writing the interchange document: one meeting with all it references, or everything.

Records are keyed by their uid, which survives every export and import, and
listed in an order that depends only on their content, so exporting,
importing into an empty database and exporting again gives the same bytes.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from eventdesk import __version__
from eventdesk.records import CourseEntry, Meeting, Organisation, Person
from eventdesk.records.fields import Declared
from eventdesk.store.convert import iso
from eventdesk.store.interchange.access import RecordReader
from eventdesk.store.interchange.declared import defaults, exchanged, referred

FORMAT_NAME = "eventdesk"
FORMAT_VERSION = 1


def export_meeting(store: RecordReader, meeting_id: int) -> dict[str, Any]:
    return _document(store, [store.meetings.get(meeting_id, with_file_data=True)], [], "meeting")


def export_database(store: RecordReader) -> dict[str, Any]:
    meetings = [
        store.meetings.get(row.id, with_file_data=True)
        for row in store.meetings.list(sort="date_asc")
    ]
    loose = [store.courses.get(row.id) for row in store.courses.list() if row.meeting_id is None]
    people = list(store.people.get_many(row.id for row in store.people.list()).values())
    orgs = list(store.organisations.get_many(row.id for row in store.organisations.list()).values())
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
    for record in [*meetings, *loose_courses]:
        person_ids |= referred(record, "people")
        org_ids |= referred(record, "organisations")
    people_by_id = store.people.get_many(person_ids)
    for person in people_by_id.values():
        org_ids |= referred(person, "organisations")
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
        "organisations": [record_document(o, keys) for o in sorted_orgs],
        "people": [record_document(p, keys) for p in sorted_people],
        "meetings": [
            record_document(m, keys)
            for m in sorted(meetings, key=lambda m: (iso(m.start_date) or "", m.uid))
        ],
        "courses": [
            record_document(c, keys)
            for c in sorted(loose_courses, key=lambda c: (c.year or 0, c.uid))
        ],
    }


def _with_relations(store: RecordReader, ids: set[int]) -> dict[int, Organisation]:
    """The organisations, their parents and (for alliances) their members, transitively."""
    found: dict[int, Organisation] = {}
    todo = set(ids)
    while todo:
        batch = store.organisations.get_many(todo)
        found.update(batch)
        todo = set()
        for o in batch.values():
            todo |= {x for x in [o.parent_id, *o.member_ids] if x and x not in found}
    return found


class Keys:
    """The keys (uids) the document names people and organisations by, from their database ids."""

    def __init__(self, people: dict[int, str], orgs: dict[int, str]):
        self.by_table = {"people": people, "organisations": orgs}

    def key(self, table: str, record_id: int | None) -> str | None:
        return self.by_table[table][record_id] if record_id is not None else None


def record_document(record: Any, keys: Keys) -> dict[str, Any]:
    """A record (an organisation, a person, a meeting, a course, or a part of a meeting) as the
    file writes it: its declared fields under their interchange names, in the file's order.

    A field declared ``sparse`` (added after version 1 of the format) is left out while it
    holds its default, which is what the reader gives a field a file leaves out: the file of a
    record that does not use it is the same bytes as before the field was added."""
    cls = type(record)
    empty = defaults(cls)
    return {
        d.name: _written(d, getattr(record, d.field), keys)
        for d in exchanged(cls)
        if not (d.sparse and getattr(record, d.field) == empty.get(d.field))
    }


def _written(d: Declared, value: Any, keys: Keys) -> Any:
    if d.kind == "parts":
        return [record_document(part, keys) for part in value]
    if d.kind == "refs":
        return [keys.key(d.table, x) for x in value]
    if d.kind == "ref":
        return value if d.sibling else keys.key(d.table, value)
    if d.type == "bytes":
        return base64.b64encode(value or b"").decode("ascii")
    if d.type == "tags":
        return list(value)
    if value is None or d.type in ("text", "int", "bool"):
        return value
    return value.value if d.type == "enum" else iso(value)
