"""Who changed what, on every record's page (issue 23, item 5): the meeting editor's History
tab and the History under a person or organisation list each save, the newest first: when,
who, and what it changed in the form's words, old → new.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from eventdesk.store.versions import pc_user
from eventdesk.ui.sections import Section

WHEN = r"\d{4}-\d\d-\d\d \d\d:\d\d"


def _rows(view) -> list[tuple[str, ...]]:
    return [
        tuple(view.item(row, column).text() for column in range(view.columnCount()))
        for row in range(view.rowCount())
    ]


def test_the_meeting_editor_s_history_tab_lists_each_save_newest_first(qtbot, main_window):
    main_window.workspace.set_section(Section.MEETINGS)
    main_window.workspace.list_pane.select_id(1)
    editor = main_window.workspace.editors.meeting_editor
    venue = editor.details.view.venue
    venue.selectAll()
    qtbot.keyClicks(venue, "Zoom")
    qtbot.keyClick(venue, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    editor.show_tab("History")
    assert editor.tab_name() == "History"

    (when, who, what), (_, _, created) = _rows(editor.history)
    assert re.fullmatch(WHEN, when) and who == pc_user()
    assert what == "Venue: 'Online' \u2192 'Zoom'"
    assert created == "Created"  # by the import
    # a second save, made with the History on show, is listed at once
    editor.show_tab("Details")
    venue_zh = editor.details.view.venue_zh
    venue_zh.selectAll()
    qtbot.keyClicks(venue_zh, "Zoom")
    editor.show_tab("History")
    assert editor.save()
    assert _rows(editor.history)[0][2] == "Venue in Chinese: '线上' \u2192 'Zoom'"
    assert len(_rows(editor.history)) == 3


def test_a_person_s_page_lists_their_history(qtbot, main_window):
    store = main_window.store
    ding = next(r for r in store.people.list() if r.name == "DING Xiaodong")
    main_window.workspace.set_section(Section.PEOPLE)
    main_window.workspace.list_pane.select_id(ding.id)
    editor = main_window.workspace.editors.person_editor
    assert [what for _, _, what in _rows(editor.history)] == ["Created"]

    qtbot.keyClicks(editor.form.phone, "+86 21 5527 0000")
    qtbot.keyClick(editor.form.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    (latest, _) = _rows(editor.history)
    assert latest[1:] == (pc_user(), "Phone: (empty) \u2192 '+86 21 5527 0000'")


def test_a_course_s_page_lists_its_history_with_its_meeting_s_saves(qtbot, main_window):
    """A course changed on its meeting's Courses tab: the course page's History says so."""
    store = main_window.store
    main_window.workspace.set_section(Section.MEETINGS)
    main_window.workspace.list_pane.select_id(1)
    editor = main_window.workspace.editors.meeting_editor
    editor.show_tab("Courses")
    tab = editor.courses
    tab.select(0)
    course_id = tab.current().id
    teachers = tab.teachers
    teachers.setFocus()
    teachers.selectAll()
    qtbot.keyClicks(teachers, "Prof. Chan")
    qtbot.keyClick(teachers, Qt.Key.Key_Tab)
    assert editor.save()
    # saved again from the same editor: it holds the course at its new version, no conflict
    tab.select(0)
    tab.teachers.setFocus()
    qtbot.keyClick(tab.teachers, Qt.Key.Key_End)
    qtbot.keyClicks(tab.teachers, " and Dr. Li")
    qtbot.keyClick(tab.teachers, Qt.Key.Key_Tab)
    assert editor.save()

    main_window.workspace.set_section(Section.COURSES)
    main_window.workspace.list_pane.select_id(course_id)
    detail = main_window.workspace.editors.course_detail
    assert detail.record_id() == course_id
    (latest, first_edit, created) = _rows(detail.history)
    assert re.fullmatch(WHEN, latest[0]) and latest[1] == pc_user()
    assert first_edit[2].startswith("Teachers: ") and first_edit[2].endswith("→ 'Prof. Chan'")
    assert latest[2] == "Teachers: 'Prof. Chan' → 'Prof. Chan and Dr. Li'"
    assert created[2] == "Created"  # by the import
    assert store.courses.get(course_id).version == 3
