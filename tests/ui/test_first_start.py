"""An empty database offers the example meeting, without a modal dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt

from eventdesk.ui.sections import Section


def test_empty_database_offers_the_example_meeting(qtbot, empty_window):
    workspace = empty_window.workspace
    assert workspace.offers_example()
    assert empty_window.store.meetings.count() == 0

    qtbot.mouseClick(workspace.list_pane.example_button, Qt.MouseButton.LeftButton)

    assert empty_window.store.meetings.count() == 1
    assert not workspace.offers_example()
    assert workspace.section() is Section.MEETINGS
    assert workspace.editors.shown_id() == empty_window.store.meetings.list()[0].id


def test_a_database_with_meetings_offers_nothing(main_window):
    assert not main_window.workspace.offers_example()


def test_new_meeting_shortcut_shows_an_empty_meeting(main_window):
    main_window.actions_.new_record.trigger()
    editors = main_window.workspace.editors
    assert editors.shown_section() is Section.MEETINGS
    assert editors.shown_id() is None


def test_the_hint_leaves_while_the_first_meeting_is_entered(qtbot, empty_window):
    """Given an empty database, when the clerk presses Ctrl+N and types the first meeting,
    then the empty-database hint is gone from above the list; it stays gone once saved."""
    workspace = empty_window.workspace
    qtbot.keyClick(empty_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = workspace.editors.meeting_editor
    assert workspace.editors.shown_section() is Section.MEETINGS
    assert not workspace.offers_example()

    qtbot.keyClicks(editor.details.view.title, "Annual Meeting")
    qtbot.keyClicks(editor.details.view.start_date, "22 December 2021")
    assert editor.save()
    assert empty_window.store.meetings.count() == 1
    assert not workspace.offers_example()
