"""Saving and loading one meeting with everything that belongs to it.

A meeting is saved as a whole, in one transaction: its own row, then its
parts brought in step with what the editor holds, in place, keyed by uid
(``store/meeting_parts.py``): ids of unchanged parts never change. Photos'
bytes, which the editor never loads, are not rewritten on a save; new bytes
go to a file beside the database (``store/media.py``) before their row.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from eventdesk.records import (
    Attendance,
    AttendanceRole,
    CourseEntry,
    Decision,
    DecisionKind,
    DecisionParty,
    FileKind,
    HostOrganisation,
    HostRole,
    Meeting,
    MeetingFile,
    Presentation,
    PresentationKind,
    Session,
    Side,
)
from eventdesk.store import media, renditions
from eventdesk.store.convert import meeting_from_row, meeting_row, now, to_date, to_time
from eventdesk.store.errors import RecordNotFound, StoreError
from eventdesk.store.meeting_parts import course_row as course_row  # the register saves one
from eventdesk.store.meeting_parts import sync_parts
from eventdesk.store.rows import from_row

_CHILD_TABLES = ("presentations", "decisions", "attendances", "meeting_hosts", "courses")


def save_meeting(db: Database, meeting: Meeting) -> int:
    """Insert or update ``meeting`` and all its parts; return its id. Call inside a transaction."""
    row = meeting_row(meeting)
    row["updated_at"] = now()
    if meeting.id is None:
        row["created_at"] = row["updated_at"]
        meeting_id = db["meetings"].insert(row).last_pk
    else:
        if not db.execute("SELECT 1 FROM meetings WHERE id = ?", [meeting.id]).fetchone():
            raise RecordNotFound(f"Meeting {meeting.id} does not exist.")
        db["meetings"].update(meeting.id, row)
        meeting_id = meeting.id
    sync_parts(db, meeting_id, meeting)
    return meeting_id


def _clear_parts(db: Database, meeting_id: int) -> None:
    db.execute(
        "DELETE FROM presenters WHERE presentation_id IN "
        "(SELECT id FROM presentations WHERE meeting_id = ?)",
        [meeting_id],
    )
    db.execute(
        "DELETE FROM decision_parties WHERE decision_id IN "
        "(SELECT id FROM decisions WHERE meeting_id = ?)",
        [meeting_id],
    )
    for table in _CHILD_TABLES:
        db.execute(f"DELETE FROM {table} WHERE meeting_id = ?", [meeting_id])
    db.execute("UPDATE files SET session_id = NULL WHERE meeting_id = ?", [meeting_id])
    db.execute("DELETE FROM sessions WHERE meeting_id = ?", [meeting_id])


def course_from_row(r: dict[str, Any]) -> CourseEntry:
    return from_row(CourseEntry, r)


def _rows(db: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def load_meeting(db: Database, meeting_id: int, *, with_file_data: bool = False) -> Meeting:
    rows = _rows(db, "SELECT * FROM meetings WHERE id = ?", [meeting_id])
    if not rows:
        raise RecordNotFound(f"There is no meeting with id {meeting_id}.")
    m = meeting_from_row(rows[0])
    q = "SELECT * FROM {} WHERE meeting_id = ? ORDER BY {}"
    m.hosts = [
        HostOrganisation(r["organisation_id"], HostRole(r["role"]))
        for r in _rows(db, q.format("meeting_hosts", "position"), [meeting_id])
    ]
    m.sessions = [
        Session(
            id=r["id"],
            uid=r["uid"],
            title=r["title"] or "",
            title_zh=r["title_zh"] or "",
            start_time=to_time(r["start_time"]),
            end_time=to_time(r["end_time"]),
            chair_id=r["chair_id"],
            notes=r["notes"] or "",
            notes_zh=r["notes_zh"] or "",
        )
        for r in _rows(db, q.format("sessions", "position"), [meeting_id])
    ]
    session_uid = {s.id: s.uid for s in m.sessions}
    m.attendees = [
        Attendance(
            id=r["id"],
            uid=r["uid"],
            person_id=r["person_id"],
            title=r["title"] or "",
            title_zh=r["title_zh"] or "",
            organisation_id=r["organisation_id"],
            capacity=r["capacity"] or "",
            capacity_zh=r["capacity_zh"] or "",
            role=AttendanceRole(r["role"]),
            side=Side(r["side"]),
        )
        for r in _rows(db, q.format("attendances", "precedence"), [meeting_id])
    ]
    columns = (
        "*"
        if with_file_data
        else "id, uid, position, kind, original_name, media_type, "
        "caption, caption_zh, credit, session_id, size, sha256"
    )
    m.files = [
        MeetingFile(
            id=r["id"],
            uid=r["uid"],
            kind=FileKind(r["kind"]),
            original_name=r["original_name"],
            media_type=r["media_type"],
            caption=r["caption"] or "",
            caption_zh=r["caption_zh"] or "",
            credit=r["credit"] or "",
            session_uid=session_uid.get(r["session_id"]),
            data=_bytes(db, r) if with_file_data else None,
            size=r["size"] or 0,
        )
        for r in _rows(
            db, f"SELECT {columns} FROM files WHERE meeting_id = ? ORDER BY position", [meeting_id]
        )
    ]
    file_uid = {f.id: f.uid for f in m.files}
    presenters: dict[int, list[int]] = {}
    for pid, person in db.execute(
        "SELECT p.presentation_id, p.person_id FROM presenters p JOIN presentations x "
        "ON x.id = p.presentation_id WHERE x.meeting_id = ? ORDER BY p.presentation_id, "
        "p.position",
        [meeting_id],
    ):
        presenters.setdefault(pid, []).append(person)
    m.presentations = [
        Presentation(
            id=r["id"],
            uid=r["uid"],
            kind=PresentationKind(r["kind"]),
            title=r["title"] or "",
            title_zh=r["title_zh"] or "",
            session_uid=session_uid.get(r["session_id"]),
            presenter_ids=presenters.get(r["id"], []),
            abstract=r["abstract"] or "",
            abstract_zh=r["abstract_zh"] or "",
            attachment_uid=file_uid.get(r["attachment_id"]),
        )
        for r in _rows(db, q.format("presentations", "position"), [meeting_id])
    ]
    parties: dict[int, list[DecisionParty]] = {}
    for r in _rows(
        db,
        "SELECT p.* FROM decision_parties p JOIN decisions d ON d.id = p.decision_id "
        "WHERE d.meeting_id = ? ORDER BY p.decision_id, p.position",
        [meeting_id],
    ):
        parties.setdefault(r["decision_id"], []).append(
            DecisionParty(r["organisation_id"], r["person_id"], r["role"] or "", r["role_zh"] or "")
        )
    m.decisions = [
        Decision(
            id=r["id"],
            uid=r["uid"],
            kind=DecisionKind(r["kind"]),
            text=r["text"] or "",
            text_zh=r["text_zh"] or "",
            document=r["document"] or "",
            document_zh=r["document_zh"] or "",
            session_uid=session_uid.get(r["session_id"]),
            parties=parties.get(r["id"], []),
            count=r["count"],
            count_unit=r["count_unit"] or "",
            owner_id=r["owner_id"],
            due_date=to_date(r["due_date"]),
        )
        for r in _rows(db, q.format("decisions", "position"), [meeting_id])
    ]
    m.courses = [
        course_from_row(r) for r in _rows(db, q.format("courses", "position"), [meeting_id])
    ]
    return m


def _bytes(db: Database, row: dict[str, Any]) -> bytes:
    if row["data"] or not row["sha256"]:
        return row["data"] or b""
    if media.database_file(db) is None:
        raise StoreError(f"The file {row['original_name']!r} has no content in this database.")
    return media.read_photo(db, row["sha256"])


def file_data(db: Database, file_id: int) -> bytes:
    rows = _rows(db, "SELECT data, sha256, original_name FROM files WHERE id = ?", [file_id])
    if not rows:
        raise RecordNotFound(f"There is no file with id {file_id}.")
    return _bytes(db, rows[0])


def photo_for_print(db: Database, file_id: int) -> bytes:
    """A print-size, upright rendition of a stored photo (``store/renditions.py``)."""
    rows = _rows(db, "SELECT data, sha256, original_name FROM files WHERE id = ?", [file_id])
    if not rows:
        raise RecordNotFound(f"There is no file with id {file_id}.")
    row = rows[0]
    if row["data"] or not row["sha256"]:
        return renditions.print_rendition(row["data"] or b"")
    return renditions.cached_print_rendition(
        media.folder_of(db), row["sha256"], lambda: _bytes(db, row)
    )


def purge_meeting(db: Database, meeting_id: int) -> None:
    """Remove a meeting and its parts for good (emptying the trash)."""
    _clear_parts(db, meeting_id)
    db.execute("DELETE FROM files WHERE meeting_id = ?", [meeting_id])
    db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])
