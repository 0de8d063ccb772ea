"""Delete to the trash, undo, and the trash view to restore from.

Deleting is a ``QUndoCommand`` whose redo moves the record to the store's
trash and whose undo restores it, so Ctrl+Z brings back what Delete took and
nothing is lost to a wrong key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eventdesk.records import display_name
from eventdesk.store import EventStore, RecordNotFound

KIND_LABELS = {"meeting": "Meeting", "person": "Person", "organisation": "Organisation"}


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
        self.store.delete(self.kind, self.record_id)
        self._changed()

    def undo(self) -> None:
        self.store.restore(self.kind, self.record_id)
        self._changed()


def trash_entries(store: EventStore) -> list[tuple[str, int, str]]:
    """(kind, id, label) of every record in the trash, for the trash view."""
    entries = []
    trash = store.trash()
    for kind in ("meeting", "person", "organisation"):
        for record_id in trash.get(kind, []):
            try:
                entries.append((kind, record_id, _label(store, kind, record_id)))
            except RecordNotFound:
                continue
    return entries


def _label(store: EventStore, kind: str, record_id: int) -> str:
    if kind == "meeting":
        m = store.get_meeting(record_id)
        return f"{m.start_date or ''}  {m.title or m.title_zh}".strip()
    if kind == "person":
        p = store.get_person(record_id)
        return display_name(p.family_name, p.given_name, p.name_order)
    return store.get_organisation(record_id).label


class TrashDialog(QDialog):
    """The records in the trash; Restore puts the chosen one back."""

    def __init__(
        self, store: EventStore, restored: Callable[[], None], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle("Trash")
        self.resize(520, 380)
        self._store = store
        self._restored = restored
        self.list = QListWidget()
        self.empty_label = QLabel("The trash is empty.")
        self.restore_button = QPushButton("&Restore")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Deleted records stay here until you restore them."))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for kind, record_id, label in trash_entries(self._store):
            item = QListWidgetItem(f"{KIND_LABELS[kind]}: {label}")
            item.setData(Qt.ItemDataRole.UserRole, (kind, record_id))
            self.list.addItem(item)
        empty = self.list.count() == 0
        self.empty_label.setVisible(empty)
        self.restore_button.setEnabled(not empty)
        if not empty:
            self.list.setCurrentRow(0)

    def restore_selected(self) -> bool:
        item = self.list.currentItem()
        if item is None:
            return False
        kind, record_id = item.data(Qt.ItemDataRole.UserRole)
        self._store.restore(kind, record_id)
        self._restored()
        self.reload()
        return True
