"""Editing one person, and seeing the meetings they took part in."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from eventdesk.records import NameOrder, Person, Problem, validate_person
from eventdesk.store import EventStore
from eventdesk.ui.field_marks import FieldMarks
from eventdesk.ui.person_form import PersonForm
from eventdesk.ui.record_editor import RecordEditor, set_combo_data


class PersonEditor(RecordEditor):
    KIND = "person"
    RECORD = Person

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(store, parent)
        self.form = PersonForm(store)
        self._person = Person(family_name="")
        f = self.form
        self.marks = FieldMarks(
            {
                "family_name": f.family_name,
                "given_name": f.given_name,
                "name_zh": f.name_zh,
                "title": f.title,
                "organisation": f.organisation,
                "organisation_id": f.organisation,
                "email": f.email,
                "phone": f.phone,
            }
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.form)
        self._watch(
            f.family_name,
            f.given_name,
            f.name_order,
            f.name_zh,
            f.honorific,
            f.title,
            f.title_zh,
            f.organisation,
            f.email,
            f.phone,
            f.notes,
        )
        f.family_name.textChanged.connect(self._update_heading)
        f.given_name.textChanged.connect(self._update_heading)
        f.name_order.currentIndexChanged.connect(self._update_heading)
        f.meetings.meetingActivated.connect(self.openMeeting)

    def _blank(self) -> Person:
        return Person(family_name="")

    def _get(self, record_id: int) -> Person:
        return self._store.get_person(record_id)

    def _write(self, person: Person) -> None:
        self._person = person
        f = self.form
        f.family_name.setText(person.family_name)
        f.given_name.setText(person.given_name)
        set_combo_data(f.name_order, person.name_order)
        f.name_zh.setText(person.name_zh)
        f.honorific.setText(person.honorific)
        f.title.setText(person.title)
        f.title_zh.setText(person.title_zh)
        f.organisation.set_organisation_id(person.organisation_id)
        f.email.setText(person.email)
        f.phone.setText(person.phone)
        f.notes.setPlainText(person.notes)
        self._update_heading()

    def _read(self) -> tuple[Person, list[Problem]]:
        f = self.form
        problems = []
        if f.organisation.text_names_nothing():
            problems.append(
                Problem("person", "organisation", "is not a known organisation; pick one")
            )
        person = Person(
            family_name=f.family_name.text().strip(),
            given_name=f.given_name.text().strip(),
            name_order=NameOrder(f.name_order.currentData() or NameOrder.FAMILY_FIRST),
            name_zh=f.name_zh.text().strip(),
            honorific=f.honorific.text().strip(),
            title=f.title.text().strip(),
            title_zh=f.title_zh.text().strip(),
            organisation_id=f.organisation.organisation_id(),
            email=f.email.text().strip(),
            phone=f.phone.text().strip(),
            notes=f.notes.toPlainText().strip(),
            id=self._person.id,
            uid=self._person.uid,
        )
        return person, problems

    def _validate(self, person: Person) -> list[Problem]:
        return validate_person(person)

    def _store_save(self, person: Person) -> Person:
        return self._store.save_person(person)

    def _after_load(self, record_id: int | None) -> None:
        self.form.meetings.show_party(self._store.meetings_of_person, record_id)

    def _update_heading(self) -> None:
        f = self.form
        person = Person(
            family_name=f.family_name.text(),
            given_name=f.given_name.text(),
            name_order=NameOrder(f.name_order.currentData() or NameOrder.FAMILY_FIRST),
        )
        self.form.heading.setText(person.display_name or "New person")
