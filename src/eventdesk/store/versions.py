"""Clerks at once: every meeting, person, organisation and course counts its saves, and a save
that was loaded at a version another clerk has moved on from is refused, with nothing written.

A record carries the ``version`` it was loaded at (``records/models.py``; 0 for a new one, and
for a row saved before versions were kept). Its save first claims the row:

    UPDATE meetings SET version = coalesce(version, 0) + 1, updated_by = ?
     WHERE id = ? AND coalesce(version, 0) = ?

in the save's own transaction, before anything else is written. On a team database the
claim holds the row's lock until the save commits: a second clerk's claim of the same row
waits for it, then finds the version moved on and changes nothing; saves of different
records never wait for each other. A file has one writer at a time (its ``BEGIN``). Either
way the second save raises :class:`~eventdesk.store.errors.Conflict`, naming who saved and
when, and its transaction rolls back whole. The same transaction keeps the save's line of
``history`` (``store/history.py``).

Who saved: the PC's user name on a file (``getpass.getuser()``: the Windows login), the
session's role on a team database (the name the server knows the clerk by).
"""

from __future__ import annotations

import getpass
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from typing import Any

from eventdesk.records.fields import declared_fields
from eventdesk.store import history
from eventdesk.store.engines import Connection
from eventdesk.store.errors import Conflict
from eventdesk.store.rows import now

_users: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def user_of(conn: Connection) -> str:
    """Who saves through ``conn``: the session's role on a team database, the PC's user on a
    file."""
    found = _users.get(conn)
    if found is None:
        if conn.engine == "postgresql":
            found = str(conn.execute("SELECT session_user").scalar())
        else:
            found = pc_user()
        _users[conn] = found
    return found


def pc_user() -> str:
    """The user logged in on this PC (Windows: ``USERNAME``), or ``unknown`` if none is."""
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError, ImportError):  # no login name and no password entry
        return "unknown"


@contextmanager
def saving(conn: Connection, kind: str, record: Any, load: Callable[[int], Any]) -> Iterator[None]:
    """Around the save of ``record`` (a ``history.TABLES`` kind), inside its transaction:
    claim its version first (raising ``Conflict`` if another save came between), and once
    the block has saved it, stamp a new record's first version and keep the line of history.
    ``load(id)`` reads the record as stored, for what the save changed.

    On success ``record.version`` and ``record.updated_by`` are what was stored.
    """
    table = history.TABLES[kind]
    user = user_of(conn)
    if conn.engine == "postgresql":  # its history triggers leave this save's lines to it
        from eventdesk.store.engines import postgres_history

        postgres_history.saving(conn)
    before = None
    version = 1
    if record.id is not None and claim(conn, kind, record.id, record.version or 0, user):
        before = load(record.id)
        version = (record.version or 0) + 1
    parts = _claim_parts(conn, record, before, user)
    yield
    if before is None:
        conn.execute(
            f"UPDATE {table} SET version = 1, updated_by = ? WHERE id = ?", [user, record.id]
        )
    history.write(conn, kind, record, version, user, before)
    record.version, record.updated_by = version, user
    for part_kind, part, stored in parts:
        _part_saved(conn, part_kind, part, stored, user)


@cache
def _versioned_parts() -> dict[type, str]:
    """The parts that are records of their own as well, with a version and a history: a
    meeting's courses (the course register's, saved with their meeting or alone)."""
    return {cls: kind for kind, cls in history.records().items()}


def _claim_parts(conn: Connection, record: Any, before: Any, user: str) -> list[tuple]:
    """Before a meeting's save writes its parts: claim each course it changes (``Conflict``
    if another save moved it on since the meeting was loaded: the course register's, a psql
    ``UPDATE``), and keep the line of each it takes off its list. What is left to do once the
    parts are written: ``(kind, part, stored or None)`` of each course added or changed."""
    found = []
    for d in declared_fields(type(record)):
        kind = _versioned_parts().get(d.part) if d.kind == "parts" else None
        if kind is None:
            continue
        stored = {p.uid: p for p in getattr(before, d.field, [])} if before is not None else {}
        for part in getattr(record, d.field):
            old = stored.pop(part.uid, None)
            if old is None:
                found.append((kind, part, None))
            elif history.snapshot(old) != history.snapshot(part):
                claim(conn, kind, old.id, part.version or 0, user)
                found.append((kind, part, old))
        for gone in stored.values():
            history.noted(conn, kind, gone.id, history.REMOVED, user)
    return found


def _part_saved(conn: Connection, kind: str, part: Any, stored: Any, user: str) -> None:
    """A course its meeting's save added or changed: its version, when, and its line."""
    table = history.TABLES[kind]
    version = 1 if stored is None else (stored.version or 0) + 1
    conn.execute(
        f"UPDATE {table} SET version = ?, updated_by = ?, updated_at = ? WHERE id = ?",
        [version, user, now(), part.id],
    )
    history.write(conn, kind, part, version, user, stored)
    part.version, part.updated_by = version, user


def claim(conn: Connection, kind: str, record_id: int, loaded: int, user: str) -> bool:
    """Move the row on from version ``loaded``; False if there is no such row (the save says
    so); ``Conflict`` if it is at another version."""
    table = history.TABLES[kind]
    claimed = conn.execute(
        f"UPDATE {table} SET version = coalesce(version, 0) + 1, updated_by = ? "
        "WHERE id = ? AND coalesce(version, 0) = ?",
        [user, record_id, loaded],
    )
    if claimed.rowcount == 1:
        return True
    row = conn.execute(
        f"SELECT coalesce(version, 0), updated_by, updated_at FROM {table} WHERE id = ?",
        [record_id],
    ).fetchone()
    if row is None:
        return False
    version, who, at = row
    raise Conflict(kind, record_id, who or "", _when(at), version)


def _when(stamp: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        return None
