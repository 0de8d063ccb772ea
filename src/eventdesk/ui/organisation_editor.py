"""Editing one organisation: its names, place, members (for alliances) and meetings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QVBoxLayout, QWidget

from eventdesk.records import (
    Organisation,
    OrganisationKind,
    Problem,
    parse_date,
    validate_organisation,
)
from eventdesk.store import EventStore
from eventdesk.ui.field_marks import FieldMarks
from eventdesk.ui.organisation_form import OrganisationForm
from eventdesk.ui.record_editor import RecordEditor, set_combo_data


class OrganisationEditor(RecordEditor):
    KIND = "organisation"
    RECORD = Organisation

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(store, parent)
        self.form = OrganisationForm(store)
        self._org = Organisation(name="")
        f = self.form
        self.marks = FieldMarks(
            {
                "name": f.name,
                "name_zh": f.name_zh,
                "short_name": f.short_name,
                "parent_id": f.parent_org,
                "parent": f.parent_org,
                "city": f.city,
                "founded": f.founded,
                "members": f.members,
            }
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.form)
        self._watch(
            f.name,
            f.name_zh,
            f.short_name,
            f.kind,
            f.parent_org,
            f.city,
            f.founded,
            f.description,
            f.description_zh,
            f.members,
        )
        f.kind.currentIndexChanged.connect(self._show_members_if_alliance)
        f.name.textChanged.connect(self._update_heading)
        f.name_zh.textChanged.connect(self._update_heading)
        f.add_member.clicked.connect(self.add_member)
        f.remove_member.clicked.connect(self.remove_member)
        f.meetings.meetingActivated.connect(self.openMeeting)

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

    def _append_member(self, member_id: int, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, member_id)
        self.form.members.addItem(item)

    # -- RecordEditor ----------------------------------------------------------

    def _blank(self) -> Organisation:
        return Organisation(name="")

    def _get(self, record_id: int) -> Organisation:
        return self._store.get_organisation(record_id)

    def _write(self, org: Organisation) -> None:
        self._org = org
        f = self.form
        f.name.setText(org.name)
        f.name_zh.setText(org.name_zh)
        f.short_name.setText(org.short_name)
        set_combo_data(f.kind, org.kind)
        f.parent_org.set_organisation_id(org.parent_id)
        f.city.setText(org.city)
        f.founded.setText(org.founded.isoformat() if org.founded else "")
        f.description.setPlainText(org.description)
        f.description_zh.setPlainText(org.description_zh)
        f.members.clear()
        members = self._store.get_organisations(org.member_ids)
        for member_id in org.member_ids:
            member = members.get(member_id)
            self._append_member(member_id, member.label if member else f"#{member_id}")
        self._show_members_if_alliance()
        self._update_heading()

    def _read(self) -> tuple[Organisation, list[Problem]]:
        f = self.form
        problems = []
        founded = None
        if f.founded.text().strip():
            try:
                founded = parse_date(f.founded.text())
            except ValueError as exc:
                problems.append(Problem("organisation", "founded", str(exc)))
        if f.parent_org.text_names_nothing():
            problems.append(Problem("organisation", "parent_id", "is not a known organisation"))
        kind = OrganisationKind(f.kind.currentData() or OrganisationKind.OTHER)
        org = Organisation(
            name=f.name.text().strip(),
            name_zh=f.name_zh.text().strip(),
            short_name=f.short_name.text().strip(),
            kind=kind,
            parent_id=f.parent_org.organisation_id(),
            city=f.city.text().strip(),
            founded=founded,
            description=f.description.toPlainText().strip(),
            description_zh=f.description_zh.toPlainText().strip(),
            notes=self._org.notes,
            member_ids=self._member_ids() if kind is OrganisationKind.ALLIANCE else [],
            id=self._org.id,
            uid=self._org.uid,
        )
        return org, problems

    def _draft_extras(self) -> dict[str, str]:
        return {"founded_as_typed": self.form.founded.text()}

    def _apply_draft_extras(self, payload: dict) -> None:
        self.form.founded.setText(str(payload.get("founded_as_typed", self.form.founded.text())))

    def _validate(self, org: Organisation) -> list[Problem]:
        return validate_organisation(org)

    def _store_save(self, org: Organisation) -> Organisation:
        return self._store.save_organisation(org)

    def _after_load(self, record_id: int | None) -> None:
        self.form.meetings.show_party(self._store.meetings_of_organisation, record_id)

    def _show_members_if_alliance(self) -> None:
        is_alliance = self.form.kind.currentData() == OrganisationKind.ALLIANCE.value
        self.form.members_box.setVisible(is_alliance)

    def _update_heading(self) -> None:
        text = self.form.name.text().strip() or self.form.name_zh.text().strip()
        self.form.heading.setText(text or "New organisation")
