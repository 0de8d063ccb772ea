"""The database as a file: its backups, restoring one, the upkeep a deferred open left to do.

:class:`EventStore` is the way in to an open database's records; these are
the jobs done to the file itself, often while no store has it open (a
restore swaps the file under a closed store; the upkeep runs on a thread of
its own). The GUI and the command line reach them only through
:class:`DatabaseFiles`, and, as with the store, no ``sqlite3`` error leaves:
each becomes a :class:`StoreError` worded for people.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventdesk.store import backups, database, restore
from eventdesk.store.backups import Backup
from eventdesk.store.errors import BackupNotMade, DatabaseDamaged


class DatabaseFiles:
    """The file at ``path`` and the ``backups/`` folder beside it."""

    def __init__(self, path: Path):
        self.path = Path(path)

    @property
    def backup_folder(self) -> Path:
        return backups.backup_folder(self.path)

    def backups(self) -> list[Backup]:
        """The backups of this file, newest first."""
        return backups.list_backups(self.path)

    def restore(
        self, backup: Path, progress: restore.Progress | None = None, *, take_over: bool = False
    ) -> Path:
        """Put ``backup`` in place of the file (closed by its store first); return where the
        replaced file was kept. ``progress``: see ``restore.Progress`` (it may stop a restore
        until the file is being replaced). ``take_over``: as ``EventStore.open``'s."""
        try:
            return restore.restore(backup, self.path, progress, take_over=take_over)
        except sqlite3.Error as exc:
            raise database.sqlite_told(exc) from exc

    def upkeep(self) -> DatabaseDamaged | BackupNotMade | None:
        """The quick check and the daily backup an open with ``verify=False`` left to do.

        Safe on another thread: it uses its own read-only connection. Returns
        the damage found, or why the day's backup could not be made (the
        file is sound: only tell it), or None.
        """
        return database.upkeep_file(self.path)
