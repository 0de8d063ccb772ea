"""What the window says while its team database's server does not answer, and its way back.

A server restarted or a network gone is not the clerk's fault, and nothing is lost: the
store refuses what it cannot do in one sentence (``ConnectionLost``), an editor keeps its
typing, and crash drafts are kept on this PC. So the window says so once, in a line at the
foot that stays while the server is gone, never in a dialog (a search typed or a list
arrowed through while it is down would raise one a keystroke); it tries the server again
every few seconds by itself, and once it answers says so and rereads its lists. The store
finds out and tells (``store.on_connection``); this only shows it. A file never stops
answering, so the line never shows for one.
"""

from __future__ import annotations

import threading
from contextlib import suppress

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

from eventdesk.store import EventStore, StoreError

#: How often the window tries the server again while it does not answer.
RETRY_MS = 5000
#: How long "answers again" stays in the status bar.
BACK_SHOWN_MS = 10_000


class ConnectionBanner(QObject):
    """The line in ``status`` while ``store``'s server does not answer; ``back`` once it does."""

    back = Signal()
    _heard = Signal(bool, str)  # from whichever thread found out, shown in the window's

    def __init__(self, store: EventStore, status: QStatusBar, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._status = status
        self.label = QLabel()
        self.label.setObjectName("connection_banner")
        # One line, as tall as the status bar's own text: cut short in a narrow window, the
        # whole in its tooltip (a wrapped label would make the bar three lines tall).
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setStyleSheet(
            "QLabel#connection_banner { background: #fde7e9; color: #8a1c1c; padding: 2px 8px; }"
        )
        self.label.hide()
        status.addPermanentWidget(self.label, 1)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.try_again)
        self._heard.connect(self._changed)
        self._asking: threading.Thread | None = None
        store.on_connection(self._tell)

    @property
    def down(self) -> bool:
        """The server is not answering (the line is shown)."""
        return self._retry.isActive()

    def try_again(self) -> threading.Thread | None:
        """Ask the server now, beside the window: a server that is switched off answers
        nothing, and waiting for that (up to three seconds) would freeze the window. The
        store tells when it answers (then :attr:`back`). The thread, or None while the
        last one is still asking."""
        if self.store is None or (self._asking is not None and self._asking.is_alive()):
            return None
        store = self.store

        def ask() -> None:
            with suppress(StoreError):  # still down: the line stays, the timer goes on
                store.reconnect()

        self._asking = threading.Thread(target=ask, name="EventDesk reconnect", daemon=True)
        self._asking.start()
        return self._asking

    def retire(self) -> None:
        """The window shows another database: this one's news is not told any more."""
        self._retry.stop()
        self.label.hide()
        self._status.removeWidget(self.label)
        self.label.deleteLater()
        self.store = None  # type: ignore[assignment]

    def _tell(self, answering: bool, message: str) -> None:
        with suppress(RuntimeError):  # the window was closed meanwhile
            self._heard.emit(answering, message)

    def _changed(self, answering: bool, message: str) -> None:
        if self.store is None:
            return
        if answering:
            self._retry.stop()
            self.label.hide()
            self._status.showMessage(f"{message} Your lists are read again.", BACK_SHOWN_MS)
            self.back.emit()
            return
        text = f"{message} Trying again every few seconds; what you type stays in the editor."
        self.label.setText(text)
        self.label.setToolTip(text)
        self.label.show()
        self._retry.start()
