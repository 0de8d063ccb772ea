"""Placeholder until the meeting editor lands; keeps the contract of the package docstring."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from eventdesk.store import EventStore


class MeetingEditor(QWidget):
    saved = Signal(int)
    dirtyChanged = Signal(bool)  # noqa: N815 (Qt signal naming)

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._id: int | None = None
        self._label = QLabel("No meeting selected")
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)

    def load_meeting(self, meeting_id: int) -> None:
        self._id = meeting_id
        self._label.setText(self._store.get_meeting(meeting_id).title)

    def new_meeting(self) -> None:
        self._id = None
        self._label.setText("New meeting")

    def save(self) -> bool:
        return True

    def is_dirty(self) -> bool:
        return False

    def meeting_id(self) -> int | None:
        return self._id

    def revert(self) -> None:
        if self._id is not None:
            self.load_meeting(self._id)
