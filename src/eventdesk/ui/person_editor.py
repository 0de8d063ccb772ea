"""Editing one person, and seeing the meetings they took part in."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from eventdesk.records import NameOrder, Person
from eventdesk.store import EventStore
from eventdesk.ui.person_form import PersonForm
from eventdesk.ui.record_editor import RecordEditor


class PersonEditor(RecordEditor):
    KIND = "person"
    RECORD = Person

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(store, PersonForm(store), parent)
        self.form: PersonForm
        f = self.form
        for signal in (f.family_name.textChanged, f.given_name.textChanged):
            signal.connect(self._update_heading)
        f.name_order.currentIndexChanged.connect(self._update_heading)

    def _records(self) -> Any:
        return self._store.people

    def _heading(self) -> str:
        f = self.form
        person = Person(
            family_name=f.family_name.text(),
            given_name=f.given_name.text(),
            name_order=NameOrder(f.name_order.currentData() or NameOrder.FAMILY_FIRST),
        )
        return person.display_name or "New person"
