"""Work that waits for a widget's first paint: what the window needs on screen comes first.

Qt runs what is posted during a paint at the next turn of the event loop, after the frame;
what is started before the first paint competes with it for the processor (a quick check of
the whole file on the machine's other core, issue 25), though nobody waits for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, action: Callable[[], None]):
        super().__init__(widget)
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        self._action()
        self.deleteLater()


def after_first_paint(widget: QWidget, action: Callable[[], None]) -> None:
    """Call ``action`` once ``widget`` has been painted (never, if it never is, or goes first)."""
    _AfterPaint(widget, action)
