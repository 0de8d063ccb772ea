"""The agenda: sessions in order, each with its times, chair and notes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from eventdesk.records import Session
from eventdesk.store import EventStore, Proposal
from eventdesk.ui.meeting_editor.chinese_proposals import Proposer, part_alone, proposal
from eventdesk.ui.meeting_editor.finder import people_source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.list_tab import ListTab
from eventdesk.ui.meeting_editor.models import SessionsModel
from eventdesk.ui.meeting_editor.part_views import SessionForm


class SessionsTab(ListTab):
    RECORD = "session"
    NOUN = "session"

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        self._store = store
        people = people_source(store, labels, lambda: self.attendee_ids())
        super().__init__(SessionsModel(labels), SessionForm(people, labels.person), parent)

    def bind(self, v: SessionForm) -> None:
        self.bind_title(v)
        self.proposers = [Proposer(self.title_zh, self._proposal)]
        f = self.form
        self.start_time = f.time("start_time", v.start_time)
        self.end_time = f.time("end_time", v.end_time)
        self.chair = v.chair
        f.value("chair_id", v.chair, v.chair.valueChanged)
        self.notes = f.plain("notes", v.notes)
        self.notes_zh = f.plain("notes_zh", v.notes_zh)

    def field_edited(self, name: str) -> None:
        if name in ("title", "title_zh"):  # other tabs list sessions by title
            self.listChanged.emit()

    def _proposal(self) -> Proposal | None:
        """The Chinese title the records or the glossary propose for the session shown."""
        session = self.current()
        alone = part_alone(self.meeting(), sessions=[session]) if session else None
        return proposal(self._store, alone, ("session", 0, "title_zh")) if alone else None

    def new_record(self) -> Session:
        return Session(title="")
