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

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

from eventdesk.store import EventStore, same_name
from eventdesk.ui import marking
from eventdesk.ui.meeting_editor.labels import Labels

ID_ROLE = Qt.ItemDataRole.UserRole + 1
LIMIT = 20
#: How long after a record is created in place focus returned to its finder goes on (ms).
HAND_ON_MS = 1000
#: The popup row that creates what was typed (see ``create_in_place``).
CREATE = -1
#: The widest a popup grows to show its longest row whole (pixels), and what it adds to the
#: text's width for the row's margins and the scroll bar.
POPUP_MOST = 720
POPUP_MARGIN = 40


@dataclass(frozen=True)
class Candidate:
    id: int
    label: str
    detail: str = ""
    #: every name it goes by (English, Chinese, short): typing one of them is "the same"
    names: tuple[str, ...] = ()

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
                Candidate(
                    r.id,
                    r.name,
                    ", ".join(x for x in (r.title, r.organisation) if x),
                    (r.name, r.name_zh),
                )
                for r in store.people.list(text, limit=LIMIT)
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
            Candidate(
                r.id, r.name or r.name_zh, r.short_name or r.city, (r.name, r.name_zh, r.short_name)
            )
            for r in store.organisations.list(text, limit=LIMIT)
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
        self._typed = ""  # what the candidates were found for
        self.keep_text = False  # a picker shows the chosen name; an adder clears
        #: ``creator(text, done)`` makes a record of the typed text (None: no "Create …")
        self.creator: Callable[[str, Callable[[int], None]], None] | None = None
        self.settled_text: str | None = None  # Enter on this text picks nothing new
        #: after a record is created here: the next field (a picker) or back here (an adder)
        self.next_after_create = False
        self._handled_enter = False
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
        typed = (self.text() if text is None else text).strip()
        self._typed = typed
        found = self._source(typed)
        # a record of exactly that name (case, spaces, script aside) is offered first
        self._candidates = sorted(found, key=lambda c: not same_name(typed, c.names or (c.label,)))
        self._model.clear()
        for c in self._candidates:
            item = QStandardItem(c.text)
            item.setData(c.id, ID_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
        offer_create = self.creator is not None and typed and typed != self.settled_text
        if offer_create and not self.same_named():
            item = QStandardItem(f"Create “{typed}”…")
            item.setData(CREATE, ID_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
        if self._model.rowCount() and self.hasFocus():
            self._completer.complete(self._popup_rect())
        else:
            self._completer.popup().hide()

    def _popup_rect(self) -> QRect:
        """Under the field, as wide as its longest row (a name with its title, organisation and
        meetings: cut at the field's width, two could not be told apart), up to
        :data:`POPUP_MOST`."""
        metrics = self._completer.popup().fontMetrics()
        rows = (self._model.item(r).text() for r in range(self._model.rowCount()))
        widest = max(metrics.horizontalAdvance(text) for text in rows) + POPUP_MARGIN
        return QRect(0, 0, max(self.width(), min(widest, POPUP_MOST)), self.height())

    def same_named(self) -> list[Candidate]:
        """The candidates whose name is what was typed, case, spaces and script aside."""
        return [c for c in self._candidates if same_name(self._typed, c.names or (c.label,))]

    def choose(self, record_id: int) -> None:
        """Pick a record as if it were chosen in the popup."""
        self._completer.popup().hide()
        self._candidates = []
        self._model.clear()
        if not self.keep_text:
            self.clear()
        self.chosen.emit(record_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter that picked or created is used up here.

        Otherwise the popup's completer would pick the highlighted row a second
        time (a second New-organisation form opened under the first, and its
        Create made the organisation twice), and a dialog around the finder
        would take the same Enter for its default button.
        """
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        self._handled_enter = False
        super().keyPressEvent(event)  # returnPressed: _choose_first
        if self._handled_enter:
            event.accept()

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
        """A record was created in place: pick it and carry on with the keyboard.

        A picker of one record goes on to the next field; an adder stays, for
        the next co-host or party. Focus is given once the window is active
        again (the closing dialog hands activation back late), so keys typed
        next never land in another field.
        """
        self.choose(record_id)
        window = self.window()
        window.activateWindow()
        target: QWidget = self
        focused = QApplication.focusWidget()
        if focused is not None and focused is not self and window.isAncestorOf(focused):
            target = focused  # choosing moved the keyboard on already (a party's role)
        elif self.next_after_create:
            target = _next_field(self)
        target.setFocus(Qt.FocusReason.TabFocusReason)
        if target is not self:
            # closing the dialog hands the keyboard back to the finder that opened it, and the
            # window manager activates the window late: either may happen after this
            _HandOn(self, target)

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
        self._handled_enter = True
        if popup.isVisible() and popup.currentIndex().isValid():
            self._activated(popup.currentIndex())  # the highlighted one, as the popup would
            return
        if not self._candidates and self.text().strip():
            self.refresh()
        if self._candidates:
            self.choose(self._candidates[0].id)
        elif not self.create():  # a name nobody has: offer to create it, never drop it
            self._handled_enter = False


def _next_field(widget: QWidget) -> QWidget:
    """The field Tab goes to from ``widget`` (itself if there is none)."""
    field = widget.nextInFocusChain()
    while field is not widget:
        tabbable = field.focusPolicy() & Qt.FocusPolicy.TabFocus
        if tabbable and field.isVisible() and field.isEnabled() and field.focusProxy() is None:
            return field
        field = field.nextInFocusChain()
    return widget


class _HandOn(QObject):
    """For a moment after a record is created, focus given back to the finder goes on.

    Keys typed right after the dialog closed must reach the field the clerk
    expects, whenever the window's activation arrives. Once the clerk types in
    that field, or clicks or tabs into the finder, the keyboard is where they
    want it: a late activation then must not move it (keys typed right after
    clicking "Add organisation…" went into the role before it).
    """

    def __init__(self, finder: Finder, target: QWidget):
        super().__init__(finder)
        self._finder = finder
        self._target = target
        finder.installEventFilter(self)
        target.installEventFilter(self)
        QTimer.singleShot(HAND_ON_MS, self, self._done)  # dropped if done before

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._target:
            if event.type() == QEvent.Type.KeyPress:
                self._done()  # the clerk is typing where they were handed: done
            return False
        if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            if event.reason() in _CLERKS_CHOICE:
                self._done()
            elif event.reason() in _HANDED_BACK and self._target.isVisible():
                QTimer.singleShot(0, self, self._hand_on)
        return False

    def _hand_on(self) -> None:
        if self._finder.hasFocus() and self._target.isVisible():
            self._target.setFocus(Qt.FocusReason.TabFocusReason)

    def _done(self) -> None:
        for watched in (self._finder, self._target):
            watched.removeEventFilter(self)
        self._target = self._finder  # a hand-on queued before the deletion stays put
        self.deleteLater()


#: focus handed back by the closing dialog or the window's activation
_HANDED_BACK = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.OtherFocusReason)
#: focus the clerk moved: the hand-on is over
_CLERKS_CHOICE = (
    Qt.FocusReason.MouseFocusReason,
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


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
        self.finder.next_after_create = True
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
        self.finder.setCursorPosition(0)  # a long name shows its start

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
