"""Editing one organisation: its names, place, members (for alliances) and meetings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from eventdesk.records import Organisation, OrganisationKind
from eventdesk.store import EventStore
from eventdesk.ui.organisation_form import OrganisationForm
from eventdesk.ui.record_editor import RecordEditor


class OrganisationEditor(RecordEditor):
    KIND = "organisation"
    RECORD = Organisation

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(store, OrganisationForm(store), parent)
        self.form: OrganisationForm
        f = self.form
        rows = f.members.model()
        self.fields.custom(
            "member_ids",
            f.members,
            self._member_ids,
            self._show_members,
            (rows.rowsInserted, rows.rowsRemoved),
            "members",
        )
        f.kind.currentIndexChanged.connect(self._show_members_if_alliance)
        f.name.textChanged.connect(self._update_heading)
        f.name_zh.textChanged.connect(self._update_heading)
        f.add_member.clicked.connect(self.add_member)
        f.remove_member.clicked.connect(self.remove_member)

    # -- members -------------------------------------------------------------

    def add_member(self) -> bool:
        """Add the organisation chosen in the member picker; False if none or already there."""
        member_id = self.form.member_picker.organisation_id()
        if member_id is None or member_id in self._member_ids():
            return False
        self._append_member(member_id, self.form.member_picker.currentText())
        self.form.member_picker.set_organisation_id(None)
        return True

    def remove_member(self) -> None:
        row = self.form.members.currentRow()
        if row >= 0:
            self.form.members.takeItem(row)

    def _member_ids(self) -> list[int]:
        members = self.form.members
        return [members.item(n).data(Qt.ItemDataRole.UserRole) for n in range(members.count())]

    def _show_members(self, member_ids: list[int]) -> None:
        self.form.members.clear()
        members = self._store.organisations.get_many(member_ids)
        for member_id in member_ids:
            member = members.get(member_id)
            self._append_member(member_id, member.label if member else f"#{member_id}")

    def _append_member(self, member_id: int, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, member_id)
        self.form.members.addItem(item)

    # -- RecordEditor ----------------------------------------------------------

    def _records(self) -> Any:
        return self._store.organisations

    def _prepared(self, org: Organisation) -> Organisation:
        if org.kind is not OrganisationKind.ALLIANCE:  # members are kept for alliances only
            org.member_ids = []
        return org

    def _shown(self, org: Organisation) -> None:
        super()._shown(org)
        self._show_members_if_alliance()

    def _show_members_if_alliance(self) -> None:
        is_alliance = self.form.kind.currentData() == OrganisationKind.ALLIANCE.value
        self.form.members_box.setVisible(is_alliance)

    def _heading(self) -> str:
        text = self.form.name.text().strip() or self.form.name_zh.text().strip()
        return text or "New organisation"
