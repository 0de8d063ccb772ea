"""The organisations and people a decision concerns, each with its role in it.

"Hong Kong Baptist University — Chairman of the 3rd Council" is one party;
an election names several. A party is added by finding an organisation or a
person; its role is typed in the fields beside the list.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QListWidget, QPushButton, QWidget

from eventdesk.records import DecisionParty
from eventdesk.store import EventStore
from eventdesk.ui.meeting_editor import bilingual
from eventdesk.ui.meeting_editor.finder import Finder, organisation_source, people_source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.models import party_label


class PartiesEditor(QWidget):
    """A list of :class:`DecisionParty`; ``changed`` after every edit."""

    changed = Signal()

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        super().__init__(parent)
        self._labels = labels
        self._parties: list[DecisionParty] = []
        self.list = QListWidget(self)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 4 + 12)
        self.organisation_finder = Finder(organisation_source(store), "Add organisation…", self)
        self.person_finder = Finder(people_source(store, labels), "Add person…", self)
        self.role = bilingual.line("Role, e.g. Vice Chairman", self)
        self.role_zh = bilingual.line("中文角色", self)
        self.remove_button = QPushButton("Remove party", self)
        self.remove_button.setAutoDefault(False)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 0, 0, 3, 1)
        layout.addWidget(self.organisation_finder, 0, 1)
        layout.addWidget(self.person_finder, 0, 2)
        layout.addWidget(self.role, 1, 1)
        layout.addWidget(self.role_zh, 1, 2)
        layout.addWidget(self.remove_button, 2, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        layout.setColumnStretch(2, 2)
        self.marked_widget = self.list
        self.organisation_finder.chosen.connect(lambda oid: self._add(DecisionParty(oid)))
        self.person_finder.chosen.connect(lambda pid: self._add(DecisionParty(person_id=pid)))
        self.list.currentRowChanged.connect(self._show_role)
        self.role.textEdited.connect(self._role_edited)
        self.role_zh.textEdited.connect(self._role_edited)
        self.remove_button.clicked.connect(self._remove)
        self._show_role(-1)

    def value(self) -> list[DecisionParty]:
        return self._parties

    def set_value(self, parties: list[DecisionParty] | None) -> None:
        self._parties = copy.deepcopy(parties or [])
        self._fill(0 if self._parties else -1)

    def _fill(self, current: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([party_label(self._labels, p) for p in self._parties])
        self.list.setCurrentRow(current)
        self.list.blockSignals(False)
        self._show_role(current)

    def _add(self, party: DecisionParty) -> None:
        self._parties.append(party)
        self._fill(len(self._parties) - 1)
        self.role.setFocus()
        self.changed.emit()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            del self._parties[row]
            self._fill(min(row, len(self._parties) - 1))
            self.changed.emit()

    def _show_role(self, row: int) -> None:
        party = self._parties[row] if 0 <= row < len(self._parties) else None
        self.role.setEnabled(party is not None)
        self.role_zh.setEnabled(party is not None)
        self.remove_button.setEnabled(party is not None)
        self.role.setText(party.role if party else "")
        self.role_zh.setText(party.role_zh if party else "")

    def _role_edited(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._parties):
            return
        party = self._parties[row]
        party.role = self.role.text().strip()
        party.role_zh = self.role_zh.text().strip()
        self.list.item(row).setText(party_label(self._labels, party))
        self.changed.emit()
