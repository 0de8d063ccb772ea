"""The person form's layout: the fields ``Person`` declares, as a business card reads."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import QComboBox, QFormLayout, QTabWidget, QVBoxLayout, QWidget

from eventdesk.records import NameOrder, Person
from eventdesk.store import EventStore
from eventdesk.ui.headings import heading_label
from eventdesk.ui.history_view import HistoryView
from eventdesk.ui.record_rows import add_rows
from eventdesk.ui.related_meetings import RelatedMeetings


class PersonForm(QWidget):
    """Widgets only; :class:`PersonEditor` gives them behaviour."""

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = heading_label()
        name_order = QComboBox()
        for order in NameOrder:
            name_order.addItem(_order_label(order), order.value)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows = add_rows(self, Person, store, form, {"name_order": name_order})
        self.meetings = RelatedMeetings()
        self.history = HistoryView(store, "person", Person)

        lower = QTabWidget()
        lower.addTab(self.meetings, "Meetings taken part in")
        lower.addTab(self.history, "History")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(lower, 1)
        for first, second in pairwise([*rows, self.meetings]):
            QWidget.setTabOrder(first, second)


def _order_label(order: NameOrder) -> str:
    if order is NameOrder.FAMILY_FIRST:
        return "Family name first (DING Xiaodong)"
    return "Given name first (Alexander WAI)"
