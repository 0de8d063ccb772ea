"""What a record's fields are to a person, declared once beside the field itself.

A field's declaration in the dataclass carries what the other layers need to
know about it, so that adding a text field is one line here (and a migration;
``docs/adding-a-field.md`` has the steps):

- :func:`text` marks a plain text field: saved in a column of its own name,
  written and read by the interchange format as a string, and described in its
  JSON Schema, all by reading :func:`text_fields`;
- a ``label`` puts the field on its record's form, in declaration order, with
  the widget its type asks for (:func:`form_fields`).

No Qt here: the labels are words, and the GUI decides what to draw.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from typing import Any

_TEXT = "eventdesk_text"
_FORM = "eventdesk_form"


@dataclass(frozen=True)
class FormField:
    """One field of a record's form: its name, its label (``&`` before the shortcut key)."""

    name: str
    label: str
    #: Lines a text field shows: 1 is a line edit, more a box that height (in text lines).
    lines: int = 1
    placeholder: str = ""


def text(label: str = "", *, lines: int = 1, placeholder: str = "") -> Any:
    """A plain text field (default ``""``); with a ``label`` it is on the record's form."""
    return dataclasses.field(default="", metadata=_metadata(True, label, lines, placeholder))


def shown(label: str, **kwargs: Any) -> Any:
    """A field of any other kind (a name, a choice, an id, a date) on the record's form."""
    return dataclasses.field(**kwargs, metadata=_metadata(False, label, 1, ""))


def _metadata(is_text: bool, label: str, lines: int, placeholder: str) -> dict[str, Any]:
    form = FormField("", label, lines, placeholder) if label else None
    return {_TEXT: is_text, _FORM: form}


@cache
def text_fields(cls: type) -> tuple[str, ...]:
    """The plain text fields of a record class, in declaration order."""
    return tuple(f.name for f in dataclasses.fields(cls) if f.metadata.get(_TEXT))


@cache
def form_fields(cls: type) -> tuple[FormField, ...]:
    """The fields a record's form shows, in declaration order."""
    return tuple(
        dataclasses.replace(f.metadata[_FORM], name=f.name)
        for f in dataclasses.fields(cls)
        if f.metadata.get(_FORM) is not None
    )


def plain_label(label: str) -> str:
    """A form label without its shortcut marker: "&Family name" → "Family name"."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")
