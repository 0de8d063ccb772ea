"""Speeches, remarks, presentations and reports: who gave them, in which session."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from eventdesk.records import Presentation, PresentationKind
from eventdesk.store import EventStore
from eventdesk.ui.meeting_editor.finder import people_source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.list_tab import ListTab
from eventdesk.ui.meeting_editor.models import PresentationsModel
from eventdesk.ui.meeting_editor.part_views import PresentationForm


class PresentationsTab(ListTab):
    RECORD = "presentation"
    NOUN = "speech or presentation"

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        people = people_source(store, labels, lambda: self.attendee_ids())
        super().__init__(PresentationsModel(labels), PresentationForm(people, labels), parent)

    def bind(self, v: PresentationForm) -> None:
        f = self.form
        self.session = self.first_field = f.choice("session_uid", v.session, "session")
        self.kind = f.enum("kind", v.kind, PresentationKind)
        self.presenters = v.presenters
        f.value("presenter_ids", v.presenters, v.presenters.changed, "presenters")
        self.title = f.text("title", v.title)
        self.title_zh = f.text("title_zh", v.title_zh)
        self.abstract = f.plain("abstract", v.abstract)
        self.abstract_zh = f.plain("abstract_zh", v.abstract_zh)

    def new_record(self) -> Presentation:
        """A new one follows the session and kind of the one before (speeches come in runs)."""
        before = self.current()
        if before is None:
            return Presentation(kind=PresentationKind.SPEECH)
        return Presentation(kind=before.kind, session_uid=before.session_uid)
