"""Keyboard first: Tab follows the form, Enter adds rows where that makes sense."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def _tab_through(qtbot, start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def _in_order(seen: list[QWidget], expected: list[QWidget]) -> bool:
    assert all(w in seen for w in expected), [
        (type(w).__name__, w.placeholderText() if hasattr(w, "placeholderText") else "")
        for w in expected
        if w not in seen
    ]
    positions = [seen.index(w) for w in expected]
    return positions == sorted(positions)


def test_tab_follows_the_details_form(sample_editor, qtbot, drive):
    v = sample_editor.details.view
    drive(sample_editor).focus(v.title)
    seen = _tab_through(qtbot, v.title, 24)
    expected = [
        v.title,
        v.title_zh,
        v.series,
        v.series_zh,
        v.edition,
        v.start_date,
        v.end_date,
        v.start_time,
        v.end_time,
        v.format,
        v.our_role,
        v.status,
        v.venue,
        v.venue_zh,
        v.hosts.finder,
        v.tags,
        v.summary,
        v.summary_zh,
    ]
    assert _in_order(seen, expected), [w.objectName() or type(w).__name__ for w in seen]


def test_tab_in_the_attendees_tab_goes_from_the_finder_to_the_list_and_form(
    sample_editor, qtbot, drive
):
    tab = sample_editor.attendees
    d = drive(sample_editor)
    d.open_tab(tab)
    d.focus(tab.finder)
    seen = _tab_through(qtbot, tab.finder, 12)
    assert _in_order(seen, [tab.finder, tab.new_person_button, tab.view, tab.title, tab.title_zh])


def test_enter_in_a_list_adds_a_row(sample_editor, qtbot, drive):
    tab = sample_editor.decisions
    d = drive(sample_editor)
    d.open_tab(tab)
    tab.select(1)
    d.focus(tab.view)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert len(sample_editor.meeting().decisions) == 3
    assert tab.current_row() == 2
    assert tab.kind.hasFocus()
    assert sample_editor.is_dirty()


def test_enter_in_a_course_title_adds_the_next_course(editor, drive):
    editor.new()
    d = drive(editor)
    d.field(editor.details.view.start_date, "2021-12-22")
    tab = editor.courses
    d.open_tab(tab)
    d.click(tab.add_button)
    d.type(tab.programme, "Excellent national condition courses")
    d.type(tab.title, "First")
    d.enter(tab.title)
    d.type(tab.title, "Second")
    courses = editor.meeting().courses
    assert [c.title for c in courses] == ["First", "Second"]
    assert [c.programme for c in courses] == ["Excellent national condition courses"] * 2
    assert [c.year for c in courses] == [2021, 2021]
