"""Delete moves the selected record to the trash; Undo and the trash view bring it back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from eventdesk.ui.sections import Section


def test_delete_key_moves_a_meeting_to_the_trash_and_undo_restores_it(qtbot, main_window):
    store = main_window.store
    (meeting,) = store.meetings.list()
    pane = main_window.workspace.list_pane
    assert pane.current_id() == meeting.id
    pane.table.setFocus()
    qtbot.waitUntil(pane.table.hasFocus, timeout=2000)

    qtbot.keyClick(pane.table, Qt.Key.Key_Delete)

    assert store.meetings.count() == 0
    assert store.trash.ids()["meeting"] == [meeting.id]
    assert pane.model().rowCount() == 0
    assert main_window.workspace.editors.shown_id() is None

    main_window.actions_.undo.trigger()

    assert store.meetings.count() == 1
    assert store.trash.ids()["meeting"] == []
    assert pane.model().rowCount() == 1

    main_window.actions_.redo.trigger()
    assert store.meetings.count() == 0


def test_deleting_a_person_and_restoring_from_the_trash_view(qtbot, main_window):
    store = main_window.store
    workspace = main_window.workspace
    workspace.set_section(Section.PEOPLE)
    before = store.people.count()
    person_id = workspace.list_pane.current_id()

    assert main_window.delete_selected()
    assert store.people.count() == before - 1

    dialog = main_window.show_trash()
    assert dialog.model.rowCount() == 1
    assert dialog.restore_selected()
    assert store.people.count() == before
    assert workspace.list_pane.model().row_of_id(person_id) is not None
    assert dialog.model.rowCount() == 0
    dialog.close()


def test_courses_cannot_be_deleted_from_the_register(main_window):
    main_window.workspace.set_section(Section.COURSES)
    assert not main_window.actions_.delete.isEnabled()
    assert not main_window.delete_selected()


def test_deleting_a_person_who_attended_says_what_would_change_and_no_keeps_them(
    qtbot, main_window, answers
):
    store = main_window.store
    workspace = main_window.workspace
    workspace.set_section(Section.PEOPLE)
    before = store.people.count()
    person_id = workspace.list_pane.current_id()
    answers.delete = False

    assert not main_window.delete_selected()

    ((label, impact),) = answers.deletions_asked
    assert label == store.people.get(person_id).display_name
    assert impact == [
        "attended 2021-12-22 Annual Meeting and Exchange Symposium of the Shanghai-Hong Kong "
        "University Alliance 2021"
    ]
    assert store.people.count() == before
    answers.delete = True
    assert main_window.delete_selected()
    assert store.people.count() == before - 1


def test_a_meeting_is_deleted_without_a_question(main_window, answers):
    assert main_window.delete_selected()
    assert answers.deletions_asked == []
