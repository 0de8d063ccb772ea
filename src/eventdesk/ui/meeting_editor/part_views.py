"""Layout of the forms under each list: the fields of one session, attendee, talk, ...

Only widgets and their arrangement, English beside Chinese. The tabs bind the
fields to the selected record and hold the behaviour (see ``list_tab.py``).
Finders and pickers get their sources passed in, so a view never sees the store.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from eventdesk.ui.date_edit import DateField
from eventdesk.ui.elided_label import ElidedLabel
from eventdesk.ui.meeting_editor import bilingual
from eventdesk.ui.meeting_editor.finder import RecordPicker, Source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.parties import PartiesEditor
from eventdesk.ui.meeting_editor.people_list import PeopleList

LabelOf = Callable[[int | None], str]


def _form(widget: QWidget) -> QFormLayout:
    layout = QFormLayout(widget)
    layout.setContentsMargins(0, 6, 0, 0)
    return layout


def _session_combo() -> QComboBox:
    combo = QComboBox()
    combo.setMinimumWidth(260)
    return combo


class SessionForm(QWidget):
    def __init__(self, people: Source, person_label: LabelOf, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = bilingual.line("Title, e.g. Opening ceremony")
        self.title_zh = bilingual.line("中文标题")
        self.start_time = bilingual.line()
        self.end_time = bilingual.line()
        for edit in (self.start_time, self.end_time):
            edit.setMaximumWidth(90)
        self.chair = RecordPicker(people, person_label, "Type a name to find the chair")
        self.notes = bilingual.text("Notes")
        self.notes_zh = bilingual.text("中文备注")
        layout = _form(self)
        layout.addRow("Title", bilingual.pair(self.title, self.title_zh))
        layout.addRow(
            "Time",
            bilingual.row(
                self.start_time, QLabel("to"), self.end_time, QLabel("(24-hour, optional)")
            ),
        )
        layout.addRow("Chair", self.chair)
        layout.addRow("Notes", bilingual.pair(self.notes, self.notes_zh))


class AttendanceForm(QWidget):
    def __init__(self, organisations: Source, org_label: LabelOf, parent: QWidget | None = None):
        super().__init__(parent)
        # a long name and title ("… Liaison Office of the Central People's Government …") is
        # cut with "…", the whole of it in the tooltip: unwrapped, it widened the editor past a
        # 1366-pixel screen; wrapped, it was clipped above and below in the form's room
        self.person_label = ElidedLabel()
        self.title = bilingual.line("Title held at this meeting")
        self.title_zh = bilingual.line("中文职务")
        self.organisation = RecordPicker(
            organisations, org_label, "Organisation at this meeting: type to find"
        )
        self.capacity = bilingual.line("e.g. Chairman of the Alliance")
        self.capacity_zh = bilingual.line("中文身份")
        self.role = QComboBox()
        self.side = QComboBox()
        layout = _form(self)
        layout.addRow("Person", self.person_label)
        layout.addRow("Title then", bilingual.pair(self.title, self.title_zh))
        layout.addRow("Organisation then", self.organisation)
        layout.addRow("Capacity", bilingual.pair(self.capacity, self.capacity_zh))
        layout.addRow("Role and side", bilingual.row(self.role, self.side))


class PresentationForm(QWidget):
    def __init__(self, people: Source, labels: Labels, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = _session_combo()
        self.kind = QComboBox()
        self.presenters = PeopleList(people, labels, "Add presenter: type a name…")
        self.title = bilingual.line("Title, if it had one")
        self.title_zh = bilingual.line("中文题目")
        self.abstract = bilingual.text("Abstract", 4)
        self.abstract_zh = bilingual.text("中文摘要", 4)
        layout = _form(self)
        layout.addRow("Session and kind", bilingual.row(self.session, self.kind))
        layout.addRow("Presenters", self.presenters)
        layout.addRow("Title", bilingual.pair(self.title, self.title_zh))
        layout.addRow("Abstract", bilingual.pair(self.abstract, self.abstract_zh))


class CourseForm(QWidget):
    def __init__(self, organisations: Source, org_label: LabelOf, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = bilingual.line("Course title, exactly as announced")
        self.title_zh = bilingual.line("中文课程名")
        self.programme = bilingual.line("Programme")
        self.programme_zh = bilingual.line("中文项目名")
        self.year = bilingual.line("Year")
        self.year.setMaximumWidth(80)
        self.status = QComboBox()
        self.institution = RecordPicker(
            organisations, org_label, "Offering institution: type to find"
        )
        self.teachers = bilingual.line("Teachers, as they are to print")
        self.notes = bilingual.text("Notes", 2)
        layout = _form(self)
        layout.addRow("Course title", bilingual.pair(self.title, self.title_zh))
        layout.addRow("Programme", bilingual.pair(self.programme, self.programme_zh))
        layout.addRow("Year and status", bilingual.row(self.year, self.status))
        layout.addRow("Institution", self.institution)
        layout.addRow("Teachers", self.teachers)
        layout.addRow("Notes", self.notes)


class DecisionForm(QWidget):
    def __init__(
        self,
        parties: PartiesEditor,
        people: Source,
        person_label: LabelOf,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.kind = QComboBox()
        self.session = _session_combo()
        self.text = bilingual.text("What was decided or achieved", 3)
        self.text_zh = bilingual.text("中文", 3)
        self.document = bilingual.line(
            "Short name of a signed document, e.g. cooperation agreement"
        )
        self.document_zh = bilingual.line("简称，例如 合作协议")
        self.parties = parties
        self.count = bilingual.line("Count")
        self.count.setMaximumWidth(80)
        self.count_unit = bilingual.line("unit, e.g. students")
        self.count_unit.setMinimumWidth(260)
        self.owner = RecordPicker(people, person_label, "Owner of an action item")
        self.owner.setMinimumWidth(300)
        self.due_date = bilingual.line()
        self.due_date.setMaximumWidth(110)
        layout = _form(self)
        layout.addRow("Kind and session", bilingual.row(self.kind, self.session))
        layout.addRow("Text", bilingual.pair(self.text, self.text_zh))
        layout.addRow("Signed document", bilingual.pair(self.document, self.document_zh))
        layout.addRow("Parties", self.parties)
        layout.addRow("Count", bilingual.row(self.count, self.count_unit))
        self.due_date_field = DateField(self.due_date)
        layout.addRow("Action item", bilingual.row(self.owner, QLabel("due"), self.due_date_field))


class PhotoForm(QWidget):
    def __init__(self, preview_size: QSize, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = QLabel()
        self.preview.setFixedSize(preview_size)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.file_label = QLabel()
        self.caption = bilingual.line("Caption")
        self.caption_zh = bilingual.line("中文说明")
        self.credit = bilingual.line("Photo credit")
        self.session = _session_combo()
        self.kind = QComboBox()
        layout = _form(self)
        layout.addRow("File", bilingual.row(self.preview, self.file_label))
        layout.addRow("Caption", bilingual.pair(self.caption, self.caption_zh))
        layout.addRow("Credit", self.credit)
        layout.addRow("Session and kind", bilingual.row(self.session, self.kind))
