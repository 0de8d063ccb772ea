"""Others' saves shown in the lists within two seconds (issue 23, item 4).

The store's listener (``store.changes``) hears what other clerks change; this asks it on a
timer, ten times a second on a team database and once a second on a file, and never
waits: the listener's waiting is on a thread of its own. What it hears it passes on as one
:attr:`LiveLists.changed` of every notice since the last, and no more often than
:data:`MIN_GAP_MS`, so a colleague's import of a hundred meetings refreshes a list a few
times, not a hundred. The clerk's own saves are not heard (the window refreshed after them
already).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from eventdesk.store import ChangeListener, ChangeNotice, EventStore, StoreError

#: The least time between two refreshes for others' changes.
MIN_GAP_MS = 500
#: How often a window whose listener could not start (the server away) tries again.
RETRY_MS = 5000


class LiveLists(QObject):
    """Polls the store's listener; ``changed(list[ChangeNotice])`` when others changed records."""

    changed = Signal(list)

    def __init__(self, store: EventStore, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self._listener: ChangeListener | None = None
        self._pending: list[ChangeNotice] = []
        self._told_at = 0.0
        #: How many times it told (a flood's refreshes are counted by tests).
        self.told = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)
        self._timer.setInterval(RETRY_MS)
        self._timer.start()
        self._start()

    def _start(self) -> None:
        try:
            self._listener = self._store.changes.listen()
        except StoreError:  # the server is away: asked again at the next tick
            return
        if self._listener.live:
            self._timer.setInterval(int(self._listener.interval * 1000))
        else:
            self._timer.stop()

    @property
    def live(self) -> bool:
        return self._timer.isActive()

    def poll(self) -> None:
        """Take what the listener heard; tell it when the last telling is far enough back."""
        if self._listener is None:
            self._start()
            return
        for notice in self._listener.poll():
            if notice not in self._pending:
                self._pending.append(notice)
        if not self._pending or time.monotonic() - self._told_at < MIN_GAP_MS / 1000:
            return
        notices, self._pending = self._pending, []
        self._told_at = time.monotonic()
        self.told += 1
        self.changed.emit(notices)

    def stop(self) -> None:
        self._timer.stop()
