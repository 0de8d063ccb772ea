"""What a listener tells the window (``store/changes.py``): another's change of a record."""

from __future__ import annotations

from dataclasses import dataclass

#: The kinds of record a notice names, as the records' words (``history.TABLES``).
KINDS = ("meeting", "person", "organisation", "course")


@dataclass(frozen=True)
class ChangeNotice:
    """Another clerk (or program) changed, added or removed a record."""

    kind: str
    #: The record's id; None when the change was to some or all of its kind (a large import,
    #: a reconnection after which what was missed is unknown, a file).
    record_id: int | None
