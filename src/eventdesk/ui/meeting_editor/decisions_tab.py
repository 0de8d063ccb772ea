"""Decisions and outcomes: elections, resolutions, agreements, counts and action items."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel

from eventdesk.records import Decision, DecisionKind
from eventdesk.store import EventStore
from eventdesk.ui.meeting_editor import bilingual
from eventdesk.ui.meeting_editor.finder import RecordPicker, people_source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.list_tab import ListTab, fill_session_choices
from eventdesk.ui.meeting_editor.models import DecisionsModel
from eventdesk.ui.meeting_editor.parties import PartiesEditor


class DecisionsTab(ListTab):
    RECORD = "decision"
    NOUN = "decision or outcome"

    def __init__(self, store: EventStore, labels: Labels, parent=None):
        self._store = store
        self._labels = labels
        super().__init__(DecisionsModel(labels), parent)
        self.view.setColumnWidth(DecisionsModel.KIND, 90)
        self.view.setColumnWidth(DecisionsModel.TEXT, 420)
        self.view.setColumnWidth(DecisionsModel.SESSION, 150)
        self.view.setColumnWidth(DecisionsModel.PARTIES, 380)

    def build_form(self, layout: QFormLayout) -> None:
        self.kind = self.form.enum("kind", QComboBox(), DecisionKind)
        self.session = self.form.choice("session_uid", QComboBox(), "session")
        self.session.setMinimumWidth(260)
        self.first_field = self.kind
        self.text = self.form.plain("text", bilingual.text("What was decided or achieved", 3))
        self.text_zh = self.form.plain("text_zh", bilingual.text("中文", 3))
        self.parties = PartiesEditor(self._store, self._labels)
        self.form.custom(
            "parties",
            self.parties,
            self.parties.value,
            self.parties.set_value,
            self.parties.changed,
            "party",
        )
        self.count = self.form.integer("count", bilingual.line("Count"))
        self.count.setMaximumWidth(80)
        self.count_unit = self.form.text("count_unit", bilingual.line("unit, e.g. students"))
        self.count_unit.setMinimumWidth(260)
        self.owner = RecordPicker(
            people_source(self._store, self._labels, self._attendee_ids),
            self._labels.person,
            "Owner of an action item",
        )
        self.owner.setMinimumWidth(300)
        self.form.custom(
            "owner_id", self.owner, self.owner.value, self.owner.set_value, self.owner.valueChanged
        )
        self.due_date = self.form.date("due_date", bilingual.line())
        self.due_date.setMaximumWidth(110)
        layout.addRow("Kind and session", bilingual.row(self.kind, self.session))
        layout.addRow("Text", bilingual.pair(self.text, self.text_zh))
        layout.addRow("Parties", self.parties)
        layout.addRow("Count", bilingual.row(self.count, self.count_unit))
        layout.addRow("Action item", bilingual.row(self.owner, QLabel("due"), self.due_date))

    def new_record(self) -> Decision:
        before = self.current()
        return Decision(text="", session_uid=before.session_uid if before else None)

    def sessions_changed(self) -> None:
        meeting = self.meeting()
        fill_session_choices(self.session, meeting.sessions if meeting else [])
        self.form.load(self.current())
        super().sessions_changed()

    def _attendee_ids(self) -> list[int]:
        meeting = self.meeting()
        return [a.person_id for a in meeting.attendees] if meeting else []
