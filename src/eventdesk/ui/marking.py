"""Marking a field as invalid in place: a red border and the problem as its tooltip.

A message box names a problem once and then it is gone; a marked field keeps
saying what is wrong until it is fixed, next to where the fix is typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

PROBLEM_COLOUR = "#c62828"

#: Given to a field while it is marked (and its own style sheet put back when cleared), not to
#: the whole editor: a style sheet on the editor made Qt style every one of its hundreds of
#: fields through style sheets, a third of the time the meeting editor took to build (issue 25).
INVALID_STYLE = f"""
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"],
QListWidget[invalid="true"], QTableView[invalid="true"], QLabel[invalid="true"] {{
    border: 2px solid {PROBLEM_COLOUR};
}}
"""

_PLAIN_TIP = "eventdeskPlainToolTip"
_PLAIN_STYLE = "eventdeskPlainStyleSheet"


def mark(widget: QWidget, message: str) -> None:
    """Show ``message`` on ``widget`` until :func:`clear` is called."""
    widget = _target(widget)
    if not is_marked(widget):
        widget.setProperty(_PLAIN_TIP, widget.toolTip())
        widget.setProperty(_PLAIN_STYLE, widget.styleSheet())
        widget.setStyleSheet(widget.styleSheet() + INVALID_STYLE)
    widget.setProperty("invalid", True)
    widget.setToolTip(message)
    _repolish(widget)


def clear(widget: QWidget) -> None:
    widget = _target(widget)
    if not is_marked(widget):
        return
    widget.setProperty("invalid", False)
    widget.setToolTip(widget.property(_PLAIN_TIP) or "")
    widget.setStyleSheet(widget.property(_PLAIN_STYLE) or "")
    _repolish(widget)


def is_marked(widget: QWidget) -> bool:
    widget = _target(widget)
    # Asking for a property that was never set returns None through a PySide6
    # path that loses a reference to None; ask only for properties that exist.
    return b"invalid" in widget.dynamicPropertyNames() and bool(widget.property("invalid"))


def _target(widget: QWidget) -> QWidget:
    """A compound field (a picker, a list with its finder) is marked on its main part."""
    return getattr(widget, "marked_widget", None) or widget


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
