"""Find-as-you-type fields for people and organisations.

Offices meet the same people and organisations again and again, so a name is
picked, never retyped: typing asks the store for the first twenty matches and
shows them in a popup; Enter or a click picks one. ``Finder`` adds what is
picked (to a list), ``RecordPicker`` holds one chosen record (a chair, an
owner, an institution).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from eventdesk.store import EventStore
from eventdesk.ui import marking
from eventdesk.ui.meeting_editor.labels import Labels

ID_ROLE = Qt.ItemDataRole.UserRole + 1
LIMIT = 20
#: The popup row that creates what was typed (see ``create_in_place``).
CREATE = -1


@dataclass(frozen=True)
class Candidate:
    id: int
    label: str
    detail: str = ""

    @property
    def text(self) -> str:
        return f"{self.label} — {self.detail}" if self.detail else self.label


Source = Callable[[str], list[Candidate]]


def people_source(
    store: EventStore, labels: Labels, preferred: Callable[[], list[int]] | None = None
) -> Source:
    """People matching the text; ``preferred`` ones (the meeting's attendees) first."""

    def find(text: str) -> list[Candidate]:
        found: list[Candidate] = []
        needle = text.strip().casefold()
        for pid in preferred() if preferred else []:
            name = labels.person(pid)
            if not needle or needle in name.casefold():
                found.append(Candidate(pid, name, "attendee"))
        seen = {c.id for c in found}
        if needle:
            more = [
                Candidate(r.id, r.name, ", ".join(x for x in (r.title, r.organisation) if x))
                for r in store.list_people(text, limit=LIMIT)
                if r.id not in seen
            ]
            # "d" finds Ding and every Director: people whose name matches come first
            more.sort(key=lambda c: not _name_matches(c.label, needle))
            found += more
        return found[:LIMIT]

    find.kind = "person"  # type: ignore[attr-defined]  # which "Create …" it offers
    return find


def _name_matches(name: str, needle: str) -> bool:
    parts = name.casefold().split()
    return all(any(p.startswith(word) for p in parts) for word in needle.split())


def organisation_source(store: EventStore) -> Source:
    def find(text: str) -> list[Candidate]:
        if not text.strip():
            return []
        return [
            Candidate(r.id, r.name or r.name_zh, r.short_name or r.city)
            for r in store.list_organisations(text, limit=LIMIT)
        ]

    find.kind = "organisation"  # type: ignore[attr-defined]
    return find


class Finder(QLineEdit):
    """A line edit whose popup lists matching records; ``chosen(id)`` when one is picked."""

    chosen = Signal(int)

    def __init__(self, source: Source, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._source = source
        self._candidates: list[Candidate] = []
        self.keep_text = False  # a picker shows the chosen name; an adder clears
        #: ``creator(text, done)`` makes a record of the typed text (None: no "Create …")
        self.creator: Callable[[str, Callable[[int], None]], None] | None = None
        self.settled_text: str | None = None  # Enter on this text picks nothing new
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        self._completer.setWidget(self)
        self._completer.activated[QModelIndex].connect(self._activated)
        self.textEdited.connect(self.refresh)
        self.returnPressed.connect(self._choose_first)

    def kind(self) -> str | None:
        """ "person" or "organisation": what this finder finds (and may create)."""
        return getattr(self._source, "kind", None)

    def candidates(self) -> list[Candidate]:
        return list(self._candidates)

    def popup(self):
        return self._completer.popup()

    def refresh(self, text: str | None = None) -> None:
        """Ask the source again for what is typed and show the popup if anything matches."""
        self._candidates = self._source(self.text() if text is None else text)
        self._model.clear()
        for c in self._candidates:
            item = QStandardItem(c.text)
            item.setData(c.id, ID_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
        typed = (self.text() if text is None else text).strip()
        if self.creator is not None and typed and typed != self.settled_text:
            exact = any(c.label.casefold() == typed.casefold() for c in self._candidates)
            if not exact:
                item = QStandardItem(f"Create “{typed}”…")
                item.setData(CREATE, ID_ROLE)
                item.setEditable(False)
                self._model.appendRow(item)
        if self._model.rowCount() and self.hasFocus():
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def choose(self, record_id: int) -> None:
        """Pick a record as if it were chosen in the popup."""
        self._completer.popup().hide()
        self._candidates = []
        self._model.clear()
        if not self.keep_text:
            self.clear()
        self.chosen.emit(record_id)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the field (a click on a button) closes its popup, as leaving a menu does."""
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._completer.popup().hide()

    def create(self) -> bool:
        """Offer to create a record of the typed text; False if this finder cannot."""
        typed = self.text().strip()
        if self.creator is None or not typed:
            return False
        self._completer.popup().hide()
        self.creator(typed, self._created)
        return True

    def _created(self, record_id: int) -> None:
        """A record was created in place: pick it and carry on from this field."""
        self.choose(record_id)
        self.window().activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _activated(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id == CREATE:
            self.create()
        elif record_id is not None:
            self.choose(int(record_id))

    def _choose_first(self) -> None:
        if self.settled_text is not None and self.text() == self.settled_text:
            return
        popup = self._completer.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            self._activated(popup.currentIndex())  # the highlighted one, as the popup would
            return
        if not self._candidates and self.text().strip():
            self.refresh()
        if self._candidates:
            self.choose(self._candidates[0].id)
        else:
            self.create()  # a name nobody has: offer to create it, never drop it


class RecordPicker(QWidget):
    """One chosen person or organisation, found by typing; cleared with the × button."""

    valueChanged = Signal(object)

    def __init__(
        self,
        source: Source,
        label_of: Callable[[int | None], str],
        placeholder: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._label_of = label_of
        self._value: int | None = None
        self.finder = Finder(source, placeholder, self)
        self.finder.keep_text = True
        self.finder.setClearButtonEnabled(False)
        self._clear = QToolButton(self)
        self._clear.setText("×")
        self._clear.setToolTip("Clear")
        self._clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.finder, 1)
        layout.addWidget(self._clear)
        self.setFocusProxy(self.finder)
        self.marked_widget = self.finder
        self.finder.chosen.connect(self._picked)
        self.finder.editingFinished.connect(self._finished)
        self._clear.clicked.connect(lambda: self._picked(None))

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        """Show a value without reporting it as an edit."""
        self._value = value
        marking.clear(self.finder)
        self.finder.settled_text = self._label_of(value)
        self.finder.setText(self.finder.settled_text)

    def _picked(self, value: int | None) -> None:
        changed = value != self._value
        self.set_value(value)
        if changed:
            self.valueChanged.emit(value)

    def pending_text(self) -> str:
        """Text typed that names no record yet (not picked, not created): never drop it."""
        text = self.finder.text().strip()
        return "" if not text or text == self._label_of(self._value) else text

    def _finished(self) -> None:
        if self.finder.popup().isVisible():
            return
        if not self.finder.text().strip():
            self._picked(None)
        elif self.pending_text() and self.finder.creator is not None:
            # kept as typed and marked, so the clerk can press Enter to create it
            message = f"“{self.pending_text()}” is not recorded: press Enter to create it"
            marking.mark(self.finder, message)
        elif self.finder.text() != self._label_of(self._value):
            self.finder.setText(self._label_of(self._value))
