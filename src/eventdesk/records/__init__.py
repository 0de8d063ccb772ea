"""The domain: what an office records about a meeting. No Qt, no SQL."""

# enums.py and models.py each name what they offer in ``__all__``, once; the package
# offers the same, and these few more.
from eventdesk.records import enums, models
from eventdesk.records.enums import *  # noqa: F403
from eventdesk.records.fields import new_uid
from eventdesk.records.models import *  # noqa: F403
from eventdesk.records.names import display_name
from eventdesk.records.validation import (
    Problem,
    ValidationError,
    parse_date,
    parse_enum,
    parse_time,
    validate_meeting,
    validate_organisation,
    validate_person,
)

__all__ = [
    "Problem",
    "ValidationError",
    "display_name",
    "new_uid",
    "parse_date",
    "parse_enum",
    "parse_time",
    "validate_meeting",
    "validate_organisation",
    "validate_person",
]
__all__ += enums.__all__
__all__ += models.__all__
