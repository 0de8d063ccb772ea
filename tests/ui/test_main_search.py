"""Typing in the search box filters the list through the store's full-text search."""

from __future__ import annotations

from eventdesk.ui.sections import Section


def test_typing_filters_the_meetings_list(qtbot, main_window):
    pane = main_window.workspace.list_pane
    assert main_window.workspace.section() is Section.MEETINGS
    assert pane.model().rowCount() == 1

    qtbot.keyClicks(pane.search, "zzz")
    qtbot.waitUntil(lambda: pane.model().rowCount() == 0, timeout=2000)
    assert pane.model().text == "zzz"

    pane.search.clear()
    qtbot.keyClicks(pane.search, "Pony")
    qtbot.waitUntil(lambda: pane.model().rowCount() == 1, timeout=2000)
    title = pane.model().display(pane.model().row(0), 1)
    assert "Shanghai" in title or "Alliance" in title


def test_search_waits_for_the_typist(qtbot, main_window):
    """One query after a pause, not one per keystroke."""
    pane = main_window.workspace.list_pane
    qtbot.keyClicks(pane.search, "zz")
    assert pane.model().text == ""  # not yet: the timer is running
    qtbot.waitUntil(lambda: pane.model().text == "zz", timeout=2000)


def test_people_search_finds_ding(qtbot, main_window):
    main_window.workspace.set_section(Section.PEOPLE)
    pane = main_window.workspace.list_pane
    qtbot.keyClicks(pane.search, "Xiaodong")
    qtbot.waitUntil(lambda: pane.model().text == "Xiaodong", timeout=2000)
    names = [pane.model().row(n).name for n in range(pane.model().rowCount())]
    assert names == ["DING Xiaodong"]


def test_ctrl_f_focuses_the_search_box(qtbot, main_window):
    main_window.actions_.find.trigger()
    qtbot.waitUntil(lambda: main_window.workspace.list_pane.search.hasFocus(), timeout=2000)
