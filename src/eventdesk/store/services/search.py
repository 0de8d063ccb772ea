"""The search index's upkeep: the meetings whose search documents wait, rebuilt in batches."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from eventdesk.store import search_index
from eventdesk.store.errors import StoreError
from eventdesk.store.services.base import Service


class SearchService(Service):
    """``store.search``: what a ``search_later`` save left to rebuild, and the rebuilding.

    (Searching itself is a list's filter: ``store.meetings.search(text)``.)
    """

    def pending(self) -> int:
        """Meetings whose search documents wait to be rebuilt (after a ``search_later`` save).
        None on a team database: each save rebuilds its documents in its own transaction."""
        if self.connection.engine != "sqlite":
            return 0
        return search_index.pending(self.db)

    def refresh(
        self, *, batch: int = 200, progress: Callable[[int, int], object] | None = None
    ) -> int:
        """Rebuild the waiting search documents, ``batch`` meetings per transaction.

        For a worker thread on its own connection: short transactions leave
        the window's saves room between them. ``progress(done, total)`` is
        called after each batch. Returns how many were rebuilt.
        """
        if self.connection.engine != "sqlite":
            return 0  # nothing waits there (see pending)
        total = search_index.pending(self.db)
        done = 0
        while True:
            try:
                with self.db.atomic():
                    n = search_index.refresh(self.db, limit=batch)
            except sqlite3.OperationalError as exc:
                raise StoreError(f"The search index was not brought up to date: {exc}.") from exc
            if not n:
                return done
            done += n
            if progress is not None:
                progress(done, max(total, done))
