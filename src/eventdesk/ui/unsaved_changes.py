"""What the unsaved edits changed, in a few words, for the question asked before leaving them.

"The record has changes that are not saved" sends a clerk back to look for
them before answering; "Changed: Title, Attendees" lets them answer at once.
A field and its Chinese twin are one field on the form, and so one word here.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from eventdesk.records.fields import form_fields, plain_label

#: Fields the clerk never types: a change there is no change they made (a save by another
#: clerk moves the version on).
_UNTYPED = {"id", "uid", "version", "updated_by"}
#: How many changed parts the question names before "and N more".
_NAMED = 4


def what_changed(before: Any, after: Any) -> list[str]:
    """The labels of the fields and parts of ``after`` that differ from ``before``, in order."""
    labels = {f.name: plain_label(f.label) for f in form_fields(type(after))}
    changed: list[str] = []
    for field in dataclasses.fields(after):
        name = field.name
        if name in _UNTYPED or getattr(before, name, None) == getattr(after, name):
            continue
        base = name.removesuffix("_zh")
        label = labels.get(base) or base.replace("_", " ").capitalize()
        if label not in changed:
            changed.append(label)
    return changed


def question(changed: list[str]) -> str:
    """The unsaved-changes question's text, naming what changed when that is known."""
    text = "The record you are editing has changes that are not saved."
    if not changed:
        return text
    named = ", ".join(changed[:_NAMED])
    if len(changed) > _NAMED:
        named += f" and {len(changed) - _NAMED} more"
    return f"{text}\n\nChanged: {named}."
