"""Opening a database file for the window, with the one question the lock may raise.

A file open in another EventDesk is locked; rather than refuse, the user may
open it read-only to look things up. Both the start and File › Open use this,
each with its own way of asking (so tests answer without a dialog).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eventdesk.store import DatabaseLocked, DiskFull, EventStore, StoreError


def open_for_window(
    path: Path,
    *,
    create: bool,
    ask_read_only: Callable[[str], bool],
    show_error: Callable[[str], None],
) -> EventStore | None:
    """The open store, or None after telling the user why not."""
    notes: list[str] = []
    try:
        # SQLite's quick check runs beside the window (ui.integrity_check), not before it.
        return EventStore.open(path, create=create, verify=False)
    except DatabaseLocked as exc:
        if not ask_read_only(str(exc)):
            return None
    except DiskFull as exc:  # reading needs no free disk: open it read-only and say why
        notes.append(exc.reading_note())
    except StoreError as exc:
        show_error(str(exc))
        return None
    try:
        store = EventStore.open(path, create=False, read_only=True)
    except StoreError as exc:
        show_error(str(exc))
        return None
    store.notes += notes
    return store
