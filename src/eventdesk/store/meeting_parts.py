"""Saving a meeting's parts in place: only what changed is written.

Every part (session, attendance, file, presentation, decision, course) has a
uid that the editor keeps; here it is the key. A part whose uid is already
stored keeps its row id and is updated only in the columns that changed; a
new uid is inserted; a stored uid the meeting no longer lists is deleted.
So ids stay valid across saves (the course register opens a course by id
while its meeting is edited), and only changed rows fire the search
triggers: changing one attendee's title writes one attendance row, not two
hundred.

Parts refer to each other by uid (a presentation to its session and its
attachment); those become row ids here. Rows go in an order the foreign keys
accept: sessions and files are written before the parts naming them and
deleted after.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from eventdesk.records import CourseEntry, Meeting, MeetingFile
from eventdesk.store import media
from eventdesk.store.convert import iso
from eventdesk.store.errors import StoreError
from eventdesk.store.rows import to_row


def sync_parts(db: Database, meeting_id: int, m: Meeting) -> None:
    """Make the stored parts of meeting ``meeting_id`` what ``m`` holds. Inside a transaction."""

    def session_id(uid: str | None) -> int | None:
        return session_ids.get(uid) if uid else None

    session_ids, gone_sessions = _sync(
        db,
        "sessions",
        meeting_id,
        [
            {
                "uid": s.uid,
                "meeting_id": meeting_id,
                "position": n,
                "title": s.title,
                "title_zh": s.title_zh,
                "start_time": iso(s.start_time),
                "end_time": iso(s.end_time),
                "chair_id": s.chair_id,
                "notes": s.notes,
                "notes_zh": s.notes_zh,
            }
            for n, s in enumerate(m.sessions)
        ],
    )
    file_ids, gone_files = _sync(
        db,
        "files",
        meeting_id,
        [_file_row(db, meeting_id, n, f, session_id) for n, f in enumerate(m.files)],
    )
    _sync_hosts(db, meeting_id, m)
    _sync(
        db,
        "attendances",
        meeting_id,
        [
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
        ],
        delete=True,
    )
    presentation_ids, gone = _sync(
        db,
        "presentations",
        meeting_id,
        [
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
            for n, p in enumerate(m.presentations)
        ],
    )
    _delete_with(db, "presentations", gone, "presenters", "presentation_id")
    for p in m.presentations:
        _sync_list(
            db,
            "presenters",
            "presentation_id",
            presentation_ids[p.uid],
            ("person_id",),
            [(person,) for person in p.presenter_ids],
        )
    decision_ids, gone = _sync(
        db,
        "decisions",
        meeting_id,
        [
            {
                "uid": d.uid,
                "meeting_id": meeting_id,
                "session_id": session_id(d.session_uid),
                "position": n,
                "kind": d.kind.value,
                "text": d.text,
                "text_zh": d.text_zh,
                "document": d.document,
                "document_zh": d.document_zh,
                "count": d.count,
                "count_unit": d.count_unit,
                "owner_id": d.owner_id,
                "due_date": iso(d.due_date),
            }
            for n, d in enumerate(m.decisions)
        ],
    )
    _delete_with(db, "decisions", gone, "decision_parties", "decision_id")
    for d in m.decisions:
        _sync_list(
            db,
            "decision_parties",
            "decision_id",
            decision_ids[d.uid],
            ("organisation_id", "person_id", "role", "role_zh"),
            [(x.organisation_id, x.person_id, x.role, x.role_zh) for x in d.parties],
        )
    for c in m.courses:
        c.meeting_id = meeting_id
    course_ids, _ = _sync(
        db,
        "courses",
        meeting_id,
        [course_row(c) | {"position": n} for n, c in enumerate(m.courses)],
        delete=True,
    )
    for c in m.courses:
        c.id = course_ids[c.uid]
    _delete(db, "files", gone_files)
    _delete(db, "sessions", gone_sessions)


def _file_row(db: Database, meeting_id: int, n: int, f: MeetingFile, session_id) -> dict[str, Any]:
    row: dict[str, Any] = {
        "uid": f.uid,
        "meeting_id": meeting_id,
        "position": n,
        "kind": f.kind.value,
        "original_name": f.original_name,
        "media_type": f.media_type,
        "caption": f.caption,
        "caption_zh": f.caption_zh,
        "credit": f.credit,
        "session_id": session_id(f.session_uid),
    }
    if f.data is not None:
        row.update(_content(db, f.data))
    return row


def _content(db: Database, data: bytes) -> dict[str, Any]:
    """The columns that hold a file's bytes: a file beside the database, or (in memory) the row."""
    if media.database_file(db) is None:
        return {"data": data, "size": len(data), "sha256": media.digest(data)}
    return {"data": b"", "size": len(data), "sha256": media.write_photo(db, data)}


def _sync(
    db: Database, table: str, meeting_id: int, rows: list[dict[str, Any]], *, delete: bool = False
) -> tuple[dict[str, int], list[int]]:
    """Insert, update (changed columns only) and list for deletion, keyed by uid.

    Returns uid -> row id, and the ids of stored rows no longer listed (deleted
    here with ``delete``, else left for the caller to delete in a safe order).
    """
    cursor = db.execute(f"SELECT * FROM {table} WHERE meeting_id = ?", [meeting_id])
    names = [c[0] for c in cursor.description]
    stored = {r["uid"]: r for r in (dict(zip(names, row, strict=True)) for row in cursor)}
    ids: dict[str, int] = {}
    for row in rows:
        old = stored.get(row["uid"])
        if old is None:
            if table == "files" and "sha256" not in row:
                raise StoreError(f"The file {row['original_name']!r} has no content to store.")
            columns = ", ".join(row)
            marks = ", ".join("?" * len(row))
            ids[row["uid"]] = db.execute(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values())
            ).lastrowid
            continue
        changed = {k: v for k, v in row.items() if old.get(k) != v}
        if changed:
            assignments = ", ".join(f"{k} = ?" for k in changed)
            db.execute(
                f"UPDATE {table} SET {assignments} WHERE id = ?", [*changed.values(), old["id"]]
            )
        ids[row["uid"]] = old["id"]
    gone = [old["id"] for uid, old in stored.items() if uid not in ids]
    if delete:
        _delete(db, table, gone)
    return ids, gone


def _delete(db: Database, table: str, ids: list[int]) -> None:
    for row_id in ids:
        db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])


def _delete_with(db: Database, table: str, ids: list[int], child: str, key: str) -> None:
    for row_id in ids:
        db.execute(f"DELETE FROM {child} WHERE {key} = ?", [row_id])
    _delete(db, table, ids)


def _sync_list(
    db: Database,
    table: str,
    key: str,
    owner: int,
    columns: tuple[str, ...],
    wanted: list[tuple[Any, ...]],
) -> None:
    """A part's small ordered list (presenters, parties): rewritten only when it changed."""
    cols = ", ".join(columns)
    stored = [
        tuple(row)
        for row in db.execute(
            f"SELECT {cols} FROM {table} WHERE {key} = ? ORDER BY position", [owner]
        )
    ]
    if stored == wanted:
        return
    db.execute(f"DELETE FROM {table} WHERE {key} = ?", [owner])
    marks = ", ".join("?" * (len(columns) + 2))
    for position, values in enumerate(wanted):
        db.execute(
            f"INSERT INTO {table} ({key}, position, {cols}) VALUES ({marks})",
            [owner, position, *values],
        )


def _sync_hosts(db: Database, meeting_id: int, m: Meeting) -> None:
    stored = {
        org: (role, position)
        for org, role, position in db.execute(
            "SELECT organisation_id, role, position FROM meeting_hosts WHERE meeting_id = ?",
            [meeting_id],
        )
    }
    wanted = {h.organisation_id: (h.role.value, n) for n, h in enumerate(m.hosts)}
    for org in stored.keys() - wanted.keys():
        db.execute(
            "DELETE FROM meeting_hosts WHERE meeting_id = ? AND organisation_id = ?",
            [meeting_id, org],
        )
    for org, (role, position) in wanted.items():
        if org not in stored:
            db.execute(
                "INSERT INTO meeting_hosts (meeting_id, organisation_id, role, position) "
                "VALUES (?, ?, ?, ?)",
                [meeting_id, org, role, position],
            )
        elif stored[org] != (role, position):
            db.execute(
                "UPDATE meeting_hosts SET role = ?, position = ? "
                "WHERE meeting_id = ? AND organisation_id = ?",
                [role, position, meeting_id, org],
            )


def course_row(c: CourseEntry) -> dict[str, Any]:
    """A course's row (the register saves one alone): its columns without its place."""
    return to_row(c)
