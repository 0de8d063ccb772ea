"""The course register's filters: a year and a status, beside the search box."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from eventdesk.records import CourseStatus

FIRST_YEAR = 2000


class CourseFilters(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.year = QComboBox()
        self.set_years(range(date.today().year + 1, FIRST_YEAR - 1, -1))
        self.status = QComboBox()
        self.status.addItem("Any status", None)
        for status in CourseStatus:
            self.status.addItem(status.label, status.value)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("&Year"))
        layout.itemAt(0).widget().setBuddy(self.year)
        layout.addWidget(self.year)
        layout.addWidget(QLabel("&Status"))
        layout.itemAt(2).widget().setBuddy(self.status)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.year.currentIndexChanged.connect(self.changed)
        self.status.currentIndexChanged.connect(self.changed)

    def set_years(self, years: Iterable[int]) -> None:
        """Offer these years (newest first), keeping the chosen one if it is still there."""
        chosen = self.year.currentData()
        with QSignalBlocker(self.year):
            self.year.clear()
            self.year.addItem("All years", None)
            for year in sorted(set(years), reverse=True):
                self.year.addItem(str(year), year)
            self.year.setCurrentIndex(max(self.year.findData(chosen), 0))
        if self.year.currentData() != chosen:
            self.changed.emit()

    def values(self) -> tuple[int | None, str | None]:
        return self.year.currentData(), self.status.currentData()
