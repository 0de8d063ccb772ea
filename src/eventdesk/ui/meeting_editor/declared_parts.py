"""A meeting part's fields declared with a label: a column of its list, a row of its form.

The columns of each list (``models.py``) and the rows of the form under it
(``part_views.py``) are laid out by hand for the fields a clerk works with
most, as they read. A field a part's declaration gives a label
(``records/models.py``: ``text("Gift", zh=True)``, docs/adding-a-field.md) is
shown after them without an edit here or there: a column of the part's table
holding its value (or its Chinese form when only that is typed), and a row of
the form, English and Chinese side by side when it is declared ``zh``, bound to
the selected part like every other field.
"""

from __future__ import annotations

from enum import Enum
from functools import cache
from typing import Any, get_type_hints

from PySide6.QtWidgets import QCheckBox, QFormLayout, QWidget

from eventdesk.records import Meeting
from eventdesk.records.fields import FormField, chinese_pairs, declared, form_fields, plain_label
from eventdesk.ui.meeting_editor import bilingual
from eventdesk.ui.record_form import RecordForm


@cache
def part_of(list_name: str) -> type:
    """The part class of a meeting's list ("attendees" → ``Attendance``)."""
    part = declared(Meeting, list_name).part
    assert part is not None, list_name
    return part


@cache
def shown(part: type) -> tuple[FormField, ...]:
    """The labelled fields of ``part`` with a column each: a Chinese form shares its field's."""
    chinese = {zh: field for field, zh in chinese_pairs(part)}
    return tuple(f for f in form_fields(part) if f.name not in chinese)


def headers(part: type) -> tuple[str, ...]:
    return tuple(plain_label(f.label) for f in shown(part))


def column_text(record: Any, field: FormField) -> str:
    """What the column shows: the text (its Chinese form when only that is typed), "Yes" for a
    yes, an enum's label, a number."""
    value = getattr(record, field.name)
    if declared(type(record), field.name).zh:
        value = value or getattr(record, f"{field.name}_zh")
    if isinstance(value, bool):
        return "Yes" if value else ""
    if isinstance(value, Enum):
        return str(getattr(value, "label", value.value))
    return "" if value is None else str(value)


def add_rows(owner: QWidget, form: RecordForm, layout: QFormLayout, part: type) -> list[QWidget]:
    """A row of ``layout`` for each field of :func:`shown`, bound in ``form`` and set on
    ``owner`` by the field's name (``tab.gift``, ``tab.gift_zh``); the widgets in form order."""
    hints = get_type_hints(part)
    labels = {f.name: f for f in form_fields(part)}
    made: list[QWidget] = []
    for field in shown(part):
        names = [field.name]
        if declared(part, field.name).zh:
            names.append(f"{field.name}_zh")
        widgets = [_bound(owner, form, labels.get(name), name, hints[name]) for name in names]
        row = widgets[0] if len(widgets) == 1 else bilingual.pair(*widgets)
        layout.addRow(field.label, row)
        made += widgets
    return made


def _bound(
    owner: QWidget, form: RecordForm, field: FormField | None, name: str, hint: Any
) -> QWidget:
    placeholder = field.placeholder if field else ""
    widget: QWidget
    if hint is bool:
        box = QCheckBox(owner)
        form.custom(name, box, box.isChecked, box.setChecked, box.toggled)
        widget = box
    elif hint is not str:
        raise TypeError(
            f"{name}: a part's form derives text and yes-or-no fields; "
            f"lay out a {hint} field by hand (part_views.py)"
        )
    elif field is not None and field.lines > 1:
        widget = form.plain(name, bilingual.text(placeholder, field.lines))
    else:
        widget = form.text(name, bilingual.line(placeholder))
    setattr(owner, name, widget)
    return widget
