"""Saving and loading one meeting with everything that belongs to it.

A meeting is saved as a whole, in one transaction: its own row, then its
parts brought in step with what the editor holds, in place, keyed by uid
(``store/meeting_parts.py``): ids of unchanged parts never change. Photos'
bytes, which the editor never loads, are not rewritten on a save; new bytes
go to a file beside the database (``store/media.py``) before their row.
"""

from __future__ import annotations

from typing import Any

from eventdesk.records import CourseEntry, Meeting
from eventdesk.store.convert import meeting_from_row, meeting_row, now
from eventdesk.store.engines import Connection
from eventdesk.store.errors import RecordNotFound, StoreError
from eventdesk.store.meeting_parts import course_row as course_row  # the register saves one
from eventdesk.store.meeting_parts import delete_parts, load_parts, sync_parts
from eventdesk.store.rows import from_row, insert_row, update_row


def save_meeting(conn: Connection, meeting: Meeting) -> int:
    """Insert or update ``meeting`` and all its parts; return its id. Call inside a transaction."""
    row = meeting_row(meeting)
    row["updated_at"] = now()
    if meeting.id is None:
        row["created_at"] = row["updated_at"]
        meeting_id = insert_row(conn, "meetings", row)
    else:
        if not conn.execute("SELECT 1 FROM meetings WHERE id = ?", [meeting.id]).fetchone():
            raise RecordNotFound(f"Meeting {meeting.id} does not exist.")
        update_row(conn, "meetings", meeting.id, row)
        meeting_id = meeting.id
    sync_parts(conn, meeting_id, meeting)
    return meeting_id


def course_from_row(r: dict[str, Any]) -> CourseEntry:
    return from_row(CourseEntry, r)


def load_meeting(conn: Connection, meeting_id: int, *, with_file_data: bool = False) -> Meeting:
    rows = conn.execute("SELECT * FROM meetings WHERE id = ?", [meeting_id]).dicts()
    if not rows:
        raise RecordNotFound(f"There is no meeting with id {meeting_id}.")
    m = meeting_from_row(rows[0])
    load_parts(conn, meeting_id, m, (lambda row: _bytes(conn, row)) if with_file_data else None)
    return m


def _bytes(conn: Connection, row: dict[str, Any]) -> bytes:
    if row["data"] or not row["sha256"]:
        return row["data"] or b""
    if conn.engine != "sqlite":  # the team database's table of photos by their hash
        from eventdesk.store.engines import postgres_photos

        return postgres_photos.get(conn, row["sha256"])
    from eventdesk.store import media  # the photos' files, read when one is (not at start)

    if media.database_file(conn) is None:
        raise StoreError(f"The file {row['original_name']!r} has no content in this database.")
    return media.read_photo(conn, row["sha256"])


def file_data(conn: Connection, file_id: int) -> bytes:
    rows = conn.execute(
        "SELECT data, sha256, original_name FROM files WHERE id = ?", [file_id]
    ).dicts()
    if not rows:
        raise RecordNotFound(f"There is no file with id {file_id}.")
    return _bytes(conn, rows[0])


def photo_for_print(conn: Connection, file_id: int) -> bytes:
    """A print-size, upright rendition of a stored photo (``store/renditions.py``)."""
    rows = conn.execute(
        "SELECT data, sha256, original_name FROM files WHERE id = ?", [file_id]
    ).dicts()
    if not rows:
        raise RecordNotFound(f"There is no file with id {file_id}.")
    row = rows[0]
    from eventdesk.store import media, renditions  # the photos' files: a summary's, not at start

    if row["data"] or not row["sha256"]:
        return renditions.print_rendition(row["data"] or b"")
    if conn.engine != "sqlite":  # the team database's photo: this PC's cache of its renditions
        return renditions.cached_team_rendition(row["sha256"], lambda: _bytes(conn, row))
    return renditions.cached_print_rendition(
        media.folder_of(conn), row["sha256"], lambda: _bytes(conn, row)
    )


def purge_meeting(conn: Connection, meeting_id: int) -> None:
    """Remove a meeting and its parts for good (emptying the trash)."""
    delete_parts(conn, meeting_id)
    conn.execute("DELETE FROM meetings WHERE id = ?", [meeting_id])
