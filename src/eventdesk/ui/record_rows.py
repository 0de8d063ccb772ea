"""A record's form rows, drawn and bound from the record's own field declarations.

The person and organisation pages show the fields their dataclass declares
with a label (:func:`eventdesk.records.fields.form_fields`), in that order,
each with the widget its type asks for: a line or a box of text, a choice for
an enum, an organisation picker for an ``*_id``, a date line. A form may hand
in a widget of its own for a field; the binding is the same.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Mapping
from datetime import date
from typing import Any, Union, get_args, get_origin, get_type_hints

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from eventdesk.records.fields import FormField, form_fields
from eventdesk.store import EventStore
from eventdesk.ui.org_picker import OrganisationPicker
from eventdesk.ui.record_form import RecordForm

#: Height of a text box per line it shows, in pixels (with room for its frame).
LINE_HEIGHT = 16


def attribute(name: str) -> str:
    """The form's attribute for a field: ``organisation_id`` is the ``organisation`` picker."""
    return name.removesuffix("_id")


def add_rows(
    owner: QWidget,
    record: type,
    store: EventStore,
    layout: QFormLayout,
    widgets: Mapping[str, QWidget] | None = None,
) -> list[QWidget]:
    """Add a row for each declared field to ``layout``, as attributes of ``owner``; the
    widgets in form order (for the tab order)."""
    hints = get_type_hints(record)
    made = []
    for field in form_fields(record):
        widget = (widgets or {}).get(field.name) or _make(field, hints[field.name], store)
        setattr(owner, attribute(field.name), widget)
        layout.addRow(field.label, widget)
        made.append(widget)
    return made


def bind_rows(fields: RecordForm, form: QWidget, record: type) -> None:
    """Bind each declared field's widget on ``form`` to the record's attribute."""
    hints = get_type_hints(record)
    for field in form_fields(record):
        name = field.name
        widget = getattr(form, attribute(name))
        kind = _plain(hints[name])
        if isinstance(widget, OrganisationPicker):
            fields.custom(
                name,
                widget,
                widget.organisation_id,
                widget.set_organisation_id,
                # organisationChanged is the user's pick; a pick made in code changes the index.
                (widget.organisationChanged, widget.currentIndexChanged),
                attribute(name),
            )
        elif isinstance(widget, QComboBox):
            fields.choice(name, widget, convert=kind)
        elif isinstance(widget, QPlainTextEdit):
            fields.plain(name, widget)
        elif kind is date:
            fields.date(name, widget)  # type: ignore[arg-type]
        else:
            fields.text(name, widget)  # type: ignore[arg-type]


def _make(field: FormField, hint: Any, store: EventStore) -> QWidget:
    kind = _plain(hint)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        combo = QComboBox()
        for member in kind:
            combo.addItem(member.label, member.value)  # type: ignore[attr-defined]
        return combo
    if field.name.endswith("_id"):
        return OrganisationPicker(store)
    if field.lines > 1:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setFixedHeight(LINE_HEIGHT * field.lines + 8)
        return box
    line = QLineEdit()
    line.setPlaceholderText("YYYY-MM-DD" if kind is date else field.placeholder)
    return line


def _plain(hint: Any) -> Any:
    """``date | None`` → ``date``."""
    if get_origin(hint) in (Union, types.UnionType):
        return next(arg for arg in get_args(hint) if arg is not type(None))
    return hint
