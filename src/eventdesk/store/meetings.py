"""Saving and loading one meeting with everything that belongs to it.

A meeting is saved as a whole, in one transaction: its own row, then its
parts replaced by what the editor holds. Parts refer to each other by uid
(a presentation to its session, to its attachment); here those become row
ids. Photos are kept by uid so that their bytes, which the editor never
loads, are not rewritten on every save.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from eventdesk.records import (
    Attendance,
    AttendanceRole,
    CourseEntry,
    CourseStatus,
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
from eventdesk.store.convert import iso, meeting_from_row, meeting_row, now, to_date, to_time
from eventdesk.store.errors import RecordNotFound, StoreError

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
    _clear_parts(db, meeting_id)
    session_ids = _insert_sessions(db, meeting_id, meeting.sessions)
    file_ids = _sync_files(db, meeting_id, meeting.files, session_ids)
    _insert_parts(db, meeting_id, meeting, session_ids, file_ids)
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


def _insert_sessions(db: Database, meeting_id: int, sessions: list[Session]) -> dict[str, int]:
    ids = {}
    for position, s in enumerate(sessions):
        ids[s.uid] = (
            db["sessions"]
            .insert(
                {
                    "uid": s.uid,
                    "meeting_id": meeting_id,
                    "position": position,
                    "title": s.title,
                    "title_zh": s.title_zh,
                    "start_time": iso(s.start_time),
                    "end_time": iso(s.end_time),
                    "chair_id": s.chair_id,
                    "notes": s.notes,
                    "notes_zh": s.notes_zh,
                }
            )
            .last_pk
        )
    return ids


def _sync_files(
    db: Database, meeting_id: int, files: list[MeetingFile], session_ids: dict[str, int]
) -> dict[str, int]:
    existing = {
        uid: fid
        for fid, uid in db.execute("SELECT id, uid FROM files WHERE meeting_id = ?", [meeting_id])
    }
    ids: dict[str, int] = {}
    for position, f in enumerate(files):
        row: dict[str, Any] = {
            "uid": f.uid,
            "meeting_id": meeting_id,
            "position": position,
            "kind": f.kind.value,
            "original_name": f.original_name,
            "media_type": f.media_type,
            "caption": f.caption,
            "caption_zh": f.caption_zh,
            "credit": f.credit,
            "session_id": session_ids.get(f.session_uid) if f.session_uid else None,
        }
        if f.data is not None:
            row.update(data=f.data, size=len(f.data))
        if f.uid in existing:
            db["files"].update(existing[f.uid], row)
            ids[f.uid] = existing[f.uid]
        elif f.data is None:
            raise StoreError(f"The file {f.original_name!r} has no content to store.")
        else:
            ids[f.uid] = db["files"].insert(row).last_pk
    gone = [fid for uid, fid in existing.items() if uid not in ids]
    for fid in gone:
        db.execute("DELETE FROM files WHERE id = ?", [fid])
    return ids


def _insert_parts(
    db: Database,
    meeting_id: int,
    m: Meeting,
    session_ids: dict[str, int],
    file_ids: dict[str, int],
) -> None:
    def session_id(uid: str | None) -> int | None:
        return session_ids.get(uid) if uid else None

    db["meeting_hosts"].insert_all(
        {
            "meeting_id": meeting_id,
            "organisation_id": h.organisation_id,
            "role": h.role.value,
            "position": n,
        }
        for n, h in enumerate(m.hosts)
    )
    db["attendances"].insert_all(
        {
            "uid": a.uid,
            "meeting_id": meeting_id,
            "person_id": a.person_id,
            "organisation_id": a.organisation_id,
            "title": a.title,
            "title_zh": a.title_zh,
            "capacity": a.capacity,
            "capacity_zh": a.capacity_zh,
            "role": a.role.value,
            "side": a.side.value,
            "precedence": n,
        }
        for n, a in enumerate(m.attendees)
    )
    for n, p in enumerate(m.presentations):
        pid = (
            db["presentations"]
            .insert(
                {
                    "uid": p.uid,
                    "meeting_id": meeting_id,
                    "session_id": session_id(p.session_uid),
                    "position": n,
                    "kind": p.kind.value,
                    "title": p.title,
                    "title_zh": p.title_zh,
                    "abstract": p.abstract,
                    "abstract_zh": p.abstract_zh,
                    "attachment_id": file_ids.get(p.attachment_uid) if p.attachment_uid else None,
                }
            )
            .last_pk
        )
        db["presenters"].insert_all(
            {"presentation_id": pid, "person_id": person, "position": k}
            for k, person in enumerate(p.presenter_ids)
        )
    for n, d in enumerate(m.decisions):
        did = (
            db["decisions"]
            .insert(
                {
                    "uid": d.uid,
                    "meeting_id": meeting_id,
                    "session_id": session_id(d.session_uid),
                    "position": n,
                    "kind": d.kind.value,
                    "text": d.text,
                    "text_zh": d.text_zh,
                    "count": d.count,
                    "count_unit": d.count_unit,
                    "owner_id": d.owner_id,
                    "due_date": iso(d.due_date),
                }
            )
            .last_pk
        )
        db["decision_parties"].insert_all(
            {
                "decision_id": did,
                "position": k,
                "organisation_id": party.organisation_id,
                "person_id": party.person_id,
                "role": party.role,
                "role_zh": party.role_zh,
            }
            for k, party in enumerate(d.parties)
        )
    for n, c in enumerate(m.courses):
        c.meeting_id = meeting_id
        db["courses"].insert(course_row(c) | {"position": n})


def course_row(c: CourseEntry) -> dict[str, Any]:
    return {
        "uid": c.uid,
        "meeting_id": c.meeting_id,
        "programme": c.programme,
        "programme_zh": c.programme_zh,
        "year": c.year,
        "title": c.title,
        "title_zh": c.title_zh,
        "institution_id": c.institution_id,
        "teachers": c.teachers,
        "status": c.status.value,
        "notes": c.notes,
    }


def course_from_row(r: dict[str, Any]) -> CourseEntry:
    return CourseEntry(
        id=r["id"],
        uid=r["uid"],
        meeting_id=r["meeting_id"],
        programme=r["programme"] or "",
        programme_zh=r["programme_zh"] or "",
        year=r["year"],
        title=r["title"] or "",
        title_zh=r["title_zh"] or "",
        institution_id=r["institution_id"],
        teachers=r["teachers"] or "",
        status=CourseStatus(r["status"]),
        notes=r["notes"] or "",
    )


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
        "caption, caption_zh, credit, session_id, size"
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
            data=r.get("data"),
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


def file_data(db: Database, file_id: int) -> bytes:
    row = db.execute("SELECT data FROM files WHERE id = ?", [file_id]).fetchone()
    if row is None:
        raise RecordNotFound(f"There is no file with id {file_id}.")
    return row[0]


def purge_meeting(db: Database, meeting_id: int) -> None:
    """Remove a meeting and its parts for good (emptying the trash)."""
    _clear_parts(db, meeting_id)
    db.execute("DELETE FROM files WHERE meeting_id = ?", [meeting_id])
    db.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])
