"""``eventdesk check``: SQLite's full integrity check and EventDesk's own consistency rules.

Each problem is one sentence naming the record, so a user (or whoever
supports them) can see what is wrong without opening the file in a tool.
"""

from __future__ import annotations

import sqlite3

from eventdesk.store import media
from eventdesk.store.engines import Connection
from eventdesk.store.fts import INDEXED
from eventdesk.store.sqlite_db import Database

#: Rules a team database is held to as well (the server keeps its own integrity and keys).
_BOTH = [
    (
        "SELECT p.id, p.meeting_id FROM presentations p JOIN sessions s ON s.id = p.session_id "
        "WHERE s.meeting_id != p.meeting_id",
        "presentation {0} of meeting {1} names a session of another meeting",
    ),
    (
        "SELECT p.id, p.meeting_id FROM presentations p JOIN files f ON f.id = p.attachment_id "
        "WHERE f.meeting_id != p.meeting_id",
        "presentation {0} of meeting {1} has an attachment of another meeting",
    ),
    (
        "SELECT d.id, d.meeting_id FROM decisions d JOIN sessions s ON s.id = d.session_id "
        "WHERE s.meeting_id != d.meeting_id",
        "decision {0} of meeting {1} names a session of another meeting",
    ),
    (
        "SELECT id, meeting_id FROM files WHERE coalesce(sha256, '') = '' "
        "AND (data IS NULL OR length(data) = 0)",
        "file {0} of meeting {1} has no content (its photo or attachment is missing)",
    ),
]
_NO_DOCUMENT = "meeting {0} ({1}) has no search document: searches will not find it"
_CROSS_MEETING = [
    *_BOTH[:3],
    (
        "SELECT m.id, m.start_date FROM meetings m WHERE m.deleted_at IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM search_keys k WHERE k.meeting_id = m.id)",
        _NO_DOCUMENT,
    ),
    (
        "SELECT id, meeting_id FROM files WHERE coalesce(sha256, '') = '' "
        "AND (data IS NULL OR length(data) = 0)",
        "file {0} of meeting {1} has no content (its photo or attachment is missing)",
    ),
    (
        "SELECT id, meeting_id FROM files WHERE length(data) > 0 AND size IS NOT NULL "
        "AND size != length(data)",
        "file {0} of meeting {1} is not the size it was stored with (damaged)",
    ),
]


def problems(db: Database, notes: list[str] | None = None) -> list[str]:
    """Every problem found; what could not be checked (a read-only file) goes to ``notes``."""
    try:
        found = [row[0] for row in db.execute("PRAGMA integrity_check") if row[0] != "ok"]
    except sqlite3.DatabaseError as exc:
        return [f"SQLite cannot read the file: {exc}"]
    found += [
        f"{table} row {rowid} refers to a missing {parent} row"
        for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check")
    ]
    for sql, message in _CROSS_MEETING:
        found += [message.format(*row) for row in db.execute(sql)]
    found += media.problems(db)
    found += _photo_problems(db)
    unchecked = []
    for table in INDEXED:
        try:
            db.execute(f"INSERT INTO {table}_fts({table}_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.OperationalError as exc:
            # SQLite's check of a search index needs write access: a file open
            # read-only (another EventDesk holds it) is not damaged for that.
            if "readonly" not in str(exc) and "locked" not in str(exc):
                found.append(f"the search index of {table} is out of step ({exc})")
            else:
                unchecked.append(table)
        except sqlite3.DatabaseError as exc:
            found.append(f"the search index of {table} is out of step ({exc})")
    if unchecked and notes is not None:
        notes.append(
            "the search indexes were not checked: that needs write access, and the file is "
            "open read-only"
        )
    return found


def _photo_problems(db: Database) -> list[str]:
    """Photos whose bytes are not an image of their type, or too large to decode (one at a time).

    A photo's bytes are in its row (written before photos left the
    database) or else in its file beside the database (``store/media.py``);
    a missing or changed file is reported by ``media.problems``.
    """
    from eventdesk.records.images import check_image

    folders = media.sources_of(db)
    found = []
    rows = db.execute(
        "SELECT id, meeting_id, media_type, coalesce(sha256, '') FROM files "
        "WHERE kind = 'photo' ORDER BY id"
    ).fetchall()
    for file_id, meeting_id, media_type, sha in rows:
        (data,) = db.execute("SELECT data FROM files WHERE id = ?", [file_id]).fetchone()
        if not data and sha:  # as the store reads it: the row's bytes first, else its file
            path = media.find(folders, sha)
            try:
                data = media.read_checked(path, sha) if path is not None else b""
            except media.BadPhoto:
                continue  # reported as a link or damaged above
            if path is None:
                continue  # reported as missing above
        if not data and not sha:
            continue  # no content at all is reported above
        problem = check_image(data, media_type)  # a stored file of 0 bytes: "it is empty"
        if problem:
            found.append(f"photo {file_id} of meeting {meeting_id} is not usable: {problem}")
    return found


def team_problems(conn: Connection) -> list[str]:
    """``eventdesk check`` of a team database: EventDesk's own rules, its search documents and
    its photos (each hashed by the server); the server keeps its pages and keys itself."""
    from eventdesk.store.engines import postgres_photos

    found = [message.format(*row) for sql, message in _BOTH for row in conn.execute(sql)]
    found += [
        _NO_DOCUMENT.format(*row)
        for row in conn.execute(
            "SELECT m.id, m.start_date FROM meetings m WHERE m.deleted_at IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM meeting_search s WHERE s.meeting_id = m.id)"
        )
    ]
    found += [
        f"file {file_id} of meeting {meeting_id} names a photo the database does not hold "
        f"({sha[:12]}…)"
        for file_id, meeting_id, sha in conn.execute(
            "SELECT f.id, f.meeting_id, f.sha256 FROM files f WHERE coalesce(f.sha256, '') <> '' "
            "AND coalesce(length(f.data), 0) = 0 "
            "AND NOT EXISTS (SELECT 1 FROM photos p WHERE p.sha256 = f.sha256) ORDER BY f.id"
        )
    ]
    found += [
        f"the photo {sha[:12]}… is damaged: its bytes are not the photo saved under that name"
        for sha in postgres_photos.damaged(conn)
    ]
    return found
