"""Choosing an organisation by typing part of its name.

An editable combo box whose list is refilled from the store's full-text
search as the user types, so it stays fast with thousands of organisations.
The chosen organisation's id is the item data; free text that matches no
organisation means "none".
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QSizePolicy, QWidget

from eventdesk.store import EventStore

MATCHES_SHOWN = 50


class OrganisationPicker(QComboBox):
    organisationChanged = Signal()

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._loading = False
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Long names ("East China University of Political Science and Law") must not
        # widen the form: the box is as wide as the form makes it, the popup shows all.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.lineEdit().setPlaceholderText("Type to find an organisation")
        self.lineEdit().setClearButtonEnabled(True)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._refill_if_shown)
        self.lineEdit().textEdited.connect(lambda _text: self._timer.start())
        self.currentIndexChanged.connect(self._emit_changed)
        self.lineEdit().textEdited.connect(lambda _text: self._emit_changed())
        self._filled = False  # filled when first shown: a window has several, most hidden

    def organisation_id(self) -> int | None:
        """The chosen organisation, or None when the text names none."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index < 0:
            return None
        return self.itemData(index)

    def set_organisation_id(self, org_id: int | None) -> None:
        self._loading = True
        try:
            if org_id is None:
                self.setCurrentIndex(-1)
                self.setEditText("")
                return
            org = self._store.organisations.get(org_id)
            index = self.findData(org_id)
            if index < 0:
                self.addItem(_item_text(org.name, org.name_zh, org.short_name), org_id)
                index = self.count() - 1
            self.setCurrentIndex(index)
            self.lineEdit().setCursorPosition(0)  # show the name's start, not its end
        finally:
            self._loading = False

    def text_names_nothing(self) -> bool:
        """True when the user typed text that is no organisation (a mistake to point out)."""
        return bool(self.currentText().strip()) and self.organisation_id() is None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._filled:
            self._refill()

    def _refill_if_shown(self) -> None:
        """The typing pause is over; a picker no longer on screen has nothing to refill."""
        if self.isVisible():
            self._refill()

    def _refill(self) -> None:
        self._filled = True
        text = self.currentText()
        chosen = self.organisation_id()
        rows = self._store.organisations.list(text if chosen is None else "", limit=MATCHES_SHOWN)
        with QSignalBlocker(self):
            self.clear()
            for row in rows:
                self.addItem(_item_text(row.name, row.name_zh, row.short_name), row.id)
            if chosen is not None and self.findData(chosen) < 0:
                self.addItem(text, chosen)  # the choice stays, even beyond the first matches
            self.setCurrentIndex(self.findData(chosen) if chosen is not None else -1)
            self.setEditText(text)
            self.lineEdit().setCursorPosition(0)

    def _emit_changed(self) -> None:
        if not self._loading:
            self.organisationChanged.emit()


def _item_text(name: str, name_zh: str, short_name: str) -> str:
    text = name or name_zh
    return f"{text} ({short_name})" if short_name and short_name != text else text
