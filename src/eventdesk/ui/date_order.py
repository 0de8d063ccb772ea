"""The user's order of a typed date's day and month, read by every date field.

Kept apart from ``date_edit`` (its calendar and fields) so that the window can set the
preference at start without importing the calendar widget and making its enums (issue 25,
start-up).
"""

from __future__ import annotations

from datetime import date

from eventdesk.dates import read_date

_day_first = True


def set_day_first(day_first: bool) -> None:
    """The preference for 02/04/2019: day first (2 April) or month first (4 February)."""
    global _day_first
    _day_first = day_first


def day_first() -> bool:
    return _day_first


def parse(text: str) -> date:
    """Read a typed date with the user's preference (the form's parser)."""
    return read_date(text, day_first=_day_first)
