"""The meeting editor: every record of one meeting, in tabs, saved as one.

The editor keeps a working copy of the meeting. Each tab edits its part of
that copy in place; nothing reaches the store until ``save()``, which saves
it in one transaction through ``store.meetings.save``: the store checks it
(the records layer's rules, and the people and organisations it names), and
the editor marks each problem the store names where it was typed (its part
and row), as it marks text it could not read. ``revert()`` drops the copy
and reloads what is stored. See the package docstring for the contract.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from eventdesk.records import Meeting, Problem, ValidationError
from eventdesk.store import EventStore, StoreError
from eventdesk.ui.editor_base import Editor
from eventdesk.ui.elided_label import ElidedLabel
from eventdesk.ui.escape_key import EscapeReverts
from eventdesk.ui.marking import PROBLEM_COLOUR
from eventdesk.ui.meeting_editor import crash_drafts
from eventdesk.ui.meeting_editor.attendees_tab import AttendeesTab
from eventdesk.ui.meeting_editor.courses_tab import CoursesTab
from eventdesk.ui.meeting_editor.create_in_place import install_creators
from eventdesk.ui.meeting_editor.decisions_tab import DecisionsTab
from eventdesk.ui.meeting_editor.details_tab import DetailsTab
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.list_tab import ListTab
from eventdesk.ui.meeting_editor.photos_tab import PhotosTab
from eventdesk.ui.meeting_editor.presentations_tab import PresentationsTab
from eventdesk.ui.meeting_editor.sessions_tab import SessionsTab
from eventdesk.ui.unsaved_changes import what_changed


class MeetingEditor(Editor):
    """Details, sessions, attendees, presentations, courses, decisions and photos of a meeting."""

    KIND = crash_drafts.KIND
    DRAFT_DELAY_MS = crash_drafts.DELAY_MS

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(store, parent)
        self._meeting: Meeting | None = None
        self._labels = Labels(store)

        # a long title is cut with "…" (never its "(unsaved changes)") rather than widening
        self.heading = ElidedLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.problems = QLabel(self)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.problems.hide()

        self.details = DetailsTab(store, self._labels)
        self.sessions = SessionsTab(store, self._labels)
        self.attendees = AttendeesTab(store, self._labels)
        self.presentations = PresentationsTab(store, self._labels)
        self.courses = CoursesTab(store, self._labels)
        self.decisions = DecisionsTab(store, self._labels)
        self.photos = PhotosTab(store, self._labels)
        self.list_tabs: list[ListTab] = [
            self.sessions,
            self.attendees,
            self.presentations,
            self.courses,
            self.decisions,
            self.photos,
        ]
        #: Each list tab by the meeting's part it edits (a problem's ``part``: "attendees"...).
        self._parts = {tab.model.LIST: tab for tab in self.list_tabs}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.details, "Details")
        for tab, title in zip(self.list_tabs, _TAB_TITLES, strict=True):
            self.tabs.addTab(tab, title)

        self.save_button = QPushButton("Save", self)
        self.revert_button = QPushButton("Revert", self)
        self.revert_button.setToolTip("Drop unsaved changes and show what is stored")
        for button in (self.save_button, self.revert_button):
            button.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.revert_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.problems)
        layout.addWidget(self.tabs, 1)

        QWidget.setTabOrder(self.revert_button, self.save_button)  # the order on screen
        self.escape = EscapeReverts(self)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.details.edited.connect(self._edited)
        for tab in self.list_tabs:
            tab.edited.connect(self._edited)
        self.sessions.listChanged.connect(self._sessions_changed)
        self.sessions.removed.connect(self._session_removed)
        self.attendees.finder.creator = lambda typed, _done: self.attendees._new_person(typed)
        install_creators(self, store, self._labels)
        self._show(None)

    # -- the contract ----------------------------------------------------------------

    def load(self, meeting_id: int) -> None:
        meeting = self._store.meetings.get(meeting_id)
        self._labels.forget()
        self._labels.prefetch(meeting)
        self._show(meeting, keep_tab=True)  # browsing meetings stays on the tab in use

    def new(self) -> None:
        self._show(Meeting(title="", start_date=None))
        self.tabs.setCurrentWidget(self.details)

    def focus_first_field(self) -> None:
        """The keyboard to the title (a new meeting) or the first field of the tab on show."""
        if self.tabs.currentWidget() is self.details or self.record_id() is None:
            self.tabs.setCurrentWidget(self.details)
            self.details.view.title.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        tab = self.tabs.currentWidget()
        first = getattr(tab, "first_field", None)
        (first if isinstance(first, QWidget) and first.isEnabled() else tab).setFocus()

    def save(self) -> bool:
        """Check everything, mark what is wrong in place; save only a meeting without problems."""
        if self._meeting is None:
            return False
        if self._read_only:
            self._show_message("Not saved: the database is open read-only.")
            return False
        self._clear_problems()
        unreadable = self._unreadable()
        try:
            if unreadable:  # not saved: the store's problems too, to show them all at once
                typed = {(p.part, p.row, p.field) for p in unreadable}
                stored_rules = self._store.meetings.problems(self._meeting)
                raise ValidationError(
                    unreadable + [p for p in stored_rules if (p.part, p.row, p.field) not in typed]
                )
            stored = self._store.meetings.save(copy.deepcopy(self._meeting))
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return False
        except StoreError as exc:  # the edits stay in the form
            self._show_message(f"Not saved: {exc}")
            return False
        assert stored.id is not None
        self._discard_draft(self._meeting.id)
        self._discard_draft(stored.id)
        rows = {tab: tab.current_row() for tab in self.list_tabs}
        self._labels.prefetch(stored)
        self._show(stored, keep_tab=True)
        for tab, row in rows.items():
            tab.select(row)
        self.saved.emit(stored.id)
        return True

    def record_id(self) -> int | None:
        return self._meeting.id if self._meeting is not None else None

    def changes(self) -> list[str]:
        if self._meeting is None:
            return []
        stored = self._meeting.id and self._store.meetings.get(self._meeting.id)
        return what_changed(stored or Meeting(title="", start_date=None), self._meeting)

    def revert(self) -> None:
        if self._meeting is not None:  # with no meeting on show there is nothing to drop
            super().revert()

    # -- crash drafts (beyond the contract; the main window offers them back) -----

    def write_draft(self) -> None:
        """Keep the unsaved edits in the database, so a crash does not lose them."""
        self._draft_timer.stop()
        if self._meeting is None or not self._dirty:
            return
        payload = crash_drafts.payload(self._meeting, self._typed())
        self._keep_draft(self._meeting.id, crash_drafts.title(self._meeting), payload)

    def restore_draft(self, payload: dict[str, Any]) -> None:
        """Show a crash draft's edits, unsaved, over the meeting shown."""
        meeting = crash_drafts.restored(payload, self._meeting)
        self._labels.prefetch(meeting)
        self._show(meeting, keep_tab=True)
        typed = crash_drafts.typed(payload)
        self.details.form.restore_typed(typed.get(self.details.RECORD, []))
        self.details.form.load(meeting)
        for tab in self.list_tabs:
            tab.form.restore_typed(typed.get(tab.RECORD, []))
            tab.form.load(tab.current())
        self._set_dirty(True)

    def _typed(self) -> dict[str, list[list[str]]]:
        forms = [(self.details.RECORD, self.details.form)]
        forms += [(tab.RECORD, tab.form) for tab in self.list_tabs]
        return {record: form.typed() for record, form in forms}

    # -- beyond the contract -------------------------------------------------------

    def meeting(self) -> Meeting | None:
        """The working copy (what the fields show), for previews; do not keep it."""
        return self._meeting

    def tab_name(self) -> str:
        """The tab on show by its title, without its count: the window keeps it between runs."""
        return ("Details", *_TAB_TITLES)[self.tabs.currentIndex()]

    def show_tab(self, name: str) -> None:
        """Show the tab of that title (a name from an older or newer version is ignored)."""
        titles = ("Details", *_TAB_TITLES)
        if name in titles:
            self.tabs.setCurrentIndex(titles.index(name))

    # -- internals ----------------------------------------------------------------------

    def _show(self, meeting: Meeting | None, *, keep_tab: bool = False) -> None:
        self._meeting = meeting
        self._clear_problems()
        self.details.set_meeting(meeting)
        for tab in self.list_tabs:
            tab.set_meeting(meeting)
        self.tabs.setEnabled(meeting is not None)
        self.save_button.setEnabled(meeting is not None and not self._read_only)
        self.attendees.new_person_button.setEnabled(not self._read_only)
        if self._read_only:
            self.save_button.setToolTip("The database is open read-only")
        self.revert_button.setEnabled(meeting is not None)
        if not keep_tab:
            self.tabs.setCurrentIndex(0)
        self._set_dirty(False)

    def _edited(self) -> None:
        self._set_dirty(True)

    def _dirty_shown(self) -> None:
        self._update_heading()

    def _update_heading(self) -> None:
        m = self._meeting
        suffix = ""
        if m is None:
            text = "No meeting selected"
        else:
            text = m.title or m.title_zh or "New meeting"
            if m.start_date:
                text = f"{m.start_date.isoformat()}  {text}"
            if self._dirty:
                suffix += "  (unsaved changes)"
            if self._read_only:
                suffix += "  (read-only)"
        self.heading.set_parts(text, suffix)
        for n, tab in enumerate(self.list_tabs, 1):
            title, count = _TAB_TITLES[n - 1], len(tab.rows())
            self.tabs.setTabText(n, f"{title} ({count})" if count else title)

    def _sessions_changed(self) -> None:
        for tab in self.list_tabs:
            if tab is not self.sessions:
                tab.sessions_changed()

    def _session_removed(self, uid: str) -> None:
        if self._meeting is None:
            return
        for part in (*self._meeting.presentations, *self._meeting.decisions, *self._meeting.files):
            if part.session_uid == uid:
                part.session_uid = None
        self._sessions_changed()

    def _unreadable(self) -> list[Problem]:
        problems = [Problem("meeting", f, m) for f, m in self.details.unreadable()]
        for part, tab in self._parts.items():
            problems += [
                Problem(f"meeting › {tab.RECORD} {row + 1}", field, message, part, row + 1)
                for row, field, message in tab.unreadable_rows()
            ]
        return problems

    def _clear_problems(self) -> None:
        self.problems.hide()
        self.problems.clear()
        self.details.clear_problems()
        for tab in self.list_tabs:
            tab.clear_problems()
        bar = self.tabs.tabBar()
        for index in range(self.tabs.count()):
            bar.setTabTextColor(index, QColor())

    def _show_problems(self, problems: list[Problem]) -> None:
        """Mark each problem's field, and go to the first one."""
        first: tuple[QWidget, int] | None = None
        for p in problems:
            tab = self._parts.get(p.part)
            if tab is not None and p.row is not None:
                tab.mark_problem(p.row - 1, p.field, p.message)
                first = first or (tab, p.row - 1)
            else:
                self.details.mark_problem(p.field, p.message)
                first = first or (self.details, -1)
            where = tab if tab is not None else self.details
            self.tabs.tabBar().setTabTextColor(self.tabs.indexOf(where), QColor(PROBLEM_COLOUR))
        lines = [_describe(p) for p in problems]
        self._show_message("Not saved: " + "; ".join(lines))
        if first is not None:
            widget, row = first
            self.tabs.setCurrentWidget(widget)
            if isinstance(widget, ListTab):
                widget.select(row)

    def _show_message(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()


_TAB_TITLES = ("Sessions", "Attendees", "Presentations", "Courses", "Decisions", "Photos")


def _describe(p: Problem) -> str:
    where = p.record.split(" › ", 1)[1] if " › " in p.record else ""
    field = p.field.replace("_", " ")
    return f"{where}: {field} {p.message}" if where else f"{field} {p.message}"
