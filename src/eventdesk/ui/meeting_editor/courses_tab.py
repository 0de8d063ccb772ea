"""Course shortlist entries announced at the meeting, typed exactly as announced."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout

from eventdesk.records import CourseEntry, CourseStatus
from eventdesk.store import EventStore
from eventdesk.ui.meeting_editor import bilingual
from eventdesk.ui.meeting_editor.finder import RecordPicker, organisation_source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.list_tab import ListTab
from eventdesk.ui.meeting_editor.models import CoursesModel


class CoursesTab(ListTab):
    RECORD = "course"
    NOUN = "course"

    def __init__(self, store: EventStore, labels: Labels, parent=None):
        self._store = store
        self._labels = labels
        super().__init__(CoursesModel(labels), parent)
        self.view.setColumnWidth(CoursesModel.YEAR, 60)
        self.view.setColumnWidth(CoursesModel.TITLE, 360)
        self.view.setColumnWidth(CoursesModel.INSTITUTION, 330)
        self.view.setColumnWidth(CoursesModel.STATUS, 100)

    def build_form(self, layout: QFormLayout) -> None:
        self.title = self.form.text("title", bilingual.line("Course title, exactly as announced"))
        self.title_zh = self.form.text("title_zh", bilingual.line("中文课程名"))
        self.enter_adds(self.title)
        self.first_field = self.title
        self.programme = self.form.text("programme", bilingual.line("Programme"))
        self.programme_zh = self.form.text("programme_zh", bilingual.line("中文项目名"))
        self.year = self.form.integer("year", bilingual.line("Year"))
        self.year.setMaximumWidth(80)
        self.status = self.form.enum("status", QComboBox(), CourseStatus)
        self.institution = RecordPicker(
            organisation_source(self._store),
            self._labels.organisation,
            "Offering institution: type to find",
        )
        self.form.custom(
            "institution_id",
            self.institution,
            self.institution.value,
            self.institution.set_value,
            self.institution.valueChanged,
            "institution",
        )
        self.teachers = self.form.text("teachers", bilingual.line("Teachers, as they are to print"))
        self.notes = self.form.plain("notes", bilingual.text("Notes", 2))
        layout.addRow("Course title", bilingual.pair(self.title, self.title_zh))
        layout.addRow("Programme", bilingual.pair(self.programme, self.programme_zh))
        layout.addRow("Year and status", bilingual.row(self.year, self.status))
        layout.addRow("Institution", self.institution)
        layout.addRow("Teachers", self.teachers)
        layout.addRow("Notes", self.notes)

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
