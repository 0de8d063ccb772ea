"""Re-indexing for search beside the window, after a rename that touches many meetings.

Renaming our own university changes the search document of every meeting of
ten years. The editors save such a rename with ``search_later``: the save
commits at once, and this rebuilds the documents on a worker's own
connection, a batch per transaction, while the window stays usable. The
status bar says how far it is; ``finished`` says search is right again.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar

from eventdesk.store import EventStore, StoreError
from eventdesk.ui.background import BackgroundTask


class SearchRefresh(QObject):
    """One run of :meth:`EventStore.refresh_search` beside the window."""

    #: How many meetings' documents were rebuilt; search is in step from now on.
    finished = Signal(object)
    failed = Signal(str)
    #: (done, total) after each batch, from the worker (delivered on the GUI thread).
    progressed = Signal(int, int)

    def __init__(self, store: EventStore, parent: QObject | None = None):
        super().__init__(parent)
        self.pending = store.search.pending()
        self._task = BackgroundTask(store, self._work, self)
        self._task.finished.connect(self.finished)
        self._task.failed.connect(self.failed)

    def _work(self, store: EventStore) -> int:
        return store.search.refresh(progress=self.progressed.emit)

    def start(self) -> None:
        self._task.start()


class SearchKeeper(QObject):
    """Starts a re-index after a save that left documents waiting, and tells the status bar.

    One run at a time: a run loops until none wait, and when it ends this
    looks again, so a second rename during a run is not left behind.
    """

    #: The search documents are in step again (after a run beside the window).
    upToDate = Signal()

    def __init__(self, status: QStatusBar, parent: QObject | None = None):
        super().__init__(parent)
        self._status = status
        self.running: SearchRefresh | None = None
        self._store: EventStore | None = None

    def after_save(self, store: EventStore) -> SearchRefresh | None:
        """Start re-indexing if the save left documents waiting; the run started (or None)."""
        if self.running is not None and self._store is store:
            return None
        if store.read_only or store.search.pending() == 0:
            return None
        self._store = store
        self.running = SearchRefresh(store, self)
        self.running.progressed.connect(self._progressed)
        self.running.finished.connect(lambda _n, s=store: self._done(s))
        self.running.failed.connect(lambda message, s=store: self._failed(s, message))
        self._status.showMessage(f"Updating search for {self.running.pending:,} meetings…")
        self.running.start()
        return self.running

    def _progressed(self, done: int, total: int) -> None:
        self._status.showMessage(f"Updating search: {done:,} of {total:,} meetings…")

    def _done(self, store: EventStore) -> None:
        self.running = None
        if store is not self._store:
            return
        self._status.showMessage("Search is up to date.", 4000)
        self.upToDate.emit()
        with contextlib.suppress(StoreError):  # the database was closed meanwhile
            self.after_save(store)

    def _failed(self, store: EventStore, message: str) -> None:
        self.running = None
        if store is self._store:
            self._status.showMessage(f"Search was not updated: {message}", 10000)
