"""Creating a person in place, while adding them as an attendee.

A partner's list always has someone new. Leaving the meeting to create them
elsewhere loses the thread, so a small form opens inside the attendees tab,
saves the person through the store and adds them at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from eventdesk.records import NameOrder, Person, ValidationError, display_name
from eventdesk.records.names import split_typed
from eventdesk.records.pinyin_names import is_chinese_name, propose
from eventdesk.store import EventStore, PersonRow, StoreError
from eventdesk.ui import marking
from eventdesk.ui.meeting_editor import bilingual
from eventdesk.ui.meeting_editor.finder import RecordPicker, organisation_source
from eventdesk.ui.meeting_editor.labels import Labels


class NewPersonPanel(QGroupBox):
    """Family name, given name, order, Chinese name, title and organisation of a new person."""

    created = Signal(object)  # the saved Person
    cancelled = Signal()

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        super().__init__("New person", parent)
        self._store = store
        self._labels = labels
        self.family_name = bilingual.line("Family name, e.g. Chen")
        self.given_name = bilingual.line("Given name, e.g. Qi")
        self.name_order = QComboBox()
        for order in NameOrder:
            self.name_order.addItem(order.label, order.value)
        self.name_zh = bilingual.line("中文姓名")
        self.title_edit = bilingual.line("Current title, e.g. Deputy Director")
        self.title_zh = bilingual.line("中文职务")
        self.organisation = RecordPicker(
            organisation_source(store), labels.organisation, "Type to find the organisation"
        )
        self.preview = QLabel()
        self.preview.setWordWrap(True)  # a long name, or the one already recorded, wraps
        self.create_button = QPushButton("Create and add")
        self.use_button = QPushButton("Use the one recorded")
        self.use_button.hide()
        self.cancel_button = QPushButton("Cancel")
        self._recorded: PersonRow | None = None  # a person of that name, once offered
        self._offered_for: tuple[str, ...] = ()
        for button in (self.create_button, self.use_button, self.cancel_button):
            button.setAutoDefault(False)

        layout = QFormLayout(self)
        names = QHBoxLayout()
        names.addWidget(self.family_name, 2)
        names.addWidget(self.given_name, 2)
        names.addWidget(self.name_order, 1)
        names.addWidget(self.name_zh, 1)
        layout.addRow("Name", names)
        layout.addRow("Title", bilingual.pair(self.title_edit, self.title_zh))
        layout.addRow("Organisation", self.organisation)
        layout.addRow(self.preview)  # its own line: a long name wraps there, never cut
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.cancel_button)
        layout.addRow(buttons)

        self._proposed: tuple[str, str] | None = None
        for edit in (self.family_name, self.given_name):
            edit.textChanged.connect(self._update_preview)
        self.name_zh.textEdited.connect(self._propose_pinyin)
        self.name_order.currentIndexChanged.connect(self._update_preview)
        self.create_button.clicked.connect(self.create)
        self.use_button.clicked.connect(self.use_recorded)
        self.cancel_button.clicked.connect(self.cancel)

    def start(self, typed: str = "") -> None:
        """Open with the typed text split into family and given name."""
        for edit in (self.family_name, self.given_name, self.name_zh, self.title_edit):
            edit.clear()
        self.title_zh.clear()
        self.organisation.set_value(None)
        self.name_order.setCurrentIndex(0)
        self._proposed = None
        self._withdraw_offer()
        marking.clear(self.family_name)
        self.preview.setText("")
        if is_chinese_name(typed):  # 丁晓东 typed in the finder: the Chinese name, and its pinyin
            self.name_zh.setText(typed.strip())
            self._propose_pinyin()
        else:  # "Alexander WAI": the capitals mark the family name, wherever it stands
            family, given, order = split_typed(typed)
            self.family_name.setText(family)
            self.given_name.setText(given)
            self.name_order.setCurrentIndex(self.name_order.findData(order.value))
        self.show()
        # a name split in full is shown split ("Prints as: …") and seldom wrong: the
        # keyboard goes on to the title, the next field the clerk must type
        split = self.family_name.text() and self.given_name.text()
        (self.title_edit if split else self.family_name).setFocus()

    def person(self) -> Person:
        return Person(
            family_name=self.family_name.text().strip(),
            given_name=self.given_name.text().strip(),
            name_order=NameOrder(self.name_order.currentData()),
            name_zh=self.name_zh.text().strip(),
            title=self.title_edit.text().strip(),
            title_zh=self.title_zh.text().strip(),
            organisation_id=self.organisation.value(),
        )

    def create(self) -> Person | None:
        """Save the person through the store; on a problem mark the field and stay open.

        An organisation typed but not picked is never dropped: one of that exact name
        is taken; otherwise it is offered for creation first, and the person after it.
        """
        if not self._resolve_organisation():
            return None
        person = self.person()
        names = (person.family_name, person.given_name, person.name_zh)
        if names != self._offered_for and person.family_name:  # not yet asked for these names
            same = self._store.people.named(person)
            if same:
                self._offered_for = names
                self._offer(same[0])
                return None
        try:
            saved = self._store.people.save(person)
        except ValidationError as exc:
            for problem in exc.problems:
                widget = {"family_name": self.family_name}.get(problem.field, self.family_name)
                marking.mark(widget, f"{problem.field}: {problem.message}")
            return None
        except StoreError as exc:  # a read-only or failing database: say so, keep the form
            self.preview.setText(_escape(f"Not created: {exc}"))
            return None
        marking.clear(self.family_name)
        self._labels.remember_person(saved)
        self.hide()
        self.created.emit(saved)
        return saved

    def use_recorded(self) -> Person | None:
        """Take the person of that name already recorded instead of a second one."""
        if self._recorded is None:
            return None
        person = self._store.people.get(self._recorded.id)
        self._labels.remember_person(person)
        self.hide()
        self.created.emit(person)
        return person

    def _offer(self, row: PersonRow) -> None:
        """Say who of that name is recorded; Enter now takes them, Create makes another."""
        self._recorded = row
        about = ", ".join(x for x in (row.name_zh, row.title, row.organisation) if x)
        self.preview.setText(
            _escape(f"{row.name}{f' ({about})' if about else ''} is already recorded: ")
            + "<b>Enter</b> uses them; <i>Create</i> records another of that name."
        )
        self.use_button.setToolTip(f"Add {row.name}, already recorded, instead of a new person")
        self.use_button.show()

    def _withdraw_offer(self) -> None:
        self._recorded = None
        self._offered_for = ()
        self.use_button.hide()

    def cancel(self) -> None:
        self.hide()
        self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses "Create and add" (as a dialog's default button); Escape cancels."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # in the organisation field Enter first picks or creates; then it creates the person
            if self.focusWidget() is not self.organisation.finder or not (
                self.organisation.pending_text()
            ):
                offered = self._recorded is not None and self.use_button.isVisible()
                if offered and self.focusWidget() is not self.create_button:
                    self.use_recorded()
                else:
                    self.create()
            event.accept()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
        else:
            super().keyPressEvent(event)

    def _resolve_organisation(self) -> bool:
        """True when the organisation field holds a record or nothing; else deal with it."""
        typed = self.organisation.pending_text()
        if not typed:
            return True
        finder = self.organisation.finder
        finder.refresh(typed)
        exact = finder.same_named()
        if len(exact) == 1:
            self.organisation.set_value(exact[0].id)
            return True
        if finder.creator is None:
            marking.mark(finder, f"“{typed}” is not recorded: pick an organisation or clear it")
            self.preview.setText(_escape(f"“{typed}” is no organisation on record."))
            return False

        def created(org_id: int) -> None:
            self.organisation.set_value(org_id)
            self.create()

        self.preview.setText(_escape(f"“{typed}” is new: create it first."))
        finder.creator(typed, created)
        return False

    def _propose_pinyin(self) -> None:
        """丁晓东 → Ding / Xiaodong, family first, unless the clerk typed other names."""
        typed = (self.family_name.text().strip(), self.given_name.text().strip())
        if any(typed) and typed != self._proposed:
            return  # the clerk's own spelling wins
        proposal = propose(self.name_zh.text())
        if proposal is None:
            return
        self._proposed = proposal
        self.family_name.setText(proposal[0])
        self.given_name.setText(proposal[1])
        self.name_order.setCurrentIndex(self.name_order.findData(NameOrder.FAMILY_FIRST.value))

    def _update_preview(self) -> None:
        names = (self.family_name.text().strip(), self.given_name.text().strip())
        if self._recorded is not None and names != self._offered_for[:2]:
            self._withdraw_offer()  # another name now: the offer was for the one before
        name = display_name(
            self.family_name.text(), self.given_name.text(), self.name_order.currentData()
        )
        self.preview.setText(f"Prints as: <b>{_escape(name)}</b>" if name else "")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
