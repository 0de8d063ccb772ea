"""The main window's File menu commands (``ui/menus.py`` calls them, and the tests).

Each hands the window, as a :class:`~eventdesk.ui.file_host.FileHost`, to the
File menu's work in ``ui/database_files.py``, which is imported when first
asked for: the window shows without it. The recent databases' menu is filled
here too, from what the window's settings remember.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMenu, QWidget

from eventdesk.store import readable

if TYPE_CHECKING:
    from eventdesk.store import EventStore
    from eventdesk.ui.background import BackgroundTask
    from eventdesk.ui.long_jobs import ProgressJob
    from eventdesk.ui.menus import MenuActions
    from eventdesk.ui.window_settings import WindowSettings
    from eventdesk.ui.workspace import Workspace


def database_files() -> ModuleType:
    """The File menu's work (``ui/database_files.py``), imported when first asked for."""
    from eventdesk.ui import database_files

    return database_files


class FileMenuCommands:
    """The File menu's commands, mixed into the main window (a ``FileHost``)."""

    settings: WindowSettings
    actions_: MenuActions
    #: The window's own: switch to the database at ``path`` (asking first about unsaved edits).
    open_database: Callable[[Path | str], bool]
    install_store: Callable[[EventStore], None]
    workspace: Workspace
    connect_dialog: QDialog | None

    def fill_recent_menu(self, menu: QMenu) -> None:
        """The databases opened last, newest first: a file by its path (greyed out while it
        cannot be reached), a team database as a clerk reads it ("eventdesk on
        db.office.local (team, clerk_anna)"), its address in the tooltip and status bar."""
        menu.clear()
        menu.setToolTipsVisible(True)
        for database in self.settings.recent_databases():
            if isinstance(database, str):
                action = menu.addAction(readable(database))
                action.setToolTip(database)
                action.setStatusTip(database)
            else:
                action = menu.addAction(str(database))
                action.setEnabled(database.exists())
            action.triggered.connect(lambda _c=False, d=database: self.open_database(d))
        if menu.isEmpty():
            menu.addAction("No recent databases").setEnabled(False)

    def connect_team_database(
        self, address: str | None = None, message: str = ""
    ) -> QDialog | None:
        """File › Connect to team database…: the dialog, open beside the window (None when the
        clerk kept their unsaved edits). Filled with ``address`` (else the team database
        opened last); once connected the window shows that database, as Open does a file."""
        if not self.workspace.confirm_leave():
            return None
        from eventdesk.ui.team_connect import ConnectDialog

        if address is None:
            address = next(
                (d for d in self.settings.recent_databases() if isinstance(d, str)), None
            )
        dialog = ConnectDialog(self, address=address, message=message)  # type: ignore[arg-type]
        dialog.connected.connect(self.install_store)
        if self.connect_dialog is not None:  # the one shown last (closed, kept for its tests)
            self.connect_dialog.deleteLater()
        self.connect_dialog = dialog
        dialog.open()
        return dialog

    def import_file(self, path: Path | None = None) -> BackgroundTask | None:
        """File › Import: the task under way (its ``finished``/``failed`` say how it ended)."""
        return database_files().import_into(self, path, action=self.actions_.import_file)

    def export_meeting(self, path: Path | None = None) -> bool:
        return database_files().export_meeting(self, path)

    def export_calendar(self, path: Path | None = None) -> bool:
        """File › Add meeting to calendar: the chosen meeting as an .ics file."""
        return database_files().export_calendar(self, path)

    def export_database(self, path: Path | None = None) -> ProgressJob | None:
        """File › Export whole database: the job under way (it ends by a signal), or None."""
        return database_files().export_database(self, path)

    def backup(self) -> ProgressJob | None:
        return database_files().backup(self)

    def check_database(self) -> ProgressJob:
        return database_files().check_database(self)

    def restore_backup(self, backup: Path | None = None) -> ProgressJob | None:
        return database_files().restore_backup(self, backup)

    def import_attendees(self, path: Path | None = None) -> QWidget | None:
        return database_files().import_attendees(self, path)

    def export_list(self, path: Path | None = None) -> Path | None:
        return database_files().export_list(self, path)
