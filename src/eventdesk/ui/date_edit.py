"""A date field that says which date it understood, with a calendar beside it.

The text stays the clerk's (typed as the office writes dates, read by
:mod:`eventdesk.dates`); next to it a label says "Tue 2 April 2019", or, in
words and in red, why the text is no date. The button opens a calendar
(QCalendarWidget) on the date shown; picking a day writes it as YYYY-MM-DD
and reports it like typing would (``textEdited``), so the form records it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from eventdesk.dates import describe
from eventdesk.ui.date_order import day_first as day_first
from eventdesk.ui.date_order import parse
from eventdesk.ui.date_order import set_day_first as set_day_first

#: The colour of problems, as ``meeting_editor.marking`` (not imported: it imports us).
PROBLEM_COLOUR = "#c62828"


def beside_or_typed(beside: bool, typed: str) -> bool:
    """Whether the understood-date label is worth its room."""
    return beside or bool(typed)


class DateField(QWidget):
    """``edit`` (the QLineEdit the form binds), a calendar button, and the date understood."""

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None, *, beside: bool = True):
        """``beside``: the label follows the button; else the caller lays ``label`` out."""
        super().__init__(parent)
        self.edit = edit
        edit.setPlaceholderText(edit.placeholderText() or "e.g. 2 April 2019")
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip("Choose the date on a calendar")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._calendar_on_shown_date)
        self.button.setMenu(menu)
        self._beside = beside
        self.label = QLabel(self if beside else None)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(beside)  # under the dates there is room for one line
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(edit)
        layout.addWidget(self.button)
        if beside:
            layout.addWidget(self.label, 1)
        self.setFocusProxy(edit)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        edit.textChanged.connect(self.update_label)
        self.update_label()

    def update_label(self) -> None:
        """What the text is understood as, or why it is no date (in words, beside the field)."""
        typed = self.edit.text().strip()
        if not beside_or_typed(self._beside, typed):
            self.label.hide()  # an empty line under empty dates would only push the form down
        elif not self.label.isVisibleTo(self.label.parentWidget() or self.label):
            self.label.show()
        if not typed:
            self.label.setText("")
            self.label.setToolTip("")
            return
        try:
            value = parse(typed)
        except ValueError as exc:
            self.label.setStyleSheet(f"color: {PROBLEM_COLOUR};")
            self.label.setText(str(exc))
            self.label.setToolTip(str(exc))
            return
        self.label.setStyleSheet("color: palette(dark);")
        self.label.setText(describe(value))
        self.label.setToolTip("")

    def _calendar_on_shown_date(self) -> None:
        try:
            value = parse(self.edit.text())
        except ValueError:
            value = date.today()
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    def _picked(self, day: QDate) -> None:
        menu = self.button.menu()
        if menu is not None:
            menu.close()
        text = date(day.year(), day.month(), day.day()).isoformat()
        self.edit.setText(text)
        self.edit.textEdited.emit(text)  # recorded as if typed
        self.edit.editingFinished.emit()
        self.edit.setFocus()
