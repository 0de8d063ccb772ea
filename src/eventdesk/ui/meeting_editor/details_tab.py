"""Binding the meeting's own fields (``DetailsView``) to the meeting being edited."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from eventdesk.records import Meeting, MeetingFormat, MeetingStatus, OurRole
from eventdesk.store import EventStore, Proposal
from eventdesk.ui.meeting_editor.chinese_proposals import Proposer, part_alone, proposal
from eventdesk.ui.meeting_editor.details_view import DetailsView
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.record_form import RecordForm


class DetailsTab(QWidget):
    """The meeting record itself; problems name it "meeting"."""

    edited = Signal()
    RECORD = "meeting"

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self.view = v = DetailsView(store, labels, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(v)
        f = self.form = RecordForm(self)
        f.text("title", v.title)
        f.text("title_zh", v.title_zh)
        f.custom(
            "series",
            v.series,
            lambda: v.series.currentText().strip(),
            v.series.setEditText,
            v.series.editTextChanged,
        )
        f.text("series_zh", v.series_zh)
        f.text("edition", v.edition)
        f.date("start_date", v.start_date)
        f.date("end_date", v.end_date)
        f.time("start_time", v.start_time)
        f.time("end_time", v.end_time)
        f.enum("format", v.format, MeetingFormat)
        f.enum("our_role", v.our_role, OurRole)
        f.enum("status", v.status, MeetingStatus)
        f.text("venue", v.venue)
        f.text("venue_zh", v.venue_zh)
        f.value("hosts", v.hosts, v.hosts.changed)
        f.custom(
            "tags",
            v.tags,
            lambda: [t.strip() for t in v.tags.text().split(",") if t.strip()],
            lambda tags: v.tags.setText(", ".join(tags)),
            v.tags.textEdited,
        )
        f.plain("summary", v.summary)
        f.plain("summary_zh", v.summary_zh)
        f.plain("background", v.background)
        f.plain("background_zh", v.background_zh)
        f.edited.connect(lambda _name: self.edited.emit())
        # An empty Chinese series or venue shows what an earlier meeting called the same one.
        self.proposers = [
            Proposer(v.series_zh, lambda: self._proposal("series_zh")),
            Proposer(v.venue_zh, lambda: self._proposal("venue_zh")),
        ]
        f.edited.connect(lambda name: None if name.endswith("_zh") else self._propose())

    def set_meeting(self, meeting: Meeting | None) -> None:
        series = self._store.meetings.series()
        combo = self.view.series
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItems(series)
        self.form.reset()
        self.form.load(meeting)
        self._propose()

    def _proposal(self, attribute: str) -> Proposal | None:
        meeting = self.form.record()
        if meeting is None:
            return None
        alone = part_alone(meeting, series=meeting.series, venue=meeting.venue)
        return proposal(self._store, alone, ("meeting", 0, attribute)) if alone else None

    def _propose(self) -> None:
        for proposer in self.proposers:
            proposer.refresh()

    def clear_problems(self) -> None:
        self.form.clear_problems()

    def mark_problem(self, field: str, message: str) -> None:
        meeting = self.form.record()
        if meeting is not None:
            self.form.set_problem(meeting.uid, field, message)

    def unreadable(self) -> list[tuple[str, str]]:
        return [(field, message) for _uid, field, message in self.form.unreadable()]
