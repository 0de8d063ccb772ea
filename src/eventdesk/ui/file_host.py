"""What the File menu's work needs of the window it runs in.

``database_files`` and ``file_jobs`` take a :class:`FileHost`, not the main
window's class: they name only what they use, and the main window imports
them without their importing it back. ``MainWindow`` is the host in the
program; a test may give any object with these members.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from eventdesk.store import EventStore
    from eventdesk.ui.opening import Choice
    from eventdesk.ui.preferences import Preferences
    from eventdesk.ui.workspace import Workspace


class FileHost(Protocol):
    """The window, as the File menu's functions see it."""

    #: The open database (replaced whole when another is opened or one is restored).
    store: EventStore
    #: The lists and editors shown for ``store``: asked to save or leave, refreshed after.
    workspace: Workspace
    #: The office's preferences (the calendar's time zone).
    preferences: Preferences

    def window(self) -> QWidget:
        """The widget file choosers and progress dialogs are centred on (``QWidget.window``)."""
        ...

    def statusBar(self) -> QStatusBar: ...

    def inform(self, message: str) -> None: ...

    def warn(self, message: str) -> None: ...

    def ask_read_only(self, message: str) -> bool:
        """The file is open in another EventDesk: open it read-only instead?"""
        ...

    def ask_take_over(self, message: str) -> Choice:
        """Another PC's lock, with no program holding it: read-only, take over, or cancel?"""
        ...

    def ask_backup(self, choices: list[tuple[str, Path]]) -> Path | None:
        """Which backup to restore (label, file), or None."""
        ...

    def current_meeting_id(self) -> int | None:
        """The meeting shown or selected, which a meeting's export or calendar file is of."""
        ...

    def release_store(self) -> None:
        """Close the database and show nothing, so its file can be replaced."""
        ...

    def install_store(self, store: EventStore) -> None:
        """Show ``store`` (a restored or reopened database) in a new workspace."""
        ...
