"""Merging two records of one person or organisation, from the People and Organisations lists.

A duplicate made before the pickers offered recorded names first (two
"Tongji University") splits a partner's meetings between two pages. Edit ›
Merge into… on the duplicate picks the record to keep; the store moves every
reference in one transaction and puts the duplicate in the trash. It is an
undo command, so Ctrl+Z puts every reference back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from eventdesk.records import display_name
from eventdesk.store import EventStore, Merge, OrganisationRow, PersonRow
from eventdesk.ui.meeting_editor.finder import LIMIT, Candidate, RecordPicker

_KIND_WORDS = {"person": "person", "organisation": "organisation"}


class MergeCommand(QUndoCommand):
    """Merge ``merged`` into ``kept``; undo makes them two again."""

    def __init__(
        self,
        store: EventStore,
        kind: str,
        kept: int,
        merged: int,
        label: str,
        changed: Callable[[], None],
    ):
        super().__init__(f"Merge “{label}”")
        self.store = store
        self.kind = kind
        self.kept = kept
        self.merged = merged
        self.done: Merge | None = None
        self._changed = changed

    def redo(self) -> None:
        self.done = self.store.duplicates.merge(self.kind, self.kept, self.merged)
        self._changed()

    def undo(self) -> None:
        if self.done is not None:
            self.store.duplicates.unmerge(self.done)
        self._changed()


class MergeDialog(QDialog):
    """Which record the duplicate becomes part of: found by typing, same names first."""

    def __init__(
        self, store: EventStore, kind: str, record_id: int, label: str, parent: QWidget | None
    ):
        super().__init__(parent)
        self.setWindowTitle(f"Merge {_KIND_WORDS[kind]}")
        self._store = store
        self._kind = kind
        self._record_id = record_id
        explain = QLabel(
            f"Merge “{label}” into the {_KIND_WORDS[kind]} chosen below: every meeting, "
            f"person and decision that names “{label}” will name that one, its empty fields "
            f"take this one's, and “{label}” goes to the trash. Edit › Undo takes it back."
        )
        explain.setWordWrap(True)
        self.picker = RecordPicker(self._source, self._label_of, "Type to find the one to keep")
        #: what the picked record is, so two of one name are told apart before merging
        self.kept_details = QLabel(self)
        self.kept_details.setWordWrap(True)
        self._details: dict[int, str] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText("&Merge")
        self.merge_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.picker)
        layout.addWidget(self.kept_details)
        layout.addStretch(1)  # the details stay under the picker, the room left above the buttons
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.picker.valueChanged.connect(self._picked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.picker.finder.setText(label)  # records of the same name are offered first
        self.picker.finder.refresh()
        self.picker.setFocus()

    def kept(self) -> int | None:
        return self.picker.value()

    def _picked(self, record_id: int | None) -> None:
        self.merge_button.setEnabled(record_id is not None)
        self.kept_details.setText(self._details.get(record_id, "") if record_id else "")

    def _source(self, text: str) -> list[Candidate]:
        """The picker's search (any spelling or script), less the record being merged."""
        if not text.strip():
            return []
        if self._kind == "person":
            found = [_person(r) for r in self._store.people.list(text, limit=LIMIT + 1)]
        else:
            found = [
                _organisation(r) for r in self._store.organisations.list(text, limit=LIMIT + 1)
            ]
        found = [c for c in found if c.id != self._record_id][:LIMIT]
        self._details.update((c.id, c.text) for c in found)
        return found

    def _label_of(self, record_id: int | None) -> str:
        if record_id is None:
            return ""
        if self._kind == "person":
            p = self._store.people.get(record_id)
            return display_name(p.family_name, p.given_name, p.name_order)
        return self._store.organisations.get(record_id).label


def _meetings(count: int) -> str:
    return f"{count} meeting" if count == 1 else f"{count} meetings"


def _person(row: PersonRow) -> Candidate:
    """A person as the list shows one: two "WAI Ping Kong" differ by Chinese name, title,
    organisation or meetings."""
    known = (row.name_zh, row.title, row.organisation, _meetings(row.meeting_count))
    return Candidate(row.id, row.name, " · ".join(x for x in known if x), (row.name, row.name_zh))


def _organisation(row: OrganisationRow) -> Candidate:
    label = row.name or row.name_zh
    zh = row.name_zh if row.name_zh != label else ""
    known = (zh, row.short_name, row.city, _meetings(row.meeting_count))
    names = (row.name, row.name_zh, row.short_name)
    return Candidate(row.id, label, " · ".join(x for x in known if x), names)


def merge_selected(window, kept: int | None = None) -> bool:
    """Merge the record selected in the People or Organisations list into another.

    Without ``kept`` the dialog asks which (opened, never run modally); the
    merge is pushed on the window's undo stack.
    """
    current = window.workspace.current_record()
    if current is None or current[0] not in _KIND_WORDS:
        window.warn("Select a person or an organisation in its list to merge it into another.")
        return False
    if window.store.read_only:
        window.warn("This database is open read-only; nothing can be merged.")
        return False
    kind, record_id, label = current
    if kept is not None:
        return _merge(window, kind, kept, record_id, label)
    dialog = MergeDialog(window.store, kind, record_id, label, window)
    dialog.accepted.connect(lambda: _merge(window, kind, dialog.kept(), record_id, label))
    dialog.finished.connect(dialog.deleteLater)
    window.merge_dialog = dialog
    dialog.open()
    return True


def _merge(window, kind: str, kept: int | None, merged: int, label: str) -> bool:
    if kept is None or kept == merged:
        return False
    workspace = window.workspace
    if workspace.editors.shown_id() in (kept, merged) and not workspace.confirm_leave():
        return False
    workspace.forget_record(kind, merged)
    window.undo_stack.push(MergeCommand(window.store, kind, kept, merged, label, workspace.refresh))
    window.statusBar().showMessage(f"Merged “{label}”. Ctrl+Z takes it back.", 5000)
    return True
