"""The meetings one person or organisation took part in, for their editor's page.

These lists are short (a person's meetings), so they are loaded whole with
one query and reset through ``set_rows``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from eventdesk.records import AttendanceRole, HostRole
from eventdesk.store.queries import AttendedRow

Index = QModelIndex | QPersistentModelIndex


class AttendedModel(QAbstractTableModel):
    DATE, MEETING, ROLE, PERSON, TITLE_HELD = range(5)
    HEADERS = ("Date", "Meeting", "Role", "Person", "Title held then")

    def __init__(self, *, show_person: bool = False, parent: Any = None):
        super().__init__(parent)
        self._rows: list[AttendedRow] = []
        self.columns = [self.DATE, self.MEETING, self.ROLE, self.TITLE_HELD]
        if show_person:
            self.columns.insert(3, self.PERSON)

    def set_rows(self, rows: list[AttendedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def meeting_id_at(self, row: int) -> int | None:
        return self._rows[row].meeting_id if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[self.columns[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if column == self.ROLE:
            return _role_label(row.role)
        return (row.start_date, row.title, "", row.person, row.title_held)[column]


def _role_label(value: str) -> str:
    for kind in (AttendanceRole, HostRole):
        try:
            return kind(value).label
        except ValueError:
            continue
    return value
