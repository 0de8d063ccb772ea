"""Dirty tracking, revert without undo, and the order of sessions and attendees."""

from __future__ import annotations

from PySide6.QtCore import Qt

from eventdesk.store.interchange import export_meeting


def test_dirty_flag_and_revert(sample_editor, sample_store, drive, qtbot):
    editor, store = sample_editor, sample_store
    meeting_id = editor.record_id()
    before = export_meeting(store, meeting_id)
    assert not editor.is_dirty()
    d = drive(editor)

    with qtbot.waitSignal(editor.dirtyChanged) as dirty:
        d.type(editor.details.view.title, "Renamed", replace=False)
    assert dirty.args == [True]
    assert editor.is_dirty()
    assert "(unsaved changes)" in editor.heading.text()
    d.open_tab(editor.attendees)
    editor.attendees.select(0)
    d.click(editor.attendees.remove_button)
    assert len(editor.meeting().attendees) == 9

    with qtbot.waitSignal(editor.dirtyChanged) as clean:
        d.click(editor.revert_button)
    assert clean.args == [False]
    assert not editor.is_dirty()
    assert editor.record_id() == meeting_id
    assert editor.details.view.title.text().endswith("Alliance 2021")
    assert editor.attendees.model.rowCount() == 10
    assert export_meeting(store, meeting_id) == before


def test_revert_of_a_new_meeting_empties_it(editor, drive):
    editor.new()
    d = drive(editor)
    d.field(editor.details.view.title, "Draft")
    assert editor.is_dirty()
    editor.revert()
    assert editor.details.view.title.text() == ""
    assert not editor.is_dirty()
    assert editor.record_id() is None


def test_reordering_sessions_and_attendees_changes_the_stored_order(
    sample_editor, sample_store, drive, qtbot
):
    editor, store = sample_editor, sample_store
    d = drive(editor)

    sessions = editor.sessions
    d.open_tab(sessions)
    sessions.select(2)  # Exchange symposium
    d.focus(sessions.view)
    qtbot.keyClick(sessions.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.is_dirty()
    assert [s.title for s in editor.meeting().sessions] == [
        "Opening ceremony",
        "Exchange symposium",
        "Council meeting",
    ]

    attendees = editor.attendees
    d.open_tab(attendees)
    attendees.select(4)  # YANG Jiong
    d.click(attendees.up_button)
    d.click(attendees.up_button)  # Ding, Ma, Yang, Chen, Huang
    d.focus(attendees.view)
    qtbot.keyClick(attendees.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    attendees.select(0)  # Ding, Ma, Chen, Yang, Huang
    d.click(attendees.down_button)

    assert editor.save()
    m = store.meetings.get(editor.record_id())
    assert [s.title for s in m.sessions] == [
        "Opening ceremony",
        "Exchange symposium",
        "Council meeting",
    ]
    people = store.people.get_many(a.person_id for a in m.attendees)
    assert [people[a.person_id].family_name for a in m.attendees[:5]] == [
        "Ma",
        "Ding",
        "Chen",
        "Yang",
        "Huang",
    ]
    # what a session's parts refer to still holds
    talk = next(p for p in m.presentations if p.title.startswith("The Growth"))
    assert m.session(talk.session_uid).title == "Exchange symposium"


def test_removing_a_session_clears_what_referred_to_it(sample_editor, sample_store, drive):
    editor, store = sample_editor, sample_store
    d = drive(editor)
    d.open_tab(editor.sessions)
    editor.sessions.select(1)  # Council meeting: both decisions refer to it
    d.click(editor.sessions.remove_button)
    assert editor.save()
    m = store.meetings.get(editor.record_id())
    assert [s.title for s in m.sessions] == ["Opening ceremony", "Exchange symposium"]
    assert [x.session_uid for x in m.decisions] == [None, None]


def test_a_long_title_does_not_widen_the_editor(editor, drive):
    editor.new()
    before = editor.minimumSizeHint().width()
    drive(editor).field(editor.details.view.title, "A very long title " * 30)
    assert editor.minimumSizeHint().width() <= max(before, 1280)
    assert editor.heading.text().startswith("A very long title")
