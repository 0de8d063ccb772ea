"""Writing a checked interchange document into the database, in the caller's one transaction.

By the time a document gets here :class:`~.parsing.Parsed` has checked every
record, date and reference, so little is checked twice (only a meeting's
rules that need the people's ids, once they have them): people and
organisations go in as batches, meetings through the store's one write
path (``store.meetings.write``, the checks of every save) without reading
each back, and the search documents are rebuilt once when the transaction
commits. A whole database's file (10,000
meetings, 50,000 people) goes in this way in well under a minute
(docs/data-safety.md); saved one record at a time, each in a transaction of
its own, it took twenty.

Matching looks at the database as it was before the import: two records of
one file with different ids are two records, even when they share a name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventdesk.records import HostOrganisation, HostRole
from eventdesk.store.convert import now, organisation_row, person_row
from eventdesk.store.interchange.access import RecordWriter
from eventdesk.store.interchange.parsing import Parsed
from eventdesk.store.matching import match_organisation, match_people


@dataclass
class ImportReport:
    meetings_added: list[int] = field(default_factory=list)
    meetings_updated: list[int] = field(default_factory=list)
    people_added: int = 0
    people_matched: int = 0
    organisations_added: int = 0
    organisations_matched: int = 0
    courses: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.meetings_added)} meeting(s) added, {len(self.meetings_updated)} updated; "
            f"{self.people_added} people added, {self.people_matched} matched; "
            f"{self.organisations_added} organisations added, "
            f"{self.organisations_matched} matched"
        )


#: Rows inserted by one statement (SQLite allows 32,766 variables in one).
BATCH = 500


def write(store: RecordWriter, parsed: Parsed) -> ImportReport:
    """Take the document into ``store``; call inside ``store.transaction()``."""
    report = ImportReport()
    org_ids = _organisations(store, parsed, report)
    person_ids = _people(store, parsed, org_ids, report)
    _meetings(store, parsed, org_ids, person_ids, report)
    for course, raw in zip(parsed.courses, parsed.doc.get("courses", []), strict=True):
        course.institution_id = _key(org_ids, raw.get("institution"))
        row = store.db.execute("SELECT id FROM courses WHERE uid = ?", [course.uid]).fetchone()
        course.id = row[0] if row else None
        store.save_course(course)
        report.courses += 1
    return report


def _organisations(store: RecordWriter, parsed: Parsed, report: ImportReport) -> dict[str, int]:
    """Every organisation's id: matched, or inserted with its parent and members.

    A matched organisation keeps what the database already says of it.
    """
    raws = parsed.doc.get("organisations", [])
    org_ids: dict[str, int] = {}
    new = []
    for org, raw in zip(parsed.organisations, raws, strict=True):
        existing = match_organisation(store, org)
        if existing is None:
            new.append((org, raw))
        else:
            org_ids[org.uid] = existing
    report.organisations_matched = len(org_ids)
    report.organisations_added = len(new)
    org_ids |= _insert(store, "organisations", (organisation_row(org) for org, _ in new))
    # Parents and members, now that every organisation has an id.
    store.db.conn.executemany(
        "UPDATE organisations SET parent_id = ? WHERE id = ?",
        [(org_ids[raw["parent"]], org_ids[org.uid]) for org, raw in new if raw.get("parent")],
    )
    store.db["organisation_members"].insert_all(
        (
            {"alliance_id": org_ids[org.uid], "member_id": org_ids[m], "position": n}
            for org, raw in new
            for n, m in enumerate(dict.fromkeys(raw.get("members", [])))
        ),
        batch_size=BATCH,
    )
    return org_ids


def _people(
    store: RecordWriter, parsed: Parsed, org_ids: dict[str, int], report: ImportReport
) -> dict[str, int]:
    raws = parsed.doc.get("people", [])
    for person, raw in zip(parsed.people, raws, strict=True):
        person.organisation_id = _key(org_ids, raw.get("organisation"))
    person_ids: dict[str, int] = {}
    new = []
    for person, existing in zip(parsed.people, match_people(store, parsed.people), strict=True):
        if existing is None:
            new.append(person)
        else:
            person_ids[person.uid] = existing
    report.people_matched = len(person_ids)
    report.people_added = len(new)
    return person_ids | _insert(store, "people", (person_row(p) for p in new))


def _insert(store: RecordWriter, table: str, rows: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Insert ``rows`` in batches, stamped as created now; their ids by uid."""
    stamp = now()
    stamped = [{**row, "created_at": stamp, "updated_at": stamp} for row in rows]
    if not stamped:
        return {}
    store.db[table].insert_all(stamped, batch_size=BATCH)
    found = store.db.execute(
        f"SELECT uid, id FROM {table} WHERE uid IN (SELECT value FROM json_each(?))",
        [json.dumps([row["uid"] for row in stamped])],
    )
    return dict(found.fetchall())


def _meetings(
    store: RecordWriter,
    parsed: Parsed,
    org_ids: dict[str, int],
    person_ids: dict[str, int],
    report: ImportReport,
) -> None:
    def person(key: str | None) -> int | None:
        return _key(person_ids, key)

    def org(key: str | None) -> int | None:
        return _key(org_ids, key)

    for meeting, raw in zip(parsed.meetings, parsed.doc.get("meetings", []), strict=True):
        meeting.hosts = [
            HostOrganisation(org_ids[h["organisation"]], HostRole(h.get("role", "host")))
            for h in raw.get("hosts", [])
        ]
        for s, rs in zip(meeting.sessions, raw.get("sessions", []), strict=True):
            s.chair_id = person(rs.get("chair"))
        for a, ra in zip(meeting.attendees, raw.get("attendees", []), strict=True):
            a.person_id = person_ids[ra["person"]]
            a.organisation_id = org(ra.get("organisation"))
        for p, rp in zip(meeting.presentations, raw.get("presentations", []), strict=True):
            p.presenter_ids = [person_ids[x] for x in rp.get("presenters", [])]
        for c, rc in zip(meeting.courses, raw.get("courses", []), strict=True):
            c.institution_id = org(rc.get("institution"))
        for d, rd in zip(meeting.decisions, raw.get("decisions", []), strict=True):
            d.owner_id = person(rd.get("owner"))
            for party, rparty in zip(d.parties, rd.get("parties", []), strict=True):
                party.organisation_id = org(rparty.get("organisation"))
                party.person_id = person(rparty.get("person"))
        row = store.db.execute("SELECT id FROM meetings WHERE uid = ?", [meeting.uid]).fetchone()
        meeting.id = row[0] if row else None
        # The store's one write path checks it again, with the ids (one person attending
        # twice, a topic with an owner); Parsed checked the rest before the transaction began.
        saved = store.meetings.write(meeting)
        (report.meetings_updated if row else report.meetings_added).append(saved)
        report.courses += len(meeting.courses)


def _key(ids: dict[str, int], key: str | None) -> int | None:
    return ids[key] if key else None
