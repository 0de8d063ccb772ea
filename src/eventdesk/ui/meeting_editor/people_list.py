"""A short ordered list of people (the presenters of a talk), added by finding them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QWidget

from eventdesk.ui.editable import adds
from eventdesk.ui.meeting_editor.finder import Finder, Source
from eventdesk.ui.meeting_editor.labels import Labels


class PeopleList(QWidget):
    """People ids in order; ``changed`` after the user adds or removes one."""

    changed = Signal()

    def __init__(
        self, source: Source, labels: Labels, placeholder: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._labels = labels
        self.list = QListWidget(self)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 3 + 12)
        self.finder = adds(Finder(source, placeholder, self))
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 3)
        side = QWidget(self)
        side_layout = QHBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.finder, 1)
        side_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(side, 2, Qt.AlignmentFlag.AlignTop)
        self.marked_widget = self.list
        self.finder.chosen.connect(self.add)
        self.remove_button.clicked.connect(self.remove_current)

    def value(self) -> list[int]:
        return [self.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.list.count())]

    def set_value(self, ids: list[int] | None) -> None:
        self.list.clear()
        for pid in ids or []:
            item = QListWidgetItem(self._labels.person(pid))
            item.setData(Qt.ItemDataRole.UserRole, pid)
            self.list.addItem(item)

    def add(self, person_id: int) -> None:
        if person_id in self.value():
            return
        self.set_value([*self.value(), person_id])
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()
