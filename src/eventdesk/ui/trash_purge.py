"""Removing what has been in the trash longer than the preference's number of days.

Run when a database opens, beside the window (on the worker's own
connection): a window must not wait for a clean-up. The clock is a
parameter so a test can say what "now" is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject

from eventdesk.store import EventStore
from eventdesk.ui.background import BackgroundTask

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def start_trash_purge(
    store: EventStore, days: int, parent: QObject, *, clock: Clock = utc_now
) -> BackgroundTask | None:
    """Start removing records trashed more than ``days`` ago; None when there is nothing to do.

    Nothing is started for ``days`` of 0 (keep until emptied), a read-only
    file, or an in-memory database. The task's ``finished`` carries the
    store's ``Emptied`` (how many went, how many stayed).
    """
    if days <= 0 or store.read_only or store.path is None:
        return None
    cutoff = clock() - timedelta(days=days)
    task = BackgroundTask(store, lambda own: own.trash.empty(trashed_before=cutoff), parent)
    task.start()
    return task
