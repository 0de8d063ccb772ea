"""Creating a person or an organisation from the picker that could not find it.

A clerk typing a visitor's university into "Organisation then", the hosts or
a decision's parties must not have to leave the meeting, create it under
Organisations and come back. Every finder offers "Create …" for a name it does
not know; choosing it opens a small window with the fields that matter,
prefilled with what was typed, saves the record through the store and hands
its id back to the finder, which carries on as if it had been found.

The windows are opened with ``open()`` (never ``exec()``), so the program
and its tests keep running while one is on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from eventdesk.records import Organisation, OrganisationKind, Person, ValidationError
from eventdesk.records.organisation_kinds import guess_kind
from eventdesk.store import EventStore, OrganisationRow, StoreError
from eventdesk.ui import marking
from eventdesk.ui.meeting_editor import bilingual

#: Called with the new record's id once it is saved.
Done = Callable[[int], None]
#: A finder's way to create what was typed: (text, done).
Creator = Callable[[str, Done], None]


class NewOrganisationDialog(QDialog):
    """English and Chinese name, short name, kind, parent and city of a new organisation."""

    created = Signal(object)  # the saved Organisation

    def __init__(self, store: EventStore, typed: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        from eventdesk.ui.meeting_editor.finder import RecordPicker, organisation_source

        self.setWindowTitle("New organisation")
        self._store = store
        self.name = bilingual.line("English name, e.g. University of Hamburg")
        self.name_zh = bilingual.line("中文名称")
        self.short_name = bilingual.line("Short name, e.g. UHH")
        self.kind = QComboBox()
        for kind in OrganisationKind:
            self.kind.addItem(kind.label, kind.value)
        self.parent_picker = RecordPicker(
            organisation_source(store),
            lambda oid: store.organisations.get(oid).label if oid is not None else "",
            "For a department: the university it belongs to",
        )
        self.city = bilingual.line("City or region")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {marking.PROBLEM_COLOUR};")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText("&Create")
        self.create_button.setDefault(True)  # Enter in any field creates
        self.use_button = self.buttons.addButton("&Use it", QDialogButtonBox.ButtonRole.ActionRole)
        self.use_button.hide()
        self._recorded: OrganisationRow | None = None  # the one of that name, once offered
        self._offered_for: tuple[str, ...] = ()
        form = QFormLayout()
        form.addRow("&Name", bilingual.pair(self.name, self.name_zh))
        form.addRow("&Short name", self.short_name)
        form.addRow("&Kind", self.kind)
        form.addRow("&Part of", self.parent_picker)
        form.addRow("C&ity", self.city)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.use_button.clicked.connect(self.use_recorded)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        _prefill(typed, self.name, self.name_zh)
        self._kind_chosen = False  # once the clerk picks a kind, the name no longer proposes one
        self.kind.activated.connect(lambda _index: setattr(self, "_kind_chosen", True))
        for edit in (self.name, self.name_zh):
            edit.textChanged.connect(self._propose_kind)
        self._propose_kind()
        self.name.setFocus()

    def _propose_kind(self) -> None:
        """ "HKSAR Government" is a government body, not the list's first kind (University)."""
        kind = guess_kind(self.name.text(), self.name_zh.text())
        if kind is not None and not self._kind_chosen:
            self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def organisation(self) -> Organisation:
        return Organisation(
            name=self.name.text().strip(),
            name_zh=self.name_zh.text().strip(),
            short_name=self.short_name.text().strip(),
            kind=OrganisationKind(self.kind.currentData()),
            parent_id=self.parent_picker.value(),
            city=self.city.text().strip(),
        )

    def create(self) -> Organisation | None:
        """Save it; on a problem say so in words and stay open.

        An organisation of the same name already recorded is offered first
        (Enter then takes it); Create again makes another of that name.
        """
        org = self.organisation()
        names = (org.name, org.name_zh, org.short_name)
        if names != self._offered_for:  # not yet asked for these names
            same = self._store.organisations.named(org) if org.name or org.name_zh else []
            if same:
                self._offered_for = names
                self._offer(same[0])
                return None
        try:
            saved = self._store.organisations.save(org)
        except ValidationError as exc:
            self._say("; ".join(f"{p.field.replace('_', ' ')} {p.message}" for p in exc.problems))
            marking.mark(self.name, self.message.text())
            return None
        except StoreError as exc:
            self._say(f"Not created: {exc}")
            return None
        self.created.emit(saved)
        self.accept()
        return saved

    def use_recorded(self) -> Organisation | None:
        """Take the organisation of that name already recorded, as if it had been found."""
        if self._recorded is None:
            return None
        org = self._store.organisations.get(self._recorded.id)
        self.created.emit(org)
        self.accept()
        return org

    def _offer(self, row: OrganisationRow) -> None:
        self._recorded = row
        label = " · ".join(x for x in (row.name, row.name_zh, row.short_name) if x)
        self._say(
            f"“{label}” is already recorded. Enter uses it; press Create (Alt+C) "
            "to record another of that name."
        )
        self.use_button.setText(f"&Use “{row.name or row.name_zh}”")
        self.use_button.setToolTip(label)
        self.use_button.show()
        self.create_button.setDefault(False)
        self.use_button.setDefault(True)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class NewPersonDialog(QDialog):
    """The attendees tab's New-person form, in a window, for the other person pickers."""

    created = Signal(object)  # the saved Person

    def __init__(self, store: EventStore, labels, typed: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        from eventdesk.ui.meeting_editor.new_person import NewPersonPanel

        self.setWindowTitle("New person")
        self.panel = NewPersonPanel(store, labels, self)
        self.panel.create_button.setText("&Create")
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.panel.created.connect(self._created)
        self.panel.cancelled.connect(self.reject)
        install_creators(self.panel, store, labels)
        self.panel.start(typed)

    def _created(self, person: Person) -> None:
        self.created.emit(person)
        self.accept()


def organisation_creator(store: EventStore, parent: QWidget) -> Creator:
    """A finder's "Create …" for organisations: the dialog, then ``done(new id)``."""
    return _one_at_a_time(lambda typed: NewOrganisationDialog(store, typed, parent.window()))


def person_creator(store: EventStore, labels, parent: QWidget) -> Creator:
    """A finder's "Create …" for people: the New-person form in a window."""
    return _one_at_a_time(lambda typed: NewPersonDialog(store, labels, typed, parent.window()))


def _one_at_a_time(make: Callable[[str], QDialog]) -> Creator:
    """Open the form; while one from this finder is open, bring it forward instead.

    A second form under the first, with only the name in it, looked as if the
    typing had been lost, and its Create made the record twice.
    """
    opened: list[QDialog] = []

    def create(typed: str, done: Done) -> None:
        if opened:
            opened[0].raise_()
            opened[0].activateWindow()
            return
        dialog = make(typed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(lambda record: done(record.id))
        dialog.finished.connect(lambda _result: opened.clear())
        opened.append(dialog)
        dialog.open()

    return create


def _prefill(typed: str, latin, chinese) -> None:
    """Typed Chinese goes to the Chinese field, anything else to the English one."""
    typed = typed.strip()
    if typed and all(_is_cjk(ch) or ch.isspace() for ch in typed):
        chinese.setText(typed)
    else:
        latin.setText(typed)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def install_creators(root: QWidget, store: EventStore, labels) -> None:
    """Give every finder under ``root`` that has none its "Create …" (people or organisations)."""
    from eventdesk.ui.meeting_editor.finder import Finder

    if store.read_only:
        return  # nothing can be created in a database open read-only
    for finder in root.findChildren(Finder):
        if finder.creator is not None:
            continue
        if finder.kind() == "organisation":
            finder.creator = organisation_creator(store, finder)
        elif finder.kind() == "person" and labels is not None:
            finder.creator = person_creator(store, labels, finder)
