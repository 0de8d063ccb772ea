"""What the person and organisation editors share with the meeting editor's contract.

The main window treats every editor alike: ``load(id)``, ``new()``,
``save() -> bool``, ``is_dirty()``, ``revert()``, ``record_id()`` and the
signals ``saved(id)`` and ``dirtyChanged(bool)``. This base class keeps the
dirty flag honest (loading a record does not make it dirty; any edit does),
and turns validation problems into marks on the fields.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from eventdesk.records import Problem, ValidationError
from eventdesk.records.serialise import from_data, to_data
from eventdesk.store import EventStore, StoreError
from eventdesk.ui.field_marks import FieldMarks
from eventdesk.ui.org_picker import OrganisationPicker


class RecordEditor(QWidget):
    saved = Signal(int)
    dirtyChanged = Signal(bool)
    openMeeting = Signal(int)

    #: The store's name for this kind of record ("person", "organisation").
    KIND = ""
    #: The record's dataclass, to read a crash draft back.
    RECORD: type = object
    #: A crash draft is written this long after the first unsaved edit.
    DRAFT_DELAY_MS = 2000

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._id: int | None = None
        self._dirty = False
        self._loading = False
        self.marks = FieldMarks({})
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(self.DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)

    # -- what subclasses provide ------------------------------------------

    def _blank(self) -> Any:
        raise NotImplementedError

    def _get(self, record_id: int) -> Any:
        raise NotImplementedError

    def _write(self, record: Any) -> None:
        """Put a record into the form's widgets."""
        raise NotImplementedError

    def _read(self) -> tuple[Any, list[Problem]]:
        """The record the form holds, with problems of text that does not parse."""
        raise NotImplementedError

    def _validate(self, record: Any) -> list[Problem]:
        raise NotImplementedError

    def _store_save(self, record: Any) -> Any:
        raise NotImplementedError

    def _after_load(self, record_id: int | None) -> None:
        """Refresh what hangs off the record (its meetings list)."""

    def _draft_extras(self) -> dict[str, Any]:
        """Typed text a record cannot hold (a date that does not parse), for the draft."""
        return {}

    def _apply_draft_extras(self, payload: dict[str, Any]) -> None:
        """Put the extras of :meth:`_draft_extras` back into the form."""

    def _title(self, record: Any) -> str:
        return str(getattr(record, "label", "") or getattr(record, "display_name", ""))

    # -- the contract ------------------------------------------------------

    def load(self, record_id: int) -> None:
        self._show(self._get(record_id))

    def new(self) -> None:
        self._show(self._blank())

    def record_id(self) -> int | None:
        return self._id

    def is_dirty(self) -> bool:
        return self._dirty

    def revert(self) -> None:
        """Drop the unsaved edits (and their crash draft) and show the stored record."""
        self._discard_draft(self._id)
        if self._id is None:
            self.new()
        else:
            self.load(self._id)

    def save(self) -> bool:
        """Validate and save; mark the bad fields in place and return False if refused."""
        self.marks.clear()
        self._say("")
        record, problems = self._read()
        problems += self._validate(record)
        if not problems:
            try:
                record = self._store_save(record)
            except ValidationError as exc:
                problems = exc.problems
            except StoreError as exc:
                self._say(str(exc))
                return False
        if problems:
            unplaced = self.marks.mark_problems(problems)
            self._say("\n".join(str(p) for p in unplaced) or "Please correct the marked fields.")
            first = self.marks.first_marked()
            if first is not None:
                first.setFocus()
            return False
        self._discard_draft(self._id)
        self._discard_draft(record.id)
        self._show(record)
        self.saved.emit(record.id)
        return True

    # -- crash drafts --------------------------------------------------------

    def write_draft(self) -> None:
        """Keep the unsaved edits in the database, so a crash does not lose them."""
        self._draft_timer.stop()
        if not self._dirty:
            return
        record, _problems = self._read()
        payload = {**to_data(record), **self._draft_extras()}
        # A draft is a safety net: failing to write one must not stop the typing.
        with suppress(StoreError):
            self._store.save_draft(self.KIND, self._id, self._title(record), payload)

    def restore_draft(self, payload: dict[str, Any]) -> None:
        """Show a crash draft's edits, unsaved, over the stored record."""
        record = from_data(self.RECORD, payload)
        self._show(record)
        self._loading = True
        try:
            self._apply_draft_extras(payload)
        finally:
            self._loading = False
        self._set_dirty(True)

    def _discard_draft(self, record_id: int | None) -> None:
        self._draft_timer.stop()
        with suppress(StoreError):
            self._store.discard_draft(self.KIND, record_id)

    # -- helpers -------------------------------------------------------------

    def _show(self, record: Any) -> None:
        self._loading = True
        try:
            self.marks.clear()
            self._say("")
            self._id = record.id
            self._write(record)
        finally:
            self._loading = False
        self._after_load(self._id)
        self._set_dirty(False)

    def _watch(self, *widgets: QWidget) -> None:
        """Any edit in these widgets makes the record dirty and clears the widget's mark."""
        for widget in widgets:
            if isinstance(widget, OrganisationPicker):
                widget.organisationChanged.connect(lambda w=widget: self._edited(w))
            elif isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda _t, w=widget: self._edited(w))
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda w=widget: self._edited(w))
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _i, w=widget: self._edited(w))
            elif isinstance(widget, QListWidget):
                widget.model().rowsInserted.connect(lambda *_a, w=widget: self._edited(w))
                widget.model().rowsRemoved.connect(lambda *_a, w=widget: self._edited(w))

    def _edited(self, widget: QWidget) -> None:
        if self._loading:
            return
        self.marks.clear(widget)
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty and not self._draft_timer.isActive():
            self._draft_timer.start()
        if not dirty:
            self._draft_timer.stop()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


def set_combo_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data is ``value`` (enums are kept as their plain value)."""
    index = combo.findData(str(value))
    combo.setCurrentIndex(max(index, 0))
