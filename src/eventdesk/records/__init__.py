"""The domain: what an office records about a meeting. No Qt, no SQL.

The vocabularies (``enums.py``), the problems and their error (``problems.py``) and the name
formatting are here at once; the records' classes (``models.py``) and the checks
(``validation.py``) when first asked for (PEP 562), since the window's first screen needs
none of them and making the dataclasses was a tenth of the start (issue 25).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# enums.py and models.py each name what they offer in ``__all__``, once; the package
# offers the same, and these few more.
from eventdesk.records import enums
from eventdesk.records.enums import *  # noqa: F403
from eventdesk.records.names import display_name as display_name
from eventdesk.records.problems import Problem as Problem
from eventdesk.records.problems import ValidationError as ValidationError

if TYPE_CHECKING:
    from eventdesk.records.fields import new_uid as new_uid
    from eventdesk.records.models import *  # noqa: F403
    from eventdesk.records.validation import parse_date as parse_date
    from eventdesk.records.validation import parse_enum as parse_enum
    from eventdesk.records.validation import parse_time as parse_time
    from eventdesk.records.validation import validate_meeting as validate_meeting
    from eventdesk.records.validation import validate_organisation as validate_organisation
    from eventdesk.records.validation import validate_person as validate_person

#: What is imported when first asked for, from which module (the rest: ``models``).
_LATER = {
    "new_uid": "fields",
    "parse_date": "validation",
    "parse_enum": "validation",
    "parse_time": "validation",
    "validate_meeting": "validation",
    "validate_organisation": "validation",
    "validate_person": "validation",
}
_OWN = [
    "Problem",
    "ValidationError",
    "display_name",
    *_LATER,
]


def __getattr__(name: str) -> Any:
    if name in ("models", "validation"):  # records.models without importing it first
        return importlib.import_module(f"eventdesk.records.{name}")
    if name == "__all__":
        return _OWN + enums.__all__ + importlib.import_module("eventdesk.records.models").__all__
    if name in _LATER:
        found = getattr(importlib.import_module(f"eventdesk.records.{_LATER[name]}"), name)
    elif name[:1].isupper():  # a record's class; a submodule's name is imported as such
        models = importlib.import_module("eventdesk.records.models")
        if name not in models.__all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        found = getattr(models, name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = found
    return found


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__getattr__("__all__")))
