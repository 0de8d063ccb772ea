"""Decisions and outcomes: elections, resolutions, agreements, counts and action items."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from eventdesk.records import Decision, DecisionKind
from eventdesk.store import EventStore
from eventdesk.ui.meeting_editor.finder import people_source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.list_tab import ListTab
from eventdesk.ui.meeting_editor.models import DecisionsModel
from eventdesk.ui.meeting_editor.part_views import DecisionForm
from eventdesk.ui.meeting_editor.parties import PartiesEditor


class DecisionsTab(ListTab):
    RECORD = "decision"
    NOUN = "decision or outcome"

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        people = people_source(store, labels, lambda: self.attendee_ids())
        fields = DecisionForm(PartiesEditor(store, labels), people, labels.person)
        super().__init__(DecisionsModel(labels), fields, parent)

    def bind(self, v: DecisionForm) -> None:
        f = self.form
        self.kind = self.first_field = f.enum("kind", v.kind, DecisionKind)
        self.session = f.choice("session_uid", v.session, "session")
        self.text = f.plain("text", v.text)
        self.text_zh = f.plain("text_zh", v.text_zh)
        self.document = f.text("document", v.document)
        self.document_zh = f.text("document_zh", v.document_zh)
        self.parties = v.parties
        f.value("parties", v.parties, v.parties.changed, "party")
        self.count = f.integer("count", v.count)
        self.count_unit = f.text("count_unit", v.count_unit)
        self.owner = v.owner
        f.value("owner_id", v.owner, v.owner.valueChanged)
        self.due_date = f.date("due_date", v.due_date)

    def new_record(self) -> Decision:
        before = self.current()
        return Decision(text="", session_uid=before.session_uid if before else None)
