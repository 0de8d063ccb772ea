"""Crash drafts: an editor's unsaved edits kept in the database, offered back after a crash."""

from __future__ import annotations

from eventdesk.store import drafts
from eventdesk.store.services.base import Service


class DraftService(Service):
    """``store.drafts``: keep, drop and list the unsaved edits of any record's editor.

    A read-only database keeps none (and drops none): nothing is written to it.
    """

    def save(self, kind: str, record_id: int | None, title: str, payload: dict) -> None:
        if not self._store.read_only:
            drafts.save(self.db, kind, record_id, title, payload)

    def discard(self, kind: str, record_id: int | None) -> None:
        if not self._store.read_only:
            drafts.discard(self.db, kind, record_id)

    def pending(self) -> list[drafts.Draft]:
        return drafts.pending(self.db)
