"""The organisation form's layout: names, kind and place, then members and meetings."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from eventdesk.records import OrganisationKind
from eventdesk.store import EventStore
from eventdesk.ui.headings import heading_label
from eventdesk.ui.org_picker import OrganisationPicker
from eventdesk.ui.related_meetings import RelatedMeetings


class OrganisationForm(QWidget):
    """Widgets only; :class:`OrganisationEditor` gives them behaviour."""

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = heading_label()
        self.name = QLineEdit()
        self.name_zh = QLineEdit()
        self.short_name = QLineEdit()
        self.kind = QComboBox()
        for kind in OrganisationKind:
            self.kind.addItem(kind.label, kind.value)
        self.parent_org = OrganisationPicker(store)
        self.city = QLineEdit()
        self.founded = QLineEdit()
        self.founded.setPlaceholderText("YYYY-MM-DD")
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(64)
        self.description_zh = QPlainTextEdit()
        self.description_zh.setTabChangesFocus(True)
        self.description_zh.setFixedHeight(48)

        self.members = QListWidget()
        self.members.setMinimumHeight(60)
        self.member_picker = OrganisationPicker(store)
        self.add_member = QPushButton("&Add member")
        self.remove_member = QPushButton("Re&move")
        self.meetings = RelatedMeetings(show_person=True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Name", self.name)
        form.addRow("Name in &Chinese", self.name_zh)
        form.addRow("&Short name", self.short_name)
        form.addRow("&Kind", self.kind)
        form.addRow("&Part of", self.parent_org)
        form.addRow("C&ity or region", self.city)
        form.addRow("&Founded", self.founded)
        form.addRow("&Description", self.description)
        form.addRow("Description (Chinese)", self.description_zh)

        self.members_box = QGroupBox("Members of the alliance")
        members_layout = QVBoxLayout(self.members_box)
        members_layout.addWidget(self.members)
        row = QHBoxLayout()
        row.addWidget(self.member_picker, 1)
        row.addWidget(self.add_member)
        row.addWidget(self.remove_member)
        members_layout.addLayout(row)

        meetings_box = QGroupBox("Meetings")
        meetings_layout = QVBoxLayout(meetings_box)
        meetings_layout.addWidget(self.meetings)

        lower = QSplitter(Qt.Orientation.Vertical)
        lower.setChildrenCollapsible(False)
        lower.addWidget(self.members_box)
        lower.addWidget(meetings_box)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(lower, 1)

        order = [
            self.name,
            self.name_zh,
            self.short_name,
            self.kind,
            self.parent_org,
            self.city,
            self.founded,
            self.description,
            self.description_zh,
            self.members,
            self.member_picker,
            self.add_member,
            self.remove_member,
            self.meetings,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
