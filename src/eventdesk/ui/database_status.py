"""What the window says of the database it shows, and the checks run beside it once shown.

The title names the file and says when it is read-only or found damaged. Once
a database file is shown, SQLite's quick check (with the day's first backup,
``ui/integrity_check.py``) and the purge of long-trashed records
(``ui/trash_purge.py``) run beside the window, which must not wait for them:
damage found makes the store refuse every save, and the window tells the user.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from eventdesk.store import BackupNotMade, EventStore
from eventdesk.ui.integrity_check import IntegrityCheck


def window_title(store: EventStore, *, damaged: bool = False) -> str:
    """The window's title for ``store``: its file's name, and its state when not writable."""
    if store.path:
        name = store.path.name
    else:  # a team database: its address (no password), or an in-memory store
        name = "in memory" if store.connection.engine == "sqlite" else store.address
    if damaged:
        name += " (damaged, read-only)"
    elif store.read_only:
        name += " (read-only)"
    return f"{name}[*] — EventDesk"


class DatabaseChecks(QObject):
    """The checks of one database file the window shows, started by :meth:`start`.

    ``damaged`` carries what the quick check found (the store refuses writes
    from then on); ``message`` a line for the status bar and how many
    milliseconds it shows (0: until replaced); ``trashPurged`` that old
    records left the trash. Once the window shows another store it calls
    :meth:`retire`: the checks run to their end, but a damage found in a file
    no longer shown is not told.
    """

    damaged = Signal(str)
    message = Signal(str, int)
    trashPurged = Signal()

    def __init__(self, store: EventStore, trash_days: int, parent: QObject):
        super().__init__(parent)
        assert store.path is not None
        self.store = store
        self.trash_days = trash_days
        self.retired = False
        self.integrity_check = IntegrityCheck(store.path, parent)
        self.integrity_check.finished.connect(self._checked)
        self.trash_purge = None

    def start(self) -> None:
        if self.retired:  # another database was opened before this one's window painted
            return
        self.integrity_check.start()
        if self.store.read_only or self.store.trash.count() == 0:
            return
        from eventdesk.ui.trash_purge import start_trash_purge  # loaded when there is trash

        self.trash_purge = start_trash_purge(self.store, self.trash_days, self.parent())
        if self.trash_purge is not None:
            self.trash_purge.finished.connect(self._purged)

    def retire(self) -> None:
        self.retired = True

    def _purged(self, emptied) -> None:
        if emptied.removed:
            days = self.trash_days
            self.message.emit(
                f"Removed {emptied.removed} record(s) trashed more than {days} days ago.", 8000
            )
            self.trashPurged.emit()

    def _checked(self, damage: object) -> None:
        if damage is None or self.retired:
            return
        if isinstance(damage, BackupNotMade):  # the file is sound: only say so, in one line
            if not self.store.notes:  # unless opening said it already (read-only on a full disk)
                self.message.emit(str(damage), 0)
            return
        self.store.refuse_writes()
        self.damaged.emit(str(damage))
