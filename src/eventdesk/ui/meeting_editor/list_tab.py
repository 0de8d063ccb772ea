"""The shape every list tab shares: a table of rows above a form for the selected one.

Sessions, attendees, presentations, courses, decisions and photos are all
ordered lists edited the same way, so the behaviour lives here once: add
(the button, or Enter in the table), remove, move up/down (buttons or
Alt+Up/Alt+Down; the list order is what the store keeps), and a form bound to
the selected row. Subclasses lay out their form and make new records.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from eventdesk.records import Meeting, Session
from eventdesk.ui.editable import is_editable
from eventdesk.ui.list_columns import widen_to_content
from eventdesk.ui.meeting_editor import declared_parts
from eventdesk.ui.meeting_editor.models import PartsModel
from eventdesk.ui.record_form import RecordForm

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ListTab(QWidget):
    """A list of one kind of meeting part, with its form."""

    #: emitted after every change the user makes (dirty tracking)
    edited = Signal()
    #: a record was removed (by uid), so others can drop references to it
    removed = Signal(str)
    #: rows were added, removed or moved (what other tabs list may have changed)
    listChanged = Signal()
    #: the word naming a row in a validation problem: "meeting › session 2"
    RECORD: ClassVar[str] = ""
    NOUN: ClassVar[str] = "row"
    #: A tab whose rows belong to a session binds its session choice here.
    session: QComboBox | None = None

    def __init__(self, model: PartsModel, fields: QWidget, parent: QWidget | None = None):
        """``fields`` is the form's layout (a ``part_views`` class); ``bind`` connects it."""
        super().__init__(parent)
        self.model = model
        self.form = RecordForm(self)
        self.first_field: QWidget | None = None

        self.view = QTableView(self)
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list for the form
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in model.WIDTHS.items():
            self.view.setColumnWidth(column, width)
        # the others (Capacity, a part's declared fields) as wide as a meeting's text when it
        # is loaded, headers whole; an edit leaves the widths as the clerk has them
        for signal in (model.modelReset, model.rowsInserted):
            signal.connect(lambda *_: widen_to_content(self.view, model.WIDTHS))
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.installEventFilter(self)

        self.add_button = QPushButton(f"Add {self.NOUN}", self)
        self.remove_button = QPushButton("Remove", self)
        self.up_button = QPushButton("Move up", self)
        self.down_button = QPushButton("Move down", self)
        self.up_button.setToolTip("Move up (Alt+Up)")
        self.down_button.setToolTip("Move down (Alt+Down)")
        self.toolbar = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            self.toolbar.addWidget(button)
        self.toolbar.addStretch(1)

        self.fields = fields
        self.bind(fields)
        form_layout = fields.layout()
        assert isinstance(form_layout, QFormLayout), "a part's form is a QFormLayout (part_views)"
        # after the hand-made rows: the part's other fields its declaration labels
        declared_parts.add_rows(self, self.form, form_layout, declared_parts.part_of(model.LIST))

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.fields)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)  # the list takes the room the form does not need
        self.splitter.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.splitter, 1)

        self.add_button.clicked.connect(self.add_record)
        self.remove_button.clicked.connect(self.remove_record)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Alt+Up"), self, lambda: self.move(-1), context=context)
        QShortcut(QKeySequence("Alt+Down"), self, lambda: self.move(1), context=context)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.form.edited.connect(self._form_edited)
        self._update_buttons()
        # Tab goes through the buttons, the list, then the form (views are made first)
        chain_tab_order(
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.view,
            *self.form.widgets(),
        )

    # -- for subclasses ----------------------------------------------------------

    def bind(self, fields: Any) -> None:
        """Bind the form's fields to the attributes of the selected record."""
        raise NotImplementedError

    def new_record(self) -> Any:
        raise NotImplementedError

    def field_edited(self, name: str) -> None:
        """Called after the form wrote ``name`` into the current record."""

    def sessions_changed(self) -> None:
        """The meeting's sessions were added, renamed, moved or removed."""
        if self.session is not None:  # the tab's choice of session lists them again
            meeting = self.meeting()
            fill_session_choices(self.session, meeting.sessions if meeting else [])
            self.form.load(self.current())
        self.model.refresh_all()

    def attendee_ids(self) -> list[int]:
        """The people attending the meeting, whom a person field offers first."""
        meeting = self.meeting()
        return [a.person_id for a in meeting.attendees] if meeting else []

    def bind_title(self, fields: Any) -> None:
        """The title first, in English and Chinese; Enter in it adds the next row."""
        self.title = self.first_field = self.form.text("title", fields.title)
        self.title_zh = self.form.text("title_zh", fields.title_zh)
        self.enter_adds(self.title)
        self.enter_adds(self.title_zh)  # an agenda typed in Chinese goes on in Chinese

    def enter_adds(self, widget: QLineEdit) -> None:
        """Enter in ``widget`` adds the next row, and the keyboard goes on in the same field."""
        widget.returnPressed.connect(lambda: self._add_then_focus(widget))

    def _add_then_focus(self, widget: QLineEdit) -> None:
        self.add_record()
        if self.meeting() is not None:
            widget.setFocus()

    # -- the list ------------------------------------------------------------------

    def meeting(self) -> Meeting | None:
        return self.model.meeting

    def rows(self) -> list[Any]:
        return self.model.rows()

    def set_meeting(self, meeting: Meeting | None) -> None:
        self.form.reset()
        self.model.set_meeting(meeting)
        self.sessions_changed()
        self.select(0)

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def current(self) -> Any:
        row = self.current_row()
        return self.rows()[row] if 0 <= row < len(self.rows()) else None

    def select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.selectRow(row)
        else:
            self.view.setCurrentIndex(self.model.index(-1, -1))
        self._show_current()

    def add_record(self) -> None:
        if self.meeting() is None or not is_editable(self):  # Enter on a read-only page
            return
        self.insert(self.new_record())
        if self.first_field is not None:
            self.first_field.setFocus()

    def insert(self, record: Any) -> int:
        rows = self.rows()
        row = self.current_row() + 1 if self.current_row() >= 0 else len(rows)
        rows.insert(row, record)
        self.model.reset()
        self.select(row)
        self._changed()
        self.listChanged.emit()
        return row

    def remove_record(self) -> None:
        row = self.current_row()
        if row < 0 or not is_editable(self):
            return
        record = self.rows().pop(row)
        self.form.forget(record.uid)
        self.model.set_problem(record.uid, None)
        self.model.reset()
        self.select(min(row, len(self.rows()) - 1))
        self.removed.emit(record.uid)
        self._changed()
        self.listChanged.emit()

    def move(self, delta: int) -> None:
        row, rows = self.current_row(), self.rows()
        target = row + delta
        if row < 0 or not 0 <= target < len(rows) or not is_editable(self):  # Alt+Up/Down
            return
        rows[row], rows[target] = rows[target], rows[row]
        self.model.reset()
        self.select(target)
        self._changed()
        self.listChanged.emit()

    # -- problems --------------------------------------------------------------------

    def clear_problems(self) -> None:
        self.form.clear_problems()
        self.model.clear_problems()

    def mark_problem(self, row: int, field: str, message: str) -> None:
        if not 0 <= row < len(self.rows()):
            return
        uid = self.rows()[row].uid
        self.form.set_problem(uid, field, message)
        self.model.set_problem(uid, f"{field}: {message}")

    def unreadable_rows(self) -> list[tuple[int, str, str]]:
        """(row, field, message) for text the form could not read."""
        position = {r.uid: n for n, r in enumerate(self.rows())}
        return [
            (position[uid], field, message)
            for uid, field, message in self.form.unreadable()
            if uid in position
        ]

    # -- internals -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.add_record()
            return True
        return super().eventFilter(watched, event)

    def _show_current(self) -> None:
        self.form.load(self.current())
        self._update_buttons()
        self._propose()

    def _form_edited(self, name: str) -> None:
        self.model.refresh_row(self.current_row())
        self.field_edited(name)
        self._changed()
        if not name.endswith("_zh"):  # the English changed: ask the records again
            self._propose()

    def _propose(self) -> None:
        """Each empty Chinese field's proposal for the row shown (chinese_proposals.py)."""
        for proposer in getattr(self, "proposers", ()):
            proposer.refresh()

    def _changed(self) -> None:
        self._update_buttons()
        self.edited.emit()

    def _update_buttons(self) -> None:
        row, count = self.current_row(), len(self.rows())
        self.add_button.setEnabled(self.meeting() is not None)
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)


def chain_tab_order(*widgets: QWidget) -> None:
    """Make Tab move through ``widgets`` in the order given.

    A container (a picker, the parties editor) stands for the fields inside it,
    and a label, which takes no focus, is left out.
    """
    chain = [f for w in widgets for f in _focusable(w)]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def _focusable(widget: QWidget) -> list[QWidget]:
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [widget]
    return [
        child
        for child in widget.findChildren(QWidget)
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.focusProxy() is None
    ]


def fill_session_choices(combo: QComboBox, sessions: list[Session]) -> None:
    """List the meeting's sessions (and "no session") without reporting an edit."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem("—", None)
        for n, s in enumerate(sessions, 1):
            combo.addItem(f"{n}. {s.title or s.title_zh or '(untitled)'}", s.uid)
        combo.setCurrentIndex(max(combo.findData(current), 0))
