"""What every editor shares: the contract's signals, the dirty flag, revert, crash drafts.

The main window treats every editor alike: ``load(id)``, ``new()``,
``save() -> bool``, ``is_dirty()``, ``revert()``, ``record_id()`` and the
signals ``saved(id)`` and ``dirtyChanged(bool)``. The flag is honest (showing
a record does not make it dirty; any edit does), and the first edit starts a
timer that keeps the unsaved edits as a crash draft in the database.

Clerks at once (issue 23): the first edit marks the record as being edited by this clerk
(``store.editing``) until the edits are saved or dropped; a record another clerk has marked
says so in :attr:`Editor.editing_note`, under the heading ("liwei (on PC-12) has been
editing this meeting since 10:42"), checked when it is shown and every minute after. A save
another clerk overtook asks what to do (:meth:`Editor.ask_conflict`), losing nothing.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from eventdesk.records import ValidationError
from eventdesk.store import Conflict, ConnectionLost, EventStore, StoreError
from eventdesk.ui import conflict_question, editable
from eventdesk.ui.conflict_question import ConflictChoice

#: How often an editor checks who else is editing (``store.editing.REFRESH``).
MARK_REFRESH_MS = 60_000
#: The colour of the note that another clerk is editing: a caution, not an error.
_NOTE_COLOUR = "#8a5a00"


class Editor(QWidget):
    saved = Signal(int)
    dirtyChanged = Signal(bool)

    #: The store's name for this kind of record, for its crash drafts ("person", "meeting").
    KIND = ""
    #: A crash draft is written this long after the first unsaved edit.
    DRAFT_DELAY_MS = 2000

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._dirty = False
        #: a database that refuses writes (opened read-only, a reader's login, damage found)
        #: is shown, not changed: :meth:`set_editable`, which the editor calls once built
        self._read_only = store.read_only
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(self.DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)
        #: Another clerk's unsaved edits in the record shown; the editor lays it out.
        self.editing_note = QLabel(self)
        self.editing_note.setTextFormat(Qt.TextFormat.PlainText)
        self.editing_note.setWordWrap(True)
        self.editing_note.setStyleSheet(f"color: {_NOTE_COLOUR};")
        self.editing_note.hide()
        #: Another clerk saved the record since it was shown here: the sentence saying so.
        self._overtaken: str | None = None
        #: The record this clerk's mark is on (their unsaved edits), and the one whose
        #: others' marks the note shows.
        self._marked: int | None = None
        self._noted: int | None = None
        self._mark_timer = QTimer(self)
        self._mark_timer.setInterval(int(MARK_REFRESH_MS))
        self._mark_timer.timeout.connect(self._refresh_marks)
        self._mark_timer.start()
        #: A save the team database's server cut off: its refusal, while its sentence
        #: ("save again when it is back") is what the editor says.
        self._cut_off: tuple[ConnectionLost, str] | None = None

    # -- what an editor provides -------------------------------------------------------

    def load(self, record_id: int) -> None:
        raise NotImplementedError

    def new(self) -> None:
        raise NotImplementedError

    def record_id(self) -> int | None:
        raise NotImplementedError

    def save(self) -> bool:
        raise NotImplementedError

    def write_draft(self) -> None:
        """Keep the unsaved edits in the database (with :meth:`_keep_draft`)."""
        raise NotImplementedError

    def restore_draft(self, payload: dict[str, Any]) -> None:
        raise NotImplementedError

    # -- the rest of the contract ---------------------------------------------------

    def set_editable(self, editable_: bool) -> None:
        """Show the page's fields editable, or read-only while the store refuses writes
        (``ui/editable.py``): nothing can be typed, added or saved, but everything shown,
        typed text included, can still be read and copied. The workspace calls it again
        when the store starts refusing writes with the page open."""
        self._read_only = not editable_
        editable.set_editable(self, editable_)
        self._editable_shown()

    def _editable_shown(self) -> None:
        """After :meth:`set_editable`: the page's own signs of it (its heading)."""

    def editable(self) -> bool:
        return not self._read_only

    def is_dirty(self) -> bool:
        return self._dirty

    def changes(self) -> list[str]:
        """What the unsaved edits changed ("Title", "Attendees"): the question names them."""
        return []

    def revert(self) -> None:
        """Drop the unsaved edits (and their crash draft) and show the stored record."""
        record_id = self.record_id()
        self._discard_draft(record_id)  # the edits are dropped on purpose
        if record_id is None:
            self.new()
        else:
            self.load(record_id)

    # -- the team database's server away and back ------------------------------------

    def _save_cut_off(self, lost: ConnectionLost) -> None:
        """A save the server's going away refused: say so above the fields, the edits kept."""
        text = lost.while_saving()
        self._tell(text)
        self._cut_off = (lost, text)

    def connection_back(self) -> None:
        """The team database answers again (``store.on_connection``, through the window's
        banner): a save it cut off now says "… is back: save now", where it said "save again
        when it is back" and nothing (a save, a reload) has replaced that since."""
        if self._cut_off is None:
            return
        lost, text = self._cut_off
        self._cut_off = None
        if self._told() == text:
            self._tell(lost.when_back())

    def _told(self) -> str:
        """The line above the fields shown now ("" when none)."""
        raise NotImplementedError

    # -- another clerk saved first ---------------------------------------------------

    def ask_conflict(self, message: str) -> ConflictChoice:
        """Reload, keep mine as a copy, or cancel (tests answer without the dialog)."""
        return conflict_question.ask(self, message)

    def _conflicted(self, refused: Conflict, record: Any) -> bool:
        """After the store refused ``record`` because another clerk saved it first: what the
        clerk chooses, losing nothing. True when the edits were saved (as a copy)."""
        choice = self.ask_conflict(str(refused))
        if choice is ConflictChoice.RELOAD:
            self._discard_draft(record.id)
            self.load(record.id)
            self._tell(f"Reloaded: this is what {refused.who} saved; your edits were dropped.")
            return False
        if choice is ConflictChoice.CANCEL:
            self._tell(f"Not saved: {refused}")
            return False
        try:
            stored = self._keep_copy(record)
        except (StoreError, ValidationError) as exc:
            self._tell(f"Not saved, not even as a copy: {exc}")
            return False
        self._discard_draft(record.id)
        self._show_stored(stored)
        self._tell(f"Your edits are saved as a new record beside {refused.who}'s.")
        self.saved.emit(stored.id)
        return True

    def _keep_copy(self, record: Any) -> Any:
        """Save ``record`` as a new record, "… (copy by USER)" (``store.meetings.save_copy``)."""
        raise NotImplementedError

    def _show_stored(self, record: Any) -> None:
        """Show a record just saved, unchanged since."""
        raise NotImplementedError

    def _tell(self, text: str) -> None:
        """Show one line above the fields (what happened to a save)."""
        raise NotImplementedError

    # -- for editors -----------------------------------------------------------------

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        if not dirty and self._overtaken:  # shown as stored, or saved: nothing is behind
            self._overtaken = None
            self._show_others()
        if dirty and not self._draft_timer.isActive():
            self._draft_timer.start()
        elif not dirty:
            self._draft_timer.stop()
        self._dirty_shown()
        self._follow_marks()
        if changed:
            self.dirtyChanged.emit(dirty)

    # -- who else is editing ----------------------------------------------------------

    def _follow_marks(self) -> None:
        """Mark the record while it has unsaved edits, unmark it after; note others' marks
        of a record newly shown."""
        record_id = self.record_id() if self.KIND else None
        wanted = record_id if self._dirty else None
        with suppress(StoreError):  # a mark is a courtesy: it never stops the work
            if wanted != self._marked:
                if self._marked is not None:
                    self._store.editing.stop(self.KIND, self._marked)
                if wanted is not None:
                    self._store.editing.start(self.KIND, wanted)
                self._marked = wanted
        if record_id != self._noted:
            self._noted = record_id
            self._overtaken = None
            self._show_others()

    def _refresh_marks(self) -> None:
        """Every minute: this clerk's mark is still in use; others may have begun since."""
        with suppress(StoreError):
            if self._marked is not None:
                self._store.editing.keep(self.KIND, self._marked)
        self._show_others()

    def _show_others(self) -> None:
        marks = []
        if self._noted is not None:
            with suppress(StoreError):
                marks = self._store.editing.others(self.KIND, self._noted)
        lines = [mark.told(self.KIND) for mark in marks]
        if self._overtaken:
            lines.append(self._overtaken)
        self.editing_note.setText("\n".join(lines))
        self.editing_note.setVisible(bool(lines))

    def changed_elsewhere(self) -> None:
        """Another clerk saved the record shown (``store.changes``): say who and when under
        the heading. The form is not touched: what the clerk typed stays, and their save
        meets the conflict question (reload theirs, or keep mine as a copy)."""
        record_id = self.record_id() if self.KIND else None
        if record_id is None:
            return
        with suppress(StoreError):
            told = self._store.changes.told(self.KIND, record_id)
            if self._dirty:
                told += " Your edits are still here: Revert shows theirs, Save asks which to keep."
            else:
                told += " This page shows it as it was; opening it again shows theirs."
            self._overtaken = told
            history = getattr(self, "history", None)  # the page's History tab, if it has one
            if history is not None:
                history.show_record(record_id)  # their line, on top: what they changed
        self._show_others()

    def _dirty_shown(self) -> None:
        """After the flag is set: show it (a heading saying "unsaved changes")."""

    def _keep_draft(self, record_id: int | None, title: str, payload: dict[str, Any]) -> None:
        self._draft_timer.stop()
        if self._read_only:
            return
        # A safety net must not stop the typing, nor raise from a timer when the
        # database was closed under a window being torn down.
        with suppress(StoreError):
            self._store.drafts.save(self.KIND, record_id, title, payload)

    def _discard_draft(self, record_id: int | None) -> None:
        self._draft_timer.stop()
        if not self._read_only:
            with suppress(StoreError):
                self._store.drafts.discard(self.KIND, record_id)
