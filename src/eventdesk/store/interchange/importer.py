"""Reading an interchange document: validate everything first, then take it whole.

The order is what keeps the promise "all or nothing": the document is checked
against the JSON Schema, then every date, reference and record is checked,
and only a document with no problem at all is written, in one transaction.
People and organisations already in the database are matched (by key, then
by name) and reused rather than duplicated.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventdesk.store.errors import ImportRefused
from eventdesk.store.interchange import limits
from eventdesk.store.interchange.access import RecordWriter
from eventdesk.store.interchange.parsing import Parsed
from eventdesk.store.interchange.structure import schema_problems
from eventdesk.store.interchange.writing import ImportReport, write


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


def import_file(store: RecordWriter, path: Path) -> ImportReport:
    return import_document(store, read_document(path))


def import_document(store: RecordWriter, document: Any) -> ImportReport:
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
    if store.meetings.count() or store.people.count():
        store.files.automatic_backup("before-import")
    with store.transaction():
        return write(store, parsed)


def _course_conflicts(store: RecordWriter, parsed: Parsed) -> list[str]:
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
        row = store.connection.execute(
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
