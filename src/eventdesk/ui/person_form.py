"""The person form's layout: fields in the order a person reads a business card."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from eventdesk.records import NameOrder
from eventdesk.store import EventStore
from eventdesk.ui.headings import heading_label
from eventdesk.ui.org_picker import OrganisationPicker
from eventdesk.ui.related_meetings import RelatedMeetings


class PersonForm(QWidget):
    """Widgets only; :class:`PersonEditor` gives them behaviour."""

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = heading_label()
        self.family_name = QLineEdit()
        self.given_name = QLineEdit()
        self.name_order = QComboBox()
        for order in NameOrder:
            self.name_order.addItem(_order_label(order), order.value)
        self.name_zh = QLineEdit()
        self.honorific = QLineEdit()
        self.honorific.setPlaceholderText("Prof., Dr, Ms …")
        self.title = QLineEdit()
        self.title_zh = QLineEdit()
        self.organisation = OrganisationPicker(store)
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.meetings = RelatedMeetings()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Family name", self.family_name)
        form.addRow("&Given name", self.given_name)
        form.addRow("Name &order", self.name_order)
        form.addRow("Name in &Chinese", self.name_zh)
        form.addRow("&Honorific", self.honorific)
        form.addRow("Current &title", self.title)
        form.addRow("Title in Chinese", self.title_zh)
        form.addRow("O&rganisation", self.organisation)
        form.addRow("&E-mail", self.email)
        form.addRow("&Phone", self.phone)
        form.addRow("&Notes", self.notes)

        box = QGroupBox("Meetings taken part in")
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.meetings)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(box, 1)

        order = [
            self.family_name,
            self.given_name,
            self.name_order,
            self.name_zh,
            self.honorific,
            self.title,
            self.title_zh,
            self.organisation,
            self.email,
            self.phone,
            self.notes,
            self.meetings,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)


def _order_label(order: NameOrder) -> str:
    if order is NameOrder.FAMILY_FIRST:
        return "Family name first (DING Xiaodong)"
    return "Given name first (Alexander WAI)"
