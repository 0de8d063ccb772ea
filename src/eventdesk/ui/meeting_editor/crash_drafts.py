"""Keeping a meeting's unsaved edits in the database, so a crash does not lose them.

A few seconds after an edit the editor writes the whole working copy (with
any text that could not be read, as typed) as the store's crash draft of that
meeting; saving or reverting removes it. At the next start the main window
offers the draft back and calls ``MeetingEditor.restore_draft(payload)``.
"""

from __future__ import annotations

from typing import Any

from eventdesk.records import Meeting
from eventdesk.records.serialise import from_data, to_data

KIND = "meeting"
TYPED = "_typed"  # payload key: unreadable text per form, as typed
DELAY_MS = 2000


def payload(meeting: Meeting, typed: dict[str, list[list[str]]]) -> dict[str, Any]:
    return {**to_data(meeting), TYPED: {k: v for k, v in typed.items() if v}}


def restored(payload: dict[str, Any], shown: Meeting | None) -> Meeting:
    """The draft's meeting, over the meeting shown (a draft may hold only some fields)."""
    base = to_data(shown if shown is not None else Meeting(title="", start_date=None))
    meeting = from_data(Meeting, {**base, **{k: v for k, v in payload.items() if k != TYPED}})
    # a photo whose bytes were neither kept nor stored cannot be saved: leave it out
    meeting.files = [f for f in meeting.files if f.data is not None or f.id is not None]
    return meeting


def typed(payload: dict[str, Any]) -> dict[str, list[list[str]]]:
    return dict(payload.get(TYPED) or {})


def title(meeting: Meeting) -> str:
    return meeting.title or meeting.title_zh or "New meeting"
