"""A short list of parties, each with its role: a meeting's hosts, a decision's parties.

The list, its remove button and the value it edits behave the same for both;
what an item says and how its role is edited are each subclass's own.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QListWidget, QPushButton, QWidget

from eventdesk.ui.meeting_editor.labels import Labels


class RoleList(QWidget):
    """A list of records with a role; ``changed`` after every edit."""

    changed = Signal()
    #: Lines of the list on show.
    LINES = 3

    def __init__(self, labels: Labels, remove_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._labels = labels
        self._items: list[Any] = []
        self.list = QListWidget(self)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * self.LINES + 12)
        self.marked_widget = self.list
        self.remove_button = QPushButton(remove_text, self)
        self.remove_button.setAutoDefault(False)
        self.list.currentRowChanged.connect(self._show_role)
        self.remove_button.clicked.connect(self._remove)

    # -- what a subclass says --------------------------------------------------------

    def label(self, item: Any) -> str:
        raise NotImplementedError

    def _show_role(self, row: int) -> None:
        """Put the role of the item at ``row`` (-1: none) in the role fields."""
        raise NotImplementedError

    # -- the value -------------------------------------------------------------------

    def value(self) -> list[Any]:
        return self._items

    def set_value(self, items: list[Any] | None) -> None:
        self._items = copy.deepcopy(items or [])
        self._fill(0 if self._items else -1)

    def current(self) -> Any | None:
        row = self.list.currentRow()
        return self._items[row] if 0 <= row < len(self._items) else None

    def _append(self, item: Any) -> None:
        self._items.append(item)
        self._fill(len(self._items) - 1)
        self.changed.emit()

    def _relabel_current(self) -> None:
        row = self.list.currentRow()
        self.list.item(row).setText(self.label(self._items[row]))
        self.changed.emit()

    def _fill(self, current: int) -> None:
        with QSignalBlocker(self.list):
            self.list.clear()
            self.list.addItems([self.label(item) for item in self._items])
            self.list.setCurrentRow(current)
        self._show_role(current)

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            del self._items[row]
            self._fill(min(row, len(self._items) - 1))
            self.changed.emit()
