"""Starting on a team database (issue 23, item 1): the one open last time, or ``--db``.

A server that does not answer gets the question a file out of reach gets (Try again, Open the
default database, Quit), and a password the server wants is asked in the connect dialog. The
questions are answered here without a dialog; the connect dialog is driven as a clerk would.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from eventdesk.store import EventStore
from eventdesk.ui import app as app_module
from eventdesk.ui.team_connect import (
    RETRY,
    USE_DEFAULT,
    ConnectDialog,
    login_at_start,
    open_at_start,
)
from eventdesk.ui.window_settings import LAST_DATABASE, WindowSettings
from tests.postgres_server import _free_port
from tests.ui.conftest import PASSWORD, run_program

pytestmark = pytest.mark.usefixtures("no_password_files")


def _never(*args):
    raise AssertionError(f"not to be asked: {args}")


def test_a_team_database_open_last_time_is_the_one_chosen(settings, postgres_address):
    memory = WindowSettings(settings)
    memory.remember_database(postgres_address)
    assert app_module.choose_database(None, memory, _never) == postgres_address


def test_a_server_that_does_not_answer_is_asked_about_never_replaced(qapp):
    address = f"postgresql://clerk_anna@127.0.0.1:{_free_port()}/eventdesk"
    asked, answers = [], iter([RETRY, USE_DEFAULT])

    chosen = open_at_start(
        address,
        ask_unreachable=lambda message: asked.append(message) or next(answers),
        ask_login=_never,
        show_error=_never,
    )

    assert chosen == USE_DEFAULT
    assert len(asked) == 2  # asked again after Try again, while it still does not answer
    port = address.split(":")[2].split("/")[0]
    assert asked[0] == (
        f"The team database eventdesk on 127.0.0.1:{port} (team, clerk_anna) cannot be reached "
        f"now.\n\nNo database server answers on 127.0.0.1, port {port}: check the server's "
        "name and port, or ask the office's IT whether it is running."
    )


def test_the_password_wanted_at_start_is_asked_in_the_connect_dialog(
    qtbot, postgres_address, password_login
):
    with EventStore.open(postgres_address) as owner:
        owner.connection.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {password_login}")
    address = postgres_address.replace("eventdesk@", f"{password_login}@")
    shown = []

    def ask_login(remembered: str, message: str):
        # what login_at_start shows, driven here instead of exec()
        dialog = ConnectDialog(None, address=remembered, message=message)
        qtbot.addWidget(dialog)
        dialog.ask_password()
        shown.append((dialog.message.text(), dialog.user.text(), dialog.host.text()))
        qtbot.keyClicks(dialog.password, PASSWORD)
        dialog.connect_now()
        qtbot.waitUntil(lambda: not dialog.is_connecting(), timeout=30_000)
        return dialog.store

    store = open_at_start(address, ask_unreachable=_never, ask_login=ask_login, show_error=_never)

    assert shown == [
        (f"The server asks for the password of {password_login}.", password_login, "127.0.0.1")
    ]
    assert isinstance(store, EventStore)
    try:
        assert store.address == address
        assert store.read_only  # this login may only read: the window will say so
    finally:
        store.close()


def test_a_start_on_a_team_database_out_of_reach_can_end_without_opening_another(
    tmp_path, monkeypatch, qapp
):
    # Given the team database of last time, its server not answering (QSettings under tmp_path)
    address = f"postgresql://clerk_anna@127.0.0.1:{_free_port()}/eventdesk"
    remembered = QSettings(
        str(tmp_path / "EventDesk" / "EventDesk.ini"), QSettings.Format.IniFormat
    )
    remembered.setValue(LAST_DATABASE, address)
    remembered.sync()
    asked = []
    monkeypatch.setattr(
        app_module, "_ask_unreachable", lambda m: asked.append(m) or app_module.QUIT
    )
    # when the program starts without --db and the clerk chooses Quit
    status = run_program(None)
    # then it was asked about that database, ends with 1, and opened nothing else
    assert status == 1
    assert len(asked) == 1 and asked[0].startswith("The team database eventdesk on 127.0.0.1")


def test_the_start_s_password_dialog_is_the_real_one_and_ends(
    qtbot, postgres_address, password_login
):
    # login_at_start runs the connect dialog modally (exec), as at start before any window:
    # driven here by a timer, another closing any dialog left open so the test never hangs.
    with EventStore.open(postgres_address) as owner:
        owner.connection.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {password_login}")
    address = postgres_address.replace("eventdesk@", f"{password_login}@")
    seen = []

    def type_the_password() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConnectDialog):
            QTimer.singleShot(50, type_the_password)
            return
        seen.append((dialog.message.text(), dialog.password.isVisible()))
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Connect is the default button

    def close_any_left_open() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ConnectDialog) and widget.isVisible():
                widget.reject()

    QTimer.singleShot(0, type_the_password)
    QTimer.singleShot(60_000, close_any_left_open)
    store = login_at_start(address, f"The server asks for the password of {password_login}.")

    assert seen == [(f"The server asks for the password of {password_login}.", True)]
    assert isinstance(store, EventStore)
    try:
        assert store.address == address
    finally:
        store.close()
