"""The table of meetings under a person or organisation; double-click opens one.

It fetches a page of meetings when shown and another as it scrolls near the end; when
another clerk changes meetings (``store.changes``) the page asks :meth:`RelatedMeetings.refresh`,
which reads them again keeping the meeting the clerk chose (issue 23, item 4).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from eventdesk.ui.models import AttendedModel
from eventdesk.ui.models.attended import Fetch


class RelatedMeetings(QTableView):
    meetingActivated = Signal(int)

    def __init__(self, *, show_person: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.model_ = AttendedModel(show_person=show_person, parent=self)
        self.setModel(self.model_)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.setMinimumHeight(90)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.doubleClicked.connect(self._open)
        self.activated.connect(self._open)

    def show_party(self, fetch: Fetch | None, party_id: int | None) -> None:
        """The meetings of a person or organisation: ``fetch`` is the store's paged query."""
        self.model_.show_party(fetch, party_id)

    def refresh(self) -> None:
        """Read the meetings again (others changed some), as many as were loaded, the chosen
        one still chosen if it is still among them."""
        index = self.currentIndex()
        chosen = self.model_.meeting_id_at(index.row()) if index.isValid() else None
        self.model_.reload(at_least=self.model_.rowCount())
        row = self.model_.row_of_id(chosen) if chosen is not None else None
        if row is not None:
            self.selectRow(row)

    def _open(self, index: QModelIndex) -> None:
        meeting_id = self.model_.meeting_id_at(index.row())
        if meeting_id is not None:
            self.meetingActivated.emit(meeting_id)
