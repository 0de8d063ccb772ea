"""The meeting editor: every record of one meeting, in tabs, without leaving the window.

Contract with the main window, the same as every editor's (``ui/editor_base.py``):

- ``MeetingEditor(store: EventStore, parent=None)`` is a ``QWidget``.
- ``load(meeting_id: int) -> None`` shows a stored meeting.
- ``new() -> None`` shows an empty, unsaved meeting.
- ``save() -> bool`` validates and saves through the store; on failure marks the
  fields in place and returns False; on success emits ``saved(meeting_id)``.
- ``is_dirty() -> bool`` and the signal ``dirtyChanged(bool)``.
- ``record_id() -> int | None`` the id of the meeting shown (None if unsaved).
- ``revert() -> None`` drops unsaved edits and reloads.
"""

from eventdesk.ui.meeting_editor.editor import MeetingEditor

__all__ = ["MeetingEditor"]
