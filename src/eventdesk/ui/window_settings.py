"""What the window remembers between runs, in QSettings: geometry, panes, tab, databases.

The ``QSettings`` object is passed in, so tests hand over one on a temporary
file and never touch the user's real settings.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from eventdesk.store import is_team_address, redacted
from eventdesk.ui.screen_fit import fit_to_screen, keep_on_screen

if TYPE_CHECKING:
    from eventdesk.ui.workspace import Workspace

MAX_RECENT = 8

GEOMETRY = "window/geometry"
STATE = "window/state"
SPLITTER = "window/splitter"
MEETING_TAB = "window/meeting_tab"
LAST_DATABASE = "databases/last"
RECENT = "databases/recent"

#: A database as the window remembers it: a file's path, or a team database's address
#: (``postgresql://…``, kept without its password: libpq asks or finds it again).
Database = Path | str


class WindowSettings:
    def __init__(self, settings: QSettings):
        self.qsettings = settings

    def geometry(self) -> QByteArray | None:
        return _bytes(self.qsettings.value(GEOMETRY))

    def splitter(self) -> QByteArray | None:
        return _bytes(self.qsettings.value(SPLITTER))

    def save_window(self, geometry: QByteArray, splitter: QByteArray) -> None:
        self.qsettings.setValue(GEOMETRY, geometry)
        self.qsettings.setValue(SPLITTER, splitter)
        self.qsettings.sync()

    def save_layout(self, window: QMainWindow, workspace: Workspace) -> None:
        """Keep the window's size and panes, and the meeting editor's tab the clerk was on."""
        self.qsettings.setValue(MEETING_TAB, workspace.editors.meeting_tab())
        self.save_window(window.saveGeometry(), workspace.saveState())

    def restore_layout(
        self, window: QMainWindow, workspace: Workspace, default_size: tuple[int, int]
    ) -> None:
        """Put back what :meth:`save_layout` kept: a clerk on Attendees reopens on Attendees."""
        geometry = self.geometry()
        if geometry is None or not window.restoreGeometry(geometry):
            fit_to_screen(window, *default_size)
        else:
            keep_on_screen(window)  # saved on a larger screen than this one
        splitter = self.splitter()
        if splitter is not None:
            workspace.restoreState(splitter)
        workspace.editors.show_meeting_tab(str(self.qsettings.value(MEETING_TAB, "")))

    def last_database(self) -> Database | None:
        """The database open when the program last ran, whether or not it can be reached now.

        A network drive may not have reconnected yet when the window starts, nor the team
        database's server answer: the caller asks what to do rather than open another
        database in its place.
        """
        value = self.qsettings.value(LAST_DATABASE)
        return _database(str(value)) if value else None

    def recent_databases(self) -> list[Database]:
        value = self.qsettings.value(RECENT) or []
        if isinstance(value, str):
            value = [value]
        return [_database(str(v)) for v in value if v][:MAX_RECENT]

    def remember_database(self, database: Database) -> None:
        """Make ``database`` the last database and the first of the recent ones.

        A file is kept as the user named it (absolute): a mapped drive stays ``Z:\\…``,
        which the office knows, rather than the server's name it resolves to. A team
        database is kept by its address without a password, which never reaches the
        settings file.
        """
        database = _database(str(database)) if is_team_address(database) else database
        if isinstance(database, Path):
            database = Path(os.path.abspath(database))
        recent = [d for d in self.recent_databases() if not _same(d, database)]
        recent.insert(0, database)
        self.qsettings.setValue(LAST_DATABASE, str(database))
        self.qsettings.setValue(RECENT, [str(d) for d in recent[:MAX_RECENT]])
        self.qsettings.sync()


def _database(value: str) -> Database:
    """A remembered value: a team database's address (never with a password), or a path."""
    return redacted(value) if is_team_address(value) else Path(value)


def _same(a: Database, b: Database) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None
