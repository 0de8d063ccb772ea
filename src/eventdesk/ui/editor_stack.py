"""The right-hand pane: the editor of the selected record, one page per kind.

Every editor keeps one contract (``load(id)``, ``new()``, ``save()``,
``is_dirty()``, ``revert()``, ``record_id()``; the person and organisation
pages through :class:`~eventdesk.ui.record_editor.RecordEditor`), so the
workspace treats them alike; the course register's page only shows.

Each page, and the module it lives in, is made the first time a record of
its kind is shown: the window shows its list without waiting for the
meeting editor's seven tabs (a fifth of a second at start, issue 25), and a
session that never opens a person never builds the person editor.

The record the window opens on is shown once the window has painted
(:meth:`EditorStack.load_after_paint`): the list and the search box are on
screen a meeting editor's making sooner. Until then the stack answers for
that record as shown (its section and id; nothing unsaved), and anything that
needs the editor itself shows it at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QWidget

from eventdesk.store import EventStore, StoreError
from eventdesk.ui.sections import Section

PLACEHOLDER = "Choose a record from the list, or press Ctrl+N for a new one."

if TYPE_CHECKING:
    from eventdesk.ui.course_detail import CourseDetail
    from eventdesk.ui.meeting_editor import MeetingEditor
    from eventdesk.ui.organisation_editor import OrganisationEditor
    from eventdesk.ui.person_editor import PersonEditor


class EditorStack(QStackedWidget):
    saved = Signal(object, int)  # section, record id
    dirtyChanged = Signal(bool)
    openMeeting = Signal(int)
    #: The meeting editor's "Import attendees…" (File › Import attendee list answers it).
    importAttendees = Signal()
    #: The record shown after the first paint could not be read (a damaged file): the message.
    failed = Signal(str)

    def __init__(self, store: EventStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.placeholder = QLabel(PLACEHOLDER)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.addWidget(self.placeholder)
        self._store = store
        self._pages: dict[Section, QWidget] = {}
        #: Pages scroll rather than force the window wider than a laptop's screen.
        self._containers: dict[Section, QWidget] = {}
        self._section: Section | None = None
        #: The meeting editor's tab to show once it is built (the one left open last time).
        self._meeting_tab = ""
        #: The record to show once the window has painted.
        self._pending: tuple[Section, int] | None = None

    def editor(self, section: Section) -> QWidget:
        """The page of this kind, built the first time it is needed (most sessions use one)."""
        self._show_pending()
        page = self._pages.get(section)
        if page is None:
            page = _page_class(section)(self._store)
            self._pages[section] = page
            self._containers[section] = _scrolling(page)
            self.addWidget(self._containers[section])
            if hasattr(page, "saved"):
                page.saved.connect(lambda i, s=section: self.saved.emit(s, i))
                page.dirtyChanged.connect(self.dirtyChanged)
            if hasattr(page, "openMeeting"):
                page.openMeeting.connect(self.openMeeting)
            if section is Section.MEETINGS:
                page.importRequested.connect(self.importAttendees)
                page.show_tab(self._meeting_tab)
        return page

    def set_editable(self, editable: bool) -> None:
        """Every page built shows its fields editable, or read-only (the store began refusing
        writes: ``ui/editable.py``); a page built later reads the store itself."""
        for page in self._pages.values():
            switch = getattr(page, "set_editable", None)
            if callable(switch):
                switch(editable)

    def built(self, section: Section) -> bool:
        """Whether the page of this kind exists yet (it is made when first shown)."""
        return section in self._pages

    def meeting_tab(self) -> str:
        """The meeting editor's tab on show, or the one it will open on once built."""
        if self.built(Section.MEETINGS):
            return self.meeting_editor.tab_name()
        return self._meeting_tab

    def show_meeting_tab(self, name: str) -> None:
        """Open the meeting editor on this tab, now or when it is built."""
        self._meeting_tab = name
        if self.built(Section.MEETINGS):
            self.meeting_editor.show_tab(name)

    @property
    def meeting_editor(self) -> MeetingEditor:
        return self.editor(Section.MEETINGS)  # type: ignore[return-value]

    @property
    def person_editor(self) -> PersonEditor:
        return self.editor(Section.PEOPLE)  # type: ignore[return-value]

    @property
    def organisation_editor(self) -> OrganisationEditor:
        return self.editor(Section.ORGANISATIONS)  # type: ignore[return-value]

    @property
    def course_detail(self) -> CourseDetail:
        return self.editor(Section.COURSES)  # type: ignore[return-value]

    def shown_section(self) -> Section | None:
        """The section whose editor is on show (None: the placeholder)."""
        return self._pending[0] if self._pending else self._section

    def show_placeholder(self) -> None:
        self._drop_pending()
        self._section = None
        self.setCurrentWidget(self.placeholder)

    def load(self, section: Section, record_id: int) -> None:
        self._drop_pending()
        self.editor(section).load(record_id)
        self._raise(section)

    def showing_later(self) -> bool:
        """Whether a record still waits for the window's first paint to be shown."""
        return self._pending is not None

    def load_after_paint(self, section: Section, record_id: int) -> None:
        """Show this record once the window has painted (the record it opens on)."""
        self.show_placeholder()
        self.placeholder.clear()  # for the moment before: no "Choose a record" to flash
        self._pending = (section, record_id)

    def new(self, section: Section) -> bool:
        """Show an empty record of this kind; False for courses (made in a meeting)."""
        if section is Section.COURSES:
            return False
        self._drop_pending()
        self.editor(section).new()
        self._raise(section)
        return True

    def focus_form(self) -> None:
        """Put the keyboard in the first field of the editor on show (Enter on a list row)."""
        self._show_pending()
        if self._section is None:
            return
        page = self._pages[self._section]
        first = getattr(page, "focus_first_field", None)
        if callable(first):
            first()
            return
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:
            takes_tab = widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
            if takes_tab and page.isAncestorOf(widget) and widget.isVisibleTo(page):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def shown_id(self) -> int | None:
        if self._pending is not None:
            return self._pending[1]
        if self._section is None:
            return None
        return self._pages[self._section].record_id()

    def is_dirty(self) -> bool:
        if self._section is None or self._section is Section.COURSES:
            return False
        return self._pages[self._section].is_dirty()

    def changes(self) -> list[str]:
        """What the editor on show has changed and not saved, for the question before leaving."""
        if self._section is None or self._section is Section.COURSES:
            return []
        return self._pages[self._section].changes()

    def save(self) -> bool:
        if self._section is None or self._section is Section.COURSES:
            return True
        return self._pages[self._section].save()

    def revert(self) -> None:
        if self._section is not None and self._section is not Section.COURSES:
            self._pages[self._section].revert()

    def connection_back(self) -> None:
        """The team database answers again: each editor made says so if a save of its was
        cut off (``Editor.connection_back``)."""
        for page in self._pages.values():
            back = getattr(page, "connection_back", None)
            if back is not None:
                back()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._pending is not None:  # painted: the record comes at the next turn of the loop
            QTimer.singleShot(0, self, self._show_pending_if_shown)

    def _show_pending_if_shown(self) -> None:
        """Not for a stack hidden meanwhile (another database opened): it is being replaced."""
        if self.isVisible():
            self._show_pending()

    def _show_pending(self) -> None:
        """Show the record left for after the first paint, now (once)."""
        if self._pending is None:
            return
        section, record_id = self._pending
        self._drop_pending()
        try:
            self.load(section, record_id)
        except StoreError as exc:
            self.show_placeholder()
            self.failed.emit(str(exc))

    def _drop_pending(self) -> None:
        if self._pending is not None:
            self._pending = None
            self.placeholder.setText(PLACEHOLDER)

    def _raise(self, section: Section) -> None:
        self._section = section
        self.setCurrentWidget(self._containers[section])


def _page_class(section: Section) -> type[QWidget]:
    """The editor class of this kind, imported only now."""
    if section is Section.MEETINGS:
        from eventdesk.ui.meeting_editor import MeetingEditor

        return MeetingEditor
    if section is Section.PEOPLE:
        from eventdesk.ui.person_editor import PersonEditor

        return PersonEditor
    if section is Section.ORGANISATIONS:
        from eventdesk.ui.organisation_editor import OrganisationEditor

        return OrganisationEditor
    from eventdesk.ui.course_detail import CourseDetail

    return CourseDetail


def _scrolling(page: QWidget) -> QScrollArea:
    """Forms scroll instead of squeezing when the window is small."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area
