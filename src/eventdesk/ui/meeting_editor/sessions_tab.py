"""The agenda: sessions in order, each with its times, chair and notes."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel

from eventdesk.records import Session
from eventdesk.store import EventStore
from eventdesk.ui.meeting_editor import bilingual
from eventdesk.ui.meeting_editor.finder import RecordPicker, people_source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.list_tab import ListTab
from eventdesk.ui.meeting_editor.models import SessionsModel


class SessionsTab(ListTab):
    RECORD = "session"
    NOUN = "session"

    def __init__(self, store: EventStore, labels: Labels, parent=None):
        self._store = store
        self._labels = labels
        super().__init__(SessionsModel(labels), parent)
        self.view.setColumnWidth(SessionsModel.TITLE, 320)
        self.view.setColumnWidth(SessionsModel.TITLE_ZH, 220)
        self.view.setColumnWidth(SessionsModel.TIME, 110)

    def build_form(self, layout: QFormLayout) -> None:
        self.title = self.form.text("title", bilingual.line("Title, e.g. Opening ceremony"))
        self.title_zh = self.form.text("title_zh", bilingual.line("中文标题"))
        self.enter_adds(self.title)
        self.first_field = self.title
        self.start_time = self.form.time("start_time", bilingual.line())
        self.end_time = self.form.time("end_time", bilingual.line())
        for edit in (self.start_time, self.end_time):
            edit.setMaximumWidth(90)
        self.chair = RecordPicker(
            people_source(self._store, self._labels, self._attendee_ids),
            self._labels.person,
            "Type a name to find the chair",
        )
        self.form.custom(
            "chair_id", self.chair, self.chair.value, self.chair.set_value, self.chair.valueChanged
        )
        self.notes = self.form.plain("notes", bilingual.text("Notes"))
        self.notes_zh = self.form.plain("notes_zh", bilingual.text("中文备注"))
        layout.addRow("Title", bilingual.pair(self.title, self.title_zh))
        layout.addRow(
            "Time",
            bilingual.row(
                self.start_time, QLabel("to"), self.end_time, QLabel("(24-hour, optional)")
            ),
        )
        layout.addRow("Chair", self.chair)
        layout.addRow("Notes", bilingual.pair(self.notes, self.notes_zh))

    def field_edited(self, name: str) -> None:
        if name in ("title", "title_zh"):  # other tabs list sessions by title
            self.listChanged.emit()

    def new_record(self) -> Session:
        return Session(title="")

    def _attendee_ids(self) -> list[int]:
        meeting = self.meeting()
        return [a.person_id for a in meeting.attendees] if meeting else []
