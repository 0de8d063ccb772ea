"""Starting the desktop program: the QApplication, the store, the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from eventdesk import __version__, paths
from eventdesk.store import EventStore, is_team_address
from eventdesk.ui import chinese_fonts
from eventdesk.ui.app_icon import app_icon
from eventdesk.ui.main_window import MainWindow
from eventdesk.ui.opening import open_for_window, take_over_question
from eventdesk.ui.preferences import Preferences, preferences_path
from eventdesk.ui.window_settings import WindowSettings

ORGANISATION = "EventDesk"


#: The answers to "the last database cannot be reached".
RETRY, USE_DEFAULT, QUIT = "retry", "default", "quit"


def choose_database(
    explicit: Path | str | None,
    settings: WindowSettings,
    ask_unreachable: Callable[[str], str],
) -> Path | str | None:
    """``--db`` wins; else the database open last time; else the default; None: quit.

    A last database that cannot be reached now (a mapped drive not yet
    reconnected, a USB disk out, a file moved) is never silently replaced by
    the default, where a clerk would type into the wrong file:
    ``ask_unreachable(message)`` answers RETRY, USE_DEFAULT or QUIT. A team
    database's address is returned as it is: only connecting tells whether its
    server answers (``open_team_at_start``).
    """
    if explicit is not None:
        return explicit
    last = settings.last_database()
    while isinstance(last, Path) and not last.is_file():
        answer = ask_unreachable(unreachable_message(last))
        if answer == QUIT:
            return None
        if answer == USE_DEFAULT:
            return paths.default_database()
    return last if last is not None else paths.default_database()


def unreachable_message(path: Path) -> str:
    if path.parent.is_dir():
        return (
            f"The database you had open last time, {path}, is not there any more "
            "(moved, renamed or deleted)."
        )
    return (
        f"The database you had open last time, {path}, cannot be reached: its drive or "
        "network share is not connected, or its folder was moved."
    )


def _ask_unreachable(message: str) -> str:
    from PySide6.QtWidgets import QMessageBox  # the questions' box: not made at start

    box = QMessageBox(QMessageBox.Icon.Warning, "EventDesk", message)
    retry = box.addButton("Try again", QMessageBox.ButtonRole.AcceptRole)
    default = box.addButton("Open the default database", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    return RETRY if clicked is retry else USE_DEFAULT if clicked is default else QUIT


def make_application() -> QApplication:
    """The QApplication with EventDesk's name (QSettings files follow it), icon and style."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName(paths.APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    if sys.platform.startswith("linux"):
        app.setStyle("Fusion")
    # on a PC without a Chinese font; else after the window's first paint (MainWindow)
    chinese_fonts.register_before_the_window()
    return app


def show_window(store: EventStore, settings: QSettings) -> MainWindow:
    """The main window on ``store``, shown, with the user's preferences.

    A broken preferences file is set aside, not a reason to stop: the window
    starts and its status bar names the file (``ui/preferences.py``).
    """
    prefs_file = preferences_path()
    prefs, note = Preferences.load_noting(prefs_file)
    app = QApplication.instance()
    icon = app.windowIcon() if isinstance(app, QApplication) else None
    window = MainWindow(store, settings, prefs, preferences_path=prefs_file, icon=icon)
    window.show()
    if note:
        window.statusBar().showMessage(note)
        print(f"eventdesk: note: {note}", file=sys.stderr)
    return window


def _ask_read_only(message: str) -> bool:
    from PySide6.QtWidgets import QMessageBox  # the questions' box: not made at start

    answer = QMessageBox.question(None, "EventDesk", f"{message}\n\nOpen it read-only?")
    return answer == QMessageBox.StandardButton.Yes


def _show_error(message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "EventDesk", message)


def _open_file(path: Path | str) -> EventStore | None:
    return open_for_window(
        path,
        create=True,
        ask_read_only=_ask_read_only,
        show_error=_show_error,
        ask_take_over=lambda message: take_over_question(None, message),
    )


def open_team_at_start(address: str) -> EventStore | str | None:
    """A team database at start: its store, USE_DEFAULT, or None (quit). psycopg and the
    connect dialog are imported here only, never when starting on a file."""
    from eventdesk.ui import team_connect

    return team_connect.open_at_start(
        address,
        ask_unreachable=_ask_unreachable,
        ask_login=team_connect.login_at_start,
        show_error=_show_error,
    )


def run(db_path: Path | str | None = None) -> int:
    """Open the database (``None``: the last one, else the default) in the main window."""
    from eventdesk.ui.xcb_check import check

    missing = check()  # before Qt, which would abort with its own message
    if missing:
        print(missing, file=sys.stderr)
        return 1
    app = make_application()
    settings = QSettings()
    path = choose_database(db_path, WindowSettings(settings), _ask_unreachable)
    team = open_team_at_start(str(path)) if path and is_team_address(path) else None
    if team == USE_DEFAULT:
        path = paths.default_database()
    elif path is None or (is_team_address(path) and team is None):
        return 1
    store = team if isinstance(team, EventStore) else _open_file(path)
    if store is None:
        return 1
    window = show_window(store, settings)
    try:
        return app.exec()
    finally:
        window.store.close()
