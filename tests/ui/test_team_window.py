"""The window on a team database (issue 23, items 1 and 6): File › Connect to team database…,
the password asked for when the server wants one, what goes wrong said in one sentence, and the
recent list.

Against the real PostgreSQL the suite starts (tests/postgres_server.py). The dialog is opened
beside the window (``open()``, never ``exec()``), so no test waits on it.
"""

from __future__ import annotations

import time

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu

from eventdesk.store import DatabaseUnavailable, EventStore, readable
from eventdesk.ui.team_connect import ROOT_CERT, ConnectDialog, TeamLogin, open_team, sentence
from tests.conftest import SAMPLE
from tests.postgres_server import _free_port
from tests.ui.conftest import PASSWORD

pytestmark = pytest.mark.usefixtures("no_password_files", "no_listener_left")


def _team_with_the_example(address: str) -> None:
    with EventStore.open(address) as store:
        store.interchange.import_file(SAMPLE)


def _port(address: str) -> int:
    return int(address.split("@")[1].split("/")[0].split(":")[1])


def _name(address: str) -> str:
    return address.rsplit("/", 1)[1]


def _dialog(qtbot, window, *, host="127.0.0.1", port=0, database="", user="eventdesk"):
    """File › Connect to team database…, the fields typed as a clerk would."""
    window.actions_.connect_team_database.trigger()
    dialog = window.connect_dialog
    assert dialog is not None and dialog.isVisible()
    for field, text in ((dialog.host, host), (dialog.database, database), (dialog.user, user)):
        field.clear()
        qtbot.keyClicks(field, text)
    dialog.port.setValue(port)
    return dialog


def _connect(qtbot, dialog) -> None:
    """Click Connect and wait for the answer (the dialog closes, or says why not)."""
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_connecting(), timeout=30_000)


def test_connecting_through_the_dialog_shows_the_team_database(
    qtbot, postgres_address, main_window
):
    # Given a team database with the example meeting, and the window on a file
    _team_with_the_example(postgres_address)
    # when the clerk fills in File › Connect to team database… and clicks Connect
    dialog = _dialog(
        qtbot,
        main_window,
        port=_port(postgres_address),
        database=_name(postgres_address),
    )
    _connect(qtbot, dialog)
    # then the window shows it, named by its address, as Open shows a file
    assert not dialog.isVisible()
    assert main_window.store.address == postgres_address
    assert main_window.windowTitle().startswith(f"{postgres_address}[*]")
    assert main_window.store.meetings.count() == 1
    assert main_window.workspace.list_pane.model().rowCount() == 1


def test_the_password_is_asked_for_a_wrong_one_said_and_none_kept(
    qtbot, postgres_address, password_login, main_window, settings_path
):
    _team_with_the_example(postgres_address)
    with psycopg.connect(postgres_address, autocommit=True) as admin:
        admin.execute(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {password_login}"
        )
        admin.execute(
            f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {password_login}"
        )
    dialog = _dialog(
        qtbot,
        main_window,
        port=_port(postgres_address),
        database=_name(postgres_address),
        user=password_login,
    )
    assert not dialog.password.isVisible()  # libpq may find it without asking
    first = main_window.store

    # No password in .pgpass nor the environment: the dialog asks for it
    _connect(qtbot, dialog)
    assert dialog.isVisible() and main_window.store is first
    assert dialog.message.text() == f"The server asks for the password of {password_login}."
    assert dialog.password.isVisible() and dialog.focusWidget() is dialog.password

    # A wrong one: one sentence, and the dialog keeps what was typed
    qtbot.keyClicks(dialog.password, "wrong horse")
    _connect(qtbot, dialog)
    assert dialog.isVisible() and main_window.store is first
    assert dialog.message.text() == (
        f"The server did not accept this password for {password_login}: type it again."
    )
    assert (dialog.host.text(), dialog.user.text()) == ("127.0.0.1", password_login)
    assert dialog.database.text() == _name(postgres_address)

    # The right one: connected, a clerk's store that writes
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    _connect(qtbot, dialog)
    assert not dialog.isVisible(), dialog.message.text()
    store = main_window.store
    assert (
        store.address
        == f"postgresql://{password_login}@127.0.0.1:{_port(postgres_address)}/{_name(postgres_address)}"
    )
    assert not store.read_only and store.meetings.count() == 1
    # others' saves reach it too: the change listener's own connection has the password
    assert main_window.workspace.live_lists.live
    assert store.changes.listen().wait_listening(10)

    # and the password is nowhere the window keeps or shows
    main_window.settings.qsettings.sync()
    kept = "".join(p.read_text(encoding="utf-8") for p in settings_path.parent.rglob("*.ini"))
    assert store.address in kept
    for shown in (kept, main_window.windowTitle(), store.address):
        assert PASSWORD not in shown and "Correct" not in shown


def test_no_server_at_that_port_is_said_in_one_sentence(qtbot, main_window):
    port = _free_port()
    first = main_window.store
    dialog = _dialog(qtbot, main_window, port=port, database="eventdesk", user="clerk_anna")
    _connect(qtbot, dialog)
    assert dialog.isVisible() and main_window.store is first
    assert dialog.message.text() == (
        f"No database server answers on 127.0.0.1, port {port}: check the server's name and "
        "port, or ask the office's IT whether it is running."
    )
    assert (dialog.host.text(), dialog.port.value(), dialog.user.text()) == (
        "127.0.0.1",
        port,
        "clerk_anna",
    )
    assert not dialog.password.isVisible()


def test_a_database_that_is_not_eventdesks_is_refused_unchanged(
    qtbot, postgres_address, main_window
):
    with psycopg.connect(postgres_address, autocommit=True) as other:
        other.execute("CREATE TABLE invoices (id integer PRIMARY KEY)")
    dialog = _dialog(
        qtbot, main_window, port=_port(postgres_address), database=_name(postgres_address)
    )
    _connect(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.text() == (
        f"The database {_name(postgres_address)} on 127.0.0.1 holds another program's tables, "
        "not EventDesk's: check the database's name."
    )
    with psycopg.connect(postgres_address) as other:
        tables = other.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        assert [name for (name,) in tables] == ["invoices"]


def test_an_empty_database_is_not_set_up_from_the_window(qtbot, postgres_address, main_window):
    dialog = _dialog(
        qtbot, main_window, port=_port(postgres_address), database=_name(postgres_address)
    )
    _connect(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.message.text() == (
        f"The database {_name(postgres_address)} on 127.0.0.1 holds no EventDesk records yet: "
        "the office's IT sets it up once with the owner login (docs/team.md)."
    )
    with psycopg.connect(postgres_address) as other:
        assert other.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone() == (0,)


def test_a_field_left_empty_is_named_and_cancel_changes_nothing(qtbot, main_window):
    first = main_window.store
    dialog = _dialog(qtbot, main_window, host="", port=5432, database="eventdesk", user="ben")
    _connect(qtbot, dialog)
    assert dialog.message.text() == "Type the server's name or address."
    assert dialog.focusWidget() is dialog.host
    dialog.reject()
    assert not dialog.isVisible() and main_window.store is first


def test_the_recent_list_names_a_team_database_readably_and_reopens_it(
    qtbot, postgres_address, main_window, settings_path
):  # the database first: dropped after the window closed
    # Given a team database with the example meeting, opened once (its address carrying a
    # password, which the trusting test server does not need and the window must not keep)
    _team_with_the_example(postgres_address)
    first = main_window.store.path
    assert main_window.open_database(f"{postgres_address}?password=not-kept")
    qtbot.waitUntil(lambda: main_window.store.path is None, timeout=30_000)
    assert main_window.store.address == postgres_address
    assert main_window.store.meetings.count() == 1
    # when the clerk goes back to the file from the recent list
    menu = QMenu()
    main_window.fill_recent_menu(menu)
    texts = [action.text() for action in menu.actions()]
    assert texts[0] == readable(postgres_address)
    assert (
        texts[0]
        == f"{_name(postgres_address)} on 127.0.0.1:{_port(postgres_address)} (team, eventdesk)"
    )
    assert menu.actions()[0].toolTip() == postgres_address
    menu.actions()[1].trigger()
    assert main_window.store.path.resolve() == first.resolve()
    # and back to the team database from it
    main_window.fill_recent_menu(menu)
    assert [a.text() for a in menu.actions()][1] == readable(postgres_address)
    menu.actions()[1].trigger()
    qtbot.waitUntil(lambda: main_window.store.path is None, timeout=30_000)
    assert main_window.store.address == postgres_address
    assert main_window.store.meetings.count() == 1
    # then no password was ever written to the settings
    main_window.settings.qsettings.sync()
    written = "".join(p.read_text(encoding="utf-8") for p in settings_path.parent.rglob("*.ini"))
    assert postgres_address in written
    assert "not-kept" not in written


def test_back_up_now_on_a_team_database_writes_a_checked_copy_to_a_file(
    qtbot, postgres_address, main_window, tmp_path, monkeypatch
):
    # Given the window on a team database with the example meeting
    _team_with_the_example(postgres_address)
    main_window.open_database(postgres_address)
    qtbot.waitUntil(lambda: main_window.store.path is None, timeout=30_000)
    target = tmp_path / "office-copy.sqlite3"
    offered = []

    def choose(_parent, _caption, start, _filter):
        offered.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    # when the clerk chooses File › Back up now and names a file
    main_window.actions_.backup.trigger()
    # then the copy is there, a file any EventDesk opens, with the meeting in it
    qtbot.waitUntil(target.exists, timeout=60_000)
    qtbot.waitUntil(
        lambda: "Backed up to" in main_window.statusBar().currentMessage(), timeout=60_000
    )
    assert offered and offered[0].endswith(".sqlite3") and _name(postgres_address) in offered[0]
    with EventStore.open(target, create=False) as copy:
        assert copy.meetings.count() == 1
    assert "records, checked." in main_window.statusBar().currentMessage()


def test_restore_on_a_team_database_says_who_restores_it(
    qtbot, postgres_address, main_window, answers
):
    _team_with_the_example(postgres_address)
    main_window.open_database(postgres_address)
    qtbot.waitUntil(lambda: main_window.store.path is None, timeout=30_000)
    assert main_window.restore_backup() is None
    assert answers.messages == [
        "A team database is restored on its server by the office's IT (docs/team.md, "
        "'Back up and restore'); File › Back up now writes a copy of it to a file."
    ]
    assert main_window.store.meetings.count() == 1


def test_a_recent_team_database_whose_server_wants_a_password_asks_for_it(
    qtbot, postgres_address, password_login, main_window
):
    # Given a team database a login with a password opened last time (remembered without it)
    _team_with_the_example(postgres_address)
    with psycopg.connect(postgres_address, autocommit=True) as admin:
        admin.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {password_login}")
    address = postgres_address.replace("eventdesk@", f"{password_login}@")
    main_window.settings.remember_database(address)
    first = main_window.store
    # when the clerk picks it in File › Open recent
    menu = QMenu()
    main_window.fill_recent_menu(menu)
    assert menu.actions()[0].text() == readable(address)
    menu.actions()[0].trigger()
    # then the connect dialog, filled in, asks for the password, and with it opens the database
    dialog = main_window.connect_dialog
    qtbot.waitUntil(lambda: not dialog.is_connecting(), timeout=30_000)
    assert dialog.isVisible() and main_window.store is first
    assert dialog.message.text() == f"The server asks for the password of {password_login}."
    assert (dialog.user.text(), dialog.port.value()) == (password_login, _port(address))
    qtbot.keyClicks(dialog.password, PASSWORD)
    _connect(qtbot, dialog)
    assert not dialog.isVisible()
    assert main_window.store.address == address
    assert main_window.read_only_bar.isVisible()  # this login may only read


def test_cancel_while_connecting_leaves_no_connection_open(qtbot, postgres_address):
    # Given a server slow to answer (the opening held back half a second)
    _team_with_the_example(postgres_address)
    opened = []

    def slow_open(address: str) -> EventStore:
        time.sleep(0.5)
        opened.append(open_team(address))
        return opened[-1]

    dialog = ConnectDialog(None, address=postgres_address, opener=slow_open)
    qtbot.addWidget(dialog)
    dialog.show()
    # when the clerk clicks Connect, then Cancel before the server answered
    dialog.connect_now()
    assert dialog.is_connecting() and not dialog.connect_button.isEnabled()
    dialog.reject()
    # then the connection that opened after all is closed, and the dialog gave no store
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    with psycopg.connect(postgres_address, autocommit=True) as admin:

        def eventdesk_sessions() -> int:
            sql = (
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = %s AND application_name = 'EventDesk'"
            )
            return admin.execute(sql, [_name(postgres_address)]).fetchone()[0]

        qtbot.waitUntil(lambda: eventdesk_sessions() == 0, timeout=10_000)
    assert dialog.store is None


@pytest.mark.parametrize(
    ("field", "typed", "said"),
    [
        (
            "database",
            "nosuch",
            "The server 127.0.0.1 has no database named nosuch: check the database's name.",
        ),
        ("user", "ghost", "The server 127.0.0.1 has no login named ghost: check the login."),
        (
            "tls",
            "verify-full",
            "The server 127.0.0.1 does not offer TLS, which the TLS setting asks for: choose "
            "another, or ask the office's IT to turn it on.",
        ),
    ],
)
def test_a_wrong_field_is_said_in_one_sentence(
    qtbot, postgres_address, main_window, field, typed, said
):
    _team_with_the_example(postgres_address)
    dialog = _dialog(
        qtbot, main_window, port=_port(postgres_address), database=_name(postgres_address)
    )
    if field == "tls":
        dialog.tls.setCurrentIndex(dialog.tls.findData(typed))
    else:
        getattr(dialog, field).setText(typed)
    _connect(qtbot, dialog)
    assert dialog.isVisible() and main_window.store.path is not None
    assert dialog.message.text() == said


def test_a_certificate_that_cannot_be_checked_says_where_the_authority_goes():
    # libpq's words when sslmode=verify-full finds no root certificate (no TLS server here)
    exc = DatabaseUnavailable(
        "Cannot reach the team database postgresql://clerk_anna@db.office.local/eventdesk"
        '?sslmode=verify-full: connection to server at "db.office.local" (192.168.10.5), port '
        '5432 failed: root certificate file "/home/anna/.postgresql/root.crt" does not exist'
    )
    login = TeamLogin("db.office.local", 5432, "eventdesk", "clerk_anna", "verify-full")
    said = sentence(exc, login, password_given=False)
    assert said.startswith("The certificate of db.office.local could not be checked: put the ")
    assert ROOT_CERT in said and said.count(". ") == 0
