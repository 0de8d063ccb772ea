"""A one-line heading that cuts a long title with "…" but always shows its marker.

The meeting editor's heading is "date  title  (unsaved changes)": a long title
must not hide the marker, nor run under the buttons beside it. ``text()`` stays
the whole text (tests and screen readers read it); only the painting is cut,
and the tooltip holds the whole title.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._suffix = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_parts(self, text: str, suffix: str = "") -> None:
        """Show ``text`` (cut if need be) followed by ``suffix`` (never cut)."""
        self._suffix = suffix
        self.setText(text + suffix)
        self.setToolTip(text if self.fontMetrics().horizontalAdvance(text + suffix) else "")

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._suffix + "…"), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        metrics = self.fontMetrics()
        full = self.text()
        rect = self.contentsRect()
        if metrics.horizontalAdvance(full) <= rect.width():
            super().paintEvent(event)
            return
        body = full[: len(full) - len(self._suffix)] if self._suffix else full
        room = rect.width() - metrics.horizontalAdvance(self._suffix)
        shown = metrics.elidedText(body, Qt.TextElideMode.ElideRight, max(room, 0)) + self._suffix
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)
