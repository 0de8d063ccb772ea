"""The meeting editor: every record of one meeting, in tabs, saved as one.

The editor keeps a working copy of the meeting. Each tab edits its part of
that copy in place; nothing reaches the store until ``save()``, which saves
it in one transaction through ``store.meetings.save``: the store checks it
(the records layer's rules, and the people and organisations it names), and
the editor marks each problem the store names where it was typed (its part
and row), as it marks text it could not read. ``revert()`` drops the copy
and reloads what is stored. See the package docstring for the contract.

Details is made with the editor; each list tab, and its module, the first
time it is shown or asked for (``editor.attendees`` makes it): the window
shows its first meeting without building six tables and their forms first
(issue 25). A tab not made yet has nothing typed in it and no selection, so
only the tabs made take part in problems, drafts and the sessions' changes;
its count in the tab's title is read from the meeting.
"""

from __future__ import annotations

import copy
import importlib
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QSignalBlocker, Qt, Signal
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
from eventdesk.store import Conflict, ConnectionLost, EventStore, StoreError
from eventdesk.ui import editable
from eventdesk.ui.editor_base import Editor
from eventdesk.ui.elided_label import ElidedLabel
from eventdesk.ui.escape_key import EscapeReverts
from eventdesk.ui.history_view import HistoryView
from eventdesk.ui.marking import PROBLEM_COLOUR
from eventdesk.ui.meeting_editor import crash_drafts
from eventdesk.ui.meeting_editor.create_in_place import install_creators
from eventdesk.ui.meeting_editor.details_tab import DetailsTab
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.unsaved_changes import what_changed

if TYPE_CHECKING:
    from eventdesk.ui.meeting_editor.attendees_tab import AttendeesTab
    from eventdesk.ui.meeting_editor.courses_tab import CoursesTab
    from eventdesk.ui.meeting_editor.decisions_tab import DecisionsTab
    from eventdesk.ui.meeting_editor.list_tab import ListTab
    from eventdesk.ui.meeting_editor.photos_tab import PhotosTab
    from eventdesk.ui.meeting_editor.presentations_tab import PresentationsTab
    from eventdesk.ui.meeting_editor.sessions_tab import SessionsTab


class MeetingEditor(Editor):
    """Details, sessions, attendees, presentations, courses, decisions and photos of a meeting."""

    KIND = crash_drafts.KIND
    DRAFT_DELAY_MS = crash_drafts.DELAY_MS
    #: The Attendees tab's "Import…" (the window opens the attendee-list import).
    importRequested = Signal()

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
        #: The list tabs made so far, by name ("attendees"); the others have a stand-in page.
        self._made: dict[str, ListTab] = {}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.details, "Details")
        for spec in _LIST_TABS:
            self.tabs.addTab(QWidget(), spec.title)
        #: Who changed the meeting, when and what (``store.history``), read when on show.
        self.history = HistoryView(store, self.KIND, Meeting)
        self.tabs.addTab(self.history, _HISTORY)
        self.tabs.currentChanged.connect(self._tab_shown)

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
        layout.addWidget(self.editing_note)
        layout.addWidget(self.problems)
        layout.addWidget(self.tabs, 1)

        QWidget.setTabOrder(self.revert_button, self.save_button)  # the order on screen
        self.escape = EscapeReverts(self)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.details.edited.connect(self._edited)
        install_creators(self, store, self._labels)
        self._show(None)
        self.set_editable(not store.read_only)

    # -- the list tabs, each made when first wanted ------------------------------------

    @property
    def sessions(self) -> SessionsTab:
        return self._list_tab("sessions")  # type: ignore[return-value]

    @property
    def attendees(self) -> AttendeesTab:
        return self._list_tab("attendees")  # type: ignore[return-value]

    @property
    def presentations(self) -> PresentationsTab:
        return self._list_tab("presentations")  # type: ignore[return-value]

    @property
    def courses(self) -> CoursesTab:
        return self._list_tab("courses")  # type: ignore[return-value]

    @property
    def decisions(self) -> DecisionsTab:
        return self._list_tab("decisions")  # type: ignore[return-value]

    @property
    def photos(self) -> PhotosTab:
        return self._list_tab("photos")  # type: ignore[return-value]

    @property
    def list_tabs(self) -> list[ListTab]:
        """Every list tab in its order on screen, made now where it was not yet."""
        return [self._list_tab(spec.name) for spec in _LIST_TABS]

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
        except Conflict as exc:  # another clerk saved it first; nothing was written
            return self._conflicted(exc, self._meeting)
        except ConnectionLost as exc:  # the server is gone: the edits stay, saved once it is back
            self._save_cut_off(exc)
            return False
        except StoreError as exc:  # the edits stay in the form
            self._show_message(f"Not saved: {exc}")
            return False
        assert stored.id is not None
        self._discard_draft(self._meeting.id)
        self._discard_draft(stored.id)
        rows = {tab: tab.current_row() for tab in self._made_tabs()}
        self._labels.prefetch(stored)
        self._show(stored, keep_tab=True)
        for tab, row in rows.items():
            tab.select(row)
        self.saved.emit(stored.id)
        return True

    def _keep_copy(self, record: Any) -> Any:
        return self._store.meetings.save_copy(copy.deepcopy(record))

    def _show_stored(self, record: Any) -> None:
        self._labels.prefetch(record)
        self._show(record, keep_tab=True)

    def _tell(self, text: str) -> None:
        self._show_message(text)

    def _told(self) -> str:
        return self.problems.text() if not self.problems.isHidden() else ""

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
        for tab in self.list_tabs:  # all made: any of them may hold text the draft kept
            tab.form.restore_typed(typed.get(tab.RECORD, []))
            tab.form.load(tab.current())
        self._set_dirty(True)

    def _typed(self) -> dict[str, list[list[str]]]:
        forms = [(self.details.RECORD, self.details.form)]
        forms += [(tab.RECORD, tab.form) for tab in self._made_tabs()]
        return {record: form.typed() for record, form in forms}

    # -- beyond the contract -------------------------------------------------------

    def meeting(self) -> Meeting | None:
        """The working copy (what the fields show), for previews; do not keep it."""
        return self._meeting

    def tab_name(self) -> str:
        """The tab on show by its title, without its count: the window keeps it between runs."""
        return ("Details", *_TAB_TITLES, _HISTORY)[self.tabs.currentIndex()]

    def show_tab(self, name: str) -> None:
        """Show the tab of that title (a name from an older or newer version is ignored)."""
        titles = ("Details", *_TAB_TITLES, _HISTORY)
        if name in titles:
            self.tabs.setCurrentIndex(titles.index(name))

    # -- internals ----------------------------------------------------------------------

    def _made_tabs(self) -> list[ListTab]:
        """The list tabs made so far, in their order on screen."""
        return [self._made[spec.name] for spec in _LIST_TABS if spec.name in self._made]

    def _tab_shown(self, index: int) -> None:
        if 1 <= index <= len(_LIST_TABS):
            self._list_tab(_LIST_TABS[index - 1].name)
        elif self.tabs.widget(index) is self.history:
            self.history.show_record(self.record_id())

    def _list_tab(self, name: str) -> ListTab:
        tab = self._made.get(name)
        return tab if tab is not None else self._make_tab(name)

    def _make_tab(self, name: str) -> ListTab:
        """Make the tab, put it in its stand-in's place (title, colour and the tab on show
        kept) and give it the meeting on show."""
        index, spec = next((n, s) for n, s in enumerate(_LIST_TABS, 1) if s.name == name)
        module = importlib.import_module(f"eventdesk.ui.meeting_editor.{spec.module}")
        tab: ListTab = getattr(module, spec.cls)(self._store, self._labels)
        self._made[name] = tab
        bar = self.tabs.tabBar()
        text, colour, current = (
            bar.tabText(index),
            bar.tabTextColor(index),
            self.tabs.currentIndex(),
        )
        stand_in = self.tabs.widget(index)
        with QSignalBlocker(self.tabs):
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, text)
            bar.setTabTextColor(index, colour)
            self.tabs.setCurrentIndex(current)
        stand_in.deleteLater()
        tab.edited.connect(self._edited)
        if name == "sessions":
            tab.listChanged.connect(self._sessions_changed)
            tab.removed.connect(self._session_removed)
        if name == "attendees":
            attendees: Any = tab
            attendees.finder.creator = lambda typed, _done: attendees._new_person(typed)
            attendees.new_person_button.setEnabled(not self._read_only)
            attendees.importRequested.connect(self.importRequested)
        install_creators(tab, self._store, self._labels)
        tab.set_meeting(self._meeting)
        if self._read_only:
            editable.set_editable(tab, False)
        return tab

    def _show(self, meeting: Meeting | None, *, keep_tab: bool = False) -> None:
        self._meeting = meeting
        self._clear_problems()
        self.details.set_meeting(meeting)
        for tab in self._made_tabs():
            tab.set_meeting(meeting)
        self.tabs.setEnabled(meeting is not None)
        self.save_button.setEnabled(meeting is not None and not self._read_only)
        self.revert_button.setEnabled(meeting is not None)
        if not keep_tab:
            self.tabs.setCurrentIndex(0)
        elif self.tabs.currentWidget() is self.history:
            self.history.show_record(self.record_id())
        self._set_dirty(False)

    def _edited(self) -> None:
        self._set_dirty(True)

    def _dirty_shown(self) -> None:
        self._update_heading()

    def _editable_shown(self) -> None:
        self.save_button.setEnabled(self._meeting is not None and not self._read_only)
        if self._made.get("attendees") is not None:
            self.attendees.new_person_button.setEnabled(not self._read_only)
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
        for n, spec in enumerate(_LIST_TABS, 1):
            tab = self._made.get(spec.name)
            count = len(tab.rows()) if tab is not None else len(getattr(m, spec.part, ()))
            self.tabs.setTabText(n, f"{spec.title} ({count})" if count else spec.title)

    def _sessions_changed(self) -> None:
        for tab in self._made_tabs():
            if tab is not self._made.get("sessions"):
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
        for tab in self._made_tabs():
            part = tab.model.LIST
            problems += [
                Problem(f"meeting › {tab.RECORD} {row + 1}", field, message, part, row + 1)
                for row, field, message in tab.unreadable_rows()
            ]
        return problems

    def _clear_problems(self) -> None:
        self.problems.hide()
        self.problems.clear()
        self.details.clear_problems()
        for tab in self._made_tabs():
            tab.clear_problems()
        bar = self.tabs.tabBar()
        for index in range(self.tabs.count()):
            bar.setTabTextColor(index, QColor())

    def _show_problems(self, problems: list[Problem]) -> None:
        """Mark each problem's field, and go to the first one."""
        first: tuple[QWidget, int] | None = None
        by_part = {spec.part: spec.name for spec in _LIST_TABS}
        for p in problems:
            tab = self._list_tab(by_part[p.part]) if p.part in by_part else None
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
            if widget is not self.details:
                widget.select(row)  # type: ignore[attr-defined]

    def _show_message(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()


class _TabSpec(NamedTuple):
    name: str  # the editor's attribute
    title: str
    module: str  # in this package
    cls: str
    part: str  # the meeting's list it edits, and a problem's ``part``


_LIST_TABS = (
    _TabSpec("sessions", "Sessions", "sessions_tab", "SessionsTab", "sessions"),
    _TabSpec("attendees", "Attendees", "attendees_tab", "AttendeesTab", "attendees"),
    _TabSpec(
        "presentations", "Presentations", "presentations_tab", "PresentationsTab", "presentations"
    ),
    _TabSpec("courses", "Courses", "courses_tab", "CoursesTab", "courses"),
    _TabSpec("decisions", "Decisions", "decisions_tab", "DecisionsTab", "decisions"),
    _TabSpec("photos", "Photos", "photos_tab", "PhotosTab", "files"),
)
_TAB_TITLES = tuple(spec.title for spec in _LIST_TABS)
_HISTORY = "History"


def _describe(p: Problem) -> str:
    where = p.record.split(" › ", 1)[1] if " › " in p.record else ""
    field = p.field.replace("_", " ")
    return f"{where}: {field} {p.message}" if where else f"{field} {p.message}"
