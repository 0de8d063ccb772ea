"""The three panes on one database: navigator, list, editor.

A workspace belongs to one open store; opening another database builds a
new workspace, so no widget ever holds a closed store. It owns the rule that
unsaved changes are never dropped: before the shown record changes, it asks
(through the ``ask_unsaved`` callable it was given) whether to save, discard
or stay.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QWidget

from eventdesk.store import ChangeNotice, ConnectionLost, Draft, EventStore, StoreError
from eventdesk.ui.course_filters import CourseFilters
from eventdesk.ui.editor_stack import EditorStack
from eventdesk.ui.list_pane import ListPane
from eventdesk.ui.live_lists import LiveLists
from eventdesk.ui.models import (
    CoursesModel,
    MeetingsModel,
    OrganisationsModel,
    PagedTableModel,
    PeopleModel,
)
from eventdesk.ui.sections import Section

if TYPE_CHECKING:  # the interchange and the questions' box load on first use, not at start
    from PySide6.QtWidgets import QMessageBox

    from eventdesk.store import ImportReport

#: The kinds of crash draft restored here: each section's editor has ``restore_draft(payload)``.
#: The kinds of record whose changes by others change what each list shows (a meeting's
#: change moves a person's or organisation's count of meetings, a course names its meeting).
SHOWN_IN = {
    Section.MEETINGS: {"meeting"},
    Section.PEOPLE: {"person", "organisation", "meeting"},
    Section.ORGANISATIONS: {"organisation", "meeting"},
    Section.COURSES: {"course", "organisation", "meeting"},
}
RECOVERABLE = {
    "meeting": Section.MEETINGS,
    "person": Section.PEOPLE,
    "organisation": Section.ORGANISATIONS,
}


class Workspace(QSplitter):
    dirtyChanged = Signal(bool)
    sectionChanged = Signal(object)
    #: A record could not be read (a damaged file): the message for the user.
    failed = Signal(str)

    def __init__(
        self,
        store: EventStore,
        ask_unsaved: Callable[[], QMessageBox.StandardButton],
        *,
        page_size: int,
        parent: QWidget | None = None,
    ):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.store = store
        self._ask_unsaved = ask_unsaved
        self._page_size = page_size
        self._models: dict[Section, PagedTableModel] = {}
        self._section = Section.MEETINGS
        self._handled_drafts: set[tuple[str, int | None]] = set()
        #: The record last shown or saved in each list, selected again on coming back.
        self._last_shown: dict[Section, int] = {}

        self.navigator = QListWidget()
        self.navigator.setObjectName("navigator")
        self.navigator.setStyleSheet(
            "QListWidget#navigator { outline: 0; }"
            "QListWidget#navigator::item { padding: 6px 10px; }"
        )
        self.navigator.setFrameShape(QListWidget.Shape.NoFrame)
        for section in Section:
            item = QListWidgetItem(section.label)
            item.setData(Qt.ItemDataRole.UserRole, section.value)
            self.navigator.addItem(item)
        self.list_pane = ListPane()
        self.course_filters = CourseFilters()
        self.course_filters.hide()
        self.list_pane.filters_row.addWidget(self.course_filters)
        self.editors = EditorStack(store)
        self.navigator.setMinimumWidth(120)
        self.list_pane.setMinimumWidth(240)
        self.editors.setMinimumWidth(320)

        self.addWidget(self.navigator)
        self.addWidget(self.list_pane)
        self.addWidget(self.editors)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 2)
        self.setStretchFactor(2, 3)
        self.setSizes([120, 360, 800])
        self.setChildrenCollapsible(False)

        self.editors.failed.connect(self.failed)
        self.navigator.currentRowChanged.connect(self._navigator_changed)
        self.list_pane.currentChanged.connect(self._list_current_changed)
        self.list_pane.activated.connect(self._list_activated)
        self.course_filters.changed.connect(self._course_filters_changed)
        self.editors.saved.connect(self._saved)
        self.editors.dirtyChanged.connect(self.dirtyChanged)
        self.editors.openMeeting.connect(self.open_meeting)

        #: Others' saves, heard from the store (issue 23, item 4).
        self.live_lists = LiveLists(store, self)
        self.live_lists.changed.connect(self._others_changed)

        self._show_in_navigator(Section.MEETINGS)
        self._starting = True  # the first record is shown once the window has painted
        self._show_section(Section.MEETINGS)
        self._starting = False

    # -- what the window asks -------------------------------------------------

    def section(self) -> Section:
        return self._section

    def model(self, section: Section) -> PagedTableModel:
        if section not in self._models:
            self._models[section] = self._make_model(section)
        return self._models[section]

    def set_page_size(self, page_size: int) -> None:
        """Rows per query from now on (the preference); loaded rows stay."""
        self._page_size = page_size
        for model in self._models.values():
            model.page_size = max(1, page_size)

    def is_dirty(self) -> bool:
        return self.editors.is_dirty()

    def confirm_leave(self) -> bool:
        """Before the shown record goes away: True if it may (saved, discarded or clean)."""
        if not self.editors.is_dirty():
            return True
        from PySide6.QtWidgets import QMessageBox  # not made at start: asked when leaving

        answer = self._ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.editors.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.editors.revert()
            return True
        return False

    def set_section(self, section: Section) -> bool:
        if section is self._section:
            return True
        if not self.confirm_leave():
            return False
        self._show_in_navigator(section)
        self._show_section(section)
        return True

    def new_record(self) -> bool:
        """An empty record of the section's kind in the editor (Ctrl+N)."""
        target = Section.MEETINGS if self._section is Section.COURSES else self._section
        if not self.set_section(target) or not self.confirm_leave():
            return False
        self.list_pane.select_id(None, notify=False)
        made = self.editors.new(target)
        self._update_example_offer()
        return made

    def save(self) -> bool:
        return self.editors.save()

    def open_meeting(self, meeting_id: int) -> bool:
        """Show a meeting (from a person's page or the course register) in the meeting editor."""
        if not self.confirm_leave():
            return False
        self._show_in_navigator(Section.MEETINGS)
        if self._section is not Section.MEETINGS:
            self._show_section(Section.MEETINGS, select_first=False)
        if not self.list_pane.select_id(meeting_id, notify=False):
            self.list_pane.search.clear()
            self.list_pane.apply_search()
            self.list_pane.select_id(meeting_id, notify=False)
        self.editors.load(Section.MEETINGS, meeting_id)
        return True

    def current_record(self) -> tuple[str, int, str] | None:
        """(kind, id, label) of the record selected in the list, if it can be deleted."""
        kind = self._section.kind
        record_id = self.list_pane.current_id()
        if kind is None or record_id is None:
            return None
        model = self.model(self._section)
        row = model.row_of_id(record_id)
        label = (
            model.display(model.row(row), 1 if kind == "meeting" else 0) if row is not None else ""
        )
        return kind, record_id, label

    def refresh(self) -> None:
        """Re-query every list after data changed behind the lists' backs (import, undo)."""
        for section, model in self._models.items():
            if section is not self._section:
                model.reload()
        self.list_pane.refresh()
        shown = self.editors.shown_id()
        if shown is None and self.editors.shown_section() is not None and not self.is_dirty():
            self.editors.show_placeholder()
        self._update_example_offer()

    def forget_record(self, kind: str, record_id: int) -> None:
        """After a delete: if the deleted record is on show, show nothing instead."""
        section = self.editors.shown_section()
        if section is not None and section.kind == kind and self.editors.shown_id() == record_id:
            self.editors.show_placeholder()

    # -- crash drafts ------------------------------------------------------------

    def pending_drafts(self) -> list[Draft]:
        """Drafts a crash left, which this session has not restored or discarded."""
        return [
            d
            for d in self.store.drafts.pending()
            if d.kind in RECOVERABLE and (d.kind, d.record_id) not in self._handled_drafts
        ]

    def restore_draft(self, draft: Draft) -> bool:
        """Open the draft's record in its editor with the unsaved edits back in the form."""
        section = RECOVERABLE[draft.kind]
        if not self.set_section(section) or not self.confirm_leave():
            return False
        if draft.record_id is None:
            self.new_record()
        elif section is Section.MEETINGS:
            self.open_meeting(draft.record_id)
        else:
            self.list_pane.select_id(draft.record_id, notify=False)
            self.editors.load(section, draft.record_id)
        self.editors.editor(section).restore_draft(draft.payload)
        self._handled_drafts.add((draft.kind, draft.record_id))
        return True

    def discard_draft(self, draft: Draft) -> None:
        self.store.drafts.discard(draft.kind, draft.record_id)
        self._handled_drafts.add((draft.kind, draft.record_id))

    # -- the example meeting -----------------------------------------------------

    def offers_example(self) -> bool:
        return not self.list_pane.example_bar.isHidden()

    def load_example_meeting(self, path: Path | None = None) -> ImportReport:
        """Import the shipped example meeting and show it (the empty database's offer)."""
        from eventdesk import paths

        report = self.store.interchange.import_file(path or paths.sample_meeting())
        self.refresh()
        if report.meetings_added:
            self.open_meeting(report.meetings_added[0])
        return report

    # -- internals -----------------------------------------------------------------

    def _make_model(self, section: Section) -> PagedTableModel:
        kinds = {
            Section.MEETINGS: MeetingsModel,
            Section.PEOPLE: PeopleModel,
            Section.ORGANISATIONS: OrganisationsModel,
            Section.COURSES: CoursesModel,
        }
        return kinds[section](self.store, self._page_size, self)

    def _show_section(self, section: Section, *, select_first: bool = True) -> None:
        self._section = section
        self.course_filters.setVisible(section is Section.COURSES)
        if section is Section.COURSES:
            self._offer_course_years()
        self.list_pane.set_model(self.model(section))
        self._update_example_offer()
        self.editors.show_placeholder()
        if select_first and not self.list_pane.select_id(self._last_shown.get(section)):
            self.list_pane.select_row(0)  # the record last shown here, else the first
        self.sectionChanged.emit(section)

    def _offer_course_years(self) -> None:
        """The years that have courses, in the register's filter (one small query)."""
        with contextlib.suppress(ConnectionLost):  # the window says the server is gone
            self.course_filters.set_years(
                r.year for r in self.store.courses.list() if r.year is not None
            )

    def _navigator_changed(self, row: int) -> None:
        section = list(Section)[row] if 0 <= row < len(Section) else Section.MEETINGS
        if section is self._section:
            return
        if not self.confirm_leave():
            self._show_in_navigator(self._section)
            return
        self._show_section(section)

    def _show_in_navigator(self, section: Section) -> None:
        """Mark ``section`` in the navigator without its change handler asking to leave."""
        with QSignalBlocker(self.navigator):
            self.navigator.setCurrentRow(list(Section).index(section))

    def _list_current_changed(self, record_id: int | None) -> None:
        shown = (self.editors.shown_section(), self.editors.shown_id())
        if record_id is None or shown == (self._section, record_id):
            return
        if not self.confirm_leave():
            self.list_pane.select_id(shown[1] if shown[0] is self._section else None, notify=False)
            return
        try:
            if self._starting:
                self.editors.load_after_paint(self._section, record_id)
            else:
                self.editors.load(self._section, record_id)
            self._last_shown[self._section] = record_id
        except StoreError as exc:
            self.editors.show_placeholder()
            self.failed.emit(str(exc))

    def _list_activated(self, record_id: int) -> None:
        if self._section is not Section.COURSES:
            self.editors.focus_form()
            return
        course = self.store.courses.get(record_id)
        if course.meeting_id is not None:
            self.open_meeting(course.meeting_id)

    def _course_filters_changed(self) -> None:
        model = self.model(Section.COURSES)
        assert isinstance(model, CoursesModel)
        model.set_filters(*self.course_filters.values())

    def _saved(self, section: Section, record_id: int) -> None:
        self._last_shown[section] = record_id
        if section is self._section:
            self.list_pane.refresh()
            self.list_pane.select_id(record_id, notify=False)
        for other, model in self._models.items():
            if other is not self._section:
                model.reload()
        self._update_example_offer()

    def _others_changed(self, notices: list[ChangeNotice]) -> None:
        """Another clerk changed records: refresh the list shown if it shows them, keeping
        the selection and the scroll (the other lists re-query when next shown), and tell
        the editor if it shows one of them, without touching its form: a person's or
        organisation's page reads its meetings again, a course's page shows it anew."""
        kinds = {n.kind for n in notices}
        if kinds & SHOWN_IN[self._section]:
            if self._section is Section.COURSES and "course" in kinds:
                self._offer_course_years()  # a year of theirs the filter did not offer
            self.list_pane.refresh()
            with suppress(StoreError):  # the server away: its banner says so, this waits
                self._update_example_offer()
        section, shown = self.editors.shown_section(), self.editors.shown_id()
        if section is None or shown is None:
            return
        editor = self.editors.editor(section)
        courses_changed = section is Section.COURSES and kinds & SHOWN_IN[Section.COURSES]
        if courses_changed and not editor.refresh():  # type: ignore[attr-defined]
            self.editors.show_placeholder()  # removed: its page would show what is not
            return
        meetings_changed = getattr(editor, "meetings_changed", None)  # a person's, an org's
        if meetings_changed is not None and kinds & {"meeting", "person"}:
            with suppress(StoreError):  # the server away: its banner says so
                meetings_changed()
        if section.kind is None:
            return
        # an Editor's (ui/editor_base, not imported at start); the course detail has none
        changed_elsewhere = getattr(editor, "changed_elsewhere", None)
        if changed_elsewhere is not None and ChangeNotice(section.kind, shown) in notices:
            changed_elsewhere()

    def _update_example_offer(self) -> None:
        """Offer the example in an empty database, until the clerk starts the first meeting:
        then the hint would only push the list down beside the meeting being entered."""
        entering = (
            self.editors.shown_section() is Section.MEETINGS and self.editors.shown_id() is None
        )
        try:
            empty = self._section is Section.MEETINGS and self.store.meetings.count() == 0
        except ConnectionLost:  # the server is gone (the window says so): leave it as it is
            return
        self.list_pane.show_example_offer(empty and not entering and not self.store.read_only)
