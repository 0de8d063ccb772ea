"""Speeches, remarks, presentations and reports: who gave them, in which session."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout

from eventdesk.records import Presentation, PresentationKind
from eventdesk.store import EventStore
from eventdesk.ui.meeting_editor import bilingual
from eventdesk.ui.meeting_editor.finder import people_source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.list_tab import ListTab, fill_session_choices
from eventdesk.ui.meeting_editor.models import PresentationsModel
from eventdesk.ui.meeting_editor.people_list import PeopleList


class PresentationsTab(ListTab):
    RECORD = "presentation"
    NOUN = "speech or presentation"

    def __init__(self, store: EventStore, labels: Labels, parent=None):
        self._store = store
        self._labels = labels
        super().__init__(PresentationsModel(labels), parent)
        self.view.setColumnWidth(PresentationsModel.SESSION, 200)
        self.view.setColumnWidth(PresentationsModel.KIND, 110)
        self.view.setColumnWidth(PresentationsModel.PRESENTERS, 260)

    def build_form(self, layout: QFormLayout) -> None:
        self.session = self.form.choice("session_uid", QComboBox(), "session")
        self.session.setMinimumWidth(260)
        self.kind = self.form.enum("kind", QComboBox(), PresentationKind)
        self.first_field = self.session
        self.presenters = PeopleList(
            people_source(self._store, self._labels, self._attendee_ids),
            self._labels,
            "Add presenter: type a name…",
        )
        self.form.custom(
            "presenter_ids",
            self.presenters,
            self.presenters.value,
            self.presenters.set_value,
            self.presenters.changed,
            "presenters",
        )
        self.title = self.form.text("title", bilingual.line("Title, if it had one"))
        self.title_zh = self.form.text("title_zh", bilingual.line("中文题目"))
        self.abstract = self.form.plain("abstract", bilingual.text("Abstract", 4))
        self.abstract_zh = self.form.plain("abstract_zh", bilingual.text("中文摘要", 4))
        layout.addRow("Session and kind", bilingual.row(self.session, self.kind))
        layout.addRow("Presenters", self.presenters)
        layout.addRow("Title", bilingual.pair(self.title, self.title_zh))
        layout.addRow("Abstract", bilingual.pair(self.abstract, self.abstract_zh))

    def new_record(self) -> Presentation:
        """A new one follows the session and kind of the one before (speeches come in runs)."""
        before = self.current()
        if before is None:
            return Presentation(kind=PresentationKind.SPEECH)
        return Presentation(kind=before.kind, session_uid=before.session_uid)

    def sessions_changed(self) -> None:
        meeting = self.meeting()
        fill_session_choices(self.session, meeting.sessions if meeting else [])
        self.form.load(self.current())
        super().sessions_changed()

    def _attendee_ids(self) -> list[int]:
        meeting = self.meeting()
        return [a.person_id for a in meeting.attendees] if meeting else []
