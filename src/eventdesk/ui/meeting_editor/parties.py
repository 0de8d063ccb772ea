"""The organisations and people a decision concerns, each with its role in it.

"Hong Kong Baptist University — Chairman of the 3rd Council" is one party;
an election names several. A party is added by finding an organisation or a
person; its role is typed in the fields beside the list.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from eventdesk.records import DecisionParty
from eventdesk.store import EventStore
from eventdesk.ui.editable import adds
from eventdesk.ui.meeting_editor import bilingual
from eventdesk.ui.meeting_editor.finder import Finder, organisation_source, people_source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.models import party_label
from eventdesk.ui.meeting_editor.role_list import RoleList


class PartiesEditor(RoleList):
    """A list of :class:`DecisionParty`; ``changed`` after every edit."""

    LINES = 4

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        super().__init__(labels, "Remove party", parent)
        self.organisation_finder = adds(
            Finder(organisation_source(store), "Add organisation…", self)
        )
        self.person_finder = adds(Finder(people_source(store, labels), "Add person…", self))
        self.role = bilingual.line("Role, e.g. Vice Chairman", self)
        self.role_zh = bilingual.line("中文角色", self)
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
        self.organisation_finder.chosen.connect(lambda oid: self._add(DecisionParty(oid)))
        self.person_finder.chosen.connect(lambda pid: self._add(DecisionParty(person_id=pid)))
        self.role.textEdited.connect(self._role_edited)
        self.role_zh.textEdited.connect(self._role_edited)
        self._show_role(-1)

    def label(self, party: DecisionParty) -> str:
        return party_label(self._labels, party)

    def _add(self, party: DecisionParty) -> None:
        self._append(party)
        self.role.setFocus()

    def _show_role(self, row: int) -> None:
        party = self._items[row] if 0 <= row < len(self._items) else None
        self.role.setEnabled(party is not None)
        self.role_zh.setEnabled(party is not None)
        self.remove_button.setEnabled(party is not None)
        self.role.setText(party.role if party else "")
        self.role_zh.setText(party.role_zh if party else "")

    def _role_edited(self) -> None:
        party = self.current()
        if party is not None:
            party.role = self.role.text().strip()
            party.role_zh = self.role_zh.text().strip()
            self._relabel_current()
