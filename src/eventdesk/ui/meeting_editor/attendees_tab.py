"""Who attended, in order of precedence, with what they were at that meeting.

Adding an attendee finds existing people as you type (or creates one in
place). The person's current title and organisation are copied into the
attendance as a proposal; from then on they belong to this meeting only, so
editing them never touches the person or their other meetings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from eventdesk.records import Attendance, AttendanceRole, Person, Side
from eventdesk.store import EventStore, Proposal
from eventdesk.ui.editable import adds, reads
from eventdesk.ui.meeting_editor.chinese_proposals import Proposer, part_alone, proposal
from eventdesk.ui.meeting_editor.finder import Finder, organisation_source, people_source
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.list_tab import ListTab, chain_tab_order
from eventdesk.ui.meeting_editor.models import AttendeesModel
from eventdesk.ui.meeting_editor.new_person import NewPersonPanel
from eventdesk.ui.meeting_editor.part_views import AttendanceForm
from eventdesk.ui.meeting_editor.sides import proposed_side


class AttendeesTab(ListTab):
    RECORD = "attendee"
    NOUN = "attendee"

    #: "Import list…": the window saves or asks about edits first, then runs the import.
    importRequested = Signal()

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        self._store = store
        self._labels = labels
        self._organisation_shown: int | None = None
        fields = AttendanceForm(organisation_source(store), labels.organisation)
        super().__init__(AttendeesModel(labels), fields, parent)
        self.finder = adds(Finder(people_source(store, labels), "Add attendee: type a name…", self))
        self.finder.setMinimumWidth(180)
        self.new_person_button = QPushButton("New person…", self)
        self.new_person_button.setAutoDefault(False)
        self.import_button = QPushButton("Import…", self)
        self.import_button.setToolTip("Add attendees from a partner's XLSX or CSV list")
        self.import_button.setAutoDefault(False)
        self.export_button = QPushButton("Export…", self)
        self.export_button.setToolTip("Save this list of attendees as XLSX or CSV")
        self.export_button.setAutoDefault(False)
        reads(self.export_button)  # a list exported from a database that refuses writes too
        self.hint = QLabel(self)
        self.toolbar.insertWidget(0, self.finder, 2)
        self.toolbar.insertWidget(1, self.new_person_button)
        self.toolbar.insertWidget(2, self.import_button)
        self.toolbar.insertWidget(3, self.export_button)
        self.toolbar.addWidget(self.hint)
        self.import_button.clicked.connect(self.importRequested)
        self.export_button.clicked.connect(lambda: self.export_list())
        self.add_button.hide()
        self.new_person = NewPersonPanel(store, labels, self)
        self.new_person.hide()
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(1, self.new_person)
        self.finder.chosen.connect(self.add_person)
        self.new_person_button.clicked.connect(lambda: self._new_person())
        self.new_person.created.connect(self._created)
        self.new_person.cancelled.connect(self.finder.setFocus)
        p = self.new_person
        chain_tab_order(
            self.finder,
            self.new_person_button,
            p.family_name,
            p.given_name,
            p.name_order,
            p.name_zh,
            p.title_edit,
            p.title_zh,
            p.organisation.finder,
            p.create_button,
            p.cancel_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.view,
            *self.form.widgets(),
        )

    def bind(self, v: AttendanceForm) -> None:
        f = self.form
        self.person_label = v.person_label
        f.custom(
            "person_id",
            v.person_label,
            lambda: self.current().person_id,
            lambda pid: v.person_label.set_parts(self._person_text(pid)),
            None,  # never edited here: the person is who was added
            "person",
        )
        self.title = self.first_field = f.text("title", v.title)
        self.title_zh = f.text("title_zh", v.title_zh)
        self.organisation = v.organisation
        f.value("organisation_id", v.organisation, v.organisation.valueChanged, "organisation")
        self.capacity = f.text("capacity", v.capacity)
        self.capacity_zh = f.text("capacity_zh", v.capacity_zh)
        self.proposers = [
            Proposer(self.title_zh, lambda: self._proposal("title_zh")),
            Proposer(self.capacity_zh, lambda: self._proposal("capacity_zh")),
        ]
        self.role = f.enum("role", v.role, AttendanceRole)
        self.side = f.enum("side", v.side, Side)

    def _proposal(self, attribute: str) -> Proposal | None:
        """The Chinese form the records propose for the attendee shown (title or capacity)."""
        attendance = self.current()
        alone = part_alone(self.meeting(), attendees=[attendance]) if attendance else None
        return proposal(self._store, alone, ("attendance", 0, attribute)) if alone else None

    def _show_current(self) -> None:
        super()._show_current()
        shown = self.current()
        self._organisation_shown = shown.organisation_id if shown else None

    def field_edited(self, name: str) -> None:
        """A new "Organisation then" proposes the side again, unless the side was set by hand.

        The clerk who corrects a guest's organisation from ours to the partner's
        should not have to remember to move them out of our delegation too.
        """
        attendance = self.current()
        if name != "organisation_id" or attendance is None:
            return
        ours = self._store.organisations.ours()
        before = proposed_side(ours, self._organisation_shown, self._labels.parent_of)
        after = proposed_side(ours, attendance.organisation_id, self._labels.parent_of)
        self._organisation_shown = attendance.organisation_id
        by_hand = before is not None and attendance.side is not before
        if after is not None and attendance.side is not after and not by_hand:
            self.side.setCurrentIndex(self.side.findData(after.value))  # as a click would

    def new_record(self) -> Attendance:  # pragma: no cover - attendees are added by person
        raise NotImplementedError

    def export_list(self, path: Path | None = None) -> Path | None:
        """The attendees as shown (columns and order) to XLSX or CSV."""
        from eventdesk.ui.table_export import export_model

        return export_model(self.model, self, path, view=self.view, title="Export attendees")

    def add_record(self) -> None:
        """Adding starts with finding the person."""
        self.finder.setFocus()

    def add_person(self, person_id: int) -> Attendance | None:
        """Add a person, proposing their current title and organisation for this meeting."""
        for row, existing in enumerate(self.rows()):
            if existing.person_id == person_id:
                self.select(row)
                self.hint.setText(f"{self._labels.person(person_id)} is already listed.")
                return None
        person = self._labels.person_record(person_id)
        if person is None:
            return None
        previous = self.rows()[-1] if self.rows() else None
        side = proposed_side(
            self._store.organisations.ours(),
            person.organisation_id,
            self._labels.parent_of,
        ) or (previous.side if previous else Side.OURS)
        attendance = Attendance(
            person_id=person_id,
            title=person.title,
            title_zh=person.title_zh,
            organisation_id=person.organisation_id,
            side=side,
        )
        self.view.setCurrentIndex(self.model.index(len(self.rows()) - 1, 0))
        self.insert(attendance)
        self.hint.setText("")
        self.finder.setFocus()
        return attendance

    def _new_person(self, typed: str | None = None) -> None:
        """The New-person panel with what was typed in the finder (its popup closed)."""
        self.finder.popup().hide()
        self.new_person.start(self.finder.text() if typed is None else typed)

    def _created(self, person: Person) -> None:
        self.finder.clear()
        assert person.id is not None
        self.add_person(person.id)

    def _person_text(self, person_id: int | None) -> str:
        person = self._labels.person_record(person_id) if person_id is not None else None
        if person is None:
            return ""
        now = ", ".join(
            x for x in (person.title, self._labels.organisation(person.organisation_id)) if x
        )
        extra = f"  ({person.name_zh})" if person.name_zh else ""
        return f"{person.display_name}{extra}" + (f" — now: {now}" if now else "")
