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
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from eventdesk.records import Organisation, Person
from eventdesk.store import history, versions
from eventdesk.store.convert import now, organisation_row
from eventdesk.store.engines import dialect
from eventdesk.store.interchange.access import RecordWriter
from eventdesk.store.interchange.declared import exchanged
from eventdesk.store.interchange.parsing import Parsed
from eventdesk.store.matching import match_organisation, match_people
from eventdesk.store.rows import insert_rows


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


#: The database's ids of the file's keys, by table ("people", "organisations").
Ids = dict[str, dict[str, int]]
T = TypeVar("T", Organisation, Person)


def write(store: RecordWriter, parsed: Parsed) -> ImportReport:
    """Take the document into ``store``; call inside ``store.transaction()``.

    Two imports into a team database at once take turns here, before matching: the second
    finds the people and organisations the first added (``dialect.take_turns``).
    """
    dialect.take_turns(store.connection, "import")
    report = ImportReport()
    ids: Ids = {"organisations": _organisations(store, parsed, report)}
    ids["people"] = _people(store, parsed, ids, report)
    for meeting in parsed.meetings:
        resolve(meeting, ids)
        sql = "SELECT id, coalesce(version, 0) FROM meetings WHERE uid = ?"
        row = store.connection.execute(sql, [meeting.uid]).fetchone()
        # A meeting imported again replaces what is stored, at whatever version it is now.
        meeting.id, meeting.version = row if row else (None, 0)
        for course in meeting.courses:  # its courses too: each a record with its version
            course.version = _stored_version(store, course.uid)
        # The store's one write path checks it again, with the ids (one person attending
        # twice, a topic with an owner); Parsed checked the rest before the transaction began.
        saved = store.meetings.write(meeting)
        (report.meetings_updated if row else report.meetings_added).append(saved)
        report.courses += len(meeting.courses)
    for course in parsed.courses:
        resolve(course, ids)
        sql = "SELECT id, coalesce(version, 0) FROM courses WHERE uid = ?"
        row = store.connection.execute(sql, [course.uid]).fetchone()
        course.id, course.version = row if row else (None, 0)
        store.courses.save(course)
        report.courses += 1
    return report


def _stored_version(store: RecordWriter, uid: str) -> int:
    """The version of the course stored with ``uid`` (0 if none is): an import replaces it."""
    sql = "SELECT coalesce(version, 0) FROM courses WHERE uid = ?"
    return store.connection.execute(sql, [uid]).scalar() or 0


def resolve(record: Any, ids: Ids) -> None:
    """Give every reference of ``record`` (and of its parts) the database's id for its key."""
    for d in exchanged(type(record)):
        value = getattr(record, d.field)
        if d.kind == "ref" and not d.sibling:
            setattr(record, d.field, ids[d.table][value] if value else None)
        elif d.kind == "refs":
            setattr(record, d.field, [ids[d.table][key] for key in value])
        elif d.kind == "parts":
            for part in value:
                resolve(part, ids)


def _organisations(store: RecordWriter, parsed: Parsed, report: ImportReport) -> dict[str, int]:
    """Every organisation's id: matched, or inserted with its parent and members.

    A matched organisation keeps what the database already says of it.
    """
    matches = [match_organisation(store, org) for org in parsed.organisations]
    org_ids, new = _matched(parsed.organisations, matches)
    report.organisations_matched = len(org_ids)
    report.organisations_added = len(new)
    # Parents and members once every organisation has an id: inserted without them first.
    org_ids |= _insert(
        store, "organisations", (organisation_row(replace(o, parent_id=None)) for o in new)
    )
    for org in new:
        resolve(org, {"organisations": org_ids})
        store.search_due(listed=("organisations", org_ids[org.uid]))  # a team database's list
    store.connection.executemany(
        "UPDATE organisations SET parent_id = ? WHERE id = ?",
        [(org.parent_id, org_ids[org.uid]) for org in new if org.parent_id],
    )
    insert_rows(
        store.connection,
        "organisation_members",
        (
            {"alliance_id": org_ids[org.uid], "member_id": m, "position": n}
            for org in new
            for n, m in enumerate(dict.fromkeys(org.member_ids))
        ),
    )
    return org_ids


def _people(store: RecordWriter, parsed: Parsed, ids: Ids, report: ImportReport) -> dict[str, int]:
    for person in parsed.people:
        resolve(person, ids)
    person_ids, new = _matched(parsed.people, match_people(store, parsed.people))
    report.people_matched = len(person_ids)
    report.people_added = len(new)
    # Through the people's one write path for a list's many: each checked as a form's would be.
    added = store.people.add_all(new)
    return person_ids | {p.uid: pid for p, pid in zip(new, added, strict=True)}


def _matched(records: list[T], matches: list[int | None]) -> tuple[dict[str, int], list[T]]:
    """The ids of the records matched in the database (by uid), and the records that are new."""
    ids = {r.uid: found for r, found in zip(records, matches, strict=True) if found is not None}
    return ids, [r for r, found in zip(records, matches, strict=True) if found is None]


def _insert(store: RecordWriter, table: str, rows: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Insert ``rows`` in batches, stamped as created now, by whom, at their first version
    (each with its line of history); their ids by uid."""
    stamp, who = now(), versions.user_of(store.connection)
    made = {"created_at": stamp, "updated_at": stamp, "version": 1, "updated_by": who}
    stamped = [{**row, **made} for row in rows]
    if not stamped:
        return {}
    insert_rows(store.connection, table, stamped)
    found = dict(
        store.connection.execute(
            f"SELECT uid, id FROM {table} WHERE uid IN ({dialect.listed(store.connection)})",
            [json.dumps([row["uid"] for row in stamped])],
        ).fetchall()
    )
    kind = next(k for k, name in history.TABLES.items() if name == table)
    history.created(store.connection, kind, [(i, uid) for uid, i in found.items()], who)
    return found
