"""Layout of the meeting's own fields: what, when, how, where, who hosted, what about.

Only widgets and their arrangement; ``DetailsTab`` binds them to the meeting.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QScrollArea, QWidget

from eventdesk.store import EventStore
from eventdesk.ui.date_edit import DateField
from eventdesk.ui.meeting_editor import bilingual
from eventdesk.ui.meeting_editor.hosts import HostsEditor
from eventdesk.ui.meeting_editor.labels import Labels


class DetailsView(QScrollArea):
    """The fields, in the order a report is read (and Tab moves)."""

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        form = QFormLayout(body)
        self.title = bilingual.line("Title of the meeting")
        self.title_zh = bilingual.line("中文标题")
        self.series = QComboBox()
        self.series.setEditable(True)
        self.series.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.series.lineEdit().setPlaceholderText("Series, e.g. the alliance's annual meeting")
        self.series_zh = bilingual.line("中文系列名")
        self.edition = bilingual.line("Year or edition")
        self.edition.setMaximumWidth(140)
        self.start_date = bilingual.line("e.g. 2 April 2019")
        self.end_date = bilingual.line("no end date")
        # what the dates were understood as, in a line of its own under them (room for words)
        self.start_date_field = DateField(self.start_date, beside=False)
        self.end_date_field = DateField(self.end_date, beside=False)
        self.start_time = bilingual.line("no time")
        self.end_time = bilingual.line("no time")
        for edit in (self.start_date, self.end_date):
            edit.setFixedWidth(120)
        for edit in (self.start_time, self.end_time):
            edit.setFixedWidth(70)
        optional = "Optional: leave it empty for none."
        for edit in (self.end_date, self.start_time, self.end_time):
            edit.setToolTip(optional)
        self.format = QComboBox()
        self.our_role = QComboBox()
        self.status = QComboBox()
        self.venue = bilingual.line("Venue or platform")
        self.venue_zh = bilingual.line("中文地点")
        self.hosts = HostsEditor(store, labels)
        self.tags = bilingual.line("Tags, separated by commas")
        self.summary = bilingual.text("Summary paragraphs", 4, grow=True)
        self.summary_zh = bilingual.text("中文摘要", 4, grow=True)
        self.background = bilingual.text("Background note (e.g. about the alliance)", 3, grow=True)
        self.background_zh = bilingual.text("中文背景", 3, grow=True)

        form.addRow("Title", bilingual.pair(self.title, self.title_zh))
        form.addRow("Series", bilingual.pair(self.series, self.series_zh))
        form.addRow("Edition", self.edition)
        form.addRow(
            "Date",
            bilingual.row(
                self.start_date_field,
                QLabel("to"),
                self.end_date_field,
                QLabel("   Time"),
                self.start_time,
                QLabel("to"),
                self.end_time,
            ),
        )
        understood = bilingual.row(self.start_date_field.label, self.end_date_field.label)
        understood.layout().setSpacing(24)
        form.addRow("", understood)
        form.addRow(
            "Format",
            bilingual.row(
                self.format, QLabel("   Our role"), self.our_role, QLabel("   Status"), self.status
            ),
        )
        form.addRow("Venue", bilingual.pair(self.venue, self.venue_zh))
        form.addRow("Hosts", self.hosts)
        form.addRow("Tags", self.tags)
        form.addRow("Summary", bilingual.pair(self.summary, self.summary_zh))
        form.addRow("Background", bilingual.pair(self.background, self.background_zh))
        self.setWidget(body)
