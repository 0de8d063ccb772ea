"""SQLite's quick check of the open database, and its daily backup, run beside the window.

On ten years of records the check takes a few tenths of a second, on ten
times that a few seconds: too long to keep the window from appearing. The
window opens on a store opened with ``verify=False``; this runs the check
(and then, for a sound file, the day's first backup) on its own read-only
connection in a worker thread. If it finds damage the store refuses every
save from then on and the user is told the way out.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    finished = Signal(object)  # None, or the DatabaseDamaged found


#: Checks under way, kept alive here until they end even if their window closes first.
_RUNNING: set[_Check] = set()


class _Check(QRunnable):
    def __init__(self, path: Path, signals: _Signals):
        super().__init__()
        self.path = path
        self.signals = signals

    def run(self) -> None:
        # Imported here, beside the window: the backups and the restore it brings are not
        # needed to show it (issue 25, start-up).
        from eventdesk.store import DatabaseFiles

        try:
            found = DatabaseFiles(self.path).upkeep()
            with contextlib.suppress(RuntimeError):  # the program closed: nobody left to tell
                self.signals.finished.emit(found)
        finally:
            _RUNNING.discard(self)


class IntegrityCheck(QObject):
    """One background check of one database file; ``finished`` carries what it found."""

    finished = Signal(object)

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._signals = _Signals()
        self._signals.finished.connect(self.finished)
        self._job = _Check(path, self._signals)
        self._job.setAutoDelete(False)
        self._started = False

    def start(self) -> None:
        """Start the check (once; the window starts it after its first paint)."""
        if self._started:
            return
        self._started = True
        _RUNNING.add(self._job)
        QThreadPool.globalInstance().start(self._job)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the check is done, starting it if it waits for the window to paint."""
        self.start()
        return QThreadPool.globalInstance().waitForDone(msecs)
