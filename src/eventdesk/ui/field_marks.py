"""Marking invalid fields in place: a red border and the problem as a tooltip.

A dialog listing "family_name: is required" makes the user hunt for the
field; a mark on the field itself shows where to type. Marks clear when the
field is edited or the record is saved or reloaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtWidgets import QWidget

from eventdesk.records import Problem

INVALID_STYLE = "border: 1px solid #c62828; border-radius: 2px;"


class FieldMarks:
    """Knows the form's widgets by record field name and marks the ones with problems."""

    def __init__(self, fields: Mapping[str, QWidget]):
        self._fields = dict(fields)
        self._marked: dict[QWidget, str] = {}

    def mark(self, field: str, message: str) -> bool:
        """Mark one field; False if the form has no widget for it."""
        widget = self._fields.get(field)
        if widget is None:
            return False
        if widget not in self._marked:
            self._marked[widget] = widget.toolTip()
        widget.setStyleSheet(INVALID_STYLE)
        widget.setToolTip(message)
        widget.setProperty("invalid", True)
        return True

    def mark_problems(self, problems: Iterable[Problem]) -> list[Problem]:
        """Mark each problem's field; return the problems that have no field on this form."""
        unplaced = []
        for problem in problems:
            if not self.mark(problem.field, f"{_label(problem.field)} {problem.message}"):
                unplaced.append(problem)
        return unplaced

    def clear(self, widget: QWidget | None = None) -> None:
        """Clear one widget's mark, or every mark."""
        targets = [widget] if widget is not None else list(self._marked)
        for target in targets:
            if target in self._marked:
                target.setStyleSheet("")
                target.setToolTip(self._marked.pop(target))
                target.setProperty("invalid", False)

    def is_marked(self, field: str) -> bool:
        widget = self._fields.get(field)
        return widget is not None and widget in self._marked

    def message(self, field: str) -> str:
        widget = self._fields.get(field)
        return widget.toolTip() if widget is not None and widget in self._marked else ""

    def first_marked(self) -> QWidget | None:
        return next(iter(self._marked), None)


def _label(field: str) -> str:
    return field.removesuffix("_id").replace("_", " ").capitalize()
