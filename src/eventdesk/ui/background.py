"""Long work off the GUI thread, on the worker's own connection to the same database.

SQLite connections belong to the thread that made them, so a worker opens
the database itself (the file lock is shared within one process), does its
work in the store's transactions, closes it, and reports by signal. The
window keeps painting meanwhile; its own connection sees the result as soon
as the worker's transaction commits. A store with no file (in memory, as in
some tests) cannot be shared, so its work runs at once on the calling thread.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from eventdesk.records import ValidationError
from eventdesk.store import EventStore, StoreError

Work = Callable[[EventStore], Any]


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(str)


#: Tasks under way, kept alive until they end even if whoever started them is gone.
_RUNNING: set[_Job] = set()


def emit_outcome(
    signals: Any,
    call: Callable[[], Any],
    told: tuple[type[Exception], ...] = (StoreError, ValidationError),
    stopped: tuple[type[Exception], ...] = (),
) -> None:
    """Run ``call`` and say how it ended through ``signals.finished`` or ``signals.failed``.

    Errors of the kinds in ``told`` carry words meant for people and are passed on
    as they are; one of ``stopped`` (a user's Cancel) goes to ``signals.cancelled``;
    anything else is a bug: the window stays alive, says so, and the trace goes to
    standard error. Shared by the background tasks and the long jobs.
    """
    try:
        result = call()
    except stopped:
        signals.cancelled.emit()
    except told as exc:
        signals.failed.emit(str(exc))
    except Exception as exc:  # a bug: keep the window alive, say so, keep the trace
        traceback.print_exc(file=sys.stderr)
        signals.failed.emit(f"EventDesk failed unexpectedly ({type(exc).__name__}: {exc}).")
    else:
        signals.finished.emit(result)


def _run(store: EventStore, work: Work, signals: _Signals) -> None:
    emit_outcome(signals, lambda: work(store))


class _Job(QRunnable):
    def __init__(self, store: EventStore, work: Work, signals: _Signals):
        super().__init__()
        self.path = store.path
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            with contextlib.suppress(RuntimeError):  # nobody left to tell
                try:
                    own = EventStore.open(self.path, create=False, verify=False)
                except StoreError as exc:
                    self.signals.failed.emit(str(exc))
                    return
                try:
                    _run(own, self.work, self.signals)
                finally:
                    own.close()
        finally:
            _RUNNING.discard(self)


class BackgroundTask(QObject):
    """``work(store)`` beside the window; ``finished(result)`` or ``failed(message)``."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, store: EventStore, work: Work, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self._work = work
        self._signals = _Signals()
        self._signals.finished.connect(self.finished)
        self._signals.failed.connect(self.failed)

    def start(self) -> None:
        if self._store.path is None:
            # Reported on the next turn of the event loop, as a worker would.
            QTimer.singleShot(0, self, lambda: _run(self._store, self._work, self._signals))
            return
        job = _Job(self._store, self._work, self._signals)
        job.setAutoDelete(False)
        _RUNNING.add(job)
        QThreadPool.globalInstance().start(job)
