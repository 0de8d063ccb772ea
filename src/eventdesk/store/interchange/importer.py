"""Reading an interchange document: validate everything first, then take it whole.

The order is what keeps the promise "all or nothing": the document is checked
against the JSON Schema, then every date, reference and record is checked,
and only a document with no problem at all is written, in one transaction.
People and organisations already in the database are matched (by key, then
by name) and reused rather than duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventdesk.records import HostOrganisation, HostRole
from eventdesk.store.errors import ImportRefused
from eventdesk.store.interchange import limits
from eventdesk.store.interchange.parsing import Parsed
from eventdesk.store.interchange.structure import schema_problems
from eventdesk.store.matching import match_organisation as _match_organisation
from eventdesk.store.matching import match_person as _match_person
from eventdesk.store.service import EventStore


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


def read_document(path: Path) -> dict[str, Any]:
    """Read and parse a file, explaining why it is not a document we can take."""
    too_big = limits.check_size(path)
    if too_big:
        raise ImportRefused([too_big])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportRefused([f"{path}: there is no such file"]) from None
    except IsADirectoryError:
        raise ImportRefused([f"{path}: is a folder, not a file"]) from None
    except UnicodeDecodeError:
        raise ImportRefused([f"{path}: not a text file in UTF-8"]) from None
    except OSError as exc:
        raise ImportRefused([f"{path}: cannot be read ({exc.strerror})"]) from None
    except MemoryError:
        raise ImportRefused([f"{path}: too large to read into memory"]) from None
    try:
        return limits.parse(text, path)
    except ValueError as exc:
        raise ImportRefused([str(exc)]) from None


def import_file(store: EventStore, path: Path) -> ImportReport:
    return import_document(store, read_document(path))


def import_document(store: EventStore, document: Any) -> ImportReport:
    """Check ``document`` completely, then write it in one transaction, or raise ImportRefused."""
    problems = limits.problems(document) or schema_problems(document)
    if problems:
        raise ImportRefused(problems)
    parsed = Parsed(document)
    if parsed.problems:
        raise ImportRefused([str(p) for p in parsed.problems])
    conflicts = _course_conflicts(store, parsed)
    if conflicts:
        raise ImportRefused(conflicts)
    if store.count_meetings() or store.count_people():
        store.automatic_backup("before-import")
    with store.transaction():
        return _write(store, parsed)


def _course_conflicts(store: EventStore, parsed: Parsed) -> list[str]:
    """A course id belongs to one meeting: the same id under another meeting is refused.

    (Course ids are unique in the whole database; a copy of a meeting with
    only its own id changed would otherwise fail half-way in SQLite's words.)
    """
    problems: list[str] = []
    owner: dict[str, str] = {}
    for n, meeting in enumerate(parsed.meetings, 1):
        for course in meeting.courses:
            first = owner.setdefault(course.uid, meeting.uid)
            if first != meeting.uid:
                problems.append(
                    f"meeting {n} {meeting.title!r}: course {course.uid!r} is also a course "
                    f"of meeting {first!r} in the file; give it an id of its own"
                )
    for uid, meeting_uid in owner.items():
        row = store.db.execute(
            "SELECT m.uid, m.title FROM courses c LEFT JOIN meetings m ON m.id = c.meeting_id "
            "WHERE c.uid = ?",
            [uid],
        ).fetchone()
        if row is not None and row[0] != meeting_uid:
            held = f"meeting {row[0]!r} ({row[1]})" if row[0] else "the course register"
            problems.append(
                f"course {uid!r} of meeting {meeting_uid!r} is already in the database, under "
                f"{held}; give it an id of its own"
            )
    return problems


# -- writing --------------------------------------------------------------------


def _write(store: EventStore, parsed: Parsed) -> ImportReport:
    report = ImportReport()
    doc = parsed.doc
    org_ids: dict[str, int] = {}
    added: set[str] = set()
    for org in parsed.organisations:
        existing = _match_organisation(store, org)
        if existing is not None:
            org_ids[org.uid] = existing
            report.organisations_matched += 1
        else:
            org_ids[org.uid] = store.save_organisation(org).id  # type: ignore[assignment]
            added.add(org.uid)
            report.organisations_added += 1
    # Second pass: parents and members, now that every organisation has an id.
    # An organisation that was matched keeps what the database already says of it.
    for org, raw in zip(parsed.organisations, doc.get("organisations", []), strict=True):
        if org.uid not in added:
            continue
        org.id = org_ids[org.uid]
        org.parent_id = org_ids.get(raw.get("parent")) if raw.get("parent") else None
        org.member_ids = [org_ids[m] for m in raw.get("members", [])]
        if org.parent_id or org.member_ids:
            store.save_organisation(org)

    person_ids: dict[str, int] = {}
    for person, raw in zip(parsed.people, doc.get("people", []), strict=True):
        person.organisation_id = org_ids[raw["organisation"]] if raw.get("organisation") else None
        existing = _match_person(store, person)
        if existing is not None:
            person_ids[person.uid] = existing
            report.people_matched += 1
        else:
            person_ids[person.uid] = store.save_person(person).id  # type: ignore[assignment]
            report.people_added += 1

    def org(key: str | None) -> int | None:
        return org_ids[key] if key else None

    def person(key: str | None) -> int | None:
        return person_ids[key] if key else None

    for meeting, raw in zip(parsed.meetings, doc.get("meetings", []), strict=True):
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
        saved = store.save_meeting(meeting)
        (report.meetings_updated if row else report.meetings_added).append(saved.id)
        report.courses += len(meeting.courses)

    for course, raw in zip(parsed.courses, doc.get("courses", []), strict=True):
        course.institution_id = org(raw.get("institution"))
        row = store.db.execute("SELECT id FROM courses WHERE uid = ?", [course.uid]).fetchone()
        course.id = row[0] if row else None
        store.save_course(course)
        report.courses += 1
    return report
