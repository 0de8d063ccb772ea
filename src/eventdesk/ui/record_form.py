"""Binding form fields to the attributes of one record, with in-place problems.

Every editor binds its widgets here: the person and organisation pages, and
each tab of the meeting editor (the meeting, or the selected session,
attendee, ...). ``RecordForm`` copies values into the widgets when a record is
shown and writes every edit straight back into the record, so the editor's
working copy is always what the user sees. Text that cannot be read (a date
that does not exist) is kept as typed, marked, and remembered per record, so
moving to another row and back does not lose it and ``save`` can refuse it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from eventdesk.records import Problem, parse_time
from eventdesk.ui import marking


@dataclass
class _Field:
    widget: QWidget
    read: Callable[[], Any]  # may raise ValueError with the message to show
    write: Callable[[Any], None]
    text: Callable[[], str] | None = None  # the raw text, for fields that can be unreadable
    set_text: Callable[[str], None] | None = None


class RecordForm(QObject):
    """The fields of one kind of record; ``edited(field)`` after each user edit."""

    edited = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._fields: dict[str, _Field] = {}
        self._aliases: dict[str, str] = {}
        self._record: Any = None
        self._loading = False
        self._bad: dict[tuple[str, str], tuple[str, str]] = {}  # (uid, field) -> (text, message)
        self._problems: dict[tuple[str, str], str] = {}  # from validation, until edited

    # -- binding ---------------------------------------------------------------

    def bind(self, name: str, field: _Field, *aliases: str) -> None:
        self._fields[name] = field
        for alias in aliases:
            self._aliases[alias] = name

    def text(self, name: str, widget: QLineEdit) -> QLineEdit:
        self.bind(name, _Field(widget, lambda: widget.text().strip(), lambda v: _show(widget, v)))
        widget.textEdited.connect(lambda _t: self._changed(name))
        return widget

    def plain(self, name: str, widget: QPlainTextEdit) -> QPlainTextEdit:
        self.bind(name, _Field(widget, lambda: widget.toPlainText().strip(), widget.setPlainText))
        widget.textChanged.connect(lambda: self._changed(name))
        return widget

    def choice(
        self,
        name: str,
        widget: QComboBox,
        *aliases: str,
        convert: Callable[[Any], Any] = lambda v: v,
    ) -> QComboBox:
        """A combo whose item data is the value (a uid or None; ``convert`` makes it a value)."""

        def write(value: Any) -> None:
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))

        def read() -> Any:
            data = widget.currentData()
            return None if data is None else convert(data)

        self.bind(name, _Field(widget, read, write), *aliases)
        widget.currentIndexChanged.connect(lambda _i: self._changed(name))
        return widget

    def enum(self, name: str, widget: QComboBox, kind: type[StrEnum]) -> QComboBox:
        widget.clear()
        for member in kind:
            widget.addItem(member.label, member.value)  # type: ignore[attr-defined]
        return self.choice(name, widget, convert=kind)

    def parsed(
        self,
        name: str,
        widget: QLineEdit,
        parse: Callable[[str], Any],
        show: Callable[[Any], str],
    ) -> QLineEdit:
        """A line edit read by ``parse`` (empty means None); unreadable text is refused."""

        def read() -> Any:
            typed = widget.text().strip()
            return parse(typed) if typed else None

        write = lambda v: widget.setText(show(v))  # noqa: E731
        self.bind(name, _Field(widget, read, write, widget.text, widget.setText))
        widget.textEdited.connect(lambda _t: self._changed(name))
        widget.editingFinished.connect(lambda: self._show_bad(name))
        return widget

    def date(self, name: str, widget: QLineEdit) -> QLineEdit:
        """Dates as an office types them (``ui.date_edit``: ISO, 2 April 2019, 2019年4月2日, …)."""
        from eventdesk.ui.date_edit import parse

        widget.setPlaceholderText(widget.placeholderText() or "e.g. 2 April 2019")
        return self.parsed(name, widget, parse, _iso)

    def time(self, name: str, widget: QLineEdit) -> QLineEdit:
        widget.setPlaceholderText(widget.placeholderText() or "HH:MM")
        return self.parsed(name, widget, parse_time, lambda t: t.strftime("%H:%M") if t else "")

    def integer(self, name: str, widget: QLineEdit) -> QLineEdit:
        return self.parsed(name, widget, _parse_int, lambda v: "" if v is None else str(v))

    def value(self, name: str, widget: Any, changed: Any, *aliases: str) -> QWidget:
        """A widget with ``value()`` and ``set_value()`` (a picker, a list of people), edited
        when ``changed`` is emitted."""
        return self.custom(name, widget, widget.value, widget.set_value, changed, *aliases)

    def custom(
        self,
        name: str,
        widget: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        signal: Any,
        *aliases: str,
    ) -> QWidget:
        """Any widget; ``signal`` (one, or a tuple of them) None for a field shown, not edited."""
        self.bind(name, _Field(widget, read, write), *aliases)
        signals = signal if isinstance(signal, tuple) else (signal,)
        for each in signals:
            if each is not None:
                each.connect(lambda *_a: self._changed(name))
        return widget

    # -- showing a record ------------------------------------------------------

    def record(self) -> Any:
        return self._record

    def widgets(self) -> list[QWidget]:
        """The fields in the order they were bound (the order of the form)."""
        return [f.widget for f in self._fields.values()]

    def bound(self) -> list[tuple[str, QWidget]]:
        """(field name, widget) of every bound field, in form order."""
        return [(name, f.widget) for name, f in self._fields.items()]

    def widget(self, name: str) -> QWidget | None:
        field = self._fields.get(self._aliases.get(name, name))
        return field.widget if field else None

    def load(self, record: Any) -> None:
        """Show ``record`` (or nothing) in the fields, with its remembered problems."""
        self._record = record
        self._loading = True
        try:
            for name, field in self._fields.items():
                field.widget.setEnabled(record is not None)
                if record is None:  # an empty pane shows nothing of the last record
                    if isinstance(field.widget, (QLineEdit, QPlainTextEdit)):
                        field.widget.clear()
                    else:
                        with suppress(TypeError, AttributeError, ValueError):
                            field.write(None)
                    marking.clear(field.widget)
                    continue
                bad = self._bad.get((record.uid, name))
                if bad and field.set_text:
                    field.set_text(bad[0])
                    marking.mark(field.widget, bad[1])
                    continue
                field.write(getattr(record, name))
                message = self._problems.get((record.uid, name))
                if message:
                    marking.mark(field.widget, message)
                else:
                    marking.clear(field.widget)
        finally:
            self._loading = False

    def reset(self) -> None:
        """Forget remembered problems (a new meeting was loaded)."""
        self._bad.clear()
        self._problems.clear()

    # -- problems --------------------------------------------------------------

    def set_problem(self, uid: str, field: str, message: str) -> None:
        name = self._aliases.get(field, field)
        self._problems[(uid, name)] = message
        if self._record is not None and self._record.uid == uid and name in self._fields:
            marking.mark(self._fields[name].widget, message)

    def mark_problems(self, problems: list[Problem]) -> list[Problem]:
        """Mark each problem on the shown record's field; return those with no field here."""
        unplaced = []
        for problem in problems:
            name = self._aliases.get(problem.field, problem.field)
            if self._record is None or name not in self._fields:
                unplaced.append(problem)
                continue
            self.set_problem(self._record.uid, name, f"{_label(problem.field)} {problem.message}")
        return unplaced

    def is_marked(self, name: str) -> bool:
        widget = self.widget(name)
        return widget is not None and marking.is_marked(widget)

    def first_marked(self) -> QWidget | None:
        """The first marked field in the form's order, to put the cursor in."""
        return next((w for w in self.widgets() if marking.is_marked(w)), None)

    def clear_problems(self) -> None:
        self._problems.clear()
        if self._record is not None:
            for name, field in self._fields.items():
                if (self._record.uid, name) not in self._bad:
                    marking.clear(field.widget)

    def unreadable(self) -> list[tuple[str, str, str]]:
        """(uid, field, message) of every field whose text could not be read."""
        return [(uid, name, msg) for (uid, name), (_t, msg) in self._bad.items()]

    def typed(self) -> list[list[str]]:
        """The unreadable text as typed, for a crash draft: [uid, field, text, message]."""
        return [[uid, name, text, msg] for (uid, name), (text, msg) in self._bad.items()]

    def restore_typed(self, entries: list[list[str]]) -> None:
        """Put back what :meth:`typed` returned (shown when its record is)."""
        for uid, name, text, message in entries:
            if name in self._fields:
                self._bad[(uid, name)] = (text, message)

    def forget(self, uid: str) -> None:
        """Drop what is remembered about a record that was removed."""
        for key in [k for k in self._bad if k[0] == uid]:
            del self._bad[key]
        for key in [k for k in self._problems if k[0] == uid]:
            del self._problems[key]

    # -- edits -----------------------------------------------------------------

    def _changed(self, name: str) -> None:
        if self._loading or self._record is None:
            return
        field = self._fields[name]
        key = (self._record.uid, name)
        self._problems.pop(key, None)
        try:
            value = field.read()
        except ValueError as exc:
            assert field.text is not None
            self._bad[key] = (field.text(), str(exc))
            if marking.is_marked(field.widget):
                marking.mark(field.widget, str(exc))
            self.edited.emit(name)
            return
        self._bad.pop(key, None)
        marking.clear(field.widget)
        setattr(self._record, name, value)
        self.edited.emit(name)

    def _show_bad(self, name: str) -> None:
        if self._record is None:
            return
        bad = self._bad.get((self._record.uid, name))
        if bad:
            marking.mark(self._fields[name].widget, bad[1])


def _label(field: str) -> str:
    """``organisation_id`` → "Organisation", as a person names the field."""
    return field.removesuffix("_id").replace("_", " ").capitalize()


def _iso(value: date | time | None) -> str:
    return value.isoformat() if value else ""


def _parse_int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None


def _show(widget: QLineEdit, text: str) -> None:
    """Show a loaded text from its beginning, as a reader expects, not scrolled to its end."""
    widget.setText(text)
    widget.setCursorPosition(0)
