"""Who else is editing (issue 23, item 4): a clerk opening a record another clerk has unsaved
edits in is told who, on which PC and since when, under the editor's heading; their own
first edit marks the record for the others, and saving or dropping the edits unmarks it.
"""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from eventdesk.store import editing
from eventdesk.store.versions import pc_user
from eventdesk.ui.sections import Section
from tests.ui.conftest import make_window


def _marks(store) -> list[tuple]:
    return store.connection.execute(
        "SELECT record_type, record_id, user_name, host FROM editing ORDER BY 1, 2"
    ).fetchall()


def test_a_meeting_another_clerk_is_editing_says_who_and_since_when(
    qtbot, sample_store, settings, tmp_path, answers
):
    since = datetime.now(UTC) - timedelta(minutes=3)
    editing.start(sample_store.connection, "meeting", 1, "liwei", "PC-12", at=since)
    editing.keep(sample_store.connection, "meeting", 1, "liwei", "PC-12")
    window = make_window(qtbot, sample_store, settings, tmp_path, answers)
    window.workspace.set_section(Section.MEETINGS)
    window.workspace.list_pane.select_id(1)
    editor = window.workspace.editors.meeting_editor

    assert editor.editing_note.isVisible()
    at = since.astimezone().strftime("%H:%M")
    assert editor.editing_note.text() == (
        f"liwei (on PC-12) has been editing this meeting since {at}, without saving yet."
    )
    note, tabs = editor.editing_note.geometry(), editor.tabs.geometry()
    assert note.bottom() < tabs.top()  # in the header, above the tabs
    window.workspace.editors.revert()


def test_my_first_edit_marks_the_meeting_and_saving_unmarks_it(qtbot, main_window):
    store = main_window.store
    main_window.workspace.set_section(Section.MEETINGS)
    main_window.workspace.list_pane.select_id(1)
    editor = main_window.workspace.editors.meeting_editor
    assert _marks(store) == [] and not editor.editing_note.isVisible()

    venue = editor.details.view.venue
    venue.selectAll()
    qtbot.keyClicks(venue, "Zoom")

    assert _marks(store) == [("meeting", 1, pc_user(), socket.gethostname())]
    assert not editor.editing_note.isVisible()  # one's own edits are not news
    qtbot.keyClick(venue, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store.meetings.get(1).venue == "Zoom"
    assert _marks(store) == []


def test_dropping_my_edits_unmarks_the_person(qtbot, main_window):
    store = main_window.store
    ding = next(r for r in store.people.list() if r.name == "DING Xiaodong")
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.workspace.list_pane.select_id(ding.id)
    editor = main_window.workspace.editors.person_editor
    qtbot.keyClicks(editor.form.phone, "+86")
    assert _marks(store) == [("person", ding.id, pc_user(), socket.gethostname())]

    editor.revert()

    assert _marks(store) == []


def test_a_person_another_clerk_is_editing_says_so_on_their_page(qtbot, main_window):
    store = main_window.store
    ding = next(r for r in store.people.list() if r.name == "DING Xiaodong")
    editing.start(store.connection, "person", ding.id, "maxt", "OFFICE-3")
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.workspace.list_pane.select_id(ding.id)
    note = main_window.workspace.editors.person_editor.editing_note
    assert note.isVisible()
    assert note.text().startswith("maxt (on OFFICE-3) has been editing this person since ")
