"""Crash drafts: an editor's unsaved edits kept for its clerk alone, offered back after a crash.

Where they are kept depends on the engine (``store/drafts.py``): in the file itself, or, on a
team database, in a drafts file of the clerk's own on their PC, never in the shared database.

A file has one writer at a time (its lock), so its drafts are that writer's. A team database
may be open in two windows of the same clerk on one PC, each with its own unsaved edits: the
one window's live drafts are not the other's to offer as a crash's. So each window keeps its
drafts in a file of its own, the first of ``…sqlite3``, ``…-2.sqlite3``, ``…-3.sqlite3`` not
held by another EventDesk, which it holds as a file database is held (``store/lock.py``: the
system's lock, let go when the program ends in any way, a crash included). What a window
offers back are the drafts of its own file and of every such file no EventDesk holds: a
window that crashed or was killed. A window still running keeps its drafts to itself.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from eventdesk.store import drafts, history
from eventdesk.store.errors import StoreError
from eventdesk.store.lock import FileLock
from eventdesk.store.services.base import Service
from eventdesk.store.sqlite_db import Database


@cache
def trashed_tables() -> set[str]:
    """The records' tables that keep a trash (``deleted_at``): ``tables.ROOTS``, imported
    when a draft is first offered, since it imports the records' classes (issue 25)."""
    from eventdesk.store.tables import ROOTS

    return {name for _, name in ROOTS}


#: At most this many windows of one clerk on one team database keep drafts apart on one PC.
SLOTS = 20


class DraftService(Service):
    """``store.drafts``: keep, drop and list the unsaved edits of any record's editor.

    A read-only database keeps none (and drops none): nothing is written for it.
    """

    _local: Path | None = None
    _lock: FileLock | None = None

    def save(self, kind: str, record_id: int | None, title: str, payload: dict) -> None:
        if self._store.read_only:
            return
        if self.local_file() is None:
            drafts.save(self.db, kind, record_id, title, payload)
            return
        with drafts.local(self._own()) as db:
            drafts.save(db, kind, record_id, title, payload)

    def discard(self, kind: str, record_id: int | None) -> None:
        """Drop the draft of this record: this window's, and one a crashed window left."""
        if self._store.read_only:
            return
        for db in self._places():
            drafts.discard(db, kind, record_id)

    def pending(self) -> list[drafts.Draft]:
        """The drafts kept, oldest first (on a team database: this window's and those of
        windows that ended without closing); one whose record another clerk (or another
        window) saved after its edits began says who and when (``Draft.overtaken``)."""
        kept: list[drafts.Draft] = []
        for db in self._places():
            kept += drafts.pending(db)
        kept.sort(key=lambda draft: draft.saved_at)
        return [self._checked(draft) for draft in kept]

    def local_file(self) -> Path | None:
        """On a team database, the first of the files on this PC that keep this login's
        drafts of it (``…sqlite3``; a second window's is ``…-2.sqlite3``)."""
        if self.connection.engine == "sqlite":
            return None
        if self._local is None:  # asked of the connection once: libpq resolved it at opening
            self._local = drafts.local_file(*self.connection.where())  # type: ignore[attr-defined]
        return self._local

    def close(self) -> None:
        """Let go of this window's drafts file (the store is closing)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # -- where -----------------------------------------------------------------------------

    def _places(self) -> Iterator[Database]:
        """The databases of drafts this window reads and drops: the file's own; on a team
        database this window's drafts file and every one no running EventDesk holds."""
        if self.local_file() is None:
            yield self.db
            return
        own = self._own()
        for path in [own, *self._left_behind(own)]:
            with drafts.local(path) as db:
                yield db

    def _own(self) -> Path:
        """This window's drafts file, held (``store/lock.py``) until the store closes."""
        if self._lock is not None:
            return self._lock.db_path
        base = self.local_file()
        assert base is not None
        base.parent.mkdir(parents=True, exist_ok=True)
        for n in range(1, SLOTS + 1):
            lock = FileLock(drafts.slot(base, n))
            try:
                lock.acquire()
            except StoreError:  # another window of this clerk's holds it
                continue
            self._lock = lock
            return lock.db_path
        raise StoreError(
            f"{SLOTS} EventDesk windows on this team database keep drafts on this PC already; "
            "close one to keep this one's."
        )

    def _left_behind(self, own: Path) -> list[Path]:
        """The drafts files of this login no running EventDesk holds (it crashed, or closed
        with drafts kept)."""
        base = self.local_file()
        assert base is not None
        found = []
        for n in range(1, SLOTS + 1):
            path = drafts.slot(base, n)
            if path == own or not path.is_file():
                continue
            probe = FileLock(path)
            with contextlib.suppress(StoreError):  # held: a window still running
                probe.acquire()
                probe.release()
                found.append(path)
        return found

    def _checked(self, draft: drafts.Draft) -> drafts.Draft:
        loaded = draft.loaded_version
        table = history.TABLES.get(draft.kind)
        if loaded is None or table is None:
            return draft
        row = self.connection.execute(
            f"SELECT coalesce(version, 0), updated_by, updated_at FROM {table} WHERE id = ?",
            [draft.record_id],
        ).fetchone()
        if row is None:
            return draft
        trashed = self._trashed(draft.kind, draft.record_id)
        if trashed is not None:
            who, when = trashed
            return dataclasses.replace(draft, overtaken_by=who, overtaken_at=when, trashed=True)
        if row[0] <= loaded:
            return draft
        return dataclasses.replace(draft, overtaken_by=row[1] or "", overtaken_at=row[2] or "")

    def _trashed(self, kind: str, record_id: int | None) -> tuple[str, str] | None:
        """Who moved the record to the trash and when, if it is there (its line of history)."""
        if history.TABLES[kind] not in trashed_tables():
            return None
        sql = f"SELECT deleted_at FROM {history.TABLES[kind]} WHERE id = ?"
        deleted_at = self.connection.execute(sql, [record_id]).scalar()
        if not deleted_at:
            return None
        line = self.connection.execute(
            "SELECT changed_by FROM history WHERE record_type = ? AND record_id = ? "
            "AND action = ? ORDER BY id DESC LIMIT 1",
            [kind, record_id, history.DELETED],
        ).scalar()
        return line or "", deleted_at
