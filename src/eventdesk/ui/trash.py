"""Delete to the trash, undo, and the trash view to restore from or empty.

Deleting is a ``QUndoCommand`` whose redo moves the record to the store's
trash and whose undo restores it, so Ctrl+Z brings back what Delete took and
nothing is lost to a wrong key. Emptying the trash is the one step that
removes records for good, so it asks first, and it runs beside the window
(a trash of a thousand meetings takes a while).

On a team database another clerk deletes and restores too: the window's
``live_lists.changed`` is connected to :meth:`TrashDialog.others_changed`, which reads
the trash again within two seconds, the row the clerk had chosen still chosen
(issue 23, item 4).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from eventdesk.store import ChangeNotice, EventStore
from eventdesk.ui.background import BackgroundTask
from eventdesk.ui.models.trash import KIND_LABELS, TrashModel
from eventdesk.ui.screen_fit import fit_to_screen


class DeleteCommand(QUndoCommand):
    """Move one record to the trash; undo restores it. ``changed`` refreshes the screens."""

    def __init__(
        self,
        store: EventStore,
        kind: str,
        record_id: int,
        label: str,
        changed: Callable[[], None],
    ):
        super().__init__(f"Delete {KIND_LABELS.get(kind, kind).lower()} “{label}”")
        self.store = store
        self.kind = kind
        self.record_id = record_id
        self._changed = changed

    def redo(self) -> None:
        self.store.trash.put(self.kind, self.record_id)
        self._changed()

    def undo(self) -> None:
        self.store.trash.restore(self.kind, self.record_id)
        self._changed()


def keep_note(days: int) -> str:
    if days <= 0:
        return "Deleted records stay here until you restore them or empty the trash."
    return (
        f"Deleted records stay here for {days} days, then are removed for good. "
        "Restore brings one back."
    )


class TrashDialog(QDialog):
    """The records in the trash, a page at a time; Restore one, or Empty trash for good."""

    #: The trash was emptied: ``(removed, kept)``; records removed can no longer be undone.
    emptied = Signal(int, int)

    def __init__(
        self,
        store: EventStore,
        restored: Callable[[], None],
        parent: QWidget | None = None,
        *,
        keep_days: int = 0,
    ):
        super().__init__(parent)
        self.setWindowTitle("Trash")
        fit_to_screen(self, 640, 420)
        self._store = store
        self._restored = restored
        self.task: BackgroundTask | None = None
        self.model = TrashModel(store, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TrashModel.LABEL, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(keep_note(keep_days))
        self.note.setWordWrap(True)
        self.empty_label = QLabel("The trash is empty.")
        self.status = QLabel()
        self.restore_button = QPushButton("&Restore")
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button = QPushButton("&Empty trash…")
        self.empty_button.clicked.connect(self.empty_trash)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.model.totalKnown.connect(self._show_total)
        self.reload()

    # -- questions the tests answer ---------------------------------------------

    def ask_empty(self, count: int) -> bool:
        """Remove every record in the trash for good?"""
        answer = QMessageBox.question(
            self,
            "Empty trash",
            f"Remove the {count} record(s) in the trash for good? This cannot be undone.\n\n"
            "People and organisations that other records still name stay in the trash.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- actions ----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the trash again, the record chosen still chosen if it is there (else the
        first), as many rows loaded as were."""
        chosen = self._chosen()
        self.model.reload(at_least=self.model.rowCount())
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)  # under the empty table, not in its place
        busy = self.task is not None
        self.restore_button.setEnabled(not empty and not busy)
        self.empty_button.setEnabled(not empty and not busy)
        if not empty:
            row = next(
                (
                    n
                    for n in range(self.model.rowCount())
                    if (self.model.row(n).kind, self.model.row(n).id) == chosen
                ),
                0,
            )
            self.table.selectRow(row)

    def others_changed(self, notices: list[ChangeNotice]) -> None:
        """Another clerk changed records (``live_lists.changed``): a delete, a restore or an
        emptied trash of theirs shows here; not while this dialog empties it."""
        if not self.isVisible():  # read again when next shown (``show_trash``)
            return
        if self.task is None and any(n.kind in KIND_LABELS for n in notices):
            self.reload()

    def _chosen(self) -> tuple[str, int] | None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            entry = self.model.row(row)
            return entry.kind, entry.id
        return None

    def restore_selected(self) -> bool:
        row = self.table.currentIndex().row()
        if row < 0 or row >= self.model.rowCount() or self.task is not None:
            return False
        entry = self.model.row(row)
        self._store.trash.restore(entry.kind, entry.id)
        self._restored()
        self.reload()
        return True

    def empty_trash(self) -> BackgroundTask | None:
        """Ask, then remove everything in the trash beside the window; the task (or None)."""
        total = self.model.count()
        if total == 0 or self.task is not None or not self.ask_empty(total):
            return None
        self.task = BackgroundTask(self._store, lambda store: store.trash.empty(), self)
        self.status.setText("Emptying the trash…")
        self.task.finished.connect(self._emptied)
        self.task.failed.connect(self._failed)
        self.reload()
        self.task.start()
        return self.task

    def _emptied(self, result) -> None:
        self.task = None
        kept = f"; {result.kept} kept: other records still name them" if result.kept else ""
        self.status.setText(f"Removed {result.removed} record(s) for good{kept}.")
        self.reload()
        self.emptied.emit(result.removed, result.kept)

    def _failed(self, message: str) -> None:
        self.task = None
        self.status.setText(message)
        self.reload()

    def _show_total(self) -> None:
        if self.task is None and self.model.total_known() and self.model.total():
            self.status.setText(f"{self.model.total()} record(s) in the trash.")
