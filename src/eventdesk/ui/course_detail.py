"""One course of the register, read-only: courses are edited with their meeting.

A course belongs to the meeting where it was announced, so changing it here
would bypass that meeting's editor; the page shows the facts and opens the
meeting instead. Below them, its History: who changed the course, when and what
(with its meeting's saves, or in psql on a team database), as on every record's page.

Nothing is typed here, so another clerk's change of the course, its meeting or the
organisation offering it is shown at once (:meth:`CourseDetail.refresh`, issue 23, item 4).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from eventdesk.records import CourseEntry, CourseStatus
from eventdesk.store import EventStore, RecordNotFound, StoreError
from eventdesk.ui.headings import heading_label
from eventdesk.ui.history_view import HistoryView


class CourseDetail(QWidget):
    openMeeting = Signal(int)

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._id: int | None = None
        self._meeting_id: int | None = None
        self.heading = heading_label(wrap=True)  # the course's title is shown only here
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("title_zh", "Title in Chinese"),
            ("programme", "Programme"),
            ("year", "Year"),
            ("institution", "Offered by"),
            ("teachers", "Teachers"),
            ("status", "Status"),
            ("meeting", "Announced at"),
            ("notes", "Notes"),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)  # record text is never markup
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)
        self.open_meeting = QPushButton("&Open the meeting")
        self.open_meeting.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.open_meeting.clicked.connect(self._open)
        #: Who changed the course, when and what (``store.history``), the newest first.
        self.history = HistoryView(store, "course", CourseEntry)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.open_meeting)
        layout.addWidget(QLabel("History"))
        layout.addWidget(self.history, 1)

    def load(self, course_id: int) -> None:
        course = self._store.courses.get(course_id)
        self._id = course.id
        self._meeting_id = course.meeting_id
        institution = ""
        if course.institution_id is not None:
            institution = self._store.organisations.get(course.institution_id).label
        meeting = ""
        if course.meeting_id is not None:
            m = self._store.meetings.get(course.meeting_id)
            meeting = f"{m.title} ({m.start_date})" if m.start_date else m.title
        self.heading.setText(course.title or course.title_zh)
        values = {
            "title_zh": course.title_zh,
            "programme": course.programme,
            "year": "" if course.year is None else str(course.year),
            "institution": institution,
            "teachers": course.teachers,
            "status": CourseStatus(course.status).label,
            "meeting": meeting,
            "notes": course.notes,
        }
        for key, value in values.items():
            self.fields[key].setText(value or "—")
        self.open_meeting.setEnabled(course.meeting_id is not None)
        self.history.show_record(course.id)

    def record_id(self) -> int | None:
        return self._id

    def refresh(self) -> bool:
        """Show the course again as stored (others changed it, its meeting or its
        institution); False when it is no longer there (removed from its meeting)."""
        if self._id is None:
            return True
        try:
            self.load(self._id)
        except RecordNotFound:
            return False
        except StoreError:  # the server away (its banner says so): shown as it was
            pass
        return True

    def _open(self) -> None:
        if self._meeting_id is not None:
            self.openMeeting.emit(self._meeting_id)
