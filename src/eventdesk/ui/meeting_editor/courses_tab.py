"""Course shortlist entries announced at the meeting, typed exactly as announced."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from eventdesk.records import CourseEntry, CourseStatus
from eventdesk.store import EventStore
from eventdesk.ui.meeting_editor.finder import organisation_source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.list_tab import ListTab
from eventdesk.ui.meeting_editor.models import CoursesModel
from eventdesk.ui.meeting_editor.part_views import CourseForm


class CoursesTab(ListTab):
    RECORD = "course"
    NOUN = "course"

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        fields = CourseForm(organisation_source(store), labels.organisation)
        super().__init__(CoursesModel(labels), fields, parent)

    def bind(self, v: CourseForm) -> None:
        self.bind_title(v)
        f = self.form
        self.programme = f.text("programme", v.programme)
        self.programme_zh = f.text("programme_zh", v.programme_zh)
        self.year = f.integer("year", v.year)
        self.status = f.enum("status", v.status, CourseStatus)
        self.institution = v.institution
        f.value("institution_id", v.institution, v.institution.valueChanged, "institution")
        self.teachers = f.text("teachers", v.teachers)
        self.notes = f.plain("notes", v.notes)

    def new_record(self) -> CourseEntry:
        """Courses are announced in runs: the next one starts with the same programme."""
        before = self.current()
        if before is None:
            meeting = self.meeting()
            year = meeting.start_date.year if meeting and meeting.start_date else None
            return CourseEntry(title="", year=year)
        return CourseEntry(
            title="",
            programme=before.programme,
            programme_zh=before.programme_zh,
            year=before.year,
            institution_id=before.institution_id,
            status=before.status,
        )
