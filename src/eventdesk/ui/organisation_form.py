"""The organisation form's layout: the fields ``Organisation`` declares, then members and
meetings."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from eventdesk.records import Organisation
from eventdesk.store import EventStore
from eventdesk.ui.headings import heading_label
from eventdesk.ui.history_view import HistoryView
from eventdesk.ui.org_picker import OrganisationPicker
from eventdesk.ui.record_rows import add_rows
from eventdesk.ui.related_meetings import RelatedMeetings


class OrganisationForm(QWidget):
    """Widgets only; :class:`OrganisationEditor` gives them behaviour."""

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = heading_label()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows = add_rows(self, Organisation, store, form)

        self.members = QListWidget()
        self.members.setMinimumHeight(60)
        self.member_picker = OrganisationPicker(store)
        self.add_member = QPushButton("&Add member")
        self.remove_member = QPushButton("Re&move")
        self.meetings = RelatedMeetings(show_person=True)

        self.members_box = QGroupBox("Members of the alliance")
        members_layout = QVBoxLayout(self.members_box)
        members_layout.addWidget(self.members)
        row = QHBoxLayout()
        row.addWidget(self.member_picker, 1)
        row.addWidget(self.add_member)
        row.addWidget(self.remove_member)
        members_layout.addLayout(row)

        self.history = HistoryView(store, "organisation", Organisation)
        meetings_box = QTabWidget()
        meetings_box.addTab(self.meetings, "Meetings")
        meetings_box.addTab(self.history, "History")
        lower = QSplitter(Qt.Orientation.Vertical)
        lower.setChildrenCollapsible(False)
        lower.addWidget(self.members_box)
        lower.addWidget(meetings_box)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(lower, 1)
        below = [self.members, self.member_picker, self.add_member, self.remove_member]
        for first, second in pairwise([*rows, *below, self.meetings]):
            QWidget.setTabOrder(first, second)
