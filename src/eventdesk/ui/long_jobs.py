"""Long jobs (export, backup, restore, check) off the GUI thread, with a progress bar.

A job is a function run in a worker thread. It is handed a :class:`JobControl`
to report how far it is (``control.report(done, total)``), which raises
:class:`Cancelled` once the user pressed Cancel, so the job stops at its next
report and cleans up after itself. A job that must not be stopped part-way
(a restore replacing the file) calls ``control.no_cancel()`` first, and the
Cancel button goes grey.

The progress dialog is window-modal but never ``exec()``-ed: the event loop
keeps running (the window repaints) and tests can drive it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from eventdesk.records import ValidationError
from eventdesk.store import StoreError
from eventdesk.ui.background import emit_outcome


class Cancelled(Exception):
    """The user cancelled the job; it stopped and removed what it had half made."""


class _Signals(QObject):
    progressed = Signal(int, int, str)
    cancellable = Signal(bool)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class JobControl:
    """What a job's function is handed: report progress; learn that it was cancelled."""

    def __init__(self, signals: _Signals):
        self._signals = signals
        self._cancel = threading.Event()
        self._can_cancel = True

    def report(self, done: int, total: int, text: str = "") -> None:
        """Say how far the job is; raises :class:`Cancelled` once the user cancelled."""
        self.check()
        with contextlib.suppress(RuntimeError):  # nobody left to tell
            self._signals.progressed.emit(int(done), int(total), text)

    def check(self) -> None:
        if self._can_cancel and self._cancel.is_set():
            raise Cancelled

    def is_cancelled(self) -> bool:
        return self._can_cancel and self._cancel.is_set()

    def no_cancel(self) -> None:
        """From here on the job runs to its end (a cancel now would leave things half done)."""
        self.check()
        self._can_cancel = False
        with contextlib.suppress(RuntimeError):
            self._signals.cancellable.emit(False)

    def cancel(self) -> None:
        self._cancel.set()


Work = Callable[[JobControl], Any]

#: Jobs under way, kept alive until they end even if whoever started them is gone.
_RUNNING: set[_Runner] = set()


def _run(work: Work, control: JobControl, signals: _Signals) -> None:
    emit_outcome(
        signals,
        lambda: work(control),
        told=(StoreError, ValidationError, OSError),
        stopped=(Cancelled,),
    )


class _Runner(QRunnable):
    def __init__(self, work: Work, control: JobControl, signals: _Signals):
        super().__init__()
        self.work = work
        self.control = control
        self.signals = signals

    def run(self) -> None:
        try:
            with contextlib.suppress(RuntimeError):  # the program closed: nobody left to tell
                _run(self.work, self.control, self.signals)
        finally:
            _RUNNING.discard(self)


class ProgressJob(QObject):
    """One long job with its progress dialog; ``finished``, ``failed`` or ``cancelled`` ends it.

    ``in_thread=False`` runs the work on the GUI thread at the next turn of the
    event loop (an in-memory database cannot be reached from another thread).
    """

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        title: str,
        label: str,
        work: Work,
        parent: QWidget,
        *,
        in_thread: bool = True,
    ):
        super().__init__(parent)
        self._work = work
        self._in_thread = in_thread
        self._signals = _Signals()
        self.control = JobControl(self._signals)
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)  # a quick job shows no dialog at all
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._label = label
        self._signals.progressed.connect(self._progressed)
        self._signals.cancellable.connect(self._set_cancellable)
        self._signals.finished.connect(lambda result: self._end(self.finished, result))
        self._signals.failed.connect(lambda message: self._end(self.failed, message))
        self._signals.cancelled.connect(lambda: self._end(self.cancelled))
        self.done = False

    def start(self) -> ProgressJob:
        if not self._in_thread:
            QTimer.singleShot(0, self, lambda: _run(self._work, self.control, self._signals))
            return self
        runner = _Runner(self._work, self.control, self._signals)
        runner.setAutoDelete(False)
        _RUNNING.add(runner)
        QThreadPool.globalInstance().start(runner)
        return self

    def cancel(self) -> None:
        """Ask the job to stop at its next report (ignored once it cannot stop safely)."""
        if self.done or not self.control._can_cancel:
            return
        self.control.cancel()
        self.dialog.setLabelText("Cancelling…")

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.done:
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if text and not self.control.is_cancelled():
            self.dialog.setLabelText(text)

    def _set_cancellable(self, allowed: bool) -> None:
        if not allowed:
            self.dialog.setCancelButtonText("")  # an empty text takes the button away

    def _end(self, signal: Any, *args: object) -> None:
        self.done = True
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        signal.emit(*args)
