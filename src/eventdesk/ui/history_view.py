"""Who changed a record, when, and what: the History of a meeting, person, organisation or
course.

One row a save, the newest first (``store.history``): when, who, and what it changed in a
clerk's words, the form's labels where the record has them ("Venue in Chinese: '线上' →
'腾讯会议'", "Attendees: +2 −1, 1 changed"). It reads the store when a record is shown
and after each save, never while typing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from eventdesk.records.fields import form_fields, plain_label
from eventdesk.store import Change, EventStore

_COLUMNS = ("When", "Who", "What changed")


class HistoryView(QTableWidget):
    def __init__(self, store: EventStore, kind: str, record: type, parent=None):
        super().__init__(0, len(_COLUMNS), parent)
        self._store = store
        self._kind = kind
        self._labels = {f.name: plain_label(f.label) for f in form_fields(record)}
        self.setHorizontalHeaderLabels(_COLUMNS)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.setMinimumHeight(90)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def show_record(self, record_id: int | None) -> None:
        """The lines of the record's history (none for a record not saved yet)."""
        changes = [] if record_id is None else self._store.history.of(self._kind, record_id)
        self.setRowCount(len(changes))
        for row, change in enumerate(changes):
            for column, text in enumerate(self._cells(change)):
                self.setItem(row, column, QTableWidgetItem(text))
        self.resizeRowsToContents()

    def _cells(self, change: Change) -> tuple[str, str, str]:
        when = change.at.astimezone().strftime("%Y-%m-%d %H:%M")
        what = "; ".join(change.described(label=self._label))
        return when, change.who, what[:1].upper() + what[1:]

    def _label(self, name: str) -> str:
        """A field's words: its label on the form, else its name made readable."""
        base, chinese = name.removesuffix("_zh"), name.endswith("_zh")
        words = self._labels.get(base) or base.removesuffix("_ids").removesuffix("_id")
        words = words.replace("_", " ").capitalize() if words == words.lower() else words
        return f"{words} in Chinese" if chinese else words
