"""The host and co-host organisations of a meeting, found by typing."""

from __future__ import annotations

import copy

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QListWidget, QPushButton, QWidget

from eventdesk.records import HostOrganisation, HostRole
from eventdesk.store import EventStore
from eventdesk.ui.meeting_editor.finder import Finder, organisation_source
from eventdesk.ui.meeting_editor.labels import Labels


class HostsEditor(QWidget):
    """A list of :class:`HostOrganisation`; ``changed`` after every edit."""

    changed = Signal()

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        super().__init__(parent)
        self._labels = labels
        self._hosts: list[HostOrganisation] = []
        self.list = QListWidget(self)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 3 + 12)
        self.finder = Finder(organisation_source(store), "Add host: type an organisation…", self)
        self.role = QComboBox(self)
        for role in HostRole:
            self.role.addItem(role.label, role.value)
        self.remove_button = QPushButton("Remove host", self)
        self.remove_button.setAutoDefault(False)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 0, 0, 2, 1)
        layout.addWidget(self.finder, 0, 1, 1, 2)
        layout.addWidget(self.role, 1, 1)
        layout.addWidget(self.remove_button, 1, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 1)
        self.marked_widget = self.list
        self.finder.chosen.connect(self._add)
        self.list.currentRowChanged.connect(self._show_role)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.remove_button.clicked.connect(self._remove)
        self._show_role(-1)

    def value(self) -> list[HostOrganisation]:
        return self._hosts

    def set_value(self, hosts: list[HostOrganisation] | None) -> None:
        self._hosts = copy.deepcopy(hosts or [])
        self._fill(0 if self._hosts else -1)

    def _label(self, host: HostOrganisation) -> str:
        return f"{self._labels.organisation(host.organisation_id)} ({host.role.label})"

    def _fill(self, current: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([self._label(h) for h in self._hosts])
        self.list.setCurrentRow(current)
        self.list.blockSignals(False)
        self._show_role(current)

    def _add(self, org_id: int) -> None:
        if any(h.organisation_id == org_id for h in self._hosts):
            return
        role = HostRole.CO_HOST if self._hosts else HostRole.HOST
        self._hosts.append(HostOrganisation(org_id, role))
        self._fill(len(self._hosts) - 1)
        self.changed.emit()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            del self._hosts[row]
            self._fill(min(row, len(self._hosts) - 1))
            self.changed.emit()

    def _show_role(self, row: int) -> None:
        host = self._hosts[row] if 0 <= row < len(self._hosts) else None
        self.role.blockSignals(True)
        self.role.setCurrentIndex(max(self.role.findData(host.role), 0) if host else 0)
        self.role.blockSignals(False)
        self.role.setEnabled(host is not None)
        self.remove_button.setEnabled(host is not None)

    def _role_changed(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._hosts):
            self._hosts[row].role = HostRole(self.role.currentData())
            self.list.item(row).setText(self._label(self._hosts[row]))
            self.changed.emit()
