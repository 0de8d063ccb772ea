"""English and Chinese side by side: every printed text has a Chinese twin.

Putting the two fields on one row (English left, Chinese right) keeps the
form as short as a monolingual one and makes a missing twin easy to see.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget


def line(placeholder: str = "", parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    return edit


def text(
    placeholder: str = "", lines: int = 3, parent: QWidget | None = None, *, grow: bool = False
) -> QPlainTextEdit:
    """A multi-line field that Tab leaves: Tab moves through the form, typed text never needs it."""
    edit = QPlainTextEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setMinimumHeight(height)
    if not grow:  # a form under a list keeps the room for the list
        edit.setMaximumHeight(height + edit.fontMetrics().lineSpacing() * 2)
    return edit


def pair(english: QWidget, chinese: QWidget) -> QWidget:
    """English and Chinese fields on one row, the Chinese one slightly narrower."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(english, 3)
    layout.addWidget(chinese, 2)
    return box


def row(*widgets: QWidget, stretch_last: bool = False) -> QWidget:
    """Several small fields on one form row (dates and times, a count and its unit)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w)
    if not stretch_last:
        layout.addStretch(1)
    return box
