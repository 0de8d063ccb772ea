"""A clerk's crash drafts on a team database (issue 23, item 1): kept on their PC, offered back
when they reopen that team database, never shown to another clerk.

Given a window on a team database with unsaved edits kept as a draft, when the window goes
without saving (a crash: its connection is simply dropped) and the clerk opens the database
again, then the recovery bar offers the edits, and restoring and saving stores them; a draft
of a meeting another clerk saved since says so, and saving it asks rather than overwriting;
another clerk's window on the same database offers nothing.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.ui.sections import Section
from tests.conftest import SAMPLE
from tests.ui.conftest import make_window


@pytest.fixture
def team(postgres_address):
    """The example meeting on a team database; the test's stores are opened on its address."""
    with EventStore.open(postgres_address) as store:
        import_file(store, SAMPLE)
    return postgres_address


@pytest.fixture
def open_store():
    """Open stores on an address, each closed at the end (after its window)."""
    opened: list[EventStore] = []

    def open_(address: str) -> EventStore:
        opened.append(EventStore.open(address))
        return opened[-1]

    yield open_
    for store in opened:
        store.close()


def _type_a_venue(qtbot, window, venue_text: str):
    window.workspace.set_section(Section.MEETINGS)
    window.workspace.list_pane.select_id(1)
    editor = window.workspace.editors.meeting_editor
    venue = editor.details.view.venue
    venue.selectAll()
    qtbot.keyClicks(venue, venue_text)
    qtbot.keyClick(venue, Qt.Key.Key_Tab)
    editor._draft_timer.setInterval(50)  # the test need not wait the real two seconds
    editor._draft_timer.start()
    qtbot.waitUntil(lambda: len(window.store.drafts.pending()) == 1, timeout=5000)
    return editor


def _crash(window) -> None:
    """The window goes without saving or asking: its edits gone from the screen only, the
    draft left as a killed process leaves it."""
    editor = window.workspace.editors.meeting_editor
    editor._draft_timer.stop()
    editor._dirty = False  # nothing asked, nothing discarded
    assert window.close()


def test_a_window_gone_without_saving_offers_its_edits_on_reopening(
    qtbot, team, open_store, settings, tmp_path, answers
):
    first = make_window(qtbot, open_store(team), settings, tmp_path, answers)
    assert first.recovery_bar.isHidden()
    _type_a_venue(qtbot, first, "Lingnan University")
    assert "drafts" not in first.store.connection.table_names()
    _crash(first)

    again = make_window(qtbot, open_store(team), settings, tmp_path, answers)
    assert not again.recovery_bar.isHidden()
    text = again.recovery_bar.label.text()
    assert "did not close normally" in text and "Annual Meeting" in text
    assert "has saved" not in text

    again.recovery_bar.restore_action.trigger()
    editor = again.workspace.editors.meeting_editor
    assert editor.details.view.venue.text() == "Lingnan University"
    assert editor.is_dirty() and again.recovery_bar.isHidden()
    assert editor.save()
    assert again.store.meetings.get(1).venue == "Lingnan University"
    assert again.store.drafts.pending() == []


#: A window in a process of its own on a team database: the clerk types a note about a person,
#: the draft is kept, and the process dies without closing anything.
_KILLED = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from eventdesk.store import EventStore, drafts
from eventdesk.ui.main_window import MainWindow
from eventdesk.ui.preferences import Preferences
from eventdesk.ui.sections import Section

address, folder, settings = sys.argv[1:4]
drafts.local_folder = lambda: Path(folder)  # this PC's, as the tests'
app = QApplication([])
store = EventStore.open(address)
window = MainWindow(store, QSettings(settings, QSettings.Format.IniFormat), Preferences(),
                    preferences_path=Path(settings).with_name("preferences.json"))
window.show()
window.workspace.set_section(Section.PEOPLE)
ding = next(p for p in store.people.list() if p.name == "DING Xiaodong")
window.workspace.list_pane.select_id(ding.id)
editor = window.workspace.editors.person_editor
editor._draft_timer.setInterval(50)
QTest.keyClicks(editor.form.notes, "Met him in Hong Kong.")
for _ in range(200):
    QTest.qWait(25)
    if store.drafts.pending():
        os._exit(9)  # killed: no close, no question, the connection simply gone
sys.exit(1)
"""


def test_a_window_killed_in_its_process_offers_the_draft_on_reopening(
    qtbot, team, open_store, settings, tmp_path, answers, local_drafts
):
    script = tmp_path / "killed.py"
    script.write_text(textwrap.dedent(_KILLED), encoding="utf-8")
    args = [team, str(local_drafts), str(tmp_path / "killed-settings.ini")]
    done = subprocess.run([sys.executable, str(script), *args], check=False, timeout=180)
    assert done.returncode == 9

    again = make_window(qtbot, open_store(team), settings, tmp_path, answers)
    assert "DING Xiaodong" in again.recovery_bar.label.text()
    again.recovery_bar.restore_action.trigger()
    editor = again.workspace.editors.person_editor
    assert editor.form.notes.toPlainText() == "Met him in Hong Kong."
    assert editor.save()
    ding = next(p for p in again.store.people.list() if p.name == "DING Xiaodong")
    assert again.store.people.get(ding.id).notes == "Met him in Hong Kong."
    assert again.store.drafts.pending() == []


def test_a_draft_of_a_meeting_saved_since_says_so_and_asks_before_overwriting(
    qtbot, team, open_store, settings, tmp_path, answers, conflict_answers
):
    first = make_window(qtbot, open_store(team), settings, tmp_path, answers)
    _type_a_venue(qtbot, first, "My venue")
    _crash(first)
    with EventStore.open(team) as other:  # another clerk's save meanwhile
        meeting = other.meetings.get(1)
        meeting.venue = "Their venue"
        other.meetings.save(meeting)
        who = other.meetings.get(1).updated_by

    again = make_window(qtbot, open_store(team), settings, tmp_path, answers)
    text = again.recovery_bar.label.text()
    assert f"{who} has saved this meeting since (at " in text
    again.recovery_bar.restore_action.trigger()
    editor = again.workspace.editors.meeting_editor
    assert editor.details.view.venue.text() == "My venue"

    assert editor.save() is False  # Cancel: the edits stay on screen, theirs stored
    (asked,) = conflict_answers.asked
    assert asked.startswith(f"{who} saved this meeting at ")
    assert again.store.meetings.get(1).venue == "Their venue"
    assert editor.details.view.venue.text() == "My venue" and editor.is_dirty()


def test_another_clerks_window_offers_none_of_my_drafts(
    qtbot, team, second_login, open_store, settings, tmp_path, answers
):
    first = make_window(qtbot, open_store(team), settings, tmp_path, answers)
    _type_a_venue(qtbot, first, "Lingnan University")
    _crash(first)

    theirs = make_window(qtbot, open_store(second_login), settings, tmp_path, answers)
    assert theirs.recovery_bar.isHidden()
    assert theirs.pending_drafts() == []

    mine = make_window(qtbot, open_store(team), settings, tmp_path, answers)
    assert not mine.recovery_bar.isHidden()
    mine.recovery_bar.discard_action.trigger()
    assert mine.store.drafts.pending() == []


def test_the_bar_saying_so_fits_a_1366_pixel_window_with_both_buttons(qtbot, main_window):
    from eventdesk.store.drafts import Draft

    title = "Annual Meeting and Exchange Symposium of the Shanghai-Hong Kong University Alliance"
    draft = Draft(1, "meeting", 1, title, "2026-12-07T10:40", {}, "liwei", "2026-12-07T10:42")
    main_window.resize(1366, 768)
    main_window.recovery_bar.show_draft(draft, 2)
    qtbot.wait(50)
    bar = main_window.recovery_bar
    assert main_window.width() <= 1366
    for action in (bar.restore_action, bar.discard_action):
        assert bar.widgetForAction(action).isVisible()  # not folded away behind »
    assert "liwei has saved this meeting since (at 2026-12-07 10:42)" in bar.label.text()
    assert bar.label.toolTip() == title
