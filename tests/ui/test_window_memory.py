"""The window remembers its size, its panes and its last database (in QSettings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from eventdesk import paths
from eventdesk.store import EventStore
from eventdesk.ui.app import QUIT, RETRY, USE_DEFAULT, choose_database
from eventdesk.ui.window_settings import WindowSettings
from tests.ui.conftest import make_window


def test_the_window_remembers_its_size_and_splitter(
    qtbot, sample_store, settings, tmp_path, answers
):
    window = make_window(qtbot, sample_store, settings, tmp_path, answers)
    window.resize(720, 520)  # within the offscreen screen of 800 x 600
    window.workspace.setSizes([130, 250, 330])
    sizes = window.workspace.sizes()
    assert window.close()

    again = make_window(
        qtbot, sample_store, QSettings(settings.fileName(), settings.format()), tmp_path, answers
    )
    assert (again.width(), again.height()) == (720, 520)
    assert again.workspace.sizes() == sizes


def test_after_a_restart_the_meeting_reopens_on_the_tab_left_open(
    qtbot, sample_store, settings, tmp_path, answers
):
    """Given a clerk on the example's Attendees tab, when the program is closed and started
    again, then the example is shown on Attendees, not Details."""
    window = make_window(qtbot, sample_store, settings, tmp_path, answers)
    editor = window.workspace.editors.meeting_editor
    qtbot.waitUntil(lambda: editor.record_id() is not None)
    editor.tabs.setCurrentWidget(editor.attendees)
    assert window.close()

    again = make_window(
        qtbot, sample_store, QSettings(settings.fileName(), settings.format()), tmp_path, answers
    )
    editor = again.workspace.editors.meeting_editor
    qtbot.waitUntil(lambda: editor.record_id() is not None)
    assert editor.tabs.tabText(editor.tabs.currentIndex()).startswith("Attendees")


def test_the_settings_are_a_temporary_file(settings, tmp_path):
    assert Path(settings.fileName()).is_relative_to(tmp_path)
    assert Path(QSettings().fileName()).is_relative_to(tmp_path)


def test_last_database_and_recent_list(settings, tmp_path):
    memory = WindowSettings(settings)
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for path in (first, second):
        EventStore.open(path).close()
        memory.remember_database(path)
    assert memory.last_database() == second.resolve()
    assert memory.recent_databases() == [second.resolve(), first.resolve()]


def _never_asked(message: str) -> str:
    raise AssertionError(f"asked: {message}")


def test_db_option_wins_then_last_database_then_default(settings, tmp_path):
    memory = WindowSettings(settings)
    explicit = tmp_path / "explicit.sqlite3"
    assert choose_database(explicit, memory, _never_asked) == explicit
    assert choose_database(None, memory, _never_asked) == paths.default_database()
    last = tmp_path / "last.sqlite3"
    EventStore.open(last).close()
    memory.remember_database(last)
    assert choose_database(None, memory, _never_asked) == last


@pytest.mark.parametrize(("answer", "opened"), [(QUIT, None), (USE_DEFAULT, "default")])
def test_a_last_database_out_of_reach_is_asked_about_never_replaced(
    settings, tmp_path, answer, opened
):
    # Given the last database on a network drive that has not reconnected yet
    memory = WindowSettings(settings)
    share = tmp_path / "Z-drive"
    share.mkdir()
    last = share / "office.sqlite3"
    EventStore.open(last).close()
    memory.remember_database(last)
    share.rename(tmp_path / "disconnected")
    # when the window starts, then the clerk is asked, and the default opens only if chosen
    asked = []
    chosen = choose_database(None, memory, lambda message: asked.append(message) or answer)
    assert asked == [
        f"The database you had open last time, {last}, cannot be reached: its drive or "
        "network share is not connected, or its folder was moved."
    ]
    assert chosen == (paths.default_database() if opened else None)


def test_trying_again_opens_the_last_database_once_its_drive_is_back(settings, tmp_path):
    memory = WindowSettings(settings)
    last = tmp_path / "share" / "office.sqlite3"
    last.parent.mkdir()
    EventStore.open(last).close()
    memory.remember_database(last)
    last.parent.rename(tmp_path / "away")

    def reconnect_and_retry(message: str) -> str:
        (tmp_path / "away").rename(last.parent)  # the drive reconnects meanwhile
        return RETRY

    assert choose_database(None, memory, reconnect_and_retry) == last


def test_a_last_database_deleted_is_said_to_be_gone(settings, tmp_path):
    memory = WindowSettings(settings)
    last = tmp_path / "office.sqlite3"
    EventStore.open(last).close()
    memory.remember_database(last)
    last.unlink()
    asked = []
    assert choose_database(None, memory, lambda m: asked.append(m) or QUIT) is None
    assert "is not there any more (moved, renamed or deleted)" in asked[0]


def test_opening_another_database_switches_the_window(qtbot, main_window, tmp_path):
    other = tmp_path / "other.sqlite3"
    assert main_window.new_database(other)
    assert main_window.store.path == other
    assert main_window.workspace.list_pane.model().rowCount() == 0
    assert main_window.workspace.offers_example()
    assert WindowSettings(main_window.settings.qsettings).last_database() == other.resolve()
    assert "other.sqlite3" in main_window.windowTitle()
