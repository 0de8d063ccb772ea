"""The host and co-host organisations of a meeting, found by typing."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QGridLayout, QWidget

from eventdesk.records import HostOrganisation, HostRole
from eventdesk.store import EventStore
from eventdesk.ui.editable import adds
from eventdesk.ui.meeting_editor.finder import Finder, organisation_source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.role_list import RoleList


class HostsEditor(RoleList):
    """A list of :class:`HostOrganisation`; ``changed`` after every edit."""

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        super().__init__(labels, "Remove host", parent)
        self.finder = adds(
            Finder(organisation_source(store), "Add host: type an organisation…", self)
        )
        self.role = QComboBox(self)
        for role in HostRole:
            self.role.addItem(role.label, role.value)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 0, 0, 2, 1)
        layout.addWidget(self.finder, 0, 1, 1, 2)
        layout.addWidget(self.role, 1, 1)
        layout.addWidget(self.remove_button, 1, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 1)
        self.finder.chosen.connect(self._add)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._show_role(-1)

    def label(self, host: HostOrganisation) -> str:
        return f"{self._labels.organisation(host.organisation_id)} ({host.role.label})"

    def _add(self, org_id: int) -> None:
        if any(h.organisation_id == org_id for h in self._items):
            return
        self._append(HostOrganisation(org_id, HostRole.CO_HOST if self._items else HostRole.HOST))

    def _show_role(self, row: int) -> None:
        host = self._items[row] if 0 <= row < len(self._items) else None
        with QSignalBlocker(self.role):
            self.role.setCurrentIndex(max(self.role.findData(host.role), 0) if host else 0)
        self.role.setEnabled(host is not None)
        self.remove_button.setEnabled(host is not None)

    def _role_changed(self) -> None:
        host = self.current()
        if host is not None:
            host.role = HostRole(self.role.currentData())
            self._relabel_current()
