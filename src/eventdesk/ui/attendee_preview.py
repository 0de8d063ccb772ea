"""The preview table of an attendee import: one row per list row, and the match to change.

A list may have thousands of rows, so this is an item model over the plan
with a delegate that makes a combo box only for the cell being edited,
never a widget per row. The last column says what the row will become
(an existing person, a new person, skipped, or why it cannot be taken), and
editing it offers the candidates the store found, "New person" and "Skip".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from eventdesk.spreadsheets.attendee_import import AttendeePlan
from eventdesk.spreadsheets.attendee_rows import RowPlan
from eventdesk.ui.models.headed import HeadedTableModel

Index = QModelIndex | QPersistentModelIndex

#: The choices of the match column besides an existing person's id.
NEW_PERSON = "new"
SKIP = "skip"
Choice = int | str

_NOT_TAKEN = QBrush(QColor(255, 236, 230))
_NEW = QBrush(QColor(232, 244, 255))


class AttendeePreviewModel(HeadedTableModel):
    ROW, NAME, NAME_ZH, TITLE, ORGANISATION, ROLE, SIDE, MATCH = range(8)
    HEADERS = ("Row", "Name", "Chinese name", "Title", "Organisation", "Role", "Side", "Match")

    def __init__(self, plan: AttendeePlan, parent: Any = None):
        super().__init__(parent)
        self.plan = plan
        self._reasons: list[str | None] = []
        self._refresh_reasons()

    def set_plan(self, plan: AttendeePlan) -> None:
        self.beginResetModel()
        self.plan = plan
        self._refresh_reasons()
        self.endResetModel()

    def reason(self, row: int) -> str | None:
        """Why the row will not be taken, or None."""
        return self._reasons[row]

    def choice(self, row: int) -> Choice:
        r = self.plan.rows[row]
        if r.skip:
            return SKIP
        return NEW_PERSON if r.person_id is None else r.person_id

    def choices(self, row: int) -> list[tuple[str, Choice]]:
        """What the match combo offers: the candidates, a new person, skipping the row."""
        r = self.plan.rows[row]
        options: list[tuple[str, Choice]] = [(c.label, c.id) for c in r.candidates]
        options.append((f"New person: {r.display_name}", NEW_PERSON))
        options.append(("Skip this row", SKIP))
        return options

    def set_choice(self, row: int, choice: Choice) -> None:
        r = self.plan.rows[row]
        if choice == SKIP:
            r.skip = True
        else:
            r.choose(None if choice == NEW_PERSON else int(choice))
        # Another row's fate may change too (two rows, one person), so recount all.
        self._refresh_reasons()
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.MATCH))

    # -- QAbstractTableModel ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.plan.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.MATCH and not self.plan.rows[index.row()].problems:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.plan.rows[index.row()]
        reason = self._reasons[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, index.column(), reason)
        if role == Qt.ItemDataRole.EditRole:
            return self.choice(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            if reason:
                return f"Not taken: {reason}"
            if index.column() == self.NAME and r.order_guessed:
                return "The order of this name was guessed; check how it will print."
            return self._text(r, index.column(), reason)
        if role == Qt.ItemDataRole.BackgroundRole:
            if reason:
                return _NOT_TAKEN
            if r.person_id is None and index.column() == self.MATCH:
                return _NEW
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.MATCH:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        self.set_choice(index.row(), value)
        return True

    # -- internals --------------------------------------------------------------------

    def _text(self, r: RowPlan, column: int, reason: str | None) -> str:
        if column == self.ROW:
            return str(r.number)
        if column == self.NAME:
            return r.display_name + (" (?)" if r.order_guessed else "")
        if column == self.NAME_ZH:
            return r.person.name_zh
        # A row that leaves the title or organisation empty takes the matched person's.
        if column == self.TITLE:
            return r.title or (r.chosen.title if r.chosen else "")
        if column == self.ORGANISATION:
            if not r.organisation:
                return r.chosen.organisation if r.chosen else ""
            new = r.organisation_id is None
            return f"{r.organisation} (new)" if new else r.organisation
        if column == self.ROLE:
            return r.role.label
        if column == self.SIDE:
            return r.side.label
        if r.problems:
            return "Cannot be taken"
        if r.skip:
            return "Skip this row"
        chosen = r.chosen
        text = chosen.label if chosen else "New person"
        return f"{text}: {reason}" if reason else text

    def _refresh_reasons(self) -> None:
        self._reasons = [reason for _, reason in self.plan.outcomes()]


class MatchDelegate(QStyledItemDelegate):
    """A combo box for the match column, made only while that one cell is edited."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget | None:
        model = index.model()
        if index.column() != AttendeePreviewModel.MATCH or not isinstance(
            model, AttendeePreviewModel
        ):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for text, choice in model.choices(index.row()):
            combo.addItem(text, choice)
        # Choosing is the whole edit: write it at once, as a user expects of a list.
        combo.activated.connect(lambda _n: self._commit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)
