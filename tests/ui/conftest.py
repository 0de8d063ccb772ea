"""Fixtures for the desktop program's tests.

Every test gets QSettings on a temporary file and preferences in a temporary
folder, so no test reads or changes the user's real settings, and no test
waits on a modal dialog: ``ask_unsaved``, ``ask_delete``, ``ask_take_over``,
``inform`` and ``warn`` answer without one, and so does every editor's ``ask_conflict``
(another clerk saved first: :class:`ConflictAnswers`).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtWidgets import QMessageBox

from eventdesk.store import EventStore
from eventdesk.ui.conflict_question import ConflictChoice
from eventdesk.ui.editor_base import Editor
from eventdesk.ui.main_window import MainWindow
from eventdesk.ui.opening import Choice
from eventdesk.ui.preferences import Preferences


@pytest.fixture(autouse=True)
def settings_path(tmp_path: Path, qapp) -> Path:
    """A settings file of this test alone; the application's names point away from the user's.

    Autouse: any ``QSettings()`` made by any widget under test (ours or a dialog's) lands in
    the test's temporary folder, never in the user's real settings.
    """
    QCoreApplication.setOrganizationName("EventDeskTests")
    QCoreApplication.setApplicationName("EventDeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    return tmp_path / "settings.ini"


def run_program(db=None) -> int:
    """``eventdesk.ui.app.run(db)``, as the program starts, the test's application names put
    back after (run() gives the application EventDesk's names, which the settings follow)."""
    from eventdesk.ui import app as app_module

    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    try:
        return app_module.run(db)
    finally:
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])


@pytest.fixture(autouse=True)
def background_jobs_end(qapp):
    """No test leaves a job in the shared thread pool for the next test to queue behind.

    The pool has as many threads as the machine has cores (two here): a job a test started
    and never waited for (a daily backup, a check, an import) would hold a thread while the
    next test's job waits its turn, and that test would time out for no fault of its own.
    """
    yield
    assert QThreadPool.globalInstance().waitForDone(60_000), "a background job ran past 60 s"


class ConflictAnswers:
    """What a clerk answers when a save meets another clerk's (Cancel unless a test says),
    and the messages they were asked with."""

    def __init__(self) -> None:
        self.choice = ConflictChoice.CANCEL
        self.asked: list[str] = []

    def ask(self, message: str) -> ConflictChoice:
        self.asked.append(message)
        return self.choice


@pytest.fixture(autouse=True)
def conflict_answers(monkeypatch) -> ConflictAnswers:
    """Every editor's conflict question answered without a dialog."""
    answers = ConflictAnswers()
    monkeypatch.setattr(Editor, "ask_conflict", lambda _editor, message: answers.ask(message))
    return answers


@pytest.fixture
def settings(settings_path: Path) -> QSettings:
    return QSettings(str(settings_path), QSettings.Format.IniFormat)


class Answers:
    """What the user answers to the window's questions, and what they were told."""

    def __init__(self) -> None:
        self.unsaved = QMessageBox.StandardButton.Cancel
        self.asked = 0
        self.messages: list[str] = []
        self.delete = True  # the answer to "move it to the trash?"
        self.deletions_asked: list[tuple[str, list[str]]] = []
        self.take_over = Choice.READ_ONLY  # the answer to "being edited on another PC"
        self.take_overs_asked: list[str] = []

    def ask_delete(self, label: str, impact: list[str]) -> bool:
        self.deletions_asked.append((label, impact))
        return self.delete

    def ask_take_over(self, message: str) -> Choice:
        self.take_overs_asked.append(message)
        return self.take_over


def make_window(qtbot, store: EventStore, settings: QSettings, tmp_path: Path, answers: Answers):
    window = MainWindow(
        store,
        settings,
        Preferences(page_size=50),
        preferences_path=tmp_path / "preferences.json",
    )

    def ask_unsaved():
        answers.asked += 1
        return answers.unsaved

    window.ask_unsaved = ask_unsaved  # type: ignore[method-assign]
    window.ask_delete = answers.ask_delete  # type: ignore[method-assign]
    window.ask_take_over = answers.ask_take_over  # type: ignore[method-assign]
    window.inform = answers.messages.append  # type: ignore[method-assign]
    window.warn = answers.messages.append  # type: ignore[method-assign]
    # Closed at teardown without a question: the edits a test leaves are dropped first, so
    # the close is accepted and the window's timers stop before the store is closed.
    qtbot.addWidget(window, before_close_func=lambda w: w.workspace.editors.revert())
    window.show()
    qtbot.waitExposed(window)
    if window.store.path is not None:
        window.integrity_check.wait()  # its daily backup is there before the test looks
    return window


@pytest.fixture
def answers() -> Answers:
    return Answers()


def close_window(window: MainWindow, opened: EventStore | None) -> None:
    """Close the window, and the store it ends on if a test opened another in it (File ›
    Open, Connect to team database…): a team database's store left open keeps its listener
    thread asking a dropped database every 5 s until the session ends. ``opened`` is closed
    by its own fixture (None: the store is closed here whichever it is)."""
    if window.workspace is not None:
        window.workspace.editors.revert()  # nothing left to ask about when the window closes
    ended_on = window.store
    window.close()
    if ended_on is not opened:
        ended_on.close()


@pytest.fixture
def main_window(qtbot, sample_store: EventStore, settings: QSettings, tmp_path, answers):
    """The main window on the example meeting's database."""
    window = make_window(qtbot, sample_store, settings, tmp_path, answers)
    yield window
    close_window(window, sample_store)


@pytest.fixture
def empty_window(qtbot, fresh_store: EventStore, settings: QSettings, tmp_path, answers):
    window = make_window(qtbot, fresh_store, settings, tmp_path, answers)
    yield window
    close_window(window, fresh_store)


@pytest.fixture
def team_windows(qtbot, answers):
    """``team_windows(address, settings, folder)``: a window on that team database (opened as
    a clerk's EventDesk opens it, never made); each closed at teardown with its store."""
    opened: list[MainWindow] = []

    def open_window(address: str, settings: QSettings, folder: Path) -> MainWindow:
        store = EventStore.open(address, create=False)
        opened.append(make_window(qtbot, store, settings, folder, answers))
        return opened[-1]

    yield open_window
    for window in reversed(opened):
        close_window(window, None)


def listener_threads() -> list[threading.Thread]:
    """The change listeners' threads alive now (``engines/postgres_listener.py``)."""
    return [t for t in threading.enumerate() if t.name == "eventdesk-listener" and t.is_alive()]


@pytest.fixture
def no_listener_left():
    """After the test and its fixtures' teardown, no change listener's thread is left: every
    team database's store the test's windows used was closed."""
    yield
    deadline = time.monotonic() + 5
    while listener_threads() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert listener_threads() == []


# -- team databases (tests/ui/test_team_*.py) ------------------------------------------------

#: The promise of issue 23, item 4: another clerk's save is on screen within two seconds.
PROMISED_MS = 2000


@pytest.fixture
def team_window(qtbot, postgres_address, settings, tmp_path, answers):
    """A window on a new team database (the suite's PostgreSQL), its listener listening;
    others' changes are made through ``EventStore.open(postgres_address)``."""
    store = EventStore.open(postgres_address)
    window = make_window(qtbot, store, settings, tmp_path, answers)
    assert window.workspace.live_lists.live
    assert store.changes.listen().wait_listening(10)
    yield window
    window.workspace.editors.revert()
    window.close()
    store.close()


#: The password of :func:`password_login`.
PASSWORD = "Correct horse 5"
_ROLES = itertools.count(1)


@pytest.fixture(scope="module")
def password_login(postgres_server):
    """A login that must give its password (SCRAM), as an office's clerk does."""
    role = f"anna_{os.getpid()}_{next(_ROLES)}"  # one per module that uses it
    postgres_server.add_password_role(role, PASSWORD)
    yield role
    with contextlib.suppress(Exception):
        postgres_server._admin_connection().execute(f"DROP ROLE IF EXISTS {role}")


@pytest.fixture
def no_password_files(monkeypatch, tmp_path):
    """libpq finds no password of the developer's own (.pgpass, PGPASSWORD)."""
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv("PGSERVICE", raising=False)
