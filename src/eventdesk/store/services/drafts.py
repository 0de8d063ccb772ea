"""Crash drafts: an editor's unsaved edits kept for its clerk alone, offered back after a crash.

Where they are kept depends on the engine (``store/drafts.py``): in the file itself, or, on a
team database, in a drafts file of the clerk's own on their PC, never in the shared database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventdesk.store import drafts, history
from eventdesk.store.services.base import Service
from eventdesk.store.sqlite_db import Database


class DraftService(Service):
    """``store.drafts``: keep, drop and list the unsaved edits of any record's editor.

    A read-only database keeps none (and drops none): nothing is written for it.
    """

    _local: Path | None = None

    def save(self, kind: str, record_id: int | None, title: str, payload: dict) -> None:
        if not self._store.read_only:
            with self._kept() as db:
                drafts.save(db, kind, record_id, title, payload)

    def discard(self, kind: str, record_id: int | None) -> None:
        if not self._store.read_only:
            with self._kept() as db:
                drafts.discard(db, kind, record_id)

    def pending(self) -> list[drafts.Draft]:
        """The drafts kept, oldest first; one whose record another clerk (or another window)
        saved after its edits began says who and when (``Draft.overtaken``)."""
        with self._kept() as db:
            kept = drafts.pending(db)
        return [self._checked(draft) for draft in kept]

    def local_file(self) -> Path | None:
        """On a team database, the file on this PC that keeps this login's drafts of it."""
        if self.connection.engine == "sqlite":
            return None
        if self._local is None:  # asked of the connection once: libpq resolved it at opening
            self._local = drafts.local_file(*self.connection.where())  # type: ignore[attr-defined]
        return self._local

    @contextmanager
    def _kept(self) -> Iterator[Database]:
        """Where this store's drafts are: the file's own table, or this PC's drafts file."""
        place = self.local_file()
        if place is None:
            yield self.db
            return
        with drafts.local(place) as db:
            yield db

    def _checked(self, draft: drafts.Draft) -> drafts.Draft:
        loaded = draft.loaded_version
        table = history.TABLES.get(draft.kind)
        if loaded is None or table is None:
            return draft
        row = self.connection.execute(
            f"SELECT coalesce(version, 0), updated_by, updated_at FROM {table} WHERE id = ?",
            [draft.record_id],
        ).fetchone()
        if row is None or row[0] <= loaded:
            return draft
        return dataclasses.replace(draft, overtaken_by=row[1] or "", overtaken_at=row[2] or "")
