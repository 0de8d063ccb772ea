"""A record page: one person or organisation, its fields, its meetings.

On what every editor shares (:class:`~eventdesk.ui.editor_base.Editor`: the
contract, the dirty flag, revert, crash drafts) this adds one record's page.
Its fields are drawn and bound from the record's declarations
(:mod:`eventdesk.ui.record_rows`) in a :class:`RecordForm`, the binding the
meeting editor's tabs use: each edit goes straight into the working copy, text
that does not parse is kept as typed and refused, and the problems the store
finds as it saves become marks on the fields (:mod:`eventdesk.ui.marking`).
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from eventdesk.records import Problem, ValidationError
from eventdesk.records.serialise import from_data, to_data
from eventdesk.store import Conflict, ConnectionLost, EventStore, StoreError
from eventdesk.ui import marking
from eventdesk.ui.editor_base import Editor
from eventdesk.ui.escape_key import EscapeReverts
from eventdesk.ui.history_view import HistoryView
from eventdesk.ui.org_picker import OrganisationPicker
from eventdesk.ui.record_form import RecordForm
from eventdesk.ui.record_rows import bind_rows
from eventdesk.ui.unsaved_changes import what_changed


class RecordEditor(Editor):
    openMeeting = Signal(int)

    #: The record's dataclass, to read a crash draft back.
    RECORD: type = object

    def __init__(self, store: EventStore, form: QWidget, parent: QWidget | None = None):
        super().__init__(store, parent)
        self.form = form
        self.fields = RecordForm(self)
        self.fields.edited.connect(lambda _name: self._set_dirty(True))
        bind_rows(self.fields, form, self.RECORD)
        form.meetings.meetingActivated.connect(self.openMeeting)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {marking.PROBLEM_COLOUR};")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editing_note)
        layout.addWidget(self.message)
        layout.addWidget(form)
        #: Who changed the record, when and what (``store.history``): the form's History tab.
        self.history: HistoryView = form.history
        self.escape = EscapeReverts(self)
        self.set_editable(not store.read_only)

    # -- what a page may change ----------------------------------------------

    def _blank(self) -> Any:
        """A new record: its required text empty."""
        required = [
            f.name
            for f in dataclasses.fields(self.RECORD)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        ]
        return self.RECORD(**dict.fromkeys(required, ""))

    def _records(self) -> Any:
        """The store's service of this kind of record (``store.people``): its one way in."""
        raise NotImplementedError

    def _get(self, record_id: int) -> Any:
        return self._records().get(record_id)

    def _prepared(self, record: Any) -> Any:
        """The record as it is to be saved (an organisation keeps members if an alliance)."""
        return record

    def _form_problems(self) -> list[Problem]:
        """What the form knows is wrong beyond the record: a picker's text naming nothing."""
        return [
            Problem(self.KIND, name, "is not a known organisation; pick one")
            for name, widget in self.fields.bound()
            if isinstance(widget, OrganisationPicker) and widget.text_names_nothing()
        ]

    def _shown(self, record: Any) -> None:
        """After a record is put in the fields: its meetings, its history, its heading."""
        self.form.meetings.show_party(self._records().meetings, record.id)
        self.history.show_record(record.id)
        self._update_heading()

    def meetings_changed(self) -> None:
        """Another clerk changed meetings: the page's list of this record's meetings is read
        again (the fields are not touched)."""
        if self.record_id() is not None:
            self.form.meetings.refresh()

    def _heading(self) -> str:
        """The page's heading, from what the fields show now."""
        raise NotImplementedError

    def _update_heading(self) -> None:
        suffix = "  (read-only)" if self._read_only else ""  # as the meeting's page says it
        self.form.heading.setText(self._heading() + suffix)

    def _editable_shown(self) -> None:
        if self.fields.record() is not None:
            self._update_heading()

    def _title(self, record: Any) -> str:
        return str(getattr(record, "label", "") or getattr(record, "display_name", ""))

    # -- the contract ------------------------------------------------------

    def load(self, record_id: int) -> None:
        self._show(self._get(record_id))

    def new(self) -> None:
        self._show(self._blank())

    def record(self) -> Any:
        """The working copy: the shown record with every edit in it."""
        return self.fields.record()

    def record_id(self) -> int | None:
        record = self.fields.record()
        return record.id if record is not None else None

    def changes(self) -> list[str]:
        record = self.fields.record()
        if record is None:
            return []
        stored = self._blank() if record.id is None else self._get(record.id)
        return what_changed(stored, record)

    def save(self) -> bool:
        """Save through the store, which checks the record; mark the bad fields in place and
        return False if refused."""
        if self._read_only:  # the fields are read-only: nothing typed can be here to lose
            self._say("Not saved: the database is open read-only.")
            return False
        self.fields.clear_problems()
        self._say("")
        record = self._prepared(copy.deepcopy(self.fields.record()))
        problems = [Problem(self.KIND, name, msg) for _uid, name, msg in self.fields.unreadable()]
        problems += self._form_problems()
        try:
            if problems:  # not saved: the store's problems too, to show them all at once
                raise ValidationError(problems + self._records().problems(record))
            # A rename touching many meetings leaves their search documents to a worker
            # (the window's SearchKeeper starts it), so the save returns at once.
            stored = self._records().save(record, search_later=True)
        except ValidationError as exc:
            problems = exc.problems
        except Conflict as exc:  # another clerk saved it first; nothing was written
            return self._conflicted(exc, record)
        except ConnectionLost as exc:  # the server is gone: the edits stay, saved once it is back
            self._save_cut_off(exc)
            return False
        except StoreError as exc:
            self._say(str(exc))
            return False
        if problems:
            unplaced = self.fields.mark_problems(problems)
            self._say("\n".join(str(p) for p in unplaced) or "Please correct the marked fields.")
            first = self.fields.first_marked()
            if first is not None:
                first.setFocus()
            return False
        self._discard_draft(record.id)
        self._discard_draft(stored.id)
        self._show(stored)
        self.saved.emit(stored.id)
        return True

    def _keep_copy(self, record: Any) -> Any:
        return self._records().save_copy(record)

    def _show_stored(self, record: Any) -> None:
        self._show(record)

    def _tell(self, text: str) -> None:
        self._say(text)

    # -- crash drafts --------------------------------------------------------

    def write_draft(self) -> None:
        """Keep the unsaved edits in the database, so a crash does not lose them."""
        self._draft_timer.stop()
        if not self._dirty:
            return
        record = self.fields.record()
        payload = {**to_data(record), "typed": self.fields.typed()}
        self._keep_draft(record.id, self._title(record), payload)

    def restore_draft(self, payload: dict[str, Any]) -> None:
        """Show a crash draft's edits, unsaved, over the stored record."""
        record = from_data(self.RECORD, payload)
        self.fields.reset()
        self.fields.restore_typed(payload.get("typed", []))
        self._show(record, keep_typed=True)
        self._set_dirty(True)

    # -- helpers -------------------------------------------------------------

    def _show(self, record: Any, *, keep_typed: bool = False) -> None:
        self._say("")
        if not keep_typed:
            self.fields.reset()
        self.fields.load(record)
        self._shown(record)
        self._set_dirty(False)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _told(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""
