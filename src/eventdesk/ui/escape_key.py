"""Escape in an editor, as in Office programs: it takes back the edits.

A field that uses Escape itself (a completion popup, an open combo list)
gets it first; only an Escape no field used reaches the editor. A clean
record has nothing to take back; a dirty one is reverted after asking, since
the edits may be minutes of typing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_drop_changes(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        "Revert",
        "Drop the changes that are not saved, and show what is stored?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class EscapeReverts(QObject):
    """Installed on an editor with ``is_dirty()`` and ``revert()``; ``ask`` is replaceable."""

    def __init__(self, editor: QWidget):
        super().__init__(editor)
        self._editor = editor
        self.ask: Callable[[], bool] = lambda: ask_drop_changes(editor)
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.escape()
            return True
        return False

    def escape(self) -> bool:
        """Revert a dirty editor if the user agrees; True if it was reverted."""
        editor = self._editor
        if not editor.is_dirty() or not self.ask():  # type: ignore[attr-defined]
            return False
        editor.revert()  # type: ignore[attr-defined]
        return True
